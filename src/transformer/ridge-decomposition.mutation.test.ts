/**
 * The ridge decomposition piece by piece, with exact expected pieces for small targets (each checked
 * by hand: `x1·x2 = (x1 + x2)²/4 − (x1 − x2)²/4`, `max(A, B) = B + ReLU(A − B)`, …), the certified
 * Taylor tolerance of products against its closed form (`x1·e^{x2}`: `e/(6!·2⁶)`), the helpers
 * (directions, rational text, additive terms, substitution) and every refusal with its reason.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { Rational } from '../arith/rational.ts';
import {
  additiveTerms,
  ConstructionRefused,
  mentions,
  normalizeDirection,
  parseExpression,
  rationalText,
  render,
  RidgeDecomposer,
  scalePieces,
  substitute,
  type Piece,
} from './ridge-decomposition.ts';

const D = Decimal.clone({ precision: 50 });

function show(p: Piece): string {
  switch (p.kind) {
    case 'constant':
      return `const ${p.text}`;
    case 'affine':
      return `affine [${p.coefficients.join(',')}] + ${p.offset.toString()}`;
    case 'hinge':
      return `hinge ${p.scale.toString()}*relu([${p.coefficients.join(',')}] + ${p.offset.toString()})`;
    case 'ridge':
      return `ridge (${p.direction.join(',')}) ${p.g}`;
    case 'tolerance':
      return `tolerance ${p.error.toString()}`;
  }
}

const decompose = (text: string, n = 2, allowance = '0.01') => new RidgeDecomposer(n, `T ${text}`, new ExactDecimal(allowance)).decompose(parseExpression(text));
const shown = (text: string, n = 2) => decompose(text, n).map(show);
const toleranceOf = (pieces: Piece[]) => pieces.flatMap((p) => (p.kind === 'tolerance' ? [p.error] : []));

describe('decompose: exact pieces', () => {
  it.each([
    ['3', ['const 3']],
    ['pi', ['const pi']],
    ['2*x1 - x2/4 + 1', ['affine [2,-1/4] + 1']],
    ['x1 - (-x2)', ['affine [1,1] + 0']],
    ['+x1', ['affine [1,0] + 0']],
    ['(x1 + 1)/2', ['affine [1/2,0] + 1/2']],
    ['x1*x2', ['ridge (1,1) (1/4)*t^2', 'ridge (1,-1) (-1/4)*t^2']],
    ['-x1*x2', ['ridge (1,1) (-1/4)*t^2', 'ridge (1,-1) (1/4)*t^2']],
    ['sin(x1 + x2)', ['ridge (1,1) sin((1*t + 0))']],
    ['sin(2*x1 - 4*x2) + 1', ['ridge (1,-2) (sin((2*t + 0)) + 1)']],
    ['sin(x1 - x1 + 1)', ['const sin((1))']],
    ['x1^2', ['ridge (1,0) ((1*t + 0) ^ 2)']],
    ['max(x1, x2)', ['affine [0,1] + 0', 'hinge 1*relu([1,-1] + 0)']],
    ['min(x1, 2*x2 + 1)', ['affine [1,0] + 0', 'hinge -1*relu([1,-2] + -1)']],
    ['max(x1)', ['ridge (1,0) max((1*t + 0))']],
    ['max(sin(x1 + x2), x1 + x2)', ['ridge (1,1) max(sin((1*t + 0)), (1*t + 0))']],
    ['max(x1, 1 - x2) + min(x1/2, x2)', ['affine [0,-1] + 1', 'hinge 1*relu([1,1] + -1)', 'affine [1/2,0] + 0', 'hinge -1*relu([1/2,-1] + 0)']],
    ['pi*sin(x1)', ['ridge (1,0) (pi * sin((1*t + 0)))']],
    ['x1*x2/pi', ['ridge (1,1) (1/pi)*((1/4)*t^2)', 'ridge (1,-1) (1/pi)*((-1/4)*t^2)']],
    ['x1*x2*2', ['ridge (1,1) (1/2)*t^2', 'ridge (1,-1) (-1/2)*t^2']],
    ['max(x1, x2)*pi', ['ridge (0,1) (pi)*(1*t + 0)', 'ridge (1,-1) (pi)*1*max((1*t + 0), 0)']],
    ['-(max(x1, x2)*pi)', ['ridge (0,1) (-1)*((pi)*(1*t + 0))', 'ridge (1,-1) (-1)*((pi)*1*max((1*t + 0), 0))']],
    ['2*max(x1, x2) - max(x1, x2)/2', ['affine [0,2] + 0', 'hinge 2*relu([1,-1] + 0)', 'affine [0,-1/2] + 0', 'hinge -1/2*relu([1,-1] + 0)']],
    ['sin(x1)*pi + abs(x1 - x2)', ['ridge (1,0) (sin((1*t + 0)) * pi)', 'ridge (1,-1) abs((1*t + 0))']],
    ['x1*(x2 - 1)^2', ['affine [1,0] + 0', 'ridge (1,2) (1/24)*t^3', 'ridge (1,0) (-1/24)*t^3', 'ridge (1,0) (-1/24)*t^3', 'ridge (1,-2) (1/24)*t^3', 'ridge (1,1) (-1/2)*t^2', 'ridge (1,-1) (1/2)*t^2']],
    ['(x1*x2 + 3)^1 - 3', ['ridge (1,1) (1/4)*t^2', 'ridge (1,-1) (-1/4)*t^2']],
    ['x1^2*x2^0', ['ridge (1,0) 1*t^2']],
  ])('%s', (text, pieces) => {
    expect(shown(text)).toEqual(pieces);
  });
});

describe('products by Taylor substitution', () => {
  it('x1·e^{x2}: one tolerance, e/(6!·2⁶) (degree 5 at 1/2, |x1| ≤ 1) plus the 30-digit roundings', () => {
    const tolerance = toleranceOf(decompose('x1*exp(x2)'));
    expect(tolerance).toHaveLength(1);
    const lagrange = D.exp(1).div(720 * 64);
    expect(tolerance[0]!.gte(lagrange) && tolerance[0]!.lte(lagrange.add('1e-25')), tolerance[0]!.toString()).toBe(true);
  });

  it('x1²·sin(x2): degree 4 at 1/2, remainder sup|cos|/(5!·2⁵) = 1/3840, times sup x1² = 1', () => {
    const tolerance = toleranceOf(decompose('x1^2*sin(x2)'));
    const lagrange = new D(1).div(120 * 32);
    expect(tolerance[0]!.gte(lagrange) && tolerance[0]!.lte(lagrange.add('1e-25')), tolerance[0]!.toString()).toBe(true);
  });

  it('sin(x1)·cos(x2): degree 3 each, telescoped: ρ₁·sup|cos| + ρ₂·(sup|sin| + ρ₁), ρ₁ = sin(1)/384, ρ₂ = 1/384', () => {
    const tolerance = toleranceOf(decompose('sin(x1)*cos(x2)', 2, '0.1'));
    const r1 = D.sin(1).div(384);
    const r2 = new D(1).div(384);
    const telescoped = r1.mul(1).add(r2.mul(D.sin(1).add(r1)));
    expect(tolerance[0]!.gte(telescoped) && tolerance[0]!.lte(telescoped.add('1e-25')), tolerance[0]!.toString()).toBe(true);
  });

  it('the polynomial of the product is exact up to the tolerance: x1·e^{x2} at (1/2, 1/2) ≈ e^{1/2}/2', () => {
    const pieces = decompose('x1*exp(x2)');
    const x = [Rational.of(1, 2), Rational.of(1, 2)];
    let value = Rational.ZERO;
    for (const p of pieces) {
      if (p.kind === 'affine') value = value.add(p.coefficients.reduce((s, c, k) => s.add(c.mul(x[k]!)), p.offset));
      if (p.kind === 'ridge') {
        const t = p.direction.reduce((s, w, k) => s.add(Rational.of(w).mul(x[k]!)), Rational.ZERO);
        const [, c, k] = /^\((-?\d+(?:\/\d+)?)\)\*t\^(\d+)$/.exec(p.g) ?? /^(-?\d+(?:\/\d+)?)\*t\^(\d+)$/.exec(p.g)!;
        const [num, den] = c!.split('/');
        value = value.add(Rational.of(BigInt(num!), BigInt(den ?? '1')).mul(t.pow(Number(k))));
      }
    }
    const exact = D.exp('0.5').div(2);
    const got = new D(value.num.toString()).div(value.den.toString());
    expect(got.sub(exact).abs().lte(toleranceOf(pieces)[0]!)).toBe(true);
    expect(got.sub(exact).abs().lte('1e-20')).toBe(true); // at the expansion point only the roundings remain
  });

  it('a constant factor scales the tolerance: π·x1·e^{x2} carries π·e/46080', () => {
    const tolerance = toleranceOf(decompose('x1*exp(x2)*pi'));
    const expected = D.exp(1).div(46080).mul(D.acos(-1));
    expect(tolerance[0]!.gte(expected) && tolerance[0]!.lte(expected.add('1e-24'))).toBe(true);
  });
});

describe('refusals name the target and the reason', () => {
  it.each([
    ['x1*sin(x1 + x2)', /^cannot construct a network for target "T x1\*sin\(x1 \+ x2\)": the product \(x1 \* sin\(\(x1 \+ x2\)\)\) has factors that are neither polynomials nor functions of one common linear form, and sin\(\(x1 \+ x2\)\) is a function of several variables$/],
    ['x1^6*sin(x2)', /its polynomial part leaves no degree for Taylor polynomials \(cap 6\)$/],
    ['x1^4*x2^3', /its polynomial part leaves no degree for Taylor polynomials \(cap 6\)$/],
    ['x1*sqrt(x2)', /and sqrt\(x2\) has no Taylor series on \[0, 1\] \(sqrt of a series whose value reaches 0\)$/],
    ['x1*sin(9*x2)', /its Taylor substitution at the degree cap 6 errs by up to .*, above the allowance 0\.01$/],
    ['x1/x2', /the quotient \(x1 \/ x2\) divides by an expression of the variables$/],
    ['x1^x2', /the power \(x1 \^ x2\) is neither a polynomial of degree ≤ 6 nor a function of one linear form$/],
    ['x1*x2^7', /the product \(x1 \* \(x2 \^ 7\)\) .*; its Taylor substitution at the degree cap 6 errs by up to 0\.11, above the allowance 0\.01$/],
    ['sin(x1*x2)', /sin\(\(x1 \* x2\)\) is not a function of one linear form of the variables$/],
    ['max(x1, x2, 0)', /max\(x1, x2, 0\) is not a function of one linear form/],
    ['max(x1*x2, 0)', /max\(\(x1 \* x2\), 0\): max\(A, B\) = B ± ReLU\(A − B\) needs A − B affine \(or the whole max a function of one linear form\), and \(\(\(\(x1 \* x2\)\)\) - \(0\)\) is not$/],
  ])('%s', (text, reason) => {
    const run = () => decompose(text);
    expect(run).toThrow(ConstructionRefused);
    expect(run).toThrow(reason);
  });

  it('a refusal carries the target and the reason as fields', () => {
    try {
      decompose('x1/x2');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConstructionRefused);
      const r = e as ConstructionRefused;
      expect(r.name).toBe('ConstructionRefused');
      expect(r.target).toBe('T x1/x2');
      expect(r.reason).toBe('the quotient (x1 / x2) divides by an expression of the variables');
      expect(r.ledgerTotal).toBeUndefined();
    }
  });
});

describe('affine, ridge and polynomial views', () => {
  const d = new RidgeDecomposer(3, 'T');
  const aff = (text: string) => {
    const a = d.affineOf(parseExpression(text));
    return a === undefined ? undefined : `${a.coefficients.join(',')} + ${a.offset.toString()}`;
  };
  it('affineOf reads exact rational linear forms and nothing else', () => {
    expect(aff('x1 - 2*x3/3 + 1/4')).toBe('1,0,-2/3 + 1/4');
    expect(aff('-(x2 - 1)')).toBe('0,-1,0 + 1');
    expect(aff('+(x2*2)')).toBe('0,2,0 + 0');
    expect(aff('(x1 + x2)*3')).toBe('3,3,0 + 0');
    expect(aff('7')).toBe('0,0,0 + 7');
    expect(aff('x1/(1/2)')).toBe('2,0,0 + 0');
    expect(aff('x1*x2')).toBeUndefined();
    expect(aff('x1/x2')).toBeUndefined();
    expect(aff('x1/0')).toBeUndefined();
    expect(aff('2/x1')).toBeUndefined();
    expect(aff('x1^2')).toBeUndefined();
    expect(aff('pi*x1')).toBeUndefined();
    expect(aff('sin(x1)')).toBeUndefined();
    expect(aff('x1 + sqrt(2)')).toBeUndefined();
  });

  it('ridgeOf finds one direction, or a constant, or nothing', () => {
    expect(d.ridgeOf(parseExpression('exp(2*x1 + 4*x3) + (x1 + 2*x3)^2'))).toEqual({ direction: [1n, 0n, 2n], g: '(exp((2*t + 0)) + ((1*t + 0) ^ 2))' });
    expect(d.ridgeOf(parseExpression('sin(-x2 + 1)'))).toEqual({ direction: [0n, 1n, 0n], g: 'sin(((-1)*t + 1))' });
    expect(d.ridgeOf(parseExpression('sin(x1 - x1) + 2'))).toEqual({ constant: '(sin((0)) + 2)' });
    expect(d.ridgeOf(parseExpression('sin(x1) + cos(x2)'))).toBeUndefined();
    expect(d.ridgeOf(parseExpression('sin(x1 + x2) + x1 + x3'))).toBeUndefined();
    expect(d.ridgeOf(parseExpression('sin(x1) + cos(x1 + x2)'))).toBeUndefined();
    expect(d.ridgeOf(parseExpression('sin(x1) + cos(2*x1 + x2 - x2) + (x1 - x1)'))).toEqual({ direction: [1n, 0n, 0n], g: '((sin((1*t + 0)) + cos((2*t + 0))) + (0*t + 0))' });
    expect(d.ridgeOf(parseExpression('pi'))).toBeUndefined();
  });

  it('polynomialOf expands within the degree cap', () => {
    const deg = (text: string) => d.polynomialOf(parseExpression(text))?.degree;
    expect(deg('(x1 + x2)^3*x3^3')).toBe(6);
    expect(deg('(x1 + x2)^7')).toBeUndefined();
    expect(deg('x1^3*x2^4')).toBeUndefined();
    expect(deg('x1^(-1)')).toBeUndefined();
    expect(deg('x1^(1/2)')).toBeUndefined();
    expect(deg('x1^x2')).toBeUndefined();
    expect(deg('x1^0')).toBe(0);
    expect(deg('x1/0')).toBeUndefined();
    expect(deg('x1/x2')).toBeUndefined();
    expect(deg('x1/2 - x2')).toBe(1);
    expect(deg('-x1 + (+x2)*x3')).toBe(2);
    expect(deg('sin(x1)*x2')).toBeUndefined();
    expect(deg('pi*x1')).toBeUndefined();
    expect(deg('3/4')).toBe(0);
    const p = d.polynomialOf(parseExpression('(x1 - x2)^2/2 - 1'))!;
    expect(Object.fromEntries([...p.terms].map(([k, v]) => [k, v.toString()]))).toEqual({ '2,0,0': '1/2', '1,1,0': '-1', '0,2,0': '1/2', '0,0,0': '-1' });
  });
});

describe('helpers', () => {
  it('normalizeDirection: integer, coprime, first non-zero entry positive, with the factor', () => {
    const nd = (cs: Array<[number, number]>) => {
      const { direction, factor } = normalizeDirection(cs.map(([a, b]) => Rational.of(a, b)));
      return `${direction.join(',')} × ${factor.toString()}`;
    };
    expect(nd([[2, 3], [-4, 3]])).toBe('1,-2 × 2/3');
    expect(nd([[-2, 1], [4, 1]])).toBe('1,-2 × -2');
    expect(nd([[0, 1], [-3, 1], [6, 5]])).toBe('0,5,-2 × -3/5');
    expect(nd([[1, 2], [1, 3]])).toBe('3,2 × 1/6');
    expect(() => normalizeDirection([Rational.ZERO, Rational.ZERO])).toThrow(/zero vector/);
  });

  it('rationalText is parseable: integers bare, negatives and fractions in parentheses', () => {
    expect(rationalText(Rational.of(3))).toBe('3');
    expect(rationalText(Rational.of(-3))).toBe('(-3)');
    expect(rationalText(Rational.of(3, 4))).toBe('(3/4)');
    expect(rationalText(Rational.of(-3, 4))).toBe('(-3/4)');
    expect(rationalText(Rational.ZERO)).toBe('0');
  });

  it('render parenthesizes fully; a replacement wins', () => {
    expect(render(parseExpression('-x1 + 2*max(x2, 1)^3'))).toBe('((-x1) + (2 * (max(x2, 1) ^ 3)))');
    expect(render(parseExpression('(x1)'))).toBe('(x1)');
    expect(render(parseExpression('sin(x1) + x2'), (m) => (m.type === 'FunctionNode' ? 'S' : undefined))).toBe('(S + x2)');
  });

  it('additiveTerms flattens sums, differences and signs', () => {
    const terms = additiveTerms(parseExpression('x1 - (x2 - x3) + -x1*2 + +x2 - -(x3)')).map((t) => `${t.sign > 0 ? '+' : '-'}${render(t.node)}`);
    expect(terms).toEqual(['+x1', '-x2', '+x3', '+((-x1) * 2)', '+x2', '+x3']); // mathjs: unary minus binds tighter than *
    expect(additiveTerms(parseExpression('x1*x2'), -1).map((t) => t.sign)).toEqual([-1]);
  });

  it('mentions and substitute work on symbols only', () => {
    const tree = parseExpression('i*x1 + sin(i) - xi');
    expect(mentions(tree, 'i')).toBe(true);
    expect(mentions(tree, 'x2')).toBe(false);
    expect(mentions(tree, 'x')).toBe(false);
    expect(substitute(tree, 'i', 2)).toBe('((((2) * x1) + sin((2))) - xi)');
  });

  it('scalePieces multiplies every kind, exactly when the constant is rational', () => {
    const pieces: Piece[] = [
      { kind: 'constant', text: '2' },
      { kind: 'affine', coefficients: [Rational.ONE, Rational.ZERO], offset: Rational.of(1, 2) },
      { kind: 'affine', coefficients: [Rational.ZERO, Rational.ZERO], offset: Rational.of(3) },
      { kind: 'hinge', coefficients: [Rational.ONE, Rational.of(-1)], offset: Rational.ZERO, scale: Rational.of(2) },
      { kind: 'ridge', direction: [1n, 1n], g: 't^2' },
      { kind: 'tolerance', error: new ExactDecimal('0.001') },
    ];
    expect(scalePieces(pieces, '(-3/2)', 2).map(show)).toEqual([
      'const (-3/2)*(2)',
      'affine [-3/2,0] + -3/4',
      'affine [0,0] + -9/2',
      'hinge -3*relu([1,-1] + 0)',
      'ridge (1,1) (-3/2)*(t^2)',
      'tolerance 0.0015',
    ]);
    const byPi = scalePieces(pieces, '(pi)', 2).map(show);
    expect(byPi.slice(0, 5)).toEqual(['const (pi)*(2)', 'ridge (1,0) (pi)*(1*t + (1/2))', 'const (pi)*(3)', 'ridge (1,-1) (pi)*2*max((1*t + 0), 0)', 'ridge (1,1) (pi)*(t^2)']);
    const scaledTolerance = new D(byPi[5]!.replace('tolerance ', ''));
    const piTimes = D.acos(-1).mul('0.001');
    expect(scaledTolerance.gte(piTimes) && scaledTolerance.lte(piTimes.add('1e-30'))).toBe(true);
  });
});

describe('decompose: cases where a shortcut would change the pieces', () => {
  it.each([
    // two linear forms that are not proportional: two ridges, never one ridge along the first direction
    ['sin(x1 + x2) + sin(x1 + 2*x2)', ['ridge (1,1) sin((1*t + 0))', 'ridge (1,2) sin((1*t + 0))']],
    // literals are read as exact decimals (20 significant digits, more than a double holds)
    ['x1 + 0.12345678901234567891', ['affine [1,0] + 12345678901234567891/100000000000000000000']],
    // the constant term of a polynomial is a piece of its own
    ['x1*x2 + 3', ['const 3', 'ridge (1,1) (1/4)*t^2', 'ridge (1,-1) (-1/4)*t^2']],
    // a power of a non-polynomial is no polynomial: the sum is split instead
    ['sin(x1 + x2)^2 + x1*x2', ['ridge (1,1) (sin((1*t + 0)) ^ 2)', 'ridge (1,1) (1/4)*t^2', 'ridge (1,-1) (-1/4)*t^2']],
    // unary plus changes nothing, in a polynomial and outside one
    ['+(x1*x2)', ['ridge (1,1) (1/4)*t^2', 'ridge (1,-1) (-1/4)*t^2']],
    ['+(sin(x1 + x2) + x1*x2)', ['ridge (1,1) sin((1*t + 0))', 'ridge (1,1) (1/4)*t^2', 'ridge (1,-1) (-1/4)*t^2']],
    // max and min of one argument are that argument
    ['max(sin(x1 + x2) + x1*x2)', ['ridge (1,1) sin((1*t + 0))', 'ridge (1,1) (1/4)*t^2', 'ridge (1,-1) (-1/4)*t^2']],
    ['min(sin(x1 + x2) + x1*x2)', ['ridge (1,1) sin((1*t + 0))', 'ridge (1,1) (1/4)*t^2', 'ridge (1,-1) (-1/4)*t^2']],
  ])('%s', (text, pieces) => {
    expect(shown(text)).toEqual(pieces);
  });

  it('additiveTerms: a unary minus flips the sign of every term inside', () => {
    expect(additiveTerms(parseExpression('-(x1 - x2)')).map((t) => `${t.sign > 0 ? '+' : '-'}${render(t.node)}`)).toEqual(['-x1', '+x2']);
  });
});

describe('products by Taylor substitution: degrees, factor order, telescoping', () => {
  const powers = (pieces: Piece[]) => pieces.flatMap((p) => (p.kind === 'ridge' ? [Number(/\^(\d+)$/.exec(p.g)![1])] : []));

  it('x1⁵·sin(x2): one degree left, so sin is replaced by its Taylor polynomial of degree 1 (product degree 6, not 7)', () => {
    const pieces = decompose('x1^5*sin(x2)', 2, '1');
    expect(Math.max(...powers(pieces))).toBe(6);
    expect(toleranceOf(pieces)).toHaveLength(1);
  });

  it('x1·sin(x1)·cos(x2): five degrees left for two factors, 3 for the first and 2 for the second (product degree 6)', () => {
    expect(Math.max(...powers(decompose('x1*sin(x1)*cos(x2)', 2, '1')))).toBe(6);
  });

  it('a factor in parentheses is flattened: x1·(x2·sin(x1)) is decomposed like x1·x2·sin(x1)', () => {
    expect(shown('x1*(x2*sin(x1))')).toEqual(decompose('x1*x2*sin(x1)', 2, '0.01').map(show));
  });

  it('a power of a non-polynomial factor is a smooth factor: sin(x1)²·x2 is decomposed with a tolerance', () => {
    expect(toleranceOf(decompose('sin(x1)^2*x2', 2, '1'))).toHaveLength(1);
  });

  it('the tolerance does not depend on the order of the factors: sin(x1)·x2 and x2·sin(x1) (sup|x2| = 1, not sup|sin x1|)', () => {
    const a = toleranceOf(decompose('sin(x1)*x2', 2, '1'));
    const b = toleranceOf(decompose('x2*sin(x1)', 2, '1'));
    expect(a.map(String)).toEqual(b.map(String));
    // degree 5 at 1/2: sup|sin⁽⁶⁾|/(6!·2⁶) = sin(1)/46080, times sup|x2| = 1, plus the 30-digit roundings
    const lagrange = D.sin(1).div(46080);
    expect(a[0]!.gte(lagrange) && a[0]!.lte(lagrange.add('1e-25')), a[0]!.toString()).toBe(true);
  });

  it('cos(x1)·sin(x2): telescoped ρ₁·sup|sin| + ρ₂·(sup|cos| + ρ₁), ρ₁ = 1/384 (cos), ρ₂ = sin(1)/384', () => {
    const tolerance = toleranceOf(decompose('cos(x1)*sin(x2)', 2, '0.1'));
    const r1 = new D(1).div(384);
    const r2 = D.sin(1).div(384);
    const telescoped = r1.mul(D.sin(1)).add(r2.mul(new D(1).add(r1)));
    expect(tolerance[0]!.gte(telescoped) && tolerance[0]!.lte(telescoped.add('1e-25')), tolerance[0]!.toString()).toBe(true);
  });
});
