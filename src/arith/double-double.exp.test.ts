/**
 * `expBall` (double-double.ts, module comment item 4) at the edges of its method, against decimal.js:
 * the constants it trusts (the Cody–Waite split of `(ln 2)/64`, the table of `2^{j/64}`, `1/6`, `1/24`,
 * `1/120`) checked exactly against 60-digit references; the enclosure of `e^x` at both ends of the ball
 * for arguments at the reduction boundaries `(N ± ½)·(ln 2)/64`, at `±340`, at `0` and tiny, with low
 * parts up to a tie and beyond it (not normalised), and with radii on both sides of the kernel's limit
 * `2⁻¹⁴` and up to `1/64`; and the tightness the fast path relies on (`FAST_PATH_MAX_DIGITS` in
 * `src/verdict/decide.ts`): a point ball's relative radius stays below `1.5·10⁻²⁹`. Seeds are fixed.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODY_WAITE_1,
  CODY_WAITE_2,
  CODY_WAITE_3,
  DDBall,
  EXP_ARGUMENT_LIMIT,
  EXP_KERNEL_RADIUS,
  EXP_TABLE_RADIUS,
  expBall,
  expTableEntry,
  INV_120_HI,
  INV_120_LO,
  INV_24_HI,
  INV_24_LO,
  INV_6_HI,
  INV_6_LO,
} from './double-double.ts';
import { containsExactly, endsOf, Exact, exactOf, isNormalised, lowFor, ulpOf } from './exact-ball.test-support.ts';

const ball = (hi: number, lo = 0, rad = 0): DDBall => new DDBall(hi, lo, rad);

/** References at 60 digits (decimal.js rounds exp and ln correctly), with the error bound 10⁻⁵⁵ relative. */
const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const REF_ERROR = new Exact('1e-55');
const LN2_OVER_64 = new Exact(new Ref(2).ln()).div(64); // within 10⁻⁶¹
const two = (k: number): Decimal => new Exact(2).pow(k);

/** `e^x` at both ends of `a` (exp is increasing) must lie in `expBall(a)`, a finite, normalised ball. */
function checkExp(a: DDBall): DDBall {
  const e = expBall(new DDBall(), a);
  const label = `exp ${a.toString()} = ${e.toString()}`;
  expect(Number.isFinite(e.rad), label).toBe(true);
  expect(isNormalised(e), `${label} is not normalised`).toBe(true);
  for (const x of endsOf(a)) {
    const ref = new Exact(new Ref(x).exp());
    expect(containsExactly(e, ref, ref.times(REF_ERROR)), `${label} misses e^${x.toPrecision(30)}`).toBe(true);
  }
  return e;
}

/** The double `k` ulps away from `x`. */
const step = (x: number, k: number): number => x + k * ulpOf(x);

describe('the constants exp trusts, against 60 digits', () => {
  it('the Cody–Waite split: N·C₁ and N·C₂ exact for |N| < 2¹⁵, |C₃| < 2⁻⁸⁴, C₁ + C₂ + C₃ within 2⁻¹³⁷ of (ln 2)/64', () => {
    const m1 = CODY_WAITE_1 * 2 ** 44;
    const m2 = CODY_WAITE_2 * 2 ** 83;
    expect(Number.isInteger(m1) && m1 < 2 ** 38).toBe(true); // 38 significant bits
    expect(Number.isInteger(m2) && m2 < 2 ** 38).toBe(true);
    expect(Math.abs(CODY_WAITE_3)).toBeLessThan(2 ** -84);
    const eta = LN2_OVER_64.minus(exactOf(CODY_WAITE_1)).minus(exactOf(CODY_WAITE_2)).minus(exactOf(CODY_WAITE_3)).abs();
    expect(eta.plus('1e-61').lte(two(-137)), eta.toExponential(3)).toBe(true);
    // the largest N reached: 340·64/ln 2 < 31394 < 2¹⁵
    expect(Math.round(EXP_ARGUMENT_LIMIT * (64 / Math.LN2))).toBeLessThan(2 ** 15);
  });

  it('every table entry 2^{j/64} is a normalised double-double within EXP_TABLE_RADIUS of the real number', () => {
    for (let j = 0; j < 64; j++) {
      const entry = expTableEntry(j);
      const ref = new Exact(new Ref(2).pow(new Ref(j).div(64)));
      expect(isNormalised(entry), `j = ${j}`).toBe(true);
      expect(containsExactly(entry, ref, ref.times(REF_ERROR)), `j = ${j}: ${entry.toString()}`).toBe(true);
    }
    expect(EXP_TABLE_RADIUS).toBeLessThanOrEqual(2 ** -105);
  });

  it('1/6, 1/24 and 1/120 as normalised double-doubles within 2⁻¹¹⁰', () => {
    for (const [k, hi, lo] of [
      [6, INV_6_HI, INV_6_LO],
      [24, INV_24_HI, INV_24_LO],
      [120, INV_120_HI, INV_120_LO],
    ] as const) {
      const c = ball(hi, lo, 2 ** -110);
      expect(isNormalised(c), String(k)).toBe(true);
      expect(containsExactly(c, new Exact(1).div(k)), String(k)).toBe(true);
    }
  });
});

