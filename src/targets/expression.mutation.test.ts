/**
 * User expressions, exact values and exact messages: every operator and function in intervals and in
 * rationals, the rational guards (exponent range, `0^k` for `k ≤ 0`, size cap), the domain and
 * overflow errors, the whitelist's messages (naming `f` or the caller's argument, the piece and what
 * is allowed), variable names, argument counts, and the expression target built on top.
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt, ArithmeticDomainError, type Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { ArgumentError } from '../verdict/errors.ts';
import {
  ALLOWED_CONSTANTS,
  ALLOWED_FUNCTIONS,
  bracketDepth,
  compileExpression,
  expressionTarget,
  MAX_EXPRESSION_DEPTH,
  readExpressionTarget,
  readTarget,
} from './expression.ts';
import { lipschitzModulus } from './modulus.ts';

const A = arithAt(30);
const q = (n: number | bigint, d: number | bigint = 1): Rational => Rational.of(n, d);

/** The enclosure at point values, as text. */
function iv(text: string, values: Array<string | number>, names = ['x', 'y']): string {
  return compileExpression(text, names.slice(0, Math.max(values.length, 1)))
    .interval(
      values.map((v) => A.point(v)),
      A,
    )
    .toString();
}

function ivAt(text: string, values: Interval[], names = ['x', 'y']): Interval {
  return compileExpression(text, names.slice(0, Math.max(values.length, 1))).interval(values, A);
}

/** The exact value, as text (`undefined` when not rational). */
function exact(text: string, values: Rational[], names = ['x', 'y']): string | undefined {
  return compileExpression(text, names.slice(0, Math.max(values.length, 1)))
    .rational(values)
    ?.toString();
}

function tight(e: Interval, v: string | number): boolean {
  return e.lo.lte(v) && e.hi.gte(v) && e.hi.minus(e.lo).lt('1e-25');
}

function rejection(f: () => unknown): ArgumentError {
  try {
    f();
  } catch (e) {
    if (e instanceof ArgumentError) return e;
    throw e;
  }
  throw new Error('expected an ArgumentError');
}

function domainError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ArithmeticDomainError) return e.message;
    throw e;
  }
  throw new Error('expected an ArithmeticDomainError');
}

const ALLOWED = 'allowed: decimal numbers, x, pi, e, + - * / ^, sin cos exp log sqrt abs max min';

