/**
 * User expression targets: the whitelist (every rejected construct names the argument and the piece),
 * exact constants, certified evaluation, exact rational evaluation, and domain errors.
 */
import { describe, expect, it } from 'vitest';
import { arithAt, ArithmeticDomainError } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { bracketDepth, compileExpression, expressionTarget, MAX_BRACKET_DEPTH, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES, readTarget } from './expression.ts';
import { lipschitzModulus } from './modulus.ts';
import { ExactDecimal } from '../arith/context.ts';

const A = arithAt(40);
const at = (text: string, values: string[], names = ['x']) =>
  compileExpression(text, names).interval(
    values.map((v) => A.point(v)),
    A,
  );

function rejection(text: string, names = ['x']): ArgumentError {
  try {
    compileExpression(text, names);
  } catch (e) {
    if (e instanceof ArgumentError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe('compileExpression', () => {
  it.each([
    ['constructor.constructor("return process")()', 'does not parse'],
    ['x.constructor', 'AccessorNode'],
    ['x = 3', 'AssignmentNode'],
    ['f(x) = x', 'FunctionAssignmentNode'],
    ['"abc"', 'constant'],
    ['[1, 2]', 'ArrayNode'],
    ['{a: 1}', 'ObjectNode'],
    ['x ? 1 : 2', 'ConditionalNode'],
    ['x!', 'operator'],
    ["x'", 'operator'],
    ['x mod 2', 'operator'],
    ['2 .* x', 'operator'],
    ['x == 1', 'operator'],
    ['50%', 'operator'],
    ['tan(x)', 'function call'],
    ['evaluate("1")', 'function call'],
    ['import(x)', 'function call'],
    ['y + 1', 'unknown symbol'],
    ['Infinity', 'constant'],
    ['NaN', 'constant'],
    ['log(x, 2)', 'wrong number of arguments'],
    ['x; x', 'BlockNode'],
    ['true', 'constant'],
    ['x[1]', 'AccessorNode'],
  ])('rejects %s naming f and the piece', (text, piece) => {
    const e = rejection(text);
    expect(e.argument).toBe('f');
    expect(e.message).toContain(piece);
  });

  it('caps the length and the node count', () => {
    expect(rejection('x+'.repeat(MAX_EXPRESSION_LENGTH / 2) + 'x').message).toContain('characters');
    const group = `(${Array.from({ length: 50 }, () => 'x').join('+')})`;
    expect(rejection(Array.from({ length: 45 }, () => group).join('+')).message).toContain('nodes');
    expect(rejection(Array.from({ length: 1500 }, () => 'x').join('+')).message).toContain('levels');
  });

  it('reads constants exactly from their text', () => {
    const v = at('0.1 + 0.2', []);
    expect(v.isPoint).toBe(true);
    expect(v.lo.toString()).toBe('0.3');
    expect(at('1e-400 * 1e400', []).lo.toString()).toBe('1');
  });

  it('encloses transcendental values', () => {
    const v = at('sin(x)^2 + cos(x)^2', ['0.7']);
    expect(v.contains(1)).toBe(true);
    expect(v.hi.minus(v.lo).lt('1e-35')).toBe(true);
    const w = at('exp(log(x)) - x', ['3.25']);
    expect(w.contains(0)).toBe(true);
    const pi = at('pi', []);
    expect(pi.lo.lt('3.14159265358979323846264338327950288420') && pi.hi.gt('3.14159265358979323846264338327950288419')).toBe(true);
    const e = at('e', []);
    expect(e.lo.lt('2.71828182845904523536028747135266249776') && e.hi.gt('2.71828182845904523536028747135266249775')).toBe(true);
    expect(at('max(x1, x2, -x1) - min(x1, 2)', ['-3', '1'], ['x1', 'x2']).lo.toString()).toBe('6');
    const square = at('-x^2', ['3']);
    expect(square.contains(-9) && square.hi.minus(square.lo).lt('1e-35')).toBe(true);
    expect(at('2x', ['3']).lo.toString()).toBe('6');
  });

  it('throws ArithmeticDomainError outside the domain', () => {
    expect(() => at('log(x)', ['0'])).toThrow(ArithmeticDomainError);
    expect(() => at('sqrt(x)', ['-1'])).toThrow(ArithmeticDomainError);
    expect(() => at('1/(x - 0.5)', ['0.5'])).toThrow(ArithmeticDomainError);
    expect(() => at('x^(-1)', ['0'])).toThrow(ArithmeticDomainError);
    expect(() => at('x^0.5', ['-2'])).toThrow(ArithmeticDomainError);
  });

  it('evaluates rational-closed formulas exactly', () => {
    const c = compileExpression('abs(x/3 - 1/7)^2 + max(x, 1/2)', ['x']);
    expect(c.rational([Rational.of(1, 5)])?.toString()).toBe(Rational.of(1, 5).div(Rational.of(3)).sub(Rational.of(1, 7)).pow(2).add(Rational.of(1, 2)).toString());
    expect(compileExpression('sin(x)', ['x']).rational([Rational.ZERO])).toBeUndefined();
    expect(compileExpression('1/x', ['x']).rational([Rational.ZERO])).toBeUndefined();
  });

  it('rejects bad variable names', () => {
    expect(() => compileExpression('x', ['pi'])).toThrow(ArgumentError);
    expect(() => compileExpression('x', ['x', 'x'])).toThrow(ArgumentError);
  });

  it('caps bracket nesting before parsing, below the depth at which the parser overflows its stack', () => {
    expect(bracketDepth('(x + [1, {2}]) * (x)')).toBe(3);
    expect(bracketDepth('x)(')).toBe(1);
    expect(MAX_BRACKET_DEPTH).toBeLessThan(MAX_EXPRESSION_DEPTH);
    const nested = (open: string, close: string, n: number): string => `${open.repeat(n)}x${close.repeat(n)}`;
    // at the cap: parsed and evaluated
    for (const [open, close] of [['(', ')'], ['abs(', ')'], ['(-', ')'], ['(x^', ')']] as const) {
      expect(() => compileExpression(nested(open, close, MAX_BRACKET_DEPTH), ['x'])).not.toThrow();
    }
    // beyond it, and far beyond (where mathjs's parser would overflow): the cap, naming f
    for (const n of [MAX_BRACKET_DEPTH + 1, 300, 1000]) {
      for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}'], ['sin(', ')']] as const) {
        let caught: unknown;
        try {
          compileExpression(nested(open, close, n), ['x']);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(ArgumentError);
        expect((caught as ArgumentError).message).toMatch(new RegExp(`^argument f must nest brackets at most ${MAX_BRACKET_DEPTH} levels deep \\(the nesting depth is ${n}\\)`));
      }
    }
  });

  it('answers a parser stack overflow on other deep chains with the depth cap', () => {
    // `----…x` is one node per level: the depth cap, whether the parser overflows its stack or not
    // `x^x^…^x` is two nodes per level: the depth cap when the parser overflows (Node 20's default
    // stack), else the node cap, reached first in the tree (a larger stack, as under Stryker's runner)
    for (const [text, answer] of [
      [`${'-'.repeat(9999)}x`, new RegExp(`^argument f must nest at most ${MAX_EXPRESSION_DEPTH} levels`)],
      [`x${'^x'.repeat(4999)}`, new RegExp(`^argument f must (nest at most ${MAX_EXPRESSION_DEPTH} levels|have at most ${MAX_EXPRESSION_NODES} nodes)`)],
    ] as const) {
      expect(() => compileExpression(text, ['x'])).toThrow(ArgumentError);
      expect(() => compileExpression(text, ['x'])).toThrow(answer);
      expect(() => compileExpression(text, ['x'])).not.toThrow(/call stack/);
    }
  });
});

describe('expressionTarget and readTarget', () => {
  it('passes the token index as the last value', () => {
    const t = expressionTarget('x1 + i*x2', { variables: ['x1', 'x2'], index: 'i', modulus: lipschitzModulus(new ExactDecimal(3)) });
    expect(t.evaluate([A.point(1), A.point(2)], A, 3).lo.toString()).toBe('7');
    expect(t.evaluateRational?.([Rational.of(1), Rational.of(2)], 3)?.toString()).toBe('7');
    expect(() => t.evaluate([A.point(1), A.point(2)], A)).toThrow(ArgumentError);
  });

  it('reads an expression with its modulus, or a library spec', () => {
    const t = readTarget({ f: 'sin(3*x)', lipschitz: '3' }, { variables: ['x'] });
    expect(t.modulus).toEqual({ kind: 'lipschitz', L: new ExactDecimal(3) });
    const h = readTarget({ f: 'sqrt(abs(x))', holder: { C: '1', alpha: '0.5' } }, { variables: ['x'] });
    expect(h.modulus.kind).toBe('holder');
    const lib = readTarget({ target: { family: 'sin', k: '2' } }, { variables: ['x'] });
    expect(lib.modulus).toEqual({ kind: 'lipschitz', L: new ExactDecimal(2) });
    expect(() => readTarget({ f: 'x' }, { variables: ['x'] })).toThrow(/lipschitz/);
    expect(() => readTarget({ f: 'x', lipschitz: '-1' }, { variables: ['x'] })).toThrow(ArgumentError);
    expect(() => readTarget({ f: 'x', holder: { C: '1', alpha: '1.5' } }, { variables: ['x'] })).toThrow(/alpha/);
    expect(() => readTarget({ f: 'x', target: { family: 'sin', k: '1' }, lipschitz: '1' }, { variables: ['x'] })).toThrow(ArgumentError);
    expect(() => readTarget({ target: { family: 'select-own' } }, { variables: ['x1', 'x2'] })).toThrow(/indexed/);
  });
});
