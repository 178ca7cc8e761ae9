/**
 * For $n$ scalar tokens, $K = [0,1]^n$, a continuous $F: K \to \mathbb{R}^n$ and $\varepsilon > 0$, there is a single-layer
 * Transformer $T(X) = \mathrm{FFN}(X + \mathrm{MHA}(X + P))$ with $\sup_{X \in K} \max_i |T(X)_i - F(X)_i| \le \varepsilon$; the
 * companion builds $T$ explicitly (`src/transformer/construct.ts`) for targets that decompose into ridge functions.
 *
 * Construction and error budget: one head per token routes $x_h$ to a slot of every token with scores
 * $\lambda[j = h]$ (margin $\lambda$ whatever the data), so $|\tilde x_h - x_h| \le (n-1)e^{-\lambda}\,\mathrm{diam}$
 * (lemma softmax-hardmax, claim attention); the FFN $G$ is a sum of ridge functions $g(w \cdot \tilde x)$, each interpolated
 * by ReLU units with a certified error (lemma relu-partition-of-unity), gated exactly by the one-hot position;
 * $L_G = \max_q \sum_{u \text{ active at } q} |w_{2,u}|\,\|w_{1,u}\|_1$ (slots only) is computed from the weights, and
 * $\lambda$ is chosen after the FFN, $\lambda \ge \ln(L_G (n-1)\,\mathrm{diam}/\varepsilon_2)$, so that
 * $\varepsilon_1 + L_G (n-1) e^{-\lambda}\,\mathrm{diam} \le \varepsilon$ with $\varepsilon_1 \le \varepsilon/2$, $\varepsilon_2 = \varepsilon/4$.
 *
 * @hypothesis tokens $n \in [2, 8]$ scalar tokens with values in $[0, 1]$
 * @hypothesis accuracy $\varepsilon \in [0.001, 1]$
 * @hypothesis domain $X \in [0,1]^n$
 * @hypothesis positional-encoding one-hot positions $p_i$ are added to the tokens (without them $T$ is permutation-equivariant)
 * @hypothesis margin the positional codes are distinct, so each routing head has a unique maximiser with margin $\lambda$
 * @hypothesis lambda-after-ffn $\lambda$ is chosen after the FFN, from its Lipschitz constant $L_G$
 * @hypothesis ridge-route $F(\cdot)_i$ decomposes into constants, affine parts, polynomials (degree ≤ 6, polarized into ridge powers), functions of one linear form, $\max/\min$ of two such parts, and products of polynomials with smooth functions of one variable each (Taylor polynomials with a certified remainder) (the route implemented; other continuous targets are refused, not approximated)
 * @method Explicit construction with exact decimal weights; the ledger adds the certified ridge interpolation errors
 * ($\min(h^2\sup|g''|/8,\ h\sup|g'|/2,\ \mathrm{osc}\,g)$ per cell, by interval automatic differentiation), the roundings of stored
 * values and the routing term. The network is then checked from its weights alone, in interval arithmetic, against
 * $F$'s own evaluation: on random and adversarial inputs and, where affordable, on a cover of $K$ by boxes.
 * @reference E. Gumaan, Universal Approximation Theorem for a Single-Layer Transformer, arXiv:2507.10581 (2025); MATH.md,
 * theorem single-layer-transformer; ridge functions and polarization: A. Pinkus, Ridge Functions, Cambridge (2015).
 */
import type { Decimal } from 'decimal.js';
import { Interval, type Arith } from '../src/arith/interval.ts';
import { defineClaim, defineFinding, defineLemma, type HypothesisFailure } from '../src/registry/define.ts';
import { readDecimal, readDecimalArray, readInteger, required } from '../src/verdict/args.ts';
import { cachedBoxCertificate, cachedSampleCertificate, networkError } from '../src/transformer/certify.ts';
import { cachedConstruction, MIN_EPSILON, readTargetArgs, type TargetArgs } from '../src/transformer/cache.ts';
import { ConstructionRefused } from '../src/transformer/ridge-decomposition.ts';
import type { Construction } from '../src/transformer/construct.ts';
import { evaluateTransformer } from '../src/transformer/model.ts';
import { expressionTheoremTarget, libraryTheoremTarget } from '../src/transformer/theorem-target.ts';
import { withoutPositions, withTemperature, withTiedPositions } from '../src/transformer/variants.ts';
import { ExactDecimal } from '../src/arith/context.ts';

interface PointArgs extends TargetArgs {
  readonly X: Decimal[];
}

