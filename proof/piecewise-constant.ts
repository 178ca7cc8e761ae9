/**
 * Piecewise-constant bounds: on the box $K = [a,b]^m$ cut into $N$ cells per axis of width
 * $\delta = (b-a)/N$, the approximant $\bar f(x) = f(c(x))$, constant on each cell with the value at the
 * cell's centre, is within $\omega(\delta/2)$ of $f$ everywhere on $K$; a ReLU ramp quantiser finds the
 * cell exactly except on transition zones of total measure $(N-1)\eta$ per axis.
 *
 * @hypothesis point-in-box the point lies in the box, $x \in K = [a,b]^m$ (cells are half-open $[x_k, x_{k+1})$, the last one closed, so $x$ lies in exactly one)
 * @hypothesis target-domain the box lies in the cube on which the target's modulus holds
 * @hypothesis modulus $f$ has the modulus of continuity $\omega$ in the ∞-norm, $|f(x) - f(y)| \le \omega(\|x - y\|_\infty)$ (proved for library targets; declared for expressions, and refuted when false)
 * @hypothesis away-from-grid for relu-step: every coordinate of $x$ is at distance $\ge \eta$ from every interior grid point $x_k = a + k\delta$, $k = 1 \dots N-1$
 * @hypothesis ramp-width for quantised-centre: the ramps do not overlap, $\eta \le \delta$
 * @method The centre $c(x)$ of the cell of $x$ satisfies $\|x - c(x)\|_\infty \le \delta/2$, with equality on the cell's lower faces
 * and on the closed face $b$; then the modulus. Cells, centres and quantiser weights are exact rationals; the target is evaluated
 * exactly when it is a rational formula, in interval arithmetic otherwise. Tight: for $f(x) = x_1$ (or $\max_i |x_i - c|$) the
 * ratio of the two sides is 1 on a lower face.
 * @reference E. Gumaan, Universal Approximation Theorem for a Single-Layer Transformer, arXiv:2507.10581 (2025); the standard form is in MATH.md, lemma piecewise-constant.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../src/arith/interval.ts';
import { Rational } from '../src/arith/rational.ts';
import { cellsForAccuracy, formatCells, type GridForAccuracy } from '../src/piecewise/accuracy.ts';
import { approximationError, differenceBetween, type PointError } from '../src/piecewise/approximant.ts';
import { axisGrid, halfWidth, type AxisGrid } from '../src/piecewise/grid.ts';
import {
  boxOutsideDomain,
  MAX_CELLS_PER_AXIS,
  MAX_DIMENSION,
  MAX_QUANTISER_CELLS,
  nearInteriorGrid,
  pointOutsideBox,
  readBox,
  readInterval,
  readPoint,
  readTargetIn,
  type BoxArgs,
} from '../src/piecewise/probe.ts';
import { MAX_QUANTISER_BITS, quantise, quantiserBits, quantiserError, quantiserNetwork, transitionFraction } from '../src/piecewise/quantiser.ts';
import type { ReluNetwork1D } from '../src/piecewise/relu-network.ts';
import { defineClaim, defineFinding, defineLemma, type Evaluation, type HypothesisFailure } from '../src/registry/define.ts';
import { modulusAt, modulusAtRational } from '../src/targets/modulus.ts';
import type { Target } from '../src/targets/target.ts';
import { readDecimal, readInteger, required } from '../src/verdict/args.ts';
import { ArgumentError } from '../src/verdict/errors.ts';

export { MAX_CELLS_PER_AXIS, MAX_DIMENSION, MAX_QUANTISER_CELLS };
/** Most cells per axis for the finding transition-zones (its breakpoint sweep sorts 3(N − 1) points). */
export const MAX_MEASURED_CELLS = 10_000;

interface GridProbe {
  readonly box: BoxArgs;
  readonly x: Decimal[];
  readonly target: Target;
}

