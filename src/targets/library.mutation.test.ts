/**
 * The target library, family by family, with exact values: the id and TeX, the declared modulus, the
 * second-derivative bound and domain, the value at chosen points (in intervals and, where defined,
 * exactly), and every rejection of a bad spec naming the argument and the value.
 */
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt, ExponentRangeError, type Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { LIBRARY_FAMILIES, libraryFamily, libraryTarget, MAX_LIBRARY_DEGREE, MAX_LIBRARY_VARIABLES } from './library.ts';
import type { Target } from './target.ts';

const A = arithAt(30);
const d = (v: string | number): Decimal => new ExactDecimal(v);
const q = (n: number, den = 1): Rational => Rational.of(n, den);
const names = (m: number): string[] => (m === 1 ? ['x'] : Array.from({ length: m }, (_, i) => `x${i + 1}`));

/** `f` at a point, as the interval's text (exact values come out as `[v, v]`). */
function at(t: Target, x: Array<string | number>, index?: number): string {
  return t.evaluate(
    x.map((v) => A.point(v)),
    A,
    index,
  ).toString();
}

/** True when the enclosure contains `v` and is narrower than `1e-20`. */
function tight(e: Interval, v: string | number): boolean {
  return e.lo.lte(v) && e.hi.gte(v) && e.hi.minus(e.lo).lt('1e-20');
}

function exact(t: Target, x: Rational[], index?: number): string | undefined {
  return t.evaluateRational?.(x, index)?.toString();
}

