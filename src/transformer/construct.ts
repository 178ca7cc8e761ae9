/**
 * The construction of the theorem `single-layer-transformer`: an explicit single-layer Transformer
 * `T(X) = FFN(c)`, `c_i = e_i + MHA(e)_i`, `e_i = embed·x_i + p_i`, for a target `F` of `n` scalar
 * tokens, with an error-budget ledger proving `sup_{X ∈ [0,1]^n} max_i |T(X)_i − F(X)_i| ≤ ε`.
 *
 * Layout of the model dimension `D = 2n + 1`: coordinate 0 carries the token value `x_i`, coordinates
 * `1 … n` the one-hot position `p_i`, coordinates `n+1 … 2n` the routed slots `x̃_1 … x̃_n` (zero in `e_i`).
 *
 * 1. Routing (lemma `softmax-hardmax`, claim `attention`). Head `h` has query `λ·Σ_r p_r` (so
 *    `query·e_i = λ` for every token), key `p_h`, value `x`, output into slot `h`: its scores are
 *    `λ·[j = h]`, margin `λ` whatever the data, and every token receives `x̃_h = Σ_j a_hj x_j` with
 *    `|x̃_h − x_h| ≤ (n−1)e^{−λ}·diam`, `diam = 1`. Each `x̃_h` is a convex combination of token
 *    values, so `x̃ ∈ [0,1]^n`: the FFN's domain needs no widening.
 * 2. Feed-forward (lemma `relu-partition-of-unity`). `F(·)_q` is decomposed into ridge functions
 *    (`ridge-decomposition.ts`); terms that differ between positions are gated by the exact one-hot
 *    position: a unit for position `q` carries `−G·Σ_{r≠q} p_r` with `G` at least the largest value of
 *    its argument on `[0,1]^n`, so it is exactly 0 at other positions and exactly ungated at `q`
 *    (the position coordinates are never written by attention). Each ridge profile is interpolated
 *    by ReLU units with a certified error (`ridge-interpolation.ts`); affine parts, hinges and
 *    constants are exact up to the rounding of their output weights, which the ledger counts.
 * 3. Budget. `L_q = Σ_{units active at q} |w2_u|·‖w1_u restricted to the slots‖_1` is the Lipschitz
 *    constant (∞ → ℝ) of the FFN in the slots at position `q`; `λ` is chosen AFTER the FFN:
 *    `λ = max(1, ⌈ln(L·(n−1)·diam/ε₂)⌉)` (rounded up to 0.01), `L = max_q L_q`, so that
 *    `|T(X)_q − F(X)_q| ≤ e_FFN,q + L_q(n−1)e^{−λ}·diam ≤ ε`.
 */
import { Decimal } from 'decimal.js';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt, type Arith, type Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { compileExpression } from '../targets/expression.ts';
import type { TransformerWeights } from './model.ts';
import { additiveTerms, ConstructionRefused, normalizeDirection, parseExpression, render, RidgeDecomposer, scalePieces, type Piece } from './ridge-decomposition.ts';
import { interpolateRidge, ridgeRange, STORED_DIGITS, type RidgeInterpolant } from './ridge-interpolation.ts';
import type { TheoremTarget } from './theorem-target.ts';

/** Share of ε given to the feed-forward approximation. */
export const FFN_SHARE = '0.5';
/** Share of the FFN budget allowed for Taylor substitutions in products (`x1·sin(x2)`). */
export const TAYLOR_SHARE = '0.25';
/** Share of ε given to the routing error; the rest is a reserve for the box-wise certificate. */
export const ROUTING_SHARE = '0.25';
/** Largest FFN width built (hidden units). */
export const MAX_WIDTH = 20_000;
/** Largest number of interpolation cells for one ridge profile. */
export const MAX_CELLS_PER_RIDGE = 4_096;
/** Working precision (significant digits) of the construction. */
export const CONSTRUCTION_PRECISION = 40;
/** Diameter of the token range `[0, 1]` in the ∞-norm. */
export const DIAMETER = 1;

/** Exact decimal sums of stored values (1000 digits: far beyond the 30-digit stored values). */
const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_EVEN });

