/**
 * Softmax relative to its maximiser in double-double ball arithmetic: the fast-path twin of
 * `softmax.ts`, enclosing the very same real numbers (`d_j = z_{i*} − z_j`, `w_j = e^{−λ d_j}`,
 * `S = Σ_{j≠i*} w_j`, `1 + S`, `1 − p_{i*} = S/(1 + S)`).
 *
 * The maximiser and the runner-up are found by exact decimal comparison (as in `softmax.ts`), so
 * facts such as `d_j ≥ Δ` for every `j ≠ i*` are proved before any rounding; the helpers that use
 * them ({@link slackBelowPerTerm}, {@link nonNegativeDifferences}) say which fact they use.
 * Functions return undefined when an input cannot be read into a ball (too many digits, exponent
 * out of range); a ball may also come back with radius +∞ (out of range), which no decision accepts.
 */
import type { Decimal } from 'decimal.js';
import { newBallFromDecimal } from '../arith/double-double-decimal.ts';
import { addBall, clampNonNegative, DDBall, divBall, expBall, mulBall, negBall, subBall } from '../arith/double-double.ts';
import { maximiserOf, runnerUpOf } from './softmax.ts';

/** Balls around exact decimals, or undefined when one cannot be read. */
export function ballsOf(xs: readonly Decimal[]): DDBall[] | undefined {
  const out: DDBall[] = [];
  for (const x of xs) {
    const b = newBallFromDecimal(x);
    if (b === undefined) return undefined;
    out.push(b);
  }
  return out;
}

/** The softmax of `λz` around its maximiser, as balls. */
export interface SoftmaxTailBalls {
  readonly iStar: number;
  /** The runner-up `argmax_{j≠i*} z_j`, so that `w_{runnerUp} = e^{−λΔ}`. */
  readonly runnerUp: number;
  /** Ball around `d_j = z_{i*} − z_j` (exactly 0 at `i*`). */
  readonly gaps: readonly DDBall[];
  /** Balls around `w_j = e^{−λ d_j}`; `weights[iStar]` is exactly 1. */
  readonly weights: readonly DDBall[];
  readonly tailSum: DDBall;
  readonly normaliser: DDBall;
  readonly tail: DDBall;
}

/** `softmax(λz)` relative to its maximiser, for `λ` given as a ball and `z` as exact decimals with their balls. */
export function softmaxTailBalls(z: readonly Decimal[], zBalls: readonly DDBall[], lambda: DDBall): SoftmaxTailBalls {
  const iStar = maximiserOf(z);
  const runnerUp = runnerUpOf(z, iStar);
  const top = zBalls[iStar]!;
  const gaps: DDBall[] = [];
  const weights: DDBall[] = [];
  const tailSum = new DDBall(0);
  const scratch = new DDBall();
  for (let j = 0; j < z.length; j++) {
    if (j === iStar) {
      gaps.push(new DDBall(0));
      weights.push(new DDBall(1));
      continue;
    }
    const gap = subBall(new DDBall(), top, zBalls[j]!);
    gaps.push(gap);
    mulBall(scratch, lambda, gap);
    const w = expBall(new DDBall(), negBall(scratch, scratch));
    weights.push(w);
    addBall(tailSum, tailSum, w);
  }
  const normaliser = addBall(new DDBall(), tailSum, new DDBall(1));
  return { iStar, runnerUp, gaps, weights, tailSum, normaliser, tail: divBall(new DDBall(), tailSum, normaliser) };
}

/**
 * Ball around `Σ_{j≠i*} (e^{−λΔ} − w_j)` given a ball `perTerm` around `e^{−λΔ}`. Each term is ≥ 0
 * because `d_j ≥ Δ` (exact comparison) and `x ↦ e^{−λx}` is decreasing for `λ > 0`, so each term's
 * ball is clamped at 0 before summing (the decimal twin is `slackBelowMarginTerm`).
 */
export function slackBelowPerTerm(t: SoftmaxTailBalls, perTerm: DDBall): DDBall {
  const total = new DDBall(0);
  const term = new DDBall();
  for (let j = 0; j < t.weights.length; j++) {
    if (j === t.iStar) continue;
    clampNonNegative(term, subBall(term, perTerm, t.weights[j]!));
    addBall(total, total, term);
  }
  return total;
}

/**
 * Ball around `Σ_{j≠i*} (w_j(λ₁) − w_j(λ₂))` for `λ₁ ≤ λ₂`, each term ≥ 0 since `d_j ≥ 0` (clamped at 0).
 */
export function nonNegativeDifferences(t1: SoftmaxTailBalls, t2: SoftmaxTailBalls): DDBall {
  const total = new DDBall(0);
  const term = new DDBall();
  for (let j = 0; j < t1.weights.length; j++) {
    if (j === t1.iStar) continue;
    clampNonNegative(term, subBall(term, t1.weights[j]!, t2.weights[j]!));
    addBall(total, total, term);
  }
  return total;
}

/** `(slack + B·S)/(1 + S)`: the cancellation-free margin `B − S/(1+S)` of the hard-max bound `B`. */
export function tailMarginBall(t: SoftmaxTailBalls, slack: DDBall, bound: DDBall): DDBall {
  const out = mulBall(new DDBall(), bound, t.tailSum);
  addBall(out, out, slack);
  return divBall(out, out, t.normaliser);
}
