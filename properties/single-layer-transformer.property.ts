/**
 * Evidence for theorem single-layer-transformer: constructed networks checked from their weights on
 * random inputs, for the example target (with a box-wise proof over the whole cube), for
 * random library targets and for random expression targets, token counts and ε; the ledger and the routing bound probed; planted
 * false versions of every claim refuted (sup-error and uniform-error with ε/100, the ledger without its
 * routing term, routing without the factor n − 1); the three hypotheses under audit (positional encoding, margin, λ after the
 * FFN) shown necessary with certified counterexamples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledger, lambdaAfterFfn, marginNecessary, positionalEncodingNecessary, routing, singleLayerTransformer, supError, uniformError } from '../proof/single-layer-transformer.ts';
import { ExactDecimal } from '../src/arith/context.ts';
import { cachedBoxCertificate } from '../src/transformer/certify.ts';
import { cachedConstruction, readTargetArgs } from '../src/transformer/cache.ts';
import { runCampaign, summarise, type RawArgs } from '../src/verify/campaign.ts';
import { decimalBetween } from '../src/verify/generators.ts';
import { withPlantedBound } from '../src/verify/planted.ts';

const unit = decimalBetween('0', '1', 6);
/**
 * Precision cap of these campaigns: some errors are exactly 0 (e.g. Σ_i x_i is routed without loss,
 * since Σ_h a_hj = 1), so the enclosure [0, tiny] is never "known to 20 digits" and the engine would
 * double the precision up to 1000 digits for nothing; the verdict is decided at the first precision.
 */
const DECIDE = { maxPrecision: 120 } as const;
const tokensX = (n: number) => fc.array(unit, { minLength: n, maxLength: n });

/** Library families the ridge route constructs, with parameters. */
const librarySpec = fc.oneof(
  fc.record({ family: fc.constant('sin'), k: fc.constantFrom('1', '2', '-3') }),
  fc.record({ family: fc.constant('abs-shift'), c: decimalBetween('0', '1', 2) }),
  fc.record({ family: fc.constant('exp'), k: fc.constantFrom('1', '-1'), lo: fc.constant('0'), hi: fc.constant('1') }),
  fc.record({ family: fc.constant('polynomial'), coefficients: fc.array(decimalBetween('-1', '1', 1), { minLength: 1, maxLength: 4 }), lo: fc.constant('0'), hi: fc.constant('1') }),
  fc.record({ family: fc.constant('coordinate-sum') }),
  fc.record({ family: fc.constant('product'), lo: fc.constant('0'), hi: fc.constant('1') }),
  fc.record({ family: fc.constant('sin-of-sum'), k: fc.constantFrom('1', '2') }),
  fc.record({ family: fc.constant('select-first') }),
  fc.record({ family: fc.constant('select-own') }),
);
const epsilon = fc.constantFrom('0.2', '0.1', '0.05');
const libraryProbe = (withX: boolean): fc.Arbitrary<RawArgs> =>
  fc.integer({ min: 2, max: 3 }).chain((n) =>
    fc.record({ target: librarySpec, tokens: fc.constant(n), epsilon, ...(withX ? { X: tokensX(n) } : {}) }) as fc.Arbitrary<RawArgs>,
  );

/** Random expression targets: sums of 1–3 terms of the shapes the route covers, with a valid (generous) Lipschitz constant. */
const coefficient = fc.integer({ min: -20, max: 20 }).map((k) => k / 10);
const expressionProbe: fc.Arbitrary<RawArgs> = fc.integer({ min: 2, max: 3 }).chain((n) => {
  const v = fc.integer({ min: 1, max: n });
  const term = fc.oneof(
    fc.tuple(coefficient, v, v).map(([c, a, b]) => ({ text: `${c}*x${a}*x${b}`, L: 2 * Math.abs(c) })),
    fc.tuple(coefficient, coefficient, v, v).map(([c, d, a, b]) => ({ text: `sin(${c}*x${a} + ${d}*x${b})`, L: Math.abs(c) + Math.abs(d) })),
    fc.tuple(v, v).map(([a, b]) => ({ text: `abs(x${a} - x${b})`, L: 2 })),
    fc.tuple(v, v).map(([a, b]) => ({ text: `max(x${a}, x${b})`, L: 1 })),
    fc.tuple(coefficient, v).map(([c, a]) => ({ text: `${c}*i*x${a}`, L: Math.abs(c) * n })),
    fc.tuple(coefficient, v).map(([c, a]) => ({ text: `exp(${c}*x${a})`, L: 8 * Math.abs(c) })),
    fc.tuple(coefficient, v, v).map(([c, a, b]) => ({ text: `${c}*x${a}*sin(x${b})`, L: 2 * Math.abs(c) })),
  );
  return fc.record({
    terms: fc.array(term, { minLength: 1, maxLength: 3 }),
    epsilon: fc.constantFrom('0.2', '0.1'),
    X: tokensX(n),
  }).map(({ terms, epsilon, X }): RawArgs => ({
    f: terms.map((t) => t.text).join(' + '),
    lipschitz: String(terms.reduce((s, t) => s + t.L, 0)),
    tokens: n,
    epsilon,
    X,
  }));
});

