/**
 * The piecewise-constant approximant $\bar f(x) = f(c(x))$ of a target on the grid of $[a,b]^m$, and the
 * error $|f(x) - f(y)|$ between the target at a point and at a reference point (the cell centre, or a
 * quantised centre), exactly when the target allows it and as a certified enclosure otherwise.
 *
 * Method: cells and centres are found exactly (`grid.ts`). When the target has an exact rational
 * evaluation (`evaluateRational`: formulas of `+ − × ÷`, integer powers, `abs`, `max`, `min`), the
 * error is an exact rational, so ties with the bound (the tight cases) are decided. Otherwise the two
 * points are enclosed (a point interval for a terminating decimal, a directed-rounding enclosure
 * otherwise) and the target is evaluated in interval arithmetic.
 */
import type { Arith, Interval } from '../arith/interval.ts';
import type { Rational } from '../arith/rational.ts';
import type { Target } from '../targets/target.ts';
import { centreOf, type AxisGrid } from './grid.ts';

/** The error $|f(x) - f(y)|$: an exact rational when available, always an enclosure. */
export interface PointError {
  readonly exact: Rational | undefined;
  readonly enclosure: Interval;
}

/** Enclosure of $f(x)$ at an exact point. */
export function targetAt(target: Target, x: readonly Rational[], A: Arith): Interval {
  return target.evaluate(
    x.map((xi) => xi.toInterval(A)),
    A,
  );
}

/** $|f(x) - f(y)|$ for exact points `x` and `y`. */
export function differenceBetween(target: Target, x: readonly Rational[], y: readonly Rational[], A: Arith): PointError {
  const fx = target.evaluateRational?.(x);
  const fy = fx === undefined ? undefined : target.evaluateRational?.(y);
  if (fx !== undefined && fy !== undefined) {
    const exact = fx.sub(fy).abs();
    return { exact, enclosure: exact.toInterval(A) };
  }
  return { exact: undefined, enclosure: A.abs(A.sub(targetAt(target, x, A), targetAt(target, y, A))) };
}

/** $|f(x) - \bar f(x)| = |f(x) - f(c(x))|$ for `x ∈ [a,b]^m`. */
export function approximationError(target: Target, grid: AxisGrid, x: readonly Rational[], A: Arith): PointError {
  return differenceBetween(target, x, centreOf(grid, x), A);
}
