/**
 * Ridge interpolation with exact expectations: the `t` range of a direction on the cube, the number
 * of cells the certified bound `min(h²·sup|g''|/8, h·sup|g'|/2, osc g)` asks for at a given budget
 * (worked out by hand below), the stored node values, and the refusals.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { arithAt } from '../arith/interval.ts';
import { ConstructionRefused } from './ridge-decomposition.ts';
import { interpolateRidge, ridgeRange, STORED_DIGITS } from './ridge-interpolation.ts';

const A = arithAt(40);
const D = Decimal.clone({ precision: 50 });
const build = (direction: bigint[], g: string, budget: string, maxCells = 4096) =>
  interpolateRidge(direction, g, new D(budget), A, { maxCells, targetText: `target ${g}` });

/** `x` is `value` or above it by at most the outward rounding of the enclosures (`1e-30`). */
function expectUpTo(x: Decimal, value: string): void {
  expect(x.gte(value) && x.lte(new D(value).add('1e-30')), `${x.toString()} vs ${value}`).toBe(true);
}

describe('ridgeRange', () => {
  it('is [Σ min(w, 0), Σ max(w, 0)]', () => {
    expect(ridgeRange([1n, 1n])).toEqual({ a: 0n, b: 2n });
    expect(ridgeRange([1n, -2n, 0n, 3n])).toEqual({ a: -2n, b: 4n });
    expect(ridgeRange([0n, 0n])).toEqual({ a: 0n, b: 0n });
  });
});

describe('interpolateRidge', () => {
  it('t² along (1, 1) at budget 0.01: C2 bound h²/4 needs M = 8 (h²/4 = 1/256; M = 4 gives 1/64 > 0.01), N = 16 exact nodes', () => {
    const r = build([1n, 1n], 't^2', '0.01');
    expect([r.a, r.b, r.M, r.N]).toEqual([0n, 2n, 8, 16]);
    expect(r.method).toBe('C2');
    expectUpTo(r.error, '0.00390625');
    expect(r.roundingError.lte('1e-38')).toBe(true); // the values are exact; only the enclosures' outward rounding
    expect(r.values.map(String)).toEqual(Array.from({ length: 17 }, (_, k) => new D(k).div(8).pow(2).toString()));
    expect(r.g).toBe('t^2');
    expect(r.direction).toEqual([1n, 1n]);
  });

  it('abs(t) along (1, −1): t ∈ [−1, 1], linear on each unit cell, so M = 1 is exact (nodes −1, 0, 1)', () => {
    const r = build([1n, -1n], 'abs(t)', '0.1');
    expect([r.a, r.b, r.M, r.N]).toEqual([-1n, 1n, 1, 2]);
    expect(r.values.map(String)).toEqual(['1', '0', '1']);
    expect(r.error.toString()).toBe('0');
    expect(r.method).toBe('C2'); // no cell errs: the C2 bound (0) stands
  });

  it('negative nodes below −1 are exact decimals: (t + 1)² along (−1, −1) at M = 4', () => {
    const r = build([-1n, -1n], '(t + 1)^2', '0.02');
    // C2 bound h²/4: M = 4 gives 1/64 = 0.015625 ≤ 0.02 (M = 2: 1/16)
    expect([r.a, r.b, r.M, r.N]).toEqual([-2n, 0n, 4, 8]);
    expect(r.values.map(String)).toEqual(['1', '0.5625', '0.25', '0.0625', '0', '0.0625', '0.25', '0.5625', '1']);
    expectUpTo(r.error, '0.015625');
  });

  it('sin(t) at budget 0.001: M = 16 (sin(1)/2048 on the last cell; M = 8 gives sin(1)/512 > 0.001); values rounded to 30 digits', () => {
    const r = build([1n], 'sin(t)', '0.001');
    expect([r.M, r.N]).toEqual([16, 16]);
    expect(r.method).toBe('C2');
    const c2 = D.sin(1).div(2048);
    expect(r.error.gte(c2) && r.error.lte(c2.add('1e-28'))).toBe(true);
    expect(r.roundingError.gt(0) && r.roundingError.lte('1e-30')).toBe(true);
    r.values.forEach((v, k) => {
      expect(v.sd()).toBeLessThanOrEqual(STORED_DIGITS);
      expect(v.sub(D.sin(new D(k).div(16))).abs().lte('1e-30')).toBe(true);
    });
  });

  it('a kink inside the only cell: the Lipschitz bound h·sup|g\'|/2 = 1/2 decides (oscillation is 2/3)', () => {
    const r = build([1n], 'abs(t - 1/3)', '0.6');
    expect([r.M, r.N, r.method]).toEqual([1, 1, 'Lipschitz']);
    expect(r.error.gte('0.5') && r.error.lte('0.5000000000000000000000000001')).toBe(true);
  });

  it('sqrt at 0 has no derivative bound: the oscillation √h decides, M = 4 (√(1/4) = 1/2 ≤ 0.6 < √(1/2))', () => {
    const r = build([1n], 'sqrt(t)', '0.6');
    expect([r.M, r.N, r.method]).toEqual([4, 4, 'oscillation']);
    expect(r.error.gte('0.5') && r.error.lte('0.5000000000000000000000000001')).toBe(true);
  });

  it('the rounding term is the largest over the nodes, not the last one: t(1 − t)/3 is exact at both ends', () => {
    const r = build([1n], '(1/3)*t*(1 - t)', '0.001'); // M = 16: h²/12 ≤ 0.001 < 1/768
    expect(r.values[0]!.toString()).toBe('0');
    expect(r.values[r.N]!.toString()).toBe('0');
    expect(r.roundingError.gt(0) && r.roundingError.lte('1e-30')).toBe(true);
  });

  it('counts the rounding of the stored values: a linear profile with inexact values never meets budget 0', () => {
    expect(build([1n], 't', '0').error.toString()).toBe('0');
    expect(() => build([1n], '(1/3)*t', '0', 8)).toThrow(/needs more than 8 ReLU units to reach the error budget 0/);
  });

  it('refuses a profile needing more cells than the cap, naming the ridge and the budget', () => {
    const run = () => build([1n, 2n], 't^2', '0.000001', 64);
    expect(run).toThrow(ConstructionRefused);
    expect(run).toThrow('cannot construct a network for target "target t^2": the ridge function t^2 along (1, 2) needs more than 64 ReLU units to reach the error budget 0.000001');
  });

  it('refuses a profile undefined somewhere on its range', () => {
    const run = () => build([1n], 'log(t)', '0.1');
    expect(run).toThrow(ConstructionRefused);
    expect(run).toThrow(/the ridge function log\(t\) is undefined somewhere on \[0, 1\]: log/);
  });
});