describe('exp encloses e^x at both ends of the ball', () => {
  const L = Math.LN2 / 64;

  it('at the reduction boundaries (N ± ½)·(ln 2)/64, a few ulps either side, for small and large N of both signs', () => {
    for (const n of [0, 1, -1, 2, 31, 32, 63, 64, -64, -65, 1000, -1000, 12345, -23456, 31392, -31392]) {
      for (const half of [0.5, -0.5]) {
        const x0 = (n + half) * L;
        if (Math.abs(x0) > EXP_ARGUMENT_LIMIT) continue;
        for (const k of [-2, -1, 0, 1, 2]) checkExp(ball(step(x0, k)));
      }
    }
  });

  it('at ±340, just inside, and at the table points j·(ln 2)/64 with N < 0 (j = N mod 64 wraps)', () => {
    for (const x of [EXP_ARGUMENT_LIMIT, -EXP_ARGUMENT_LIMIT, step(EXP_ARGUMENT_LIMIT, -1), step(-EXP_ARGUMENT_LIMIT, 1), 339.99, -339.99]) checkExp(ball(x));
    checkExp(ball(EXP_ARGUMENT_LIMIT, -ulpOf(EXP_ARGUMENT_LIMIT) / 2, 1 / 64));
    for (const n of [-1, -63, -64, -127, -20000]) checkExp(ball(n * L));
  });

  it('at 0 and tiny arguments (reduced argument itself, squares that underflow)', () => {
    for (const x of [0, 2 ** -1074, -(2 ** -1074), 1e-300, -1e-300, 2 ** -520, 1e-20, -1e-20, 2 ** -53, -(2 ** -54)]) checkExp(ball(x));
    checkExp(ball(0, 0, 2 ** -1074));
    checkExp(ball(1e-300, 0, 1e-300));
  });

  it('with low parts at a tie ±ulp(hi)/2 and beyond ulp(hi)/2 (renormalised first)', () => {
    for (const hi of [300.5, -300.5, 1, -1, 0.0054, 200 * L, 1e-10]) {
      const half = ulpOf(hi) / 2;
      checkExp(ball(hi, half));
      checkExp(ball(hi, -half));
    }
    // not normalised: |lo| beyond ulp(hi)/2, up to a low part larger than the high part
    checkExp(ball(1, 0.25));
    checkExp(ball(0, 1e-10));
    checkExp(ball(300, 1e-12, 1e-20));
    checkExp(ball(-2, -0.5, 0.01));
  });

  it('with radii on both sides of the kernel limit 2⁻¹⁴, and up to 1/64 (the Taylor polynomial in balls)', () => {
    for (const x of [0, 0.0054, -0.0054, 3.5, -77.7, 250.25]) {
      for (const rad of [2 ** -100, 2 ** -60, EXP_KERNEL_RADIUS, step(EXP_KERNEL_RADIUS, 1), 2 ** -9, 1 / 64]) checkExp(ball(x, 0, rad));
    }
  });

  it('for random arguments: every N, offsets up to the boundaries, random low parts and radii', () => {
    const argument = fc
      .tuple(
        fc.integer({ min: -31390, max: 31390 }),
        fc.oneof(fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.constantFrom(0.5, -0.5, 0.4999999999, -0.4999999999)),
        fc.constantFrom(0, 2 ** -90, 2 ** -40, EXP_KERNEL_RADIUS, 2 ** -10, 1 / 64),
      )
      .chain(([n, f, rad]) => {
        const hi = (n + f) * L;
        return lowFor(hi).map((lo) => ball(hi, lo, rad));
      });
    fc.assert(fc.property(argument, (a) => void checkExp(a)), { numRuns: 250, seed: 1301 });
  });
});

describe('exp is tight', () => {
  it('a point ball at any argument, with any low part, gets a relative radius below 1.5·10⁻²⁹', () => {
    const argument = fc.double({ min: -EXP_ARGUMENT_LIMIT, max: EXP_ARGUMENT_LIMIT, noNaN: true }).chain((hi) => lowFor(hi).map((lo) => ball(hi, lo)));
    fc.assert(
      fc.property(argument, (a) => {
        const e = expBall(new DDBall(), a);
        expect(e.rad / e.hi, `${a.toString()}: ${e.toString()}`).toBeLessThan(1.5e-29);
      }),
      { numRuns: 2000, seed: 1302 },
    );
  });

  it('a ball of radius r (within the kernel) gets a relative radius below (1 + 10⁻³)·r + 1.5·10⁻²⁹', () => {
    for (const r of [1e-25, 1e-10, EXP_KERNEL_RADIUS]) {
      for (const x of [-100, -1, 0, 1, 100]) {
        const e = expBall(new DDBall(), ball(x, 0, r));
        expect(e.rad / e.hi, `x = ${x}, r = ${r}`).toBeLessThan(r * 1.001 + 1.5e-29);
      }
    }
  });
});
