/**
 * Decomposition of a target expression into ridge functions `g(w·x)`, affine parts, exact hinges
 * `ReLU(w·x + β)` and constants — the pieces a one-hidden-layer ReLU network can carry.
 *
 * Rules, tried in order on each sub-expression (after the token index `i` has been substituted):
 * 1. no variable: a constant;
 * 2. affine in `x` with rational coefficients: an affine piece (represented exactly);
 * 3. every variable occurs inside affine sub-expressions whose linear parts are all proportional to
 *    one integer direction `w`: a ridge function `g(w·x)` (`sin(x1 + x2)`, `abs(x1 − x2)`, `exp(x1)`);
 * 4. a polynomial of degree ≤ {@link MAX_POLYNOMIAL_DEGREE}: expanded exactly and polarized into ridge powers;
 * 5. `A ± B`, `−A`, `c·A`, `A/c` (`c` constant): decomposed part by part;
 * 6. `max(A, B) = B + ReLU(A − B)`, `min(A, B) = A − ReLU(A − B)` when `A − B` is affine (an exact hinge;
 *    a `max` of functions of one common linear form is one itself, rule 3);
 * 7. a product of polynomials and smooth functions of one variable each (`x1·sin(x2)`): the functions are
 *    replaced by Taylor polynomials with a certified remainder (a `tolerance` piece carries the error).
 * Anything else (a product with a factor of several variables that is no polynomial, a maximum of three
 * non-ridge arguments, a Taylor error above the allowance, …) is refused with {@link ConstructionRefused} naming the target and the piece.
 *
 * Expressions are parsed with mathjs `parse` only (never `evaluate`), configured like
 * `src/targets/expression.ts` (numbers as exact decimals); the text was checked against that module's
 * whitelist before it reaches here, and every derived text is compiled by it again.
 */
import type { MathNode } from 'mathjs';
import { createRequire } from 'node:module';
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt, type Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { compileExpression } from '../targets/expression.ts';
import { polarize, Polynomial } from './polynomial.ts';
import { NoTaylorSeries, taylorSeries } from './taylor.ts';

/** Working precision and stored digits of Taylor coefficients. */
const TAYLOR_PRECISION = 40;
const TAYLOR_DIGITS = 30;

/** Largest total degree of a polynomial part (a degree-k monomial polarizes into up to 2^{k−1} ridge powers). */
export const MAX_POLYNOMIAL_DEGREE = 6;

/** The construction cannot represent the target with this route; the message names the target and why. */
export class ConstructionRefused extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
    /** When the refusal is the error budget: the ledger total that exceeded ε (the claim `ledger` reports it). */
    readonly ledgerTotal?: Decimal,
  ) {
    super(`cannot construct a network for target ${JSON.stringify(target)}: ${reason}`);
    this.name = 'ConstructionRefused';
  }
}

/** One additive piece of a target (for one gate: all positions, or one position). */
export type Piece =
  | { readonly kind: 'constant'; readonly text: string }
  | { readonly kind: 'affine'; readonly coefficients: readonly Rational[]; readonly offset: Rational }
  /** `scale·ReLU(coefficients·x + offset)`, exact. */
  | { readonly kind: 'hinge'; readonly coefficients: readonly Rational[]; readonly offset: Rational; readonly scale: Rational }
  /** `g(direction·x)` with `g` given as an expression in `t`; `direction` integer, coprime, first non-zero entry > 0. */
  | { readonly kind: 'ridge'; readonly direction: readonly bigint[]; readonly g: string }
  /** No function: a proved bound on the error of replacing a factor by its Taylor polynomial (goes to the ledger). */
  | { readonly kind: 'tolerance'; readonly error: Decimal };

type MathParse = (text: string) => MathNode;
let mathParse: MathParse | undefined;

