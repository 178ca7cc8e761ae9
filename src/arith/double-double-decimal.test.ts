/**
 * Between exact decimals and double-double balls (`double-double-decimal.ts`): a decimal read into a
 * ball is enclosed by it (against decimal.js at 1200 digits), and the digits printed from a ball are
 * those decimal.js prints for every element of the ball, rounded half-even — at up to 26 digits,
 * where the integer of the digits passes 2⁵³ and 10²⁵, with carries and signs.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from './context.ts';
import { ballFromDecimal, ballToSignificantDigits, decimalText, newBallFromDecimal } from './double-double-decimal.ts';
import { DDBall } from './double-double.ts';
import { exactOfDouble } from './exact-double.test-support.ts';

const Exact = Decimal.clone({ precision: 1200, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const exactOf = (x: number): Decimal => exactOfDouble(x, Exact);

/** Random probes: fewer under mutation testing (UAT_MUTATION=1), where every covering test reruns per mutant. */
const RUNS = process.env.UAT_MUTATION === '1' ? 60 : 300;

const mid = (b: DDBall): Decimal => exactOf(b.hi).plus(exactOf(b.lo));

function encloses(b: DDBall, r: Decimal.Value): boolean {
  return Number.isFinite(b.rad) && mid(b).minus(r).abs().lte(exactOf(b.rad));
}

/** What decimal.js prints for `x` at `digits` significant digits, half-even, in the contexts' notation. */
const printed = (x: Decimal, digits: number): string => new ExactDecimal(x.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN)).toString();

