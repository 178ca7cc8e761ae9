/**
 * Fallback reference for lemma softmax-hardmax when python3 with mpmath is not available: the same
 * computation as `softmax_reference.py`, in decimal.js at {@link NAIVE_REFERENCE_DIGITS} digits
 * rounded to nearest, with every probability taken DIRECTLY from its definition
 * `p_j = e^{λz_j} / Σ_k e^{λz_k}` — none of the engine's rearrangements (weights relative to the
 * maximiser, cancellation-free margins, interval arithmetic, precision escalation). 200 digits
 * leave 25 correct digits of `1 − p_{i*}` as long as `λ·(max z − min z) < 400`.
 */
import { Decimal } from 'decimal.js';

/** Working precision of the naive reference, in significant digits. */
export const NAIVE_REFERENCE_DIGITS = 200;

const D = Decimal.clone({ precision: NAIVE_REFERENCE_DIGITS, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });

/** The reference answer: a verdict, and both sides to 40 significant digits when applicable. */
export interface ReferenceAnswer {
  readonly verdict: 'holds' | 'violated' | 'inapplicable';
  readonly lhs?: string;
  readonly bound?: string;
}

type Raw = Record<string, unknown>;

const num = (x: unknown): Decimal => new D(String(x));

function softmax(z: Decimal[], lambda: Decimal): Decimal[] {
  const e = z.map((zj) => D.exp(lambda.mul(zj)));
  const total = e.reduce((s, x) => s.plus(x), new D(0));
  return e.map((x) => x.div(total));
}

function firstMax(z: Decimal[]): number {
  let best = 0;
  z.forEach((x, j) => {
    if (x.gt(z[best]!)) best = j;
  });
  return best;
}

function marginOf(z: Decimal[]): Decimal {
  const i = firstMax(z);
  const rest = z.filter((_, j) => j !== i);
  return z[i]!.minus(D.max(...rest));
}

const tail = (z: Decimal[], lambda: Decimal): Decimal => new D(1).minus(softmax(z, lambda)[firstMax(z)]!);

/** `lhs` and `bound` of one probe, or undefined when a hypothesis fails. */
function sides(claim: string, a: Raw): [Decimal, Decimal] | undefined {
  const z = (a.z as unknown[]).map(num);
  const n = z.length;
  if (n < 2) return undefined;
  const name = claim.split('/')[1];
  switch (name) {
    case 'linf':
    case 'l1':
    case 'attention': {
      const lambda = num(a.lambda);
      if (lambda.lte(0) || marginOf(z).isZero()) return undefined;
      const boundTerm = D.exp(lambda.mul(marginOf(z)).neg()).mul(n - 1);
      const p = softmax(z, lambda);
      const i = firstMax(z);
      const deviation = p.map((pj, j) => pj.minus(j === i ? 1 : 0).abs());
      if (name === 'linf') return [D.max(...deviation), boundTerm];
      if (name === 'l1') return [deviation.reduce((s, x) => s.plus(x), new D(0)), boundTerm.mul(2)];
      const v = (a.v as unknown[][]).map((row) => row.map(num));
      const columns = v[0]!.map((_, c) => c);
      const lhs = D.max(...columns.map((c) => p.reduce((s, pj, j) => s.plus(pj.mul(v[j]![c]!)), new D(0)).minus(v[i]![c]!).abs()));
      const spread = D.max(...v.flatMap((row) => row.map((x, c) => x.minus(v[i]![c]!).abs())));
      return [lhs, boundTerm.mul(spread)];
    }
    case 'temperature': {
      const epsilon = num(a.epsilon);
      if (!(epsilon.gt(0) && epsilon.lt(1)) || marginOf(z).isZero()) return undefined;
      const lambda = D.ln(new D(n - 1).div(epsilon)).div(marginOf(z));
      return [tail(z, lambda), epsilon];
    }
    case 'monotone': {
      const lambda1 = num(a.lambda1);
      const lambda2 = num(a.lambda2);
      if (lambda1.lte(0) || lambda1.gt(lambda2)) return undefined;
      return [tail(z, lambda2), tail(z, lambda1)];
    }
    case 'margin-necessary': {
      const lambda = num(a.lambda);
      const epsilon = num(a.epsilon);
      if (!(epsilon.gt(0) && epsilon.lt(1)) || lambda.lte(0)) return undefined;
      return [tail(z, lambda), epsilon];
    }
    default:
      throw new RangeError(`softmax reference: unknown claim ${claim}`);
  }
}

/** The naive reference answer for one probe `{claim, args}` (well formed; the caller sends only those). */
export function naiveSoftmaxReference(probe: { claim: string; args: Raw }): ReferenceAnswer {
  const result = sides(probe.claim, probe.args);
  if (result === undefined) return { verdict: 'inapplicable' };
  const [lhs, bound] = result;
  return { verdict: lhs.lte(bound) ? 'holds' : 'violated', lhs: lhs.toSignificantDigits(40).toString(), bound: bound.toSignificantDigits(40).toString() };
}
