/**
 * Targets from user expressions: a mathjs-syntax formula over declared variables with a declared
 * modulus, evaluated in the engine's own interval arithmetic so that `f(x)` is certified.
 *
 * Safety: the text is parsed with mathjs `parse` only — never mathjs `evaluate`, never `eval` or
 * `Function` — and the parsed tree is checked against a whitelist before anything runs:
 * `ConstantNode` (decimal numbers, read exactly from their text), `SymbolNode` (a declared variable,
 * `pi`, `e`), `ParenthesisNode`, `OperatorNode` `+ − * / ^` and unary `−`/`+`, and `FunctionNode`
 * `sin cos exp log sqrt abs max min` called by name. Anything else (property access, assignment,
 * strings, matrices, conditionals, unknown functions or symbols, `!`, `mod`, `%`, …) throws an
 * `ArgumentError` naming the argument (`f`) and the offending piece. The text is capped at
 * {@link MAX_EXPRESSION_LENGTH} characters and {@link MAX_BRACKET_DEPTH} levels of nested brackets
 * (checked on the text, before parsing), the tree at {@link MAX_EXPRESSION_NODES} nodes and
 * {@link MAX_EXPRESSION_DEPTH} levels. The bracket cap is the smaller because mathjs's
 * recursive-descent parser spends a dozen or so stack frames per bracket level and overflows the stack
 * below 300 of them, long before the tree reaches {@link MAX_EXPRESSION_DEPTH}; other deep chains
 * (`----x`, `x^x^…^x`) cost fewer frames per level, and should the parser's stack still overflow on
 * one, the answer is the same depth error, never a raw "Maximum call stack size exceeded".
 *
 * Evaluation walks a closure tree compiled from the checked nodes, in `Arith` (directed rounding):
 * `log` of an enclosure reaching ≤ 0, division by an enclosure containing 0, `sqrt` of a negative
 * enclosure, and overflow to ±∞ throw `ArithmeticDomainError`, which the verdict engine reports as
 * an `error` verdict naming the operation. A formula built from `+ − * /`, integer powers, `abs`,
 * `max`, `min` and decimal constants is also evaluated exactly in rationals (`evaluateRational`).
 *
 * mathjs is loaded lazily (a synchronous `require` on the first parse), so a lemma that imports this
 * module pays for mathjs only when an expression is actually used.
 */