function accuracyFails(epsilon: Decimal): HypothesisFailure | undefined {
  return epsilon.gte(MIN_EPSILON) && epsilon.lte(1) ? undefined : { hypothesis: 'accuracy', reason: `epsilon = ${epsilon.toString()} is not in [${MIN_EPSILON}, 1]` };
}

function domainFails(X: readonly Decimal[]): HypothesisFailure | undefined {
  const k = X.findIndex((x) => x.lt(0) || x.gt(1));
  return k < 0 ? undefined : { hypothesis: 'domain', reason: `X[${k}] = ${X[k]!.toString()} is outside [0, 1]` };
}

function constructionOf(a: TargetArgs): Construction {
  const c = cachedConstruction(a);
  if (c instanceof Error) throw c; // unreachable after the hypothesis check
  return c;
}

function constructionFails(a: TargetArgs): HypothesisFailure | undefined {
  const c = cachedConstruction(a);
  return c instanceof Error ? { hypothesis: 'ridge-route', reason: c.message } : undefined;
}

function readPointArgs(raw: Record<string, unknown>): PointArgs {
  const base = readTargetArgs(raw);
  return { ...base, X: readDecimalArray(required(raw, 'X'), 'X', base.tokens, base.tokens) };
}

function pointHypotheses(a: PointArgs): HypothesisFailure | undefined {
  return accuracyFails(a.epsilon) ?? domainFails(a.X) ?? constructionFails(a);
}

const pointsOf = (X: readonly Decimal[], A: Arith) => X.map((x) => A.point(x));

/**
 * The constructed Transformer is within $\varepsilon$ of the target at $X$: $\max_i |T(X)_i - F(X)_i| \le \varepsilon$.
 *
 * @bound $\varepsilon$
 * @lhs $\max_i |T(X)_i - F(X)_i|$, $T$ evaluated from its weights
 * @args `f` (expression in x1 … xn and i) with `lipschitz`, or `target` (library spec); `tokens`, `epsilon`, `X` (n decimals in [0, 1])
 */
export const supError = defineClaim<PointArgs>({
  id: 'sup-error',
  parse: readPointArgs,
  hypotheses: pointHypotheses,
  evaluate(a, A) {
    const c = constructionOf(a);
    return { lhs: networkError(c.weights, c.target, pointsOf(a.X, A), A).error, bound: A.point(a.epsilon) };
  },
});

/**
 * The error-budget ledger closes: $\max_q \big(\varepsilon_{1,q} + L_q (n-1) e^{-\lambda}\,\mathrm{diam}\big) \le \varepsilon$, with $\lambda$ chosen after the FFN.
 *
 * @bound $\varepsilon$
 * @lhs the ledger total: FFN approximation error plus routing error, maximised over positions
 * @args `f` with `lipschitz`, or `target`; `tokens`, `epsilon`
 */
export const ledger = defineClaim<TargetArgs>({
  id: 'ledger',
  parse: readTargetArgs,
  // A construction refused because its ledger exceeds ε is not outside the hypotheses: it is this
  // claim failing, so it is evaluated (and comes out violated) rather than called inapplicable.
  hypotheses: (a) => accuracyFails(a.epsilon) ?? (ledgerOverBudget(a) === undefined ? constructionFails(a) : undefined),
  evaluate(a, A) {
    const over = ledgerOverBudget(a);
    return { lhs: A.point(over ?? constructionOf(a).ledger.total), bound: A.point(a.epsilon) };
  },
});

/** The ledger total when the construction was refused for exceeding ε; undefined otherwise. */
function ledgerOverBudget(a: TargetArgs): Decimal | undefined {
  const c = cachedConstruction(a);
  return c instanceof ConstructionRefused ? c.ledgerTotal : undefined;
}

/**
 * Routing by the constructed heads: every slot satisfies $|\tilde x_h - x_h| \le (n-1)e^{-\lambda} \max_j |x_j - x_h|$ (lemma softmax-hardmax, claim attention, margin $\lambda$).
 *
 * @bound $(n-1)e^{-\lambda}\max_{h,j}|x_j - x_h|$
 * @lhs $\max_h |\tilde x_h - x_h|$, read from the residual stream of token 1
 * @args as `sup-error`
 */
