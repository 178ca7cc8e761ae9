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
 * leading digits, truncated), so that a tiny ε never produces a reason of a hundred thousand characters. A
 * lower bound (`above`) prints as `≥ ⌈estimate⌉` below $10^{20}$, `≥ d.dddde+k` (truncated) from there.
 */
export function formatCells(grid: GridForAccuracy): string {
  if (grid.above !== undefined) {
    const e = grid.above.estimate;
    // N(ε) is an integer ≥ estimate, so it is at least the estimate's ceiling (above the limit, unlike its floor)
    return `≥ ${e.lt(10 ** FULL_DIGITS) ? e.ceil().toFixed(0) : e.toExponential(4, 1 /* ROUND_DOWN */)}`;
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
 * Without a limit, a Hölder $N(\varepsilon)$ of more digits than this is refused: its enclosures at the
 * precision cap (1000 digits) could no longer fix it.
 */
export const MAX_CELLS_DIGITS = 960;
/** Digits of precision beyond those of $N(\varepsilon)$ for the enclosure that starts the exact search. */
const SEARCH_GUARD_DIGITS = 20;

/**
 * $N(\varepsilon)$ for the modulus on $[a, b]$ (`ε > 0`).
 *
 * Hölder, $1/\alpha = P/Q$ in lowest terms: $N \ge t = h(C/\varepsilon)^{P/Q}$ with $h = (b-a)/2$ iff
 * $N^Q \ge R = h^Q (C/\varepsilon)^P$, a rational, so when $P, Q \le$ {@link MAX_EXACT_EXPONENT} the least such
 * $N$ is found exactly, by bisection between the ceilings of the ends of an enclosure of $t$ (at a precision of
 * {@link SEARCH_GUARD_DIGITS} digits more than $t$ has, so a few steps at most). Otherwise the ceiling of the
 * enclosure is used, raising the precision until both ends agree; when they never do (t an integer that
 * no enclosure separates from its neighbours), the next integer is returned with `minimal: false`: still
 * a valid grid, one cell more than needed.
 *
 * With a `limit`, an $N(\varepsilon)$ that the first enclosure puts above it is not searched for (see
 * {@link GridForAccuracy.above}). Without one, an $N(\varepsilon)$ of more than {@link MAX_CELLS_DIGITS} digits
 * throws a `RangeError` saying so, instead of computing with numbers of that size.
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
  const first = enclosure(CEILING_PRECISIONS[0]);
  // A huge N(ε) is never searched for: its first enclosure already shows it is beyond the limit.
  if (limit !== undefined && first.lo.gt(limit.toString())) return { cells: limit + 1n, minimal: false, above: { estimate: first.lo } };
  if (first.lo.gte(`1e${MAX_CELLS_DIGITS}`)) {
    throw new RangeError(
      `cellsForAccuracy: N(ε) ≥ ${first.lo.toExponential(4, 1 /* ROUND_DOWN */)} has more than ${MAX_CELLS_DIGITS} digits; give a limit to bound it below instead`,
    );
  }
  const alpha = Rational.fromDecimal(modulus.alpha); // α = Q/P, so 1/α = P/Q
  if (alpha.den <= BigInt(MAX_EXACT_EXPONENT) && alpha.num <= BigInt(MAX_EXACT_EXPONENT)) {
    const P = Number(alpha.den);
    const Q = Number(alpha.num);
    const R = halfSide.pow(Q).mul(Rational.fromDecimal(modulus.C).div(Rational.fromDecimal(epsilon)).pow(P));
    const reaches = (n: bigint): boolean => R.lte(Rational.of(n).pow(Q)); // n^Q ≥ R
    // N(ε) = max(1, ⌈t⌉) lies between the ceilings of the enclosure's ends, and the upper one reaches R
    const t = enclosure(Math.max(CEILING_PRECISIONS[0], first.hi.e + 1 + SEARCH_GUARD_DIGITS));
    let lo = atLeastOne(BigInt(t.lo.ceil().toFixed(0)));
    let hi = atLeastOne(BigInt(t.hi.ceil().toFixed(0)));
    while (lo < hi) {
      const mid = (lo + hi) / 2n;
      if (reaches(mid)) hi = mid;
      else lo = mid + 1n;
    }
    return { cells: lo, minimal: true };
  }
  let last: Interval | undefined;
  for (const precision of CEILING_PRECISIONS) {
    const t = enclosure(precision);
    const lo = BigInt(t.lo.ceil().toFixed(0));
    const hi = BigInt(t.hi.ceil().toFixed(0));
    if (lo === hi) return { cells: atLeastOne(lo), minimal: true };
    last = t;
  }
  // the ends never agreed, so the upper one is at least 1
  return { cells: BigInt(last!.hi.ceil().toFixed(0)), minimal: false };
}

function atLeastOne(n: bigint): bigint {
  return n < 1n ? 1n : n;
}
