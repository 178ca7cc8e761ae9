/**
 * Softmax relative to its maximiser in double-double ball arithmetic: the fast-path twin of
 * `softmax.ts`, enclosing the very same real numbers (`d_j = z_{i*} − z_j`, `w_j = e^{−λ d_j}`,
 * `S = Σ_{j≠i*} w_j`, `1 + S`, `1 − p_{i*} = S/(1 + S)`).
 *
 * Scores are read by {@link readScoresFast} straight from the raw JSON (no decimal.js) onto one exact
 * integer scale, so the maximiser, the runner-up, ties and the gaps `d_j` are exact before any
 * rounding; facts such as `d_j ≥ Δ` for every `j ≠ i*` are therefore proved, and the helpers that use
 * them ({@link slackBelowPerTerm}, {@link nonNegativeDifferences}) say which fact they use. A ball may
 * come back with radius +∞ (out of the double-double range), which no decision accepts.
 */
import { ballOfScaledInteger, onCommonScale, readSmallDecimal, type SmallDecimal } from '../arith/double-double-input.ts';
import { addBall, clampNonNegative, DDBall, divBall, expBall, mulBall, negBall, subBall } from '../arith/double-double.ts';

/** Scores read for the fast path: the maximiser, the runner-up and the exact gaps. */
export interface FastScores {
  readonly n: number;
  /** The first largest entry (as `maximiserOf` in `softmax.ts`). */
  readonly iStar: number;
  /** The first largest entry other than `iStar` (as `runnerUpOf`). */
  readonly runnerUp: number;
  /** True when the largest value is attained twice (`Δ = 0`). */
  readonly tie: boolean;
  /** Balls around `d_j = z_{i*} − z_j` (exactly 0 at `i*`). */
  readonly gaps: readonly DDBall[];
}

/**
 * Reads an array of `minLength … maxLength` simple decimals (see `double-double-input.ts`), or
 * undefined when any entry is not of that simple form (the full reader then decides).
 */
export function readScoresFast(value: unknown, minLength: number, maxLength: number): FastScores | undefined {
  if (!Array.isArray(value) || value.length < minLength || value.length > maxLength) return undefined;
  const read: SmallDecimal[] = [];
  for (const v of value) {
    const d = readSmallDecimal(v);
    if (d === undefined) return undefined;
    read.push(d);
  }
  const common = onCommonScale(read);
  if (common === undefined) return undefined;
  const { scaled, exponent } = common;
  const n = scaled.length;
  let iStar = 0;
  for (let j = 1; j < n; j++) if (scaled[j]! > scaled[iStar]!) iStar = j;
  let runnerUp = iStar === 0 ? 1 : 0;
  for (let j = 0; j < n; j++) if (j !== iStar && scaled[j]! > scaled[runnerUp]!) runnerUp = j;
  const gaps: DDBall[] = [];
  for (let j = 0; j < n; j++) {
    const g = scaled[iStar]! - scaled[j]!; // exact when below 2⁵³
    if (!(g < 2 ** 53)) return undefined;
    const ball = ballOfScaledInteger(new DDBall(), g, exponent);
    if (ball === undefined) return undefined;
    gaps.push(ball);
  }
  return { n, iStar, runnerUp, tie: scaled[runnerUp] === scaled[iStar], gaps };
}

/** The softmax of `λz` around its maximiser, as balls. */
export interface SoftmaxTailBalls {
  readonly iStar: number;
  /** Balls around `w_j = e^{−λ d_j}`; `weights[iStar]` is exactly 1. */
  readonly weights: readonly DDBall[];
  readonly tailSum: DDBall;
  readonly normaliser: DDBall;
  readonly tail: DDBall;
}