/** mathjs `parse` reading numbers as exact decimals, loaded on first use (as in `src/targets/expression.ts`). */
export function parseExpression(text: string): MathNode {
  if (mathParse === undefined) {
    const require = createRequire(import.meta.url);
    const mathjs = require('mathjs') as typeof import('mathjs');
    const math = mathjs.create({ parseDependencies: mathjs.parseDependencies as import('mathjs').FactoryFunctionMap }, { number: 'BigNumber' });
    mathParse = (t) => math.parse(t);
  }
  return mathParse(text);
}

type Node = MathNode & Record<string, unknown>;

/** Children of a node, in order. */
function childrenOf(node: MathNode): MathNode[] {
  const n = node as Node;
  if (node.type === 'ParenthesisNode') return [n.content as MathNode];
  if (node.type === 'OperatorNode' || node.type === 'FunctionNode') return n.args as MathNode[];
  return [];
}

/**
 * The node as fully parenthesized text; `replace` may substitute any sub-tree by a text.
 * Only the whitelisted node types of `src/targets/expression.ts` occur here.
 */
export function render(node: MathNode, replace?: (n: MathNode) => string | undefined): string {
  const r = replace?.(node);
  if (r !== undefined) return r;
  const n = node as Node;
  switch (node.type) {
    case 'ConstantNode':
      return String(n.value);
    case 'SymbolNode':
      return n.name as string;
    case 'ParenthesisNode':
      return `(${render(n.content as MathNode, replace)})`;
    case 'OperatorNode': {
      const args = (n.args as MathNode[]).map((a) => render(a, replace));
      return args.length === 1 ? `(${n.op as string}${args[0]!})` : `(${args[0]!} ${n.op as string} ${args[1]!})`;
    }
    case 'FunctionNode': {
      const name = (n.fn as Node).name as string;
      return `${name}(${(n.args as MathNode[]).map((a) => render(a, replace)).join(', ')})`;
    }
    default:
      throw new Error(`render: unexpected node type ${node.type}`); // unreachable after the whitelist
  }
}

/** Exact text of a rational, parseable: `3`, `(-3/4)`. */
export function rationalText(r: Rational): string {
  return r.den === 1n ? (r.num < 0n ? `(${r.num.toString()})` : r.num.toString()) : `(${r.num.toString()}/${r.den.toString()})`;
}

/** Decomposer for expressions over `x1 … xn`. */
export class RidgeDecomposer {
  private readonly varIndex = new Map<string, number>();

  constructor(
    readonly n: number,
    /** The target's text, for refusal messages. */
    readonly targetText: string,
    /** Largest error allowed for one product whose smooth factors are replaced by Taylor polynomials. */
    readonly taylorAllowance: Decimal = new ExactDecimal(0),
  ) {
    for (let k = 1; k <= n; k++) this.varIndex.set(`x${k}`, k - 1);
  }

  private refuse(reason: string): never {
    throw new ConstructionRefused(this.targetText, reason);
  }

  private hasVariables(node: MathNode): boolean {
    if (node.type === 'SymbolNode') return this.varIndex.has((node as Node).name as string);
    if (node.type === 'FunctionNode') return ((node as Node).args as MathNode[]).some((a) => this.hasVariables(a));
    return childrenOf(node).some((c) => this.hasVariables(c));
  }

  /** The exact value of a variable-free node when it is rational. */
  private rationalConstant(node: MathNode): Rational | undefined {
    return compileExpression(render(node), []).rational([]);
  }

