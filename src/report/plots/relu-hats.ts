/**
 * Plot: the ReLU hats $\varphi_0 \dots \varphi_N$ on $[0, 1]$ with $N = 4$ and their sum, evaluated
 * exactly (rational arithmetic) by the partition network of lemma relu-partition-of-unity
 * (`partitionNetwork` in `src/relu/hats.ts`: $N + 3$ shared ReLU units), on $[-0.5, 1.5]$, so the plot
 * also shows the sum leaving 1 outside $[a, b]$ (the hypothesis of claim sum-to-one is necessary).
 */
import { Rational } from '../../arith/rational.ts';
import { partitionNetwork, uniformGrid } from '../../relu/hats.ts';
import { evaluateExact } from '../../relu/network.ts';
import { rationalToNumber } from './numbers.ts';
import { type Plot, PLOT_CONFIG, renderVegaLite } from './render.ts';

/** Cells of the plotted grid on [0, 1]. */
export const HAT_PLOT_CELLS = 4;
/** Sample points per unit length. */
const SAMPLES_PER_UNIT = 80;

export interface HatPoint {
  readonly x: number;
  readonly series: string;
  readonly value: number;
}

/** Every hat and the sum at `x = −1/2 + i/80`, exactly, then converted for plotting. */
export function hatPoints(): HatPoint[] {
  const grid = uniformGrid(Rational.ZERO, Rational.ONE, HAT_PLOT_CELLS);
  const net = partitionNetwork(grid);
  const points: HatPoint[] = [];
  for (let i = 0; i <= 2 * SAMPLES_PER_UNIT; i++) {
    const x = Rational.of(i - SAMPLES_PER_UNIT / 2, SAMPLES_PER_UNIT);
    const hats = evaluateExact(net, [x]);
    const sum = hats.reduce((s, h) => s.add(h), Rational.ZERO);
    const xf = rationalToNumber(x);
    hats.forEach((h, k) => points.push({ x: xf, series: `φ${k}`, value: rationalToNumber(h) }));
    points.push({ x: xf, series: 'Σ φk', value: rationalToNumber(sum) });
  }
  return points;
}

export async function reluHatsPlot(): Promise<Plot> {
  const svg = await renderVegaLite({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: 240,
    config: PLOT_CONFIG,
    data: { values: hatPoints() },
    mark: { type: 'line' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'x', scale: { domain: [-0.5, 1.5] } },
      y: { field: 'value', type: 'quantitative', title: 'φk(x) and Σk φk(x)' },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'right' } },
      strokeWidth: { condition: { test: "datum.series === 'Σ φk'", value: 3 }, value: 1.5 },
    },
  });
  return {
    id: 'relu-hats',
    title: 'ReLU hats and their sum',
    caption:
      'The hats $\\varphi_0, \\dots, \\varphi_4$ on $[0, 1]$ ($h = 1/4$), each three ReLU units, and their sum, computed exactly by the partition network of lemma relu-partition-of-unity. The sum is 1 on $[a, b] = [0, 1]$ and falls off outside it: the hypothesis $x \\in [a, b]$ of claim sum-to-one is necessary.',
    svg,
  };
}