function readGridProbe(raw: Record<string, unknown>): GridProbe {
  const box = readBox(raw, MAX_CELLS_PER_AXIS);
  const x = readPoint(raw);
  return { box, x, target: readTargetIn(raw, x.length) };
}

function gridProbeFails({ box, x, target }: GridProbe): HypothesisFailure | undefined {
  return pointOutsideBox(box, x) ?? boxOutsideDomain(box.a, box.b, target);
}

function exactPoint(x: readonly Decimal[]): Rational[] {
  return x.map((xi) => Rational.fromDecimal(xi));
}

/**
 * The evaluation `lhs ≤ bound` with the margin `bound − lhs` computed exactly when both sides are
 * exact rationals (so that a tie is decided `holds`), and from the enclosures otherwise.
 */
function errorAgainst(error: PointError, bound: { exact: Rational | undefined; enclosure: Interval }, A: Arith): Evaluation {
  if (error.exact !== undefined && bound.exact !== undefined) {
    return { lhs: error.enclosure, bound: bound.enclosure, margin: bound.exact.sub(error.exact).toInterval(A) };
  }
  return { lhs: error.enclosure, bound: bound.enclosure };
}

/** $\omega(t)$ at an exact `t`: exact when rational (Lipschitz, or Hölder with α = 1), an enclosure always. */
function modulusValue(target: Target, t: Rational, A: Arith): { exact: Rational | undefined; enclosure: Interval } {
  const exact = modulusAtRational(target.modulus, t);
  return { exact, enclosure: exact !== undefined ? exact.toInterval(A) : modulusAt(target.modulus, t.toInterval(A), A) };
}

/**
 * $|f(x) - \bar f(x)| \le \omega(\delta/2)$ for every $x \in K$, where $\bar f(x) = f(c(x))$.
 *
 * @bound $\omega(\delta/2)$
 * @lhs $|f(x) - f(c(x))|$
 * @args `f` (expression in `x`, or `x1 … xm`) with `lipschitz` (L) or `holder` ({C, alpha}), or `target` (library spec); `a`, `b`, `N`, `x` (array of m decimals)
 */
export const modulus = defineClaim<GridProbe>({
  id: 'modulus',
  parse: readGridProbe,
  hypotheses: gridProbeFails,
  evaluate({ box, x, target }, A) {
    const error = approximationError(target, box.grid, exactPoint(x), A);
    return errorAgainst(error, modulusValue(target, halfWidth(box.grid), A), A);
  },
});

/**
 * For $L$-Lipschitz $f$: $|f(x) - \bar f(x)| \le L\delta/2$.
 *
 * @bound $L\delta/2$
 * @lhs $|f(x) - f(c(x))|$
 * @args as modulus, with a Lipschitz modulus (`lipschitz`, or a Lipschitz library target)
 * @hypothesis lipschitz the modulus is Lipschitz, $\omega(t) = Lt$
 */
export const lipschitz = defineClaim<GridProbe>({
  id: 'lipschitz',
  parse: readGridProbe,
  hypotheses(probe) {
    const m = probe.target.modulus;
    if (m.kind !== 'lipschitz') {
      return { hypothesis: 'lipschitz', reason: `the modulus of ${probe.target.id} is Hölder (C = ${m.C.toString()}, α = ${m.alpha.toString()}), not Lipschitz` };
    }
    return gridProbeFails(probe);
  },
  evaluate({ box, x, target }, A) {
    const L = target.modulus.kind === 'lipschitz' ? Rational.fromDecimal(target.modulus.L) : Rational.ZERO;
    const bound = L.mul(halfWidth(box.grid));
    return errorAgainst(approximationError(target, box.grid, exactPoint(x), A), { exact: bound, enclosure: bound.toInterval(A) }, A);
  },
});

