/**
 * The softmax hard-max limit: for scores $z \in \mathbb{R}^n$ with a unique maximiser $i^*$ and margin
 * $\Delta = z_{i^*} - \max_{j \ne i^*} z_j$, $\mathrm{softmax}(\lambda z) \to e_{i^*}$ as $\lambda \to \infty$, at the
 * rate $(n-1)e^{-\lambda\Delta}$.
 *
 * @hypothesis scores $z \in \mathbb{R}^n$ with $n \ge 2$
 * @hypothesis temperature $\lambda > 0$
 * @hypothesis margin $\Delta > 0$: the maximiser $i^*$ is unique
 * @method Write $p_j = w_j/(1+S)$ with $w_j = e^{-\lambda(z_{i^*} - z_j)}$ and $S = \sum_{j \ne i^*} w_j$; then
 * $1 - p_{i^*} = S/(1+S) \le S \le (n-1)e^{-\lambda\Delta}$ since every $w_j \le e^{-\lambda\Delta}$.
 * Tight: with every non-maximal entry at $z_{i^*} - \Delta$ the ratio of the two sides tends to 1.
 * @reference E. Gumaan, Universal Approximation Theorem for a Single-Layer Transformer, arXiv:2507.10581 (2025); the standard form is in MATH.md, lemma softmax-hardmax.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../src/arith/interval.ts';
import { isAtMostWide, isBelowOne, readPositiveFast } from '../src/arith/double-double-input.ts';
import { addBall, clampNonNegative, DDBall, divBall, isCertifiedNegative, isCertifiedPositive, isExactZero, lnBall, mulBall, mulByDouble, negBall, scaleByPowerOfTwo, subBall, upperEnd } from '../src/arith/double-double.ts';
import { hasTie, maximiserOf, slackBelowMarginTerm, softmaxTail, type SoftmaxTail } from '../src/math/softmax.ts';
import { hardmaxMarginScaled, nonNegativeDifferences, nonNegativeUpTo, readScoresFast, readValuesFast, relativeWeightedSum, scaledTail, scaledTailWith, type ScaledTail } from '../src/math/softmax-fast.ts';
import { defineClaim, defineFinding, defineLemma, type FastEvaluation, type HypothesisFailure } from '../src/registry/define.ts';
import { readDecimal, readDecimalArray, readDecimalMatrix, required } from '../src/verdict/args.ts';

/** Largest number of scores accepted in one probe. */
export const MAX_SCORES = 10_000;
/** Largest number of value columns accepted in one probe of `attention`. */
export const MAX_VALUE_COLUMNS = 1_000;

interface Scores {
  readonly z: Decimal[];
}
interface ScoresAtTemperature extends Scores {
  readonly lambda: Decimal;
}

function readScores(raw: Record<string, unknown>): Decimal[] {
  return readDecimalArray(required(raw, 'z'), 'z', 0, MAX_SCORES);
}

function scoresFail(z: readonly Decimal[]): HypothesisFailure | undefined {
  if (z.length < 2) return { hypothesis: 'scores', reason: `n = ${z.length}, but at least 2 scores are needed` };
  return undefined;
}

function marginFails(z: readonly Decimal[]): HypothesisFailure | undefined {
  if (!hasTie(z)) return undefined;
  const top = z[maximiserOf(z)]!;
  const tied = z.flatMap((v, j) => (v.eq(top) ? [j] : []));
  return { hypothesis: 'margin', reason: `tie: z[${tied.join('] = z[')}] = ${top.toString()}, so Δ = 0` };
}

function temperatureFails(lambda: Decimal, name = 'lambda'): HypothesisFailure | undefined {
  return lambda.gt(0) ? undefined : { hypothesis: 'temperature', reason: `${name} = ${lambda.toString()} is not > 0` };
}

function readScoresAtTemperature(raw: Record<string, unknown>): ScoresAtTemperature {
  return { z: readScores(raw), lambda: readDecimal(required(raw, 'lambda'), 'lambda') };
}

function scoresAtTemperatureFail(a: ScoresAtTemperature): HypothesisFailure | undefined {
  return scoresFail(a.z) ?? temperatureFails(a.lambda) ?? marginFails(a.z);
}