  /** `coefficients·x + offset` when the node is affine with rational coefficients. */
  affineOf(node: MathNode): { coefficients: Rational[]; offset: Rational } | undefined {
    const zero = (): Rational[] => new Array<Rational>(this.n).fill(Rational.ZERO);
    if (!this.hasVariables(node)) {
      const c = this.rationalConstant(node);
      return c === undefined ? undefined : { coefficients: zero(), offset: c };
    }
    const n = node as Node;
    switch (node.type) {
      case 'SymbolNode': {
        const coefficients = zero();
        coefficients[this.varIndex.get(n.name as string)!] = Rational.ONE;
        return { coefficients, offset: Rational.ZERO };
      }
      case 'ParenthesisNode':
        return this.affineOf(n.content as MathNode);
      case 'OperatorNode': {
        const args = (n.args as MathNode[]).map((a) => this.affineOf(a));
        if (args.some((a) => a === undefined)) return undefined;
        const [a, b] = args as Array<{ coefficients: Rational[]; offset: Rational }>;
        const comb = (s: Rational) => ({
          coefficients: a!.coefficients.map((c, i) => c.add(b!.coefficients[i]!.mul(s))),
          offset: a!.offset.add(b!.offset.mul(s)),
        });
        const scaled = (x: { coefficients: Rational[]; offset: Rational }, s: Rational) => ({
          coefficients: x.coefficients.map((c) => c.mul(s)),
          offset: x.offset.mul(s),
        });
        const isConst = (x: { coefficients: Rational[] }) => x.coefficients.every((c) => c.isZero());
        switch (n.fn as string) {
          case 'unaryPlus':
            return a;
          case 'unaryMinus':
            return scaled(a!, Rational.of(-1));
          case 'add':
            return comb(Rational.ONE);
          case 'subtract':
            return comb(Rational.of(-1));
          case 'multiply':
            if (isConst(a!)) return scaled(b!, a!.offset);
            if (isConst(b!)) return scaled(a!, b!.offset);
            return undefined;
          case 'divide':
            return isConst(b!) && !b!.offset.isZero() ? scaled(a!, Rational.ONE.div(b!.offset)) : undefined;
          default:
            return undefined;
        }
      }
      default:
        return undefined;
    }
  }

  /** The node as `g(direction·x)` when every variable occurs in affine sub-trees along one direction. */
  ridgeOf(node: MathNode): { direction: bigint[]; g: string } | { constant: string } | undefined {
    const leaves = new Map<MathNode, { coefficients: Rational[]; offset: Rational }>();
    const collect = (m: MathNode): void => {
      if (!this.hasVariables(m)) return;
      const aff = this.affineOf(m);
      if (aff !== undefined) {
        leaves.set(m, aff);
        return;
      }
      childrenOf(m).forEach(collect);
    };
    collect(node);
    if (leaves.size === 0) return undefined;
    // affine sub-trees whose linear part vanishes (e.g. x1 − x1) are constants
    const isZero = (aff: { coefficients: Rational[] }) => aff.coefficients.every((c) => c.isZero());
    const moving = [...leaves.values()].filter((aff) => !isZero(aff));
    if (moving.length === 0) {
      return { constant: render(node, (m) => (leaves.has(m) ? `(${rationalText(leaves.get(m)!.offset)})` : undefined)) };
    }
    const first = moving[0]!;
    const { direction } = normalizeDirection(first.coefficients);
    const factors = new Map<MathNode, Rational>();
    for (const [m, aff] of leaves) {
      if (isZero(aff)) {
        factors.set(m, Rational.ZERO);
        continue;
      }
      const factor = proportionality(aff.coefficients, direction);
      if (factor === undefined) return undefined;
      factors.set(m, factor);
    }
    const g = render(node, (m) => {
      const aff = leaves.get(m);
      return aff === undefined ? undefined : `(${rationalText(factors.get(m)!)}*t + ${rationalText(aff.offset)})`;
    });
    return { direction, g };
  }