/** `softmax(λz)` relative to its maximiser, for `λ` given as a ball. */
export function softmaxTailBalls(scores: FastScores, lambda: DDBall): SoftmaxTailBalls {
  const { iStar, gaps } = scores;
  const weights: DDBall[] = [];
  const tailSum = new DDBall(0);
  const scratch = new DDBall();
  for (let j = 0; j < gaps.length; j++) {
    if (j === iStar) {
      weights.push(new DDBall(1));
      continue;
    }
    mulBall(scratch, lambda, gaps[j]!);
    const w = expBall(new DDBall(), negBall(scratch, scratch));
    weights.push(w);
    addBall(tailSum, tailSum, w);
  }
  const normaliser = addBall(new DDBall(), tailSum, new DDBall(1));
  return { iStar, weights, tailSum, normaliser, tail: divBall(new DDBall(), tailSum, normaliser) };
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

/** Values `v` (n rows of m columns) read for the fast path, relative to the maximiser's row. */
export interface FastValues {
  readonly columns: number;
  /** Balls around `δ_jc = v_jc − v_{i*c}`, exact. */
  readonly deltas: readonly (readonly DDBall[])[];
  /** Balls around `M − δ_jc` and `M + δ_jc` (both ≥ 0), exact. */
  readonly belowSpread: readonly (readonly DDBall[])[];
  readonly aboveSpread: readonly (readonly DDBall[])[];
  /** Ball around `M = max_{j,c} |δ_jc|`, exact and > 0. */
  readonly spread: DDBall;
}

/**
 * Reads `n` rows of `1 … maxColumns` simple decimals onto one exact integer scale, or undefined (also
 * when every row equals the maximiser's, `M = 0`: the decimal path handles that exact case).
 */
export function readValuesFast(value: unknown, n: number, iStar: number, maxColumns: number): FastValues | undefined {
  if (!Array.isArray(value) || value.length !== n) return undefined;
  const columns = Array.isArray(value[0]) ? (value[0] as unknown[]).length : 0;
  if (columns < 1 || columns > maxColumns) return undefined;
  const read: SmallDecimal[] = [];
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== columns) return undefined;
    for (const x of row) {
      const d = readSmallDecimal(x);
      if (d === undefined) return undefined;
      read.push(d);
    }
  }
  const common = onCommonScale(read);
  if (common === undefined) return undefined;
  const { scaled, exponent } = common;
  const delta = (j: number, c: number): number => scaled[j * columns + c]! - scaled[iStar * columns + c]!;
  let spread = 0;
  for (let j = 0; j < n; j++) for (let c = 0; c < columns; c++) spread = Math.max(spread, Math.abs(delta(j, c)));
  if (spread === 0 || !(2 * spread < 2 ** 53)) return undefined; // then every δ and M ± δ below is an exact integer
  const ball = (k: number): DDBall | undefined => ballOfScaledInteger(new DDBall(), k, exponent);
  const deltas: DDBall[][] = [];
  const belowSpread: DDBall[][] = [];
  const aboveSpread: DDBall[][] = [];
  for (let j = 0; j < n; j++) {
    const d: DDBall[] = [];
    const below: DDBall[] = [];
    const above: DDBall[] = [];
    for (let c = 0; c < columns; c++) {
      const x = ball(delta(j, c));
      const b = ball(spread - delta(j, c));
      const a = ball(spread + delta(j, c));
      if (x === undefined || b === undefined || a === undefined) return undefined;
      d.push(x);
      below.push(b);
      above.push(a);
    }
    deltas.push(d);
    belowSpread.push(below);
    aboveSpread.push(above);
  }
  const m = ball(spread);
  if (m === undefined) return undefined;
  return { columns, deltas, belowSpread, aboveSpread, spread: m };
}

/** `Σ_{j≠i*} w_j·x_j` as a ball. */
export function weightedSum(t: SoftmaxTailBalls, xs: readonly DDBall[]): DDBall {
  const total = new DDBall(0);
  const term = new DDBall();
  for (let j = 0; j < t.weights.length; j++) {
    if (j === t.iStar) continue;
    addBall(total, total, mulBall(term, t.weights[j]!, xs[j]!));
  }
  return total;
}
