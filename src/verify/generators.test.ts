/**
 * The generators print exactly what decimal.js prints for the same value, so the probes (and the
 * report) are those of the decimal.js-based formatting they replace, and every string reads back
 * exactly as the value generated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { decimalBetween, decimalString, exactDecimal, exactDecimalParts, mantissaBetween } from './generators.ts';

const viaDecimal = (m: bigint, k: number): string => new ExactDecimal(`${m.toString()}e${k}`).toString();

describe('decimalString', () => {
  it.each([
    [0n, 5, '0'],
    [1n, 0, '1'],
    [-1n, 0, '-1'],
    [1200n, -2, '12'],
    [125n, -3, '0.125'],
    [-125n, -9, '-1.25e-7'],
    [1n, -6, '0.000001'],
    [1n, -7, '1e-7'],
    [10n, -8, '1e-7'],
    [123n, -8, '0.00000123'],
    [123n, -9, '1.23e-7'],
    [1n, 20, '100000000000000000000'],
    [1n, 21, '1e+21'],
    [-45n, 20, '-4.5e+21'],
    [123456789n, -4, '12345.6789'],
    [1000n, 3, '1000000'],
  ])('%s × 10^%s prints as %s (as decimal.js does)', (m, k, text) => {
    expect(decimalString(m, k)).toBe(text);
    expect(viaDecimal(m, k)).toBe(text);
  });

  it('agrees with decimal.js on random mantissas and exponents, trailing zeros and both notations included', () => {
    const mantissa = fc.oneof(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: -99n, max: 99n }).map((m) => m * 10n ** 6n));
    fc.assert(
      fc.property(mantissa, fc.integer({ min: -45, max: 30 }), (m, k) => decimalString(m, k) === viaDecimal(m, k)),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('the arbitraries', () => {
  it('exactDecimal prints its parts; the value stays within the constraints', () => {
    const parts = fc.sample(exactDecimalParts({ digits: 3, minExponent: -9, maxExponent: 2 }), { numRuns: 300, seed: 11 });
    const strings = fc.sample(exactDecimal({ digits: 3, minExponent: -9, maxExponent: 2 }), { numRuns: 300, seed: 11 });
    expect(strings).toEqual(parts.map(({ m, k }) => viaDecimal(m, k)));
    for (const { m, k } of parts) {
      expect(m > -1000n && m < 1000n).toBe(true);
      expect(k >= -9 && k <= 2).toBe(true);
    }
    expect(new Set(strings).size).toBeGreaterThan(100);
  });

  it('exactDecimal with nonNegative gives no negative value; inverted exponents are refused', () => {
    for (const s of fc.sample(exactDecimal({ digits: 2, nonNegative: true }), { numRuns: 200, seed: 3 })) expect(new ExactDecimal(s).gte(0)).toBe(true);
    expect(() => exactDecimal({ minExponent: 1, maxExponent: 0 })).toThrow(RangeError);
  });

  it('decimalBetween gives the decimals of the grid in [lo, hi], both ends reachable', () => {
    const values = fc.sample(decimalBetween('-0.05', '0.05', 2), { numRuns: 400, seed: 5 });
    expect(new Set(values)).toEqual(new Set(['-0.05', '-0.04', '-0.03', '-0.02', '-0.01', '0', '0.01', '0.02', '0.03', '0.04', '0.05']));
    const mantissas = fc.sample(mantissaBetween('-0.05', '0.05', 2), { numRuns: 400, seed: 5 });
    expect(values).toEqual(mantissas.map((m) => viaDecimal(m, -2)));
  });

  it('decimalBetween rounds the ends inward and refuses an empty grid', () => {
    const values = fc.sample(decimalBetween('0.011', '0.039', 2), { numRuns: 200, seed: 9 });
    expect(new Set(values)).toEqual(new Set(['0.02', '0.03']));
    expect(() => decimalBetween('0.011', '0.019', 2)).toThrow(/no 2-place decimal in \[0.011, 0.019\]/);
  });
});

describe('mantissaBetween', () => {
  it('gives the same range when asked again (the range is remembered, not recomputed wrongly)', () => {
    const first = fc.sample(mantissaBetween('-1.5', '2.25', 1), { numRuns: 300, seed: 4 });
    const again = fc.sample(mantissaBetween('-1.5', '2.25', 1), { numRuns: 300, seed: 4 });
    expect(again).toEqual(first);
    expect(new Set(first)).toEqual(new Set([-15n, -14n, -13n, -12n, -11n, -10n, -9n, -8n, -7n, -6n, -5n, -4n, -3n, -2n, -1n, 0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n, 13n, 14n, 15n, 16n, 17n, 18n, 19n, 20n, 21n, 22n]));
    expect(() => mantissaBetween('0.11', '0.19', 1)).toThrow(RangeError);
    expect(() => mantissaBetween('0.11', '0.19', 1)).toThrow('no 1-place decimal in [0.11, 0.19]');
  });
});

describe('exactDecimal constraints', () => {
  it('defaults: 8 digits, exponents −8..0, both signs', () => {
    const parts = fc.sample(exactDecimalParts(), { numRuns: 500, seed: 21 });
    expect(Math.min(...parts.map((p) => p.k))).toBe(-8);
    expect(Math.max(...parts.map((p) => p.k))).toBe(0);
    expect(parts.some((p) => p.m < 0n)).toBe(true);
    expect(parts.some((p) => p.m > 0n)).toBe(true);
    expect(parts.every((p) => p.m > -(10n ** 8n) && p.m < 10n ** 8n)).toBe(true);
    expect(parts.some((p) => p.m > 10n ** 7n || p.m < -(10n ** 7n))).toBe(true);
  });

  it('one exponent is a valid range; an inverted one is refused with its reason', () => {
    expect(new Set(fc.sample(exactDecimalParts({ minExponent: 2, maxExponent: 2 }), { numRuns: 50, seed: 1 }).map((p) => p.k))).toEqual(new Set([2]));
    expect(() => exactDecimalParts({ minExponent: 3, maxExponent: 2 })).toThrow('exactDecimal: constraints.minExponent must be ≤ constraints.maxExponent');
  });

  it('a grid of one point is valid', () => {
    expect(new Set(fc.sample(decimalBetween('0.5', '0.5', 1), { numRuns: 20, seed: 1 }))).toEqual(new Set(['0.5']));
  });
});
