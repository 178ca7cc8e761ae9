/**
 * N(ε), the grid an accuracy needs, on exact cases: Lipschitz ⌈(b − a)L/(2ε)⌉, Hölder sizes found exactly
 * (1/α = P/Q with P, Q ≤ 200) and from enclosures, the limit beyond which N(ε) is only bounded below, and
 * the way N(ε) is printed.
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import type { Modulus } from '../targets/target.ts';
import { cellsForAccuracy, formatCells, type GridForAccuracy, MAX_CELLS_DIGITS } from './accuracy.ts';

const D = (s: string) => new ExactDecimal(s);
const lipschitz = (L: string): Modulus => ({ kind: 'lipschitz', L: D(L) });
const holder = (C: string, alpha: string): Modulus => ({ kind: 'holder', C: D(C), alpha: D(alpha) });
const N = (m: Modulus, a: string, b: string, eps: string, limit?: bigint): GridForAccuracy => cellsForAccuracy(m, D(a), D(b), D(eps), limit);

describe('cellsForAccuracy', () => {
  it('refuses ε ≤ 0, naming it', () => {
    expect(() => N(lipschitz('1'), '0', '1', '0')).toThrow('cellsForAccuracy: epsilon must be > 0, got 0');
    expect(() => N(holder('1', '0.5'), '0', '1', '-0.5')).toThrow('got -0.5');
  });

  it('Lipschitz: ⌈(b − a)L/(2ε)⌉, at least 1', () => {
    expect(N(lipschitz('3'), '0', '1', '0.07')).toEqual({ cells: 22n, minimal: true }); // 21.43…
    expect(N(lipschitz('1'), '-1', '2', '0.25')).toEqual({ cells: 6n, minimal: true }); // exactly 6
    expect(N(lipschitz('2.5'), '-0.5', '0.5', '0.125')).toEqual({ cells: 10n, minimal: true });
    expect(N(lipschitz('1'), '0', '1', '10')).toEqual({ cells: 1n, minimal: true }); // 0.05
    expect(N(lipschitz('0'), '0', '1', '0.1')).toEqual({ cells: 1n, minimal: true });
  });

  it('Hölder with a small exponent fraction: the least N with N^Q ≥ h^Q (C/ε)^P, exactly', () => {
    expect(N(holder('1', '0.5'), '-1', '1', '0.1')).toEqual({ cells: 100n, minimal: true }); // t = 100 exactly
    expect(N(holder('2', '0.25'), '0', '2', '0.5')).toEqual({ cells: 256n, minimal: true }); // t = 4^4
    expect(N(holder('1', '0.5'), '0', '1', '0.3')).toEqual({ cells: 6n, minimal: true }); // t = 5.55…
    expect(N(holder('3', '1'), '0', '1', '0.07')).toEqual({ cells: 22n, minimal: true }); // α = 1 is Lipschitz
    // 1/α = 200/3: P = 200 is still exact, and t = 3·1 = 3 is decided (an enclosure could not)
    expect(N(holder('1', '0.015'), '0', '6', '1')).toEqual({ cells: 3n, minimal: true });
    expect(N(holder('1', '0.5'), '0', '0.01', '10')).toEqual({ cells: 1n, minimal: true }); // t = 5·10^-5
    // t = 5·10^-21 · 10^-2 = 5·10^-23: the search's enclosure is still taken at 40 digits (not at fewer than t's digits)
    expect(N(holder('1', '0.5'), '0', '1e-20', '10')).toEqual({ cells: 1n, minimal: true });
    expect(N(holder('0', '0.5'), '0', '6', '1')).toEqual({ cells: 1n, minimal: true }); // t = 0
  });

  it('Hölder with a large exponent fraction: the common ceiling of enclosures, or one more when none separates t from an integer', () => {
    expect(N(holder('2', '0.123457'), '0', '6', '1')).toEqual({ cells: 824n, minimal: true }); // t = 3·2^(1/0.123457) = 823.8…
    expect(N(holder('0', '0.123457'), '0', '6', '1')).toEqual({ cells: 1n, minimal: true });
    expect(N(holder('1.3', '0.123457'), '0', '1', '0.9')).toEqual({ cells: 10n, minimal: true }); // t = 0.5·(1.3/0.9)^8.1 = 9.8…
  });

  it('t an integer that no enclosure separates from its neighbours: the next integer, not minimal', () => {
    expect(N(holder('1', '0.123457'), '0', '6', '1')).toEqual({ cells: 4n, minimal: false }); // t = 3·1^(1/α) = 3
    // 1/α = 1000: a small Q but P = 1000 > 200, so enclosures too
    expect(N(holder('1', '0.001'), '0', '6', '1')).toEqual({ cells: 4n, minimal: false });
  });

  it('exact search: an enclosure of t across an integer is resolved exactly; N(ε) = 10^12 in a few steps', () => {
    // h = 3 + 10^-46: the 40-digit enclosure of t = h starts at 3, and N(ε) = 4
    expect(N(holder('1', '0.5'), '0', '6.0000000000000000000000000000000000000000000002', '1')).toEqual({ cells: 4n, minimal: true });
    // t = (10^6)^2 = 10^12: found from the guess in a step or two
    expect(N(holder('1', '0.5'), '0', '2', '0.000001')).toEqual({ cells: 10n ** 12n, minimal: true });
  });

  it('no limit and a large N(ε): found exactly by bisection, in a few steps (t = 10^60, and t = 10^60 + 10^-10)', () => {
    // t = h(C/ε)^2 with h = 1, C/ε = 10^30: N(ε) = 10^60 exactly (the 40-digit enclosure cannot fix its last digits)
    expect(N(holder('1', '0.5'), '0', '2', '1e-30')).toEqual({ cells: 10n ** 60n, minimal: true });
    // h = 1 + 10^-70: t = 10^60 + 10^-10, so N(ε) = 10^60 + 1
    expect(N(holder('1', '0.5'), '0', `2.${'0'.repeat(69)}2`, '1e-30')).toEqual({ cells: 10n ** 60n + 1n, minimal: true });
    // h = 1 − 10^-70: t = 10^60 − 10^-10, so N(ε) = 10^60 still
    expect(N(holder('1', '0.5'), '0', `1.${'9'.repeat(69)}8`, '1e-30')).toEqual({ cells: 10n ** 60n, minimal: true });
    // α = 3/4 (P = 4, Q = 3): t = (C/ε)^(4/3) = (10^30)^(4/3) = 10^40, and one more cell for h = 1 + 10^-50
    expect(N(holder('1', '0.75'), '0', '2', '1e-30')).toEqual({ cells: 10n ** 40n, minimal: true });
    expect(N(holder('1', '0.75'), '0', `2.${'0'.repeat(49)}2`, '1e-30')).toEqual({ cells: 10n ** 40n + 1n, minimal: true });
    expect(N(holder('1', '0.5'), '0', '2', '1e-479')).toEqual({ cells: 10n ** 958n, minimal: true }); // 959 digits: within MAX_CELLS_DIGITS
  });

  it('no limit and N(ε) beyond MAX_CELLS_DIGITS = 960 digits: refused with a RangeError saying so', () => {
    expect(MAX_CELLS_DIGITS).toBe(960);
    // t = 10^962 (exact search) and t = 1.5^(1/0.123457)·10^962-ish (enclosures): both refused before any search
    expect(() => N(holder('1', '0.5'), '0', '2', '1e-481')).toThrow(
      /^cellsForAccuracy: N\(ε\) ≥ (9\.9999e\+961|1\.0000e\+962) has more than 960 digits; give a limit to bound it below instead$/,
    );
    expect(() => N(holder('1', '0.125'), '0', '2', '1e-121')).toThrow(/N\(ε\) ≥ (9\.9999e\+967|1\.0000e\+968) has more than 960 digits/); // t = 10^968
    expect(() => N(holder('1', '0.123457'), '0', '2', '1e-119')).toThrow(/has more than 960 digits/); // t ≈ 10^963.9
    // with a limit the same ε is bounded below instead
    expect(N(holder('1', '0.5'), '0', '2', '1e-481', 1000n).cells).toBe(1001n);
  });

  it('a limit: N(ε) certainly above it is bounded below (limit + 1, with the enclosure), within it found as without', () => {
    const above = N(holder('1', '0.5'), '-1', '1', '0.1', 99n); // t = 100 > 99
    expect(above.cells).toBe(100n);
    expect(above.minimal).toBe(false);
    expect(above.above!.estimate.gt('99.99999999') && above.above!.estimate.lte(100)).toBe(true);
    expect(N(holder('1', '0.5'), '-1', '1', '0.1', 100n)).toEqual({ cells: 100n, minimal: true });
    expect(N(holder('1', '0.5'), '-1', '1', '0.1', 1000n)).toEqual({ cells: 100n, minimal: true });
    expect(N(lipschitz('1'), '0', '1', '1e-30', 1000n)).toEqual({ cells: 5n * 10n ** 29n, minimal: true }); // Lipschitz: exact, no limit needed
  });
});

describe('formatCells', () => {
  it('in full up to 20 digits, d.dddde+k beyond', () => {
    expect(formatCells({ cells: 7n, minimal: true })).toBe('= 7');
    expect(formatCells({ cells: 999_999_999_999_999_999_999n, minimal: true })).toBe('≈ 9.9999e+20');
    expect(formatCells({ cells: 10n ** 20n - 1n, minimal: true })).toBe('= 99999999999999999999');
    expect(formatCells({ cells: 12_345_678_901_234_567_890n, minimal: false })).toBe('= 12345678901234567890');
    expect(formatCells({ cells: 123_456_789_012_345_678_901n, minimal: true })).toBe('≈ 1.2345e+20');
  });

  it('a lower bound: ≥ its ceiling below 10^20 (N(ε) is an integer), ≥ d.dddde+k from 10^20 on', () => {
    expect(formatCells({ cells: 11n, minimal: false, above: { estimate: D('10.99') } })).toBe('≥ 11');
    expect(formatCells({ cells: 11n, minimal: false, above: { estimate: D('10') } })).toBe('≥ 10');
    expect(formatCells({ cells: 11n, minimal: false, above: { estimate: D('99999999999999999999.5') } })).toBe('≥ 100000000000000000000');
    expect(formatCells({ cells: 11n, minimal: false, above: { estimate: D('1e20') } })).toBe('≥ 1.0000e+20');
    expect(formatCells({ cells: 11n, minimal: false, above: { estimate: D('1.23456789e25') } })).toBe('≥ 1.2345e+25');
  });
});
