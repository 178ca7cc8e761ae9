/**
 * The ReLU ramp and the ReLU quantiser of the piecewise-constant lemma, as one-hidden-layer ReLU
 * networks with explicit exact weights.
 *
 * - Ramp: $s_\eta(t) = \mathrm{ReLU}(t/\eta) - \mathrm{ReLU}(t/\eta - 1)$, two units. It is 0 for $t \le 0$,
 *   1 for $t \ge \eta$ and linear between; so it equals the step $\mathbf 1[t > 0]$ outside $(0, \eta)$
 *   (at $t = 0$ it is 0, not $\mathbf 1[0 \ge 0] = 1$).
 * - Quantiser: $q(x) = a + \delta \sum_{k=1}^{N-1} s_\eta(x - x_k)$ with $x_k = a + k\delta$, $2(N-1)$ units.
 *   It equals the left edge of the cell of $x$ when $x$ is at distance $\ge \eta$ from every interior grid
 *   point, and differs from it on the transition zones $[x_k, x_k + \eta)$.
 */
import { gridPoint, leftEdgeOf, type AxisGrid } from './grid.ts';
import { Rational } from '../arith/rational.ts';
import { affinePieces, evaluateNetwork, type ReluNetwork1D } from './relu-network.ts';

function checkRampWidth(eta: Rational): void {
  if (!Rational.ZERO.lt(eta)) throw new RangeError(`ramp width eta must be > 0, got ${eta.toString()}`);
}

/**
 * Largest total size, in bits, of the exact numbers in a quantiser network and in one evaluation of it:
 * {@link quantiserBits}. The network stores its $2(N-1)$ weights and biases as exact integers whose size
 * grows with the digits of `eta`, `a` and `b`, so `N = 10^6` with `eta = 1e-100000` would need some
 * $10^{12}$ bits (and run the process out of memory). Ordinary inputs (a few dozen digits) stay far below
 * it at `N = 10^6`.
 */
export const MAX_QUANTISER_BITS = 1_500_000_000;

/** Bits of a non-negative integer, rounded up to whole hexadecimal digits. */
function bitLength(v: bigint): number {
  return v.toString(16).length * 4;
}

/**
 * An upper estimate of the bits {@link quantiserNetwork} stores and an evaluation at a point of `pointBits`
 * bits (numerator and denominator) handles: per unit, an input weight $\eta_{den} D N$, a bias
 * $\approx (|A| N + k|B - A|)\eta_{den} + D N \eta_{num}$ and the product with the point; $2(N-1)$ units.
 */
export function quantiserBits(grid: AxisGrid, eta: Rational, pointBits = 0): number {
  const D = grid.a.den * grid.b.den;
  const A = grid.a.num * grid.b.den;
  const B = grid.b.num * grid.a.den;
  const N = BigInt(grid.cells);
  const perUnit = 2 * bitLength(eta.den) + bitLength(eta.num) + 2 * bitLength(D) + bitLength((A < 0n ? -A : A) + (B < 0n ? -B : B)) + 3 * bitLength(N) + pointBits;
  return 2 * Math.max(0, grid.cells - 1) * perUnit;
}

/** The ramp $s_\eta$ as a network: units $\mathrm{ReLU}(t/\eta)$ and $\mathrm{ReLU}(t/\eta - 1)$ with output weights $+1, -1$. */
export function rampNetwork(eta: Rational): ReluNetwork1D {
  checkRampWidth(eta);
  // t/η = t·η.den/η.num: over the hidden denominator η.num, w = η.den and the biases are 0 and −η.num
  return {
    hiddenDenominator: eta.num,
    inputWeights: [eta.den, eta.den],
    hiddenBiases: [0n, -eta.num],
    outputDenominator: 1n,
    outputWeights: [1n, -1n],
    outputBias: Rational.ZERO,
  };
}

/**
 * The quantiser $q$ of `grid` with ramp width $\eta$: for $k = 1 \dots N-1$ the units
 * $\mathrm{ReLU}((x - x_k)/\eta)$ and $\mathrm{ReLU}((x - x_k)/\eta - 1)$ with output weights $+\delta, -\delta$,
 * and output bias $a$.
 */
export function quantiserNetwork(grid: AxisGrid, eta: Rational): ReluNetwork1D {
  checkRampWidth(eta);
  // Common denominator D of a and b: a = A/D, b = B/D. Then x_k = (A·N + k(B − A))/(D·N) and
  // (x − x_k)/η = [x·η.den·D·N − (A·N + k(B − A))·η.den] / (D·N·η.num).
  const D = grid.a.den * grid.b.den;
  const A = grid.a.num * grid.b.den;
  const B = grid.b.num * grid.a.den;
  const N = BigInt(grid.cells);
  const hidden = D * N * eta.num;
  const w = eta.den * D * N;
  const inputWeights: bigint[] = [];
  const hiddenBiases: bigint[] = [];
  const outputWeights: bigint[] = [];
  for (let k = 1n; k < N; k++) {
    const shift = -(A * N + k * (B - A)) * eta.den; // −x_k/η over the hidden denominator
    inputWeights.push(w, w);
    hiddenBiases.push(shift, shift - hidden);
    outputWeights.push(B - A, -(B - A)); // ±δ = ±(B − A)/(D·N)
  }
  return { hiddenDenominator: hidden, inputWeights, hiddenBiases, outputDenominator: D * N, outputWeights, outputBias: grid.a };
}

/** $q(x)$, exactly. */
export function quantise(net: ReluNetwork1D, x: Rational): Rational {
  return evaluateNetwork(net, x);
}

/** $|q(x) - x_{k(x)}|$: how far the quantiser is from the left edge of the cell of `x ∈ [a, b]`. */
export function quantiserError(grid: AxisGrid, net: ReluNetwork1D, x: Rational): Rational {
  return quantise(net, x).sub(leftEdgeOf(grid, x)).abs();
}

/**
 * The measure of $Z = \{x \in [a,b] : q(x) \ne x_{k(x)}\}$, computed from the network's weights: $q$ is
 * affine between its kinks and the left edge is constant between grid points, so on each piece between
 * consecutive breakpoints their difference is affine, and it either vanishes on the whole piece or at
 * one point at most; $Z$ is, up to a null set, the union of the pieces where it does not vanish.
 */
export function transitionMeasure(grid: AxisGrid, net: ReluNetwork1D): Rational {
  const interior = Array.from({ length: Math.max(0, grid.cells - 1) }, (_, i) => gridPoint(grid, i + 1));
  const two = Rational.of(2);
  let measure = Rational.ZERO;
  for (const piece of affinePieces(net, grid.a, grid.b, interior)) {
    const mid = piece.from.add(piece.to).div(two);
    const difference = piece.slope.mul(mid).add(piece.intercept).sub(leftEdgeOf(grid, mid));
    if (!(piece.slope.isZero() && difference.isZero())) measure = measure.add(piece.to.sub(piece.from));
  }
  return measure;
}

/**
 * The fraction of the box $[a,b]^m$ on which the coordinatewise quantiser misses the left corner of
 * the cell: $1 - (1 - \mu/(b-a))^m$ with $\mu$ the 1-D transition measure (a product measure: the
 * quantiser is exact at $x$ only when it is exact on every coordinate).
 */
export function transitionFraction(grid: AxisGrid, net: ReluNetwork1D, dimension: number): Rational {
  const perAxis = transitionMeasure(grid, net).div(grid.b.sub(grid.a));
  return Rational.ONE.sub(Rational.ONE.sub(perAxis).pow(dimension));
}