describe('the whitelist', () => {
  it('lists the allowed functions with their argument counts and the constants', () => {
    expect(Object.entries(ALLOWED_FUNCTIONS).map(([name, { min, max }]) => `${name}:${min}-${max}`)).toEqual([
      'sin:1-1',
      'cos:1-1',
      'exp:1-1',
      'log:1-1',
      'sqrt:1-1',
      'abs:1-1',
      'max:1-64',
      'min:1-64',
    ]);
    expect(ALLOWED_CONSTANTS).toEqual(['pi', 'e']);
  });

  it('names f, the piece and what is allowed', () => {
    expect(rejection(() => compileExpression('y + 1', ['x'])).message).toBe(`argument f contains the unknown symbol "y", which is not allowed (${ALLOWED}), got "y + 1"`);
    expect(rejection(() => compileExpression('tan(x)', ['x'])).message).toBe(`argument f contains the function call "tan(x)", which is not allowed (${ALLOWED}), got "tan(x)"`);
    expect(rejection(() => compileExpression('x mod 2', ['x'])).message).toBe(`argument f contains the operator "x mod 2", which is not allowed (${ALLOWED}), got "x mod 2"`);
    expect(rejection(() => compileExpression('x.a', ['x'])).message).toBe(`argument f contains a AccessorNode "x.a", which is not allowed (${ALLOWED}), got "x.a"`);
    expect(rejection(() => compileExpression('"s"', ['x'])).message).toBe(`argument f contains the constant "\\"s\\"", which is not allowed (${ALLOWED}), got "\\"s\\""`);
  });

  it('names the caller argument instead of f when given', () => {
    const e = rejection(() => compileExpression('z', ['x'], 'g'));
    expect([e.argument, e.value]).toEqual(['g', 'z']);
    expect(rejection(() => compileExpression('(', ['x'], 'g')).message).toMatch(/^argument g does not parse as an expression: /);
    expect(rejection(() => compileExpression('', ['x'], 'g')).message).toBe('argument g must be a non-empty string, got ""');
    expect(rejection(() => compileExpression(`${'('.repeat(101)}x${')'.repeat(101)}`, ['x'], 'g')).argument).toBe('g');
    expect(rejection(() => compileExpression(`${'-'.repeat(1001)}x`, ['x'], 'g')).message).toMatch(new RegExp(`^argument g must nest at most ${MAX_EXPRESSION_DEPTH} levels`));
    expect(rejection(() => compileExpression(Array.from({ length: 1100 }, () => '1').join('+'), [], 'g')).message).toMatch(/^argument g must (have at most 2000 nodes|nest at most)/);
  });

  it('accepts exactly MAX_EXPRESSION_NODES nodes and no more', () => {
    // 23 bracketed sums of 43 x's: 23·(43 + 42 + 1) nodes + 22 joining +: 23·87 − 1 = 2000
    const group = `(${Array.from({ length: 43 }, () => 'x').join('+')})`;
    const groups = Array.from({ length: 23 }, () => group);
    expect(() => compileExpression(groups.join('+'), ['x'])).not.toThrow();
    // one unary minus more: 2001
    expect(rejection(() => compileExpression(['-' + group, ...groups.slice(1)].join('+'), ['x'])).problem).toBe('must have at most 2000 nodes');
  });

  it('shortens a long piece to 57 characters and an ellipsis', () => {
    const name = `v${'a'.repeat(69)}`;
    expect(rejection(() => compileExpression(name, ['x'])).problem).toBe(`contains the unknown symbol "${name.slice(0, 57)}...", which is not allowed (${ALLOWED})`);
    const sixty = `v${'b'.repeat(59)}`;
    expect(rejection(() => compileExpression(sixty, ['x'])).problem).toContain(`"${sixty}"`);
  });

  it('rejects names inherited from Object.prototype as functions', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__']) {
      expect(rejection(() => compileExpression(`${name}(x)`, ['x'])).problem).toMatch(/^contains the function call /);
    }
    expect(rejection(() => compileExpression('x.y(1)', ['x'])).problem).toMatch(/^contains the function call "x.y\(1\)"/);
    // an allowed name reached through a property is still not a call by name
    expect(rejection(() => compileExpression('x.sin(x)', ['x'])).problem).toMatch(/^contains the function call "x.sin\(x\)"/);
  });

  it('rejects a wrong number of arguments for every function', () => {
    for (const text of ['sin(x, x)', 'cos(x, 1)', 'exp(x, 1)', 'log(x, 2)', 'sqrt(x, 1)', 'abs(x, 1)', 'max()', 'min()', `max(${Array.from({ length: 65 }, () => 'x').join(',')})`]) {
      expect(rejection(() => compileExpression(text, ['x'])).problem, text).toMatch(/^contains a wrong number of arguments \(\d+\) in /);
    }
    expect(rejection(() => compileExpression('sin(x, x)', ['x'])).problem).toBe(`contains a wrong number of arguments (2) in "sin(x, x)", which is not allowed (${ALLOWED})`);
    expect(iv(`max(${Array.from({ length: 64 }, (_, i) => String(i)).join(',')})`, [])).toBe('[63, 63]');
  });

  it('rejects non-decimal constants: null, undefined, booleans, strings', () => {
    for (const text of ['null', 'undefined', 'true', 'false', '"1"']) {
      expect(rejection(() => compileExpression(text, ['x'])).problem, text).toMatch(/^contains the constant /);
    }
  });

  it('counts a bracket level as a tree level: depth beyond the cap through mixed nesting', () => {
    // 100 × "-(" is 200 levels, plus 850 unary minus: 1050 > 1000
    const deep = `${'-('.repeat(100)}${'-'.repeat(850)}x${')'.repeat(100)}`;
    expect(rejection(() => compileExpression(deep, ['x'])).message).toMatch(new RegExp(`^argument f must nest at most ${MAX_EXPRESSION_DEPTH} levels`));
    // 100 × "abs(-" (two levels each) plus 850 unary minus: the function arguments count too
    const calls = `${'abs(-'.repeat(100)}${'-'.repeat(850)}x${')'.repeat(100)}`;
    expect(rejection(() => compileExpression(calls, ['x'])).message).toMatch(new RegExp(`^argument f must nest at most ${MAX_EXPRESSION_DEPTH} levels`));
    // 100 × "(x+" plus 850 unary minus: so do the operands of a binary operator
    const sums = `${'(x+'.repeat(100)}${'-'.repeat(850)}x${')'.repeat(100)}`;
    expect(rejection(() => compileExpression(sums, ['x'])).message).toMatch(new RegExp(`^argument f must nest at most ${MAX_EXPRESSION_DEPTH} levels`));
  });
});