/** What the construction spends at one output position. */
export interface PositionLedger {
  readonly position: number;
  /** Ridge interpolation errors plus roundings of the active units (upper bound). */
  readonly ffnError: Decimal;
  /** `L_q`, the FFN's Lipschitz constant in the slots at this position (upper bound). */
  readonly lipschitz: Decimal;
  /** `L_q·(n−1)·e^{−λ}·diam` (upper bound). */
  readonly routingError: Decimal;
  /** `ffnError + routingError`. */
  readonly total: Decimal;
}

export interface Ledger {
  readonly epsilon: Decimal;
  readonly ffnBudget: Decimal;
  readonly routingBudget: Decimal;
  readonly lambda: Decimal;
  /** `max_q L_q`. */
  readonly lipschitz: Decimal;
  readonly ffnError: Decimal;
  readonly routingError: Decimal;
  /** `max_q (ffnError_q + routingError_q)`: the proved bound on the sup error. */
  readonly total: Decimal;
  readonly positions: readonly PositionLedger[];
}

/** One additive piece with its gate (a 1-based position, or every position). */
interface GatedPiece {
  readonly gate: number | undefined;
  readonly piece: Piece;
}

/** One hidden unit of the FFN. */
interface Unit {
  readonly w1: Decimal[];
  readonly b1: Decimal;
  readonly w2: Decimal;
  readonly gate: number | undefined;
  /** What the unit is for, e.g. `ridge (1,1) k=3`. */
  readonly role: string;
}

export interface Construction {
  readonly target: TheoremTarget;
  readonly epsilon: Decimal;
  readonly weights: TransformerWeights;
  readonly lambda: Decimal;
  readonly ledger: Ledger;
  readonly ridges: ReadonlyArray<RidgeInterpolant & { readonly gate: number | undefined }>;
  readonly width: number;
  readonly heads: number;
  readonly timeMs: number;
}

export interface ConstructionOptions {
  readonly maxWidth?: number;
  readonly maxCellsPerRidge?: number;
}

/** Rounds a rational to {@link STORED_DIGITS} digits; returns the value and the rounding error bound. */
function roundRational(r: Rational, A: Arith): { value: Decimal; error: Decimal } {
  if (r.den === 1n) return { value: new ExactDecimal(r.num.toString()), error: new A.up(0) };
  const v = r.toInterval(A);
  return roundEnclosure(v, A);
}

function roundEnclosure(v: Interval, A: Arith): { value: Decimal; error: Decimal } {
  const mid = new A.ctx.near(v.lo).plus(v.hi).div(2).toSignificantDigits(STORED_DIGITS);
  const value = new ExactDecimal(mid);
  return { value, error: A.up.max(A.up.sub(value, v.lo), A.up.sub(v.hi, value)) };
}

/** Splits the target into gated pieces: terms equal at every position are shared, the others gated. */
function gatedPieces(target: TheoremTarget, taylorAllowance: Decimal): GatedPiece[] {
  const n = target.tokens;
  const decomposer = new RidgeDecomposer(n, target.id, taylorAllowance);
  const termsAt = Array.from({ length: n }, (_, k) =>
    additiveTerms(parseExpression(target.textAt(k + 1))).map((t) => ({ ...t, key: `${t.sign}:${render(t.node)}` })),
  );
  const count = (q: number, key: string) => termsAt[q]!.filter((t) => t.key === key).length;
  const shared = new Map<string, number>();
  for (const t of termsAt[0]!) shared.set(t.key, Math.min(...termsAt.map((_, q) => count(q, t.key))));
  const out: GatedPiece[] = [];
  const piecesOf = (t: { sign: 1 | -1; node: import('mathjs').MathNode }) => {
    const p = decomposer.decompose(t.node);
    return t.sign === 1 ? p : scalePieces(p, '(-1)', n);
  };
  const usedShared = new Set<string>();
  for (const t of termsAt[0]!) {
    if (usedShared.has(t.key)) continue;
    usedShared.add(t.key);
    for (let c = 0; c < shared.get(t.key)!; c++) out.push(...piecesOf(t).map((piece) => ({ gate: undefined, piece })));
  }
  termsAt.forEach((terms, q) => {
    const left = new Map(shared);
    for (const t of terms) {
      const s = left.get(t.key) ?? 0;
      if (s > 0) {
        left.set(t.key, s - 1);
        continue;
      }
      out.push(...piecesOf(t).map((piece) => ({ gate: q + 1, piece })));
    }
  });
  return out;
}

