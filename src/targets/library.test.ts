/**
 * The target library: every family's declared modulus holds on random pairs (certified by directed
 * rounding), exact rational values lie in the enclosures, and bad specs name the argument.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { decimalBetween } from '../verify/generators.ts';
import { LIBRARY_FAMILIES, libraryTarget } from './library.ts';
import { modulusAt } from './modulus.ts';

const A = arithAt(40);

/** One spec per family, with the variable count it is probed at. */
const specs: Array<{ spec: Record<string, unknown>; m: number; lo: string; hi: string }> = [
  { spec: { family: 'sin', k: '-3.5' }, m: 1, lo: '-10', hi: '10' },
  { spec: { family: 'abs-shift', c: '0.25' }, m: 1, lo: '-2', hi: '2' },
  { spec: { family: 'piecewise-linear', knots: ['-1', '0', '0.5', '2'], values: ['0', '3', '-1', '1'] }, m: 1, lo: '-3', hi: '3' },
  { spec: { family: 'sqrt-abs', c: '0' }, m: 1, lo: '-1', hi: '1' },
  { spec: { family: 'abs-power', c: '0.1', alpha: '0.3' }, m: 1, lo: '-1', hi: '1' },
  { spec: { family: 'polynomial', coefficients: ['1', '-2', '0', '0.5'], lo: '-1.5', hi: '1' }, m: 1, lo: '-1.5', hi: '1' },
  { spec: { family: 'exp', k: '-2', lo: '-1', hi: '2' }, m: 1, lo: '-1', hi: '2' },
  { spec: { family: 'max-coordinate' }, m: 3, lo: '-5', hi: '5' },
  { spec: { family: 'coordinate-sum' }, m: 4, lo: '-5', hi: '5' },
  { spec: { family: 'product', lo: '0', hi: '1' }, m: 2, lo: '0', hi: '1' },
  { spec: { family: 'product', lo: '-2', hi: '1' }, m: 3, lo: '-2', hi: '1' },
  { spec: { family: 'sin-of-sum', k: '2' }, m: 2, lo: '-3', hi: '3' },
  { spec: { family: 'distance-inf', c: '0.5' }, m: 3, lo: '-1', hi: '2' },
  { spec: { family: 'sqrt-max-abs' }, m: 2, lo: '-1', hi: '1' },
  { spec: { family: 'select-first' }, m: 3, lo: '0', hi: '1' },
  { spec: { family: 'select-own' }, m: 3, lo: '0', hi: '1' },
  { spec: { family: 'prefix-max' }, m: 3, lo: '0', hi: '1' },
];

const names = (m: number) => (m === 1 ? ['x'] : Array.from({ length: m }, (_, i) => `x${i + 1}`));

describe('library', () => {
  it('has a probe spec for every family', () => {
    expect(new Set(specs.map((s) => s.spec.family))).toEqual(new Set(LIBRARY_FAMILIES.map((f) => f.id)));
  });

  it.each(specs.map((s) => [String(s.spec.family), s] as const))('%s: declared modulus holds on random pairs', (_id, s) => {
    const t = libraryTarget(s.spec, names(s.m));
    const point = fc.array(decimalBetween(s.lo, s.hi, 6), { minLength: s.m, maxLength: s.m });
    fc.assert(
      fc.property(point, point, fc.integer({ min: 1, max: s.m }), (x, y, i) => {
        const X = x.map((v) => A.point(v));
        const Y = y.map((v) => A.point(v));
        const fx = t.evaluate(X, A, i);
        const fy = t.evaluate(Y, A, i);
        const dist = x.map((v, j) => new ExactDecimal(v).minus(y[j]!).abs()).reduce((m, d) => (d.gt(m) ? d : m), new ExactDecimal(0));
        const margin = A.sub(modulusAt(t.modulus, A.point(dist), A), A.abs(A.sub(fx, fy)));
        expect(margin.hi.gte(0), `${t.id} violates its modulus at ${x.join(',')} / ${y.join(',')}`).toBe(true); // never certifiably violated
        const exact = t.evaluateRational?.(x.map((v) => Rational.fromDecimal(new ExactDecimal(v))), i);
        if (exact !== undefined) {
          const e = exact.toInterval(A);
          expect(e.lo.lte(fx.hi) && e.hi.gte(fx.lo), `${t.id}: exact ${exact.toString()} outside ${fx.toString()}`).toBe(true);
        }
      }),
      { numRuns: 60, seed: 2507 },
    );
  });

  it('states second-derivative bounds that hold at a point (sin, polynomial, exp)', () => {
    const sin = libraryTarget({ family: 'sin', k: '3' }, ['x']);
    expect(sin.secondDerivativeBound?.toString()).toBe('9');
    const p = libraryTarget({ family: 'polynomial', coefficients: ['0', '0', '1', '-1'], lo: '-2', hi: '1' }, ['x']);
    // p = x² − x³: |p'| ≤ 2·2 + 3·4 = 16, |p''| ≤ 2 + 6·2 = 14 on [−2, 1]
    expect(p.modulus).toEqual({ kind: 'lipschitz', L: new ExactDecimal(16) });
    expect(p.secondDerivativeBound?.toString()).toBe('14');
    const e = libraryTarget({ family: 'exp', k: '1', lo: '0', hi: '1' }, ['x']);
    expect(e.secondDerivativeBound!.gte('2.718281828459045') && e.secondDerivativeBound!.lt('2.7182818284590453')).toBe(true);
    expect(e.domain?.hi.toString()).toBe('1');
  });

  it('rejects bad specs naming the argument', () => {
    const bad = (spec: unknown, m = 1): ArgumentError => {
      try {
        libraryTarget(spec, names(m));
      } catch (err) {
        if (err instanceof ArgumentError) return err;
        throw err;
      }
      throw new Error('expected a rejection');
    };
    expect(bad({ family: 'nope' }).argument).toBe('target.family');
    expect(bad({ family: 'sin' }).argument).toBe('target.k');
    expect(bad({ family: 'sin', k: 'two' }).argument).toBe('target.k');
    expect(bad({ family: 'sin', k: '1' }, 2).message).toContain('one variable');
    expect(bad({ family: 'piecewise-linear', knots: ['1', '0'], values: ['0', '0'] }).argument).toBe('target.knots[1]');
    expect(bad({ family: 'abs-power', c: '0', alpha: '2' }).argument).toBe('target.alpha');
    expect(bad({ family: 'polynomial', coefficients: ['1'], lo: '1', hi: '0' }).argument).toBe('target.hi');
    expect(bad('sin').argument).toBe('target');
  });
});