/** A normalised double-double `hi + lo` (`|lo| ≤ ulp(hi)/2`). */
const doubleDouble = fc
  .tuple(fc.double({ min: 1e-40, max: 1e40, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.boolean())
  .map(([h, f, negative]) => {
    const hi = negative ? -h : h;
    const ulp = 2 ** (Math.floor(Math.log2(h)) - 52);
    return new DDBall(hi, f * ulp, 0);
  });

describe('ballFromDecimal', () => {
  it('encloses decimals held in one to four base-10⁷ limbs (up to 22–28 digits) and exponents within ±120, exactly when it can', () => {
    const texts = ['0', '-0', '7', '-1234567', '12345678', '0.000012345678901234', '123456789012345678901', '-9.999999999999999999999999e-36', '1234567890123456789012345678', '25e100', '-3e-120', '1.5e-7', '4.000000000000000000001'];
    for (const text of texts) {
      const d = new ExactDecimal(text);
      const b = newBallFromDecimal(d)!;
      expect(b, text).toBeDefined();
      expect(encloses(b, text), text).toBe(true);
      expect(b.rad / Math.max(Math.abs(b.hi), 1e-300), text).toBeLessThan(1e-28);
    }
    // integers below 2¹⁰⁶ times 10^p with |p| ≤ 45 are read exactly
    // integers without trailing zeros below 2¹⁰⁶ are split exactly into two doubles
    for (const text of ['123456789012345678901', '-1234567890123456789012345678', '9007199254740993']) {
      const b = newBallFromDecimal(new ExactDecimal(text))!;
      expect([mid(b).toString(), b.rad], text).toEqual([new Exact(text).toString(), 0]);
    }
    expect(ballFromDecimal(new DDBall(), new ExactDecimal('-1e-45'))!.hi).toBeLessThan(0);
  });

  it('declines more than 28 digits, exponents beyond the table, and non-finite values', () => {
    expect(newBallFromDecimal(new ExactDecimal('1.0000000000000000000000000001'))).toBeUndefined(); // 29 digits
    expect(newBallFromDecimal(new ExactDecimal('12345678901234567890123456789012345'))).toBeUndefined();
    expect(newBallFromDecimal(new ExactDecimal('1e200'))).toBeUndefined();
    expect(newBallFromDecimal(new ExactDecimal('1e-200'))).toBeUndefined();
    expect(newBallFromDecimal(new ExactDecimal(Infinity))).toBeUndefined();
    expect(newBallFromDecimal(new ExactDecimal(NaN))).toBeUndefined();
    expect(newBallFromDecimal(new ExactDecimal(0))).toEqual(new DDBall(0, 0, 0));
  });
});

describe('ballToSignificantDigits', () => {
  it('prints what decimal.js prints for exact double-doubles, at 1 to 26 digits', () => {
    let printedCount = 0;
    fc.assert(
      fc.property(doubleDouble, fc.integer({ min: 1, max: 26 }), (b, digits) => {
        const text = ballToSignificantDigits(b, digits);
        if (text === undefined) return; // only within 2⁻⁴⁰ of a rounding boundary
        printedCount += 1;
        expect(text, `${b.toString()} at ${digits}`).toBe(printed(mid(b), digits));
      }),
      { numRuns: RUNS },
    );
    expect(printedCount).toBeGreaterThan(RUNS * 0.8);
  });

  it('prints at 17 to 26 digits, where the digits pass 2⁵³ and 10²⁵, with carries in both directions', () => {
    const cases: Array<[DDBall, number]> = [
      [new DDBall(Math.PI, 1.2246467991473532e-16), 26],
      [new DDBall(Math.PI, 1.2246467991473532e-16), 25],
      [new DDBall(Math.PI, 1.2246467991473532e-16), 17],
      [new DDBall(-Math.E, -1.4456468917292502e-16), 22],
      [new DDBall(1 / 3, 1.850371707708594e-17), 24],
      [new DDBall(2 / 3, 3.700743415417188e-17), 20],
      [new DDBall(123456789.25, 1e-9), 19],
      [new DDBall(0.1, -5.551115123125783e-18), 26],
      [new DDBall(9.999999999999997e22, 0), 18],
      [new DDBall(1e22, -1), 23],
      [new DDBall(1e22, 1), 23],
      [new DDBall(1e-120, 3.1e-137), 21],
    ];
    for (const [b, digits] of cases) expect(ballToSignificantDigits(b, digits), `${b.toString()} at ${digits}`).toBe(printed(mid(b), digits));
  });

  it('prints digit groups of zeros and leading zeros inside the number (the digits are printed five at a time)', () => {
    // integers N of 16 to 25 digits, exact as hi + lo: every five-digit group from 00000 to 99999 at the edges
    const integers = [
      10n ** 19n + 1n,
      10n ** 19n + 100000n,
      10n ** 19n + 10n ** 10n,
      12345000000000067890n,
      99999000009999900001n,
      10000000000000000n + 7n,
      1000010000100001000010n,
      9999999999999999999999999n,
    ];
    for (const n of integers) {
      const hi = Number(n);
      const b = new DDBall(hi, Number(n - BigInt(hi)), 0);
      const digits = n.toString().length;
      expect(ballToSignificantDigits(b, digits), n.toString()).toBe(printed(mid(b), digits));
      if (digits < 22) expect(ballToSignificantDigits(b, digits), n.toString()).toBe(n.toString()); // decimal.js's plain notation
    }
  });

  it('rounds half to even only when the whole ball agrees, carries into a new decade, and keeps the sign', () => {
    expect(ballToSignificantDigits(new DDBall(0.9999999, 0, 0), 3)).toBe('1');
    expect(ballToSignificantDigits(new DDBall(-99.96, 0, 0), 3)).toBe('-100');
    expect(ballToSignificantDigits(new DDBall(9.5, 0, 0), 1)).toBeUndefined(); // a tie: the double 9.5 is exact, but the slack refuses ties
    expect(ballToSignificantDigits(new DDBall(9.5000000001, 0, 0), 1)).toBe('10');
    expect(ballToSignificantDigits(new DDBall(2.5000000001, 0, 0), 1)).toBe('3');
    expect(ballToSignificantDigits(new DDBall(2.4999999999, 0, 0), 1)).toBe('2');
    expect(ballToSignificantDigits(new DDBall(2.4999999999, 0, 2e-10), 1)).toBeUndefined(); // reaches 2.5000000001
    expect(ballToSignificantDigits(new DDBall(1.25, 0, 0.01), 3)).toBeUndefined(); // [1.24, 1.26]
    expect(ballToSignificantDigits(new DDBall(1.25, 0, 0.004), 2)).toBeUndefined(); // [1.246, 1.254]: 1.2 or 1.3
    expect(ballToSignificantDigits(new DDBall(1.26, 0, 0.004), 2)).toBe('1.3'); // [1.256, 1.264]
  });

  it('gives 0 for exactly 0, nothing for a ball across 0 or without a finite radius, and shifts by the scale', () => {
    expect(ballToSignificantDigits(new DDBall(0, 0, 0), 20)).toBe('0');
    expect(ballToSignificantDigits(new DDBall(0, 0, 1e-300), 20)).toBeUndefined();
    expect(ballToSignificantDigits(new DDBall(1, 0, 2), 20)).toBeUndefined();
    expect(ballToSignificantDigits(new DDBall(1, 0, Infinity), 1)).toBeUndefined();
    expect(ballToSignificantDigits(new DDBall(0.5, 0, 0), 3, -70)).toBe('5e-71');
    expect(ballToSignificantDigits(new DDBall(-1234.5678, 0, 1e-20), 6, 1000)).toBe('-1.23457e+1003');
    expect(ballToSignificantDigits(new DDBall(1e-320, 0, 0), 5)).toBeUndefined(); // subnormal: beyond the table of 10^k
  });
});

describe('decimalText', () => {
  it('prints plain notation from 10⁻⁷ to below 10²¹ and exponential notation beyond, trailing zeros dropped', () => {
    expect(decimalText(false, '123000', 2)).toBe('123');
    expect(decimalText(true, '123', 5)).toBe('-123000');
    expect(decimalText(false, '5', -7)).toBe('5e-7');
    expect(decimalText(false, '5', -6)).toBe('0.000005');
    expect(decimalText(false, '12', 20)).toBe('120000000000000000000');
    expect(decimalText(false, '12', 21)).toBe('1.2e+21');
    expect(decimalText(true, '1', 21)).toBe('-1e+21');
    expect(decimalText(false, '1000', 0)).toBe('1');
    expect(decimalText(false, '1234', 1)).toBe('12.34');
    expect(decimalText(true, '1234', -1)).toBe('-0.1234');
  });
});
