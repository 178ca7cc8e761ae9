/**
 * The midpoint of `expBall` meets the literature bounds of the algorithms it is built from
 * (double-double.ts, module comment item 4), against decimal.js at 60 digits.
 *
 * The radius charges `OP_REL = 2⁻⁹⁷` per double-double operation, 32 times the proved bounds:
 * that slack would hide a wrong step (a TwoSum's or Dekker product's error term computed wrongly, a
 * low part dropped) as long as its error stays below the radius, so the enclosure tests of
 * `double-double.exp.test.ts` cannot see it. With the proved bounds instead of `OP_REL`, the
 * midpoint `P̂·2^{j/64}·2^k` of a point ball (kernel path, `|t| ≤ 0.0055`) is within
 * - `2⁻¹¹²` (the reduction, relative to `e^t`),
 * - `3u²·e^τ + 10⁻⁴·2⁻¹⁰² + τ⁶·18u/719 + 2⁻¹²⁰ < 2⁻¹⁰²·⁷` (the kernel: only its last AccurateDWPlusDW weighs),
 * - `2⁻¹⁰⁵` (the table entry, as checked in `double-double.exp.test.ts`) and `2⁻¹⁰²` (Dekker's product, CRlibm's Mul22)
 *
 * of `e^x` relatively: in all below `1.8·2⁻¹⁰² < 2⁻¹⁰¹`, so `|mid − e^x| ≤ 2⁻¹⁰⁰·e^x` holds with a factor 2
 * to spare (`u = 2⁻⁵³`, `τ = 0.0055`; the scaling by `2^k` is exact). The arguments are where the
 * low-order terms weigh most: reduced arguments at the boundaries `±(ln 2)/128` for every table
 * index `j`, random arguments with random low parts, tiny ones, and arguments at which a sum of the
 * reduction or the kernel meets its rare case (a low part beyond half an ulp, a tie, a power of two
 * crossed), where a wrong error term shows. The radius, in turn, must cover
 * that proved bound at every argument (not only where the sampled errors happen to be small), and
 * a ball with a radius `r` within the kernel's limit keeps the point ball's midpoint.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DDBall, EXP_ARGUMENT_LIMIT, EXP_KERNEL_RADIUS, expBall } from './double-double.ts';
import { Exact, lowFor, midOf, ulpOf } from './exact-ball.test-support.ts';

/** References at 60 digits (decimal.js rounds exp correctly): relative error below 10⁻⁵⁹. */
const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
/** The bound proved for the midpoint (module comment above), relative to `e^x`, less the reference's relative error `10⁻⁵⁹`. */
const MIDPOINT_BOUND = new Exact(2).pow(-100).minus('1e-59');
const L = Math.LN2 / 64;

const ball = (hi: number, lo = 0, rad = 0): DDBall => new DDBall(hi, lo, rad);

/** The midpoint of `expBall` at the point `a` is within 2⁻¹⁰⁰ of `e^x` (`x = hi + lo`), and the radius covers that bound. */
function checkPoint(a: DDBall): void {
  const e = expBall(new DDBall(), a);
  const label = `exp ${a.toString()} = ${e.toString()}`;
  const ref = new Exact(new Ref(midOf(a)).exp());
  const error = midOf(e).minus(ref).abs();
  expect(error.lte(ref.times(MIDPOINT_BOUND)), `${label}: midpoint off by ${error.div(ref).toExponential(3)} relative`).toBe(true);
  // the radius is at least the proved bound 2⁻¹⁰⁰·e^x (e^x < hi·(1 + 2⁻⁵⁰) here)
  expect(e.rad, label).toBeGreaterThanOrEqual(2 ** -100 * e.hi * (1 + 2 ** -50));
}