  /** The node as a polynomial of degree ≤ {@link MAX_POLYNOMIAL_DEGREE}, when it is one. */
  polynomialOf(node: MathNode): Polynomial | undefined {
    if (!this.hasVariables(node)) {
      const c = this.rationalConstant(node);
      return c === undefined ? undefined : Polynomial.constant(this.n, c);
    }
    const n = node as Node;
    const capped = (p: Polynomial | undefined): Polynomial | undefined => (p !== undefined && p.degree <= MAX_POLYNOMIAL_DEGREE ? p : undefined);
    switch (node.type) {
      case 'SymbolNode':
        return Polynomial.variable(this.n, this.varIndex.get(n.name as string)!);
      case 'ParenthesisNode':
        return this.polynomialOf(n.content as MathNode);
      case 'OperatorNode': {
        const argNodes = n.args as MathNode[];
        const fn = n.fn as string;
        if (fn === 'pow') {
          const base = this.polynomialOf(argNodes[0]!);
          const e = this.hasVariables(argNodes[1]!) ? undefined : this.rationalConstant(argNodes[1]!);
          if (base === undefined || e === undefined || e.den !== 1n || e.num < 0n || e.num > BigInt(MAX_POLYNOMIAL_DEGREE)) return undefined;
          return capped(base.pow(Number(e.num)));
        }
        if (fn === 'divide') {
          const a = this.polynomialOf(argNodes[0]!);
          const c = this.hasVariables(argNodes[1]!) ? undefined : this.rationalConstant(argNodes[1]!);
          return a === undefined || c === undefined || c.isZero() ? undefined : a.scale(Rational.ONE.div(c));
        }
        const args = argNodes.map((a) => this.polynomialOf(a));
        if (args.some((a) => a === undefined)) return undefined;
        const [a, b] = args as Polynomial[];
        switch (fn) {
          case 'unaryPlus':
            return a;
          case 'unaryMinus':
            return a!.scale(Rational.of(-1));
          case 'add':
            return a!.add(b!);
          case 'subtract':
            return a!.add(b!.scale(Rational.of(-1)));
          case 'multiply':
            return capped(a!.mul(b!));
          default:
            return undefined;
        }
      }
      default:
        return undefined;
    }
  }

  /** The pieces of `node` (a sub-expression of the target, index already substituted). */
  decompose(node: MathNode): Piece[] {
    if (!this.hasVariables(node)) return [{ kind: 'constant', text: render(node) }];
    const affine = this.affineOf(node);
    if (affine !== undefined) return [{ kind: 'affine', ...affine }];
    const ridge = this.ridgeOf(node);
    if (ridge !== undefined) return 'constant' in ridge ? [{ kind: 'constant', text: ridge.constant }] : [{ kind: 'ridge', direction: ridge.direction, g: ridge.g }];
    const poly = this.polynomialOf(node);
    if (poly !== undefined) return this.polynomialPieces(poly);
    const n = node as Node;
    if (node.type === 'ParenthesisNode') return this.decompose(n.content as MathNode);
    if (node.type === 'OperatorNode') {
      const args = n.args as MathNode[];
      switch (n.fn as string) {
        case 'unaryPlus':
          return this.decompose(args[0]!);
        case 'unaryMinus':
          return scalePieces(this.decompose(args[0]!), '(-1)', this.n);
        case 'add':
          return [...this.decompose(args[0]!), ...this.decompose(args[1]!)];
        case 'subtract':
          return [...this.decompose(args[0]!), ...scalePieces(this.decompose(args[1]!), '(-1)', this.n)];
        case 'multiply':
          if (!this.hasVariables(args[0]!)) return scalePieces(this.decompose(args[1]!), `(${render(args[0]!)})`, this.n);
          if (!this.hasVariables(args[1]!)) return scalePieces(this.decompose(args[0]!), `(${render(args[1]!)})`, this.n);
          return this.productByTaylor(node);
        case 'divide':
          if (!this.hasVariables(args[1]!)) return scalePieces(this.decompose(args[0]!), `(1/${render(args[1]!)})`, this.n);
          return this.refuse(`the quotient ${render(node)} divides by an expression of the variables`);
        default:
          return this.refuse(`the power ${render(node)} is neither a polynomial of degree ≤ ${MAX_POLYNOMIAL_DEGREE} nor a function of one linear form`);
      }
    }
    if (node.type === 'FunctionNode') {
      const name = ((n.fn as Node).name as string) ?? '';
      const args = n.args as MathNode[];
      if ((name === 'max' || name === 'min') && args.length === 2) return this.maxMinPieces(name, args[0]!, args[1]!, node);
      if ((name === 'max' || name === 'min') && args.length === 1) return this.decompose(args[0]!);
      return this.refuse(`${render(node)} is not a function of one linear form of the variables`);
    }
    return this.refuse(`cannot decompose ${render(node)}`);
  }