describe('variable names', () => {
  it('accepts letters, then letters, digits and underscores', () => {
    for (const names of [['x'], ['X'], ['x1', 'x_2'], ['alpha', 'Beta9']]) {
      expect(() => compileExpression(names[0]!, names)).not.toThrow();
    }
  });

  it('rejects other names, the constants, the functions and duplicates, naming the bad one', () => {
    for (const bad of ['1x', '_x', 'x-1', 'x y', '', 'pi', 'e', 'sin', 'max', 'toString']) {
      const e = rejection(() => compileExpression('1', ['x', bad]));
      expect(e.argument).toBe('variables');
      expect(e.problem).toBe(`must be distinct names like x or x1 other than pi, e, sin, cos, exp, log, sqrt, abs, max, min (bad name ${JSON.stringify(bad)})`);
    }
    expect(rejection(() => compileExpression('1', ['x', 'y', 'x'])).problem).toContain('(bad name "x")');
  });
});

describe('evaluation in intervals', () => {
  it('evaluates every operator', () => {
    expect([iv('x + y', [5, 3]), iv('x - y', [5, 3]), iv('x * y', [5, 3]), iv('x / y', [6, 3])]).toEqual(['[8, 8]', '[2, 2]', '[15, 15]', '[2, 2]']);
    expect(tight(ivAt('x ^ y', [A.point(2), A.point(3)]), 8)).toBe(true);
    expect([iv('-x', [5]), iv('+x', [5]), iv('--x', [5]), iv('x - -y', [5, 3])]).toEqual(['[-5, -5]', '[5, 5]', '[5, 5]', '[8, 8]']);
  });

  it('evaluates every function', () => {
    expect(tight(ivAt('sin(x)', [A.point('0.5')]), '0.479425538604203000273287935215571')).toBe(true);
    expect(tight(ivAt('cos(x)', [A.point('0.5')]), '0.877582561890372716116281582603829')).toBe(true);
    expect(tight(ivAt('exp(x)', [A.point('0.5')]), '1.648721270700128146848650787814163')).toBe(true);
    expect(tight(ivAt('log(x)', [A.point('0.5')]), '-0.693147180559945309417232121458177')).toBe(true);
    expect(tight(ivAt('sqrt(x)', [A.point('0.5')]), '0.707106781186547524400844362104849')).toBe(true);
    expect([iv('abs(x)', [-5]), iv('max(x, y, 4)', [-5, 3]), iv('min(x, y, 4)', [5, 3]), iv('max(x)', [-2]), iv('min(x, -y)', [5, 3])]).toEqual(['[5, 5]', '[4, 4]', '[3, 3]', '[-2, -2]', '[-3, -3]']);
  });

  it('evaluates over boxes', () => {
    expect(ivAt('max(x, y)', [A.between(0, 2), A.between(1, 3)]).toString()).toBe('[1, 3]');
    expect(ivAt('min(x, y)', [A.between(0, 2), A.between(1, 3)]).toString()).toBe('[0, 2]');
    expect(ivAt('x^y', [A.point(2), A.point(-2)]).toString()).not.toBe('[4, 4]');
    expect(tight(ivAt('x^y', [A.point(2), A.point(-2)]), '0.25')).toBe(true);
    expect(ivAt('x^2', [A.point(0)]).toString()).toBe('[0, 0]');
    expect(ivAt('x^0', [A.point(0)]).toString()).toBe('[1, 1]');
    expect(tight(ivAt('x^(-0.5)', [A.point(4)]), '0.5')).toBe(true);
    expect(ivAt('1/x', [A.between(2, 4)]).toString()).toBe('[0.25, 0.5]');
    expect(ivAt('1/x', [A.between(-4, -2)]).toString()).toBe('[-0.5, -0.25]');
  });

  it('reads pi and e as constants', () => {
    expect(tight(ivAt('pi', []), '3.14159265358979323846264338327950')).toBe(true);
    expect(tight(ivAt('e', []), '2.71828182845904523536028747135266')).toBe(true);
  });

  it('throws ArithmeticDomainError naming the operation outside the domain', () => {
    expect(domainError(() => ivAt('log(x)', [A.point(0)]))).toBe('log (the argument enclosure reaches 0 or below) is undefined on [0, 0]');
    expect(domainError(() => ivAt('log(x)', [A.between(0, 1)]))).toBe('log (the argument enclosure reaches 0 or below) is undefined on [0, 1]');
    expect(domainError(() => ivAt('1/x', [A.between(0, 1)]))).toBe('division (the divisor enclosure contains 0) is undefined on [0, 1]');
    expect(domainError(() => ivAt('1/x', [A.between(-1, 0)]))).toBe('division (the divisor enclosure contains 0) is undefined on [-1, 0]');
    expect(domainError(() => ivAt('x^(-1)', [A.point(0)]))).toBe('division (the divisor enclosure contains 0) is undefined on [0, 0]');
  });

  it('turns an overflow to ±∞ into ArithmeticDomainError naming the operation', () => {
    const huge = A.point('9e9000000000000000');
    expect(domainError(() => ivAt('x + y', [huge, huge]))).toBe('+ (overflow) is undefined on [Infinity, Infinity]');
    expect(domainError(() => ivAt('x - y', [huge, A.neg(huge)]))).toBe('- (overflow) is undefined on [Infinity, Infinity]');
    expect(domainError(() => ivAt('x * y', [huge, huge]))).toBe('* (overflow) is undefined on [Infinity, Infinity]');
    expect(domainError(() => ivAt('x / y', [huge, A.point('1e-9000000000000000')]))).toBe('/ (overflow) is undefined on [Infinity, Infinity]');
    expect(domainError(() => ivAt('x ^ y', [huge, A.point(2)]))).toBe('^ (overflow) is undefined on [Infinity, Infinity]');
    expect(domainError(() => ivAt('x - y', [A.neg(huge), huge]))).toBe('- (overflow) is undefined on [-Infinity, -Infinity]');
    // one end overflowing is enough
    expect(domainError(() => ivAt('x + y', [huge, A.between(A.neg(huge).lo, huge.hi)]))).toBe('+ (overflow) is undefined on [0, Infinity]');
    expect(domainError(() => ivAt('x + y', [A.neg(huge), A.between(A.neg(huge).lo, huge.hi)]))).toBe('+ (overflow) is undefined on [-Infinity, 0]');
  });
});

