/**
 * The balls around `10^k` (`double-double-power10.ts`), every one of them, against decimal.js at
 * 1200 digits: each encloses `10^k`, exactly (radius 0) for `0 ≤ k ≤ 45`, with a relative radius
 * below `2⁻¹⁰⁴` beyond; and the exact split of a BigInt into `hi + lo + rest`.
 *
 * The table is built on the first call, so this file's first test is the one that builds it: it
 * checks the whole table.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DDBall } from './double-double.ts';
import { pow10Ball, POW10_BALL_LIMIT, splitBigInt } from './double-double-power10.ts';
import { exactOfDouble } from './exact-double.test-support.ts';

const Exact = Decimal.clone({ precision: 1200, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const exactOf = (x: number): Decimal => exactOfDouble(x, Exact);

const distance = (b: DDBall, r: Decimal): Decimal => exactOf(b.hi).plus(exactOf(b.lo)).minus(r).abs();

describe('pow10Ball', () => {
  it('encloses 10^k for every k in [−150, 150], exactly for 0 ≤ k ≤ 45, and tightly', () => {
    expect(POW10_BALL_LIMIT).toBe(150);
    for (let k = -POW10_BALL_LIMIT; k <= POW10_BALL_LIMIT; k++) {
      const b = pow10Ball(k)!;
      const exact = new Exact(10).pow(k);
      expect(b, String(k)).toBeInstanceOf(DDBall);
      expect(distance(b, exact).lte(exactOf(b.rad)), `10^${k}: ${b.toString()}`).toBe(true);
      if (k >= 0 && k <= 45) expect(b.rad, String(k)).toBe(0);
      else expect(b.rad / b.hi, String(k)).toBeLessThan(2 ** -104);
      expect(Math.abs(b.lo), String(k)).toBeLessThanOrEqual(Math.abs(b.hi) * 2 ** -53); // a normalised double-double
    }
  });

  it('has no ball beyond ±150 or between integers, and gives the same shared ball each time', () => {
    for (const k of [151, -151, 1000, -1000, 0.5, Number.NaN, Infinity, -Infinity]) expect(pow10Ball(k), String(k)).toBeUndefined();
    expect(pow10Ball(-7)).toBe(pow10Ball(-7));
  });
});

describe('splitBigInt', () => {
  it('splits exactly below 2¹⁰⁶ and bounds the rest above', () => {
    expect(splitBigInt(0n)).toEqual([0, 0, 0]);
    expect(splitBigInt(-5n)).toEqual([-5, 0, 0]);
    expect(splitBigInt(2n ** 53n + 1n)).toEqual([2 ** 53, 1, 0]);
    const below = 2n ** 105n + 2n ** 52n + 1n; // needs hi and lo, no rest
    const [h1, l1, r1] = splitBigInt(below);
    expect(r1).toBe(0);
    expect(BigInt(h1) + BigInt(l1)).toBe(below);
    for (const x of [10n ** 60n + 1n, -(10n ** 60n) - 7n, 2n ** 200n + 2n ** 90n + 1n, 1234567890123456789012345678901234567891n]) {
      const [hi, lo, rest] = splitBigInt(x);
      const left = x - BigInt(hi) - BigInt(lo);
      expect(left !== 0n, x.toString()).toBe(true);
      expect(exactOf(rest).gte(new Exact(left.toString()).abs()), x.toString()).toBe(true);
      expect(rest).toBeLessThan(Math.abs(Number(left)) * (1 + 2 ** -45) + 2 ** -990);
    }
  });
});