describe('the midpoint of exp meets the literature bounds (2⁻¹⁰⁰ relative), and the radius covers them', () => {
  it('at reduced arguments next to the boundaries ±(ln 2)/128, for every table index j and both signs of N', () => {
    const n = fc.tuple(fc.integer({ min: -490, max: 489 }), fc.integer({ min: 0, max: 63 })).map(([k, j]) => 64 * k + j);
    const argument = fc
      .tuple(n, fc.constantFrom(0.5, -0.5, 0.49, -0.49, 0.45, -0.45), fc.integer({ min: -3, max: 3 }))
      .map(([m, half, k]) => {
        const x0 = (m + half) * L;
        return x0 + k * ulpOf(x0);
      })
      .filter((x) => Math.abs(x) <= EXP_ARGUMENT_LIMIT)
      .chain((hi) => lowFor(hi).map((lo) => ball(hi, lo)));
    fc.assert(fc.property(argument, (a) => void checkPoint(a)), { numRuns: 400, seed: 1311 });
  });

  it('at every table index with the reduced argument at both boundaries, N from −64·490 to 64·489 in steps', () => {
    for (let j = 0; j < 64; j++) {
      for (const k of [-490, -7, -1, 0, 1, 7, 489]) {
        for (const half of [0.5, -0.5]) {
          const x = (64 * k + j + half) * L;
          if (Math.abs(x) <= EXP_ARGUMENT_LIMIT) checkPoint(ball(x, ulpOf(x) / 3));
        }
      }
    }
  });

  it('at random arguments in [−340, 340] with random low parts, and at tiny and zero arguments', () => {
    const argument = fc.double({ min: -EXP_ARGUMENT_LIMIT, max: EXP_ARGUMENT_LIMIT, noNaN: true }).chain((hi) => lowFor(hi).map((lo) => ball(hi, lo)));
    fc.assert(fc.property(argument, (a) => void checkPoint(a)), { numRuns: 300, seed: 1312 });
    for (const x of [0, 2 ** -1074, -(2 ** -1074), 1e-300, 2 ** -60, -(2 ** -60), 1e-9, -1e-9, 0.003, -0.003, 0.0054, -0.0054]) checkPoint(ball(x));
  });

  it('where a sum meets its rare case: the low part of 1/2 + t/6 beyond half an ulp, a tie in rounding t/120 + 1/24, lo x − N·C₂ across a power of two', () => {
    // the first two found by searching 10⁵ arguments near the reduction boundaries (about 1 in 2,000 and 1 in 7,000
    // meet them), the third by construction; there a Fast2Sum or TwoSum must carry the low part exactly
    const lowPartBeyondHalfUlp: [number, number][] = [
      [288.747475612459, -2.3238355684185308e-14],
      [-108.1554845752816, 4.267607368700762e-15],
      [331.64274261527476, -2.6063705230519596e-14],
      [-170.3347014585772, -1.9258573075576872e-15],
      [-188.8554264768948, -5.40765325872844e-15],
      [181.2720672685308, 5.979642643668889e-15],
    ];
    const tieInOneTwentyFourth: [number, number][] = [
      [-244.8875410511891, 0],
      [-237.0011288636531, 0],
      [312.7041758748633, 2.0161186630764105e-14],
      [-305.3442489903882, 0],
      [301.3947404808214, 0],
    ];
    // the reduction's TwoSum(lo x, −N·C₂) when the sum crosses a power of two: −N·C₂ = ∓4.6565·10⁻¹⁰ just inside ∓2⁻³¹ (N = ±18099)
    const sumCrossesPowerOfTwo: [number, number][] = [
      [196.01498288629995, -9.62274047603229e-15],
      [196.01498288629995, -1.0953682625169083e-14],
      [-196.01498288629995, 9.62274047603229e-15],
    ];
    for (const [hi, lo] of [...lowPartBeyondHalfUlp, ...tieInOneTwentyFourth, ...sumCrossesPowerOfTwo]) checkPoint(ball(hi, lo));
  });

  it('a ball of radius r ≤ 2⁻¹⁴ has the midpoint of its centre (the radius is carried apart)', () => {
    for (const x of [-300.0027, -1, 0.0054, 2.0001, 250.25]) {
      const point = expBall(new DDBall(), ball(x));
      for (const r of [2 ** -80, 1e-12, EXP_KERNEL_RADIUS]) {
        const e = expBall(new DDBall(), ball(x, 0, r));
        expect([e.hi, e.lo], `x = ${x}, r = ${r}`).toEqual([point.hi, point.lo]);
      }
    }
  });
});
