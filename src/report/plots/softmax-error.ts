/**
 * Plot: the softmax hard-max error `1 − p_{i*} = ‖softmax(λz) − e_{i*}‖_∞` against `λ` on log scales,
 * with the bound `(n − 1)e^{−λΔ}` of claim `softmax-hardmax/linf`. Both sides are the enclosures the
 * claim itself computes (`linf.evaluate` at 30 significant digits); the plotted value is the
 * enclosure's lower end, which agrees with the upper end far beyond plotting resolution.
 */
import { arithAt } from '../../arith/interval.ts';
import { linf } from '../../../proof/softmax-hardmax.ts';
import { type Plot, PLOT_CONFIG, renderVegaLite } from './render.ts';

/** Working precision of the plotted points (significant digits). */
const PLOT_PRECISION = 30;

/** The score vectors plotted: the tight family (all non-maximal scores at the margin) and a spread one. */
export const SOFTMAX_PLOT_SCORES: readonly { readonly label: string; readonly z: readonly string[] }[] = [
  { label: 'z = (1, 0.5, 0.5, 0.5), tight', z: ['1', '0.5', '0.5', '0.5'] },
  { label: 'z = (1, 0.5, 0, −1)', z: ['1', '0.5', '0', '-1'] },
];

/** `λ = 10^{k/8}` for `k = −8 … 16` (λ from 0.1 to 100). */
export function plotTemperatures(): string[] {
  const out: string[] = [];
  for (let k = -8; k <= 16; k++) out.push((10 ** (k / 8)).toPrecision(6));
  return out;
}

export interface SoftmaxErrorPoint {
  readonly lambda: number;
  readonly series: string;
  readonly value: number;
}

/** The plotted points: the error for every score vector and temperature, and the bound. */
export function softmaxErrorPoints(): SoftmaxErrorPoint[] {
  const A = arithAt(PLOT_PRECISION);
  const points: SoftmaxErrorPoint[] = [];
  const bounds = new Map<string, number>();
  for (const { label, z } of SOFTMAX_PLOT_SCORES) {
    for (const lambda of plotTemperatures()) {
      const e = linf.evaluate(linf.parse({ z: [...z], lambda }), A);
      points.push({ lambda: Number(lambda), series: `error 1 − p*, ${label}`, value: e.lhs.lo.toNumber() });
      // Every plotted vector has n = 4 and Δ = 0.5, so they share one bound curve.
      bounds.set(lambda, e.bound.lo.toNumber());
    }
  }
  for (const [lambda, value] of bounds) points.push({ lambda: Number(lambda), series: 'bound (n − 1)e^(−λΔ)', value });
  return points;
}

export async function softmaxErrorPlot(): Promise<Plot> {
  const points = softmaxErrorPoints();
  const bound = new Map(points.filter((p) => p.series.startsWith('bound')).map((p) => [p.lambda, p.value]));
  const ratios = points
    .filter((p) => p.series.startsWith('error'))
    .map((p) => ({ lambda: p.lambda, series: p.series, ratio: p.value / bound.get(p.lambda)! }));
  const x = { field: 'lambda', type: 'quantitative', scale: { type: 'log' }, title: 'temperature λ' } as const;
  const color = { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 1 } } as const;
  const svg = await renderVegaLite({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: PLOT_CONFIG,
    vconcat: [
      {
        width: 520,
        height: 260,
        data: { values: points },
        mark: { type: 'line', point: { size: 18 } },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: '‖softmax(λz) − e_i*‖∞ and the bound' },
          color,
          strokeDash: { field: 'series', type: 'nominal', title: null },
        },
      },
      {
        width: 520,
        height: 140,
        data: { values: ratios },
        mark: { type: 'line', point: { size: 18 } },
        encoding: {
          x,
          y: { field: 'ratio', type: 'quantitative', scale: { domain: [0, 1] }, title: 'error / bound' },
          color,
        },
      },
    ],
  });
  return {
    id: 'softmax-error',
    title: 'Softmax hard-max error against the temperature',
    caption:
      'Top: the error $1 - p_{i^*}$ and the bound $(n-1)e^{-\\lambda\\Delta}$ of claim softmax-hardmax/linf for $n = 4$, $\\Delta = 0.5$ (log scales), computed by the claim itself in interval arithmetic at 30 digits. Bottom: their ratio. On the tight family the ratio tends to 1 as $\\lambda$ grows: the bound cannot be improved by a constant.',
    svg,
  };
}
