/**
 * Inputs that the mutation run showed the fast path's tests did not reach (the "test gap" entries of
 * src/mutation/survivors/fast-path.json): on each, the fast path must give the decimal path's verdict,
 * lhs, bound and ratio, or decline (the decimal path then answers). Exactness at a spread of 2⁵³ on
 * the integer scale, `λΔ` with `λ` and `Δ` both far from 1, the pool of scratch balls with several
 * scores at the runner-up level, scores far apart in exponent, and strings the fast readers must refuse.
 */
import { describe, expect, it } from 'vitest';
import { attention, l1, linf, monotone, temperature } from '../../proof/softmax-hardmax.ts';
import { bigMantissa, readSmallDecimal, readWideDecimal } from '../arith/double-double-input.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide } from './decide.ts';

const decimalOnly = <A,>(c: ClaimDefinition<A>): ClaimDefinition<A> => ({ id: c.id, parse: c.parse, hypotheses: c.hypotheses, evaluate: c.evaluate });

function agree(claim: ClaimDefinition<unknown>, raw: Record<string, unknown>): string | undefined {
  const fast = decide(claim, raw);
  const slow = decide(decimalOnly(claim), raw);
  const pick = (v: typeof fast) => ({ verdict: v.verdict, lhs: v.lhs, bound: v.bound, ratio: v.ratio, reason: v.reason });
  expect(pick(fast), JSON.stringify(raw)).toEqual(pick(slow));
  return fast.arithmetic;
}
const c = (x: unknown): ClaimDefinition<unknown> => x as ClaimDefinition<unknown>;

describe('the fast path agrees with the decimal path where the mutation run found no test', () => {
  it('scores whose integer spread is 2⁵³ + 1 (the margin is not exact in doubles)', () => {
    for (const z of [['900719925474099e1', '-3'], ['-3', '900719925474099e1'], ['900719925474099e1', '-3', '-2', '-1']]) {
      agree(c(linf), { z, lambda: '1e-15' });
      agree(c(l1), { z, lambda: '2e-16' });
    }
  });

  it('λΔ with λ and Δ far from 1, below and above the unscaled limit of 150', () => {
    expect(agree(c(linf), { z: ['1000', '0'], lambda: '2e1' })).toBe('double-double'); // λΔ = 20000
    expect(agree(c(linf), { z: ['2', '0'], lambda: '1000' })).toBe('double-double'); // λΔ = 2000
    expect(agree(c(linf), { z: ['0.003', '0'], lambda: '40000' })).toBe('double-double'); // λΔ = 120
    agree(c(monotone), { z: ['2', '0', '1.5'], lambda1: '2e1', lambda2: '3e1' });
  });

  it('several scores at the runner-up level and beyond, in every order (the scratch balls of the pools)', () => {
    const base = ['3', '0', '2', '2', '1', '2', '0.5'];
    for (let shift = 0; shift < base.length; shift++) {
      const z = [...base.slice(shift), ...base.slice(0, shift)];
      expect(agree(c(linf), { z, lambda: '3.5' })).toBe('double-double');
      agree(c(l1), { z, lambda: '1.25' });
      agree(c(temperature), { z, epsilon: '0.01' });
    }
  });

  it('scores spread over many decades, tiny and huge', () => {
    agree(c(linf), { z: ['2e-200', '1e-200'], lambda: '1' });
    agree(c(linf), { z: ['2e140', '1e140', '-9e154'], lambda: '1e-140' });
    agree(c(temperature), { z: ['1e-30', '0', '-1e-30'], epsilon: '0.5' });
  });

  it('attention with values at 10⁻²⁰⁰ and 10¹⁵⁰, and more columns than the fast path reads', () => {
    agree(c(attention), { z: ['1', '0', '0.5'], lambda: '2', v: [['1e-200'], ['0'], ['2e-200']] });
    agree(c(attention), { z: ['1', '0', '0.5'], lambda: '2', v: [['1e150'], ['0'], ['-1e150']] });
    const wide = [Array.from({ length: 40 }, (_, k) => String(k)), Array.from({ length: 40 }, () => '0'), Array.from({ length: 40 }, (_, k) => String(-k))];
    agree(c(attention), { z: ['1', '0', '0.5'], lambda: '2', v: wide });
  });
});

describe('the fast readers refuse what the full reader refuses or reads otherwise', () => {
  it('refuse garbage, arrays and BigInts', () => {
    for (const bad of ['1e5x', 'x1234567890123456789', '12345abc', '1ex5', '1e', '.5', '1.', '--1', '+-1', '', ' 1', '1 ']) {
      expect(readSmallDecimal(bad), bad).toBeUndefined();
      expect(readWideDecimal(bad), bad).toBeUndefined();
    }
    for (const bad of [[5], 5n, null, true, { x: 1 }]) {
      expect(readSmallDecimal(bad)).toBeUndefined();
      expect(readWideDecimal(bad)).toBeUndefined();
    }
  });

  it('read a 20-digit integer exactly, not ten times off', () => {
    const d = readWideDecimal('12345678901234567890');
    expect(d).toBeDefined();
    expect(bigMantissa(d!) * 10n ** BigInt(d!.exponent)).toBe(12345678901234567890n);
  });
});