describe('exact evaluation in rationals', () => {
  it('evaluates + − × ÷, unary minus and plus, abs, max, min exactly', () => {
    const x = q(1, 3);
    const y = q(-1, 2);
    expect([exact('x + y', [x, y]), exact('x - y', [x, y]), exact('x * y', [x, y]), exact('x / y', [x, y])]).toEqual(['-1/6', '5/6', '-1/6', '-2/3']);
    expect([exact('-x', [x]), exact('+x', [y]), exact('abs(x)', [y]), exact('max(x, y, 0)', [x, y]), exact('min(x, y, 0)', [x, y])]).toEqual(['-1/3', '-1/2', '1/2', '1/3', '-1/2']);
    expect(exact('0.1 + 0.2', [])).toBe('3/10');
  });

  it('evaluates integer powers exactly within ±1000, else not', () => {
    expect([exact('x^3', [q(2, 3)]), exact('x^(-2)', [q(2, 3)]), exact('x^0', [q(5)]), exact('x^1000', [q(1)]), exact('x^(-1000)', [q(-1)])]).toEqual(['8/27', '9/4', '1', '1', '1']);
    expect(exact('x^1001', [q(1)])).toBeUndefined();
    expect(exact('x^(-1001)', [q(1)])).toBeUndefined();
    expect(exact('x^0.5', [q(4)])).toBeUndefined();
    expect(exact('x^y', [q(4), q(1, 2)])).toBeUndefined();
  });

  it('leaves 0^k for k ≤ 0 and division by 0 undefined', () => {
    expect(exact('x^0', [q(0)])).toBeUndefined();
    expect(exact('x^(-1)', [q(0)])).toBeUndefined();
    expect(exact('x^2', [q(0)])).toBe('0');
    expect(exact('1/x', [q(0)])).toBeUndefined();
    expect(exact('0/x', [q(2)])).toBe('0');
  });

  it('is undefined as soon as one operand is: transcendental functions and constants', () => {
    for (const text of ['sin(x)', 'cos(x)', 'exp(x)', 'log(x)', 'sqrt(x)', 'pi', 'e', 'x + pi', 'pi + x', 'max(x, pi)', 'max(pi, x)', 'abs(sin(x))', '-sin(x)', 'x^pi', 'pi^2', 'x * e', 'x / e', 'x - e']) {
      expect(exact(text, [q(1)]), text).toBeUndefined();
    }
  });

  it('gives up on numbers beyond 200000 bits (a numerator or a denominator alone)', () => {
    const value = (text: string, x: Rational): Rational | undefined => compileExpression(text, ['x']).rational([x]);
    const big = 16n ** 49_999n; // 50000 hex digits = 200000 bits: kept
    expect(value('x * 1', q(big))?.eq(q(big))).toBe(true);
    expect(value('x * 1', q(-big))?.eq(q(-big))).toBe(true);
    expect(value('x * 16', q(big))).toBeUndefined();
    expect(value('x * 16', q(-big))).toBeUndefined();
    expect(value('x / 16', q(1, big))).toBeUndefined();
    expect(value('x / 16', q(3, big / 16n))?.eq(q(3, big))).toBe(true);
  });
});

