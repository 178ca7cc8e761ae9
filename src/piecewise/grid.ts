/**
 * The uniform grid of the piecewise-constant lemma, in exact rationals: the box $K = [a,b]^m$ cut
 * into $N$ cells per axis of width $\delta = (b-a)/N$, with grid points $x_k = a + k\delta$
 * ($k = 0 \dots N$). Cells are half-open, $[x_k, x_{k+1})$, except the last, $[x_{N-1}, b]$, which is
 * closed, so every point of $K$ lies in exactly one cell. A cell of the box is the product of one
 * cell per axis; its centre $c(x)$ has coordinates $x_{k_i} + \delta/2$.
 *
 * Everything here is exact: a cell index is decided by comparing rationals, never by rounding.
 */
import { floorOf, Rational } from './rounding.ts';

/** One axis `[a, b]` cut into `cells` cells; the box `[a,b]^m` uses the same axis on every coordinate. */
export interface AxisGrid {
  readonly a: Rational;
  readonly b: Rational;
  /** N, the number of cells per axis (≥ 1). */
  readonly cells: number;
  /** δ = (b − a)/N. */
  readonly width: Rational;
}

/** The grid of `cells` cells on `[a, b]`; throws a RangeError unless `a < b` and `cells` is an integer ≥ 1. */
export function axisGrid(a: Rational, b: Rational, cells: number): AxisGrid {
  if (!a.lt(b)) throw new RangeError(`axisGrid: a = ${a.toString()} must be below b = ${b.toString()}`);
  if (!Number.isSafeInteger(cells) || cells < 1) throw new RangeError(`axisGrid: cells must be an integer ≥ 1, got ${cells}`);
  return { a, b, cells, width: b.sub(a).div(Rational.of(cells)) };
}

/** The grid point $x_k = a + k\delta$ (`k` may be any integer; `0…N` are the grid's own points). */
export function gridPoint(grid: AxisGrid, k: number): Rational {
  // a + k(b − a)/N, written so that x_N = b exactly
  return grid.a.add(grid.b.sub(grid.a).mul(Rational.of(BigInt(k), BigInt(grid.cells))));
}

/** True when `a ≤ x ≤ b`. */
export function inAxis(grid: AxisGrid, x: Rational): boolean {
  return grid.a.lte(x) && x.lte(grid.b);
}

/**
 * The index `k ∈ {0, …, N−1}` of the cell holding `x ∈ [a, b]`: `k = ⌊(x − a)/δ⌋`, and `N − 1` for
 * `x = b` (the last cell is closed). Throws a RangeError outside `[a, b]`.
 */
export function cellIndexOf(grid: AxisGrid, x: Rational): number {
  if (!inAxis(grid, x)) throw new RangeError(`cellIndexOf: ${x.toString()} is outside [${grid.a.toString()}, ${grid.b.toString()}]`);
  const k = Number(floorOf(x.sub(grid.a).div(grid.width)));
  return Math.min(k, grid.cells - 1);
}

/** The left edge $x_k$ of the cell holding `x`. */
export function leftEdgeOf(grid: AxisGrid, x: Rational): Rational {
  return gridPoint(grid, cellIndexOf(grid, x));
}

/** The centre $x_k + \delta/2$ of cell `k`. */
export function cellCentre(grid: AxisGrid, k: number): Rational {
  return grid.a.add(grid.b.sub(grid.a).mul(Rational.of(BigInt(2 * k + 1), BigInt(2 * grid.cells))));
}

/** δ/2, the ∞-distance from a cell's centre to its boundary. */
export function halfWidth(grid: AxisGrid): Rational {
  return grid.width.div(Rational.of(2));
}

/** The centre $c(x)$ of the box cell holding `x ∈ [a,b]^m`, coordinate by coordinate. */
export function centreOf(grid: AxisGrid, x: readonly Rational[]): Rational[] {
  return x.map((xi) => cellCentre(grid, cellIndexOf(grid, xi)));
}

/** $\|x - y\|_\infty$. */
export function supDistance(x: readonly Rational[], y: readonly Rational[]): Rational {
  return x.reduce((m, xi, i) => {
    const d = xi.sub(y[i]!).abs();
    return m.lt(d) ? d : m;
  }, Rational.ZERO);
}

/**
 * The distance from `x` to the nearest interior grid point $x_1, \dots, x_{N-1}$; `undefined` when
 * `N = 1` (there is none).
 */
export function distanceToInteriorGrid(grid: AxisGrid, x: Rational): Rational | undefined {
  if (grid.cells < 2) return undefined;
  const below = floorOf(x.sub(grid.a).div(grid.width));
  const candidates = [below, below + 1n]
    .map((k) => (k < 1n ? 1 : k > BigInt(grid.cells - 1) ? grid.cells - 1 : Number(k)))
    .map((k) => x.sub(gridPoint(grid, k)).abs());
  return candidates[0]!.lt(candidates[1]!) ? candidates[0]! : candidates[1]!;
}