/** Merges pieces with one gate: constants and affine parts summed, ridges summed by direction. */
function mergePieces(pieces: readonly GatedPiece[], n: number): GatedPiece[] {
  const out: GatedPiece[] = [];
  const gates = [...new Set(pieces.map((p) => p.gate))];
  for (const gate of gates) {
    const mine = pieces.filter((p) => p.gate === gate).map((p) => p.piece);
    const constants = mine.flatMap((p) => (p.kind === 'constant' ? [`(${p.text})`] : []));
    if (constants.length > 0) out.push({ gate, piece: { kind: 'constant', text: constants.join(' + ') } });
    const affine = mine.flatMap((p) => (p.kind === 'affine' ? [p] : []));
    if (affine.length > 0) {
      out.push({
        gate,
        piece: {
          kind: 'affine',
          coefficients: Array.from({ length: n }, (_, k) => affine.reduce((s, p) => s.add(p.coefficients[k]!), Rational.ZERO)),
          offset: affine.reduce((s, p) => s.add(p.offset), Rational.ZERO),
        },
      });
    }
    const ridges = new Map<string, { direction: readonly bigint[]; g: string[] }>();
    for (const p of mine) {
      if (p.kind !== 'ridge') continue;
      const key = p.direction.join(',');
      const r = ridges.get(key) ?? { direction: p.direction, g: [] };
      r.g.push(`(${p.g})`);
      ridges.set(key, r);
    }
    for (const r of ridges.values()) out.push({ gate, piece: { kind: 'ridge', direction: r.direction, g: r.g.join(' + ') } });
    for (const p of mine) if (p.kind === 'hinge' || p.kind === 'tolerance') out.push({ gate, piece: p });
  }
  return out;
}