  /**
   * A product of polynomial factors and functions of one variable each: every such function `f(x_j)`
   * is replaced by its Taylor polynomial at `x_j = 1/2` of the largest degree the polynomial cap
   * allows, with the Lagrange remainder `ρ_f ≤ sup|f^{(K)}/K!|·(1/2)^K` (`taylor.ts`); the product
   * is then a polynomial (polarized), and the error of the product is bounded by telescoping,
   * `|Π B_i − Π B̃_i| ≤ Σ_i ρ_i Π_{j<i} sup|B̃_j| Π_{j>i} sup|B_j|` (sups over `[0,1]^n` by interval evaluation).
   */
  private productByTaylor(node: MathNode): Piece[] {
    const why = `the product ${render(node)} has factors that are neither polynomials nor functions of one common linear form`;
    const factors = flattenProduct(node);
    const A = arithAt(TAYLOR_PRECISION);
    const names = Array.from({ length: this.n }, (_, k) => `x${k + 1}`);
    const cube = names.map(() => A.between(0, 1));
    const polys: Polynomial[] = [];
    const smooth: Array<{ node: MathNode; variable: string }> = [];
    for (const f of factors) {
      const p = this.polynomialOf(f);
      if (p !== undefined) {
        polys.push(p);
        continue;
      }
      const vars = [...this.varIndex.keys()].filter((v) => mentions(f, v));
      if (vars.length !== 1) return this.refuse(`${why}, and ${render(f)} is a function of several variables`);
      smooth.push({ node: f, variable: vars[0]! });
    }
    const used = polys.reduce((d, p) => d + p.degree, 0);
    const spare = MAX_POLYNOMIAL_DEGREE - used;
    if (smooth.length === 0 || spare < smooth.length) return this.refuse(`${why}, and its polynomial part leaves no degree for Taylor polynomials (cap ${MAX_POLYNOMIAL_DEGREE})`);
    const sups: Interval[] = [];
    const approximations: Array<{ poly: Polynomial; error: Decimal; sup: Interval }> = [];
    smooth.forEach((f, s) => {
      const degree = Math.floor(spare / smooth.length) + (s < spare % smooth.length ? 1 : 0);
      const K = degree + 1;
      let series: Interval[];
      let remainder: Interval[];
      try {
        series = taylorSeries(f.node, f.variable, A.point('0.5'), K, A);
        remainder = taylorSeries(f.node, f.variable, A.between(0, 1), K, A);
      } catch (e) {
        if (e instanceof NoTaylorSeries) return this.refuse(`${why}, and ${render(f.node)} has no Taylor series on [0, 1] (${e.message})`);
        throw e;
      }
      const half = A.point('0.5');
      let error = A.mul(A.abs(remainder[K]!), A.powInt(half, K)).hi;
      const j = this.varIndex.get(f.variable)!;
      const shifted = Polynomial.variable(this.n, j).add(Polynomial.constant(this.n, Rational.of(-1, 2)));
      let poly = Polynomial.constant(this.n, Rational.ZERO);
      for (let k = 0; k < K; k++) {
        const c = series[k]!;
        const mid = new A.ctx.near(c.lo).plus(c.hi).div(2).toSignificantDigits(TAYLOR_DIGITS);
        const rounding = A.up.max(A.up.sub(mid, c.lo), A.up.sub(c.hi, mid));
        error = A.up.add(error, A.up.mul(rounding, A.powInt(half, k).hi));
        poly = poly.add(shifted.pow(k).scale(Rational.fromDecimal(new ExactDecimal(mid))));
      }
      const sup = A.abs(compileExpression(render(f.node), names).interval(cube, A));
      approximations.push({ poly, error, sup });
      sups.push(sup);
    });
    // telescoping over the smooth factors (polynomial factors are exact and bounded by their enclosures)
    const polySup = polys.reduce((m, p, k) => A.mul(m, A.abs(compileExpression(render(factors.filter((f) => this.polynomialOf(f) !== undefined)[k]!), names).interval(cube, A))), A.point(1));
    let total = new ExactDecimal(0);
    approximations.forEach((a, i) => {
      let bound = A.mul(A.point(a.error), polySup);
      approximations.forEach((b, j) => {
        if (j < i) bound = A.mul(bound, A.add(b.sup, A.point(b.error)));
        if (j > i) bound = A.mul(bound, b.sup);
      });
      total = A.up.add(total, bound.hi);
    });
    if (total.gt(this.taylorAllowance)) {
      return this.refuse(`${why}; its Taylor substitution at the degree cap ${MAX_POLYNOMIAL_DEGREE} errs by up to ${total.toSignificantDigits(3).toString()}, above the allowance ${this.taylorAllowance.toString()}`);
    }
    const product = [...polys, ...approximations.map((a) => a.poly)].reduce((p, q) => p.mul(q));
    return [...this.polynomialPieces(product), { kind: 'tolerance', error: total }];
  }

