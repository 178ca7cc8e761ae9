/**
 * One-hidden-layer ReLU networks with exact rational weights, evaluated exactly (in rationals) and
 * in interval arithmetic.
 *
 * A network maps `x ∈ ℝ^d` to `y ∈ ℝ^p`: hidden unit `u` computes `ReLU(w_u · x + c_u)`, output `o`
 * computes `Σ_u v_{o,u}·ReLU(w_u · x + c_u) + β_o`. Output weights are stored sparsely (a list of
 * `(unit, weight)` terms per output), so a partition of unity with `N + 1` hats on `N + 3` shared
 * units stays linear in `N`.
 */
import type { Arith, Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';

/** One hidden unit: `ReLU(weights · x + bias)`. */
export interface HiddenUnit {
  readonly weights: readonly Rational[];
  readonly bias: Rational;
}

/** One output: `Σ_terms weight·unit + bias`. */
export interface OutputUnit {
  readonly terms: ReadonlyArray<{ readonly unit: number; readonly weight: Rational }>;
  readonly bias: Rational;
}

/** A one-hidden-layer ReLU network. */
export interface ReluNetwork {
  /** Input dimension `d`. */
  readonly inputs: number;
  readonly hidden: readonly HiddenUnit[];
  readonly outputs: readonly OutputUnit[];
}

/** Checks the shapes: every weight vector has `inputs` entries and every term names a hidden unit. */
export function checkNetwork(net: ReluNetwork): ReluNetwork {
  net.hidden.forEach((u, i) => {
    if (u.weights.length !== net.inputs) throw new RangeError(`ReluNetwork: hidden unit ${i} has ${u.weights.length} weights, expected ${net.inputs}`);
  });
  net.outputs.forEach((o, i) =>
    o.terms.forEach((t) => {
      if (!Number.isInteger(t.unit) || t.unit < 0 || t.unit >= net.hidden.length) {
        throw new RangeError(`ReluNetwork: output ${i} uses hidden unit ${t.unit}, but there are ${net.hidden.length}`);
      }
    }),
  );
  return net;
}

/** An unreduced fraction `n/d`, `d > 0`: the evaluator's working form (reduced once, at the output). */
type Fraction = readonly [bigint, bigint];

/** `n1/d1 + n2/d2` without a gcd (a shared or dividing denominator is reused). */
function addFraction([n1, d1]: Fraction, [n2, d2]: Fraction): Fraction {
  if (d1 === d2) return [n1 + n2, d1];
  if (d1 % d2 === 0n) return [n1 + n2 * (d1 / d2), d1];
  if (d2 % d1 === 0n) return [n1 * (d2 / d1) + n2, d2];
  return [n1 * d2 + n2 * d1, d1 * d2];
}

function fractionOf(r: Rational): Fraction {
  return [r.num, r.den];
}

function hiddenExact(net: ReluNetwork, x: readonly Rational[]): Fraction[] {
  if (x.length !== net.inputs) throw new RangeError(`ReluNetwork: expected ${net.inputs} inputs, got ${x.length}`);
  return net.hidden.map((u) => {
    let z = fractionOf(u.bias);
    u.weights.forEach((w, i) => {
      if (!w.isZero()) z = addFraction(z, [w.num * x[i]!.num, w.den * x[i]!.den]);
    });
    return z[0] > 0n ? z : ([0n, 1n] as const);
  });
}

/** The hidden activations `ReLU(w_u · x + c_u)`, exactly. */
export function hiddenActivationsExact(net: ReluNetwork, x: readonly Rational[]): Rational[] {
  return hiddenExact(net, x).map(([n, d]) => Rational.of(n, d));
}

/**
 * The outputs, exactly. Method: every unit and output is accumulated as an unreduced fraction (no gcd
 * on the way; shared denominators are reused) and reduced once at the end; terms whose activation is
 * exactly 0 contribute exactly 0 and are skipped.
 */
export function evaluateExact(net: ReluNetwork, x: readonly Rational[]): Rational[] {
  const act = hiddenExact(net, x);
  return net.outputs.map((o) => {
    let s = fractionOf(o.bias);
    for (const t of o.terms) {
      const [n, d] = act[t.unit]!;
      if (n !== 0n) s = addFraction(s, [t.weight.num * n, t.weight.den * d]);
    }
    return Rational.of(s[0], s[1]);
  });
}

/** The outputs as enclosures, for inputs given as enclosures (weights enter as tight enclosures). */
export function evaluateInterval(net: ReluNetwork, x: readonly Interval[], A: Arith): Interval[] {
  if (x.length !== net.inputs) throw new RangeError(`ReluNetwork: expected ${net.inputs} inputs, got ${x.length}`);
  const act = net.hidden.map((u) => A.relu(A.add(A.sum(u.weights.map((w, i) => A.mul(w.toInterval(A), x[i]!))), u.bias.toInterval(A))));
  return net.outputs.map((o) => A.add(A.sum(o.terms.map((t) => A.mul(t.weight.toInterval(A), act[t.unit]!))), o.bias.toInterval(A)));
}
