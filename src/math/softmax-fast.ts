/**
 * Softmax relative to its maximiser in double-double ball arithmetic: the fast-path twin of
 * `softmax.ts`, enclosing the very same real numbers (`d_j = z_{i*} − z_j`, `w_j = e^{−λ d_j}`,
 * `S = Σ_{j≠i*} w_j`, `1 + S`, `1 − p_{i*} = S/(1 + S)`), in a factored form that stays within the
 * double range however small `e^{−λΔ}` is.
 *
 * Scores are read by {@link readScoresFast} straight from the raw JSON (no decimal.js) onto one exact
 * integer scale (doubles below 2⁵³, or BigInts for up to 40-digit scores), so the maximiser, the
 * runner-up, ties, the margin `Δ` and the excesses `d_j − Δ ≥ 0` are exact before any rounding;
 * facts such as `d_j ≥ Δ` for every `j ≠ i*` are therefore proved, and the helpers that use them say
 * which fact they use.
 *
 * Factored form. With `F = e^{−λΔ}` and `u_j = e^{−λ(d_j − Δ)} ∈ (0, 1]` (exactly 1 when `d_j = Δ`),
 * `w_j = F·u_j`, `S = F·U` with `U = Σ_{j≠i*} u_j ∈ [1, n − 1]`. `F` is kept as `f·10^{−E}`
 * ({@link scaledTail}): `E = 0` and `f = e^{−λΔ}` when `λΔ ≤ 150`, otherwise
 * `E = ⌊X/L⌋ ≥ 65` in 160-bit fixed point, which is `⌊λΔ/ln 10⌋` or, when `λΔ` lies within
 * `E·2⁻¹⁶⁰` below a multiple of `ln 10`, one more; and `f = e^{E ln 10 − λΔ}` (an identity for any
 * integer `E`; the choice makes `f ∈ (0.09, 1.01]`, of which the upper end is checked and the lower
 * end is not needed for soundness; {@link expOfNegativeExact}). Every value derived from the softmax is then returned divided
 * by `10^{−E}`: the tail `S/(1+S)`, the bound `(n−1)F`, and the margins (whose sign is unchanged by
 * the positive factor). When `E > 0`, `S ≤ 1.01·10⁴·10⁻⁶⁵ < 2⁻¹⁹⁰` (`n ≤ 10⁴`), so `1 + S` is enclosed
 * by `⟨1, 0, 2⁻¹⁹⁰⟩`.
 */
import { ballOfBigScaled, ballOfScaledInteger, bigMantissa, onCommonScaleWide, readWideDecimal, SmallDecimalColumn, type FastDecimal, type WideDecimal } from '../arith/double-double-input.ts';
import { splitBigInt } from '../arith/double-double-power10.ts';
import { addBall, clampNonNegative, DDBall, divBall, expBall, mulBall, negBall, roundedUp, setBall, subBall, upperEnd } from '../arith/double-double.ts';

/** Scores read for the fast path: the maximiser, the runner-up, the exact margin and excesses. */
export interface FastScores {
  readonly n: number;
  /** The first largest entry (as `maximiserOf` in `softmax.ts`). */
  readonly iStar: number;
  /** The first largest entry other than `iStar` (as `runnerUpOf`). */
  readonly runnerUp: number;
  /** True when the largest value is attained twice (`Δ = 0`). */
  readonly tie: boolean;
  /** Ball around `Δ = z_{i*} − z_{runner-up}` (exactly 0 on a tie). */
  readonly delta: DDBall;
  /** `Δ = deltaInteger·10^{scaleExponent}` exactly. */
  readonly deltaInteger: number | bigint;
  readonly scaleExponent: number;
  /** Balls around `d_j − Δ ≥ 0` for `j ≠ i*`; undefined at `i*` and where `d_j = Δ` exactly. */
  readonly excess: readonly (DDBall | undefined)[];
}

/**
 * Scratch balls reused from one probe to the next (the fast path decides one probe at a time and
 * allocates nothing per weight): `ball(i)` is the `i`-th ball of the pool.
 */
class BallPool {
  private readonly balls: DDBall[] = [];

  ball(i: number): DDBall {
    let b = this.balls[i];
    if (b === undefined) {
      b = new DDBall();
      this.balls[i] = b;
    }
    return b;
  }
}

/** Storage of the excesses read by {@link readScoresFast} (valid until its next call). */
const excessPool = new BallPool();
/** Storage of the tails of {@link scaledTailWith}, one pool per slot (valid until its next call with that slot). */
const tailPools = [new BallPool(), new BallPool()];

