/**
 * Theorem single-layer-transformer: the hypotheses at the ends of their ranges (ε = 0.001 and ε = 1
 * are accepted, k = 1 and k = 10⁶ too), read directly from each claim's `parse` and `hypotheses`
 * (no verdict is evaluated, so no network beyond `x1`'s single affine unit is built).
 */
import { describe, expect, it } from 'vitest';
import type { ClaimDefinition } from '../registry/define.ts';
import { lambdaAfterFfn, ledger, marginNecessary, routing, supError, uniformError } from '../../proof/single-layer-transformer.ts';

const x1 = { f: 'x1', lipschitz: '1', tokens: 2 };
const hypothesesOf = <A>(claim: ClaimDefinition<A>, raw: Record<string, unknown>) => claim.hypotheses(claim.parse(raw));

describe('single-layer-transformer: hypotheses at the ends of their ranges', () => {
  it('accuracy accepts ε = 0.001 and ε = 1 exactly, refuses just outside', () => {
    for (const epsilon of ['0.001', '1']) {
      expect(hypothesesOf(ledger, { ...x1, epsilon }), epsilon).toBeUndefined();
      expect(hypothesesOf(supError, { ...x1, epsilon, X: ['0', '1'] }), epsilon).toBeUndefined();
      expect(hypothesesOf(uniformError, { ...x1, epsilon }), epsilon).toBeUndefined();
    }
    expect(hypothesesOf(ledger, { ...x1, epsilon: '1.0000001' })).toEqual({ hypothesis: 'accuracy', reason: 'epsilon = 1.0000001 is not in [0.001, 1]' });
  });

  it('domain accepts the corners X = (0, 1) and (1, 0) for every claim at a point', () => {
    for (const X of [['0', '1'], ['1', '0']]) {
      expect(hypothesesOf(routing, { ...x1, epsilon: '0.5', X })).toBeUndefined();
      expect(hypothesesOf(marginNecessary, { tokens: 2, epsilon: '0.5', X })).toBeUndefined();
    }
    expect(hypothesesOf(routing, { ...x1, epsilon: '0.5', X: ['0', '1.001'] })).toEqual({ hypothesis: 'domain', reason: 'X[1] = 1.001 is outside [0, 1]' });
  });

  it('lambda-after-ffn accepts k = 1 and k = 10⁶ and any λ > 0', () => {
    const raw = { tokens: 2, epsilon: '0.1', X: ['0', '1'], lambda: '0.001' };
    expect(hypothesesOf(lambdaAfterFfn, { ...raw, k: '1' })).toBeUndefined();
    expect(hypothesesOf(lambdaAfterFfn, { ...raw, k: '1000000' })).toBeUndefined();
    expect(hypothesesOf(lambdaAfterFfn, { ...raw, k: '0.999' })).toEqual({ hypothesis: 'lambda-after-ffn', reason: 'k = 0.999 is not in [1, 10^6]' });
    expect(hypothesesOf(lambdaAfterFfn, { ...raw, k: '1', lambda: '-1' })).toEqual({ hypothesis: 'lambda-after-ffn', reason: 'lambda = -1 is not > 0' });
  });
});
