/**
 * Exact reading of simple decimals for the fast path (`double-double-input.ts`): the integer mantissa
 * and exponent read, the common integer scales (doubles below 2⁵³, BigInts), the balls around
 * `m·10^e` against decimal.js at 1200 digits, and the exact comparisons — each with its limits.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  ballOfBigScaled,
  ballOfScaledInteger,
  ballOfSmallDecimal,
  ballOfWideDecimal,
  bigMantissa,
  isAtMostWide,
  isBelowOne,
  isPositiveSmall,
  MAX_FAST_TEXT_LENGTH,
  onCommonScale,
  onCommonScaleWide,
  readPositiveFast,
  readSmallDecimal,
  readWideDecimal,
} from './double-double-input.ts';
import { DDBall } from './double-double.ts';
import { exactOfDouble } from './exact-double.test-support.ts';

const Exact = Decimal.clone({ precision: 1200, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const exactOf = (x: number): Decimal => exactOfDouble(x, Exact);

const mid = (b: DDBall): Decimal => exactOf(b.hi).plus(exactOf(b.lo));

/** The ball has a finite radius, contains `r`, and is at most `relative·|r|` wide. */
function enclosesTightly(b: DDBall, r: Decimal.Value, relative = 2 ** -96): boolean {
  const x = new Exact(r);
  return Number.isFinite(b.rad) && mid(b).minus(x).abs().lte(exactOf(b.rad)) && exactOf(b.rad).lte(x.abs().times(relative));
}

describe('readSmallDecimal', () => {
  it('reads the integer mantissa and the exponent exactly', () => {
    const cases: Array<[unknown, number, number]> = [
      ['0.00120', 120, -5],
      ['+5', 5, 0],
      ['1E5', 1, 5],
      ['12.5e-3', 125, -4],
      ['-007.50', -750, -2],
      ['999999999999999', 999999999999999, 0],
      ['0.000000000000000000000000000123456789012345', 123456789012345, -42],
      ['1e300', 1, 300],
      ['1e-300', 1, -300],
      ['5e+2', 5, 2],
      [1e21, 1, 21],
      [-0.25, -25, -2],
      [3, 3, 0],
    ];
    for (const [text, mantissa, exponent] of cases) {
      expect(readSmallDecimal(text), String(text)).toEqual({ mantissa, exponent });
    }
    expect(readSmallDecimal('-0')!.mantissa).toBe(-0); // the value 0
  });

  it('declines what it does not read: 16 significant digits, exponents beyond ±300, other forms', () => {
    const declined: unknown[] = ['1234567890123456', '1.234567890123456', '1e301', '1e-301', '1.', '1.e5', '.5', '', '-', '+', 'e5', '1e', '1e-', '1x', '1e5x', '1 ', ' 1', '1,5', '--1', NaN, Infinity, null, undefined, {}, ['1'], 1n];
    for (const value of declined) expect(readSmallDecimal(value), String(value)).toBeUndefined();
    const zeros = `0.${'0'.repeat(MAX_FAST_TEXT_LENGTH - 3)}1`; // exactly the longest text read
    expect(zeros).toHaveLength(MAX_FAST_TEXT_LENGTH);
    expect(readSmallDecimal(zeros)).toEqual({ mantissa: 1, exponent: -(MAX_FAST_TEXT_LENGTH - 2) });
    expect(readSmallDecimal(`0${zeros}`)).toBeUndefined();
  });

  it('isPositiveSmall is the sign of the mantissa', () => {
    expect(isPositiveSmall(readSmallDecimal('0.001')!)).toBe(true);
    expect(isPositiveSmall(readSmallDecimal('0')!)).toBe(false);
    expect(isPositiveSmall(readSmallDecimal('-3')!)).toBe(false);
  });
});

