/**
 * Plot: a target $f(x) = \sin(3x)$ on $[0, 1]$ with its piecewise-constant approximant
 * $\bar f(x) = f(c(x))$ for $N = 5$ cells, and the error $\max |f - \bar f|$ against the cell width
 * $\delta$ with the bound $L\delta/2$ of claim piecewise-constant/lipschitz. The target is the library's
 * `sin` family, the cells and centres come from `src/piecewise/grid.ts`, the error from
 * `approximationError` (`src/piecewise/approximant.ts`), in interval arithmetic at 30 digits. The
 * plotted error is the largest over sample points (a lower estimate of the supremum; the claim's
 * campaign is the evidence, not this plot).
 */
import { ExactDecimal } from '../../arith/context.ts';
import { arithAt } from '../../arith/interval.ts';
import { Rational } from '../../arith/rational.ts';
import { approximationError, targetAt } from '../../piecewise/approximant.ts';
import { axisGrid, centreOf } from '../../piecewise/grid.ts';
import { libraryTarget } from '../../targets/library.ts';
import { midpoint, rationalToNumber } from './numbers.ts';
import { type Plot, PLOT_CONFIG, renderVegaLite } from './render.ts';

const PLOT_PRECISION = 30;
/** The target's frequency: $f(x) = \sin(kx)$, Lipschitz with $L = k$. */
const FREQUENCY = '3';
/** Cells of the approximant drawn in the top panel. */
export const APPROXIMANT_CELLS = 5;
/** Grids of the error panel: N = 1, 2, 4, …, 64. */
export const ERROR_CELLS: readonly number[] = [1, 2, 4, 8, 16, 32, 64];
/** Sample points per cell in the error panel. */
const SAMPLES_PER_CELL = 6;

function target() {
  return libraryTarget({ family: 'sin', k: FREQUENCY }, ['x']);
}

/** f and f̄ at 201 points of [0, 1]. */
export function approximantPoints(): { x: number; series: string; value: number }[] {
  const A = arithAt(PLOT_PRECISION);
  const f = target();
  const grid = axisGrid(Rational.ZERO, Rational.ONE, APPROXIMANT_CELLS);
  const out: { x: number; series: string; value: number }[] = [];
  for (let i = 0; i <= 200; i++) {
    const x = [Rational.of(i, 200)];
    out.push({ x: i / 200, series: 'f(x) = sin(3x)', value: midpoint(targetAt(f, x, A)) });
    out.push({ x: i / 200, series: `f̄(x) = f(c(x)), N = ${APPROXIMANT_CELLS}`, value: midpoint(targetAt(f, centreOf(grid, x), A)) });
  }
  return out;
}

/** For each N of `cells`: δ, the largest sampled error (upper ends of the enclosures), and the bound Lδ/2. */
export function errorPoints(cells: readonly number[] = ERROR_CELLS): { delta: number; series: string; value: number }[] {
  const A = arithAt(PLOT_PRECISION);
  const f = target();
  const L = new ExactDecimal(FREQUENCY);
  const out: { delta: number; series: string; value: number }[] = [];
  for (const N of cells) {
    const grid = axisGrid(Rational.ZERO, Rational.ONE, N);
    let worst = 0;
    for (let i = 0; i <= N * SAMPLES_PER_CELL; i++) {
      const e = approximationError(f, grid, [Rational.of(i, N * SAMPLES_PER_CELL)], A);
      worst = Math.max(worst, e.enclosure.hi.toNumber());
    }
    const delta = rationalToNumber(grid.width);
    out.push({ delta, series: 'max sampled |f − f̄|', value: worst });
    out.push({ delta, series: 'bound Lδ/2', value: L.mul(delta).div(2).toNumber() });
  }
  return out;
}

/** The grids of the error panel as the caption writes them: all when four or fewer, else `1, 2, 4, \\dots, 64`. */
export function gridsText(cells: readonly number[]): string {
  return cells.length <= 4 ? cells.join(', ') : `${cells.slice(0, 3).join(', ')}, \\dots, ${cells[cells.length - 1]}`;
}

/** The plot; the error panel on the grids `cells` (the report's: {@link ERROR_CELLS}). */
export async function piecewiseConstantPlot(cells: readonly number[] = ERROR_CELLS): Promise<Plot> {
  const svg = await renderVegaLite({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: PLOT_CONFIG,
    hconcat: [
      {
        width: 300,
        height: 220,
        data: { values: approximantPoints() },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: 'x' },
          y: { field: 'value', type: 'quantitative', title: 'f and its approximant' },
          color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 1 } },
        },
        layer: [
          { transform: [{ filter: "indexof(datum.series, 'f̄') < 0" }], mark: { type: 'line', strokeWidth: 2 } },
          { transform: [{ filter: "indexof(datum.series, 'f̄') >= 0" }], mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 } },
        ],
      },
      {
        width: 260,
        height: 220,
        data: { values: errorPoints(cells) },
        mark: { type: 'line', point: { size: 20 } },
        encoding: {
          x: { field: 'delta', type: 'quantitative', scale: { type: 'log' }, title: 'cell width δ' },
          y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: 'error' },
          color: { field: 'series', type: 'nominal', title: null, scale: { range: ['#e45756', '#54a24b'] }, legend: { orient: 'bottom', columns: 1 } },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  });
  return {
    id: 'piecewise-constant',
    title: 'A target, its piecewise-constant approximant, and the error against δ',
    caption: `Left: $f(x) = \\sin(3x)$ on $[0, 1]$ and $\\bar f(x) = f(c(x))$ with $N = ${APPROXIMANT_CELLS}$ cells. Right: the largest of $|f - \\bar f|$ over ${SAMPLES_PER_CELL} sample points per cell, for $N = ${gridsText(cells)}$, against the bound $L\\delta/2$ ($L = 3$) of claim piecewise-constant/lipschitz, computed in interval arithmetic at ${PLOT_PRECISION} digits. Sampled maxima are lower estimates of the supremum; the claim's campaign is the evidence.`,
    svg,
  };
}
