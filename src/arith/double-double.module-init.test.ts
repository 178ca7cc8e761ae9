/**
 * What the fast path's modules compute when they load — `roundedUp`'s factor and the exp kernel's
 * limit in `double-double.ts`, the exact table of `10^k` in `double-double-decimal.ts`, the pattern of
 * `readWideDecimal` in `double-double-input.ts` — checked on a fresh load of each module inside the
 * test (`vi.resetModules`, then a dynamic import), with exact expected values.
 *
 * Why a fresh load: the rest of the suite imports these modules at the top of its files, so their
 * initialisation runs outside any test, and the mutation run (which charges each line of code to the
 * tests that execute it) would run mutants of these lines against no test that checks them.
 */
import { Decimal } from 'decimal.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { containsExactly, endsOf, Exact, midOf } from './exact-ball.test-support.ts';

beforeEach(() => {
  vi.resetModules();
});

const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

describe('double-double.ts on load', () => {
  it('rounds radii up: [−1, 1] + [−1, 1] has radius at least 2, [1, 3]·[1, 3] reaches 9', async () => {
    const { addBall, DDBall, mulBall, roundedUp } = await import('./double-double.ts');
    expect(addBall(new DDBall(), new DDBall(0, 0, 1), new DDBall(0, 0, 1)).rad).toBeGreaterThanOrEqual(2);
    expect(roundedUp(1)).toBeGreaterThan(1);
    const square = mulBall(new DDBall(), new DDBall(2, 0, 1), new DDBall(2, 0, 1));
    expect(containsExactly(square, new Exact(9))).toBe(true);
    expect(containsExactly(square, new Exact(1))).toBe(true);
  });

  it('uses the exp kernel only for input radii up to 2⁻¹⁴: e^x over [0.0054 − 1/64, 0.0054 + 1/64] is enclosed', async () => {
    const { DDBall, expBall } = await import('./double-double.ts');
    const a = new DDBall(0.0054, 0, 1 / 64);
    const e = expBall(new DDBall(), a);
    for (const x of endsOf(a)) expect(containsExactly(e, new Exact(new Ref(x).exp()), x.abs().plus(1).times('1e-55')), `${e.toString()} at ${x.toString()}`).toBe(true);
  });
});

describe('double-double-decimal.ts on load', () => {
  it('reads decimals with exponents up to ±45 and beyond through its exact table of 10^k', async () => {
    const { DDBall } = await import('./double-double.ts');
    const { ballFromDecimal } = await import('./double-double-decimal.ts');
    for (const text of ['1.5e-7', '-1e-45', '25e100', '1e45', '1e22', '3e23', '7', '-0.125']) {
      const b = ballFromDecimal(new DDBall(), new Exact(text));
      expect(b, text).toBeDefined();
      expect(containsExactly(b!, new Exact(text)), `${text}: ${b!.toString()}`).toBe(true);
      expect(b!.rad, text).toBeLessThanOrEqual(Math.abs(b!.hi) * 1e-28);
    }
    // 10³⁰ is exact as a double-double in the table: the midpoint is 10³⁰ itself
    expect(midOf(ballFromDecimal(new DDBall(), new Exact('1e30'))!).eq('1e30')).toBe(true);
  });
});

describe('double-double-input.ts on load', () => {
  it('readWideDecimal reads 16 to 40 digits with an e exponent exactly, and refuses anything around them', async () => {
    const { bigMantissa, readWideDecimal } = await import('./double-double-input.ts');
    const valueOf = (text: string): bigint | undefined => {
      const d = readWideDecimal(text);
      return d === undefined ? undefined : bigMantissa(d) * 10n ** BigInt(d.exponent + 10) / 10n ** 10n;
    };
    expect(valueOf('1234567890123456789e5')).toBe(123456789012345678900000n);
    expect(valueOf('-1234567890123456789E+2')).toBe(-123456789012345678900n);
    expect(valueOf('+12345678901234567.89e2')).toBe(1234567890123456789n);
    for (const bad of ['x1234567890123456789', '1234567890123456789abc', '1234567890123456789x5', '1234567890123456789ex5', '1234567890123456789eab', '1234567890123456789e', '1ex5', '1eab', ' 1234567890123456789']) {
      expect(readWideDecimal(bad), bad).toBeUndefined();
    }
  });
});