  /**
   * `max(A, B) = B + ReLU(A − B)`, `min(A, B) = A − ReLU(A − B)` with `A − B` affine: an exact hinge. (When
   * `A` and `B` are functions of one common linear form, so is the whole `max`, which rule 3 took before;
   * otherwise `A − B` has the same affine leaves as the whole and is no function of one linear form either.)
   */
  private maxMinPieces(name: 'max' | 'min', a: MathNode, b: MathNode, whole: MathNode): Piece[] {
    const diff = parseExpression(`(${render(a)}) - (${render(b)})`);
    const aff = this.affineOf(diff);
    if (aff === undefined) {
      return this.refuse(`${render(whole)}: ${name}(A, B) = B ± ReLU(A − B) needs A − B affine (or the whole ${name} a function of one linear form), and ${render(diff)} is not`);
    }
    const relu: Piece = { kind: 'hinge', coefficients: aff.coefficients, offset: aff.offset, scale: Rational.ONE };
    // max(A, B) = B + ReLU(A − B); min(A, B) = A − ReLU(A − B)
    return name === 'max' ? [...this.decompose(b), relu] : [...this.decompose(a), ...scalePieces([relu], '(-1)', this.n)];
  }

  private polynomialPieces(p: Polynomial): Piece[] {
    const { constant, linear, ridges } = polarize(p);
    const pieces: Piece[] = [];
    if (!constant.isZero()) pieces.push({ kind: 'constant', text: rationalText(constant) });
    if (linear.some((c) => !c.isZero())) pieces.push({ kind: 'affine', coefficients: linear, offset: Rational.ZERO });
    for (const r of ridges) {
      const { direction, factor } = normalizeDirection(r.direction.map((d) => Rational.of(d)));
      // c·(v·x)^k with v = factor·direction: c·factor^k·t^k
      const coefficient = r.coefficient.mul(factor.pow(r.power));
      pieces.push({ kind: 'ridge', direction, g: `${rationalText(coefficient)}*t^${r.power}` });
    }
    return pieces;
  }
}

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** `coefficients = factor·direction` with `direction` integer, coprime, first non-zero entry positive. */
export function normalizeDirection(coefficients: readonly Rational[]): { direction: bigint[]; factor: Rational } {
  const lcm = coefficients.reduce((l, c) => (l * c.den) / gcdBig(l, c.den), 1n);
  const ints = coefficients.map((c) => (c.num * lcm) / c.den);
  const g = ints.reduce((acc, v) => gcdBig(acc, v), 0n);
  if (g === 0n) throw new RangeError('normalizeDirection: zero vector');
  const firstSign = ints.find((v) => v !== 0n)! < 0n ? -1n : 1n;
  const direction = ints.map((v) => (v / g) * firstSign);
  return { direction, factor: Rational.of(g * firstSign, lcm) };
}