/** Builds the Transformer and its ledger for `target` at accuracy `epsilon ∈ (0, 1]`. */
export function constructTransformer(target: TheoremTarget, epsilon: Decimal, options: ConstructionOptions = {}): Construction {
  const started = performance.now();
  const A = arithAt(CONSTRUCTION_PRECISION);
  const n = target.tokens;
  const D = 2 * n + 1;
  const P = (q: number) => q; // position coordinate of token q (1-based)
  const S = (h: number) => n + h; // slot coordinate of token h (1-based)
  const maxWidth = options.maxWidth ?? MAX_WIDTH;

  const ffnBudgetEarly = A.mul(A.point(epsilon), A.point(FFN_SHARE)).lo;
  const pieces = mergePieces(gatedPieces(target, A.mul(A.point(ffnBudgetEarly), A.point(TAYLOR_SHARE)).lo), n);
  const activeAt = (q: number) => pieces.filter((p) => p.gate === undefined || p.gate === q);
  const ridgeCount = Math.max(1, ...Array.from({ length: n }, (_, k) => activeAt(k + 1).filter((p) => p.piece.kind === 'ridge').length));
  const ffnBudget = A.mul(A.point(epsilon), A.point(FFN_SHARE)).lo;
  const routingBudget = A.mul(A.point(epsilon), A.point(ROUTING_SHARE)).lo;

  const units: Unit[] = [];
  const errors: Array<{ gate: number | undefined; error: Decimal }> = [];
  const constants = new Map<number | undefined, Decimal>(); // exact sums of stored constants
  const addConstant = (gate: number | undefined, v: Decimal) => constants.set(gate, new Exact(constants.get(gate) ?? 0).plus(v));
  const gateRow = (w1: Decimal[], gate: number | undefined, G: Decimal) => {
    if (gate === undefined) return;
    for (let r = 1; r <= n; r++) if (r !== gate) w1[P(r)] = G.neg();
  };
  const ridges: Array<RidgeInterpolant & { gate: number | undefined }> = [];

  // the ridges share what the Taylor substitutions leave of the FFN budget, position by position
  const toleranceAt = (q: number) =>
    pieces.filter((p) => (p.gate === undefined || p.gate === q) && p.piece.kind === 'tolerance').reduce((s, p) => A.up.add(s, (p.piece as { error: Decimal }).error), new A.up(0));
  const spentByTaylor = Array.from({ length: n }, (_, k) => toleranceAt(k + 1)).reduce((m, x) => (x.gt(m) ? x : m), new A.up(0));
  const perRidgeAfterTaylor = A.div(A.sub(A.point(ffnBudgetEarly), A.point(spentByTaylor)), A.point(ridgeCount)).lo;
  for (const { gate, piece } of pieces) {
    switch (piece.kind) {
      case 'tolerance':
        errors.push({ gate, error: piece.error });
        break;
      case 'constant': {
        const v = compileExpression(piece.text, [], 'target').interval([], A);
        const r = roundEnclosure(v, A);
        addConstant(gate, r.value);
        errors.push({ gate, error: r.error });
        break;
      }
      case 'affine': {
        if (piece.coefficients.every((c) => c.isZero())) {
          const r = roundRational(piece.offset, A);
          addConstant(gate, r.value);
          errors.push({ gate, error: r.error });
          break;
        }
        const { direction, factor } = normalizeDirection(piece.coefficients);
        const { a, b } = ridgeRange(direction);
        const w1 = new Array<Decimal>(D).fill(new ExactDecimal(0));
        direction.forEach((w, h) => (w1[S(h + 1)] = new ExactDecimal(w.toString())));
        gateRow(w1, gate, new ExactDecimal((b - a).toString()));
        const out = roundRational(factor, A);
        units.push({ w1, b1: new ExactDecimal((-a).toString()), w2: out.value, gate, role: `affine (${direction.join(',')})` });
        errors.push({ gate, error: A.up.mul(out.error, (b - a).toString()) });
        const c = roundRational(factor.mul(Rational.of(a)).add(piece.offset), A); // factor·(w·x − a) + factor·a + offset
        addConstant(gate, c.value);
        errors.push({ gate, error: c.error });
        break;
      }
      case 'hinge': {
        const all = [...piece.coefficients, piece.offset];
        const s = all.reduce((l, c) => (l * c.den) / gcd(l, c.den), 1n);
        const ints = all.map((c) => (c.num * s) / c.den);
        const hi = ints.slice(0, n).reduce((t, w) => (w > 0n ? t + w : t), 0n) + ints[n]!;
        if (hi <= 0n) break; // ReLU of a non-positive argument on [0,1]^n: identically 0
        const w1 = new Array<Decimal>(D).fill(new ExactDecimal(0));
        ints.slice(0, n).forEach((w, h) => (w1[S(h + 1)] = new ExactDecimal(w.toString())));
        gateRow(w1, gate, new ExactDecimal(hi.toString()));
        const out = roundRational(piece.scale.div(Rational.of(s)), A);
        units.push({ w1, b1: new ExactDecimal(ints[n]!.toString()), w2: out.value, gate, role: `hinge (${ints.slice(0, n).join(',')})` });
        errors.push({ gate, error: A.up.mul(out.error, hi.toString()) });
        break;
      }
      case 'ridge': {
        const r = interpolateRidge(piece.direction, piece.g, perRidgeAfterTaylor, A, { maxCells: options.maxCellsPerRidge ?? MAX_CELLS_PER_RIDGE, targetText: target.id });
        ridges.push({ ...r, gate });
        errors.push({ gate, error: r.error });
        addConstant(gate, r.values[0]!);
        const G = new ExactDecimal(r.N);
        for (let k = 0; k < r.N; k++) {
          const v = r.values;
          const c = k === 0 ? new Exact(v[1]!).minus(v[0]!) : new Exact(v[k + 1]!).minus(new Exact(v[k]!).times(2)).plus(v[k - 1]!);
          if (c.isZero()) continue;
          const w1 = new Array<Decimal>(D).fill(new ExactDecimal(0));
          piece.direction.forEach((w, h) => (w1[S(h + 1)] = new ExactDecimal((w * BigInt(r.M)).toString())));
          gateRow(w1, gate, G);
          units.push({ w1, b1: new ExactDecimal((-(r.a * BigInt(r.M)) - BigInt(k)).toString()), w2: new ExactDecimal(c), gate, role: `ridge (${piece.direction.join(',')}) k=${k}` });
        }
        break;
      }
    }
    if (units.length > maxWidth) throw new ConstructionRefused(target.id, `the FFN would need more than ${maxWidth} hidden units at ε = ${epsilon.toString()}`);
  }
  // Gated constants: one unit ReLU(p_q) = p_q per position (exact, p_q ∈ {0, 1}).
  for (const [gate, value] of constants) {
    if (gate === undefined || value.isZero()) continue;
    const w1 = new Array<Decimal>(D).fill(new ExactDecimal(0));
    w1[P(gate)] = new ExactDecimal(1);
    units.push({ w1, b1: new ExactDecimal(0), w2: new ExactDecimal(value), gate, role: `position constant ${gate}` });
  }

  // Lipschitz constants per position, from the weights (slots only).
  const slotL1 = (u: Unit) => u.w1.slice(n + 1).reduce((s, w) => A.up.add(s, w.abs()), new A.up(0));
  const L = Array.from({ length: n }, (_, k) =>
    units.filter((u) => u.gate === undefined || u.gate === k + 1).reduce((s, u) => A.up.add(s, A.up.mul(u.w2.abs(), slotL1(u))), new A.up(0)),
  );
  const Lmax = L.reduce((m, x) => (x.gt(m) ? x : m), new A.up(0));
  const lambda = chooseLambda(Lmax, n, routingBudget, A);
  const tail = A.mul(A.point(n - 1), A.exp(A.neg(A.point(lambda)))).hi; // (n−1)e^{−λ}
  const positions: PositionLedger[] = L.map((Lq, k) => {
    const ffnError = errors.filter((e) => e.gate === undefined || e.gate === k + 1).reduce((s, e) => A.up.add(s, e.error), new A.up(0));
    const routingError = A.up.mul(A.up.mul(Lq, tail), DIAMETER);
    return { position: k + 1, ffnError, lipschitz: Lq, routingError, total: A.up.add(ffnError, routingError) };
  });
  const maxOf = (f: (p: PositionLedger) => Decimal) => positions.reduce((m, p) => (f(p).gt(m) ? f(p) : m), new A.up(0));
  const ledger: Ledger = {
    epsilon,
    ffnBudget,
    routingBudget,
    lambda,
    lipschitz: Lmax,
    ffnError: maxOf((p) => p.ffnError),
    routingError: maxOf((p) => p.routingError),
    total: maxOf((p) => p.total),
    positions,
  };
  if (ledger.total.gt(epsilon)) {
    throw new ConstructionRefused(target.id, `the ledger total ${ledger.total.toSignificantDigits(6).toString()} exceeds ε = ${epsilon.toString()}`, ledger.total);
  }

  const zeroRow = () => new Array<Decimal>(D).fill(new ExactDecimal(0));
  const unitRow = (c: number) => {
    const r = zeroRow();
    r[c] = new ExactDecimal(1);
    return r;
  };
  const heads = Array.from({ length: n }, (_, k) => {
    const query = zeroRow();
    for (let r = 1; r <= n; r++) query[P(r)] = lambda;
    return {
      query: [query],
      key: [unitRow(P(k + 1))],
      value: [unitRow(0)],
      output: Array.from({ length: D }, (_, d) => [new ExactDecimal(d === S(k + 1) ? 1 : 0)]),
    };
  });
  const weights: TransformerWeights = {
    tokens: n,
    dim: 1,
    outDim: 1,
    model: D,
    embed: Array.from({ length: D }, (_, d) => [new ExactDecimal(d === 0 ? 1 : 0)]),
    positions: Array.from({ length: n }, (_, i) => unitRow(P(i + 1))),
    heads,
    ffn: {
      w1: units.map((u) => u.w1),
      b1: units.map((u) => u.b1),
      w2: [units.map((u) => u.w2)],
      b2: [new ExactDecimal(constants.get(undefined) ?? 0)],
    },
  };
  return { target, epsilon, weights, lambda, ledger, ridges, width: units.length, heads: n, timeMs: performance.now() - started };
}

/** `λ = max(1, ln(L·(n−1)·diam/ε₂))` rounded up to 0.01 (so `L(n−1)e^{−λ}·diam ≤ ε₂`). */
export function chooseLambda(L: Decimal, n: number, routingBudget: Decimal, A: Arith): Decimal {
  if (L.isZero()) return new ExactDecimal(1);
  const x = A.ln(A.div(A.mul(A.point(L), A.point((n - 1) * DIAMETER)), A.point(routingBudget))).hi;
  const up = new ExactDecimal(x).mul(100).ceil().div(100);
  return up.lt(1) ? new ExactDecimal(1) : up;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