/** Enclosure of the bound `(n − 1)e^{−λΔ}` and of its per-term factor `e^{−λΔ}`. */
function hardmaxBound(z: readonly Decimal[], lambda: Interval, margin: Interval, A: Arith): { bound: Interval; perTerm: Interval } {
  const perTerm = A.exp(A.neg(A.mul(lambda, margin)));
  return { bound: A.scale(perTerm, z.length - 1), perTerm };
}

/**
 * Enclosure of `B − S/(1+S) = (Σ_{j≠i*}(e^{−λΔ} − w_j) + B·S)/(1+S)` for `B = (n−1)e^{−λΔ}`: a sum of
 * non-negative terms, so it stays certifiably positive on the tight family even at `λΔ = 10^5`.
 */
function tailMargin(z: readonly Decimal[], lambda: Interval, perTerm: Interval, bound: Interval, A: Arith, t: SoftmaxTail): Interval {
  const slack = slackBelowMarginTerm(z, lambda, perTerm, A);
  return A.div(A.add(slack, A.mul(bound, t.tailSum)), t.normaliser);
}

/**
 * Fast-path twin of `linf`'s evaluation in double-double balls, read straight from the raw arguments,
 * in the factored form of `softmax-fast.ts` (every value divided by `10^{−E}`, `e^{−λΔ} = f·10^{−E}`):
 * `1 − p_{i*}`, the bound `(n−1)e^{−λΔ}` and the margin `B − S/(1+S)` times `(1+S)`, a sum of
 * non-negative terms. Undefined unless the inputs are simple decimals and every hypothesis (scores,
 * temperature, margin) holds.
 */
function hardmaxFast(raw: Record<string, unknown>): { tail: ScaledTail; lhs: DDBall; bound: DDBall; margin: DDBall } | undefined {
  const scores = readScoresFast(raw.z, 2, MAX_SCORES);
  if (scores === undefined || scores.tie) return undefined;
  const lambda = readPositiveFast(raw.lambda);
  if (lambda === undefined) return undefined;
  const t = scaledTail(scores, lambda);
  if (t === undefined) return undefined;
  const bound = mulByDouble(new DDBall(), t.factor, scores.n - 1);
  return { tail: t, lhs: t.tail, bound, margin: hardmaxMarginScaled(t, bound) };
}

/** A fast evaluation whose `lhs` and `bound` are both given divided by `10^{−E}`. */
function scaledBy(e: number, x: { lhs: DDBall; bound: DDBall; margin: DDBall }): FastEvaluation {
  return { lhs: x.lhs, bound: x.bound, margin: x.margin, lhsScale10: -e, boundScale10: -e };
}

/**
 * $\|\mathrm{softmax}(\lambda z) - e_{i^*}\|_\infty = 1 - p_{i^*} \le (n-1)e^{-\lambda\Delta}$.
 *
 * @bound $(n-1)e^{-\lambda\Delta}$
 * @lhs $1 - p_{i^*}$
 * @args `z` (array of n decimals), `lambda` (decimal)
 */
export const linf = defineClaim<ScoresAtTemperature>({
  id: 'linf',
  parse: readScoresAtTemperature,
  hypotheses: scoresAtTemperatureFail,
  evaluate({ z, lambda }, A) {
    const lam = A.point(lambda);
    const t = softmaxTail(z, lam, A);
    const { bound, perTerm } = hardmaxBound(z, lam, t.margin, A);
    // ‖p − e‖_∞ = max(1 − p*, max_{j≠i*} p_j) = 1 − p*, since every p_j ≤ Σ_{j≠i*} p_j = 1 − p*.
    return { lhs: t.tail, bound, margin: tailMargin(z, lam, perTerm, bound, A, t) };
  },
  fast(raw): FastEvaluation | undefined {
    const h = hardmaxFast(raw);
    return h === undefined ? undefined : scaledBy(h.tail.exponent10, h);
  },
});

