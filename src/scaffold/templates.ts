/**
 * The files `npm run new-lemma -- <id>` writes: a lemma in `proof/<id>.ts` whose doc comments are
 * the statement (read by the registry, shown in the report), and its evidence in
 * `properties/<id>.property.ts`. The lemma is a small worked example (for $x \in [0,1]$,
 * $x^2 \le x$) that runs as written, so the newcomer sees it in the report before replacing it.
 */

/** `relu-partition-of-unity` → `reluPartitionOfUnity`. */
export function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function proofTemplate(id: string): string {
  const name = camelCase(id);
  return `/**
 * Example statement, to replace with yours: for $x \\in [0, 1]$, $x^2 \\le x$.
 *
 * The doc comment above is the lemma's statement in the report: one sentence in notation (TeX between
 * \`$…$\`), then one \`@hypothesis <name> <statement>\` per hypothesis, the \`@method\` and the \`@reference\`.
 *
 * @hypothesis unit-interval $0 \\le x \\le 1$
 * @method $x^2 = x \\cdot x \\le x \\cdot 1$ since $0 \\le x \\le 1$.
 * @reference Replace with the paper, section and equation the statement comes from.
 */
import type { Decimal } from 'decimal.js';
import { defineClaim, defineLemma, type HypothesisFailure } from '../src/registry/define.ts';
import { readDecimal, required } from '../src/verdict/args.ts';

/** The exact arguments of a probe (parsed from its JSON arguments). */
interface Args {
  readonly x: Decimal;
}

/** The hypothesis \`unit-interval\`: a probe outside it is \`inapplicable\`, not a counterexample. */
function unitIntervalFails({ x }: Args): HypothesisFailure | undefined {
  return x.gte(0) && x.lte(1) ? undefined : { hypothesis: 'unit-interval', reason: \`x = \${x.toString()} is not in [0, 1]\` };
}

/**
 * $x^2 \\le x$ for $x \\in [0, 1]$.
 *
 * @lhs $x^2$
 * @bound $x$
 * @args \`x\` (decimal)
 */
export const square = defineClaim<Args>({
  id: 'square',
  // Read every argument exactly; a bad one throws ArgumentError naming it (verdict \`error\`).
  parse: (raw) => ({ x: readDecimal(required(raw, 'x'), 'x') }),
  hypotheses: unitIntervalFails,
  // Enclose both sides with the interval arithmetic A (directed rounding): the verdict is certified.
  evaluate({ x }, A) {
    const X = A.point(x);
    return { lhs: A.mul(X, X), bound: X };
  },
});

export const ${name} = defineLemma({
  id: '${id}',
  uses: [],
  claims: [square],
});
`;
}

export function propertyTemplate(id: string): string {
  const name = camelCase(id);
  return `/**
 * Evidence for lemma ${id}: each claim probed by a campaign of exact decimal inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ${name}, square } from '../proof/${id}.ts';
import { runCampaign, summarise } from '../src/verify/campaign.ts';
import { decimalBetween } from '../src/verify/generators.ts';
import { withPlantedBound } from '../src/verify/planted.ts';

// Raw JSON arguments, as \`uat check\` receives them: exact decimal strings.
const unitInterval = fc.record({ x: decimalBetween('0', '1', 6) });

describe('${id}', () => {
  it('square holds for x in [0, 1]', () => {
    const outcome = runCampaign({
      lemma: ${name}.id,
      claim: square.id,
      kind: 'claim',
      definition: square,
      arbitrary: unitInterval,
      domain: 'x ∈ [0, 1], 6 decimal places',
      defaultRuns: 200,
    });
    expect(['certified', 'holds on samples'], summarise(outcome)).toContain(outcome.status);
  });

  // A planted false bound (x² ≤ x/2) must be refuted: the evidence that this test can fail.
  it('a bound half as large is refuted', () => {
    const planted = withPlantedBound(square, 'square-halved', (_args, A, original) => A.div(original.bound, A.point(2)));
    const outcome = runCampaign({
      lemma: ${name}.id,
      claim: planted.id,
      kind: 'planted',
      definition: planted,
      arbitrary: unitInterval,
      domain: 'x ∈ [0, 1], 6 decimal places',
      defaultRuns: 200,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
  });
});
`;
}
