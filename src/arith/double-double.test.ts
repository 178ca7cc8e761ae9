/**
 * Double-double balls (`double-double.ts`) at the edges of their rules, against decimal.js at 1200
 * digits (which holds every double exactly): each ball encloses the exact result at its midpoint and
 * at both ends of its operands (the inclusion property), operations outside `[2⁻⁵⁰⁰, 2⁵⁰⁰]` give the
 * radius +∞, and the sign predicates answer exactly as the lower and upper ends of the ball say.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  addBall,
  clampNonNegative,
  copyBall,
  DDBall,
  divBall,
  EXP_ARGUMENT_LIMIT,
  expBall,
  isCertifiedNegative,
  isCertifiedNonNegative,
  isCertifiedPositive,
  isExactZero,
  lnBall,
  mulBall,
  mulByDouble,
  negBall,
  RANGE_MAX,
  RANGE_MIN,
  roundedUp,
  scaleByPowerOfTwo,
  setBall,
  subBall,
  upperEnd,
} from './double-double.ts';
import { exactOfDouble } from './exact-double.test-support.ts';

/** 1200 digits: every double, and every sum of two, exactly; transcendental references to ~1200 digits. */
const Exact = Decimal.clone({ precision: 1200, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const exactOf = (x: number): Decimal => exactOfDouble(x, Exact);

/** Transcendental references at 60 digits (decimal.js's ln is limited by its stored ln 10), far below every radius here. */
const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const exp = (x: Decimal): Decimal => new Ref(x).exp();
const ln = (x: Decimal): Decimal => new Ref(x).ln();

const mid = (b: DDBall): Decimal => exactOf(b.hi).plus(exactOf(b.lo));
const lowerOf = (b: DDBall): Decimal => mid(b).minus(exactOf(b.rad));
const upperOf = (b: DDBall): Decimal => mid(b).plus(exactOf(b.rad));

/** The ball has a finite radius and contains `r`. */
function encloses(b: DDBall, r: Decimal.Value): boolean {
  return Number.isFinite(b.rad) && mid(b).minus(r).abs().lte(exactOf(b.rad));
}

/** The ball encloses `f` at the midpoint and at both ends of `a` (enough for a monotone `f`). */
function enclosesOver(out: DDBall, a: DDBall, f: (x: Decimal) => Decimal): void {
  for (const x of [lowerOf(a), mid(a), upperOf(a)]) expect(encloses(out, f(x)), `${out.toString()} at ${x.toString()}`).toBe(true);
}

const ball = (hi: number, lo = 0, rad = 0): DDBall => new DDBall(hi, lo, rad);

describe('field operations', () => {
  it('+ − × ÷ enclose every corner of balls with low parts and radii', () => {
    const as = [ball(3, 2 ** -52, 1e-20), ball(-0.1, -5.551115123125783e-18, 1e-25), ball(7e10, 1e-6, 1e-8)];
    const bs = [ball(1 / 3, 1.850371707708594e-17, 2e-21), ball(-2.5, 0, 1e-19), ball(1e-7, 3.2e-24, 1e-30)];
    for (const a of as) {
      for (const b of bs) {
        const sum = addBall(new DDBall(), a, b);
        const difference = subBall(new DDBall(), a, b);
        const product = mulBall(new DDBall(), a, b);
        const quotient = divBall(new DDBall(), a, b);
        for (const x of [lowerOf(a), upperOf(a)]) {
          for (const y of [lowerOf(b), upperOf(b)]) {
            expect(encloses(sum, x.plus(y))).toBe(true);
            expect(encloses(difference, x.minus(y))).toBe(true);
            expect(encloses(product, x.times(y))).toBe(true);
            expect(encloses(quotient, new Ref(x).div(y))).toBe(true);
          }
        }
        // and no wider than the operands require, give or take the charged rounding
        expect(sum.rad).toBeLessThan(2 * (a.rad + b.rad) + 1e-28 * Math.abs(sum.hi));
        expect(product.rad).toBeLessThan(2 * (Math.abs(a.hi) * b.rad + Math.abs(b.hi) * a.rad) + 1e-28 * Math.abs(product.hi));
      }
    }
  });

  it('a sum is exact for exact operands that add exactly (radius only the charged rounding)', () => {
    const s = addBall(new DDBall(), ball(1), ball(2 ** -80));
    expect([s.hi, s.lo]).toEqual([1, 2 ** -80]);
    expect(s.rad).toBeLessThan(2 ** -96);
    const d = subBall(new DDBall(), ball(1, 2 ** -70), ball(1));
    expect(d.hi + d.lo).toBe(2 ** -70);
    expect(encloses(d, exactOf(2 ** -70))).toBe(true);
  });

  it('negation and copies are exact; the out ball may alias an operand', () => {
    const a = ball(1.5, -(2 ** -60), 3e-30);
    expect(negBall(new DDBall(), a)).toEqual(ball(-1.5, 2 ** -60, 3e-30));
    expect(copyBall(new DDBall(), a)).toEqual(a);
    expect(a.clone()).toEqual(a);
    expect(a.clone()).not.toBe(a);
    expect(setBall(new DDBall(), 1, 2, 3)).toEqual(ball(1, 2, 3));
    const x = ball(3, 0, 0);
    mulBall(x, x, x); // x ← x·x
    expect(x.hi).toBe(9);
    expect(encloses(x, 9)).toBe(true);
    expect(a.toString()).toBe(`⟨1.5 + ${-(2 ** -60)} ± 3e-30⟩`);
  });

  it('a product by an exact double and by a power of two', () => {
    const a = ball(0.1, 5.551115123125783e-18, 1e-30);
    const p = mulByDouble(new DDBall(), a, 3);
    enclosesOver(p, a, (x) => x.times(3));
    const s = scaleByPowerOfTwo(new DDBall(), a, -3);
    expect([s.hi, s.lo]).toEqual([a.hi / 8, a.lo / 8]); // the midpoint is scaled exactly
    enclosesOver(s, a, (x) => x.div(8));
    expect(s.rad).toBeLessThan(a.rad / 8 * (1 + 2 ** -40) + 2 ** -1060);
    const big = scaleByPowerOfTwo(new DDBall(), ball(1.25), 1200); // 2^1200 is not a double: out of range
    expect(big.rad).toBe(Infinity);
    const tiny = scaleByPowerOfTwo(new DDBall(), ball(1.25), -499);
    expect(tiny.hi).toBe(1.25 * 2 ** -499);
    expect(Number.isFinite(tiny.rad)).toBe(true);
    expect(scaleByPowerOfTwo(new DDBall(), ball(1), -501).rad).toBe(Infinity); // below 2⁻⁵⁰⁰
    expect(scaleByPowerOfTwo(new DDBall(), ball(0.75), 501).hi).toBe(0.75 * 2 ** 501);
    expect(scaleByPowerOfTwo(new DDBall(), ball(1), 501).rad).toBe(Infinity);
  });

  it('× and ÷ give the radius +∞ outside [2⁻⁵⁰⁰, 2⁵⁰⁰], at operands and at results', () => {
    const inf = (b: DDBall): boolean => b.rad === Infinity;
    expect(inf(mulBall(new DDBall(), ball(RANGE_MAX), ball(1)))).toBe(false);
    expect(inf(mulBall(new DDBall(), ball(RANGE_MAX * 2), ball(0.25)))).toBe(true); // operand beyond
    expect(inf(mulBall(new DDBall(), ball(RANGE_MIN), ball(1)))).toBe(false);
    expect(inf(mulBall(new DDBall(), ball(RANGE_MIN / 2), ball(4)))).toBe(true); // operand below
    expect(inf(mulBall(new DDBall(), ball(2 ** 300), ball(2 ** 300)))).toBe(true); // result beyond
    expect(inf(mulBall(new DDBall(), ball(2 ** -300), ball(2 ** -300)))).toBe(true); // result below
    const zero = mulBall(new DDBall(), ball(0), ball(2 ** 400)); // 0 is in range
    expect([zero.hi, zero.lo]).toEqual([0, 0]);
    expect(zero.rad).toBeLessThanOrEqual(2 ** -999);
    expect(inf(divBall(new DDBall(), ball(1), ball(0)))).toBe(true);
    expect(inf(divBall(new DDBall(), ball(1), ball(1, 0, 1)))).toBe(true); // the divisor may be 0
    expect(inf(divBall(new DDBall(), ball(1), ball(1, 0, 0.999)))).toBe(false);
    expect(inf(divBall(new DDBall(), ball(2 ** 300), ball(2 ** -300)))).toBe(true);
    expect(inf(divBall(new DDBall(), ball(2 ** -300), ball(2 ** 300)))).toBe(true);
    expect(inf(divBall(new DDBall(), ball(2 ** 600), ball(2 ** 300)))).toBe(true);
    expect(divBall(new DDBall(), ball(0), ball(3))).toMatchObject({ hi: 0, lo: 0 });
    const q = divBall(new DDBall(), ball(1), ball(1, 0, 0.5)); // 1/[0.5, 1.5] = [2/3, 2]
    enclosesOver(q, ball(1, 0, 0.5), (y) => new Exact(1).div(y));
    expect(q.rad).toBeLessThan(1.01); // the midpoint 1 and (1·0.5)/(1 − 0.5)
    // sums need no range: exact in the subnormal range, +∞ only beyond 2⁵⁰⁰
    expect(addBall(new DDBall(), ball(2 ** -1070), ball(2 ** -1070)).hi).toBe(2 ** -1069);
    expect(inf(addBall(new DDBall(), ball(2 ** 500), ball(2 ** 500)))).toBe(true);
    expect(inf(addBall(new DDBall(), ball(2 ** 499), ball(2 ** 499)))).toBe(false);
    expect(addBall(new DDBall(), ball(Infinity), ball(1))).toMatchObject({ hi: 0, rad: Infinity }); // no infinite midpoint
  });
});

describe('exp and ln', () => {
  it('e^x on a wide ball (radius beyond 2⁻¹⁴: the Taylor polynomial in balls) encloses e^x at both ends', () => {
    for (const a of [ball(0.5, 0, 0.01), ball(-3.25, 1e-17, 0.015), ball(100, 0, 1 / 64)]) {
      const e = expBall(new DDBall(), a);
      enclosesOver(e, a, exp);
      expect(e.rad / e.hi).toBeLessThan(0.05);
    }
    expect(expBall(new DDBall(), ball(0.5, 0, 1 / 64 + 2 ** -40)).rad).toBe(Infinity); // radius beyond 1/64
  });

  it('e^x at every entry of the 2^{j/64} table (x = j·(ln 2)/64 and ±10⁻⁵ around it, scaled by 2^{±3}): enclosed, within 2⁻⁸⁸ relative', () => {
    for (let j = 0; j < 64; j++) {
      for (const k of [-3, 0, 3]) {
        for (const dx of [0, 1e-5, -1e-5]) {
          const x = ((j + 64 * k) * Math.LN2) / 64 + dx;
          const e = expBall(new DDBall(), ball(x));
          expect(encloses(e, exp(exactOf(x))), `j = ${j}, x = ${x}`).toBe(true);
          expect(e.rad / e.hi, `j = ${j}, x = ${x}`).toBeLessThan(2 ** -88);
        }
      }
    }
  });

  it('e^x at the limits ±340, beyond, and the enclosure [0, 2⁻⁴⁹⁰] far below', () => {
    for (const x of [EXP_ARGUMENT_LIMIT, -EXP_ARGUMENT_LIMIT, 339.9, -200.125]) {
      const e = expBall(new DDBall(), ball(x));
      expect(encloses(e, exp(exactOf(x))), String(x)).toBe(true);
      expect(e.rad / e.hi).toBeLessThan(1e-26);
    }
    expect(expBall(new DDBall(), ball(340.5)).rad).toBe(Infinity);
    expect(expBall(new DDBall(), ball(-340.01, 0, 0.015)).rad).toBe(Infinity); // reaches above −340 with a midpoint beyond: no claim
    expect(Number.isFinite(expBall(new DDBall(), ball(-339.99, 0, 0.015)).rad)).toBe(true);
    expect(expBall(new DDBall(), ball(-340.5))).toEqual(ball(2 ** -491, 0, 2 ** -491));
    const far = expBall(new DDBall(), ball(-341, 0, 0.5)); // the whole ball below −340
    expect(far).toEqual(ball(2 ** -491, 0, 2 ** -491));
    expect(encloses(far, exp(exactOf(-340.5)))).toBe(true);
    expect(expBall(new DDBall(), ball(-1e6, 0, 10))).toEqual(ball(2 ** -491, 0, 2 ** -491));
    const e0 = expBall(new DDBall(), ball(0));
    expect(encloses(e0, 1)).toBe(true);
  });

  it('ln encloses ln x at both ends of a ball, and gives +∞ for balls reaching 0 or too wide', () => {
    for (const a of [ball(2, 0, 1e-20), ball(1e-100, 0, 1e-130), ball(0.75, 2 ** -60, 0.2), ball(3e120)]) {
      const l = lnBall(new DDBall(), a);
      enclosesOver(l, a, ln);
    }
    expect(lnBall(new DDBall(), ball(1, 0, 1)).rad).toBe(Infinity); // reaches 0
    expect(lnBall(new DDBall(), ball(-1)).rad).toBe(Infinity);
    expect(lnBall(new DDBall(), ball(2 ** 600)).rad).toBe(Infinity); // beyond 2⁵⁰⁰
    expect(lnBall(new DDBall(), ball(1, 0, 0.6)).rad).toBe(Infinity); // δ reaches 1/2 (ln is finite there, but not certified)
    expect(Number.isFinite(lnBall(new DDBall(), ball(1, 0, 0.3)).rad)).toBe(true);
  });
});

describe('signs and ends', () => {
  it('isCertifiedPositive and isCertifiedNegative read the lower and the upper end', () => {
    expect(isCertifiedPositive(ball(1, 0, 0.5))).toBe(true);
    expect(isCertifiedPositive(ball(1, 0, 1))).toBe(false); // lower end 0
    expect(isCertifiedPositive(ball(1, -(2 ** -53), 1 - 2 ** -53))).toBe(false); // lower end exactly 0
    expect(isCertifiedPositive(ball(1, -(2 ** -52), 1 - 2 ** -53))).toBe(false); // lower end −2⁻⁵³, below 0 by the low part only
    expect(isCertifiedPositive(ball(1, -(2 ** -55), 1 - 2 ** -52))).toBe(true); // lower end 2⁻⁵² − 2⁻⁵⁵
    expect(isCertifiedPositive(ball(2 ** -1074))).toBe(true);
    expect(isCertifiedPositive(ball(0))).toBe(false);
    expect(isCertifiedPositive(ball(-1))).toBe(false);
    expect(isCertifiedPositive(ball(1, 0, Infinity))).toBe(false);
    expect(isCertifiedNegative(ball(-1, 0, 0.5))).toBe(true);
    expect(isCertifiedNegative(ball(-1, 0, 1))).toBe(false);
    expect(isCertifiedNegative(ball(-1, 2 ** -53, 1 - 2 ** -53))).toBe(false); // upper end exactly 0
    expect(isCertifiedNegative(ball(-1, 2 ** -52, 1 - 2 ** -53))).toBe(false); // upper end 2⁻⁵³
    expect(isCertifiedNegative(ball(-1, 2 ** -55, 1 - 2 ** -52))).toBe(true);
    expect(isCertifiedNegative(ball(0))).toBe(false);
    expect(isCertifiedNegative(ball(1))).toBe(false);
    expect(isCertifiedNegative(ball(-1, 0, Infinity))).toBe(false);
  });

  it('isCertifiedNonNegative: positive, or ⟨h, l, h⟩ with l ≥ 0 and h finite', () => {
    expect(isCertifiedNonNegative(ball(1, 0, 0.5))).toBe(true);
    expect(isCertifiedNonNegative(ball(1, 0, 1))).toBe(true); // [0, 2]
    expect(isCertifiedNonNegative(ball(0, 0, 0))).toBe(true); // exactly 0
    expect(isCertifiedNonNegative(ball(1, 2 ** -60, 1))).toBe(true);
    expect(isCertifiedNonNegative(ball(1, -(2 ** -60), 1))).toBe(false); // lower end −2⁻⁶⁰
    expect(isCertifiedNonNegative(ball(1, 0, 1.5))).toBe(false);
    expect(isCertifiedNonNegative(ball(Infinity, 0, Infinity))).toBe(false);
    expect(isCertifiedNonNegative(ball(-1, 0, 0.5))).toBe(false);
  });

  it('clampNonNegative keeps a positive ball and encloses [0, upper end] otherwise', () => {
    const p = ball(2, 1e-17, 1);
    expect(clampNonNegative(new DDBall(), p)).toEqual(p);
    for (const a of [ball(1, 2 ** -60, 3), ball(-1, -(2 ** -60), 3), ball(1, 0, 1), ball(-5, 0, 1), ball(0, 0, 0)]) {
      const c = clampNonNegative(new DDBall(), a);
      expect(c.lo).toBe(0);
      expect(c.hi).toBe(c.rad); // the form ⟨h, 0, h⟩: lower end exactly 0
      expect(isCertifiedNonNegative(c)).toBe(true);
      const top = Decimal.max(upperOf(a), 0);
      expect(exactOf(2 * c.hi).gte(top), a.toString()).toBe(true);
      expect(2 * c.hi).toBeLessThanOrEqual(top.toNumber() * (1 + 2 ** -45) + 2 ** -990);
    }
  });

  it('upperEnd, roundedUp and isExactZero', () => {
    // (for balls containing a number ≥ 0, where the callers use it: the rounding up is relative)
    for (const a of [ball(1, 2 ** -60, 0.25), ball(1, -(2 ** -60), 0.25), ball(-3, 1e-17, 3), ball(2 ** -1070, 0, 2 ** -1074)]) {
      const u = upperEnd(a);
      expect(exactOf(u).gte(upperOf(a))).toBe(true);
      expect(u).toBeLessThan(upperOf(a).toNumber() * (1 + 2 ** -45) + 2 ** -990);
    }
    expect(roundedUp(1)).toBe(1 + 2 ** -49);
    expect(roundedUp(0)).toBe(2 ** -1000);
    expect(isExactZero(ball(0))).toBe(true);
    expect(isExactZero(ball(0, 0, 2 ** -1074))).toBe(false);
    expect(isExactZero(ball(0, 2 ** -1074, 0))).toBe(false);
    expect(isExactZero(ball(2 ** -1074, 0, 0))).toBe(false);
  });
});
