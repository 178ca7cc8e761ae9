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

function dot(weights: readonly Rational[], x: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  weights.forEach((w, i) => {
    if (w.isZero()) return;
    s = s.add(w.eq(Rational.ONE) ? x[i]! : w.mul(x[i]!));
  });
  return s;
}

/** The hidden activations `ReLU(w_u · x + c_u)`, exactly. */
export function hiddenActivationsExact(net: ReluNetwork, x: readonly Rational[]): Rational[] {
  if (x.length !== net.inputs) throw new RangeError(`ReluNetwork: expected ${net.inputs} inputs, got ${x.length}`);
  return net.hidden.map((u) => dot(u.weights, x).add(u.bias).relu());
}

/** The outputs, exactly (terms whose activation is exactly 0 contribute exactly 0 and are skipped). */
export function evaluateExact(net: ReluNetwork, x: readonly Rational[]): Rational[] {
  const act = hiddenActivationsExact(net, x);
  return net.outputs.map((o) => {
    let s = o.bias;
    for (const t of o.terms) {
      const a = act[t.unit]!;
      if (!a.isZero()) s = s.add(t.weight.mul(a));
    }
    return s;
  });
}

/** The outputs as enclosures, for inputs given as enclosures (weights enter as tight enclosures). */
export function evaluateInterval(net: ReluNetwork, x: readonly Interval[], A: Arith): Interval[] {
  if (x.length !== net.inputs) throw new RangeError(`ReluNetwork: expected ${net.inputs} inputs, got ${x.length}`);
  const act = net.hidden.map((u) => A.relu(A.add(A.sum(u.weights.map((w, i) => A.mul(w.toInterval(A), x[i]!))), u.bias.toInterval(A))));
  return net.outputs.map((o) => A.add(A.sum(o.terms.map((t) => A.mul(t.weight.toInterval(A), act[t.unit]!))), o.bias.toInterval(A)));
}