/**
 * $\|\mathrm{softmax}(\lambda z) - e_{i^*}\|_1 = 2(1 - p_{i^*}) \le 2(n-1)e^{-\lambda\Delta}$; the factor 2 is a common slip.
 *
 * @bound $2(n-1)e^{-\lambda\Delta}$
 * @lhs $\|p - e_{i^*}\|_1 = (1 - p_{i^*}) + \sum_{j \ne i^*} p_j$
 * @args `z` (array of n decimals), `lambda` (decimal)
 */
export const l1 = defineClaim<ScoresAtTemperature>({
  id: 'l1',
  parse: readScoresAtTemperature,
  hypotheses: scoresAtTemperatureFail,
  evaluate({ z, lambda }, A) {
    const lam = A.point(lambda);
    const t = softmaxTail(z, lam, A);
    const { bound, perTerm } = hardmaxBound(z, lam, t.margin, A);
    const offMax = A.sum(t.weights.filter((_, j) => j !== t.iStar).map((w) => A.div(w, t.normaliser)));
    return {
      lhs: A.add(t.tail, offMax),
      bound: A.scale(bound, 2),
      margin: A.scale(tailMargin(z, lam, perTerm, bound, A, t), 2),
    };
  },
  fast(raw): FastEvaluation | undefined {
    // ‖p − e‖₁ = (1 − p*) + Σ_{j≠i*} p_j = 2(1 − p*): the same real number as the decimal left side.
    const h = hardmaxFast(raw);
    if (h === undefined) return undefined;
    const twice = (b: DDBall): DDBall => scaleByPowerOfTwo(b, b, 1);
    // the margin 2(B − S/(1+S)) has the sign of linf's
    return scaledBy(h.tail.exponent10, { lhs: twice(h.lhs), bound: twice(h.bound), margin: h.margin });
  },
});

/** The ball of the larger of two numbers when the balls prove which one it is; undefined otherwise. */
function largerOf(a: DDBall, b: DDBall): DDBall | undefined {
  const d = subBall(new DDBall(), a, b);
  if (isCertifiedPositive(d)) return a;
  if (isCertifiedNegative(d)) return b;
  return undefined;
}

interface AttentionArgs extends ScoresAtTemperature {
  readonly v: Decimal[][];
}

/**
 * $\|\sum_j p_j v_j - v_{i^*}\|_\infty \le (n-1)e^{-\lambda\Delta}\,\max_j \|v_j - v_{i^*}\|_\infty$ for values $v_1, \dots, v_n \in \mathbb{R}^m$.
 *
 * @bound $(n-1)e^{-\lambda\Delta}\,\max_j \|v_j - v_{i^*}\|_\infty$
 * @lhs $\|\sum_j p_j v_j - v_{i^*}\|_\infty$
 * @args `z` (array of n decimals), `lambda` (decimal), `v` (n rows of m decimals)
 * @method Since $\sum_j p_j = 1$, $\sum_j p_j v_j - v_{i^*} = \sum_{j \ne i^*} p_j (v_j - v_{i^*})$, whose ∞-norm is at most
 * $(1 - p_{i^*})\max_j\|v_j - v_{i^*}\|_\infty$; then claim linf.
 */
