/**
 * The theorem's targets: sequence-to-sequence maps `F: [0,1]^n → ℝ^n` of `n` scalar tokens, with
 * `F(X)_i` given as an expression in the token values `x1 … xn` and the 1-based output index `i`, or
 * taken from the target library (`src/targets/library.ts`).
 *
 * A target offers two views: `evaluate`, the certified value `F(X)_i` used by every check (for a
 * library target, the library's own evaluation, independent of the construction), and `textAt(q)`,
 * the formula of `F(·)_q` over `x1 … xn` that the construction decomposes. Library families map to
 * sequence targets as follows: a one-variable family acts token-wise, `F(X)_i = f(x_i)`; a
 * many-variable family is broadcast, `F(X)_i = f(x_1, …, x_n)`; an indexed family is itself a
 * sequence map.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../arith/interval.ts';
import { expressionTarget } from '../targets/expression.ts';
import { libraryFamily, libraryTarget } from '../targets/library.ts';
import { lipschitzModulus } from '../targets/modulus.ts';
import type { Modulus, Target } from '../targets/target.ts';
import { readDecimal, readDecimalArray } from '../verdict/args.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { ConstructionRefused, parseExpression, substitute } from './ridge-decomposition.ts';

/** Largest number of tokens accepted by the construction. */
export const MAX_TOKENS = 8;

export interface TheoremTarget {
  /** What the target is, e.g. `x1*x2 + i/2` or `library:sin(3*x)`. */
  readonly id: string;
  readonly tokens: number;
  /** The declared (expression) or proved (library) modulus of each `F(·)_i` in the ∞-norm. */
  readonly modulus: Modulus;
  /** The formula of `F(X)_q` over `x1 … xn`. */
  textAt(q: number): string;
  /** Encloses `F(X)_i` for `X` given as one enclosure per token. */
  evaluate(X: readonly Interval[], i: number, A: Arith): Interval;
}

function tokenNames(n: number): string[] {
  return Array.from({ length: n }, (_, k) => `x${k + 1}`);
}

function checkTokens(n: number): void {
  if (!Number.isInteger(n) || n < 2 || n > MAX_TOKENS) throw new ArgumentError('tokens', n, `must be an integer in [2, ${MAX_TOKENS}]`);
}

/** A target given by an expression in `x1 … xn` and `i`, with a declared Lipschitz constant (∞-norm). */
export function expressionTheoremTarget(text: string, tokens: number, lipschitz: Decimal): TheoremTarget {
  checkTokens(tokens);
  const target = expressionTarget(text, { variables: tokenNames(tokens), index: 'i', modulus: lipschitzModulus(lipschitz), argument: 'target' });
  const tree = parseExpression(text);
  return Object.freeze({
    id: text,
    tokens,
    modulus: target.modulus,
    textAt: (q: number) => substitute(tree, 'i', q),
    evaluate: (X: readonly Interval[], i: number, A: Arith) => target.evaluate(X, A, i),
  });
}

/** Formula of a one-variable library family in the variable `v`, or a refusal. */
function oneVariableText(spec: Record<string, unknown>, v: string, id: string): string {
  const d = (name: string) => readDecimal(spec[name], `target.${name}`).toString();
  switch (spec.family) {
    case 'sin':
      return `sin(${d('k')}*${v})`;
    case 'abs-shift':
      return `abs(${v} - (${d('c')}))`;
    case 'sqrt-abs':
      return `sqrt(abs(${v} - (${d('c')})))`;
    case 'abs-power':
      return `abs(${v} - (${d('c')}))^(${d('alpha')})`;
    case 'polynomial': {
      const c = readDecimalArray(spec.coefficients, 'target.coefficients', 1, 65);
      return c.map((cj, j) => `(${cj.toString()})*${v}^${j}`).join(' + ');
    }
    case 'exp':
      return `exp(${d('k')}*${v})`;
    default:
      throw new ConstructionRefused(id, `the library family ${String(spec.family)} has no formula the ridge construction can decompose`);
  }
}

function manyVariableText(spec: Record<string, unknown>, names: string[], id: string): string {
  switch (spec.family) {
    case 'max-coordinate':
      return `max(${names.join(', ')})`;
    case 'coordinate-sum':
      return names.join(' + ');
    case 'product':
      return names.join('*');
    case 'sin-of-sum':
      return `sin(${readDecimal(spec.k, 'target.k').toString()}*(${names.join(' + ')}))`;
    case 'distance-inf':
      return `max(${names.map((x) => `abs(${x} - (${readDecimal(spec.c, 'target.c').toString()}))`).join(', ')})`;
    case 'sqrt-max-abs':
      return `sqrt(max(${names.map((x) => `abs(${x})`).join(', ')}))`;
    default:
      throw new ConstructionRefused(id, `the library family ${String(spec.family)} has no formula the ridge construction can decompose`);
  }
}

function indexedText(spec: Record<string, unknown>, names: string[], q: number, id: string): string {
  switch (spec.family) {
    case 'select-first':
      return names[0]!;
    case 'select-own':
      return names[q - 1]!;
    case 'prefix-max':
      return q === 1 ? names[0]! : `max(${names.slice(0, q).join(', ')})`;
    default:
      throw new ConstructionRefused(id, `the library family ${String(spec.family)} has no formula the ridge construction can decompose`);
  }
}

/** The domain of a library target must contain `[0, 1]` (its modulus is proved there). */
function checkDomain(t: Target, id: string): void {
  if (t.domain !== undefined && (t.domain.lo.gt(0) || t.domain.hi.lt(1))) {
    throw new ConstructionRefused(id, `its domain [${t.domain.lo.toString()}, ${t.domain.hi.toString()}] does not contain the token range [0, 1]`);
  }
}

/** A library target (`{"family": …}`) as a sequence map of `tokens` scalar tokens. */
export function libraryTheoremTarget(spec: unknown, tokens: number): TheoremTarget {
  checkTokens(tokens);
  const names = tokenNames(tokens);
  const s = (spec ?? {}) as Record<string, unknown>;
  const family = typeof s.family === 'string' ? libraryFamily(s.family) : undefined;
  if (family === undefined) return libraryTarget(spec, names) as never; // throws the library's ArgumentError
  if (family.arity === 'one') {
    const t = libraryTarget(spec, ['x']);
    const id = `library:${t.id} token-wise`;
    checkDomain(t, id);
    return Object.freeze({
      id,
      tokens,
      modulus: t.modulus,
      textAt: (q: number) => oneVariableText(s, names[q - 1]!, id),
      evaluate: (X: readonly Interval[], i: number, A: Arith) => t.evaluate([X[i - 1]!], A),
    });
  }
  const t = libraryTarget(spec, names);
  const id = `library:${t.id}`;
  checkDomain(t, id);
  return Object.freeze({
    id,
    tokens,
    modulus: t.modulus,
    textAt: (q: number) => (family.arity === 'many' ? manyVariableText(s, names, id) : indexedText(s, names, q, id)),
    evaluate: (X: readonly Interval[], i: number, A: Arith) => (family.arity === 'many' ? t.evaluate(X, A) : t.evaluate(X, A, i)),
  });
}
