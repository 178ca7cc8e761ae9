/**
 * Ridge interpolation at the edges of its rules: nodes just below 0 (`−1/16` is written `-0.0625`,
 * exactly), and a cell count exactly at the cap (allowed: the cap is the largest count accepted).
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { arithAt } from '../arith/interval.ts';
import { ConstructionRefused } from './ridge-decomposition.ts';
import { interpolateRidge } from './ridge-interpolation.ts';

const A = arithAt(40);
const D = Decimal.clone({ precision: 50 });
const build = (direction: bigint[], g: string, budget: string, maxCells = 4096) =>
  interpolateRidge(direction, g, new D(budget), A, { maxCells, targetText: `target ${g}` });

describe('interpolateRidge: nodes and the cap', () => {
  it('sin(t) along (−1, 0) at budget 0.001: t ∈ [−1, 0], M = 16, nodes −1, −15/16, …, −1/16, 0 stored as sin of the exact node', () => {
    const r = build([-1n, 0n], 'sin(t)', '0.001');
    expect([r.a, r.b, r.M, r.N]).toEqual([-1n, 0n, 16, 16]);
    // the node −1/16 = −0.0625 (and every other) is read exactly: its stored value is sin(−0.0625) to the stored digits
    expect(r.values[15]!.sub(D.sin('-0.0625')).abs().lte('1e-29')).toBe(true);
    expect(r.values[0]!.sub(D.sin(-1)).abs().lte('1e-29')).toBe(true);
    expect(r.values[16]!.toString()).toBe('0');
  });

  it('a cell count equal to the cap is accepted; one cap below it is refused', () => {
    expect(build([1n, 1n], 't^2', '0.01', 16).N).toBe(16);
    expect(() => build([1n, 1n], 't^2', '0.01', 15)).toThrow(ConstructionRefused);
    expect(() => build([1n, 1n], 't^2', '0.01', 15)).toThrow('needs more than 15 ReLU units');
  });

  it('a profile outside the expression grammar is a bad argument g', () => {
    expect(() => build([1n, 0n], 'floor(t)', '0.01')).toThrow('argument g contains the function call "floor(t)", which is not allowed');
  });
});
