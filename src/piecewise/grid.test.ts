import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import {
  axisGrid,
  cellCentre,
  cellIndexOf,
  centreOf,
  distanceToInteriorGrid,
  gridPoint,
  halfWidth,
  leftEdgeOf,
  supDistance,
} from './grid.ts';
import { ceilOf, floorOf, isTerminatingDecimal, Rational } from './rounding.ts';

const r = (s: string): Rational => Rational.fromDecimal(new ExactDecimal(s));

describe('exact rationals', () => {
  it('read decimals exactly and reduce', () => {
    expect(r('0.125').toString()).toBe('1/8');
    expect(r('-2.50').toString()).toBe('-5/2');
    expect(r('1e-3').toString()).toBe('1/1000');
    expect(r('12e3').toString()).toBe('12000');
    expect(r('0').toString()).toBe('0');
  });

  it('floors and ceils toward the right integers', () => {
    expect(floorOf(Rational.of(-7n, 2n))).toBe(-4n);
    expect(floorOf(Rational.of(7n, 2n))).toBe(3n);
    expect(ceilOf(Rational.of(-7n, 2n))).toBe(-3n);
    expect(ceilOf(Rational.of(7n, 2n))).toBe(4n);
    expect(floorOf(Rational.of(-8n, 2n))).toBe(-4n);
    expect(isTerminatingDecimal(Rational.of(3n, 40n))).toBe(true);
    expect(isTerminatingDecimal(Rational.of(1n, 6n))).toBe(false);
  });
});

describe('axis grid', () => {
  // built inside each test (not at collection), so that mutation testing attributes its coverage to the tests
  const threeCells = () => axisGrid(r('-1'), r('2'), 3); // δ = 1, points −1, 0, 1, 2

  it('puts grid points on the left of half-open cells and b in the last cell', () => {
    const g = threeCells();
    expect(cellIndexOf(g, r('-1'))).toBe(0);
    expect(cellIndexOf(g, r('-0.000001'))).toBe(0);
    expect(cellIndexOf(g, r('0'))).toBe(1);
    expect(cellIndexOf(g, r('1.999'))).toBe(2);
    expect(cellIndexOf(g, r('2'))).toBe(2);
    expect(leftEdgeOf(g, r('2')).toString()).toBe('1');
    expect(() => cellIndexOf(g, r('2.0001'))).toThrow(RangeError);
    expect(() => cellIndexOf(g, r('-1.5'))).toThrow(RangeError);
  });

  it('has exact centres and half width', () => {
    const third = axisGrid(r('0'), r('1'), 3);
    expect(cellCentre(third, 0).toString()).toBe('1/6');
    expect(cellCentre(third, 2).toString()).toBe('5/6');
    expect(halfWidth(third).toString()).toBe('1/6');
    expect(gridPoint(third, 3).toString()).toBe('1');
  });

  it('refuses an empty box or no cells', () => {
    expect(() => axisGrid(r('1'), r('1'), 2)).toThrow(RangeError);
    expect(() => axisGrid(r('0'), r('1'), 0)).toThrow(RangeError);
  });

  it('keeps every point within δ/2 of its cell centre in the ∞-norm, with equality on lower faces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 4 }), (n, ticks) => {
        const grid = axisGrid(r('-0.3'), r('1.7'), n);
        const x = ticks.map((t) => r('-0.3').add(Rational.of(BigInt(t) * 2n, 10_000n)));
        const c = centreOf(grid, x);
        const d = supDistance(x, c);
        expect(d.lte(halfWidth(grid))).toBe(true);
        const onLowerFace = x.some((xi) => xi.eq(leftEdgeOf(grid, xi)));
        const onTop = x.some((xi) => xi.eq(grid.b));
        if (onLowerFace || onTop) expect(d.eq(halfWidth(grid))).toBe(true);
      }),
    );
  });

  it('measures the distance to the nearest interior grid point', () => {
    const g = threeCells();
    expect(distanceToInteriorGrid(g, r('0.25'))?.toString()).toBe('1/4');
    expect(distanceToInteriorGrid(g, r('-1'))?.toString()).toBe('1'); // nearest interior point is 0
    expect(distanceToInteriorGrid(g, r('2'))?.toString()).toBe('1');
    expect(distanceToInteriorGrid(g, r('0.75'))?.toString()).toBe('1/4');
    expect(distanceToInteriorGrid(axisGrid(r('0'), r('1'), 1), r('0.5'))).toBeUndefined();
  });
});
