/**
 * Edges of the double-double balls found by reading the mutation survivors: the upper end of a ball
 * lying entirely below 0, and a scaling by a power of two below the double range.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DDBall, scaleByPowerOfTwo, upperEnd } from './double-double.ts';

/** The exact value of `hi + |lo| + rad` as a decimal (doubles are exact binary fractions). */
const exactUpper = (a: DDBall): Decimal => new Decimal(a.hi).plus(Math.abs(a.lo)).plus(a.rad);

describe('upperEnd', () => {
  it('is at least hi + |lo| + rad for balls below, around and above 0', () => {
    const balls = [
      new DDBall(-3, -1e-17, 1e-20),
      new DDBall(-1e-300, 1e-317, 0),
      new DDBall(-0.1, 2e-18, 0.05),
      new DDBall(-1, 0, 2),
      new DDBall(0.7, 1e-17, 1e-25),
      new DDBall(-123456.789, -3e-12, 4e-9),
    ];
    for (const a of balls) {
      const u = upperEnd(a);
      expect(new Decimal(u).gte(exactUpper(a)), a.toString()).toBe(true);
      expect(new Decimal(u).minus(exactUpper(a)).abs().lte(exactUpper(a).abs().times(2 ** -45).plus(2 ** -990)), a.toString()).toBe(true);
    }
  });

  it('of the ball ⟨−3, −10⁻¹⁷, 10⁻²⁰⟩ is above −3 + 10⁻¹⁷ + 10⁻²⁰ (rounded away from +∞ it would be below it)', () => {
    const a = new DDBall(-3, -1e-17, 1e-20);
    expect(upperEnd(a)).toBeGreaterThan(-3);
  });
});

describe('scaleByPowerOfTwo', () => {
  it('gives no information (radius +∞) when 2^k underflows to 0, instead of a ball around 0 too small to hold a·2^k', () => {
    const a = new DDBall(2 ** 400, 0, 0);
    const out = scaleByPowerOfTwo(new DDBall(), a, -1100); // a·2^k = 2^-700
    expect(out.rad).toBe(Infinity);
  });

  it('still scales exactly within the range', () => {
    const out = scaleByPowerOfTwo(new DDBall(), new DDBall(3, 2 ** -60, 0), -10);
    expect([out.hi, out.lo]).toEqual([3 * 2 ** -10, 2 ** -70]);
    expect(out.rad).toBeLessThan(2 ** -990); // the absolute slack charged for an underflowing low part
  });
});