export const attention = defineClaim<AttentionArgs>({
  id: 'attention',
  parse(raw) {
    const base = readScoresAtTemperature(raw);
    const v = readDecimalMatrix(required(raw, 'v'), 'v', { rows: base.z.length, maxRows: MAX_SCORES, maxCols: MAX_VALUE_COLUMNS });
    return { ...base, v };
  },
  hypotheses: scoresAtTemperatureFail,
  evaluate({ z, lambda, v }, A) {
    const lam = A.point(lambda);
    const t = softmaxTail(z, lam, A);
    const { bound: tailBound, perTerm } = hardmaxBound(z, lam, t.margin, A);
    const vStar = v[t.iStar]!;
    const columns = vStar.map((_, c) => c);
    const deltas = v.map((row) => row.map((x, c) => A.sub(A.point(x), A.point(vStar[c]!)))); // δ_jc = v_jc − v_{i*c}
    const spread = deltas.reduce((m, row) => row.reduce((mm, d) => A.max(mm, A.abs(d)), m), A.point(0)); // M
    const others = z.map((_, j) => j).filter((j) => j !== t.iStar);
    const weighted = (sign: 1 | -1, c: number): Interval =>
      // Σ_{j≠i*} w_j (M ∓ δ_jc): every term ≥ 0, so no cancellation.
      A.sum(others.map((j) => A.mul(t.weights[j]!, sign === 1 ? A.sub(spread, deltas[j]![c]!) : A.add(spread, deltas[j]![c]!))));
    const lhsPerColumn = columns.map((c) => A.div(A.abs(A.sum(others.map((j) => A.mul(t.weights[j]!, deltas[j]![c]!)))), t.normaliser));
    const base = A.mul(spread, tailMargin(z, lam, perTerm, tailBound, A, t)); // M·(B − S/(1+S))
    const marginPerColumn = columns.map((c) => A.add(base, A.div(A.min(weighted(1, c), weighted(-1, c)), t.normaliser)));
    return {
      lhs: lhsPerColumn.reduce((m, x) => A.max(m, x)),
      bound: A.mul(tailBound, spread),
      margin: marginPerColumn.reduce((m, x) => A.min(m, x)),
    };
  },
  fast(raw): FastEvaluation | undefined {
    const scores = readScoresFast(raw.z, 2, MAX_SCORES);
    if (scores === undefined || scores.tie) return undefined;
    const lambda = readPositiveFast(raw.lambda);
    const values = readValuesFast(raw.v, scores.n, scores.iStar, MAX_VALUE_COLUMNS);
    if (lambda === undefined || values === undefined) return undefined;
    const t = scaledTail(scores, lambda);
    if (t === undefined) return undefined;
    // every value below is divided by 10^{−E}, and every margin multiplied by (1 + S) > 0
    const tailBound = mulByDouble(new DDBall(), t.factor, scores.n - 1);
    const base = mulBall(new DDBall(), values.spread, hardmaxMarginScaled(t, tailBound)); // M·(B − S/(1+S))·(1+S)
    let lhs: DDBall | undefined;
    let marginUpper = Infinity;
    for (let c = 0; c < values.columns; c++) {
      const column = <T,>(rows: readonly (readonly T[])[]): T[] => rows.map((row) => row[c]!);
      const mixed = relativeWeightedSum(t, column(values.deltas)); // Σ_{j≠i*} u_j δ_jc
      // |Σ w_j δ_jc| and min(Σ w_j(M − δ_jc), Σ w_j(M + δ_jc)): the smaller sum is the one on mixed's side
      const zero = isExactZero(mixed);
      const positive = zero || isCertifiedPositive(mixed);
      if (!positive && !isCertifiedNegative(mixed)) return undefined;
      const lhsColumn = zero ? new DDBall(0) : divBall(new DDBall(), mulBall(mixed, t.factor, positive ? mixed : negBall(mixed, mixed)), t.normaliser);
      const nearer = relativeWeightedSum(t, column(positive ? values.belowSpread : values.aboveSpread));
      // margin of column c times (1 + S)·10^{E}: M·(B − S/(1+S))·(1+S) + f·Σ u_j(M ∓ δ_jc), both terms ≥ 0
      const marginColumn = addBall(nearer, base, mulBall(nearer, t.factor, nearer));
      marginUpper = Math.min(marginUpper, upperEnd(marginColumn));
      lhs = lhs === undefined ? lhsColumn : largerOf(lhs, lhsColumn);
      if (lhs === undefined) return undefined;
    }
    if (lhs === undefined) return undefined;
    // the margin is the minimum over columns of quantities ≥ 0 (see above), each at most its upper end
    return scaledBy(t.exponent10, { lhs, bound: mulBall(new DDBall(), tailBound, values.spread), margin: nonNegativeUpTo(marginUpper) });
  },
});

interface TemperatureArgs extends Scores {
  readonly epsilon: Decimal;
}

/**
 * For $\varepsilon \in (0,1)$: $\lambda \ge \ln((n-1)/\varepsilon)/\Delta \Rightarrow \|\mathrm{softmax}(\lambda z) - e_{i^*}\|_\infty \le \varepsilon$;
 * the probe takes the smallest such $\lambda$, where the claim is tightest.
 *
 * @bound $\varepsilon$
 * @lhs $1 - p_{i^*}$ at $\lambda = \ln((n-1)/\varepsilon)/\Delta$
 * @args `z` (array of n decimals), `epsilon` (decimal in (0, 1))
 * @hypothesis accuracy $\varepsilon \in (0, 1)$
 */