const example = { f: 'x1*x2 + i/2', tokens: 2, lipschitz: '2', epsilon: '0.1' };
const exampleProbe = tokensX(2).map((X): RawArgs => ({ ...example, X }));

describe('single-layer-transformer', () => {
  it('sup-error holds for the example, random library targets and random expression targets', () => {
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: supError.id,
      kind: 'claim',
      definition: supError,
      decideOptions: DECIDE,
      arbitrary: fc.oneof(exampleProbe, libraryProbe(true), expressionProbe),
      domain:
        'x1·x2 + i/2 (n = 2, ε = 0.1); library targets (sin, abs-shift, exp, polynomial, coordinate-sum, product, sin-of-sum, select-first, select-own); sums of 1–3 terms c·xa·xb, sin(c·xa + d·xb), |xa − xb|, max(xa, xb), c·i·xa, exp(c·xa), c·xa·sin(xb); n ∈ {2, 3}, ε ∈ {0.2, 0.1, 0.05}, X ∈ [0,1]^n',
      defaultRuns: 90,
    });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
    expect(outcome.counts.inapplicable + outcome.counts.error).toBe(0);
  }, 120_000);

  const uniformProbes: RawArgs[] = [
    example,
    { f: 'max(x1, x2)', tokens: 2, lipschitz: '1', epsilon: '0.1' },
    { f: 'sin(x1) + x2/2', tokens: 2, lipschitz: '1.5', epsilon: '0.1' },
  ];

  it('uniform-error: sup over [0,1]^2 ≤ ε, proved box-wise for the issue\'s two-token examples', () => {
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: uniformError.id,
      kind: 'claim',
      definition: uniformError,
      decideOptions: { maxPrecision: 40 },
      arbitrary: fc.constantFrom(...uniformProbes),
      examples: uniformProbes,
      domain: 'x1·x2 + i/2, max(x1, x2), sin(x1) + x2/2; n = 2, ε = 0.1; each probe a cover of [0,1]^2 by at most 4000 boxes',
      defaultRuns: 3,
      boxProof: () => {
        const proofs = uniformProbes.map((p) => {
          const c = cachedConstruction(readTargetArgs(p));
          return c instanceof Error ? { certified: false, description: c.message } : cachedBoxCertificate(c, 4000);
        });
        return { certified: proofs.every((b) => b.certified), description: proofs.map((b, k) => `${String(uniformProbes[k]!.f)}: ${b.description}`).join('; ') };
      },
    });
    expect(outcome.status, summarise(outcome)).toBe('certified');
  }, 120_000);

  it('the ledger closes below ε for random library targets', () => {
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: ledger.id,
      kind: 'claim',
      definition: ledger,
      arbitrary: libraryProbe(false),
      domain: 'library targets, n ∈ {2, 3}, ε ∈ {0.2, 0.1, 0.05}',
      defaultRuns: 20,
    });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
  }, 120_000);

  it('routing by the constructed heads obeys the softmax bound', () => {
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: routing.id,
      kind: 'claim',
      definition: routing,
      arbitrary: exampleProbe,
      domain: 'F(X)_i = x1·x2 + i/2, n = 2, ε = 0.1, X ∈ [0,1]^2',
      defaultRuns: 30,
    });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
  }, 60_000);

  it('a planted bound ε/100 is refuted', () => {
    const planted = withPlantedBound(supError, 'sup-error-over-100', (a, A) => A.div(A.point(a.epsilon), A.point(100)));
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: planted.id,
      kind: 'planted',
      definition: planted,
      arbitrary: exampleProbe,
      domain: 'F(X)_i = x1·x2 + i/2, n = 2, bound ε/100',
      defaultRuns: 30,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  }, 60_000);

  it('uniform-error with the bound ε/100 is refuted', () => {
    const planted = withPlantedBound(uniformError, 'uniform-error-over-100', (a, A) => A.div(A.point(a.epsilon), A.point(100)));
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: planted.id,
      kind: 'planted',
      definition: planted,
      decideOptions: { maxPrecision: 40 },
      arbitrary: fc.constantFrom(...uniformProbes),
      domain: 'x1·x2 + i/2, max(x1, x2), sin(x1) + x2/2; n = 2, ε = 0.1, bound ε/100',
      defaultRuns: 3,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  }, 120_000);

  it('the ledger without its routing term (bound max_q ε_1,q) is refuted', () => {
    const planted = withPlantedBound(ledger, 'ledger-without-routing', (a, A) => {
      const c = cachedConstruction(a);
      if (c instanceof Error) throw c; // excluded by the hypotheses
      return A.point(c.ledger.ffnError);
    });
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: planted.id,
      kind: 'planted',
      definition: planted,
      arbitrary: libraryProbe(false),
      domain: 'library targets, n ∈ {2, 3}, ε ∈ {0.2, 0.1, 0.05}, bound the FFN part of the ledger alone',
      defaultRuns: 20,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  }, 120_000);

  it('routing without the factor n − 1 is refuted for n = 3', () => {
    const planted = withPlantedBound(routing, 'routing-without-n-minus-1', (a, A, o) => A.div(o.bound, A.point(a.tokens - 1)));
    const probe = fc
      .record({ target: fc.constantFrom({ family: 'sin', k: '1' }, { family: 'coordinate-sum' }, { family: 'select-own' }), tokens: fc.constant(3), epsilon: fc.constant('0.1'), X: tokensX(3) })
      .map((p): RawArgs => p);
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: planted.id,
      kind: 'planted',
      definition: planted,
      decideOptions: DECIDE,
      arbitrary: probe,
      domain: 'sin(x1 + x2 + x3)-type, coordinate-sum and select-own targets, n = 3, ε = 0.1, X ∈ [0,1]^3, bound e^{−λ}·max|x_j − x_h|',
      defaultRuns: 30,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  }, 60_000);

  const farApart = fc
    .tuple(decimalBetween('0', '0.25', 4), decimalBetween('0.75', '1', 4), decimalBetween('0', '1', 4), fc.boolean())
    .map(([a, b, c, flip]): string[] => (flip ? [b, a, c] : [a, b, c]));

  it('without positional encoding the error exceeds ε (permutation equivariance)', () => {
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: positionalEncodingNecessary.id,
      kind: 'finding',
      definition: positionalEncodingNecessary,
      arbitrary: farApart.map((X): RawArgs => ({ tokens: 3, epsilon: '0.1', X })),
      domain: 'F(X) = (x1, …, x1), n = 3, ε = 0.1, |x1 − x2| ≥ 0.5',
      defaultRuns: 10,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
  }, 60_000);

  it('with tied positional codes routing averages and the error exceeds ε', () => {
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: marginNecessary.id,
      kind: 'finding',
      definition: marginNecessary,
      arbitrary: farApart.map((X): RawArgs => ({ tokens: 3, epsilon: '0.1', X })),
      domain: 'F(X) = (x1, …, x1), n = 3, ε = 0.1, p2 = p1, |x1 − x2| ≥ 0.5',
      defaultRuns: 10,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
  }, 60_000);

  it('a temperature fixed before the FFN fails once the FFN is steep enough', () => {
    const outcome = runCampaign({
      lemma: singleLayerTransformer.id,
      claim: lambdaAfterFfn.id,
      kind: 'finding',
      definition: lambdaAfterFfn,
      arbitrary: farApart.map((X): RawArgs => ({ tokens: 3, epsilon: '0.1', X, lambda: '5', k: '1000' })),
      domain: 'F(X)_i = 1000·x1, λ = 5 fixed, n = 3, ε = 0.1',
      defaultRuns: 10,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
  }, 60_000);

  it('the same λ is enough for a flat FFN (the failure is the FFN, not λ alone)', () => {
    const target = { f: '0.5*x1', lipschitz: '0.5', tokens: 3, epsilon: '0.1' };
    const c = cachedConstruction(readTargetArgs(target));
    expect(c instanceof Error).toBe(false);
    if (!(c instanceof Error)) expect(c.lambda.lte(new ExactDecimal(5))).toBe(true);
  });
});