export const routing = defineClaim<PointArgs>({
  id: 'routing',
  parse: readPointArgs,
  hypotheses: pointHypotheses,
  evaluate(a, A) {
    const c = constructionOf(a);
    const n = a.tokens;
    const X = pointsOf(a.X, A);
    const residual = evaluateTransformer(c.weights, X.map((x) => [x]), A).residual[0]!;
    const lhs = X.map((x, h) => A.abs(A.sub(residual[n + 1 + h]!, x))).reduce((m, v) => A.max(m, v));
    const spread = X.flatMap((x) => X.map((y) => A.abs(A.sub(x, y)))).reduce((m, v) => A.max(m, v));
    const bound = A.mul(A.mul(A.point(n - 1), A.exp(A.neg(A.point(c.lambda)))), spread);
    return { lhs, bound };
  },
});

interface UniformArgs extends TargetArgs {
  readonly maxBoxes: number;
}

/** Largest box budget of one `uniform-error` probe. */
export const MAX_BOXES = 20_000;

/**
 * The constructed Transformer is within $\varepsilon$ of the target uniformly: $\sup_{X \in [0,1]^n} \max_i |T(X)_i - F(X)_i| \le \varepsilon$, proved over the whole cube.
 *
 * @bound $\varepsilon$
 * @lhs $\sup_{X \in K}\max_i |T(X)_i - F(X)_i|$, enclosed by [largest certified error on random and adversarial inputs, largest bound over an adaptive cover of $K$ by boxes]
 * @args `f` with `lipschitz`, or `target`; `tokens`, `epsilon`, optionally `maxBoxes` (integer in [1, 20000], default 4000)
 * @method On each box the enclosures of $T$ (from its weights) and of $F$ give $\sup_{\mathrm{box}}|T - F| \le \max(\bar T - \underline F, \bar F - \underline T)$;
 * boxes are bisected until each bound is $\le \varepsilon$ or the budget is spent (then the upper end is $+\infty$ and the verdict inconclusive).
 */
export const uniformError = defineClaim<UniformArgs>({
  id: 'uniform-error',
  parse: (raw) => ({
    ...readTargetArgs(raw),
    maxBoxes: raw.maxBoxes === undefined || raw.maxBoxes === null ? 4000 : readInteger(raw.maxBoxes, 'maxBoxes', 1, MAX_BOXES),
  }),
  hypotheses: (a) => accuracyFails(a.epsilon) ?? constructionFails(a),
  evaluate(a, A) {
    const c = constructionOf(a);
    const lower = cachedSampleCertificate(c).worstLower;
    const box = cachedBoxCertificate(c, a.maxBoxes);
    const upper = box.certified ? box.bound! : new ExactDecimal(Infinity);
    // A box bound below a certified sample lower bound is impossible: it can only be a bug.
    if (upper.lt(lower)) throw new Error(`uniform-error: box bound ${upper.toString()} is below the certified sample error ${lower.toString()}`);
    return { lhs: new Interval(lower, upper), bound: A.point(a.epsilon) };
  },
});

interface AuditArgs {
  readonly tokens: number;
  readonly epsilon: Decimal;
  readonly X: Decimal[];
}

function readAuditArgs(raw: Record<string, unknown>): AuditArgs {
  const base = readTargetArgs({ ...raw, target: { family: 'select-first' }, f: undefined });
  return { tokens: base.tokens, epsilon: base.epsilon, X: readDecimalArray(required(raw, 'X'), 'X', base.tokens, base.tokens) };
}

function selectFirst(a: AuditArgs): Construction {
  return constructionOf({ target: libraryTheoremTarget({ family: 'select-first' }, a.tokens), tokens: a.tokens, epsilon: a.epsilon });
}

/**
 * Without positional encoding the guarantee fails: for $F(X) = (x_1, \dots, x_1)$ the construction with $P = 0$ errs by more than $\varepsilon$ on $X$ or on $X$ with tokens 1 and 2 swapped.
 *
 * @bound $\varepsilon$
 * @lhs $\max\big(\max_i |T(X)_i - x_1|,\ \max_i |T(\sigma X)_i - x_2|\big)$, $\sigma$ the swap of tokens 1 and 2, $T$ without positions
 * @args `tokens`, `epsilon`, `X` (n decimals in [0, 1])
 * @method Without $P$ every weight choice gives a permutation-equivariant $T$: $T(\sigma X) = \sigma T(X)$, so $T(\sigma X)_2 = T(X)_1$ and
 * $|T(X)_1 - x_1| + |T(X)_1 - x_2| \ge |x_1 - x_2|$: one of the two errors is at least $|x_1 - x_2|/2$, for every choice of weights.
 */
