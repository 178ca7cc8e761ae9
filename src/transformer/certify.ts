/**
 * Certification of a constructed Transformer's sup error `max_i |T(X)_i − F(X)_i|` over `[0,1]^n`,
 * independent of the construction's ledger: the network is evaluated from its weights, the target
 * from its own definition, both in interval arithmetic with directed rounding.
 *
 * - Samples: seeded random inputs plus adversarial ones (corners of the cube, ties `x_j = x_k`, all
 *   tokens equal, and for every interpolated ridge `w·x = t` inputs on cell faces `t = t_k` and at cell
 *   midpoints, where the chord error peaks). Each is a certified `≤ ε` (or a certified violation).
 * - Box-wise: a cover of `[0,1]^n` by boxes, bisected adaptively; on each box the enclosures of
 *   `T` and `F` give `sup_box |T − F| ≤ max(T̄ − F̲, F̄ − T̲)`. When every box of the cover is proved
 *   `≤ ε` the sup error over the whole cube is certified. A budget caps the number of boxes.
 * - The declared modulus of an expression target is checked on random pairs (a wrong declaration is a
 *   certified counterexample).
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt, type Arith, type Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { modulusAt } from '../targets/modulus.ts';
import type { Construction } from './construct.ts';
import { evaluateTransformer, type TransformerWeights } from './model.ts';
import type { TheoremTarget } from './theorem-target.ts';

/** Working precision of the checks. */
export const CERTIFY_PRECISION = 30;

/** `max_i |T(X)_i − F(X)_i|` as an enclosure (for tokens given as enclosures, i.e. points or boxes). */
export function errorEnclosure(c: Construction, X: readonly Interval[], A: Arith): { error: Interval; token: number } {
  return networkError(c.weights, c.target, X, A);
}

/** `max_i |T(X)_i − F(X)_i|` for any weights `W` of a scalar-token network and a target. */
export function networkError(W: TransformerWeights, target: TheoremTarget, X: readonly Interval[], A: Arith): { error: Interval; token: number } {
  const out = evaluateTransformer(W, X.map((x) => [x]), A).output;
  let best: { error: Interval; token: number } | undefined;
  for (let i = 1; i <= target.tokens; i++) {
    const t = out[i - 1]![0]!;
    const f = target.evaluate(X, i, A);
    // sup over the box of |T − F| ≤ max(T̄ − F̲, F̄ − T̲); for a point this is |T − F| up to rounding
    const d = A.sub(t, f);
    const e = A.abs(d);
    if (best === undefined || e.hi.gt(best.error.hi)) best = { error: e, token: i };
  }
  return best!;
}

/** A small seeded generator (mulberry32), uniform in [0, 1), for reproducible inputs (also the benchmark's). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A decimal in `[0, 1]` with `places` decimal places from the generator. */
function randomDecimal(next: () => number, places = 6): Rational {
  const scale = 10 ** places;
  return Rational.of(Math.floor(next() * (scale + 1)), scale);
}