interface AccuracyProbe {
  readonly a: Decimal;
  readonly b: Decimal;
  readonly epsilon: Decimal;
  readonly x: Decimal[];
  readonly target: Target;
  /** $N(\varepsilon)$, when `ε > 0`. */
  readonly required: GridForAccuracy | undefined;
  /** The grid probed: `N` when given, otherwise $N(\varepsilon)$ (absent when `ε ≤ 0`). */
  readonly grid: AxisGrid | undefined;
}

/**
 * $N \ge N(\varepsilon) \Rightarrow \sup_K |f - \bar f| \le \varepsilon$, where $N(\varepsilon)$ is the least $N$ with
 * $\omega(\delta/2) \le \varepsilon$: $\lceil (b-a)L/(2\varepsilon) \rceil$ for a Lipschitz modulus, and from
 * $\delta/2 \le (\varepsilon/C)^{1/\alpha}$ for a Hölder one. Each probe checks one point $x$; without `N` it takes
 * $N = N(\varepsilon)$, where the claim is tightest.
 *
 * @bound $\varepsilon$
 * @lhs $|f(x) - f(c(x))|$ on the grid of $N$ cells per axis
 * @args the target as in modulus; `a`, `b`, `epsilon` (decimal > 0), `x` (array of m decimals), optionally `N` (≥ N(ε))
 * @hypothesis accuracy $\varepsilon > 0$
 * @hypothesis grid $N \ge N(\varepsilon)$
 * @method $N \ge N(\varepsilon)$ gives $\omega(\delta/2) \le \varepsilon$ (ω is non-decreasing), then claim modulus. $N(\varepsilon)$ is exact
 * for Lipschitz, and for Hölder when $1/\alpha = P/Q$ has $P, Q \le 200$ (the least $N$ with $N^Q \ge h^Q (C/\varepsilon)^P$, $h = (b-a)/2$,
 * in rationals); otherwise it is the ceiling of a certified enclosure, one more than the least when that enclosure cannot
 * separate the value from an integer.
 */
export const gridForEpsilon = defineClaim<AccuracyProbe>({
  id: 'grid-for-epsilon',
  parse(raw) {
    const { a, b } = readInterval(raw);
    const epsilon = readDecimal(required(raw, 'epsilon'), 'epsilon');
    const x = readPoint(raw);
    const target = readTargetIn(raw, x.length);
    const given = raw.N === undefined || raw.N === null ? undefined : readInteger(raw.N, 'N', 1, MAX_CELLS_PER_AXIS);
    if (!epsilon.gt(0)) return { a, b, epsilon, x, target, required: undefined, grid: undefined };
    // past the given N (or the cap), N(ε) is only bounded below, never searched for
    const needed = cellsForAccuracy(target.modulus, a, b, epsilon, BigInt(given ?? MAX_CELLS_PER_AXIS));
    if (given === undefined && needed.cells > BigInt(MAX_CELLS_PER_AXIS)) {
      throw new ArgumentError('epsilon', raw.epsilon, `needs N(ε) ${formatCells(needed)} cells per axis, above the cap of ${MAX_CELLS_PER_AXIS}`);
    }
    const cells = given ?? Number(needed.cells);
    return { a, b, epsilon, x, target, required: needed, grid: axisGrid(Rational.fromDecimal(a), Rational.fromDecimal(b), cells) };
  },
  hypotheses(p) {
    if (p.grid === undefined || p.required === undefined) return { hypothesis: 'accuracy', reason: `epsilon = ${p.epsilon.toString()} is not > 0` };
    if (BigInt(p.grid.cells) < p.required.cells) {
      return { hypothesis: 'grid', reason: `N = ${p.grid.cells} is below N(ε) ${formatCells(p.required)}` };
    }
    return gridProbeFails({ box: { a: p.a, b: p.b, grid: p.grid }, x: p.x, target: p.target });
  },
  evaluate({ epsilon, x, target, grid }, A) {
    const eps = Rational.fromDecimal(epsilon);
    return errorAgainst(approximationError(target, grid!, exactPoint(x), A), { exact: eps, enclosure: eps.toInterval(A) }, A);
  },
});

