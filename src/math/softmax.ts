/**
 * Softmax in interval arithmetic, written relative to the maximiser so that nothing overflows and
 * the tail `1 − p_{i*}` is computed without cancellation.
 *
 * With `d_j = z_{i*} − z_j ≥ 0` and weights `w_j = e^{−λ d_j}` (`w_{i*} = 1`):
 * `p_j = w_j / (1 + S)`, `S = Σ_{j≠i*} w_j`, and `1 − p_{i*} = S / (1 + S)` exactly.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../arith/interval.ts';

/** Index of the first largest entry (exact comparison). */
export function maximiserOf(z: readonly Decimal[]): number {
  let best = 0;
  for (let j = 1; j < z.length; j++) if (z[j]!.gt(z[best]!)) best = j;
  return best;
}

/** Index of the largest entry other than `iStar` (the runner-up). */
export function runnerUpOf(z: readonly Decimal[], iStar: number): number {
  let best = iStar === 0 ? 1 : 0;
  for (let j = 0; j < z.length; j++) if (j !== iStar && z[j]!.gt(z[best]!)) best = j;
  return best;
}

/** True when the largest entry is attained more than once (the margin `Δ` is 0). */
export function hasTie(z: readonly Decimal[]): boolean {
  const iStar = maximiserOf(z);
  return z[runnerUpOf(z, iStar)]!.eq(z[iStar]!);
}

/** The softmax of `λz` around its maximiser, as enclosures. */
export interface SoftmaxTail {
  /** The maximiser `i*` (first one on a tie). */
  readonly iStar: number;
  /** Enclosure of the margin `Δ = z_{i*} − max_{j≠i*} z_j`. */
  readonly margin: Interval;
  /** Enclosures of `w_j = e^{−λ(z_{i*} − z_j)}`; `weights[iStar]` is exactly 1. */
  readonly weights: readonly Interval[];
  /** Enclosure of `S = Σ_{j≠i*} w_j`. */
  readonly tailSum: Interval;
  /** Enclosure of `1 − p_{i*} = S/(1+S)`. */
  readonly tail: Interval;
  /** Enclosure of `1 + S`, the softmax normaliser relative to the maximiser. */
  readonly normaliser: Interval;
}

/** `softmax(λz)` relative to its maximiser, for `λ` given as an enclosure. */
export function softmaxTail(z: readonly Decimal[], lambda: Interval, A: Arith): SoftmaxTail {
  const iStar = maximiserOf(z);
  const top = A.point(z[iStar]!);
  const weights = z.map((zj, j) => (j === iStar ? A.point(1) : A.exp(A.neg(A.mul(lambda, A.sub(top, A.point(zj)))))));
  const tailSum = A.sum(weights.filter((_, j) => j !== iStar));
  const normaliser = A.add(A.point(1), tailSum);
  return {
    iStar,
    margin: A.sub(top, A.point(z[runnerUpOf(z, iStar)]!)),
    weights,
    tailSum,
    tail: A.div(tailSum, normaliser),
    normaliser,
  };
}

/**
 * Enclosure of `Σ_{j≠i*} (e^{−λΔ} − w_j) = Σ_{j≠i*} e^{−λΔ}·(1 − e^{−λ(d_j − Δ)})`, every term ≥ 0 and
 * exactly 0 for the runner-up, so the enclosure keeps its relative accuracy when the sum is tiny.
 * `perTermBound` is an enclosure of `e^{−λΔ}`.
 */
export function slackBelowMarginTerm(z: readonly Decimal[], lambda: Interval, perTermBound: Interval, A: Arith): Interval {
  const iStar = maximiserOf(z);
  const second = A.point(z[runnerUpOf(z, iStar)]!);
  const terms: Interval[] = [];
  z.forEach((zj, j) => {
    if (j === iStar) return;
    const excess = A.sub(second, A.point(zj)); // d_j − Δ ≥ 0
    terms.push(A.mul(perTermBound, A.neg(A.expm1(A.neg(A.mul(lambda, excess))))));
  });
  return A.sum(terms);
}
