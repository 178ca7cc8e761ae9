/**
 * `expBall`'s shortcut for a ball lying wholly below `−340` (double-double.ts, `expBall`: `e^x ∈ (0, 2⁻⁴⁹⁰]`)
 * must look at the ball's upper end `hi + |lo| + rad`, low part included: a low part beyond `ulp(hi)/2`
 * (a double-double not normalised, which `expBall` accepts and renormalises) can lift a ball whose high
 * part is below `−340` above it, where `e^x > 2⁻⁴⁹⁰`. Checked against decimal.js at 60 digits: the
 * answer is a finite ball containing `e^x` at both ends, or a ball of radius `+∞` (no claim). The ends
 * are exact sums of the three doubles (`endsOf`), so parts of any size are checked exactly.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DDBall, expBall } from './double-double.ts';
import { containsExactly, endsOf, Exact } from './exact-ball.test-support.ts';

const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

describe('exp of a ball whose high part is below −340', () => {
  it('with a low part that lifts it above −340: no claim below 2⁻⁴⁹⁰', () => {
    for (const [hi, lo, rad] of [
      [-341, 1.5, 0], // x = −339.5: e^x ≈ 2⁻⁴⁸⁹·⁸
      [-340.25, 0.5, 0],
      [-341, 0.75, 0.01],
      [-342, 2.5, 0],
      // huge parts that cancel to an upper end of exactly −320 (hi + rad + |lo| rounds below −340 unless
      // the pair is renormalised before the test; found by the second reading of the change)
      [-(2 ** 60), 3 * 2 ** 58 - 384, 2 ** 58 + 64],
      // a normalised pair (ulp(hi) = 2, |lo| = 1/2) whose low part lifts the upper end to −339.5: the
      // shortcut's test must add |lo|, not subtract it
      [-(2 ** 53 + 2), 0.5, 2 ** 53 - 338],
    ] as const) {
      const a = new DDBall(hi, lo, rad);
      const e = expBall(new DDBall(), a);
      if (!Number.isFinite(e.rad)) continue; // no claim is sound
      for (const x of endsOf(a)) {
        const ref = new Exact(new Ref(x).exp());
        expect(containsExactly(e, ref, ref.times('1e-55')), `exp ${a.toString()} = ${e.toString()} misses e^${x.toFixed(3)}`).toBe(true);
      }
    }
  });

  it('with a low part that keeps it below −340: the enclosure [0, 2⁻⁴⁹⁰]', () => {
    const e = expBall(new DDBall(), new DDBall(-341, 0.5, 0.25)); // upper end −340.25
    expect([e.hi, e.lo, e.rad]).toEqual([2 ** -491, 0, 2 ** -491]);
    expect(containsExactly(e, new Exact(new Ref(-340.25).exp()))).toBe(true);
  });
});
