/**
 * The piecewise-constant approximant $\bar f(x) = f(c(x))$ of a target on the grid of $[a,b]^m$, and its
 * error at a point, $|f(x) - \bar f(x)|$, as a certified enclosure.
 *
 * Method: the cell and its centre are found exactly (`grid.ts`); the point and the centre are then
 * enclosed (a point interval for a terminating decimal, a directed-rounding enclosure otherwise) and
 * the target is evaluated in interval arithmetic on both.
 */
import type { Arith, Interval } from '../arith/interval.ts';
import type { Target } from '../targets/target.ts';
import { centreOf, halfWidth, type AxisGrid } from './grid.ts';
import type { Rational } from '../arith/rational.ts';

/** Enclosure of $f(x)$ at an exact point. */
export function targetAt(target: Target, x: readonly Rational[], A: Arith): Interval {
  return target.evaluate(
    x.map((xi) => xi.toInterval(A)),
    A,
  );
}

/** Enclosure of $\bar f(x) = f(c(x))$. */
export function approximantAt(target: Target, grid: AxisGrid, x: readonly Rational[], A: Arith): Interval {
  return targetAt(target, centreOf(grid, x), A);
}

/** Enclosure of $|f(x) - f(c(x))|$ for `x ∈ [a,b]^m`. */
export function approximationError(target: Target, grid: AxisGrid, x: readonly Rational[], A: Arith): Interval {
  return A.abs(A.sub(targetAt(target, x, A), approximantAt(target, grid, x, A)));
}

/** Enclosure of $\delta/2$. */
export function halfWidthEnclosure(grid: AxisGrid, A: Arith): Interval {
  return halfWidth(grid).toInterval(A);
}