function rejection(spec: unknown, variables = ['x'], argument?: string): ArgumentError {
  try {
    if (argument === undefined) libraryTarget(spec, variables);
    else libraryTarget(spec, variables, argument);
  } catch (e) {
    if (e instanceof ArgumentError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(spec)} to be rejected`);
}

describe('library families', () => {
  it('every family has a unique id, a description and a proof of its modulus', () => {
    expect(new Set(LIBRARY_FAMILIES.map((f) => f.id)).size).toBe(LIBRARY_FAMILIES.length);
    for (const f of LIBRARY_FAMILIES) {
      expect(f.description.length, f.id).toBeGreaterThan(3);
      expect(f.proof.length, f.id).toBeGreaterThan(20);
    }
    expect(LIBRARY_FAMILIES.map((f) => `${f.id}:${f.arity}:${f.parameters.join('/')}`)).toEqual([
      'sin:one:k',
      'abs-shift:one:c',
      'piecewise-linear:one:knots/values',
      'sqrt-abs:one:c',
      'abs-power:one:c/alpha',
      'polynomial:one:coefficients/lo/hi',
      'exp:one:k/lo/hi',
      'max-coordinate:many:',
      'coordinate-sum:many:',
      'product:many:lo/hi',
      'sin-of-sum:many:k',
      'distance-inf:many:c',
      'sqrt-max-abs:many:',
      'select-first:indexed:',
      'select-own:indexed:',
      'prefix-max:indexed:',
    ]);
    expect(libraryFamily('exp')?.id).toBe('exp');
    expect(libraryFamily('tan')).toBeUndefined();
  });

  it('sin: sin(k·x), L = |k|, |f″| ≤ k²', () => {
    const t = libraryTarget({ family: 'sin', k: '-3.5' }, ['x']);
    expect([t.id, t.tex]).toEqual(['sin(-3.5*x)', '\\sin(-3.5\\,x)']);
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d('3.5') });
    expect(t.secondDerivativeBound?.toString()).toBe('12.25');
    expect(t.domain).toBeUndefined();
    expect(t.evaluateRational).toBeUndefined();
    // sin(−3.5 · 0.5) = −sin(1.75) = −0.98398594687393...
    const v = t.evaluate([A.point('0.5')], A);
    expect(v.hi.lt('-0.983985946873') && v.lo.gt('-0.983985946874') && v.hi.minus(v.lo).lt('1e-20')).toBe(true);
  });

  it('abs-shift: |x − c|, L = 1', () => {
    const t = libraryTarget({ family: 'abs-shift', c: '0.25' }, ['x']);
    expect([t.id, t.tex]).toEqual(['abs(x-(0.25))', '|x - (0.25)|']);
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d(1) });
    expect(t.secondDerivativeBound).toBeUndefined();
    expect([at(t, ['-1']), at(t, ['2'])]).toEqual(['[1.25, 1.25]', '[1.75, 1.75]']);
    expect([exact(t, [q(-1)]), exact(t, [q(1, 3)])]).toEqual(['5/4', '1/12']);
  });

  it('piecewise-linear: the interpolant of the knots, constant outside, L = the largest |slope|', () => {
    // slopes 3, −8, 4/3
    const t = libraryTarget({ family: 'piecewise-linear', knots: ['-1', '0', '0.5', '2'], values: ['0', '3', '-1', '1'] }, ['x']);
    expect([t.id, t.tex]).toEqual(['piecewise-linear(4 knots)', '\\mathrm{pl}_{4}(x)']);
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d(8) });
    const points = ['-2', '-1', '-0.5', '0', '0.25', '0.5', '2', '3'];
    const values = ['0', '0', '1.5', '3', '1', '-1', '1', '1'];
    expect(points.map((x) => at(t, [x]))).toEqual(values.map((v) => `[${v}, ${v}]`));
    expect(tight(t.evaluate([A.point('1.25')], A), 0)).toBe(true); // −1 + (4/3)·0.75
    expect(tight(t.evaluate([A.point('1.1')], A), '-0.2')).toBe(true); // −1 + (4/3)·0.6
    points.push('1.25', '1.1');
    expect(points.map((x) => exact(t, [Rational.fromDecimal(d(x))]))).toEqual(['0', '0', '3/2', '3', '1', '-1', '1', '1', '0', '-1/5']);
    // over an interval: the hull of the ends and the knots inside
    expect(t.evaluate([A.between('-0.5', '0.25')], A).toString()).toBe('[1, 3]');
    expect(t.evaluate([A.between('0.25', '1.25')], A).toString()).toBe('[-1, 1]');
    expect(t.evaluate([A.between('-3', '-1')], A).toString()).toBe('[0, 0]');
    expect(t.evaluate([A.between('0', '0.5')], A).toString()).toBe('[-1, 3]');
  });

  it('piecewise-linear: one knot is a constant; a non-integer slope is rounded up to a decimal L', () => {
    const c = libraryTarget({ family: 'piecewise-linear', knots: ['5'], values: ['2'] }, ['x']);
    expect(c.modulus).toEqual({ kind: 'lipschitz', L: d(0) });
    expect([at(c, ['-7']), at(c, ['5']), at(c, ['9'])]).toEqual(['[2, 2]', '[2, 2]', '[2, 2]']);
    expect([exact(c, [q(-7)]), exact(c, [q(9)])]).toEqual(['2', '2']);
    const third = libraryTarget({ family: 'piecewise-linear', knots: ['0', '3'], values: ['0', '1'] }, ['x']);
    const L = third.modulus.kind === 'lipschitz' ? Rational.fromDecimal(third.modulus.L) : Rational.ZERO;
    expect(L.lt(q(1, 3))).toBe(false);
    expect(L.sub(q(1, 3)).lt(Rational.fromDecimal(d('1e-28')))).toBe(true);
    expect(exact(third, [q(1)])).toBe('1/3');
    expect(third.evaluate([A.point(1)], A).toString()).toBe('[0.333333333333333333333333333333, 0.333333333333333333333333333334]');
    // at the last knot the value is the knot's, exactly (not v_0 + slope·(t_1 − t_0) in intervals)
    expect(at(third, ['3'])).toBe('[1, 1]');
    expect(at(third, ['0'])).toBe('[0, 0]');
  });

  it('sqrt-abs: √|x − c|, Hölder C = 1, α = 1/2', () => {
    const t = libraryTarget({ family: 'sqrt-abs', c: '0' }, ['x']);
    expect([t.id, t.tex]).toEqual(['sqrt(abs(x-(0)))', '\\sqrt{|x - (0)|}']);
    expect(t.modulus).toEqual({ kind: 'holder', C: d(1), alpha: d('0.5') });
    expect(tight(t.evaluate([A.point('-0.25')], A), '0.5')).toBe(true);
    const s = libraryTarget({ family: 'sqrt-abs', c: '1' }, ['x']);
    expect(tight(s.evaluate([A.point(5)], A), 2)).toBe(true);
  });

  it('abs-power: |x − c|^α, Hölder C = 1, α; exactly 0 at c', () => {
    const t = libraryTarget({ family: 'abs-power', c: '0.1', alpha: '0.5' }, ['x']);
    expect([t.id, t.tex]).toEqual(['abs(x-(0.1))^0.5', '|x - (0.1)|^{0.5}']);
    expect(t.modulus).toEqual({ kind: 'holder', C: d(1), alpha: d('0.5') });
    expect(at(t, ['0.1'])).toBe('[0, 0]');
    expect(tight(t.evaluate([A.point('4.1')], A), 2)).toBe(true);
    expect(tight(t.evaluate([A.point('-3.9')], A), 2)).toBe(true);
    expect(libraryTarget({ family: 'abs-power', c: '0', alpha: '1' }, ['x']).modulus).toEqual({ kind: 'holder', C: d(1), alpha: d(1) });
  });

  it('polynomial: Σ c_j x^j on [lo, hi], L = Σ j|c_j|R^{j−1}, M = Σ j(j−1)|c_j|R^{j−2}', () => {
    const t = libraryTarget({ family: 'polynomial', coefficients: ['1', '-2', '0', '0.5'], lo: '-1.5', hi: '1' }, ['x']);
    expect(t.id).toBe('poly(1*x^0 + -2*x^1 + 0*x^2 + 0.5*x^3)');
    expect(t.tex).toBe('1\\,x^{0} + -2\\,x^{1} + 0\\,x^{2} + 0.5\\,x^{3}');
    // R = 1.5: L = 2 + 3·0.5·2.25 = 5.375, M = 6·0.5·1.5 = 4.5
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d('5.375') });
    expect(t.secondDerivativeBound?.toString()).toBe('4.5');
    expect([t.domain?.lo.toString(), t.domain?.hi.toString()]).toEqual(['-1.5', '1']);
    expect([at(t, ['2']), at(t, ['-1']), at(t, ['0'])]).toEqual(['[1, 1]', '[2.5, 2.5]', '[1, 1]']);
    expect([exact(t, [q(2)]), exact(t, [q(1, 2)])]).toEqual(['1', '1/16']);
    // R from hi when |hi| > |lo|: x² on [−1, 3] has L = 2·3 = 6, M = 2
    const s = libraryTarget({ family: 'polynomial', coefficients: ['0', '0', '1'], lo: '-1', hi: '3' }, ['x']);
    expect(s.modulus).toEqual({ kind: 'lipschitz', L: d(6) });
    expect(s.secondDerivativeBound?.toString()).toBe('2');
    // a constant has L = M = 0
    const c = libraryTarget({ family: 'polynomial', coefficients: ['7'], lo: '0', hi: '1' }, ['x']);
    expect([c.modulus, c.secondDerivativeBound?.toString(), at(c, ['0.5']), exact(c, [q(1, 2)])]).toEqual([{ kind: 'lipschitz', L: d(0) }, '0', '[7, 7]', '7']);
    // an integer bound longer than the working precision is kept exactly: L = c_1
    const long = libraryTarget({ family: 'polynomial', coefficients: ['0', '1234567890123456789012345678901234567890'], lo: '0', hi: '1' }, ['x']);
    expect(long.modulus).toEqual({ kind: 'lipschitz', L: d('1234567890123456789012345678901234567890') });
    // 0.3·x³ on [0, 1]: L = 0.9, M = 1.8
    const r = libraryTarget({ family: 'polynomial', coefficients: ['0', '0', '0', '0.3'], lo: '0', hi: '1' }, ['x']);
    expect(r.modulus).toEqual({ kind: 'lipschitz', L: d('0.9') });
    expect(r.secondDerivativeBound?.toString()).toBe('1.8');
    expect(libraryTarget({ family: 'polynomial', coefficients: Array.from({ length: MAX_LIBRARY_DEGREE + 1 }, () => '1'), lo: '0', hi: '1' }, ['x']).id).toContain(`x^${MAX_LIBRARY_DEGREE}`);
  });

  it('exp: e^{k·x} on [lo, hi], L = |k|·e^{max(k·lo, k·hi)}', () => {
    const t = libraryTarget({ family: 'exp', k: '-2', lo: '-1', hi: '2' }, ['x']);
    expect([t.id, t.tex]).toEqual(['exp(-2*x)', 'e^{-2\\,x}']);
    // max(k·lo, k·hi) = 2: L ≥ 2e² = 14.7781121978613..., M ≥ 4e² = 29.5562243957226...
    const L = t.modulus.kind === 'lipschitz' ? t.modulus.L : d(0);
    expect(L.gte('14.778112197861300454460854921150') && L.lt('14.778112197861300454460854922')).toBe(true);
    expect(t.secondDerivativeBound!.gte('29.556224395722600908921709842300') && t.secondDerivativeBound!.lt('29.556224395722600908921709843')).toBe(true);
    expect([t.domain?.lo.toString(), t.domain?.hi.toString()]).toEqual(['-1', '2']);
    expect(tight(t.evaluate([A.point('0.5')], A), '0.36787944117144232159552377016146')).toBe(true); // e^{−1}
    expect(t.evaluateRational).toBeUndefined();
    const up = libraryTarget({ family: 'exp', k: '1', lo: '-3', hi: '-1' }, ['x']);
    const Lup = up.modulus.kind === 'lipschitz' ? up.modulus.L : d(0);
    expect(Lup.gte('0.36787944117144232159552377016146') && Lup.lt('0.3678794411714423215955237702')).toBe(true); // e^{−1}
    const flat = libraryTarget({ family: 'exp', k: '0', lo: '0', hi: '1' }, ['x']);
    expect([at(flat, ['0.7']), exact(flat, [q(7, 10)])]).toEqual(['[1, 1]', '1']);
    expect(flat.modulus).toEqual({ kind: 'lipschitz', L: d(0) });
  });

  it('max-coordinate: max_i x_i, L = 1', () => {
    const t = libraryTarget({ family: 'max-coordinate' }, names(3));
    expect([t.id, t.tex]).toEqual(['max(x1,x2,x3)', '\\max(x1, x2, x3)']);
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d(1) });
    expect([at(t, ['1', '3', '2']), exact(t, [q(1), q(-3), q(1, 2)])]).toEqual(['[3, 3]', '1']);
  });

  it('coordinate-sum: Σ_i x_i, L = m, f″ = 0 in one variable', () => {
    const t = libraryTarget({ family: 'coordinate-sum' }, names(4));
    expect([t.id, t.tex]).toEqual(['x1+x2+x3+x4', 'x1 + x2 + x3 + x4']);
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d(4) });
    expect(t.secondDerivativeBound).toBeUndefined();
    expect([at(t, ['1', '2', '3', '-0.5']), exact(t, [q(1), q(2), q(3), q(-1, 2)])]).toEqual(['[5.5, 5.5]', '11/2']);
    expect(libraryTarget({ family: 'coordinate-sum' }, ['x']).secondDerivativeBound?.toString()).toBe('0');
  });

  it('product: Π_i x_i on [lo, hi]^m, L = m·R^{m−1}', () => {
    const t = libraryTarget({ family: 'product', lo: '-2', hi: '1' }, names(3));
    expect([t.id, t.tex]).toEqual(['x1*x2*x3', 'x1\\,x2\\,x3']);
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d(12) });
    expect(t.secondDerivativeBound).toBeUndefined();
    expect([at(t, ['-2', '0.5', '1.5']), exact(t, [q(-2), q(1, 2), q(3, 2)])]).toEqual(['[-1.5, -1.5]', '-3/2']);
    expect(libraryTarget({ family: 'product', lo: '-1', hi: '3' }, names(2)).modulus).toEqual({ kind: 'lipschitz', L: d(6) });
    expect(libraryTarget({ family: 'product', lo: '0', hi: '0.5' }, names(3)).modulus).toEqual({ kind: 'lipschitz', L: d('0.75') });
    const one = libraryTarget({ family: 'product', lo: '0', hi: '1' }, ['x']);
    expect([one.secondDerivativeBound?.toString(), one.domain?.hi.toString()]).toEqual(['0', '1']);
  });

  it('sin-of-sum: sin(k·Σ x_i), L = m|k|', () => {
    const t = libraryTarget({ family: 'sin-of-sum', k: '-2' }, names(2));
    expect([t.id, t.tex]).toEqual(['sin(-2*(x1+x2))', '\\sin(-2(x1 + x2))']);
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d(4) });
    expect(t.secondDerivativeBound).toBeUndefined();
    // sin(−2·(0.25 + 0.5)) = −sin(1.5) = −0.99749498660405443...
    const v = t.evaluate([A.point('0.25'), A.point('0.5')], A);
    expect(v.hi.lt('-0.997494986604054') && v.lo.gt('-0.997494986604055') && v.hi.minus(v.lo).lt('1e-20')).toBe(true);
    expect(libraryTarget({ family: 'sin-of-sum', k: '-2' }, ['x']).secondDerivativeBound?.toString()).toBe('4');
  });

  it('distance-inf: max_i |x_i − c|, L = 1', () => {
    const t = libraryTarget({ family: 'distance-inf', c: '0.5' }, names(3));
    expect([t.id, t.tex]).toEqual(['dist_inf(x1,x2,x3;0.5)', '\\max_i |x_i - (0.5)|']);
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: d(1) });
    expect([at(t, ['1', '-1', '0.5']), exact(t, [q(1), q(-1), q(1, 2)])]).toEqual(['[1.5, 1.5]', '3/2']);
    expect(libraryTarget({ family: 'distance-inf', c: '0.5' }, ['x']).tex).toBe('\\max_i |x - (0.5)|');
  });

  it('sqrt-max-abs: √(max_i |x_i|), Hölder C = 1, α = 1/2', () => {
    const t = libraryTarget({ family: 'sqrt-max-abs' }, names(2));
    expect([t.id, t.tex]).toEqual(['sqrt(max_abs(x1,x2))', '\\sqrt{\\max_i |x_i|}']);
    expect(t.modulus).toEqual({ kind: 'holder', C: d(1), alpha: d('0.5') });
    expect(tight(t.evaluate([A.point(-4), A.point(1)], A), 2)).toBe(true);
    expect(tight(t.evaluate([A.point(1), A.point('-0.25')], A), 1)).toBe(true);
  });

  it('indexed families: select-first, select-own, prefix-max at each token index', () => {
    const x = ['1', '3', '2'];
    const xr = [q(1), q(3), q(2)];
    const first = libraryTarget({ family: 'select-first' }, names(3));
    expect([first.id, first.tex, first.index]).toEqual(['select-first', 'F(X)_i = x1', 'i']);
    expect([1, 2, 3].map((i) => at(first, x, i))).toEqual(['[1, 1]', '[1, 1]', '[1, 1]']);
    expect([1, 3].map((i) => exact(first, xr, i))).toEqual(['1', '1']);
    const own = libraryTarget({ family: 'select-own' }, names(3));
    expect([own.id, own.tex, own.index]).toEqual(['select-own', 'F(X)_i = x_i', 'i']);
    expect([1, 2, 3].map((i) => at(own, x, i))).toEqual(['[1, 1]', '[3, 3]', '[2, 2]']);
    expect([1, 2, 3].map((i) => exact(own, xr, i))).toEqual(['1', '3', '2']);
    const prefix = libraryTarget({ family: 'prefix-max' }, names(3));
    expect([prefix.id, prefix.tex, prefix.index]).toEqual(['prefix-max', 'F(X)_i = \\max_{j \\le i} x_j', 'i']);
    expect([1, 2, 3].map((i) => at(prefix, x, i))).toEqual(['[1, 1]', '[3, 3]', '[3, 3]']);
    expect([1, 2, 3].map((i) => exact(prefix, xr, i))).toEqual(['1', '3', '3']);
    for (const t of [first, own, prefix]) expect(t.modulus).toEqual({ kind: 'lipschitz', L: d(1) });
  });

  it('indexed families reject a token index outside {1, …, n}, naming i and the value', () => {
    for (const family of ['select-first', 'select-own', 'prefix-max']) {
      const t = libraryTarget({ family }, names(3));
      for (const i of [0, 4, 1.5, undefined]) {
        expect(() => t.evaluate([A.point(1), A.point(2), A.point(3)], A, i)).toThrow(new ArgumentError('i', i, 'must be a token index in {1, …, 3}'));
        expect(() => t.evaluateRational?.([q(1), q(2), q(3)], i)).toThrow(`argument i must be a token index in {1, …, 3}, got ${i === undefined ? 'nothing' : i}`);
      }
    }
  });
});

describe('libraryTarget rejections', () => {
  it('rejects a spec that is not an object', () => {
    for (const spec of [null, 'sin', ['sin'], 3]) {
      const e = rejection(spec);
      expect(e.argument).toBe('target');
      expect(e.problem).toBe('must be an object {"family": …, …parameters}');
    }
    expect(rejection(undefined, ['x'], 'g').message).toBe('argument g must be an object {"family": …, …parameters}, got nothing');
  });

  it('rejects an unknown or non-string family, listing the families', () => {
    const e = rejection({ family: 'tan' });
    expect(e.argument).toBe('target.family');
    expect(e.message).toBe(`argument target.family must be one of ${LIBRARY_FAMILIES.map((f) => f.id).join(', ')}, got "tan"`);
    expect(e.message).toContain('sin, abs-shift, piecewise-linear');
    expect(rejection({ family: 3 }).argument).toBe('target.family');
    expect(rejection({}, ['x'], 'g').argument).toBe('g.family');
  });

  it('rejects a missing or null parameter, naming it and the family', () => {
    expect(rejection({ family: 'sin' }).message).toBe('argument target.k is required for family sin, got nothing');
    expect(rejection({ family: 'exp', k: '1', lo: '0', hi: null }).message).toBe('argument target.hi is required for family exp, got nothing');
    expect(rejection({ family: 'abs-power', alpha: '0.5' }, ['x'], 'g').argument).toBe('g.c');
  });

  it('rejects a variable count the family does not take', () => {
    expect(rejection({ family: 'max-coordinate' }, []).message).toBe(`argument target needs between 1 and ${MAX_LIBRARY_VARIABLES} variables (has 0), got {"family":"max-coordinate"}`);
    expect(rejection({ family: 'max-coordinate' }, names(MAX_LIBRARY_VARIABLES + 1)).problem).toBe(`needs between 1 and ${MAX_LIBRARY_VARIABLES} variables (has ${MAX_LIBRARY_VARIABLES + 1})`);
    expect(libraryTarget({ family: 'max-coordinate' }, names(MAX_LIBRARY_VARIABLES)).variables).toHaveLength(MAX_LIBRARY_VARIABLES);
    expect(libraryTarget({ family: 'select-own' }, ['x']).index).toBe('i');
    expect(rejection({ family: 'abs-shift', c: '0' }, names(2)).message).toBe('argument target family abs-shift has one variable, but 2 are needed here, got {"family":"abs-shift","c":"0"}');
  });

  it('rejects bad parameters, naming them under the caller argument', () => {
    expect(rejection({ family: 'sin', k: 'two' }).argument).toBe('target.k');
    const named = rejection({ family: 'sin', k: 'two' }, ['x'], 'g');
    expect([named.argument, named.value]).toEqual(['g.k', 'two']);
    expect(named.message).toMatch(/^argument g\.k must be .*decimal.*, got "two"$/);
    expect(rejection({ family: 'abs-power', c: '0', alpha: '0' }).message).toBe('argument target.alpha must be in (0, 1], got "0"');
    expect(rejection({ family: 'abs-power', c: '0', alpha: '1.5' }, ['x'], 'g').argument).toBe('g.alpha');
    expect(rejection({ family: 'polynomial', coefficients: ['1'], lo: '1', hi: '1' }).message).toBe('argument target.hi must exceed target.lo = 1, got "1"');
    expect(rejection({ family: 'product', lo: '2', hi: '1' }, names(2)).argument).toBe('target.hi');
    expect(rejection({ family: 'exp', k: '1', lo: '0', hi: '-1' }).argument).toBe('target.hi');
    expect(rejection({ family: 'polynomial', coefficients: Array.from({ length: MAX_LIBRARY_DEGREE + 2 }, () => '1'), lo: '0', hi: '1' }).argument).toBe('target.coefficients');
    expect(rejection({ family: 'polynomial', coefficients: [], lo: '0', hi: '1' }).argument).toBe('target.coefficients');
  });

  it('rejects knots that do not increase and values of another length', () => {
    expect(rejection({ family: 'piecewise-linear', knots: ['0', '1', '1'], values: ['0', '0', '0'] }).message).toBe('argument target.knots[2] must exceed the previous knot, got "1"');
    expect(rejection({ family: 'piecewise-linear', knots: ['0', '2', '1'], values: ['0', '0', '0'] }, ['x'], 'g').argument).toBe('g.knots[2]');
    expect(rejection({ family: 'piecewise-linear', knots: ['0', '1'], values: ['0'] }).argument).toBe('target.values');
    expect(rejection({ family: 'piecewise-linear', knots: [], values: [] }).argument).toBe('target.knots');
  });
});

describe('library constants and errors', () => {
  it('an integer Lipschitz constant is kept exactly, however many digits (not rounded up at 30 digits)', () => {
    const big = '123456789012345678901234567890123'; // 33 digits: p(x) = big·x on [0, 1], L = big
    const t = libraryTarget({ family: 'polynomial', coefficients: ['0', big], lo: '0', hi: '1' }, ['x']);
    expect(t.modulus.kind === 'lipschitz' && t.modulus.L.toFixed()).toBe(big);
  });

  it('an error that is not an ArgumentError (an exponent overflow while building) passes through unchanged', () => {
    // exp with k = 10^30 on [0, 1]: L = k·e^(10^30) overflows the decimal exponent range
    expect(() => libraryTarget({ family: 'exp', k: '1e30', lo: '0', hi: '1' }, ['x'])).toThrow(ExponentRangeError);
    expect(() => libraryTarget({ family: 'exp', k: '1e30', lo: '0', hi: '1' }, ['x'], 'g')).toThrow(/^e\^x for x in \[1e\+30, 1e\+30\] overflows the decimal exponent range/);
  });
});
