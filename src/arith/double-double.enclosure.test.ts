/**
 * The inclusion property of every double-double ball operation, checked exactly at the extremes:
 * for operand balls drawn at the edges of their rules (radius 0, tiny and huge radii, negative
 * midpoints, low parts up to a tie `±ulp(hi)/2`, midpoints next to powers of two, operands that
 * cancel), the result ball must contain the exact result at every extreme point of the operands
 * (`mid ± rad`, exact; for `exp` and `ln`, monotone, the references at 60 digits with their error
 * bounded), decided with no float comparison. A radius rounded down, a midpoint off by more than the
 * charged rounding, or a result that is not a normalised double-double (`|lo| ≤ ulp(hi)/2`, the
 * module's stated form) fails. Each inexact example named by a survivor of the mutation run is here
 * too, with the value it must hold. The seeds are fixed so that the mutation run is reproducible.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBall, clampNonNegative, DDBall, divBall, expBall, lnBall, mulBall, mulByDouble, RANGE_MAX, RANGE_MIN, scaleByPowerOfTwo, subBall } from './double-double.ts';
import { ballIn, containsExactly, endsOf, Exact, isNormalised, lowFor, midOf, ulpOf } from './exact-ball.test-support.ts';

const ball = (hi: number, lo = 0, rad = 0): DDBall => new DDBall(hi, lo, rad);
const anyBall = (minExp: number, maxExp: number) => ballIn(ball, minExp, maxExp);

/** Transcendental references at 60 digits (decimal.js rounds exp and ln correctly), with the error bound 10⁻⁵⁵ relative. */
const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const REF_ERROR = new Exact('1e-55');

/** Checks `out` (finite radius required unless `mayGiveUp`) against the exact results `values`, each within `epsilon` of the truth. */
function expectEncloses(out: DDBall, values: readonly Decimal[], label: string, epsilonOf: (x: Decimal) => Decimal.Value = () => 0, mayGiveUp = false): void {
  if (mayGiveUp && out.rad === Infinity) return;
  expect(Number.isFinite(out.rad), `${label}: radius ${out.rad}`).toBe(true);
  expect(isNormalised(out), `${label}: ${out.toString()} is not normalised`).toBe(true);
  for (const x of values) expect(containsExactly(out, x, epsilonOf(x)), `${label}: ${out.toString()} misses ${x.toPrecision(40)}`).toBe(true);
}

/** Pairs whose midpoints nearly cancel: `b.hi = −a.hi + k·ulp(a.hi)`, random low parts. */
const cancelling = anyBall(-60, 60).chain((a) =>
  fc
    .integer({ min: -6, max: 6 })
    .map((k) => -a.hi + k * ulpOf(a.hi))
    .chain((bh) => fc.tuple(lowFor(bh), fc.constantFrom(0, ulpOf(a.hi) * 2 ** -60, Math.abs(a.hi) * 2 ** -100)).map(([bl, br]) => [a, ball(bh, bl, br)] as const)),
);

describe('sums and differences enclose every extreme, also when the operands cancel', () => {
  const check = (a: DDBall, b: DDBall): void => {
    const [a0, a1] = endsOf(a);
    const [b0, b1] = endsOf(b);
    const label = `${a.toString()} ± ${b.toString()}`;
    expectEncloses(addBall(new DDBall(), a, b), [a0.plus(b0), a1.plus(b1)], `sum ${label}`);
    expectEncloses(subBall(new DDBall(), a, b), [a0.minus(b1), a1.minus(b0)], `difference ${label}`);
  };

  it('at the named inputs', () => {
    // radii only: [−1, 1] + [−1, 1] = [−2, 2], so the radius must be at least 2
    const r = addBall(new DDBall(), ball(0, 0, 1), ball(0, 0, 1));
    expect(r.rad).toBeGreaterThanOrEqual(2);
    check(ball(0, 0, 1), ball(0, 0, 1));
    // low parts that matter: 1 + 2⁻³⁰ + 2⁻⁶⁰ + 2⁻⁹⁰ is exact as a double-double
    const s = addBall(new DDBall(), ball(1, 2 ** -60), ball(2 ** -30, 2 ** -90));
    expect(midOf(s).eq(new Exact(2).pow(-30).plus(1).plus(new Exact(2).pow(-60)).plus(new Exact(2).pow(-90)))).toBe(true);
    check(ball(1, 2 ** -60), ball(2 ** -30, 2 ** -90));
    // cancelling high parts with low parts that do not add exactly
    check(ball(1, 2 ** -54 + 2 ** -106), ball(-1 + 2 ** -52, 3 * 2 ** -107));
    check(ball(1.5, -(2 ** -53)), ball(-1.5, 2 ** -53 - 2 ** -105));
  });

  it('for random balls', () => {
    fc.assert(fc.property(anyBall(-80, 80), anyBall(-80, 80), check), { numRuns: 150, seed: 102 });
  });

  it('for random nearly cancelling balls', () => {
    fc.assert(fc.property(cancelling, ([a, b]) => check(a, b)), { numRuns: 150, seed: 103 });
  });
});

