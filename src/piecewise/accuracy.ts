/**
 * The inverse of a modulus of continuity: the grid a modulus needs for a given accuracy, $N(\varepsilon) = \min\{N \ge 1 : \omega((b-a)/(2N)) \le \varepsilon\}$.
 *
 * - Lipschitz, $\omega(t) = Lt$: $N(\varepsilon) = \max(1, \lceil (b-a)L/(2\varepsilon) \rceil)$, exactly in rationals.
 * - Hölder, $\omega(t) = Ct^\alpha$: $\omega(\delta/2) \le \varepsilon \iff \delta/2 \le (\varepsilon/C)^{1/\alpha}$, so
 *   $N(\varepsilon) = \max(1, \lceil \tfrac{b-a}{2}(C/\varepsilon)^{1/\alpha} \rceil)$; the ceiling is taken of a certified
 *   enclosure, raising the precision until both ends agree.
 */
import type { Decimal } from 'decimal.js';
import { arithAt, type Interval } from '../arith/interval.ts';
import type { Modulus } from '../targets/target.ts';
import { ceilOf, Rational } from './rounding.ts';

/** The grid for an accuracy: `cells` is $N(\varepsilon)$ when `minimal`, otherwise an integer just above it. */
export interface GridForAccuracy {
  readonly cells: bigint;
  /** False when the enclosure of $N(\varepsilon)$'s argument still straddles an integer at the precision cap. */
  readonly minimal: boolean;
}

/** Precisions tried, in order, when taking the ceiling of a Hölder grid size. */
const CEILING_PRECISIONS = [40, 120, 400, 1000] as const;

/**
 * $N(\varepsilon)$ for the modulus on $[a, b]$ (`ε > 0`). When the argument of the ceiling is an exact
 * integer that no enclosure separates from its neighbours (possible for Hölder), the next integer is
 * returned with `minimal: false`: still a valid grid, one cell more than needed.
 */
export function cellsForAccuracy(modulus: Modulus, a: Decimal, b: Decimal, epsilon: Decimal): GridForAccuracy {
  if (!epsilon.gt(0)) throw new RangeError(`cellsForAccuracy: epsilon must be > 0, got ${epsilon.toString()}`);
  const halfSide = Rational.fromDecimal(b).sub(Rational.fromDecimal(a)).div(Rational.of(2));
  if (modulus.kind === 'lipschitz') {
    const n = ceilOf(halfSide.mul(Rational.fromDecimal(modulus.L)).div(Rational.fromDecimal(epsilon)));
    return { cells: n < 1n ? 1n : n, minimal: true };
  }
  if (modulus.C.isZero()) return { cells: 1n, minimal: true };
  let last: Interval | undefined;
  for (const precision of CEILING_PRECISIONS) {
    const A = arithAt(precision);
    const ratio = A.div(A.point(modulus.C), A.point(epsilon));
    const t = A.mul(halfSide.toInterval(A), A.pow(ratio, A.div(A.point(1), A.point(modulus.alpha))));
    const lo = BigInt(t.lo.ceil().toFixed(0));
    const hi = BigInt(t.hi.ceil().toFixed(0));
    if (lo === hi) return { cells: lo < 1n ? 1n : lo, minimal: true };
    last = t;
  }
  const hi = BigInt(last!.hi.ceil().toFixed(0));
  return { cells: hi < 1n ? 1n : hi, minimal: false };
}
