/** Conversions for plotting only: a plotted coordinate needs a float, never a verdict. */
import type { Interval } from '../../arith/interval.ts';
import type { Rational } from '../../arith/rational.ts';

/** The nearest float to a rational (to plotting resolution). */
export function rationalToNumber(r: Rational): number {
  return Number(r.num) / Number(r.den);
}

/** The midpoint of an enclosure, as a float. */
export function midpoint(x: Interval): number {
  return x.lo.add(x.hi).div(2).toNumber();
}