describe('compiled expression', () => {
  it('keeps the text and the names', () => {
    const c = compileExpression('x1 * x2', ['x1', 'x2']);
    expect([c.text, c.names]).toEqual(['x1 * x2', ['x1', 'x2']]);
    expect(Object.isFrozen(c.names)).toBe(true);
  });
});

describe('expressionTarget', () => {
  const L = lipschitzModulus(new ExactDecimal(2));

  it('carries the id, TeX, variables, modulus and the optional declarations', () => {
    const t = expressionTarget('x1 + 2*x2', { variables: ['x1', 'x2'], modulus: L });
    expect([t.id, t.tex, t.variables, t.modulus]).toEqual(['expr:x1 + 2*x2', 'x1 + 2*x2', ['x1', 'x2'], L]);
    expect(['secondDerivativeBound', 'domain', 'index'].filter((k) => k in t)).toEqual([]);
    expect(t.evaluate([A.point(1), A.point(3)], A).toString()).toBe('[7, 7]');
    expect(t.evaluateRational?.([q(1, 2), q(1, 4)])?.toString()).toBe('1');
    const domain = { lo: new ExactDecimal(0), hi: new ExactDecimal(1) };
    const s = expressionTarget('x^2', { variables: ['x'], modulus: L, secondDerivativeBound: new ExactDecimal(2), domain });
    expect([s.secondDerivativeBound?.toString(), s.domain]).toEqual(['2', domain]);
  });

  it('passes the token index as the last value and checks it', () => {
    const t = expressionTarget('x1 + j*x2', { variables: ['x1', 'x2'], index: 'j', modulus: L });
    expect(t.index).toBe('j');
    expect(t.evaluate([A.point(1), A.point(2)], A, 3).toString()).toBe('[7, 7]');
    expect(t.evaluateRational?.([q(1), q(2)], 2)?.toString()).toBe('5');
    for (const bad of [undefined, 1.5]) {
      expect(() => t.evaluate([A.point(1), A.point(2)], A, bad)).toThrow(new ArgumentError('j', bad, 'must be an integer token index'));
      expect(() => t.evaluateRational?.([q(1), q(2)], bad)).toThrow(`argument j must be an integer token index, got ${bad === undefined ? 'nothing' : bad}`);
    }
    // without an index parameter, an index is ignored
    expect(expressionTarget('x', { variables: ['x'], modulus: L }).evaluate([A.point(4)], A, 9).toString()).toBe('[4, 4]');
  });

  it('rejects a value vector of the wrong length', () => {
    const t = expressionTarget('x1 + x2', { variables: ['x1', 'x2'], modulus: L });
    expect(() => t.evaluate([A.point(1)], A)).toThrow(new RangeError('expression target x1 + x2: expects 2 values, got 1'));
    expect(() => t.evaluateRational?.([q(1), q(2), q(3)])).toThrow(new RangeError('expression target x1 + x2: expects 2 values, got 3'));
    const i = expressionTarget('x1 + i', { variables: ['x1'], index: 'i', modulus: L });
    expect(() => i.evaluate([A.point(1), A.point(2)], A, 1)).toThrow(new RangeError('expression target x1 + i: expects 1 values, got 2'));
  });

  it('names its argument in errors', () => {
    expect(rejection(() => expressionTarget('y', { variables: ['x'], modulus: L, argument: 'g' })).argument).toBe('g');
    expect(rejection(() => expressionTarget('y', { variables: ['x'], modulus: L })).argument).toBe('f');
  });
});

