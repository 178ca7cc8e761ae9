/**
 * The constants `expBall` reads, checked on a fresh load of `double-double.ts` inside each test
 * (`vi.resetModules`, then a dynamic import): the table of `2^{j/64}` (every entry within
 * {@link EXP_TABLE_RADIUS} of the real number, against 60 digits) and the Veltkamp halves of `1/6` and
 * `1/120` that the kernel's products use (through the kernel's midpoint, within `2⁻¹⁰⁰` of `e^x` at
 * reduced arguments on both boundaries `±(ln 2)/128` for every table index).
 *
 * Why a fresh load: the other exp tests import the module at the top of their files, so these
 * module-level constants are computed outside any test, and the mutation run (which charges each line
 * to the tests that execute it) would try a wrong table entry only against the tests that load the
 * module themselves (see `double-double.module-init.test.ts`).
 */
import { Decimal } from 'decimal.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { containsExactly, Exact, isNormalised, midOf, ulpOf } from './exact-ball.test-support.ts';

beforeEach(() => {
  vi.resetModules();
});

const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

describe('double-double.ts on load: what exp reads', () => {
  it('every entry of the 2^{j/64} table is normalised and within EXP_TABLE_RADIUS of 2^{j/64}', async () => {
    const { EXP_TABLE_RADIUS, expTableEntry } = await import('./double-double.ts');
    expect(EXP_TABLE_RADIUS).toBe(2 ** -105);
    for (let j = 0; j < 64; j++) {
      const entry = expTableEntry(j);
      const ref = new Exact(new Ref(2).pow(new Ref(j).div(64)));
      expect(isNormalised(entry), `j = ${j}`).toBe(true);
      expect(containsExactly(entry, ref, ref.times('1e-55')), `j = ${j}: ${entry.toString()}`).toBe(true);
    }
  });

  it('the kernel (its products by 1/6 and 1/120) puts the midpoint of e^x within 2⁻¹⁰⁰ at both reduction boundaries, for every j', async () => {
    const { DDBall, expBall } = await import('./double-double.ts');
    const bound = new Exact(2).pow(-100).minus('1e-59');
    for (let j = 0; j < 64; j++) {
      for (const half of [0.5, -0.5]) {
        const x = ((192 + j + half) * Math.LN2) / 64; // N = 192 + j: k = 3
        const a = new DDBall(x, ulpOf(x) / 3);
        const e = expBall(new DDBall(), a);
        const ref = new Exact(new Ref(midOf(a)).exp());
        expect(midOf(e).minus(ref).abs().lte(ref.times(bound)), `x = ${x}: ${e.toString()}`).toBe(true);
      }
    }
  });
});