export const temperature = defineClaim<TemperatureArgs>({
  id: 'temperature',
  parse: (raw) => ({ z: readScores(raw), epsilon: readDecimal(required(raw, 'epsilon'), 'epsilon') }),
  hypotheses({ z, epsilon }) {
    if (!(epsilon.gt(0) && epsilon.lt(1))) {
      return { hypothesis: 'accuracy', reason: `epsilon = ${epsilon.toString()} is not in (0, 1)` };
    }
    return scoresFail(z) ?? marginFails(z);
  },
  evaluate({ z, epsilon }, A) {
    const n = z.length;
    const eps = A.point(epsilon);
    const margin = softmaxTail(z, A.point(1), A).margin;
    const lam = A.div(A.ln(A.div(A.point(n - 1), eps)), margin);
    const t = softmaxTail(z, lam, A);
    // At this λ, e^{−λΔ} = ε/(n−1) exactly; use the exact value in the margin.
    const perTerm = A.div(eps, A.point(n - 1));
    const slack = slackBelowMarginTerm(z, lam, perTerm, A);
    return { lhs: t.tail, bound: eps, margin: A.div(A.add(slack, A.mul(eps, t.tailSum)), t.normaliser) };
  },
  fast(raw): FastEvaluation | undefined {
    const scores = readScoresFast(raw.z, 2, MAX_SCORES);
    if (scores === undefined || scores.tie) return undefined;
    const epsilon = readPositiveFast(raw.epsilon);
    if (epsilon === undefined || !isBelowOne(epsilon.decimal)) return undefined;
    const eps = epsilon.ball;
    const n1 = new DDBall(scores.n - 1);
    const lam = divBall(new DDBall(), lnBall(new DDBall(), divBall(new DDBall(), n1, eps)), scores.delta);
    // at this λ, e^{−λΔ} = ε/(n−1) exactly, so w_j = (ε/(n−1))·u_j: the factored form with E = 0
    const t = scaledTailWith(scores, lam, divBall(new DDBall(), eps, n1), 0);
    return { lhs: t.tail, bound: eps, margin: hardmaxMarginScaled(t, eps) };
  },
});

interface MonotoneArgs extends Scores {
  readonly lambda1: Decimal;
  readonly lambda2: Decimal;
}

/**
 * $1 - p_{i^*}$ is non-increasing in $\lambda$: $0 < \lambda_1 \le \lambda_2 \Rightarrow 1 - p_{i^*}(\lambda_2) \le 1 - p_{i^*}(\lambda_1)$,
 * so the limit as $\lambda \to \infty$ is 0. This claim does not need the margin hypothesis.
 *
 * @bound $1 - p_{i^*}(\lambda_1)$
 * @lhs $1 - p_{i^*}(\lambda_2)$
 * @args `z` (array of n decimals), `lambda1`, `lambda2` (decimals, 0 < lambda1 ≤ lambda2)
 * @method $1 - p_{i^*} = S/(1+S)$ is increasing in $S = \sum_{j \ne i^*} e^{-\lambda d_j}$, which is non-increasing in $\lambda$ since $d_j \ge 0$.
 */