describe('readExpressionTarget and readTarget', () => {
  it('reads f, the modulus and an optional second-derivative bound', () => {
    const t = readExpressionTarget({ f: 'x^2', lipschitz: '2', secondDerivativeBound: '2' }, { variables: ['x'] });
    expect([t.id, t.modulus, t.secondDerivativeBound?.toString()]).toEqual(['expr:x^2', { kind: 'lipschitz', L: new ExactDecimal(2) }, '2']);
    expect('secondDerivativeBound' in readExpressionTarget({ f: 'x', lipschitz: '1', secondDerivativeBound: null }, { variables: ['x'] })).toBe(false);
    expect(readExpressionTarget({ f: 'x', lipschitz: '1', secondDerivativeBound: '0' }, { variables: ['x'] }).secondDerivativeBound?.toString()).toBe('0');
    const indexed = readExpressionTarget({ f: 'x1*i', lipschitz: '1' }, { variables: ['x1'], index: 'i' });
    expect([indexed.index, indexed.evaluateRational?.([q(3)], 2)?.toString()]).toEqual(['i', '6']);
  });

  it('rejects a missing f, a negative or malformed bound, naming the argument and value', () => {
    expect(rejection(() => readExpressionTarget({ lipschitz: '1' }, { variables: ['x'] })).argument).toBe('f');
    expect(rejection(() => readExpressionTarget({ f: 'x', lipschitz: '1', secondDerivativeBound: '-1' }, { variables: ['x'] })).message).toBe('argument secondDerivativeBound must be ≥ 0, got "-1"');
    expect(rejection(() => readExpressionTarget({ f: 'x', lipschitz: '1', secondDerivativeBound: 'big' }, { variables: ['x'] })).argument).toBe('secondDerivativeBound');
  });

  it('takes exactly one of f and target', () => {
    expect(rejection(() => readTarget({ f: 'x', target: { family: 'sin', k: '1' } }, { variables: ['x'] })).message).toBe(
      'argument f must not be given together with target (give one function), got "x"',
    );
    expect(rejection(() => readTarget({}, { variables: ['x'] })).message).toBe('argument f is required (an expression such as "sin(3*x)"), or target (a library spec), got nothing');
    expect(rejection(() => readTarget({ f: null, target: null }, { variables: ['x'] })).argument).toBe('f');
    expect(readTarget({ f: null, target: { family: 'sin', k: '2' } }, { variables: ['x'] }).id).toBe('sin(2*x)');
    expect(readTarget({ f: 'x', lipschitz: '1', target: null }, { variables: ['x'] }).id).toBe('expr:x');
  });

  it('takes an indexed library family only where the claim has an index', () => {
    expect(rejection(() => readTarget({ target: { family: 'select-own' } }, { variables: ['x1', 'x2'] })).message).toBe(
      'argument target is an indexed (per-token) family, which this claim does not take, got {"family":"select-own"}',
    );
    const t = readTarget({ target: { family: 'select-own' } }, { variables: ['x1', 'x2'], index: 'i' });
    expect(t.evaluate([A.point(5), A.point(7)], A, 2).toString()).toBe('[7, 7]');
    expect(readTarget({ target: { family: 'max-coordinate' } }, { variables: ['x1', 'x2'] }).index).toBeUndefined();
  });
});