describe('products, quotients and scalings enclose every extreme', () => {
  const corners = (a: DDBall, b: DDBall, f: (x: Decimal, y: Decimal) => Decimal): Decimal[] => endsOf(a).flatMap((x) => endsOf(b).map((y) => f(x, y)));
  const quotientError = (x: Decimal): Decimal => x.abs().times('1e-1190');

  it('at the named inputs', () => {
    // (1 − 2⁻⁵³)(1 + 2⁻⁵²) = 1 + 2⁻⁵³ − 2⁻¹⁰⁵: the normalised pair is (1, 2⁻⁵³ − 2⁻¹⁰⁵)
    const p = mulBall(new DDBall(), ball(1 - 2 ** -53), ball(1 + 2 ** -52));
    expect(midOf(p).eq(new Exact(1).plus(new Exact(2).pow(-53)).minus(new Exact(2).pow(-105)))).toBe(true);
    expect(isNormalised(p)).toBe(true);
    expectEncloses(mulBall(new DDBall(), ball(1, 2 ** -53), ball(0, 0, 1)), corners(ball(1, 2 ** -53), ball(0, 0, 1), (x, y) => x.times(y)), 'product');
    expectEncloses(divBall(new DDBall(), ball(0, 0, 1), ball(1)), [new Exact(-1), new Exact(1)], 'quotient');
    expectEncloses(divBall(new DDBall(), ball(3, 2 ** -52, 1), ball(-2, 2 ** -53, 0.75)), corners(ball(3, 2 ** -52, 1), ball(-2, 2 ** -53, 0.75), (x, y) => x.div(y)), 'quotient', quotientError);
  });

  it('for random balls (the radius +∞ only outside [2⁻⁵⁰⁰, 2⁵⁰⁰])', () => {
    fc.assert(
      fc.property(anyBall(-200, 200), anyBall(-200, 200), (a, b) => {
        const label = `${a.toString()} and ${b.toString()}`;
        const product = mulBall(new DDBall(), a, b);
        const inRange = (x: number) => Math.abs(x) >= RANGE_MIN && Math.abs(x) <= RANGE_MAX;
        expectEncloses(product, corners(a, b, (x, y) => x.times(y)), `product ${label}`, () => 0, !inRange(a.hi * b.hi));
        const [b0, b1] = endsOf(b);
        if (b0.gt(0) || b1.lt(0)) expectEncloses(divBall(new DDBall(), a, b), corners(a, b, (x, y) => x.div(y)), `quotient ${label}`, quotientError, !inRange(a.hi / b.hi) || Exact.min(b0.abs(), b1.abs()).lt(Exact.max(b0.abs(), b1.abs()).times(2 ** -40))); // +∞ also allowed when b nearly reaches 0
        const k = Math.round(b.hi / 2 ** 190); // an integer of either sign, up to a few hundred
        expectEncloses(mulByDouble(new DDBall(), a, k), endsOf(a).map((x) => x.times(k)), `${label} times ${k}`, () => 0, k !== 0 && !inRange(a.hi * k));
        const power = Math.round(b.hi / 2 ** 195) % 300;
        expectEncloses(scaleByPowerOfTwo(new DDBall(), a, power), endsOf(a).map((x) => x.times(new Exact(2).pow(power))), `${label} times 2^${power}`, () => 0, !inRange(a.hi * 2 ** power));
      }),
      { numRuns: 60, seed: 104 },
    );
  });
});

