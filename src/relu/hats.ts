/**
 * ReLU hats on a uniform grid, as networks with explicit weights.
 *
 * Grid: `[a, b]`, `N ≥ 1`, `h = (b − a)/N`, nodes `x_k = a + k·h` for `k = −1, …, N + 1` (the two
 * outer nodes `x_{−1} = a − h`, `x_{N+1} = b + h` carry the end hats). Hat
 * `φ_k(x) = (1/h)·[ReLU(x − x_{k−1}) − 2·ReLU(x − x_k) + ReLU(x − x_{k+1})]`: three hidden units with
 * input weight 1 and biases `−x_{k−1}, −x_k, −x_{k+1}`, output weights `1/h, −2/h, 1/h`.
 * The partition network shares the `N + 3` units `ReLU(x − x_j)`, `j = −1 … N + 1`, among all `N + 1`
 * hats. Everything is rational, so it evaluates exactly.
 */
import type { Decimal } from 'decimal.js';
import { Rational } from '../arith/rational.ts';
import { checkNetwork, type ReluNetwork } from './network.ts';

/** A uniform grid on `[a, b]` with `N` cells, in exact rationals. */
export interface Grid {
  readonly a: Rational;
  readonly b: Rational;
  readonly N: number;
  /** `h = (b − a)/N`. */
  readonly h: Rational;
}

/** The grid on `[a, b]` with `N ≥ 1` cells; throws `RangeError` when `a ≥ b` or `N` is not a positive integer. */
export function uniformGrid(a: Decimal | Rational, b: Decimal | Rational, N: number): Grid {
  const A = a instanceof Rational ? a : Rational.fromDecimal(a);
  const B = b instanceof Rational ? b : Rational.fromDecimal(b);
  if (!A.lt(B)) throw new RangeError(`uniformGrid: a = ${A.toString()} must be below b = ${B.toString()}`);
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`uniformGrid: N must be a positive integer, got ${N}`);
  return { a: A, b: B, N, h: B.sub(A).div(Rational.of(N)) };
}

/** The node `x_k = a + k·h` (any integer `k`). */
export function nodeOf(grid: Grid, k: number): Rational {
  return grid.a.add(grid.h.mul(Rational.of(k)));
}

/**
 * The nodes `x_from … x_to`, in order, as `x_j = (p·s + j·r·q)/(q·s)` for `a = p/q`, `h = r/s`: all over
 * one denominator and not reduced (a gcd per node would dominate the cost of a large partition network).
 */
export function nodesOf(grid: Grid, from: number, to: number): Rational[] {
  const { a, h } = grid;
  const base = a.num * h.den;
  const step = h.num * a.den;
  const den = a.den * h.den;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => Rational.unreduced(base + BigInt(from + i) * step, den));
}

/** The three-unit network of hat `φ_k` (one input, one output). */
export function hatNetwork(grid: Grid, k: number): ReluNetwork {
  const invH = Rational.ONE.div(grid.h);
  return checkNetwork({
    inputs: 1,
    hidden: [k - 1, k, k + 1].map((j) => ({ weights: [Rational.ONE], bias: nodeOf(grid, j).neg() })),
    outputs: [
      {
        terms: [
          { unit: 0, weight: invH },
          { unit: 1, weight: invH.mul(Rational.of(-2)) },
          { unit: 2, weight: invH },
        ],
        bias: Rational.ZERO,
      },
    ],
  });
}

/**
 * The partition network: `N + 3` shared units `ReLU(x − x_j)` (unit `j + 1` for node `j = −1 … N + 1`)
 * and `N + 1` outputs, output `k` being `φ_k`.
 */
export function partitionNetwork(grid: Grid): ReluNetwork {
  const invH = Rational.ONE.div(grid.h);
  const minusTwoInvH = invH.mul(Rational.of(-2));
  const weights = [Rational.ONE];
  const hidden = nodesOf(grid, -1, grid.N + 1).map((node) => ({ weights, bias: node.neg() }));
  const outputs = Array.from({ length: grid.N + 1 }, (_, k) => ({
    terms: [
      { unit: k, weight: invH },
      { unit: k + 1, weight: minusTwoInvH },
      { unit: k + 2, weight: invH },
    ],
    bias: Rational.ZERO,
  }));
  return checkNetwork({ inputs: 1, hidden, outputs });
}

/** The closed form `max(0, 1 − |x − x_k|/h)`, exactly. */
export function closedFormHat(grid: Grid, k: number, x: Rational): Rational {
  return Rational.ONE.sub(x.sub(nodeOf(grid, k)).abs().div(grid.h)).relu();
}

/**
 * The ReLU "pyramid" `max(0, 1 − ‖x − x_k‖_∞/h)` at the multi-index `k`, exactly. It is a ReLU network
 * of depth greater than one (the ∞-norm is a maximum of `2d` ReLU-expressible ridges), and on a grid
 * in `d ≥ 2` dimensions these pyramids do not sum to 1.
 */
export function pyramid(grid: Grid, k: readonly number[], x: readonly Rational[]): Rational {
  const dist = x.reduce((m, xi, i) => m.max(xi.sub(nodeOf(grid, k[i]!)).abs()), Rational.ZERO);
  return Rational.ONE.sub(dist.div(grid.h)).relu();
}

/** The multi-indices `k ∈ {0 … N}^d` whose pyramid can be non-zero at `x` (those with every `|x_i − x_{k_i}| < h`). */
export function nearbyMultiIndices(grid: Grid, x: readonly Rational[]): number[][] {
  const perAxis = x.map((xi) => {
    const t = xi.sub(grid.a).div(grid.h); // x = a + t·h
    const floor = Number((t.num - (((t.num % t.den) + t.den) % t.den)) / t.den); // ⌊t⌋, also for t < 0
    return [floor - 1, floor, floor + 1].filter((k) => k >= 0 && k <= grid.N);
  });
  return perAxis.reduce<number[][]>((acc, ks) => acc.flatMap((prefix) => ks.map((k) => [...prefix, k])), [[]]);
}
