/**
 * Precision contexts: the two directed constructors and the display one round at the context's
 * precision, each in its own mode; contexts are cached and refuse precisions outside the range.
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal, MAX_SUPPORTED_PRECISION, MIN_PRECISION, precisionContext } from './context.ts';

describe('precisionContext', () => {
  it('down rounds toward −∞, up toward +∞, near to nearest, all at the context precision', () => {
    const ctx = precisionContext(12);
    expect(ctx.precision).toBe(12);
    expect(ctx.down.div(2, 3).toString()).toBe('0.666666666666');
    expect(ctx.up.div(2, 3).toString()).toBe('0.666666666667');
    expect(ctx.near.div(2, 3).toString()).toBe('0.666666666667');
    expect(ctx.near.div(1, 3).toString()).toBe('0.333333333333');
    expect(ctx.down.div(-2, 3).toString()).toBe('-0.666666666667');
    expect(ctx.up.div(-2, 3).toString()).toBe('-0.666666666666');
  });

  it('near breaks ties to even (1.00000000005 and 1.00000000015 at 11 digits)', () => {
    const ctx = precisionContext(11);
    expect(ctx.near.add('1.00000000005', 0).toString()).toBe('1');
    expect(ctx.near.add('1.00000000015', 0).toString()).toBe('1.0000000002');
    expect(ctx.near.add('-1.00000000005', 0).toString()).toBe('-1');
  });

  it('every constructor prints like the others and keeps the wide exponent range', () => {
    const ctx = precisionContext(20);
    for (const C of [ctx.down, ctx.up, ctx.near]) {
      expect(new C('1e-7').toString()).toBe('1e-7');
      expect(new C('0.000001').toString()).toBe('0.000001');
      expect(new C('1e21').toString()).toBe('1e+21');
      expect(new C('1e20').toString()).toBe('100000000000000000000');
      expect(new C('1e-9000000000000000').isZero()).toBe(false);
      expect(new C('1e9000000000000000').isFinite()).toBe(true);
    }
  });

  it('is cached and frozen, and refuses precisions outside [MIN_PRECISION, MAX_SUPPORTED_PRECISION]', () => {
    expect(precisionContext(30)).toBe(precisionContext(30));
    expect(Object.isFrozen(precisionContext(30))).toBe(true);
    expect(precisionContext(MIN_PRECISION).precision).toBe(MIN_PRECISION);
    expect(precisionContext(MAX_SUPPORTED_PRECISION).precision).toBe(MAX_SUPPORTED_PRECISION);
    for (const bad of [MIN_PRECISION - 1, MAX_SUPPORTED_PRECISION + 1, 12.5, Number.NaN]) {
      expect(() => precisionContext(bad)).toThrow(`precision must be an integer in [${MIN_PRECISION}, ${MAX_SUPPORTED_PRECISION}], got ${String(bad)}`);
    }
  });

  it('ExactDecimal reads its input without rounding', () => {
    const long = '0.1234567890123456789012345678901234567890123456789012345678901';
    expect(new ExactDecimal(long).toString()).toBe(long);
  });
});
