/**
 * The inverse of a modulus of continuity: the grid a modulus needs for a given accuracy, $N(\varepsilon) = \min\{N \ge 1 : \omega((b-a)/(2N)) \le \varepsilon\}$.
 *
 * - Lipschitz, $\omega(t) = Lt$: $N(\varepsilon) = \max(1, \lceil (b-a)L/(2\varepsilon) \rceil)$, exactly in rationals.
 * - Hölder, $\omega(t) = Ct^\alpha$: $\omega(\delta/2) \le \varepsilon \iff \delta/2 \le (\varepsilon/C)^{1/\alpha}$, so
 *   $N(\varepsilon) = \max(1, \lceil \tfrac{b-a}{2}(C/\varepsilon)^{1/\alpha} \rceil)$, exactly in rationals when $1/\alpha$ has a
 *   small numerator and denominator, otherwise from certified enclosures.
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
  /**
   * Set when a `limit` was asked for and $N(\varepsilon)$ is certainly above it (Hölder moduli only): then `cells`
   * is `limit + 1`, a lower bound on $N(\varepsilon)$ rather than its value, and `estimate` is a certified lower
   * bound on $N(\varepsilon)$ to print.
   */
  readonly above?: { readonly estimate: Decimal };
}

/** Digits shown in full by {@link formatCells}; longer integers are abbreviated. */
const FULL_DIGITS = 20;

/**
 * $N(\varepsilon)$ for a message: in full up to {@link FULL_DIGITS} digits, otherwise as `≈ d.dddde+k` (the
 * leading digits, truncated), so that a tiny ε never produces a reason of a hundred thousand characters.
 */
export function formatCells(grid: GridForAccuracy): string {
  if (grid.above !== undefined) {
    const e = grid.above.estimate;
    return `≥ ${e.lt(10 ** FULL_DIGITS) ? e.floor().toFixed(0) : e.toExponential(4, 1 /* ROUND_DOWN */)}`;
  }
  const digits = grid.cells.toString();
  return digits.length <= FULL_DIGITS ? `= ${digits}` : `≈ ${scientific(digits)}`;
}

/** A non-negative integer's decimal digits (at least 5 of them) as `d.dddde+k`, truncated. */
function scientific(digits: string): string {
  return `${digits[0]!}.${digits.slice(1, 5)}e+${digits.length - 1}`;
}

/** Precisions tried, in order, when taking the ceiling of a Hölder grid size from enclosures. */
const CEILING_PRECISIONS = [40, 120, 400, 1000] as const;
/** Largest numerator and denominator of `1/α` for which the Hölder grid size is found exactly. */
const MAX_EXACT_EXPONENT = 200;

/**
 * $N(\varepsilon)$ for the modulus on $[a, b]$ (`ε > 0`).
 *
 * Hölder, $1/\alpha = P/Q$ in lowest terms: $N \ge t = h(C/\varepsilon)^{P/Q}$ with $h = (b-a)/2$ iff
 * $N^Q \ge R = h^Q (C/\varepsilon)^P$, a rational, so when $P, Q \le$ {@link MAX_EXACT_EXPONENT} the least such
 * $N$ is found exactly, from a guess taken from an enclosure of $t$. Otherwise the ceiling of the
 * enclosure is used, raising the precision until both ends agree; when they never do (t an integer that
 * no enclosure separates from its neighbours), the next integer is returned with `minimal: false`: still
 * a valid grid, one cell more than needed.
 */
export function cellsForAccuracy(modulus: Modulus, a: Decimal, b: Decimal, epsilon: Decimal, limit?: bigint): GridForAccuracy {
  if (!epsilon.gt(0)) throw new RangeError(`cellsForAccuracy: epsilon must be > 0, got ${epsilon.toString()}`);
  const halfSide = Rational.fromDecimal(b).sub(Rational.fromDecimal(a)).div(Rational.of(2));
  if (modulus.kind === 'lipschitz') {
    const n = ceilOf(halfSide.mul(Rational.fromDecimal(modulus.L)).div(Rational.fromDecimal(epsilon)));
    return { cells: n < 1n ? 1n : n, minimal: true };
  }
  const enclosure = (precision: number): Interval => {
    const A = arithAt(precision);
    const ratio = A.div(A.point(modulus.C), A.point(epsilon));
    return A.mul(halfSide.toInterval(A), A.pow(ratio, A.div(A.point(1), A.point(modulus.alpha))));
  };
  if (limit !== undefined) {
    // A huge N(ε) is never searched for: its first enclosure already shows it is beyond the limit.
    const lo = enclosure(CEILING_PRECISIONS[0]).lo;
    if (lo.gt(limit.toString())) return { cells: limit + 1n, minimal: false, above: { estimate: lo } };
  }
  const alpha = Rational.fromDecimal(modulus.alpha); // α = Q/P, so 1/α = P/Q
  if (alpha.den <= BigInt(MAX_EXACT_EXPONENT) && alpha.num <= BigInt(MAX_EXACT_EXPONENT)) {
    const P = Number(alpha.den);
    const Q = Number(alpha.num);
    const R = halfSide.pow(Q).mul(Rational.fromDecimal(modulus.C).div(Rational.fromDecimal(epsilon)).pow(P));
    const reaches = (n: bigint): boolean => R.lte(Rational.of(n).pow(Q)); // n^Q ≥ R
    // the guess is at most N(ε): the enclosure's lower end is at most t, so only upward steps are needed
    let n = BigInt(enclosure(CEILING_PRECISIONS[0]).lo.ceil().toFixed(0));
    if (n < 1n) n = 1n;
    while (!reaches(n)) n += 1n;
    return { cells: n, minimal: true };
  }
  let last: Interval | undefined;
  for (const precision of CEILING_PRECISIONS) {
    const t = enclosure(precision);
    const lo = BigInt(t.lo.ceil().toFixed(0));
    const hi = BigInt(t.hi.ceil().toFixed(0));
    if (lo === hi) return { cells: lo < 1n ? 1n : lo, minimal: true };
    last = t;
  }
  // the ends never agreed, so the upper one is at least 1
  return { cells: BigInt(last!.hi.ceil().toFixed(0)), minimal: false };
}