/** The largest `λΔ` for which `e^{−λΔ}` is kept unscaled (`E = 0`). */
export const UNSCALED_EXPONENT_LIMIT = 150;
/** Radius enclosing `S` in `1 + S` when `E > 0` (see the module comment). */
const SCALED_NORMALISER_RADIUS = 2 ** -190;

/**
 * Reads an array of `minLength … maxLength` decimals of up to 40 significant digits, or undefined
 * when any entry is not of that form or the scale is too wide (the full reader then decides). The
 * balls returned live in scratch storage that the next call overwrites.
 */
export function readScoresFast(value: unknown, minLength: number, maxLength: number): FastScores | undefined {
  if (!Array.isArray(value) || value.length < minLength || value.length > maxLength) return undefined;
  const n = value.length;
  const column = scoreColumn;
  column.reset(n);
  let wide = false;
  for (let j = 0; j < n; j++) {
    if (!column.push(value[j])) {
      wide = true;
      break;
    }
  }
  const exponent = wide ? undefined : column.commonScale();
  if (exponent !== undefined && spreadOf(column.scaled, n) < 2 ** 53) return scoresFromNumbers(column.scaled, n, exponent);
  const wideRead: WideDecimal[] = [];
  for (let j = 0; j < n; j++) {
    const d = readWideDecimal(value[j]);
    if (d === undefined) return undefined;
    wideRead.push(d);
  }
  const big = onCommonScaleWide(wideRead);
  return big === undefined ? undefined : scoresFromBigInts(big.scaled, big.exponent);
}

/** The scores read by {@link readScoresFast} (storage reused from one call to the next). */
const scoreColumn = new SmallDecimalColumn();
/** The values read by {@link readValuesFast}. */
const valueColumn = new SmallDecimalColumn();

/** `max − min` of the first `n` integers (exact when below 2⁵³, and then so is every difference of two of them). */
function spreadOf(scaled: Float64Array, n: number): number {
  let low = scaled[0]!;
  let high = low;
  for (let j = 1; j < n; j++) {
    const x = scaled[j]!;
    if (x < low) low = x;
    else if (x > high) high = x;
  }
  return high - low;
}

/** {@link FastScores} from the first `n` integers on one scale, whose differences are exact ({@link spreadOf} below 2⁵³). */
function scoresFromNumbers(scaled: Float64Array, n: number, exponent: number): FastScores | undefined {
  let iStar = 0;
  for (let j = 1; j < n; j++) if (scaled[j]! > scaled[iStar]!) iStar = j;
  let runnerUp = iStar === 0 ? 1 : 0;
  for (let j = 0; j < n; j++) if (j !== iStar && scaled[j]! > scaled[runnerUp]!) runnerUp = j;
  const top = scaled[iStar]!;
  const second = scaled[runnerUp]!;
  const delta = ballOfScaledInteger(excessPool.ball(n), top - second, exponent);
  if (delta === undefined) return undefined;
  const excess: (DDBall | undefined)[] = [];
  for (let j = 0; j < n; j++) {
    const e = second - scaled[j]!; // d_j − Δ, exact
    if (j === iStar || e === 0) {
      excess.push(undefined);
      continue;
    }
    const ball = ballOfScaledInteger(excessPool.ball(j), e, exponent);
    if (ball === undefined) return undefined;
    excess.push(ball);
  }
  return { n, iStar, runnerUp, tie: top === second, delta, deltaInteger: top - second, scaleExponent: exponent, excess };
}

function scoresFromBigInts(scaled: readonly bigint[], exponent: number): FastScores | undefined {
  const n = scaled.length;
  let iStar = 0;
  for (let j = 1; j < n; j++) if (scaled[j]! > scaled[iStar]!) iStar = j;
  let runnerUp = iStar === 0 ? 1 : 0;
  for (let j = 0; j < n; j++) if (j !== iStar && scaled[j]! > scaled[runnerUp]!) runnerUp = j;
  const top = scaled[iStar]!;
  const second = scaled[runnerUp]!;
  const delta = ballOfBigScaled(excessPool.ball(n), top - second, exponent);
  if (delta === undefined) return undefined;
  const excess: (DDBall | undefined)[] = [];
  for (let j = 0; j < n; j++) {
    const e = second - scaled[j]!;
    if (j === iStar || e === 0n) {
      excess.push(undefined);
      continue;
    }
    const ball = ballOfBigScaled(excessPool.ball(j), e, exponent);
    if (ball === undefined) return undefined;
    excess.push(ball);
  }
  return { n, iStar, runnerUp, tie: top === second, delta, deltaInteger: top - second, scaleExponent: exponent, excess };
}

