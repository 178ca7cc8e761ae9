/**
 * Theorem targets: the formula each library family hands to the construction (token-wise,
 * broadcast or indexed), the certified values each target evaluates to, the moduli, and the
 * refusals (tokens out of range, a domain not containing [0, 1], a family without a formula).
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { ConstructionRefused } from './ridge-decomposition.ts';
import { expressionTheoremTarget, libraryTheoremTarget, MAX_TOKENS } from './theorem-target.ts';

const A = arithAt(30);
const D = Decimal.clone({ precision: 50 });
const X = ['0.2', '0.6', '0.4'];
const at = (t: ReturnType<typeof libraryTheoremTarget>, i: number) => t.evaluate(X.map((x) => A.point(x)), i, A);

function expectValue(x: { lo: Decimal; hi: Decimal }, v: Decimal.Value): void {
  expect(x.lo.lte(v) && x.hi.gte(v) && x.hi.sub(x.lo).lte('1e-25'), `[${x.lo.toString()}, ${x.hi.toString()}] ∌ ${new D(v).toString()}`).toBe(true);
}

describe('library targets as sequence maps', () => {
  it.each([
    [{ family: 'sin', k: '2' }, 'library:sin(2*x) token-wise', ['sin(2*x1)', 'sin(2*x2)', 'sin(2*x3)'], [D.sin('0.4'), D.sin('1.2'), D.sin('0.8')]],
    [{ family: 'abs-shift', c: '0.5' }, 'library:abs(x-(0.5)) token-wise', ['abs(x1 - (0.5))', 'abs(x2 - (0.5))', 'abs(x3 - (0.5))'], ['0.3', '0.1', '0.1']],
    [{ family: 'sqrt-abs', c: '0.25' }, 'library:sqrt(abs(x-(0.25))) token-wise', ['sqrt(abs(x1 - (0.25)))', 'sqrt(abs(x2 - (0.25)))', 'sqrt(abs(x3 - (0.25)))'], [D.sqrt('0.05'), D.sqrt('0.35'), D.sqrt('0.15')]],
    [{ family: 'abs-power', c: '0.5', alpha: '0.5' }, 'library:abs(x-(0.5))^0.5 token-wise', ['abs(x1 - (0.5))^(0.5)', 'abs(x2 - (0.5))^(0.5)', 'abs(x3 - (0.5))^(0.5)'], [D.sqrt('0.3'), D.sqrt('0.1'), D.sqrt('0.1')]],
    [{ family: 'polynomial', coefficients: ['1', '-2', '3'], lo: '0', hi: '1' }, 'library:poly(1*x^0 + -2*x^1 + 3*x^2) token-wise', ['(1)*x1^0 + (-2)*x1^1 + (3)*x1^2', '(1)*x2^0 + (-2)*x2^1 + (3)*x2^2', '(1)*x3^0 + (-2)*x3^1 + (3)*x3^2'], ['0.72', '0.88', '0.68']],
    [{ family: 'exp', k: '-1', lo: '0', hi: '1' }, undefined, ['exp(-1*x1)', 'exp(-1*x2)', 'exp(-1*x3)'], [D.exp('-0.2'), D.exp('-0.6'), D.exp('-0.4')]],
    [{ family: 'max-coordinate' }, 'library:max(x1,x2,x3)', ['max(x1, x2, x3)', 'max(x1, x2, x3)', 'max(x1, x2, x3)'], ['0.6', '0.6', '0.6']],
    [{ family: 'coordinate-sum' }, 'library:x1+x2+x3', ['x1 + x2 + x3', 'x1 + x2 + x3', 'x1 + x2 + x3'], ['1.2', '1.2', '1.2']],
    [{ family: 'product', lo: '0', hi: '1' }, undefined, ['x1*x2*x3', 'x1*x2*x3', 'x1*x2*x3'], ['0.048', '0.048', '0.048']],
    [{ family: 'sin-of-sum', k: '3' }, 'library:sin(3*(x1+x2+x3))', ['sin(3*(x1 + x2 + x3))', 'sin(3*(x1 + x2 + x3))', 'sin(3*(x1 + x2 + x3))'], [D.sin('3.6'), D.sin('3.6'), D.sin('3.6')]],
    [{ family: 'distance-inf', c: '0.5' }, 'library:dist_inf(x1,x2,x3;0.5)', Array(3).fill('max(abs(x1 - (0.5)), abs(x2 - (0.5)), abs(x3 - (0.5)))'), ['0.3', '0.3', '0.3']],
    [{ family: 'sqrt-max-abs' }, 'library:sqrt(max_abs(x1,x2,x3))', Array(3).fill('sqrt(max(abs(x1), abs(x2), abs(x3)))'), [D.sqrt('0.6'), D.sqrt('0.6'), D.sqrt('0.6')]],
    [{ family: 'select-first' }, 'library:select-first', ['x1', 'x1', 'x1'], ['0.2', '0.2', '0.2']],
    [{ family: 'select-own' }, 'library:select-own', ['x1', 'x2', 'x3'], ['0.2', '0.6', '0.4']],
    [{ family: 'prefix-max' }, 'library:prefix-max', ['x1', 'max(x1, x2)', 'max(x1, x2, x3)'], ['0.2', '0.6', '0.6']],
  ] as const)('%j', (spec, id, texts, values) => {
    const t = libraryTheoremTarget(spec, 3);
    if (id !== undefined) expect(t.id).toBe(id);
    expect(t.tokens).toBe(3);
    expect([1, 2, 3].map((q) => t.textAt(q))).toEqual(texts);
    values.forEach((v, k) => expectValue(at(t, k + 1), v));
  });

  it('moduli come from the library (Lipschitz or Hölder)', () => {
    const sin = libraryTheoremTarget({ family: 'sin', k: '-3' }, 2).modulus;
    expect(sin.kind === 'lipschitz' && sin.L.toString()).toBe('3');
    const sq = libraryTheoremTarget({ family: 'sqrt-abs', c: '0' }, 2).modulus;
    expect(sq.kind === 'holder' && [sq.C.toString(), sq.alpha.toString()]).toEqual(['1', '0.5']);
  });

  it('refuses a domain that does not contain [0, 1], and a family without a formula', () => {
    for (const [lo, hi] of [['-1', '0.5'], ['0.5', '2']]) {
      expect(() => libraryTheoremTarget({ family: 'polynomial', coefficients: ['1'], lo, hi }, 2)).toThrow(`its domain [${lo}, ${hi}] does not contain the token range [0, 1]`);
    }
    expect(libraryTheoremTarget({ family: 'polynomial', coefficients: ['1'], lo: '0', hi: '1' }, 2).id).toBe('library:poly(1*x^0) token-wise');
    expect(libraryTheoremTarget({ family: 'product', lo: '-1', hi: '1' }, 2).textAt(1)).toBe('x1*x2');
    const pl = libraryTheoremTarget({ family: 'piecewise-linear', knots: ['0', '1'], values: ['0', '1'] }, 2);
    expect(() => pl.textAt(1)).toThrow(ConstructionRefused);
    expect(() => pl.textAt(1)).toThrow('cannot construct a network for target "library:piecewise-linear(2 knots) token-wise": the library family piecewise-linear has no formula the ridge construction can decompose');
    expectValue(pl.evaluate([A.point('0.25'), A.point('0.5')], 2, A), '0.5');
  });

  it('reads a spec as the library does, naming the argument', () => {
    expect(() => libraryTheoremTarget({ family: 'nope' }, 2)).toThrow(/argument target\.family must be one of/);
    expect(() => libraryTheoremTarget(null, 2)).toThrow(/argument target must be an object/);
    expect(() => libraryTheoremTarget({ family: 'sin' }, 2)).toThrow('argument target.k is required for family sin, got nothing');
    expect(() => libraryTheoremTarget({ family: 7 }, 2)).toThrow(ArgumentError);
  });
});

describe('expression targets', () => {
  it('substitutes the index i per position and evaluates with it', () => {
    const t = expressionTheoremTarget('x1*i + x2/i', 2, new ExactDecimal(3));
    expect([t.id, t.tokens, t.textAt(1), t.textAt(2)]).toEqual(['x1*i + x2/i', 2, '((x1 * (1)) + (x2 / (1)))', '((x1 * (2)) + (x2 / (2)))']);
    expect(t.modulus.kind === 'lipschitz' && t.modulus.L.toString()).toBe('3');
    expectValue(t.evaluate([A.point('0.5'), A.point('0.25')], 2, A), '1.125');
    expectValue(t.evaluate([A.point('0.5'), A.point('0.25')], 1, A), '0.75');
  });

  it.each([1, 0, MAX_TOKENS + 1, 2.5])('refuses %s tokens, naming tokens', (n) => {
    expect(() => expressionTheoremTarget('x1', n, new ExactDecimal(1))).toThrow(`argument tokens must be an integer in [2, ${MAX_TOKENS}], got ${n}`);
    expect(() => libraryTheoremTarget({ family: 'select-first' }, n)).toThrow(`argument tokens must be an integer in [2, ${MAX_TOKENS}]`);
  });

  it('accepts 2 and MAX_TOKENS = 8 tokens', () => {
    expect(MAX_TOKENS).toBe(8);
    expect(expressionTheoremTarget('x8', 8, new ExactDecimal(1)).textAt(8)).toBe('x8');
    expect(libraryTheoremTarget({ family: 'select-own' }, 2).textAt(2)).toBe('x2');
  });

  it('names the target argument in expression errors, and refuses a negative Lipschitz constant', () => {
    expect(() => expressionTheoremTarget('x1 + x3', 2, new ExactDecimal(1))).toThrow(/argument target contains the unknown symbol "x3"/);
    expect(() => expressionTheoremTarget('x1', 2, new ExactDecimal(-1))).toThrow('argument lipschitz must be ≥ 0, got "-1"');
  });
});
