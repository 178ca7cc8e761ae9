/**
 * `decide`'s use of a claim's fast hook, with hooks returning chosen balls: the margin's sign (in
 * `[0, ∞)` holds, below 0 violated, otherwise the decimal path), the printed sides with their powers
 * of ten (`lhsScale10`, `boundScale10`), the ratio, and the fall-backs (no margin with different
 * scales, digits not fixed). The decimal twin of each test claim gives different values, so the path
 * taken is visible in the verdict as well as in `arithmetic`.
 */
import { describe, expect, it } from 'vitest';
import { DDBall } from '../arith/double-double.ts';
import type { ClaimDefinition, FastEvaluation } from '../registry/define.ts';
import { decide } from './decide.ts';

/** A claim whose decimal path says lhs = 7, bound = 9 and whose fast path returns `fast`. */
function claimWith(fast: FastEvaluation | undefined): ClaimDefinition<Record<string, never>> {
  return {
    id: 'test',
    parse: () => ({}),
    hypotheses: () => undefined,
    evaluate: (_args, A) => ({ lhs: A.point(7), bound: A.point(9) }),
    fast: () => fast,
  };
}

const ball = (hi: number, rad = 0, lo = 0): DDBall => new DDBall(hi, lo, rad);

describe('decide with a fast hook', () => {
  it('prints both sides times their powers of ten, and the ratio', () => {
    const same = decide(claimWith({ lhs: ball(1.5), bound: ball(3), margin: ball(1.5), lhsScale10: -100, boundScale10: -100 }), {});
    expect(same).toEqual({ verdict: 'holds', lhs: '1.5e-100', bound: '3e-100', precision: 31, arithmetic: 'double-double', ratio: '0.5' });
    const apart = decide(claimWith({ lhs: ball(1.5), bound: ball(3), margin: ball(1), lhsScale10: -101, boundScale10: -7 }), {});
    expect(apart).toMatchObject({ lhs: '1.5e-101', bound: '3e-7', ratio: '5e-95', arithmetic: 'double-double' });
    const plain = decide(claimWith({ lhs: ball(0.25), bound: ball(-0.5), margin: ball(-0.75) }), {});
    expect(plain).toMatchObject({ verdict: 'violated', lhs: '0.25', bound: '-0.5', ratio: '-0.5' });
    const third = decide(claimWith({ lhs: ball(1 / 3, 1e-30), bound: ball(1), margin: ball(2 / 3, 1e-30) }), {}, { digits: 5 });
    expect(third).toMatchObject({ lhs: '0.33333', bound: '1', ratio: '0.33333333' });
  });

  it('decides by the margin: [0, ∞) holds, below 0 violated, a ball across 0 goes to the decimal path', () => {
    expect(decide(claimWith({ lhs: ball(2), bound: ball(1), margin: ball(0.5, 0, 0) }), {})).toMatchObject({ verdict: 'holds', arithmetic: 'double-double' });
    expect(decide(claimWith({ lhs: ball(2), bound: ball(1), margin: ball(0.5, 0.5) }), {})).toMatchObject({ verdict: 'holds', arithmetic: 'double-double' }); // [0, 1]
    expect(decide(claimWith({ lhs: ball(2), bound: ball(1), margin: ball(0, 0) }), {})).toMatchObject({ verdict: 'holds', arithmetic: 'double-double' }); // exactly 0
    expect(decide(claimWith({ lhs: ball(2), bound: ball(1), margin: ball(-1e-300, 1e-301) }), {})).toMatchObject({ verdict: 'violated', arithmetic: 'double-double' });
    const across = decide(claimWith({ lhs: ball(2), bound: ball(1), margin: ball(0.5, 0.6) }), {});
    expect(across).toMatchObject({ verdict: 'holds', lhs: '7', bound: '9' });
    expect(across.arithmetic).toBeUndefined();
    expect(decide(claimWith({ lhs: ball(2), bound: ball(1), margin: ball(0.5, Infinity) }), {}).arithmetic).toBeUndefined();
  });

  it('without a margin: bound − lhs at a common scale, the decimal path when the scales differ', () => {
    expect(decide(claimWith({ lhs: ball(2), bound: ball(3), lhsScale10: -5, boundScale10: -5 }), {})).toMatchObject({ verdict: 'holds', lhs: '0.00002', bound: '0.00003', arithmetic: 'double-double' });
    expect(decide(claimWith({ lhs: ball(3), bound: ball(2) }), {})).toMatchObject({ verdict: 'violated', arithmetic: 'double-double' });
    const apart = decide(claimWith({ lhs: ball(2), bound: ball(3), lhsScale10: -6, boundScale10: -5 }), {});
    expect(apart).toMatchObject({ verdict: 'holds', lhs: '7', bound: '9' });
    expect(apart.arithmetic).toBeUndefined();
  });

  it('falls back when a side does not fix its digits, and omits the ratio against a zero bound', () => {
    const wide = decide(claimWith({ lhs: ball(1.5, 1e-3), bound: ball(3), margin: ball(1) }), {});
    expect(wide).toMatchObject({ lhs: '7', bound: '9' });
    expect(wide.arithmetic).toBeUndefined();
    const wideBound = decide(claimWith({ lhs: ball(1.5), bound: ball(3, 1e-3), margin: ball(1) }), {});
    expect(wideBound.arithmetic).toBeUndefined();
    const zero = decide(claimWith({ lhs: ball(0), bound: ball(0), margin: ball(0) }), {});
    expect(zero).toEqual({ verdict: 'holds', lhs: '0', bound: '0', precision: 31, arithmetic: 'double-double' });
    expect(decide(claimWith(undefined), {})).toMatchObject({ lhs: '7', bound: '9' });
  });
});

describe('the fast path reads only what the full reader accepts', () => {
  it('a score of 20,001 characters (leading zeros) is an error on both paths, not a fast verdict', async () => {
    const { linf } = await import('../../proof/softmax-hardmax.ts');
    const { INPUT_DIGITS_LIMIT } = await import('./args.ts');
    for (const long of ['0'.repeat(20_000) + '1', '1.' + '0'.repeat(20_000)]) {
      expect(long.length).toBeGreaterThan(INPUT_DIGITS_LIMIT + 32);
      const v = decide(linf, { z: [long, '0'], lambda: '1' });
      expect(v.verdict).toBe('error');
      expect(v.reason).toContain('z[0]');
    }
    // within the cap the same score still takes the fast path
    expect(decide(linf, { z: ['0'.repeat(300) + '1', '0'], lambda: '1' }).arithmetic).toBe('double-double');
  });
});