/** `⌊ln 10 · 2¹⁶⁰⌋` (checked against 100 digits in the tests). */
export const LN10_FIXED = 3365231883504527125129111981421568120141379515367n;
const FIXED_BITS = 160;
/** Largest `E` accepted (decimal.js's exponent range is ±9·10¹⁵). */
const MAX_SCALE_EXPONENT = 10n ** 15n;
const scaledArgument = new DDBall();

/**
 * `out ← f` with `e^{−x} = f·10^{−E}` for the exact decimal `x = m·10^k > 150`; returns `E`, or
 * undefined when `E` is out of range or `f` leaves `(0, 1.01]`. In integers scaled by `2¹⁶⁰`:
 * `X = ⌊x·2¹⁶⁰⌋` (exact when `k ≥ 0`), `L = ⌊ln 10·2¹⁶⁰⌋`, `E = ⌊X/L⌋`, `R = X − E·L`; then
 * `r* = x − E ln 10` satisfies `|r*·2¹⁶⁰ − R| ≤ 1 + E` (the two floors), so `−r*` is enclosed by the ball
 * `−R·2⁻¹⁶⁰ ± (1 + E)·2⁻¹⁶⁰` (with `R` split exactly into doubles, any rest charged too), and
 * `f = e^{−r*}` by {@link expBall}. `0 ≤ R < L` gives `f ∈ (0.099, 1 + 10⁻³⁰]`; `x > 150` gives `E ≥ 65`.
 */
export function expOfNegativeExact(out: DDBall, mantissa: bigint, exponent: number): number | undefined {
  const fixed = exponent >= 0 ? (mantissa * 10n ** BigInt(exponent)) << BigInt(FIXED_BITS) : (mantissa << BigInt(FIXED_BITS)) / 10n ** BigInt(-exponent);
  const e = fixed / LN10_FIXED;
  if (e < 65n || e > MAX_SCALE_EXPONENT) return undefined;
  const [hi, lo, rest] = splitBigInt(fixed - e * LN10_FIXED);
  const scaleExponent = Number(e);
  const unit = 2 ** -FIXED_BITS;
  expBall(out, setBall(scaledArgument, -hi * unit, -lo * unit, roundedUp((rest + 1 + scaleExponent) * unit)));
  return Number.isFinite(out.rad) && upperEnd(out) <= 1.01 ? scaleExponent : undefined;
}

/** The softmax of `λz` around its maximiser, in the factored form, every value divided by `10^{−E}`. */
export interface ScaledTail {
  readonly iStar: number;
  /** `E`: `F = e^{−λΔ} = factor·10^{−E}`. */
  readonly exponent10: number;
  /** Ball around `f = F·10^{E}`. */
  readonly factor: DDBall;
  /** Balls around `u_j = e^{−λ(d_j − Δ)}` for `j ≠ i*` (exactly 1 where `d_j = Δ`); undefined at `i*`. */
  readonly relative: readonly (DDBall | undefined)[];
  /** Ball around `U = Σ_{j≠i*} u_j`. */
  readonly relativeSum: DDBall;
  /** Ball around `Σ_{j≠i*} (1 − u_j)`, every term ≥ 0 since `d_j ≥ Δ` and `λ > 0` (each clamped at 0). */
  readonly relativeSlack: DDBall;
  /** Ball around `S·10^{E} = f·U`. */
  readonly tailSum: DDBall;
  /** Ball around `1 + S`. */
  readonly normaliser: DDBall;
  /** Ball around `(1 − p_{i*})·10^{E} = f·U/(1 + S)`. */
  readonly tail: DDBall;
}

const ONE = new DDBall(1);

/**
 * The factored softmax tail for `λ` given as a ball (`λ > 0` checked by the caller) and
 * `F = e^{−λΔ} = factor·10^{−E}` given by the caller. Its balls live in the scratch storage of `slot`,
 * which the next call with that slot overwrites.
 */
