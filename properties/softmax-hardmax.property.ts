/**
 * Evidence for lemma softmax-hardmax: every claim probed with exact decimal inputs, the finding
 * (margin necessary) shown with a certified counterexample, and planted false bounds refuted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linf, softmaxHardmax } from '../proof/softmax-hardmax.ts';
import { runCampaign, summarise } from '../src/verify/campaign.ts';
import { decimalBetween, exactDecimal } from '../src/verify/generators.ts';
import { withPlantedBound } from '../src/verify/planted.ts';

const scores = (maxN: number) => fc.array(exactDecimal({ digits: 8, minExponent: -8, maxExponent: 0 }), { minLength: 2, maxLength: maxN });
const lambda = decimalBetween('0.01', '100', 2);

describe('softmax-hardmax', () => {
  it('linf holds on random scores', () => {
    const outcome = runCampaign({
      lemma: softmaxHardmax.id,
      claim: 'linf',
      kind: 'claim',
      definition: linf,
      arbitrary: fc.record({ z: scores(16), lambda }),
      domain: 'n ∈ [2, 16], 8-digit scores, λ ∈ [0.01, 100]',
      defaultRuns: 200,
    });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
  });

  it('a bound without the factor n − 1 is refuted', () => {
    const planted = withPlantedBound(linf, 'linf-without-n-minus-1', (_args, A, o) => A.div(o.bound, A.point(_args.z.length - 1)));
    const outcome = runCampaign({
      lemma: softmaxHardmax.id,
      claim: planted.id,
      kind: 'planted',
      definition: planted,
      arbitrary: fc.record({ z: scores(16), lambda }),
      domain: 'n ∈ [2, 16], 8-digit scores, λ ∈ [0.01, 100]',
      defaultRuns: 200,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });
});