/** `s` with `coefficients = s·direction`, or undefined when they are not proportional. */
function proportionality(coefficients: readonly Rational[], direction: readonly bigint[]): Rational | undefined {
  let s: Rational | undefined;
  for (let i = 0; i < direction.length; i++) {
    const d = direction[i]!;
    const c = coefficients[i]!;
    if (d === 0n) {
      if (!c.isZero()) return undefined;
      continue;
    }
    const ratio = c.div(Rational.of(d));
    if (s === undefined) s = ratio;
    else if (!s.eq(ratio)) return undefined;
  }
  return s;
}

/** Multiplies pieces by a constant given as text (exactly when it is rational). */
export function scalePieces(pieces: readonly Piece[], constantText: string, n: number): Piece[] {
  const r = compileExpression(constantText, []).rational([]);
  return pieces.map((p): Piece => {
    switch (p.kind) {
      case 'constant':
        return { kind: 'constant', text: `${constantText}*(${p.text})` };
      case 'ridge':
        return { kind: 'ridge', direction: p.direction, g: `${constantText}*(${p.g})` };
      case 'affine':
        if (r !== undefined) return { kind: 'affine', coefficients: p.coefficients.map((c) => c.mul(r)), offset: p.offset.mul(r) };
        return affineAsRidge(p.coefficients, p.offset, (inner) => `${constantText}*${inner}`, n);
      case 'hinge':
        if (r !== undefined) return { ...p, scale: p.scale.mul(r) };
        return affineAsRidge(p.coefficients, p.offset, (inner) => `${constantText}*${rationalText(p.scale)}*max(${inner}, 0)`, n);
      case 'tolerance': {
        const A = arithAt(TAYLOR_PRECISION);
        return { kind: 'tolerance', error: A.mul(A.point(p.error), A.abs(compileExpression(constantText, []).interval([], A))).hi };
      }
    }
  });
}

function affineAsRidge(coefficients: readonly Rational[], offset: Rational, wrap: (inner: string) => string, _n: number): Piece {
  if (coefficients.every((c) => c.isZero())) return { kind: 'constant', text: wrap(`(${rationalText(offset)})`) };
  const { direction, factor } = normalizeDirection(coefficients);
  return { kind: 'ridge', direction, g: wrap(`(${rationalText(factor)}*t + ${rationalText(offset)})`) };
}

/** The factors of a product (flattening `*` and parentheses). */
function flattenProduct(node: MathNode): MathNode[] {
  const n = node as Node;
  if (node.type === 'ParenthesisNode') return flattenProduct(n.content as MathNode);
  if (node.type === 'OperatorNode' && n.fn === 'multiply') return (n.args as MathNode[]).flatMap(flattenProduct);
  return [node];
}

/** The additive terms of an expression (flattening `+`, `−`, unary `±` and parentheses), each with its sign. */
export function additiveTerms(node: MathNode, sign: 1 | -1 = 1): Array<{ sign: 1 | -1; node: MathNode }> {
  const n = node as Node;
  if (node.type === 'ParenthesisNode') return additiveTerms(n.content as MathNode, sign);
  if (node.type === 'OperatorNode') {
    const args = n.args as MathNode[];
    const fn = n.fn as string;
    if (fn === 'add') return [...additiveTerms(args[0]!, sign), ...additiveTerms(args[1]!, sign)];
    if (fn === 'subtract') return [...additiveTerms(args[0]!, sign), ...additiveTerms(args[1]!, sign === 1 ? -1 : 1)];
    if (fn === 'unaryMinus') return additiveTerms(args[0]!, sign === 1 ? -1 : 1);
    if (fn === 'unaryPlus') return additiveTerms(args[0]!, sign);
  }
  return [{ sign, node }];
}

/** True when the node mentions the symbol `name`. */
export function mentions(node: MathNode, name: string): boolean {
  if (node.type === 'SymbolNode') return (node as Node).name === name;
  return childrenOf(node).some((c) => mentions(c, name));
}

/** The node's text with the symbol `name` replaced by the integer `value`. */
export function substitute(node: MathNode, name: string, value: number): string {
  return render(node, (m) => (m.type === 'SymbolNode' && (m as Node).name === name ? `(${value})` : undefined));
}