describe('common scales', () => {
  it('puts decimals on one integer scale of doubles, or declines beyond 2⁵³', () => {
    const read = (xs: string[]) => onCommonScale(xs.map((x) => readSmallDecimal(x)!));
    expect(read(['1.5', '0.25', '0', '-3'])).toEqual({ scaled: [150, 25, 0, -300], exponent: -2 });
    expect(read(['0', '0'])).toEqual({ scaled: [0, 0], exponent: 0 });
    expect(read(['1e5', '2e3'])).toEqual({ scaled: [100, 2], exponent: 3 });
    expect(read(['9e15', '1'])).toEqual({ scaled: [9e15, 1], exponent: 0 }); // below 2⁵³ ≈ 9.007·10¹⁵
    expect(read(['9.1e15', '1'])).toBeUndefined(); // above 2⁵³
    expect(read(['1e22', '1'])).toBeUndefined(); // 10²² is an exact double, but above 2⁵³
    expect(read(['1e15', '1'])).toEqual({ scaled: [1e15, 1], exponent: 0 });
    expect(read(['0', '1e-5', '1e30'])).toBeUndefined(); // 10³⁵ units of 10⁻⁵
  });

  it('reads many decimals onto one scale, then few again (storage grows and is reused)', () => {
    const many = Array.from({ length: 40 }, (_, i) => readSmallDecimal(`${i + 1}e-${i % 5}`)!);
    const common = onCommonScale(many)!;
    expect(common.exponent).toBe(-4);
    expect(common.scaled).toEqual(Array.from({ length: 40 }, (_, i) => (i + 1) * 10 ** (4 - (i % 5))));
    expect(onCommonScale([readSmallDecimal('0.5')!, readSmallDecimal('2')!])).toEqual({ scaled: [5, 20], exponent: -1 });
    expect(onCommonScale([])).toEqual({ scaled: [], exponent: 0 });
  });

  it('puts wide decimals on one BigInt scale within a spread of 80 decades', () => {
    const read = (xs: string[]) => onCommonScaleWide(xs.map((x) => readWideDecimal(x)!));
    expect(read(['1.00000000000000000000000003', '1', '0'])).toEqual({ scaled: [100000000000000000000000003n, 10n ** 26n, 0n], exponent: -26 });
    expect(read(['1e80', '1'])).toEqual({ scaled: [10n ** 80n, 1n], exponent: 0 });
    expect(read(['1e81', '1'])).toBeUndefined();
    expect(read(['0', '0'])).toEqual({ scaled: [0n, 0n], exponent: 0 });
    expect(bigMantissa(readWideDecimal('-12345678901234567890123')!)).toBe(-12345678901234567890123n);
    expect(bigMantissa(readWideDecimal('-125e-2')!)).toBe(-125n);
  });

  it('compares wide decimals exactly, and tells which are below 1', () => {
    const w = (x: string) => readWideDecimal(x)!;
    expect(isAtMostWide(w('0.99999999999999999999999999'), w('1'))).toBe(true);
    expect(isAtMostWide(w('1'), w('0.99999999999999999999999999'))).toBe(false);
    expect(isAtMostWide(w('3'), w('3.0'))).toBe(true);
    expect(isAtMostWide(w('1e-90'), w('1'))).toBeUndefined(); // beyond the spread: not compared here
    const below: Array<[string, boolean]> = [
      ['0.999999999999999999999999', true],
      ['0.999999999999999', true],
      ['1', false],
      ['1.000000000000000000000001', false],
      ['10e-1', false],
      ['9.99e-1', true],
      ['5e-30', true],
      ['0', true],
      ['-5', true],
      ['-5e3', true],
      ['2e3', false],
    ];
    for (const [text, isBelow] of below) expect(isBelowOne(w(text)), text).toBe(isBelow);
  });
});

describe('balls around m·10^e', () => {
  it('are exact for 0 ≤ e ≤ 22, within OP_REL for −22 ≤ e < 0, and use the table of 10^e beyond', () => {
    const cases: Array<[number, number]> = [
      [1, 0],
      [-3, 5],
      [999999999999999, 22],
      [2 ** 53, 7],
      [7, -1],
      [-123456789012345, -7],
      [1, -22],
      [2 ** 53 - 1, -22],
      [3, 23],
      [-3, -23],
      [1, 150],
      [123456789, -150],
    ];
    for (const [m, e] of cases) {
      const b = ballOfScaledInteger(new DDBall(), m, e)!;
      const value = new Exact(m).times(new Exact(10).pow(e));
      expect(enclosesTightly(b, value), `${m}e${e}`).toBe(true);
      if (e >= 0 && e <= 22) expect([mid(b).eq(value), b.rad], `${m}e${e}`).toEqual([true, 0]);
    }
    expect(ballOfScaledInteger(new DDBall(), 0, 400)).toEqual(new DDBall(0, 0, 0));
    expect(ballOfScaledInteger(new DDBall(), 1, 151)).toBeUndefined();
    expect(ballOfScaledInteger(new DDBall(), 1, -151)).toBeUndefined();
    expect(ballOfScaledInteger(new DDBall(), 2 ** 53, 150)).toBeUndefined(); // 9·10¹⁶⁵ beyond 2⁵⁰⁰
  });

  it('around BigInt mantissas beyond 2¹⁰⁶, times 10^e', () => {
    const g = 1234567890123456789012345678901234567891n; // 40 digits, about 2¹³⁰
    for (const e of [0, -39, 12, -60]) {
      const b = ballOfBigScaled(new DDBall(), g, e)!;
      expect(enclosesTightly(b, new Exact(g.toString()).times(new Exact(10).pow(e))), String(e)).toBe(true);
    }
    expect(ballOfBigScaled(new DDBall(), -g, 3)!.hi).toBeLessThan(0);
    expect(ballOfBigScaled(new DDBall(), 0n, 3)).toEqual(new DDBall(0, 0, 0));
    expect(ballOfBigScaled(new DDBall(), 25n, -1)).toEqual(ballOfScaledInteger(new DDBall(), 25, -1)); // small: the double path
    expect(ballOfBigScaled(new DDBall(), g, 151)).toBeUndefined();
    const wide = readWideDecimal('-1.234567890123456789012345678901234567891e-100')!;
    expect(enclosesTightly(ballOfWideDecimal(wide)!, '-1.234567890123456789012345678901234567891e-100')).toBe(true);
    expect(enclosesTightly(ballOfSmallDecimal(readSmallDecimal('-7.25e-21')!)!, '-7.25e-21')).toBe(true);
  });

  it('readPositiveFast reads a positive decimal with its ball, and declines 0, negatives and what has no ball', () => {
    const p = readPositiveFast('0.000000000000000000000000000000012345678901234567890123456789')!;
    expect(p.decimal.big).toBe(12345678901234567890123456789n);
    expect(new Exact(p.decimal.big!.toString()).times(new Exact(10).pow(p.decimal.exponent)).eq('0.000000000000000000000000000000012345678901234567890123456789')).toBe(true);
    expect(enclosesTightly(p.ball, '0.000000000000000000000000000000012345678901234567890123456789')).toBe(true);
    expect(readPositiveFast('2.5')).toMatchObject({ decimal: { mantissa: 25, exponent: -1 } });
    for (const bad of ['0', '-1', '-0.5', '1e-200', 'x', '0.0']) expect(readPositiveFast(bad), bad).toBeUndefined();
  });
});
