/**
 * ReLU hats form a partition of unity on $[a,b]$ and interpolate: with $h = (b-a)/N$, nodes $x_k = a + kh$ and
 * $\varphi_k(x) = \tfrac1h[\mathrm{ReLU}(x - x_{k-1}) - 2\,\mathrm{ReLU}(x - x_k) + \mathrm{ReLU}(x - x_{k+1})]$,
 * $\sum_{k=0}^N \varphi_k = 1$ on $[a,b]$ and $|f(x) - \sum_k f(x_k)\varphi_k(x)| \le \omega(h/2)$ for a concave modulus $\omega$.
 *
 * Every hat is evaluated as a ReLU network with explicit weights (`src/relu/`): three hidden units
 * per hat, or the merged partition network of $N + 3$ shared units $\mathrm{ReLU}(x - x_j)$, $j = -1, \dots, N+1$.
 * Inputs are decimals and $h$ is rational, so the network outputs are exact rationals: the identities
 * (`relu-form`, `sum-to-one`, `tensor-sum-to-one`) are decided exactly, the left side coming out as
 * the point $[0, 0]$.
 *
 * In $d \ge 2$ dimensions the tensor product $\prod_i \varphi_{k_i}(x_i)$ is still a partition of unity
 * (claim `tensor-sum-to-one`), but it is not a one-hidden-layer ReLU network: such a network
 * $F(x) = \beta + \sum_u c_u \mathrm{ReLU}(w_u \cdot x + b_u)$ is a sum of ridge functions, and a non-zero one never has
 * compact support in $d \ge 2$. Proof: if $F$ vanishes outside a ball, $F(tx)/t \to \sum_u c_u \mathrm{ReLU}(w_u \cdot x) = 0$, so
 * $F = \beta + \sum_w r_w(w \cdot x)$ where, grouping the units by direction $w$, each $r_w$ has limits at $\pm\infty$. Fix $w^*$;
 * as $d \ge 2$ there is $v \perp w^*$ with $w \cdot v \ne 0$ for the finitely many other directions, and letting $s \to \infty$ in
 * $F(y + sv) = 0$ shows $r_{w^*}(w^* \cdot y)$ independent of $y$. So every $r_w$ is constant and $F \equiv 0$.
 * The natural ReLU-expressible bump, the pyramid $\max(0, 1 - \|x - x_k\|_\infty/h)$ (depth $> 1$: the
 * ∞-norm is a maximum), does not sum to 1 on a grid in $d \ge 2$: at a cell centre four pyramids
 * are $1/2$ each (finding `pyramids-sum-to-one`). A proof that needs multi-dimensional ReLU bumps inside
 * a single FFN layer needs another route (e.g. ridge functions, as in MATH.md's theorem route).
 *
 * Arguments: `a < b` (decimals), `N` an integer in $[1, 10^6]$; a ≥ b, N < 1 or a non-integer N is an
 * `error`. Evaluation is linear in N (about 4 s at $N = 10^6$).
 *
 * @hypothesis interval $x \in [a, b]$ (each coordinate, in several dimensions)
 * @hypothesis dimension one input variable: the bumps are one-hidden-layer ReLU networks of $x \in \mathbb{R}$
 * @method Exact rational arithmetic (BigInt fractions) for the networks; interval arithmetic with directed
 * rounding for $f$. On $[x_j, x_{j+1}]$ only $\varphi_j, \varphi_{j+1}$ are non-zero and they are the linear
 * interpolation weights, so the interpolant is the chord of $f$ and
 * $|f(x) - I(x)| \le t\,\omega((1-t)h) + (1-t)\,\omega(th) \le \omega(2t(1-t)h) \le \omega(h/2)$ for concave $\omega$ (Jensen);
 * for $f \in C^2$ the chord error is $\tfrac12|f''(\xi)|(x - x_j)(x_{j+1} - x) \le h^2\sup|f''|/8$.
 * @reference E. Gumaan, Universal Approximation Theorem for a Single-Layer Transformer, arXiv:2507.10581 (2025);
 * standard form in MATH.md, lemma relu-partition-of-unity; ridge functions: A. Pinkus, Ridge Functions, Cambridge (2015), ch. 1.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../src/arith/interval.ts';
import { Rational } from '../src/arith/rational.ts';
import { closedFormHat, hatNetwork, nearbyMultiIndices, nodeOf, partitionNetwork, pyramid, uniformGrid, type Grid } from '../src/relu/hats.ts';
import { evaluateExact } from '../src/relu/network.ts';
import { defineClaim, defineFinding, defineLemma, type Evaluation, type HypothesisFailure } from '../src/registry/define.ts';
import { readTarget } from '../src/targets/expression.ts';
import { modulusAt, modulusAtRational } from '../src/targets/modulus.ts';
import type { Modulus, Target } from '../src/targets/target.ts';
import { readDecimal, readDecimalArray, readInteger, required } from '../src/verdict/args.ts';
import { ArgumentError } from '../src/verdict/errors.ts';

/** Largest number of cells `N` accepted (evaluation is linear in `N`: about 4 s at the cap). */
export const MAX_CELLS = 1_000_000;
/**
 * Largest total size, in bits, of the exact numbers the partition network handles: (bits of `a`, `h`
 * and the point) × (N + 3) units. Keeps a probe like `a = -1e100000, N = 10^6` from running for hours;
 * ordinary inputs (a few dozen digits) stay far below it at N = 10^6.
 */