/**
 * The quantiser network of `box` with ramp width `eta`, after checking that its exact numbers (and those
 * of evaluating it at the points `x`) stay within {@link MAX_QUANTISER_BITS}: a tiny `eta` or many-digit
 * `a`, `b`, `x` at a large `N` is refused, naming `N`, instead of running the process out of memory.
 */
function checkedQuantiser(box: BoxArgs, eta: Rational, x: readonly Decimal[]): ReluNetwork1D {
  const bitsOf = (r: Rational): number => (r.num < 0n ? -r.num : r.num).toString(16).length * 4 + r.den.toString(16).length * 4;
  const pointBits = x.reduce((m, xi) => Math.max(m, bitsOf(Rational.fromDecimal(xi))), 0);
  const bits = quantiserBits(box.grid, eta, pointBits);
  if (bits > MAX_QUANTISER_BITS) {
    throw new ArgumentError(
      'N',
      box.grid.cells,
      `is too large for numbers of this size: the quantiser's 2(N − 1) units need about ${bits.toExponential(2)} bits, above the cap of ${MAX_QUANTISER_BITS} bits; use a smaller N or fewer digits in eta, a, b, x`,
    );
  }
  return quantiserNetwork(box.grid, eta);
}

interface QuantiserProbe {
  readonly box: BoxArgs;
  readonly eta: Rational;
  readonly x: Decimal[];
  readonly network: ReluNetwork1D;
}

function readQuantiserProbe(raw: Record<string, unknown>): QuantiserProbe {
  const box = readBox(raw, MAX_QUANTISER_CELLS);
  const eta = readDecimal(required(raw, 'eta'), 'eta');
  if (!eta.gt(0)) throw new ArgumentError('eta', raw.eta, 'must be > 0 (the ramp width)');
  const x = readPoint(raw);
  const etaR = Rational.fromDecimal(eta);
  return { box, eta: etaR, x, network: checkedQuantiser(box, etaR, x) };
}

/** $\max_i |q(x_i) - x_{k(x_i)}|$, exactly. */
function quantiserMiss({ box, x, network }: QuantiserProbe, A: Arith): Evaluation {
  const miss = x.reduce((m, xi) => {
    const e = quantiserError(box.grid, network, Rational.fromDecimal(xi));
    return m.lt(e) ? e : m;
  }, Rational.ZERO);
  return { lhs: miss.toInterval(A), bound: A.point(0), margin: miss.neg().toInterval(A) };
}

/**
 * The ReLU quantiser $q(x) = a + \delta\sum_{k=1}^{N-1} s_\eta(x - x_k)$, with the ramp
 * $s_\eta(t) = \mathrm{ReLU}(t/\eta) - \mathrm{ReLU}(t/\eta - 1)$, equals the left edge $x_{k(x)}$ of the cell of $x$
 * whenever $x$ is at distance $\ge \eta$ from every interior grid point (coordinatewise in $m$ dimensions).
 *
 * @bound $0$
 * @lhs $\max_i |q(x_i) - x_{k(x_i)}|$, computed exactly from the network's weights
 * @args `a`, `b`, `N` (≤ 10^6), `eta` (decimal > 0), `x` (a decimal, or an array of m decimals)
 * @method $s_\eta(t) = 0$ for $t \le 0$ and $1$ for $t \ge \eta$, so $s_\eta(t) = \mathbf 1[t > 0]$ outside $(0, \eta)$ (at $t = 0$ it is 0, not
 * $\mathbf 1[0 \ge 0]$). Away from the grid every ramp is 0 or 1, and exactly $k(x)$ of them are 1. The network has
 * $2(N-1)$ units: input weight $1/\eta$, biases $-x_k/\eta$ and $-x_k/\eta - 1$, output weights $\pm\delta$, output bias $a$.
 */