/** Random and adversarial inputs in `[0,1]^n` (exact rationals). */
export function checkPoints(c: Construction, count: number, seed: number): Rational[][] {
  const n = c.target.tokens;
  const next = seededRandom(seed);
  const points: Rational[][] = [];
  for (let mask = 0; mask < 1 << n && mask < 256; mask++) points.push(Array.from({ length: n }, (_, k) => Rational.of((mask >> k) & 1)));
  for (const v of [Rational.ZERO, Rational.of(1, 2), Rational.ONE, randomDecimal(next)]) points.push(new Array<Rational>(n).fill(v));
  for (let j = 0; j < n; j++) {
    for (let k = j + 1; k < n; k++) {
      const X = Array.from({ length: n }, () => randomDecimal(next));
      X[k] = X[j]!;
      points.push(X);
    }
  }
  // faces and midpoints of the interpolation cells of every ridge, solved for one coordinate
  for (const r of c.ridges) {
    const j = r.direction.findIndex((w) => w !== 0n);
    const picks = Math.min(2 * r.N + 1, 64);
    for (let s = 0; s < picks; s++) {
      const half = Math.floor((s * 2 * r.N) / Math.max(1, picks - 1)); // t = a + half/(2M)
      const t = Rational.of(r.a).add(Rational.of(half, 2 * r.M));
      const X = Array.from({ length: n }, () => randomDecimal(next));
      let rest = t;
      r.direction.forEach((w, k) => {
        if (k !== j) rest = rest.sub(Rational.of(w).mul(X[k]!));
      });
      const xj = rest.div(Rational.of(r.direction[j]!));
      if (Rational.ZERO.lte(xj) && xj.lte(Rational.ONE)) {
        X[j] = xj;
        points.push(X);
      }
    }
  }
  for (let s = 0; s < count; s++) points.push(Array.from({ length: n }, () => randomDecimal(next)));
  return points;
}

/** A rational as decimal text (exact when its denominator divides a power of ten, else 20 digits). */
function decimalText(x: Rational): string {
  return new ExactDecimal(x.num.toString()).div(x.den.toString()).toSignificantDigits(20).toString();
}

export interface SampleCertificate {
  readonly count: number;
  /** Upper bound of the largest error found. */
  readonly worstError: Decimal;
  /** Lower bound of the largest error found (so the sup over the cube is at least this). */
  readonly worstLower: Decimal;
  readonly worstAt: { readonly X: string[]; readonly token: number };
  /** Inputs with a certified error above ε. */
  readonly violations: number;
  /** Inputs whose comparison with ε stayed undecided at the working precision. */
  readonly undecided: number;
}

/** Certified comparison of the error with ε at every input. */
export function certifySamples(c: Construction, points: readonly Rational[][], A: Arith = arithAt(CERTIFY_PRECISION)): SampleCertificate {
  let worst: { error: Decimal; X: Rational[]; token: number } | undefined;
  let violations = 0;
  let undecided = 0;
  let worstLower = new ExactDecimal(0);
  for (const X of points) {
    const { error, token } = errorEnclosure(
      c,
      X.map((x) => x.toInterval(A)),
      A,
    );
    if (error.lo.gt(worstLower)) worstLower = error.lo;
    if (error.lo.gt(c.epsilon)) violations += 1;
    else if (error.hi.gt(c.epsilon)) undecided += 1;
    if (worst === undefined || error.hi.gt(worst.error)) worst = { error: error.hi, X, token };
  }
  return {
    count: points.length,
    worstError: worst?.error ?? new ExactDecimal(0),
    worstLower,
    worstAt: { X: (worst?.X ?? []).map(decimalText), token: worst?.token ?? 0 },
    violations,
    undecided,
  };
}

export interface BoxCertificate {
  readonly certified: boolean;
  /** Boxes evaluated. */
  readonly boxes: number;
  /** The largest proved box bound when certified (an upper bound of the sup error over the cube). */
  readonly bound: Decimal | undefined;
  readonly description: string;
}