describe('edges of the caps and of the readers', () => {
  it('bracketDepth: every closer type closes, an unmatched closer is ignored', () => {
    expect(bracketDepth('(x)+(x)')).toBe(1);
    expect(bracketDepth('[x]+[x]')).toBe(1);
    expect(bracketDepth('{x}+{x}')).toBe(1);
    expect(bracketDepth('((x))+[{x}]')).toBe(2);
    expect(bracketDepth(')(x)')).toBe(1);
    // 101 sibling brackets nest one level: accepted (only the depth is capped)
    expect(compileExpression(Array.from({ length: 101 }, () => '(x)').join('+'), ['x']).rational([q(1)])?.toString()).toBe('101');
  });

  it('a tree exactly MAX_EXPRESSION_DEPTH = 1000 levels deep is accepted, one level more is refused', () => {
    expect(MAX_EXPRESSION_DEPTH).toBe(1000);
    // 1000 unary minus signs over x: x sits at depth 1000, and (−1)^1000·x = x
    expect(compileExpression(`${'-'.repeat(1000)}x`, ['x']).rational([q(2)])?.toString()).toBe('2');
    expect(rejection(() => compileExpression(`${'-'.repeat(1001)}x`, ['x'])).problem).toBe('must nest at most 1000 levels');
  });

  it('an expression target lists only its own variables as allowed (no index name when it has none)', () => {
    const L = lipschitzModulus(new ExactDecimal(1));
    expect(rejection(() => expressionTarget('y', { variables: ['x'], modulus: L })).problem).toBe(`contains the unknown symbol "y", which is not allowed (${ALLOWED})`);
    expect(rejection(() => expressionTarget('y', { variables: ['x'], index: 'i', modulus: L })).problem).toBe(
      `contains the unknown symbol "y", which is not allowed (${ALLOWED.replace('x, pi', 'x, i, pi')})`,
    );
  });

  it('f that is not a string, and a bad library spec, are named f and target.family', () => {
    expect(rejection(() => readExpressionTarget({ f: 42, lipschitz: '1' }, { variables: ['x'] })).argument).toBe('f');
    expect(rejection(() => readTarget({ target: { family: 'tan' } }, { variables: ['x'] })).argument).toBe('target.family');
  });
});