export const reluStep = defineClaim<QuantiserProbe>({
  id: 'relu-step',
  parse: readQuantiserProbe,
  hypotheses: (p) => pointOutsideBox(p.box, p.x) ?? nearInteriorGrid(p.box.grid, p.eta, p.x),
  evaluate: quantiserMiss,
});

interface QuantisedProbe extends GridProbe {
  readonly eta: Rational;
  readonly network: ReluNetwork1D;
}

function readQuantisedProbe(raw: Record<string, unknown>): QuantisedProbe {
  const box = readBox(raw, MAX_QUANTISER_CELLS);
  const eta = readDecimal(required(raw, 'eta'), 'eta');
  if (!eta.gt(0)) throw new ArgumentError('eta', raw.eta, 'must be > 0 (the ramp width)');
  const x = readPoint(raw);
  const etaR = Rational.fromDecimal(eta);
  return { box, x, eta: etaR, target: readTargetIn(raw, x.length), network: checkedQuantiser(box, etaR, x) };
}

/** $|f(x) - f(q(x) + \delta/2)|$ against $\omega(\delta/2)$, $q$ coordinatewise. */
function quantisedCentreError({ box, x, target, network }: QuantisedProbe, A: Arith): Evaluation {
  const point = exactPoint(x);
  const half = halfWidth(box.grid);
  const quantised = point.map((xi) => quantise(network, xi).add(half));
  return errorAgainst(differenceBetween(target, point, quantised, A), modulusValue(target, half, A), A);
}

/**
 * The approximant read through the quantiser keeps the sup-norm bound, with no distance hypothesis:
 * for $\eta \le \delta$, $|f(x) - f(q(x) + \delta/2)| \le \omega(\delta/2)$ for every $x \in K$ ($q$ coordinatewise).
 * The transition zones spoil the cell map, not the distance to the point at which $f$ is read.
 *
 * @bound $\omega(\delta/2)$
 * @lhs $|f(x) - f(q(x) + \delta/2)|$
 * @args the target as in modulus; `a`, `b`, `N` (≤ 10^6), `eta` (decimal > 0), `x` (array of m decimals)
 * @method Off the zones $q(x) + \delta/2 = c(x)$. On $[x_k, x_k + \eta)$, $q(x) = x_{k-1} + \delta(x - x_k)/\eta$, so
 * $q(x) + \delta/2 - x = -\delta/2 + (x - x_k)(\delta/\eta - 1) \in [-\delta/2, \delta/2 - \eta)$ when $\eta \le \delta$: every coordinate
 * stays within $\delta/2$, then the modulus. Tight at $x = x_k$ for $f(x) = x_1$.
 */
export const quantisedCentre = defineClaim<QuantisedProbe>({
  id: 'quantised-centre',
  parse: readQuantisedProbe,
  hypotheses: (p) => rampsOverlap(p) ?? gridProbeFails(p),
  evaluate: quantisedCentreError,
});

function rampsOverlap({ box, eta }: QuantisedProbe): HypothesisFailure | undefined {
  if (eta.lte(box.grid.width)) return undefined;
  return { hypothesis: 'ramp-width', reason: `eta = ${eta.toString()} exceeds δ = ${box.grid.width.toString()}, so the ramps overlap` };
}

/**
 * With overlapping ramps ($\eta > \delta$) the quantised centre drifts by more than $\delta/2$: for $\eta = 2\delta$, at
 * $x = x_k$ the point read is $x_{k-1}$, a whole cell away, so $|f(x) - f(q(x) + \delta/2)| = \delta > \omega(\delta/2)$ for $f(x) = x$.
 *
 * @bound $\omega(\delta/2)$
 * @lhs $|f(x) - f(q(x) + \delta/2)|$
 * @args as quantised-centre, with any `eta > 0`
 */