export const MAX_NETWORK_BITS = 1_500_000_000;
/** Largest dimension `d` of `tensor-sum-to-one` and `pyramids-sum-to-one` (3^d multi-indices are summed). */
export const MAX_DIMENSION = 8;

interface GridArgs {
  readonly grid: Grid;
}
interface PointArgs extends GridArgs {
  readonly x: Decimal;
  readonly xr: Rational;
}
interface HatArgs extends PointArgs {
  readonly k: number;
}
interface InterpolationArgs extends PointArgs {
  readonly target: Target;
}
interface VectorArgs extends GridArgs {
  readonly x: Decimal[];
  readonly xr: Rational[];
}

function readGrid(raw: Record<string, unknown>): Grid {
  const a = readDecimal(required(raw, 'a'), 'a');
  const b = readDecimal(required(raw, 'b'), 'b');
  const N = readInteger(required(raw, 'N'), 'N', 1, MAX_CELLS);
  if (!a.lt(b)) throw new ArgumentError('b', raw.b, `must exceed a = ${a.toString()}`);
  return uniformGrid(a, b, N);
}

/** The bits of a rational's numerator and denominator, from their hex digits (a minus sign counts as one more: a harmless over-estimate). */
function bitsOf(r: Rational): number {
  return (r.num.toString(16).length + r.den.toString(16).length) * 4;
}

/** Throws when the exact network evaluation would exceed {@link MAX_NETWORK_BITS}. */
function checkNetworkSize(grid: Grid, points: readonly Rational[]): void {
  const perUnit = bitsOf(grid.a) + bitsOf(grid.h) + Math.max(...points.map(bitsOf));
  if (perUnit * (grid.N + 3) > MAX_NETWORK_BITS) {
    throw new ArgumentError('N', grid.N, `is too large for numbers of this size: (N + 3) × ${perUnit} bits exceeds ${MAX_NETWORK_BITS} bits; use fewer digits or a smaller N`);
  }
}

function readPoint(raw: Record<string, unknown>): PointArgs {
  const grid = readGrid(raw);
  const x = readDecimal(required(raw, 'x'), 'x');
  const xr = Rational.fromDecimal(x);
  checkNetworkSize(grid, [xr]);
  return { grid, x, xr };
}

function readVector(raw: Record<string, unknown>): VectorArgs {
  const grid = readGrid(raw);
  const x = readDecimalArray(required(raw, 'x'), 'x', 1, MAX_DIMENSION);
  const xr = x.map((v) => Rational.fromDecimal(v));
  checkNetworkSize(grid, xr);
  return { grid, x, xr };
}