export function scaledTailWith(scores: FastScores, lambda: DDBall, factor: DDBall, exponent10: number, slot: 0 | 1 = 0): ScaledTail {
  const pool = tailPools[slot]!;
  const n = scores.n;
  const relative: (DDBall | undefined)[] = [];
  const below = setBall(pool.ball(n), 0, 0, 0); // Σ u_j over the j ≠ i* with d_j > Δ
  const term = pool.ball(n + 2);
  let atRunnerUp = 0;
  let beyond = 0;
  for (let j = 0; j < n; j++) {
    if (j === scores.iStar) {
      relative.push(undefined);
      continue;
    }
    const e = scores.excess[j];
    if (e === undefined) {
      relative.push(ONE); // d_j = Δ exactly: u_j = 1, and 1 − u_j = 0 adds nothing
      atRunnerUp += 1;
      continue;
    }
    const u = expBall(pool.ball(j), negBall(term, mulBall(term, lambda, e)));
    relative.push(u);
    beyond += 1;
    addBall(below, below, u);
  }
  // U = (number at the runner-up level) + Σ_{d_j > Δ} u_j, and Σ_{j≠i*}(1 − u_j) = (number beyond) − Σ_{d_j > Δ} u_j,
  // a sum of terms ≥ 0 (u_j ≤ 1), clamped at 0
  const relativeSum = addBall(pool.ball(n + 1), below, setBall(term, atRunnerUp, 0, 0));
  const relativeSlack = beyond === 0 ? below : clampNonNegative(below, subBall(below, setBall(term, beyond, 0, 0), below)); // no term: exactly 0
  const tailSum = mulBall(pool.ball(n + 3), factor, relativeSum);
  const normaliser = exponent10 === 0 ? addBall(pool.ball(n + 4), tailSum, ONE) : setBall(pool.ball(n + 4), 1, 0, SCALED_NORMALISER_RADIUS);
  return { iStar: scores.iStar, exponent10, factor, relative, relativeSum, relativeSlack, tailSum, normaliser, tail: divBall(pool.ball(n + 5), tailSum, normaliser) };
}

/**
 * The factored softmax tail at the exact decimal `λ > 0`, or undefined when `λΔ` is out of reach:
 * `F = e^{−λΔ}` by {@link expBall} on the ball `λΔ` while `λΔ ≤ 150`, beyond by
 * {@link expOfNegativeExact} on the exact product (the ball would cost `λΔ·2⁻⁹⁶` in the exponent).
 */
export function scaledTail(scores: FastScores, lambda: FastDecimal, slot: 0 | 1 = 0): ScaledTail | undefined {
  const factor = tailPools[slot]!.ball(scores.n + 6);
  let e: number | undefined = 0;
  if (scores.tie) setBall(factor, 1, 0, 0);
  else {
    const x = mulBall(scaledArgument, lambda.ball, scores.delta);
    if (x.hi <= UNSCALED_EXPONENT_LIMIT) {
      expBall(factor, negBall(x, x));
      if (!Number.isFinite(factor.rad)) return undefined;
    } else {
      const mantissa = bigMantissa(lambda.decimal) * BigInt(scores.deltaInteger);
      e = expOfNegativeExact(factor, mantissa, lambda.decimal.exponent + scores.scaleExponent);
    }
  }
  return e === undefined ? undefined : scaledTailWith(scores, lambda.ball, factor, e, slot);
}

/** A ball `⟨b/2, 0, b/2⟩` enclosing `[0, b]`. */
function fromZeroTo(b: number): DDBall {
  return new DDBall(b / 2, 0, b / 2);
}

/**
 * Ball around `(B − S/(1+S))·(1+S)·10^{E} = f·Σ_{j≠i*}(1 − u_j) + B·S·10^{E}` for the hard-max bound
 * `B = (n−1)F` given as `bound = B·10^{E}`: a sum of non-negative terms (`u_j ≤ 1` as `d_j ≥ Δ`), so
 * it is clamped at 0. It has the sign of the margin `B − S/(1+S)` (the factor `(1+S)·10^{E}` is > 0).
 * When `E > 0`, `B·S·10^{E} = bound·f·U·10^{−E} ≤ 11·10⁴·1.01·10⁴·10⁻⁶⁵ < 2⁻¹⁷⁰` is enclosed by `[0, 2⁻¹⁷⁰]`.
 */
export function hardmaxMarginScaled(t: ScaledTail, bound: DDBall): DDBall {
  const out = mulBall(new DDBall(), t.factor, t.relativeSlack);
  addBall(out, out, t.exponent10 === 0 ? mulBall(new DDBall(), bound, t.tailSum) : fromZeroTo(2 ** -170));
  return clampNonNegative(out, out);
}

