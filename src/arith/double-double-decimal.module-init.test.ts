/**
 * The printing constants of `double-double-decimal.ts` (the zero padding of five-digit groups, the
 * split of 10¹⁰), checked on a fresh load of the module inside the test (`vi.resetModules`, then a
 * dynamic import; see double-double.module-init.test.ts for why): integers of 20 digits whose last
 * five-digit groups need every amount of zero padding are printed exactly.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
});

describe('double-double-decimal.ts on load', () => {
  it('prints 20-digit integers whose digit groups need 0 to 4 leading zeros', async () => {
    const { DDBall } = await import('./double-double.ts');
    const { ballToSignificantDigits } = await import('./double-double-decimal.ts');
    for (const k of [1n, 12n, 123n, 1234n, 12345n, 1000012n, 120001234n, 9000000001n]) {
      const n = 10n ** 19n + k;
      const hi = Number(n);
      const b = new DDBall(hi, Number(n - BigInt(hi)), 0); // n exactly, as hi + lo
      expect(ballToSignificantDigits(b, 20), n.toString()).toBe(n.toString());
    }
  });
});
