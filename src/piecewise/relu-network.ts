/**
 * One-hidden-layer ReLU networks of one input, with exact rational weights:
 * $y(x) = \beta_0 + \sum_j v_j \,\mathrm{ReLU}(w_j x + \beta_j)$.
 *
 * The weights are stored as integers over shared denominators (hidden layer over `hiddenDenominator`,
 * output weights over `outputDenominator`), so that a network of a million units evaluates exactly in
 * BigInt additions and multiplications, with one reduction at the end.
 */
import { Rational } from '../arith/rational.ts';

/**
 * A network `y(x) = outputBias + Σ_j (v_j / D_out) · ReLU((w_j x + β_j) / D_hidden)`, every `w_j, β_j, v_j`
 * an integer and both denominators positive.
 */
export interface ReluNetwork1D {
  readonly hiddenDenominator: bigint;
  /** Input weights `w_j` (numerators over `hiddenDenominator`). */
  readonly inputWeights: readonly bigint[];
  /** Hidden biases `β_j` (numerators over `hiddenDenominator`). */
  readonly hiddenBiases: readonly bigint[];
  readonly outputDenominator: bigint;
  /** Output weights `v_j` (numerators over `outputDenominator`). */
  readonly outputWeights: readonly bigint[];
  readonly outputBias: Rational;
}

/** Number of hidden ReLU units. */
export function unitCount(net: ReluNetwork1D): number {
  return net.inputWeights.length;
}

/** The weights of hidden unit `j` as rationals: `{ w, beta, v }`. */
export function unitWeights(net: ReluNetwork1D, j: number): { w: Rational; beta: Rational; v: Rational } {
  return {
    w: Rational.of(net.inputWeights[j]!, net.hiddenDenominator),
    beta: Rational.of(net.hiddenBiases[j]!, net.hiddenDenominator),
    v: Rational.of(net.outputWeights[j]!, net.outputDenominator),
  };
}

/** Checks the shape: equal lengths and positive denominators; throws a RangeError otherwise. */
export function checkNetwork(net: ReluNetwork1D): void {
  const n = net.inputWeights.length;
  if (net.hiddenBiases.length !== n || net.outputWeights.length !== n) {
    throw new RangeError(`ReluNetwork1D: ${n} input weights but ${net.hiddenBiases.length} biases and ${net.outputWeights.length} output weights`);
  }
  if (net.hiddenDenominator <= 0n || net.outputDenominator <= 0n) throw new RangeError('ReluNetwork1D: denominators must be positive');
}

/** The network's output at `x`, exactly. */
export function evaluateNetwork(net: ReluNetwork1D, x: Rational): Rational {
  // pre-activation of unit j: (w_j p + β_j q) / (D_hidden q) for x = p/q, q > 0, so its sign is the numerator's
  const { num: p, den: q } = x;
  let total = 0n; // Σ_j v_j · max(0, w_j p + β_j q)
  for (let j = 0; j < net.inputWeights.length; j++) {
    const pre = net.inputWeights[j]! * p + net.hiddenBiases[j]! * q;
    if (pre > 0n) total += net.outputWeights[j]! * pre;
  }
  return net.outputBias.add(Rational.of(total, net.outputDenominator * net.hiddenDenominator * q));
}

/** An affine piece `y = slope·x + intercept` on the open interval `(from, to)`. */
export interface AffinePiece {
  readonly from: Rational;
  readonly to: Rational;
  readonly slope: Rational;
  readonly intercept: Rational;
}

/**
 * The network on `[lo, hi]` as affine pieces between its kinks, computed from the weights alone: the
 * kinks are `x = −β_j/w_j`, and on each open piece the active units (pre-activation `> 0`) are fixed,
 * so the output is `outputBias + Σ_active v_j (w_j x + β_j)`. `extraBreaks` are further points at which
 * to cut (e.g. the jumps of a function to compare against).
 */
export function affinePieces(net: ReluNetwork1D, lo: Rational, hi: Rational, extraBreaks: readonly Rational[] = []): AffinePiece[] {
  const inside = (t: Rational): boolean => lo.lt(t) && t.lt(hi);
  const kinks: Rational[] = [];
  for (let j = 0; j < net.inputWeights.length; j++) {
    const w = net.inputWeights[j]!;
    if (w !== 0n) kinks.push(Rational.of(-net.hiddenBiases[j]!, w));
  }
  const breaks = [lo, ...kinks.filter(inside), ...extraBreaks.filter(inside), hi].sort((s, t) => s.cmp(t));
  const points = breaks.filter((t, i) => i === 0 || !t.eq(breaks[i - 1]!));
  const two = Rational.of(2);
  const pieces: AffinePiece[] = [];
  // Sweep: the active set at the first piece's midpoint, then toggle each unit whose kink is crossed.
  const first = points[0]!.add(points[1]!).div(two);
  const active = net.inputWeights.map((w, j) => w * first.num + net.hiddenBiases[j]! * first.den > 0n);
  const kinkOf = net.inputWeights.map((w, j) => (w === 0n ? undefined : Rational.of(-net.hiddenBiases[j]!, w)));
  const byKink = new Map<string, number[]>();
  kinkOf.forEach((k, j) => {
    if (k !== undefined && inside(k)) byKink.set(k.toString(), [...(byKink.get(k.toString()) ?? []), j]);
  });
  let slopeNum = 0n; // Σ_active v_j w_j over D_out·D_hidden
  let interceptNum = 0n; // Σ_active v_j β_j over D_out·D_hidden
  active.forEach((on, j) => {
    if (on) {
      slopeNum += net.outputWeights[j]! * net.inputWeights[j]!;
      interceptNum += net.outputWeights[j]! * net.hiddenBiases[j]!;
    }
  });
  const denominator = net.outputDenominator * net.hiddenDenominator;
  for (let i = 0; i + 1 < points.length; i++) {
    if (i > 0) {
      for (const j of byKink.get(points[i]!.toString()) ?? []) {
        const sign = active[j] ? -1n : 1n; // each unit has one kink, so its flag is read once and never needs flipping
        slopeNum += sign * net.outputWeights[j]! * net.inputWeights[j]!;
        interceptNum += sign * net.outputWeights[j]! * net.hiddenBiases[j]!;
      }
    }
    pieces.push({
      from: points[i]!,
      to: points[i + 1]!,
      slope: Rational.of(slopeNum, denominator),
      intercept: net.outputBias.add(Rational.of(interceptNum, denominator)),
    });
  }
  return pieces;
}