describe('clampNonNegative keeps the part of the ball at or above 0', () => {
  const check = (a: DDBall): void => {
    const [lower, upper] = endsOf(a);
    if (upper.lt(0)) return; // nothing of the ball is ≥ 0: the caller's mathematics says this does not happen
    const out = clampNonNegative(new DDBall(), a);
    expectEncloses(out, [Exact.max(lower, 0), upper], `clamp ${a.toString()}`);
    expect(endsOf(out)[0].gte(0), `clamp ${a.toString()} reaches below 0`).toBe(true);
  };

  it('at a ball whose upper end 2⁻⁵⁴ comes from its low part alone', () => {
    check(ball(-1, 2 ** -54, 1)); // [−2 + 2⁻⁵⁴, 2⁻⁵⁴]
    check(ball(-0.75, 2 ** -55, 0.75));
    check(ball(-3, -(2 ** -52), 3 + 2 ** -51));
  });

  it('for random balls around 0', () => {
    const aroundZero = anyBall(-60, 10).chain((a) => fc.integer({ min: -3, max: 3 }).map((k) => ball(a.hi, a.lo, Math.abs(a.hi) + k * ulpOf(a.hi))));
    fc.assert(fc.property(fc.oneof(aroundZero, anyBall(-60, 10)), check), { numRuns: 150, seed: 105 });
  });
});

describe('exp and ln enclose the function at both ends of the ball', () => {
  const expOf = (x: Decimal): Decimal => new Exact(new Ref(x).exp());
  const lnOf = (x: Decimal): Decimal => new Exact(new Ref(x).ln());
  const refError = (x: Decimal): Decimal => x.abs().times(REF_ERROR);
  // a midpoint below the products' range 2⁻⁵⁰⁰ (other than 0) may give the radius +∞ (the module's rule)
  const checkExp = (a: DDBall): void => expectEncloses(expBall(new DDBall(), a), endsOf(a).map(expOf), `exp ${a.toString()}`, refError, a.hi !== 0 && Math.abs(a.hi) < RANGE_MIN);

  it('at reduced arguments at the edge of the kernel, |t| ≈ (ln 2)/128, and wide balls beyond it', () => {
    for (const t of [0.005415, -0.005415, 0.0054152, 0.25 * Math.LN2 - 0.00541, 3 * Math.LN2 + 0.005414]) checkExp(ball(t));
    checkExp(ball(0.0054, 0, 1 / 64)); // radius beyond the kernel's 2⁻¹⁴ (τ ≈ 0.021): the Taylor polynomial in balls
    checkExp(ball(-0.0054, 2 ** -61, 2 ** -8));
    checkExp(ball(0, 0, 2 ** -7));
  });

  it('for random balls within the argument limit', () => {
    const argument = fc
      .tuple(fc.integer({ min: -300 * 92, max: 300 * 92 }), fc.double({ min: -0.0055, max: 0.0055, noNaN: true }), fc.constantFrom(0, 2 ** -60, 2 ** -20, 2 ** -9, 1 / 64))
      .chain(([n, t, rad]) => {
        const hi = (n * Math.LN2) / 64 + t;
        return lowFor(hi).map((lo) => ball(hi, lo, rad));
      });
    fc.assert(fc.property(argument, checkExp), { numRuns: 120, seed: 106 });
  });

  it('ln for random positive balls', () => {
    const positive = anyBall(-300, 300).map((a) => ball(Math.abs(a.hi), a.hi < 0 ? -a.lo : a.lo, Math.min(a.rad, Math.abs(a.hi) / 4)));
    fc.assert(
      fc.property(positive, (a) => expectEncloses(lnBall(new DDBall(), a), endsOf(a).map(lnOf), `ln ${a.toString()}`, refError, a.rad === 0 && a.hi < RANGE_MIN)),
      { numRuns: 120, seed: 107 },
    );
  });
});
