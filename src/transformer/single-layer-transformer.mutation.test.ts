/**
 * Theorem single-layer-transformer: the hypotheses at the ends of their ranges (ε = 0.001 and ε = 1
 * are accepted, k = 1 and k = 10⁶ too), read directly from each claim's `parse` and `hypotheses`
 * (no verdict is evaluated, so no network beyond `x1`'s single affine unit is built); and claims on
 * small targets where a shortcut (a minimum for a maximum, an over-budget refusal taken as inapplicable)
 * would change the verdict, worked out by hand.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { arithAt } from '../arith/interval.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide } from '../verdict/decide.ts';
import { lambdaAfterFfn, ledger, marginNecessary, positionalEncodingNecessary, routing, supError, uniformError } from '../../proof/single-layer-transformer.ts';

const D = Decimal.clone({ precision: 50 });

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

describe('single-layer-transformer: claims where a shortcut would change the answer', () => {
  it('ledger: a construction refused for exceeding ε is violated, not inapplicable (x1·10²⁹/3 at ε = 0.001: the 30-digit output weight alone errs by about 1/30)', () => {
    const raw = { f: 'x1*1e29/3', lipschitz: '1e29', tokens: 2, epsilon: '0.001' };
    expect(hypothesesOf(ledger, raw)).toBeUndefined();
    const v = decide(ledger, raw, { digits: 6 });
    expect([v.verdict, v.bound]).toEqual(['violated', '0.001']);
    expect(new D(v.lhs!).gt('0.03') && new D(v.lhs!).lt('0.04')).toBe(true);
  });

  it('routing takes the largest slot error: three tokens X = (0, 1/2, 1), λ = ln 16 ↑ = 2.78, slots 1 and 3 err by 1.5/(e^λ + 2), slot 2 by 0', () => {
    const r = routing.evaluate(routing.parse({ ...x1, tokens: 3, epsilon: '0.5', X: ['0', '0.5', '1'] }), arithAt(30));
    const expected = new D('1.5').div(D.exp('2.78').add(2));
    expect(r.lhs.lo.lte(expected) && r.lhs.hi.gte(expected) && r.lhs.hi.sub(r.lhs.lo).lt('1e-25')).toBe(true);
    const bound = D.exp('-2.78').mul(2);
    expect(r.bound.lo.lte(bound) && r.bound.hi.gte(bound)).toBe(true);
  });

  it('positional-encoding-necessary takes the larger of the two errors: three tokens X = (0, 1, 1), uniform attention gives 2/3 everywhere, errors 2/3 and 1/3', () => {
    const v = decide(positionalEncodingNecessary, { tokens: 3, epsilon: '0.1', X: ['0', '1', '1'] }, { digits: 6 });
    expect([v.verdict, v.lhs, v.bound]).toEqual(['violated', '0.666667', '0.1']);
  });

  it('the audits name their arguments: X, lambda, k', () => {
    const audit = { tokens: 2, epsilon: '0.1' };
    expect(decide(marginNecessary, audit, { digits: 6 }).reason).toBe('argument X is required, got nothing');
    const raw = { ...audit, X: ['0', '1'], lambda: '1', k: '2' };
    expect(decide(lambdaAfterFfn, { ...raw, lambda: 'hot' }, { digits: 6 }).reason).toMatch(/^argument lambda must be a finite decimal number/);
    expect(decide(lambdaAfterFfn, { ...raw, k: 'big' }, { digits: 6 }).reason).toMatch(/^argument k must be a finite decimal number/);
  });
});
