/**
 * Reading probes of lemma piecewise-constant (boxes, intervals, points, targets with a declared modulus)
 * and its hypotheses' reasons, and the approximation error at a point, exact or enclosed. Library targets
 * only (no expression parser), so every test is fast.
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { libraryTarget } from '../targets/library.ts';
import type { Target } from '../targets/target.ts';
import { approximationError, differenceBetween, targetAt } from './approximant.ts';
import { axisGrid } from './grid.ts';
import { boxOutsideDomain, MAX_DIMENSION, nearInteriorGrid, pointOutsideBox, readBox, readInterval, readPoint, readTargetIn, variableNames } from './probe.ts';

const D = (s: string) => new ExactDecimal(s);
const r = (s: string): Rational => Rational.fromDecimal(D(s));
const q = (n: number, d = 1): Rational => Rational.of(n, d);

describe('reading a probe', () => {
  it('readBox: a < b and 1 ≤ N ≤ maxCells, the grid exact', () => {
    const box = readBox({ a: '-0.5', b: '0.25', N: 3 }, 10);
    expect([box.a.toString(), box.b.toString(), box.grid.cells, box.grid.width.toString(), box.grid.a.toString()]).toEqual(['-0.5', '0.25', 3, '1/4', '-1/2']);
    expect(readBox({ a: '0', b: '1', N: 10 }, 10).grid.cells).toBe(10);
    expect(() => readBox({ a: '1', b: '1', N: 2 }, 10)).toThrow('argument b must exceed a = 1, got "1"');
    expect(() => readBox({ a: '2', b: '1', N: 2 }, 10)).toThrow('argument b must exceed a = 2');
    expect(() => readBox({ a: '0', b: '1', N: 11 }, 10)).toThrow('argument N must be an integer in [1, 10], got 11');
    expect(() => readBox({ a: '0', b: '1', N: 0 }, 10)).toThrow('argument N');
    expect(() => readBox({ b: '1', N: 2 }, 10)).toThrow('argument a');
    expect(() => readBox({ a: '0', N: 2 }, 10)).toThrow('argument b');
    expect(() => readBox({ a: '0', b: '1' }, 10)).toThrow('argument N');
    expect(() => readBox({ a: 'zero', b: '1', N: 2 }, 10)).toThrow(/^argument a /);
    expect(() => readBox({ a: '0', b: 'one', N: 2 }, 10)).toThrow(/^argument b /);
  });

  it('readInterval: a < b', () => {
    const { a, b } = readInterval({ a: '-1', b: '2.5' });
    expect([a.toString(), b.toString()]).toEqual(['-1', '2.5']);
    expect(() => readInterval({ a: '3', b: '2.5' })).toThrow('argument b must exceed a = 3, got "2.5"');
    expect(() => readInterval({ a: '2.5', b: '2.5' })).toThrow('argument b must exceed a = 2.5');
    expect(() => readInterval({ b: '2.5' })).toThrow('argument a');
    expect(() => readInterval({ a: '2.5' })).toThrow('argument b');
    expect(() => readInterval({ a: 'zero', b: '1' })).toThrow(/^argument a /);
    expect(() => readInterval({ a: '0', b: 'one' })).toThrow(/^argument b /);
  });

  it('readPoint: an array of 1 … 64 decimals, or one decimal', () => {
    expect(readPoint({ x: ['0.5', '-1'] }).map(String)).toEqual(['0.5', '-1']);
    expect(readPoint({ x: '0.25' }).map(String)).toEqual(['0.25']);
    expect(readPoint({ x: Array(MAX_DIMENSION).fill('1') })).toHaveLength(64);
    expect(() => readPoint({ x: Array(MAX_DIMENSION + 1).fill('1') })).toThrow('argument x');
    expect(() => readPoint({ x: [] })).toThrow('argument x');
    expect(() => readPoint({})).toThrow('argument x');
    expect(() => readPoint({ x: 'half' })).toThrow(/^argument x /);
  });

  it('variable names: x alone, or x1 … xm', () => {
    expect(variableNames(1)).toEqual(['x']);
    expect(variableNames(3)).toEqual(['x1', 'x2', 'x3']);
  });

  it('a library target keeps its proved modulus unless one is declared, which then replaces it', () => {
    const proved = readTargetIn({ target: { family: 'coordinate-sum' } }, 2);
    expect(proved.id).toBe('x1+x2');
    expect(proved.modulus).toEqual({ kind: 'lipschitz', L: D('2') });
    const nulls = readTargetIn({ target: { family: 'coordinate-sum' }, lipschitz: null, holder: null }, 2);
    expect(nulls.id).toBe('x1+x2');
    const declared = readTargetIn({ target: { family: 'coordinate-sum' }, lipschitz: '0.5' }, 2);
    expect(declared.id).toBe('x1+x2 (declared modulus)');
    expect(declared.modulus.kind === 'lipschitz' && declared.modulus.L.toString()).toBe('0.5');
    // evaluation is the library's, still exact
    expect(declared.evaluateRational!([q(1, 3), q(1, 6)])!.toString()).toBe('1/2');
    const A = arithAt(20);
    expect(declared.evaluate([A.point('0.25'), A.point('0.5')], A).lo.toString()).toBe('0.75');
    const holder = readTargetIn({ target: { family: 'sin', k: '2' }, holder: { C: '3', alpha: '0.5' } }, 1);
    expect(holder.id).toBe('sin(2*x) (declared modulus)');
    expect(holder.modulus.kind === 'holder' && [holder.modulus.C.toString(), holder.modulus.alpha.toString()]).toEqual(['3', '0.5']);
    expect(holder.evaluateRational).toBeUndefined();
    expect(holder.evaluate([A.point('0')], A).hi.toString()).toBe('0');
  });
});

describe('hypotheses', () => {
  const box = () => readBox({ a: '0', b: '1', N: 4 }, 10);

  it('point-in-box names the first coordinate outside', () => {
    expect(pointOutsideBox(box(), [D('0'), D('1'), D('0.5')])).toBeUndefined();
    expect(pointOutsideBox(box(), [D('0.5'), D('1.5'), D('-1')])).toEqual({ hypothesis: 'point-in-box', reason: 'x[1] = 1.5 is outside [a, b] = [0, 1]' });
    expect(pointOutsideBox(box(), [D('-0.001')])?.reason).toBe('x[0] = -0.001 is outside [a, b] = [0, 1]');
  });

  it('target-domain: the box inside the domain, ends included', () => {
    const poly = libraryTarget({ family: 'polynomial', coefficients: ['0', '1'], lo: '-1', hi: '1' }, ['x']);
    expect(boxOutsideDomain(D('-1'), D('1'), poly)).toBeUndefined();
    expect(boxOutsideDomain(D('-0.5'), D('0.5'), poly)).toBeUndefined();
    expect(boxOutsideDomain(D('-1'), D('1.5'), poly)).toEqual({ hypothesis: 'target-domain', reason: `the box [-1, 1.5]^m is not inside the domain [-1, 1]^m of ${poly.id}` });
    expect(boxOutsideDomain(D('-1.5'), D('1'), poly)?.hypothesis).toBe('target-domain');
    expect(boxOutsideDomain(D('-100'), D('100'), libraryTarget({ family: 'coordinate-sum' }, ['x']))).toBeUndefined();
  });

  it('away-from-grid: distance ≥ η from every interior grid point, the first offending coordinate named', () => {
    const g = axisGrid(q(0), q(1), 4); // interior points 1/4, 1/2, 3/4
    const eta = q(1, 10);
    expect(nearInteriorGrid(g, eta, [D('0.15'), D('0.6'), D('0'), D('1')])).toBeUndefined(); // 0.15 and 0.6 exactly η away
    expect(nearInteriorGrid(g, eta, [D('0.15'), D('0.3'), D('0.76')])).toEqual({
      hypothesis: 'away-from-grid',
      reason: 'x[1] = 0.3 is at distance 1/20 < eta = 1/10 from an interior grid point',
    });
    expect(nearInteriorGrid(axisGrid(q(0), q(1), 1), eta, [D('0.5')])).toBeUndefined();
  });
});

describe('the error at a point', () => {
  const A = arithAt(20);
  it('exact for a rational target: |f(x) − f(c(x))|', () => {
    const sum = libraryTarget({ family: 'coordinate-sum' }, ['x1', 'x2']);
    const g = axisGrid(q(0), q(1), 3);
    const e = approximationError(sum, g, [q(0), r('0.5')], A); // centres 1/6 and 1/2
    expect(e.exact?.toString()).toBe('1/6');
    expect([e.enclosure.lo.toString(), e.enclosure.hi.toString()]).toEqual(['0.16666666666666666666', '0.16666666666666666667']);
    const d = differenceBetween(sum, [q(1), q(2)], [q(3), q(-1)], A);
    expect(d.exact?.toString()).toBe('1');
    expect(targetAt(sum, [q(1, 4), q(1, 2)], A).lo.toString()).toBe('0.75');
  });

  it('exact only when both values are: a target rational at x but not at its centre is enclosed', () => {
    // f(x) = x, with an exact value only below 1/2
    const partly: Target = {
      id: 'partly rational',
      tex: 'x',
      variables: ['x'],
      modulus: { kind: 'lipschitz', L: D('1') },
      evaluate: (x) => x[0]!,
      evaluateRational: (x) => (x[0]!.lt(q(1, 2)) ? x[0]! : undefined),
    };
    const d = differenceBetween(partly, [q(1, 4)], [q(3, 4)], A);
    expect(d.exact).toBeUndefined();
    expect([d.enclosure.lo.toString(), d.enclosure.hi.toString()]).toEqual(['0.5', '0.5']);
    expect(differenceBetween(partly, [q(3, 4)], [q(1, 4)], A).exact).toBeUndefined();
    expect(differenceBetween(partly, [q(1, 8)], [q(1, 4)], A).exact?.toString()).toBe('1/8');
  });

  it('an enclosure for a transcendental target', () => {
    const sin = libraryTarget({ family: 'sin', k: '1' }, ['x']);
    const d = differenceBetween(sin, [q(0)], [q(1, 2)], A); // |sin 0 − sin(1/2)| = 0.47942553860420300027…
    expect(d.exact).toBeUndefined();
    expect(d.enclosure.lo.lte('0.4794255386042030002733') && d.enclosure.hi.gte('0.4794255386042030002733')).toBe(true);
    expect(d.enclosure.hi.minus(d.enclosure.lo).lt('1e-18')).toBe(true);
    const e = approximationError(sin, axisGrid(q(0), q(1), 1), [q(0)], A);
    expect(e.exact).toBeUndefined();
    expect(e.enclosure.lo.gt('0.4794') && e.enclosure.hi.lt('0.4795')).toBe(true);
  });
});
