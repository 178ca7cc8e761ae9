/**
 * Exact values of the grid and of the integer parts it rests on: floors and ceilings, terminating
 * decimals, grid points, cells, centres, distances, and the errors (with their messages).
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { axisGrid, cellCentre, cellIndexOf, centreOf, distanceToInteriorGrid, gridPoint, halfWidth, inAxis, leftEdgeOf, supDistance } from './grid.ts';
import { ceilOf, floorOf, isTerminatingDecimal, Rational } from './rounding.ts';

const r = (s: string): Rational => Rational.fromDecimal(new ExactDecimal(s));
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const text = (xs: readonly Rational[]): string[] => xs.map((x) => x.toString());

describe('floor, ceiling, terminating decimals', () => {
  it('floors and ceilings of integers, zero and negative fractions', () => {
    expect(floorOf(Rational.unreduced(-8n, 2n))).toBe(-4n);
    expect(floorOf(Rational.unreduced(8n, 2n))).toBe(4n);
    expect(floorOf(Rational.ZERO)).toBe(0n);
    expect(floorOf(q(-1, 3))).toBe(-1n);
    expect(floorOf(q(1, 3))).toBe(0n);
    expect(floorOf(q(-5))).toBe(-5n);
    expect(ceilOf(Rational.ZERO)).toBe(0n);
    expect(ceilOf(q(5))).toBe(5n);
    expect(ceilOf(q(-1, 3))).toBe(0n);
    expect(ceilOf(q(1, 3))).toBe(1n);
    expect(ceilOf(q(-7, 3))).toBe(-2n);
  });

  it('a terminating decimal has a denominator 2^i·5^j', () => {
    for (const [n, d] of [[1, 8], [1, 25], [3, 40], [7, 1], [-3, 250]] as const) expect(isTerminatingDecimal(q(n, d)), `${n}/${d}`).toBe(true);
    for (const [n, d] of [[1, 3], [1, 12], [1, 15], [2, 7], [-1, 75]] as const) expect(isTerminatingDecimal(q(n, d)), `${n}/${d}`).toBe(false);
  });
});

describe('axis grid', () => {
  it('one cell is a grid; δ = (b − a)/N exactly', () => {
    const one = axisGrid(q(0), q(1), 1);
    expect([one.cells, one.width.toString(), one.a.toString(), one.b.toString()]).toEqual([1, '1', '0', '1']);
    expect(axisGrid(r('-0.5'), r('0.25'), 6).width.toString()).toBe('1/8');
  });

  it('refuses a ≥ b and a cell count that is not an integer ≥ 1, saying which', () => {
    expect(() => axisGrid(q(1), q(0), 2)).toThrow('axisGrid: a = 1 must be below b = 0');
    expect(() => axisGrid(q(0), q(1), 2.5)).toThrow('axisGrid: cells must be an integer ≥ 1, got 2.5');
    expect(() => axisGrid(q(0), q(1), -3)).toThrow('got -3');
    expect(() => axisGrid(q(0), q(1), 0)).toThrow('got 0');
    expect(() => axisGrid(q(0), q(1), 2 ** 53)).toThrow(RangeError);
    expect(() => axisGrid(q(0), q(1), Number.NaN)).toThrow(RangeError);
  });

  it('grid points x_k = a + kδ for any integer k, x_N = b exactly', () => {
    const g = axisGrid(q(-1), q(2), 3);
    expect([-1, 0, 1, 2, 3, 4].map((k) => gridPoint(g, k).toString())).toEqual(['-2', '-1', '0', '1', '2', '3']);
    const thirds = axisGrid(r('0.1'), r('0.2'), 3);
    expect(gridPoint(thirds, 3).toString()).toBe('1/5');
    expect(gridPoint(thirds, 1).toString()).toBe('2/15');
  });

  it('inAxis is the closed interval [a, b]', () => {
    const g = axisGrid(q(-1), q(2), 3);
    expect([r('-1'), r('2'), r('0.5')].map((x) => inAxis(g, x))).toEqual([true, true, true]);
    expect([r('-1.0001'), r('2.0001')].map((x) => inAxis(g, x))).toEqual([false, false]);
  });

  it('cells, left edges and centres on a grid of thirds; the error names the point and the box', () => {
    const g = axisGrid(q(0), q(1), 3);
    expect([r('0'), r('0.3333'), q(1, 3), r('0.5'), r('0.9'), q(1)].map((x) => cellIndexOf(g, x))).toEqual([0, 0, 1, 1, 2, 2]);
    expect([r('0.2'), r('0.5'), q(2, 3), q(1)].map((x) => leftEdgeOf(g, x).toString())).toEqual(['0', '1/3', '2/3', '2/3']);
    expect([0, 1, 2].map((k) => cellCentre(g, k).toString())).toEqual(['1/6', '1/2', '5/6']);
    expect(halfWidth(g).toString()).toBe('1/6');
    expect(text(centreOf(g, [r('0'), q(1), r('0.5'), q(2, 3)]))).toEqual(['1/6', '5/6', '1/2', '5/6']);
    expect(() => cellIndexOf(g, r('1.5'))).toThrow('cellIndexOf: 3/2 is outside [0, 1]');
    expect(() => cellIndexOf(g, r('-0.5'))).toThrow('cellIndexOf: -1/2 is outside [0, 1]');
  });

  it('supDistance is the largest coordinate difference', () => {
    expect(supDistance([q(0), q(1, 2)], [q(1, 4), q(-1, 4)]).toString()).toBe('3/4');
    expect(supDistance([q(1), q(0)], [q(0), q(0)]).toString()).toBe('1');
    expect(supDistance([q(0), q(0), q(-2)], [q(0), q(1), q(0)]).toString()).toBe('2');
    expect(supDistance([q(3)], [q(3)]).toString()).toBe('0');
  });

  it('distance to the nearest interior grid point, clamped to x_1 … x_{N−1}', () => {
    const g = axisGrid(q(-1), q(2), 3); // interior points 0 and 1
    expect(['-0.7', '-1', '0.1', '0.8', '1.6', '2', '0.5'].map((x) => distanceToInteriorGrid(g, r(x))?.toString())).toEqual(['7/10', '1', '1/10', '1/5', '3/5', '1', '1/2']);
    const two = axisGrid(q(0), q(1), 2); // interior point 1/2 only
    expect(['0', '0.9', '0.5', '1'].map((x) => distanceToInteriorGrid(two, r(x))?.toString())).toEqual(['1/2', '2/5', '0', '1/2']);
    expect(distanceToInteriorGrid(axisGrid(q(0), q(1), 1), r('0.3'))).toBeUndefined();
  });
});