/**
 * Ball around `(S₁ − S₂)·10^{E}` (both tails at the same `E`) for `λ₁ ≤ λ₂`:
 * `Σ_{j≠i*} (f₁u_j(λ₁) − f₂u_j(λ₂))`, each term ≥ 0 since `w_j` is non-increasing in `λ` (`d_j ≥ 0`),
 * so each is clamped at 0.
 */
export function nonNegativeDifferences(t1: ScaledTail, t2: ScaledTail): DDBall {
  const total = new DDBall(0);
  const a = new DDBall();
  const b = new DDBall();
  for (let j = 0; j < t1.relative.length; j++) {
    if (j === t1.iStar) continue;
    mulRelative(a, t1.relative[j]!, t1.factor);
    mulRelative(b, t2.relative[j]!, t2.factor);
    clampNonNegative(a, subBall(a, a, b));
    addBall(total, total, a);
  }
  return total;
}

/** Upper end below which a relative weight `u_j` is treated as negligible (see {@link mulRelative}). */
const NEGLIGIBLE = 2 ** -400;

/**
 * `out ← u·x` for a relative weight `u ≥ 0`: by {@link mulBall}, except when `u`'s midpoint is below
 * `2⁻⁴⁰⁰` (as {@link expBall}'s enclosure `[0, 2⁻⁴⁹⁰]` of `e^{−y}`, `y > 340`), where the product could
 * leave the range of the ball products: then `|u·x| ≤ max u·max |x|` gives the ball `⟨0, 0, max u·max |x|⟩`.
 */
export function mulRelative(out: DDBall, u: DDBall, x: DDBall): DDBall {
  if (!(u.hi <= NEGLIGIBLE)) return mulBall(out, u, x);
  return setBall(out, 0, 0, roundedUp(upperEnd(u) * roundedUp(Math.abs(x.hi) + x.rad + Math.abs(x.lo))));
}

/** Values `v` (n rows of m columns) read for the fast path, relative to the maximiser's row. */
export interface FastValues {
  readonly columns: number;
  /** Balls around `δ_jc = v_jc − v_{i*c}`, exact; undefined where `δ_jc = 0`. */
  readonly deltas: readonly (readonly (DDBall | undefined)[])[];
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
  const column = valueColumn;
  column.reset(n * columns);
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== columns) return undefined;
    for (const x of row) if (!column.push(x)) return undefined;
  }
  const exponent = column.commonScale();
  if (exponent === undefined) return undefined;
  const { scaled } = column;
  const delta = (j: number, c: number): number => scaled[j * columns + c]! - scaled[iStar * columns + c]!;
  let spread = 0;
  for (let j = 0; j < n; j++) for (let c = 0; c < columns; c++) spread = Math.max(spread, Math.abs(delta(j, c)));
  if (spread === 0 || !(2 * spread < 2 ** 53)) return undefined; // then every δ and M ± δ below is an exact integer
  const ball = (k: number): DDBall | undefined => ballOfScaledInteger(new DDBall(), k, exponent);
  const deltas: (DDBall | undefined)[][] = [];
  const belowSpread: DDBall[][] = [];
  const aboveSpread: DDBall[][] = [];
  for (let j = 0; j < n; j++) {
    const d: (DDBall | undefined)[] = [];
    const below: DDBall[] = [];
    const above: DDBall[] = [];
    for (let c = 0; c < columns; c++) {
      const k = delta(j, c);
      const b = ball(spread - k);
      const a = ball(spread + k);
      if (b === undefined || a === undefined) return undefined;
      if (k === 0) d.push(undefined);
      else {
        const x = ball(k);
        if (x === undefined) return undefined;
        d.push(x);
      }
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

/**
 * Ball around `Σ_{j≠i*} u_j·x_j` (terms with `x_j` exactly 0, given as undefined, skipped); the
 * result is exactly 0 when every term is.
 */
export function relativeWeightedSum(t: ScaledTail, xs: readonly (DDBall | undefined)[]): DDBall {
  const total = new DDBall(0);
  const term = new DDBall();
  for (let j = 0; j < t.relative.length; j++) {
    const x = xs[j];
    if (j === t.iStar || x === undefined) continue;
    addBall(total, total, mulRelative(term, t.relative[j]!, x));
  }
  return total;
}

/** `[0, b]` as a ball, for the minimum of non-negative quantities whose upper ends are at most `b`. */
export function nonNegativeUpTo(b: number): DDBall {
  return fromZeroTo(b);
}