export const positionalEncodingNecessary = defineFinding<AuditArgs>({
  id: 'positional-encoding-necessary',
  drops: 'positional-encoding',
  parse: readAuditArgs,
  hypotheses: (a) => accuracyFails(a.epsilon) ?? domainFails(a.X),
  evaluate(a, A) {
    const c = selectFirst(a);
    const W = withoutPositions(c.weights);
    const swapped = [a.X[1]!, a.X[0]!, ...a.X.slice(2)];
    const e1 = networkError(W, c.target, pointsOf(a.X, A), A).error;
    const e2 = networkError(W, c.target, pointsOf(swapped, A), A).error;
    return { lhs: A.max(e1, e2), bound: A.point(a.epsilon) };
  },
});

/**
 * Without a margin routing fails: when tokens 1 and 2 share a positional code, head 1's scores tie and it routes an average, so the construction for $F(X) = (x_1, \dots, x_1)$ errs by more than $\varepsilon$.
 *
 * @bound $\varepsilon$
 * @lhs $\max_i |T(X)_i - x_1|$ with $p_2 := p_1$
 * @args `tokens`, `epsilon`, `X`
 * @method With tied scores $\tilde x_1 = (x_1 + x_2)/2 + O((n-2)e^{-\lambda})$ whatever $\lambda$ (lemma softmax-hardmax, finding margin-necessary), so the error is about $|x_1 - x_2|/2$.
 */
export const marginNecessary = defineFinding<AuditArgs>({
  id: 'margin-necessary',
  drops: 'margin',
  parse: readAuditArgs,
  hypotheses: (a) => accuracyFails(a.epsilon) ?? domainFails(a.X),
  evaluate(a, A) {
    const c = selectFirst(a);
    return { lhs: networkError(withTiedPositions(c.weights), c.target, pointsOf(a.X, A), A).error, bound: A.point(a.epsilon) };
  },
});

interface TemperatureArgs extends AuditArgs {
  readonly lambda: Decimal;
  readonly k: Decimal;
}

/**
 * A temperature fixed before the FFN fails for some FFN: with $\lambda$ fixed and the target $F(X)_i = k\,x_1$, the FFN's Lipschitz constant grows with $k$ and the constructed network (queries set to $\lambda$) errs by more than $\varepsilon$.
 *
 * @bound $\varepsilon$
 * @lhs $\max_i |T_\lambda(X)_i - k x_1|$
 * @args `tokens`, `epsilon`, `X`, `lambda` (decimal > 0), `k` (decimal ≥ 1)
 * @method The routing term is $L_G (n-1) e^{-\lambda}$-sized and $L_G \ge k$ here: for fixed $\lambda$ it is unbounded over FFNs;
 * exactly, $T_\lambda(X)_i - k x_1 = k(\tilde x_1 - x_1) = k\sum_{j \ne 1} a_{1j}(x_j - x_1)$.
 */
export const lambdaAfterFfn = defineFinding<TemperatureArgs>({
  id: 'lambda-after-ffn',
  drops: 'lambda-after-ffn',
  parse(raw) {
    const base = readAuditArgs(raw);
    return { ...base, lambda: readDecimal(required(raw, 'lambda'), 'lambda'), k: readDecimal(required(raw, 'k'), 'k') };
  },
  hypotheses(a) {
    if (!a.lambda.gt(0)) return { hypothesis: 'lambda-after-ffn', reason: `lambda = ${a.lambda.toString()} is not > 0` };
    if (!a.k.gte(1) || a.k.gt('1e6')) return { hypothesis: 'lambda-after-ffn', reason: `k = ${a.k.toString()} is not in [1, 10^6]` };
    return accuracyFails(a.epsilon) ?? domainFails(a.X);
  },
  evaluate(a, A) {
    const target = expressionTheoremTarget(`${a.k.toString()}*x1`, a.tokens, new ExactDecimal(a.k));
    const c = constructionOf({ target, tokens: a.tokens, epsilon: a.epsilon });
    const W = withTemperature(c.weights, a.lambda);
    return { lhs: networkError(W, target, pointsOf(a.X, A), A).error, bound: A.point(a.epsilon) };
  },
});

export const singleLayerTransformer = defineLemma({
  kind: 'theorem',
  id: 'single-layer-transformer',
  uses: ['softmax-hardmax', 'relu-partition-of-unity'],
  claims: [supError, uniformError, ledger, routing],
  findings: [positionalEncodingNecessary, marginNecessary, lambdaAfterFfn],
});
