/**
 * A single-layer Transformer with explicit decimal weights, evaluated in interval arithmetic
 * (`Arith`, directed rounding) on points or boxes, and written as the portable JSON
 * `uat-transformer/1`.
 *
 * Semantics (also the export's contract): for tokens `x_1 … x_n ∈ ℝ^dim`,
 * `e_i = embed·x_i + positions[i]`; per head `score_ij = (query·e_i)·(key·e_j)` (no implicit scaling),
 * `a_i = softmax_j(score_i)`; `c_i = e_i + Σ_heads output·Σ_j a_ij·(value·e_j)`;
 * `T(X)_i = w2·ReLU(w1·c_i + b1) + b2`.
 *
 * Method: softmax is evaluated as `a_ij = E_j/Σ_l E_l`, `E_l = exp(score_il − m)` with `m` the largest
 * score (so nothing overflows), which encloses the exact value; every product and sum is a directed-rounding
 * enclosure, so the outputs enclose `T(X)` for every `X` in the input box.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../arith/interval.ts';

export interface AttentionHead {
  /** k × D */
  readonly query: readonly (readonly Decimal[])[];
  /** k × D */
  readonly key: readonly (readonly Decimal[])[];
  /** v × D */
  readonly value: readonly (readonly Decimal[])[];
  /** D × v */
  readonly output: readonly (readonly Decimal[])[];
}

export interface TransformerWeights {
  readonly tokens: number;
  readonly dim: number;
  readonly outDim: number;
  readonly model: number;
  /** D × dim */
  readonly embed: readonly (readonly Decimal[])[];
  /** n × D */
  readonly positions: readonly (readonly Decimal[])[];
  readonly heads: readonly AttentionHead[];
  readonly ffn: {
    /** width × D */
    readonly w1: readonly (readonly Decimal[])[];
    readonly b1: readonly Decimal[];
    /** outDim × width */
    readonly w2: readonly (readonly Decimal[])[];
    readonly b2: readonly Decimal[];
  };
}

/** A sparse row: the non-zero entries `(column, weight)`. */
type SparseRow = ReadonlyArray<readonly [number, Decimal]>;

function sparse(m: readonly (readonly Decimal[])[]): SparseRow[] {
  return m.map((row) => row.flatMap((w, j): Array<[number, Decimal]> => (w.isZero() ? [] : [[j, w]])));
}

interface Compiled {
  embed: SparseRow[];
  heads: Array<{ query: SparseRow[]; key: SparseRow[]; value: SparseRow[]; output: SparseRow[] }>;
  w1: SparseRow[];
  w2: SparseRow[];
}

const compiled = new WeakMap<TransformerWeights, Compiled>();

function compile(W: TransformerWeights): Compiled {
  let c = compiled.get(W);
  if (c === undefined) {
    c = {
      embed: sparse(W.embed),
      heads: W.heads.map((h) => ({ query: sparse(h.query), key: sparse(h.key), value: sparse(h.value), output: sparse(h.output) })),
      w1: sparse(W.ffn.w1),
      w2: sparse(W.ffn.w2),
    };
    compiled.set(W, c);
  }
  return c;
}

function apply(rows: SparseRow[], x: readonly Interval[], A: Arith): Interval[] {
  return rows.map((row) => A.sum(row.map(([j, w]) => A.mul(A.point(w), x[j]!))));
}

/** The intermediate values of one evaluation. */
export interface Trace {
  /** `c_i`, the residual stream after attention, per token. */
  readonly residual: Interval[][];
  /** Attention weights `a_ij` per head. */
  readonly attention: Interval[][][];
  /** `T(X)_i` per token (outDim entries). */
  readonly output: Interval[][];
}

/** Evaluates `T(X)` for tokens given as enclosures (`X[i]` has `dim` entries). */
export function evaluateTransformer(W: TransformerWeights, X: readonly (readonly Interval[])[], A: Arith): Trace {
  if (X.length !== W.tokens) throw new RangeError(`evaluateTransformer: expected ${W.tokens} tokens, got ${X.length}`);
  const C = compile(W);
  const e = X.map((x, i) => {
    if (x.length !== W.dim) throw new RangeError(`evaluateTransformer: token ${i + 1} has ${x.length} entries, expected ${W.dim}`);
    return apply(C.embed, x, A).map((v, d) => A.add(v, A.point(W.positions[i]![d]!)));
  });
  const residual = e.map((row) => [...row]);
  const attention: Interval[][][] = [];
  for (const head of C.heads) {
    const q = e.map((ei) => apply(head.query, ei, A));
    const k = e.map((ej) => apply(head.key, ej, A));
    const v = e.map((ej) => apply(head.value, ej, A));
    const scores = q.map((qi) => k.map((kj) => A.sum(qi.map((x, r) => A.mul(x, kj[r]!)))));
    const weights = scores.map((s) => {
      // a_ij = E_j / Σ_l E_l with E_l = exp(score_il − m), m the largest upper end (nothing overflows)
      const m = s.reduce((top, x) => (x.hi.gt(top) ? x.hi : top), s[0]!.hi);
      const E = s.map((sil) => A.exp(A.sub(sil, A.point(m))));
      const total = A.sum(E);
      return E.map((Ej) => A.div(Ej, total));
    });
    attention.push(weights);
    weights.forEach((a, i) => {
      const mixed = v[0]!.map((_, c) => A.sum(a.map((aij, j) => A.mul(aij, v[j]![c]!))));
      const written = apply(head.output, mixed, A);
      written.forEach((w, d) => (residual[i]![d] = A.add(residual[i]![d]!, w)));
    });
  }
  const output = residual.map((c) => {
    const hidden = apply(C.w1, c, A).map((z, u) => A.relu(A.add(z, A.point(W.ffn.b1[u]!))));
    return apply(C.w2, hidden, A).map((y, o) => A.add(y, A.point(W.ffn.b2[o]!)));
  });
  return { residual, attention, output };
}

/** Number of weights (every matrix entry and bias), and of the non-zero ones. */
export function parameterCount(W: TransformerWeights): { total: number; nonZero: number } {
  const mats = [W.embed, W.positions, ...W.heads.flatMap((h) => [h.query, h.key, h.value, h.output]), W.ffn.w1, [W.ffn.b1], W.ffn.w2, [W.ffn.b2]];
  let total = 0;
  let nonZero = 0;
  for (const m of mats) for (const row of m) for (const w of row) {
    total += 1;
    if (!w.isZero()) nonZero += 1;
  }
  return { total, nonZero };
}

/** The claim recorded in an export. */
export interface ExportClaim {
  readonly target: string;
  readonly lipschitz: string;
  readonly epsilon: string;
}

const text = (m: readonly (readonly Decimal[])[]): string[][] => m.map((row) => row.map((w) => w.toFixed()));

/** The portable JSON `uat-transformer/1` (numbers as decimal strings). */
export function exportTransformer(W: TransformerWeights, claim: ExportClaim): Record<string, unknown> {
  return {
    format: 'uat-transformer/1',
    tokens: W.tokens,
    dim: W.dim,
    outDim: W.outDim,
    model: W.model,
    embed: text(W.embed),
    positions: text(W.positions),
    heads: W.heads.map((h) => ({ query: text(h.query), key: text(h.key), value: text(h.value), output: text(h.output) })),
    ffn: { w1: text(W.ffn.w1), b1: W.ffn.b1.map((b) => b.toFixed()), w2: text(W.ffn.w2), b2: W.ffn.b2.map((b) => b.toFixed()) },
    claim: { ...claim },
  };
}
