/**
 * Test support (not a test, never mutated): exact checks of double-double balls against decimal.js,
 * and fast-check arbitraries of normalised balls at the edges of their rules.
 *
 * A ball `⟨hi + lo, rad⟩` is compared exactly: its midpoint and radius are exact binary fractions
 * ({@link exactOfDouble}), so "the ball contains `[x − ε, x + ε]`" is decided with no float rounding.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import type { DDBall } from './double-double.ts';
import { exactOfDouble } from './exact-double.test-support.ts';

/** 1200 significant digits: every double, every sum and product of the extremes drawn here, exactly. */
export const Exact = Decimal.clone({ precision: 1200, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

export const exactOf = (x: number): Decimal => exactOfDouble(x, Exact);

/** The exact midpoint `hi + lo`. */
export const midOf = (b: DDBall): Decimal => exactOf(b.hi).plus(exactOf(b.lo));

/** The exact ends `mid ∓ rad` of a ball with a finite radius. */
export const endsOf = (b: DDBall): [Decimal, Decimal] => [midOf(b).minus(exactOf(b.rad)), midOf(b).plus(exactOf(b.rad))];

/**
 * True when the ball has a finite radius and contains `[x − ε, x + ε]` (ε ≥ 0 bounds the error of a
 * rounded reference `x`; 0 for an exact one), decided exactly.
 */
export function containsExactly(b: DDBall, x: Decimal, epsilon: Decimal.Value = 0): boolean {
  return Number.isFinite(b.rad) && midOf(b).minus(x).abs().plus(epsilon).lte(exactOf(b.rad));
}

/** `ulp(x)`: the spacing of the doubles at `|x|` (the larger one at a power of two), `2⁻¹⁰⁷⁴` for subnormals. */
export function ulpOf(x: number): number {
  const a = Math.abs(x);
  if (a < 2 ** -1022) return 2 ** -1074;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  if (2 ** (e + 1) <= a) e += 1;
  return 2 ** (e - 52);
}

/** True when `hi + lo` is a normalised double-double: `|lo| ≤ ulp(hi)/2` (and `lo = 0` when `hi = 0`). */
export function isNormalised(b: DDBall): boolean {
  return b.hi === 0 ? b.lo === 0 : Math.abs(b.lo) <= ulpOf(b.hi) / 2;
}

/** A double of magnitude `2^e·(1 + f)` in `[2^{minExp}, 2^{maxExp+1})`, often next to a power of two, of either sign. */
export function doubleIn(minExp: number, maxExp: number): fc.Arbitrary<number> {
  const fraction = fc.oneof(
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fc.integer({ min: 0, max: 4 }).map((k) => k * 2 ** -52), // just above 2^e
    fc.integer({ min: 1, max: 4 }).map((k) => 1 - k * 2 ** -52), // just below 2^{e+1}
  );
  return fc.tuple(fc.boolean(), fc.integer({ min: minExp, max: maxExp }), fraction).map(([negative, e, f]) => (negative ? -1 : 1) * (1 + f) * 2 ** e);
}

/** A low part for `hi`: 0, a random fraction of `ulp(hi)/2`, or exactly `±ulp(hi)/2` (a tie). */
export function lowFor(hi: number): fc.Arbitrary<number> {
  const half = hi === 0 ? 0 : ulpOf(hi) / 2;
  return fc.oneof(fc.constant(0), fc.double({ min: -1, max: 1, noNaN: true }).map((f) => f * half), fc.constantFrom(half, -half));
}

/** A radius for a ball around `hi`: 0, relative `2^{−120} … 8` of `|hi|`, or an absolute tiny one. */
export function radiusFor(hi: number): fc.Arbitrary<number> {
  const scale = hi === 0 ? 1 : Math.abs(hi);
  return fc.oneof(
    fc.constant(0),
    fc.tuple(fc.integer({ min: -120, max: 3 }), fc.double({ min: 1, max: 2, noNaN: true })).map(([k, f]) => scale * f * 2 ** k),
    fc.constantFrom(2 ** -1000, 2 ** -1074),
  );
}

/** A normalised ball with `|hi|` in `[2^{minExp}, 2^{maxExp+1})`. */
export function ballIn(make: (hi: number, lo: number, rad: number) => DDBall, minExp: number, maxExp: number): fc.Arbitrary<DDBall> {
  return doubleIn(minExp, maxExp).chain((hi) => fc.tuple(lowFor(hi), radiusFor(hi)).map(([lo, rad]) => make(hi, lo, rad)));
}