import type { Decimal } from 'decimal.js';
import type { MathNode } from 'mathjs';
import { createRequire } from 'node:module';
import { ArithmeticDomainError, type Arith, type Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { readDecimal, readString, required } from '../verdict/args.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { libraryTarget } from './library.ts';
import { readDeclaredModulus } from './modulus.ts';
import type { Cube, Modulus, Target } from './target.ts';

/** Longest expression text accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 10_000;
/** Most nodes in a parsed expression. */
export const MAX_EXPRESSION_NODES = 2_000;
/** Deepest nesting of a parsed expression. */
export const MAX_EXPRESSION_DEPTH = 1_000;
/**
 * Deepest nesting of brackets `( [ {` in the expression text, checked before parsing: mathjs's parser
 * overflows the stack at fewer than 300 nested brackets (measured: 250 parse, 280 do not, on Node 20's
 * default stack), so this cap, well below both that and {@link MAX_EXPRESSION_DEPTH}, leaves a margin
 * for callers already deep in the stack. Each bracket level is at least one level of the tree.
 */
export const MAX_BRACKET_DEPTH = 100;
/** Largest |integer exponent| evaluated exactly in rationals (larger ones fall back to enclosures). */
const MAX_RATIONAL_EXPONENT = 1_000;
/** Largest size, in bits, of a rational's numerator or denominator before exact evaluation gives up. */
const MAX_RATIONAL_BITS = 200_000;

/** The functions an expression may call, with their argument counts. */
export const ALLOWED_FUNCTIONS: Readonly<Record<string, { min: number; max: number }>> = Object.freeze({
  sin: { min: 1, max: 1 },
  cos: { min: 1, max: 1 },
  exp: { min: 1, max: 1 },
  log: { min: 1, max: 1 },
  sqrt: { min: 1, max: 1 },
  abs: { min: 1, max: 1 },
  max: { min: 1, max: 64 },
  min: { min: 1, max: 64 },
});
/** The named constants an expression may use. */
export const ALLOWED_CONSTANTS: readonly string[] = Object.freeze(['pi', 'e']);

const OPERATORS: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', unaryMinus: '-', unaryPlus: '+' };
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A checked expression, ready to evaluate. Values come in the order of the declared names. */
export interface CompiledExpression {
  /** The expression text as given. */
  readonly text: string;
  /** The declared names, in the order their values are passed. */
  readonly names: readonly string[];
  /** Encloses the value for enclosures of the names' values. */
  interval(values: readonly Interval[], A: Arith): Interval;
  /** The exact value at rational values, or `undefined` when the formula is not rational-closed or a step is undefined. */
  rational(values: readonly Rational[]): Rational | undefined;
}

interface Compiled {
  iv(v: readonly Interval[], A: Arith): Interval;
  q(v: readonly Rational[]): Rational | undefined;
}

type MathParse = (text: string) => MathNode;
let mathParse: MathParse | undefined;

/** mathjs `parse` configured to read numbers as exact decimals (BigNumber), loaded on first use. */
function parser(): MathParse {
  if (mathParse === undefined) {
    const require = createRequire(import.meta.url);
    const mathjs = require('mathjs') as typeof import('mathjs');
    const math = mathjs.create({ parseDependencies: mathjs.parseDependencies as import('mathjs').FactoryFunctionMap }, { number: 'BigNumber' });
    mathParse = (text) => math.parse(text);
  }
  return mathParse;
}

/** A decimal.js value (mathjs's BigNumber, tagged `Decimal`), not one of the parser's other constants (strings, booleans, null, undefined). */
function isDecimalLike(v: unknown): v is { toString(): string; isFinite(): boolean } {
  return Object.prototype.toString.call(v) === '[object Decimal]';
}

/** The deepest nesting of brackets `( [ {` in `text` (unbalanced closers are left to the parser). */
export function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth -= 1;
  }
  return deepest;
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

function finite(r: Interval, operation: string): Interval {
  if (!r.lo.isFinite() || !r.hi.isFinite()) throw new ArithmeticDomainError(`${operation} (overflow)`, r);
  return r;
}

function small(r: Rational | undefined): Rational | undefined {
  if (r === undefined) return undefined;
  const bits = (x: bigint): number => (x < 0n ? -x : x).toString(16).length * 4;
  return bits(r.num) > MAX_RATIONAL_BITS || bits(r.den) > MAX_RATIONAL_BITS ? undefined : r;
}

function safeDiv(A: Arith, a: Interval, b: Interval): Interval {
  if (b.lo.lte(0) && b.hi.gte(0)) throw new ArithmeticDomainError('division (the divisor enclosure contains 0)', b);
  return A.div(a, b);
}

function intervalPow(A: Arith, a: Interval, b: Interval): Interval {
  if (b.isPoint && b.lo.isInteger() && b.lo.lt(0)) return safeDiv(A, A.point(1), A.pow(a, A.neg(b)));
  return A.pow(a, b);
}

/**
 * Parses and checks `text` as an expression over `names` (variables, and an index parameter if any).
 * Throws `ArgumentError` naming `argument` for anything outside the whitelist.
 */