/** Adaptive cover of `[0,1]^n`: proves `sup |T − F| ≤ ε` box by box, within `maxBoxes` evaluations. */
export function certifyBoxes(c: Construction, maxBoxes: number, A: Arith = arithAt(CERTIFY_PRECISION)): BoxCertificate {
  const n = c.target.tokens;
  type Box = Array<[Decimal, Decimal]>;
  const queue: Box[] = [Array.from({ length: n }, () => [new ExactDecimal(0), new ExactDecimal(1)] as [Decimal, Decimal])];
  let boxes = 0;
  let bound = new ExactDecimal(0);
  let smallest = new ExactDecimal(1);
  while (queue.length > 0) {
    if (boxes >= maxBoxes) {
      return { certified: false, boxes, bound: undefined, description: `box-wise bound not completed: ${queue.length} boxes left after ${boxes} evaluations (budget ${maxBoxes})` };
    }
    const box = queue.pop()!;
    boxes += 1;
    const { error } = errorEnclosure(
      c,
      box.map(([lo, hi]) => A.between(lo, hi)),
      A,
    );
    if (error.hi.lte(c.epsilon)) {
      if (error.hi.gt(bound)) bound = error.hi;
      const side = box[0]![1].sub(box[0]![0]);
      if (side.lt(smallest)) smallest = side;
      continue;
    }
    // bisect every side
    for (let mask = 0; mask < 1 << n; mask++) {
      queue.push(
        box.map(([lo, hi], k) => {
          const mid = lo.add(hi).div(2);
          return ((mask >> k) & 1) === 0 ? [lo, mid] : [mid, hi];
        }),
      );
    }
  }
  return {
    certified: true,
    boxes,
    bound,
    description: `sup over [0,1]^${n} of max_i |T(X)_i − F(X)_i| ≤ ${bound.toSignificantDigits(6, 0).toString()} ≤ ε = ${c.epsilon.toString()}, proved by interval evaluation on ${boxes} boxes (smallest side ${smallest.toString()})`,
  };
}

export interface ModulusCheck {
  readonly pairs: number;
  /** A certified violation of the declared modulus, when found. */
  readonly refuted?: { readonly X: string[]; readonly Y: string[]; readonly token: number };
}

/** Checks `|F(X)_i − F(Y)_i| ≤ ω(‖X − Y‖_∞)` on random pairs (near and far). */
export function checkDeclaredModulus(c: Construction, pairs: number, seed: number, A: Arith = arithAt(CERTIFY_PRECISION)): ModulusCheck {
  const n = c.target.tokens;
  const next = seededRandom(seed);
  for (let s = 0; s < pairs; s++) {
    const X = Array.from({ length: n }, () => randomDecimal(next));
    const scale = s % 2 === 0 ? Rational.ONE : Rational.of(1, 1000);
    const Y = X.map((x) => {
      const y = x.add(randomDecimal(next).sub(Rational.of(1, 2)).mul(scale));
      return y.lt(Rational.ZERO) ? Rational.ZERO : Rational.ONE.lt(y) ? Rational.ONE : y;
    });
    const dist = X.reduce((m, x, k) => m.max(x.sub(Y[k]!).abs()), Rational.ZERO);
    const omega = modulusAt(c.target.modulus, dist.toInterval(A), A);
    for (let i = 1; i <= n; i++) {
      const fx = c.target.evaluate(X.map((x) => x.toInterval(A)), i, A);
      const fy = c.target.evaluate(Y.map((y) => y.toInterval(A)), i, A);
      if (A.abs(A.sub(fx, fy)).lo.gt(omega.hi)) return { pairs: s + 1, refuted: { X: X.map(decimalText), Y: Y.map(decimalText), token: i } };
    }
  }
  return { pairs };
}

const boxCache = new WeakMap<Construction, Map<number, BoxCertificate>>();

/** {@link certifyBoxes}, computed once per construction and budget. */
export function cachedBoxCertificate(c: Construction, maxBoxes: number): BoxCertificate {
  let byBudget = boxCache.get(c);
  if (byBudget === undefined) {
    byBudget = new Map();
    boxCache.set(c, byBudget);
  }
  let b = byBudget.get(maxBoxes);
  if (b === undefined) {
    b = certifyBoxes(c, maxBoxes);
    byBudget.set(maxBoxes, b);
  }
  return b;
}

const sampleCache = new WeakMap<Construction, SampleCertificate>();

/** {@link certifySamples} on {@link checkPoints}`(c, 100, 1)`, computed once per construction. */
export function cachedSampleCertificate(c: Construction): SampleCertificate {
  let s = sampleCache.get(c);
  if (s === undefined) {
    s = certifySamples(c, checkPoints(c, 100, 1));
    sampleCache.set(c, s);
  }
  return s;
}
