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
import { ballOfSmallDecimal, isBelowOne, isPositiveSmall, onCommonScale, readSmallDecimal } from '../src/arith/double-double-input.ts';
import { addBall, DDBall, divBall, isCertifiedNegative, isCertifiedPositive, lnBall, mulBall, mulByDouble, negBall, scaleByPowerOfTwo, subBall } from '../src/arith/double-double.ts';
import { hasTie, maximiserOf, slackBelowMarginTerm, softmaxTail, type SoftmaxTail } from '../src/math/softmax.ts';
import { nonNegativeDifferences, readScoresFast, readValuesFast, slackBelowPerTerm, softmaxTailBalls, tailMarginBall, weightedSum } from '../src/math/softmax-fast.ts';
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
 * Fast-path twin of `linf`'s evaluation in double-double balls, read straight from the raw arguments:
 * `1 − p_{i*}`, the bound `(n−1)e^{−λΔ}` (with `e^{−λΔ} = w_{runner-up}`) and the same
 * cancellation-free margin. Undefined unless the inputs are simple decimals and every hypothesis
 * (scores, temperature, margin) holds.
 */
function hardmaxFast(raw: Record<string, unknown>): { lhs: DDBall; bound: DDBall; margin: DDBall } | undefined {
  const scores = readScoresFast(raw.z, 2, MAX_SCORES);
  const lambda = readSmallDecimal(raw.lambda);
  if (scores === undefined || scores.tie || lambda === undefined || !isPositiveSmall(lambda)) return undefined;
  const lam = ballOfSmallDecimal(lambda);
  if (lam === undefined) return undefined;
  const t = softmaxTailBalls(scores, lam);
  const perTerm = t.weights[scores.runnerUp]!;
  const bound = mulByDouble(new DDBall(), perTerm, scores.n - 1);
  return { lhs: t.tail, bound, margin: tailMarginBall(t, slackBelowPerTerm(t, perTerm), bound) };
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
  fast: hardmaxFast,
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
    return { lhs: twice(h.lhs), bound: twice(h.bound), margin: twice(h.margin) };
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
    const lambda = readSmallDecimal(raw.lambda);
    if (scores === undefined || scores.tie || lambda === undefined || !isPositiveSmall(lambda)) return undefined;
    const values = readValuesFast(raw.v, scores.n, scores.iStar, MAX_VALUE_COLUMNS);
    const lam = ballOfSmallDecimal(lambda);
    if (values === undefined || lam === undefined) return undefined;
    const t = softmaxTailBalls(scores, lam);
    const perTerm = t.weights[scores.runnerUp]!;
    const tailBound = mulByDouble(new DDBall(), perTerm, scores.n - 1);
    const base = mulBall(new DDBall(), values.spread, tailMarginBall(t, slackBelowPerTerm(t, perTerm), tailBound)); // M·(B − S/(1+S))
    let lhs: DDBall | undefined;
    let margin: DDBall | undefined;
    for (let c = 0; c < values.columns; c++) {
      const column = (rows: readonly (readonly DDBall[])[]): DDBall[] => rows.map((row) => row[c]!);
      const mixed = weightedSum(t, column(values.deltas)); // Σ_{j≠i*} w_j δ_jc
      // |mixed|, and min(Σ w_j(M − δ_jc), Σ w_j(M + δ_jc)): the smaller sum is the one on mixed's side
      const positive = isCertifiedPositive(mixed);
      if (!positive && !isCertifiedNegative(mixed)) return undefined;
      const lhsColumn = divBall(new DDBall(), positive ? mixed : negBall(new DDBall(), mixed), t.normaliser);
      const nearer = weightedSum(t, column(positive ? values.belowSpread : values.aboveSpread));
      const marginColumn = addBall(new DDBall(), base, divBall(nearer, nearer, t.normaliser));
      lhs = lhs === undefined ? lhsColumn : largerOf(lhs, lhsColumn);
      const larger = margin === undefined ? marginColumn : largerOf(margin, marginColumn);
      margin = margin === undefined ? marginColumn : larger === undefined ? undefined : larger === margin ? marginColumn : margin;
      if (lhs === undefined || margin === undefined) return undefined;
    }
    if (lhs === undefined || margin === undefined) return undefined;
    return { lhs, bound: mulBall(new DDBall(), tailBound, values.spread), margin };
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
    const epsilon = readSmallDecimal(raw.epsilon);
    if (scores === undefined || scores.tie || epsilon === undefined || !isPositiveSmall(epsilon) || !isBelowOne(epsilon)) return undefined;
    const eps = ballOfSmallDecimal(epsilon);
    if (eps === undefined) return undefined;
    const n1 = new DDBall(scores.n - 1);
    const perTerm = divBall(new DDBall(), eps, n1); // ε/(n−1) = e^{−λΔ} at this λ
    const lam = divBall(new DDBall(), lnBall(new DDBall(), divBall(new DDBall(), n1, eps)), scores.gaps[scores.runnerUp]!);
    const t = softmaxTailBalls(scores, lam);
    return { lhs: t.tail, bound: eps, margin: tailMarginBall(t, slackBelowPerTerm(t, perTerm), eps) };
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
    const lambda1 = readSmallDecimal(raw.lambda1);
    const lambda2 = readSmallDecimal(raw.lambda2);
    if (scores === undefined || lambda1 === undefined || lambda2 === undefined || !isPositiveSmall(lambda1)) return undefined;
    const order = onCommonScale([lambda1, lambda2]);
    if (order === undefined || order.scaled[0]! > order.scaled[1]!) return undefined;
    const l1 = ballOfSmallDecimal(lambda1);
    const l2 = ballOfSmallDecimal(lambda2);
    if (l1 === undefined || l2 === undefined) return undefined;
    const t1 = softmaxTailBalls(scores, l1);
    const t2 = softmaxTailBalls(scores, l2);
    // S1 − S2 = Σ_{j≠i*} (w_j(λ1) − w_j(λ2)), every term ≥ 0 since λ1 ≤ λ2 and d_j ≥ 0.
    const denominator = mulBall(new DDBall(), t1.normaliser, t2.normaliser);
    return { lhs: t2.tail, bound: t1.tail, margin: divBall(new DDBall(), nonNegativeDifferences(t1, t2), denominator) };
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