export function compileExpression(text: string, names: readonly string[], argument = 'f'): CompiledExpression {
  const raw = readString(text, argument, MAX_EXPRESSION_LENGTH);
  const declared = new Map<string, number>();
  names.forEach((n, i) => {
    if (!VARIABLE_NAME.test(n) || ALLOWED_CONSTANTS.includes(n) || n in ALLOWED_FUNCTIONS || declared.has(n)) {
      throw new ArgumentError('variables', names, `must be distinct names like x or x1 other than ${[...ALLOWED_CONSTANTS, ...Object.keys(ALLOWED_FUNCTIONS)].join(', ')} (bad name ${JSON.stringify(n)})`);
    }
    declared.set(n, i);
  });
  const brackets = bracketDepth(raw);
  if (brackets > MAX_BRACKET_DEPTH) {
    throw new ArgumentError(argument, raw, `must nest brackets at most ${MAX_BRACKET_DEPTH} levels deep (the nesting depth is ${brackets})`);
  }
  let root: MathNode;
  try {
    root = parser()(raw);
  } catch (e) {
    if (isStackOverflow(e)) throw new ArgumentError(argument, raw, `must nest at most ${MAX_EXPRESSION_DEPTH} levels (it nests too deeply for the parser)`);
    throw new ArgumentError(argument, raw, `does not parse as an expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  let count = 0;
  const reject = (node: MathNode, what: string): never => {
    let piece: string;
    try {
      piece = node.toString();
    } catch {
      piece = node.type;
    }
    if (piece.length > 60) piece = `${piece.slice(0, 57)}...`;
    throw new ArgumentError(
      argument,
      raw,
      `contains ${what} ${JSON.stringify(piece)}, which is not allowed (allowed: decimal numbers, ${[...names, ...ALLOWED_CONSTANTS].join(', ')}, + - * / ^, ${Object.keys(ALLOWED_FUNCTIONS).join(' ')})`,
    );
  };

  const compile = (node: MathNode, depth: number): Compiled => {
    count += 1;
    if (count > MAX_EXPRESSION_NODES) throw new ArgumentError(argument, raw, `must have at most ${MAX_EXPRESSION_NODES} nodes`);
    if (depth > MAX_EXPRESSION_DEPTH) throw new ArgumentError(argument, raw, `must nest at most ${MAX_EXPRESSION_DEPTH} levels`);
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode': {
        if (!isDecimalLike(n.value) || !n.value.isFinite()) return reject(node, 'the constant');
        const d = readDecimal(n.value.toString(), argument);
        const q = Rational.fromDecimal(d);
        return { iv: (_v, A) => A.point(d), q: () => q };
      }
      case 'SymbolNode': {
        const name = n.name as string;
        const at = declared.get(name);
        if (at !== undefined) return { iv: (v) => v[at]!, q: (v) => v[at] };
        if (name === 'pi') return { iv: (_v, A) => A.pi(), q: () => undefined };
        if (name === 'e') return { iv: (_v, A) => A.exp(A.point(1)), q: () => undefined };
        return reject(node, 'the unknown symbol');
      }
      case 'ParenthesisNode':
        return compile(n.content as MathNode, depth + 1);
      case 'OperatorNode': {
        const fn = n.fn as string;
        const args = n.args as MathNode[];
        if (n.isPercentage === true || OPERATORS[fn] !== n.op) return reject(node, 'the operator');
        const unary = fn === 'unaryMinus' || fn === 'unaryPlus';
        if (args.length !== (unary ? 1 : 2)) return reject(node, 'the operator');
        const [x, y] = args.map((a) => compile(a, depth + 1));
        return operator(fn, x!, y!);
      }
      case 'FunctionNode': {
        const callee = n.fn as MathNode & { name?: string };
        const args = n.args as MathNode[];
        // called by name only (not `x.sin(…)`), and only the whitelist's own names (not `toString(…)`)
        if (callee.type !== 'SymbolNode' || !Object.prototype.hasOwnProperty.call(ALLOWED_FUNCTIONS, callee.name!)) return reject(node, 'the function call');
        const name = callee.name!;
        const spec = ALLOWED_FUNCTIONS[name]!;
        if (args.length < spec.min || args.length > spec.max) return reject(node, `a wrong number of arguments (${args.length}) in`);
        return call(name, args.map((a) => compile(a, depth + 1)));
      }
      default:
        return reject(node, `a ${node.type}`);
    }
  };
  const top = compile(root, 0);
  return Object.freeze({
    text: raw,
    names: Object.freeze([...names]),
    interval: (values: readonly Interval[], A: Arith) => top.iv(values, A),
    rational: (values: readonly Rational[]) => top.q(values),
  });
}

function operator(fn: string, x: Compiled, y: Compiled | undefined): Compiled {
  switch (fn) {
    case 'unaryPlus':
      return x;
    case 'unaryMinus':
      return { iv: (v, A) => A.neg(x.iv(v, A)), q: (v) => x.q(v)?.neg() };
    case 'add':
      return { iv: (v, A) => finite(A.add(x.iv(v, A), y!.iv(v, A)), '+'), q: (v) => both(x, y!, v, (a, b) => a.add(b)) };
    case 'subtract':
      return { iv: (v, A) => finite(A.sub(x.iv(v, A), y!.iv(v, A)), '-'), q: (v) => both(x, y!, v, (a, b) => a.sub(b)) };
    case 'multiply':
      return { iv: (v, A) => finite(A.mul(x.iv(v, A), y!.iv(v, A)), '*'), q: (v) => both(x, y!, v, (a, b) => a.mul(b)) };
    case 'divide':
      return {
        iv: (v, A) => finite(safeDiv(A, x.iv(v, A), y!.iv(v, A)), '/'),
        q: (v) => both(x, y!, v, (a, b) => (b.isZero() ? undefined : a.div(b))),
      };
    default: // pow
      return {
        iv: (v, A) => finite(intervalPow(A, x.iv(v, A), y!.iv(v, A)), '^'),
        q: (v) =>
          both(x, y!, v, (a, b) => {
            if (b.den !== 1n || b.num > BigInt(MAX_RATIONAL_EXPONENT) || b.num < -BigInt(MAX_RATIONAL_EXPONENT)) return undefined;
            if (a.isZero() && b.num <= 0n) return undefined;
            return a.pow(Number(b.num));
          }),
      };
  }
}

function both(x: Compiled, y: Compiled, v: readonly Rational[], f: (a: Rational, b: Rational) => Rational | undefined): Rational | undefined {
  const a = x.q(v);
  if (a === undefined) return undefined;
  const b = y.q(v);
  return b === undefined ? undefined : small(f(a, b));
}

function call(name: string, args: Compiled[]): Compiled {
  const [x] = args as [Compiled];
  switch (name) {
    case 'sin':
      return { iv: (v, A) => A.sin(x.iv(v, A)), q: () => undefined };
    case 'cos':
      return { iv: (v, A) => A.cos(x.iv(v, A)), q: () => undefined };
    case 'exp':
      return { iv: (v, A) => finite(A.exp(x.iv(v, A)), 'exp'), q: () => undefined };
    case 'log':
      return {
        iv(v, A) {
          const a = x.iv(v, A);
          if (a.lo.lte(0)) throw new ArithmeticDomainError('log (the argument enclosure reaches 0 or below)', a);
          return A.ln(a);
        },
        q: () => undefined,
      };
    case 'sqrt':
      return { iv: (v, A) => A.sqrt(x.iv(v, A)), q: () => undefined };
    case 'abs':
      return { iv: (v, A) => A.abs(x.iv(v, A)), q: (v) => x.q(v)?.abs() };
    case 'max':
    case 'min': {
      const pick = name === 'max';
      return {
        iv: (v, A) => args.map((a) => a.iv(v, A)).reduce((m, b) => (pick ? A.max(m, b) : A.min(m, b))),
        q(v) {
          const values = args.map((a) => a.q(v));
          if (values.some((r) => r === undefined)) return undefined;
          return (values as Rational[]).reduce((m, b) => (pick ? m.max(b) : m.min(b)));
        },
      };
    }
    default:
      throw new Error(`expression: no evaluator for allowed function ${name}`); // unreachable: names come from ALLOWED_FUNCTIONS
  }
}

/** What a user expression declares besides its text. */
export interface ExpressionDeclaration {
  /** Variable names in order: `['x']` or `['x1', …, 'xm']`. */
  readonly variables: readonly string[];
  /** A token-index parameter name (e.g. `i`), passed as the last value; the modulus does not cover it. */
  readonly index?: string;
  /** The declared modulus (taken on trust here; claims check it). */
  readonly modulus: Modulus;
  /** A declared bound on `sup|f''|` over the domain (one variable only). */
  readonly secondDerivativeBound?: Decimal;
  /** Where the declarations are meant to hold (absent: everywhere). */
  readonly domain?: Cube;
  /** The argument name used in error messages (default `f`). */
  readonly argument?: string;
}

/** A {@link Target} from an expression text and its declarations. */
export function expressionTarget(text: string, declaration: ExpressionDeclaration): Target {
  const names = declaration.index === undefined ? declaration.variables : [...declaration.variables, declaration.index];
  const compiled = compileExpression(text, names, declaration.argument ?? 'f');
  const m = declaration.variables.length;
  const indexName = declaration.index;
  const withIndex = <T>(x: readonly T[], make: (i: number) => T, index: number | undefined): readonly T[] => {
    if (x.length !== m) throw new RangeError(`expression target ${compiled.text}: expects ${m} values, got ${x.length}`);
    if (indexName === undefined) return x;
    if (index === undefined || !Number.isInteger(index)) throw new ArgumentError(indexName, index, 'must be an integer token index');
    return [...x, make(index)];
  };
  return Object.freeze({
    id: `expr:${compiled.text}`,
    tex: compiled.text,
    variables: Object.freeze([...declaration.variables]),
    modulus: declaration.modulus,
    ...(declaration.secondDerivativeBound !== undefined ? { secondDerivativeBound: declaration.secondDerivativeBound } : {}),
    ...(declaration.domain !== undefined ? { domain: declaration.domain } : {}),
    ...(declaration.index !== undefined ? { index: declaration.index } : {}),
    evaluate: (x: readonly Interval[], A: Arith, index?: number) => compiled.interval(withIndex(x, (i) => A.point(i), index), A),
    evaluateRational: (x: readonly Rational[], index?: number) => compiled.rational(withIndex(x, (i) => Rational.of(i), index)),
  });
}

/** Options of {@link readTarget} and {@link readExpressionTarget}. */
export interface TargetReadOptions {
  readonly variables: readonly string[];
  readonly index?: string;
}

/**
 * Reads a user expression target from a probe: `f` (the text), its modulus (`lipschitz` or
 * `holder`), and optionally `secondDerivativeBound` (a decimal ≥ 0, the declared `sup|f''|`).
 */
export function readExpressionTarget(raw: Record<string, unknown>, options: TargetReadOptions): Target {
  const text = readString(required(raw, 'f'), 'f', MAX_EXPRESSION_LENGTH);
  const modulus = readDeclaredModulus(raw);
  let secondDerivativeBound: Decimal | undefined;
  if (raw.secondDerivativeBound !== undefined && raw.secondDerivativeBound !== null) {
    secondDerivativeBound = readDecimal(raw.secondDerivativeBound, 'secondDerivativeBound');
    if (secondDerivativeBound.lt(0)) throw new ArgumentError('secondDerivativeBound', raw.secondDerivativeBound, 'must be ≥ 0');
  }
  return expressionTarget(text, {
    variables: options.variables,
    ...(options.index !== undefined ? { index: options.index } : {}),
    modulus,
    ...(secondDerivativeBound !== undefined ? { secondDerivativeBound } : {}),
  });
}

/**
 * Reads the target of a probe: either `target`, a library spec `{"family": …}` (see
 * `src/targets/library.ts`), or `f`, a user expression with its declared modulus
 * ({@link readExpressionTarget}). Exactly one of the two must be given.
 */
export function readTarget(raw: Record<string, unknown>, options: TargetReadOptions): Target {
  const hasLibrary = raw.target !== undefined && raw.target !== null;
  const hasExpression = raw.f !== undefined && raw.f !== null;
  if (hasLibrary && hasExpression) throw new ArgumentError('f', raw.f, 'must not be given together with target (give one function)');
  if (!hasLibrary && !hasExpression) throw new ArgumentError('f', undefined, 'is required (an expression such as "sin(3*x)"), or target (a library spec)');
  if (!hasLibrary) return readExpressionTarget(raw, options);
  const t = libraryTarget(raw.target, options.variables, 'target');
  if (t.index !== undefined && options.index === undefined) {
    throw new ArgumentError('target', raw.target, 'is an indexed (per-token) family, which this claim does not take');
  }
  return t;
}