function intervalFails(grid: Grid, xr: Rational, name = 'x'): HypothesisFailure | undefined {
  if (grid.a.lte(xr) && xr.lte(grid.b)) return undefined;
  return { hypothesis: 'interval', reason: `${name} = ${xr.toString()} lies outside [a, b] = [${grid.a.toString()}, ${grid.b.toString()}]` };
}

function vectorIntervalFails(a: VectorArgs): HypothesisFailure | undefined {
  for (let i = 0; i < a.xr.length; i++) {
    const f = intervalFails(a.grid, a.xr[i]!, `x[${i}]`);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** An exact left side against the bound 0: the margin is `−lhs`, exactly. */
function exactAgainstZero(lhs: Rational, A: Arith): Evaluation {
  return { lhs: lhs.toInterval(A), bound: A.point(0), margin: lhs.neg().toInterval(A) };
}

/** `φ_0(x) … φ_N(x)` from the partition network, exactly; cached per probe (the engine re-evaluates at each precision). */
const hatValuesCache = new WeakMap<object, Rational[]>();
function hatValuesAt(args: PointArgs): Rational[] {
  let values = hatValuesCache.get(args);
  if (values === undefined) {
    values = evaluateExact(partitionNetwork(args.grid), [args.xr]);
    hatValuesCache.set(args, values);
  }
  return values;
}

function sumToOneDeviation(args: PointArgs): Rational {
  return hatValuesAt(args)
    .reduce((s, v) => s.add(v), Rational.ZERO)
    .sub(Rational.ONE)
    .abs();
}

/**
 * $\sum_{k=0}^{N} \varphi_k(x) = 1$ for every $x \in [a, b]$, with the hats evaluated as the partition network.
 *
 * @bound $0$
 * @lhs $|\sum_{k=0}^N \varphi_k(x) - 1|$
 * @args `a`, `b` (decimals, a < b), `N` (integer in [1, 10^6]), `x` (decimal)
 * @method The sum telescopes to $\tfrac1h[\mathrm{ReLU}(x - x_{-1}) - \mathrm{ReLU}(x - x_0) - \mathrm{ReLU}(x - x_N) + \mathrm{ReLU}(x - x_{N+1})]$,
 * which is $h/h = 1$ on $[a, b]$; the network is evaluated exactly in rationals.
 */
export const sumToOne = defineClaim<PointArgs>({
  id: 'sum-to-one',
  parse: readPoint,
  hypotheses: (a) => intervalFails(a.grid, a.xr),
  evaluate: (args, A) => exactAgainstZero(sumToOneDeviation(args), A),
});

function readHat(raw: Record<string, unknown>): HatArgs {
  const p = readPoint(raw);
  return { ...p, k: readInteger(required(raw, 'k'), 'k', 0, p.grid.N) };
}

function hatAt(args: HatArgs): Rational {
  return evaluateExact(hatNetwork(args.grid, args.k), [args.xr])[0]!;
}

/**
 * The three-unit ReLU network of $\varphi_k$ equals the closed form: $\varphi_k(x) = \max(0, 1 - |x - x_k|/h)$ for every real $x$.
 *
 * @bound $0$
 * @lhs $|\varphi_k(x) - \max(0, 1 - |x - x_k|/h)|$, the network against the closed form
 * @args `a`, `b`, `N`, `k` (integer in [0, N]), `x` (any decimal)
 * @method Both sides are piecewise linear with kinks at $x_{k-1}, x_k, x_{k+1}$ and agree there; evaluated exactly.
 */
export const reluForm = defineClaim<HatArgs>({
  id: 'relu-form',
  parse: readHat,
  hypotheses: () => undefined,
  evaluate: (args, A) => exactAgainstZero(hatAt(args).sub(closedFormHat(args.grid, args.k, args.xr)).abs(), A),
});

/**
 * Every hat is non-negative: $\varphi_k(x) \ge 0$ for every real $x$.
 *
 * @bound $0$
 * @lhs $-\varphi_k(x)$
 * @args `a`, `b`, `N`, `k` (integer in [0, N]), `x` (any decimal)
 */
export const nonnegative = defineClaim<HatArgs>({
  id: 'nonnegative',
  parse: readHat,
  hypotheses: () => undefined,
  evaluate: (args, A) => exactAgainstZero(hatAt(args).neg(), A),
});

/**
 * Every hat is supported on $[x_{k-1}, x_{k+1}]$: $\varphi_k(x) = 0$ when $|x - x_k| \ge h$.
 *
 * @bound $0$
 * @lhs $|\varphi_k(x)|$
 * @args `a`, `b`, `N`, `k` (integer in [0, N]), `x` (decimal with $|x - x_k| \ge h$)
 * @hypothesis far $|x - x_k| \ge h$
 */
export const support = defineClaim<HatArgs>({
  id: 'support',
  parse: readHat,
  hypotheses({ grid, k, xr }) {
    const distance = xr.sub(nodeOf(grid, k)).abs();
    return grid.h.lte(distance) ? undefined : { hypothesis: 'far', reason: `|x − x_k| = ${distance.toString()} is below h = ${grid.h.toString()}` };
  },
  evaluate: (args, A) => exactAgainstZero(hatAt(args).abs(), A),
});

function readInterpolation(raw: Record<string, unknown>): InterpolationArgs {
  return { ...readPoint(raw), target: readTarget(raw, { variables: ['x'] }) };
}

function targetDomainFails(target: Target, lo: Rational, hi: Rational, what: string): HypothesisFailure | undefined {
  const d = target.domain;
  if (d === undefined) return undefined;
  if (Rational.fromDecimal(d.lo).lte(lo) && hi.lte(Rational.fromDecimal(d.hi))) return undefined;
  return {
    hypothesis: 'target-domain',
    reason: `${what} is not inside the domain [${d.lo.toString()}, ${d.hi.toString()}] where ${target.id} has its stated modulus`,
  };
}

function interpolationFails(a: InterpolationArgs): HypothesisFailure | undefined {
  return intervalFails(a.grid, a.xr) ?? targetDomainFails(a.target, a.grid.a, a.grid.b, `[a, b] = [${a.grid.a.toString()}, ${a.grid.b.toString()}]`);
}

/**
 * The interpolation error $|f(x) - \sum_k f(x_k)\varphi_k(x)|$: exactly when `f` has an exact rational
 * evaluation at $x$ and at every node with $\varphi_k(x) \ne 0$, else as an enclosure. Terms with
 * $\varphi_k(x) = 0$ exactly contribute exactly 0. The enclosure is taken in the form
 * $|\sum_k \varphi_k(x)\,(f(x) - f(x_k))|$, equal on $[a, b]$ because $\sum_k \varphi_k(x) = 1$ exactly there
 * (claim `sum-to-one`); a term with $x_k = x$ is then exactly 0, so at a node the error is the point 0.
 */
function interpolationError(args: InterpolationArgs, A: Arith): { lhs: Interval; exact?: Rational } {
  const { grid, target, xr, x } = args;
  const phi = hatValuesAt(args);
  const active = phi.flatMap((v, k) => (v.isZero() ? [] : [k]));
  const exactF = target.evaluateRational;
  if (exactF !== undefined) {
    const fx = exactF([xr]);
    const fk = active.map((k) => exactF([nodeOf(grid, k)]));
    if (fx !== undefined && fk.every((v) => v !== undefined)) {
      const interpolant = active.reduce((s, k, i) => s.add(fk[i]!.mul(phi[k]!)), Rational.ZERO);
      const error = fx.sub(interpolant).abs();
      return { lhs: error.toInterval(A), exact: error };
    }
  }
  const fx = target.evaluate([A.point(x)], A);
  const terms = active.flatMap((k) => {
    const node = nodeOf(grid, k);
    if (node.eq(xr)) return [];
    return [A.mul(phi[k]!.toInterval(A), A.sub(fx, target.evaluate([node.toInterval(A)], A)))];
  });
  return { lhs: A.abs(A.sum(terms)) };
}

/** Both sides, with an exact margin when both are exact. */
function againstBound(error: { lhs: Interval; exact?: Rational }, bound: { exact?: Rational; enclosure: Interval }, A: Arith): Evaluation {
  if (error.exact !== undefined && bound.exact !== undefined) {
    return { lhs: error.lhs, bound: bound.enclosure, margin: bound.exact.sub(error.exact).toInterval(A) };
  }
  return { lhs: error.lhs, bound: bound.enclosure };
}

function modulusBound(modulus: Modulus, t: Rational, A: Arith): { exact?: Rational; enclosure: Interval } {
  const exact = modulusAtRational(modulus, t);
  return exact !== undefined ? { exact, enclosure: exact.toInterval(A) } : { enclosure: modulusAt(modulus, t.toInterval(A), A) };
}

/**
 * For $f$ with a concave modulus $\omega$ (Lipschitz $Lt$ or Hölder $Ct^\alpha$) on $[a, b]$:
 * $|f(x) - \sum_{k=0}^N f(x_k)\varphi_k(x)| \le \omega(h/2)$ for $x \in [a, b]$. Sharp: $f = |x - c|$ with $c$ a cell midpoint gives equality at $x = c$.
 *
 * @bound $\omega(h/2)$
 * @lhs $|f(x) - \sum_k f(x_k)\varphi_k(x)|$
 * @args `f` (expression in x) with `lipschitz` (L) or `holder` ({C, alpha}), or `target` (a library spec); `a`, `b`, `N`, `x`
 * @hypothesis modulus $f$ has the declared modulus $\omega$ on $[a, b]$ (a false declaration is not detected up front: it shows as a violation)
 * @hypothesis target-domain $[a, b]$ lies in the domain where the target's modulus is stated
 */
export const interpolation = defineClaim<InterpolationArgs>({
  id: 'interpolation',
  parse: readInterpolation,
  hypotheses: interpolationFails,
  evaluate(args, A) {
    return againstBound(interpolationError(args, A), modulusBound(args.target.modulus, args.grid.h.div(Rational.of(2)), A), A);
  },
});

/**
 * For $f$ with any modulus of continuity $\omega$ on $[a, b]$: $|f(x) - \sum_k f(x_k)\varphi_k(x)| \le \omega(h)$ for $x \in [a, b]$
 * (the form that needs no concavity; weaker than `interpolation` for concave moduli).
 *
 * @bound $\omega(h)$
 * @lhs $|f(x) - \sum_k f(x_k)\varphi_k(x)|$
 * @args as `interpolation`
 * @method The interpolant is a convex combination of $f(x_j), f(x_{j+1})$, both within $\omega(h)$ of $f(x)$.
 * @hypothesis modulus $f$ has the declared modulus $\omega$ on $[a, b]$
 * @hypothesis target-domain $[a, b]$ lies in the domain where the target's modulus is stated
 */
export const interpolationModulus = defineClaim<InterpolationArgs>({
  id: 'interpolation-modulus',
  parse: readInterpolation,
  hypotheses: interpolationFails,
  evaluate(args, A) {
    return againstBound(interpolationError(args, A), modulusBound(args.target.modulus, args.grid.h, A), A);
  },
});

interface SmoothInterpolationArgs extends InterpolationArgs {
  readonly secondDerivativeBound: Decimal;
}

/**
 * For $f \in C^2[a, b]$: $|f(x) - \sum_k f(x_k)\varphi_k(x)| \le h^2 \sup_{[a,b]}|f''|/8$ for $x \in [a, b]$. Sharp: $f = x^2$ at a cell midpoint.
 *
 * @bound $h^2 M/8$, $M$ the declared $\sup_{[a,b]}|f''|$
 * @lhs $|f(x) - \sum_k f(x_k)\varphi_k(x)|$
 * @args `f` with `secondDerivativeBound` (M) and a modulus, or `target` (a library spec with a second-derivative bound); `a`, `b`, `N`, `x`
 * @hypothesis c2 $f \in C^2[a, b]$ with $|f''| \le M$ there (a false declaration shows as a violation)
 * @hypothesis target-domain $[a, b]$ lies in the domain where the target's bound is stated
 */
export const interpolationC2 = defineClaim<SmoothInterpolationArgs>({
  id: 'interpolation-c2',
  parse(raw) {
    const base = readInterpolation(raw);
    const M = base.target.secondDerivativeBound;
    if (M === undefined) {
      const argument = raw.target !== undefined && raw.target !== null ? 'target' : 'secondDerivativeBound';
      throw new ArgumentError(argument, raw[argument], 'must give a bound on sup|f\'\'| over [a, b] (the target is not declared C²)');
    }
    return { ...base, secondDerivativeBound: M };
  },
  hypotheses: interpolationFails,
  evaluate(args, A) {
    const bound = args.grid.h.pow(2).mul(Rational.fromDecimal(args.secondDerivativeBound)).div(Rational.of(8));
    return againstBound(interpolationError(args, A), { exact: bound, enclosure: bound.toInterval(A) }, A);
  },
});

interface PairArgs {
  readonly target: Target;
  readonly x: Decimal;
  readonly y: Decimal;
}

/**
 * The declared modulus holds at a pair of points: $|f(x) - f(y)| \le \omega(|x - y|)$. This checks the hypothesis
 * `modulus` of the interpolation claims directly, so a false declaration (e.g. `10*x` declared 1-Lipschitz) is refuted
 * even where interpolation is exact.
 *
 * @bound $\omega(|x - y|)$
 * @lhs $|f(x) - f(y)|$
 * @args `f` with `lipschitz` or `holder`, or `target`; `x`, `y` (decimals)
 * @hypothesis target-domain $x, y$ lie in the domain where the target's modulus is stated
 */
export const declaredModulus = defineClaim<PairArgs>({
  id: 'declared-modulus',
  parse: (raw) => ({
    target: readTarget(raw, { variables: ['x'] }),
    x: readDecimal(required(raw, 'x'), 'x'),
    y: readDecimal(required(raw, 'y'), 'y'),
  }),
  hypotheses({ target, x, y }) {
    const xr = Rational.fromDecimal(x);
    const yr = Rational.fromDecimal(y);
    return targetDomainFails(target, xr.min(yr), xr.max(yr), `{x, y} = {${x.toString()}, ${y.toString()}}`);
  },
  evaluate({ target, x, y }, A) {
    const distance = Rational.fromDecimal(x).sub(Rational.fromDecimal(y)).abs();
    const bound = modulusBound(target.modulus, distance, A);
    const fx = target.evaluateRational?.([Rational.fromDecimal(x)]);
    const fy = target.evaluateRational?.([Rational.fromDecimal(y)]);
    if (fx !== undefined && fy !== undefined) return againstBound({ lhs: fx.sub(fy).abs().toInterval(A), exact: fx.sub(fy).abs() }, bound, A);
    return { lhs: A.abs(A.sub(target.evaluate([A.point(x)], A), target.evaluate([A.point(y)], A))), bound: bound.enclosure };
  },
});

/** `Σ_{k ∈ {0…N}^d} Π_i φ_{k_i}(x_i) − 1`, exactly; products with a zero factor are exactly 0 and skipped. */
function tensorDeviation(args: VectorArgs): Rational {
  const perAxis = args.xr.map((xi, i) => hatValuesAt({ grid: args.grid, x: args.x[i]!, xr: xi }));
  let total = Rational.ZERO;
  for (const k of nearbyMultiIndices(args.grid, args.xr)) {
    total = total.add(k.reduce((p, ki, i) => p.mul(perAxis[i]![ki]!), Rational.ONE));
  }
  return total.sub(Rational.ONE).abs();
}

/**
 * The tensor-product hats form a partition of unity on $[a, b]^d$: $\sum_{k \in \{0..N\}^d} \prod_{i=1}^d \varphi_{k_i}(x_i) = 1$.
 * (They are products of networks, not one-hidden-layer ReLU networks of $x$: see the lemma's statement.)
 *
 * @bound $0$
 * @lhs $|\sum_{k} \prod_i \varphi_{k_i}(x_i) - 1|$
 * @args `a`, `b`, `N`, `x` (array of d ≤ 8 decimals)
 * @method $\sum_k \prod_i \varphi_{k_i}(x_i) = \prod_i \sum_{k_i}\varphi_{k_i}(x_i) = 1$; evaluated term by term exactly,
 * each factor from the partition network (a term with $|x_i - x_{k_i}| \ge h$ for some $i$ has a zero factor).
 */
export const tensorSumToOne = defineClaim<VectorArgs>({
  id: 'tensor-sum-to-one',
  parse: readVector,
  hypotheses: vectorIntervalFails,
  evaluate: (args, A) => exactAgainstZero(tensorDeviation(args), A),
});

/**
 * Outside $[a, b]$ the hats do not sum to 1: for $x \in (b, b + h)$ the sum is $(b + h - x)/h < 1$, beyond $b + h$ it is 0
 * (symmetrically below $a$). The hypothesis `interval` is necessary.
 *
 * @bound $0$
 * @lhs $|\sum_{k=0}^N \varphi_k(x) - 1|$
 * @args `a`, `b`, `N`, `x` (decimal, outside [a, b] to violate)
 */
export const sumToOneOutside = defineFinding<PointArgs>({
  id: 'sum-to-one-outside',
  drops: 'interval',
  parse: readPoint,
  hypotheses: () => undefined,
  evaluate: (args, A) => exactAgainstZero(sumToOneDeviation(args), A),
});

/**
 * In $d \ge 2$ dimensions the ReLU pyramids $\max(0, 1 - \|x - x_k\|_\infty/h)$ on the grid $\{x_k\}^d$ do not sum to 1 on $[a, b]^d$:
 * at a cell centre four of them (in $d = 2$) equal $1/2$, so the sum is 2. The one-dimensional hat construction does not lift
 * to several dimensions by ReLU bumps; the hypothesis `dimension` is necessary.
 *
 * @bound $0$
 * @lhs $|\sum_{k \in \{0..N\}^d} \max(0, 1 - \|x - x_k\|_\infty/h) - 1|$
 * @args `a`, `b`, `N`, `x` (array of d ≤ 8 decimals in [a, b]; d ≥ 2 to violate)
 * @method Exact rationals; pyramids with $\|x - x_k\|_\infty \ge h$ are exactly 0 and skipped. In a cell with local
 * coordinates $s \in [0,1]^2$ the sum is $4 - \sum_{\text{corners}} \max(|s_1 - c_1|, |s_2 - c_2|)$, equal to 1 only on the grid lines.
 */
export const pyramidsSumToOne = defineFinding<VectorArgs>({
  id: 'pyramids-sum-to-one',
  drops: 'dimension',
  parse: readVector,
  hypotheses: vectorIntervalFails,
  evaluate(args, A) {
    const total = nearbyMultiIndices(args.grid, args.xr).reduce((s, k) => s.add(pyramid(args.grid, k, args.xr)), Rational.ZERO);
    return exactAgainstZero(total.sub(Rational.ONE).abs(), A);
  },
});

export const reluPartitionOfUnity = defineLemma({
  id: 'relu-partition-of-unity',
  uses: [],
  claims: [reluForm, nonnegative, support, sumToOne, interpolation, interpolationModulus, interpolationC2, declaredModulus, tensorSumToOne],
  findings: [sumToOneOutside, pyramidsSumToOne],
});