export const monotone = defineClaim<MonotoneArgs>({
  id: 'monotone',
  parse: (raw) => ({
    z: readScores(raw),
    lambda1: readDecimal(required(raw, 'lambda1'), 'lambda1'),
    lambda2: readDecimal(required(raw, 'lambda2'), 'lambda2'),
  }),
  hypotheses({ z, lambda1, lambda2 }) {
    const order = lambda1.lte(lambda2)
      ? undefined
      : { hypothesis: 'temperature', reason: `lambda1 = ${lambda1.toString()} exceeds lambda2 = ${lambda2.toString()}` };
    return scoresFail(z) ?? temperatureFails(lambda1, 'lambda1') ?? order;
  },
  evaluate({ z, lambda1, lambda2 }, A) {
    const l1 = A.point(lambda1);
    const t1 = softmaxTail(z, l1, A);
    const t2 = softmaxTail(z, A.point(lambda2), A);
    // S1 − S2 = Σ_{j≠i*} w_j(λ1)·(1 − e^{−(λ2−λ1)d_j}), every term ≥ 0.
    const step = A.sub(A.point(lambda2), l1);
    const top = A.point(z[t1.iStar]!);
    const diff = A.sum(
      z.flatMap((zj, j) =>
        j === t1.iStar ? [] : [A.mul(t1.weights[j]!, A.neg(A.expm1(A.neg(A.mul(step, A.sub(top, A.point(zj)))))))],
      ),
    );
    return { lhs: t2.tail, bound: t1.tail, margin: A.div(diff, A.mul(t1.normaliser, t2.normaliser)) };
  },
  fast(raw): FastEvaluation | undefined {
    const scores = readScoresFast(raw.z, 2, MAX_SCORES); // ties allowed: this claim needs no margin
    if (scores === undefined) return undefined;
    const lambda1 = readPositiveFast(raw.lambda1);
    const lambda2 = readPositiveFast(raw.lambda2);
    if (lambda1 === undefined || lambda2 === undefined || isAtMostWide(lambda1.decimal, lambda2.decimal) !== true) return undefined;
    const t1 = scaledTail(scores, lambda1);
    const t2 = scaledTail(scores, lambda2, 1);
    if (t1 === undefined || t2 === undefined) return undefined;
    // The margin (S1 − S2)/((1+S1)(1+S2)) has the sign of S1 − S2 = Σ_{j≠i*} (w_j(λ1) − w_j(λ2)), every
    // term ≥ 0 since λ1 ≤ λ2 and d_j ≥ 0. At a common E it is computed (times 10^{E}); otherwise it
    // is enclosed by [0, 1] (it is ≥ 0 as just said, and ≤ S1/(1+S1) < 1).
    const margin = t1.exponent10 === t2.exponent10 ? clampNonNegative(new DDBall(), nonNegativeDifferences(t1, t2)) : nonNegativeUpTo(1);
    return { lhs: t2.tail, bound: t1.tail, margin, lhsScale10: -t2.exponent10, boundScale10: -t1.exponent10 };
  },
});

/**
 * Without a margin the hard-max limit fails: with a tie ($\Delta = 0$), $1 - p_{i^*} \ge 1/2$ for every $\lambda > 0$, so
 * no temperature reaches $\|\mathrm{softmax}(\lambda z) - e_{i^*}\|_\infty \le \varepsilon$ for $\varepsilon < 1/2$.
 *
 * @bound $\varepsilon$
 * @lhs $1 - p_{i^*}(\lambda)$
 * @args `z` (array of n decimals, may tie), `lambda` (decimal > 0), `epsilon` (decimal in (0, 1))
 * @method A tied entry has $w_j = 1$, so $S \ge 1$ and $1 - p_{i^*} = S/(1+S) \ge 1/2$ whatever $\lambda$; each probe is a certified violation.
 */
export const marginNecessary = defineFinding<ScoresAtTemperature & { epsilon: Decimal }>({
  id: 'margin-necessary',
  drops: 'margin',
  parse: (raw) => ({ ...readScoresAtTemperature(raw), epsilon: readDecimal(required(raw, 'epsilon'), 'epsilon') }),
  hypotheses({ z, lambda, epsilon }) {
    if (!(epsilon.gt(0) && epsilon.lt(1))) return { hypothesis: 'accuracy', reason: `epsilon = ${epsilon.toString()} is not in (0, 1)` };
    return scoresFail(z) ?? temperatureFails(lambda);
  },
  evaluate({ z, lambda, epsilon }, A) {
    return { lhs: softmaxTail(z, A.point(lambda), A).tail, bound: A.point(epsilon) };
  },
});

export const softmaxHardmax = defineLemma({
  id: 'softmax-hardmax',
  uses: [],
  claims: [linf, l1, attention, temperature, monotone],
  findings: [marginNecessary],
});