export const quantisedCentreWideRamps = defineFinding<QuantisedProbe>({
  id: 'quantised-centre-wide-ramps',
  drops: 'ramp-width',
  parse: readQuantisedProbe,
  hypotheses: gridProbeFails,
  evaluate: quantisedCentreError,
});

/**
 * Without the distance hypothesis the quantiser misses the cell: for $\eta \le \delta$ and $x \in [x_k, x_k + \eta)$,
 * $q(x) = x_{k-1} + \delta(x - x_k)/\eta \ne x_k$, and at $x = x_k$ it is a whole cell off, $|q(x_k) - x_k| = \delta$.
 * So $\sup_K |q - x_{k(\cdot)}| = \delta$ for every $\eta > 0$: as $\eta \to 0$ the quantiser tends to the cell's left edge in
 * measure (finding transition-zones), never uniformly — a continuous network cannot equal the discontinuous cell map.
 *
 * @bound $0$
 * @lhs $\max_i |q(x_i) - x_{k(x_i)}|$
 * @args `a`, `b`, `N`, `eta`, `x` as in relu-step, with no distance condition
 */
export const reluStepNearGrid = defineFinding<QuantiserProbe>({
  id: 'relu-step-near-grid',
  drops: 'away-from-grid',
  parse: readQuantiserProbe,
  hypotheses: (p) => pointOutsideBox(p.box, p.x),
  evaluate: quantiserMiss,
});

interface TransitionProbe {
  readonly box: BoxArgs;
  readonly network: ReluNetwork1D;
  readonly dimension: number;
}

/**
 * The transition zones are not negligible for a fixed $\eta$: the quantiser misses the left corner of the cell on a
 * fraction $1 - (1 - (N-1)\eta/(b-a))^m$ of $K$ (for $\eta \le \delta$; the zones $[x_k, x_k + \eta)$ overlap otherwise),
 * so "q is exact almost everywhere" is false, and a sup-norm bound cannot rest on this quantiser alone.
 *
 * @bound $0$
 * @lhs the fraction of $[a,b]^m$ where the quantiser misses the left corner, computed from the network's breakpoints
 * @args `a`, `b`, `N` (≤ 10^4), `eta` (decimal > 0), `m` (dimension, default 1)
 * @method In 1-D, $q$ minus the left edge is affine between consecutive breakpoints (the network's kinks $x_k$,
 * $x_k + \eta$ and the grid points); it vanishes on a whole piece or at one point at most, so the measure of the miss set is
 * the total length of the pieces where it does not vanish identically. In $m$ dimensions the quantiser is exact only when
 * exact on every coordinate, so the fraction is $1 - (1 - p)^m$ with $p$ the 1-D fraction.
 */
export const transitionZones = defineFinding<TransitionProbe>({
  id: 'transition-zones',
  drops: 'away-from-grid',
  parse(raw) {
    const box = readBox(raw, MAX_MEASURED_CELLS);
    const eta = readDecimal(required(raw, 'eta'), 'eta');
    if (!eta.gt(0)) throw new ArgumentError('eta', raw.eta, 'must be > 0 (the ramp width)');
    const dimension = raw.m === undefined || raw.m === null ? 1 : readInteger(raw.m, 'm', 1, MAX_DIMENSION);
    return { box, network: checkedQuantiser(box, Rational.fromDecimal(eta), []), dimension };
  },
  hypotheses: () => undefined,
  evaluate({ box, network, dimension }, A) {
    const fraction = transitionFraction(box.grid, network, dimension);
    return { lhs: fraction.toInterval(A), bound: A.point(0), margin: fraction.neg().toInterval(A) };
  },
});

export const piecewiseConstant = defineLemma({
  id: 'piecewise-constant',
  uses: [],
  claims: [modulus, lipschitz, gridForEpsilon, reluStep, quantisedCentre],
  findings: [reluStepNearGrid, transitionZones, quantisedCentreWideRamps],
});
