/**
 * The plots' data and Vega-Lite specifications, without rendering (the renderer is stubbed and the
 * specification it receives is checked; `render.test.ts` renders one small specification for real).
 * The plotted values are checked against the mathematics: hats that are 1 at their own node and 0 at
 * the others, a sum of 1 on $[a, b]$ only, the softmax error $3e^{-\lambda/2}/(1 + 3e^{-\lambda/2})$ of the
 * tight family under its bound $3e^{-\lambda/2}$, the sampled approximation error under $L\delta/2$. The
 * theorem's constructions are stubbed (the real ones take seconds each; `src/transformer/` tests them).
 */
import type { Decimal } from 'decimal.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExactDecimal } from '../../arith/context.ts';
import { ConstructionRefused } from '../../transformer/ridge-decomposition.ts';
import { midpoint, rationalToNumber } from './numbers.ts';
import { approximantPoints, APPROXIMANT_CELLS, ERROR_CELLS, errorPoints, gridsText, piecewiseConstantPlot } from './piecewise-constant.ts';
import { HAT_PLOT_CELLS, hatPoints, reluHatsPlot } from './relu-hats.ts';
import { PLOT_CONFIG } from './render.ts';
import { plotTemperatures, SOFTMAX_PLOT_SCORES, softmaxErrorPlot, softmaxErrorPoints } from './softmax-error.ts';
import { resourcePoints, theoremResourcesPlot } from './theorem-resources.ts';
import { Rational } from '../../arith/rational.ts';
import { arithAt } from '../../arith/interval.ts';

const specs: unknown[] = [];
// Stubbed whole (not loading vega): the plots must pass render.ts's PLOT_CONFIG through.
vi.mock('./render.ts', () => ({
  PLOT_CONFIG: { font: 'stub' },
  renderVegaLite: (spec: unknown) => {
    specs.push(spec);
    return Promise.resolve(`<svg id="spec-${specs.length}"/>`);
  },
}));

/** The stubbed constructions: one case study per behaviour (built, refused, over budget, failing). */
const construct = vi.fn();
vi.mock('../../transformer/construct.ts', () => ({ constructTransformer: (...args: unknown[]) => construct(...args) }));
vi.mock('../../transformer/model.ts', () => ({ parameterCount: (w: { total: number }) => ({ total: w.total, nonZero: 0 }) }));
vi.mock('../../transformer/resources.ts', () => ({
  CASE_STUDIES: [
    { name: 'built', target: () => 'built' },
    { name: 'refused', target: () => 'refused' },
  ],
  DEFAULT_EPSILONS: ['0.2', '0.1'],
}));
const built = (width: number, total: number, lambda: string, ledger: string) => ({ width, weights: { total }, lambda: new ExactDecimal(lambda), ledger: { total: new ExactDecimal(ledger) } });
const lastSpec = (): Record<string, unknown> => specs[specs.length - 1] as Record<string, unknown>;

beforeEach(() => {
  specs.length = 0;
  construct.mockReset();
  construct.mockImplementation((target: string, e: Decimal) => {
    if (target === 'refused') throw new ConstructionRefused(target, 'too wide');
    return e.eq('0.2') ? built(10, 126, '4.39', '0.08') : built(18, 182, '5.08', '0.05');
  });
});

describe('numbers for plotting', () => {
  it('converts a rational and the midpoint of an enclosure to floats', () => {
    expect(rationalToNumber(Rational.of(1, 4))).toBe(0.25);
    expect(rationalToNumber(Rational.of(-3, 2))).toBe(-1.5);
    expect(midpoint(arithAt(20).hull(arithAt(20).point(new ExactDecimal('0.5')), arithAt(20).point(new ExactDecimal('1.5'))))).toBe(1);
  });
});

describe('ReLU hats', () => {
  it('are 1 at their own node and 0 at the others, and sum to 1 on [0, 1] only', () => {
    const points = hatPoints();
    expect(points).toHaveLength(161 * (HAT_PLOT_CELLS + 2));
    const at = (x: number, series: string) => points.find((p) => p.x === x && p.series === series)!.value;
    for (let k = 0; k <= HAT_PLOT_CELLS; k++) {
      for (let j = 0; j <= HAT_PLOT_CELLS; j++) expect(at(j / 4, `φ${k}`), `φ${k}(${j}/4)`).toBe(j === k ? 1 : 0);
    }
    expect(at(0.125, 'φ0')).toBe(0.5);
    expect(at(0.125, 'φ1')).toBe(0.5);
    for (const x of [0, 0.1, 0.375, 0.8, 1]) expect(at(x, 'Σ φk'), `sum at ${x}`).toBeCloseTo(1, 12);
    expect(at(-0.5, 'Σ φk')).toBe(0);
    expect(at(-0.125, 'Σ φk')).toBe(0.5);
    expect(at(1.5, 'Σ φk')).toBe(0);
    expect(points[0]).toEqual({ x: -0.5, series: 'φ0', value: 0 });
    expect(points[points.length - 1]).toEqual({ x: 1.5, series: 'Σ φk', value: 0 });
  });

  it('are drawn as lines on [−0.5, 1.5], the sum thicker', async () => {
    const plot = await reluHatsPlot();
    expect(plot).toMatchObject({ id: 'relu-hats', title: 'ReLU hats and their sum', svg: '<svg id="spec-1"/>' });
    expect(plot.caption).toContain('The hats $\\varphi_0, \\dots, \\varphi_4$ on $[0, 1]$ ($h = 1/4$)');
    const spec = lastSpec();
    expect(spec).toMatchObject({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 520, height: 240, config: PLOT_CONFIG, mark: { type: 'line' } });
    expect((spec.data as { values: unknown[] }).values).toEqual(hatPoints());
    expect(spec.encoding).toEqual({
      x: { field: 'x', type: 'quantitative', title: 'x', scale: { domain: [-0.5, 1.5] } },
      y: { field: 'value', type: 'quantitative', title: 'φk(x) and Σk φk(x)' },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'right' } },
      strokeWidth: { condition: { test: "datum.series === 'Σ φk'", value: 3 }, value: 1.5 },
    });
  });
});

describe('softmax error', () => {
  it('takes λ = 10^(k/8) from 0.1 to 100', () => {
    const ts = plotTemperatures();
    expect(ts).toHaveLength(25);
    expect([ts[0], ts[1], ts[8], ts[12], ts[24]]).toEqual(['0.100000', '0.133352', '1.00000', '3.16228', '100.000']);
  });

  it('is the error of each score vector under the bound (n − 1)e^(−λΔ), which the tight family approaches', () => {
    const points = softmaxErrorPoints();
    expect(points).toHaveLength(3 * 25);
    expect(SOFTMAX_PLOT_SCORES.map((s) => s.label)).toEqual(['z = (1, 0.5, 0.5, 0.5), tight', 'z = (1, 0.5, 0, −1)']);
    const at = (lambda: number, prefix: string) => points.find((p) => p.lambda === lambda && p.series.startsWith(prefix))!.value;
    for (const lambda of [0.1, 1, 3.16228, 100]) {
      const bound = 3 * Math.exp(-lambda / 2);
      expect(at(lambda, 'bound (n − 1)e^(−λΔ)') / bound).toBeCloseTo(1, 12);
      expect(at(lambda, 'error 1 − p*, z = (1, 0.5, 0.5, 0.5)') / (bound / (1 + bound))).toBeCloseTo(1, 12);
      const spread = Math.exp(-lambda / 2) + Math.exp(-lambda) + Math.exp(-2 * lambda);
      expect(at(lambda, 'error 1 − p*, z = (1, 0.5, 0, −1)') / (spread / (1 + spread))).toBeCloseTo(1, 12);
    }
    expect(points.filter((p) => p.series.startsWith('bound')).map((p) => p.lambda)).toEqual(plotTemperatures().map(Number));
  });

  it('is drawn on log scales above the ratio error/bound', async () => {
    const plot = await softmaxErrorPlot();
    expect(plot).toMatchObject({ id: 'softmax-error', title: 'Softmax hard-max error against the temperature' });
    expect(plot.caption).toContain('Bottom: their ratio. On the tight family the ratio tends to 1 as $\\lambda$ grows');
    const spec = lastSpec() as { vconcat: { data: { values: { lambda: number; series: string; value?: number; ratio?: number }[] }; encoding: Record<string, unknown>; mark: unknown; height: number }[] };
    expect(spec).toMatchObject({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: PLOT_CONFIG });
    const [top, bottom] = spec.vconcat;
    // the points themselves are checked above; here, that all 75 are drawn, errors first, then the bound
    expect(top!.data.values).toHaveLength(75);
    expect(top!.data.values[0]).toMatchObject({ lambda: 0.1, series: 'error 1 − p*, z = (1, 0.5, 0.5, 0.5), tight' });
    expect(top!.data.values[0]!.value! / (3 * Math.exp(-0.05) / (1 + 3 * Math.exp(-0.05)))).toBeCloseTo(1, 12);
    expect(top!.data.values[74]).toMatchObject({ lambda: 100, series: 'bound (n − 1)e^(−λΔ)' });
    expect(top!.data.values[74]!.value! / (3 * Math.exp(-50))).toBeCloseTo(1, 12);
    expect(top!.encoding).toMatchObject({
      x: { field: 'lambda', type: 'quantitative', scale: { type: 'log' }, title: 'temperature λ' },
      y: { field: 'value', scale: { type: 'log' } },
      strokeDash: { field: 'series', type: 'nominal', title: null },
    });
    const x = { field: 'lambda', type: 'quantitative', scale: { type: 'log' }, title: 'temperature λ' };
    const color = { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 1 } };
    expect(top!.encoding).toEqual({
      x,
      y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: '‖softmax(λz) − e_i*‖∞ and the bound' },
      color,
      strokeDash: { field: 'series', type: 'nominal', title: null },
    });
    expect(bottom!.encoding).toEqual({ x, y: { field: 'ratio', type: 'quantitative', scale: { domain: [0, 1] }, title: 'error / bound' }, color });
    expect([top!.mark, bottom!.mark]).toEqual([
      { type: 'line', point: { size: 18 } },
      { type: 'line', point: { size: 18 } },
    ]);
    expect(bottom!.data.values).toHaveLength(50);
    const tight = bottom!.data.values.filter((p) => p.series.includes('tight'));
    expect(tight.map((p) => p.lambda)).toEqual(plotTemperatures().map(Number));
    for (const p of tight) expect(p.ratio! * (1 + 3 * Math.exp(-p.lambda / 2))).toBeCloseTo(1, 10); // ratio = 1/(1 + bound)
    expect(tight[24]!.ratio).toBeGreaterThan(0.999);
  });
});

describe('piecewise-constant approximant', () => {
  it('is f = sin(3x) and its value at the centre of each of 5 cells', () => {
    const points = approximantPoints();
    expect(points).toHaveLength(402);
    const f = points.filter((p) => p.series === 'f(x) = sin(3x)');
    const bar = points.filter((p) => p.series === `f̄(x) = f(c(x)), N = ${APPROXIMANT_CELLS}`);
    expect(f.map((p) => p.x)).toEqual(Array.from({ length: 201 }, (_, i) => i / 200));
    for (const p of f) expect(p.value).toBeCloseTo(Math.sin(3 * p.x), 14);
    expect(bar).toHaveLength(201);
    for (const p of bar) {
      const centre = (Math.min(Math.floor(p.x * 5), 4) + 0.5) / 5;
      expect(p.value, `f̄(${p.x})`).toBeCloseTo(Math.sin(3 * centre), 14);
    }
  });

  it('has a sampled error under the bound Lδ/2, and close to it on finer grids', () => {
    expect(ERROR_CELLS).toEqual([1, 2, 4, 8, 16, 32, 64]);
    const cells = [1, 2, 4, 8]; // the plot goes on to 64: seconds more of the same
    const points = errorPoints(cells);
    expect(points).toHaveLength(8);
    for (const [i, N] of cells.entries()) {
      const error = points[2 * i]!;
      const bound = points[2 * i + 1]!;
      expect(error).toMatchObject({ delta: 1 / N, series: 'max sampled |f − f̄|' });
      expect(bound).toEqual({ delta: 1 / N, series: 'bound Lδ/2', value: 1.5 / N });
      expect(error.value).toBeLessThanOrEqual(bound.value);
    }
    expect(points[0]!.value).toBeCloseTo(Math.sin(1.5), 14); // N = 1: |sin 0 − sin 1.5| at x = 0
    expect(points[2]!.value).toBeCloseTo(Math.sin(0.75), 14); // N = 2: |sin 0 − sin(3 · 0.25)| at x = 0
    expect(points[6]!.value / points[7]!.value).toBeGreaterThan(0.99);
  });

  it('writes its grids in the caption: all when four or fewer, else the first three and the last', () => {
    expect(gridsText(ERROR_CELLS)).toBe('1, 2, 4, \\dots, 64');
    expect(gridsText([1, 2, 4, 8, 16])).toBe('1, 2, 4, \\dots, 16');
    expect(gridsText([1, 2, 4, 8])).toBe('1, 2, 4, 8');
    expect(gridsText([3])).toBe('3');
  });

  it('is drawn side by side: f and its steps, the error on log scales', async () => {
    const plot = await piecewiseConstantPlot([1, 2, 4, 8]); // the report's grids go on to 64: seconds more of the same
    expect(plot).toMatchObject({ id: 'piecewise-constant', title: 'A target, its piecewise-constant approximant, and the error against δ' });
    expect(plot.caption).toContain('with $N = 5$ cells');
    expect(plot.caption).toContain('over 6 sample points per cell, for $N = 1, 2, 4, 8$, against the bound');
    expect(plot.caption).toContain('at 30 digits');
    const spec = lastSpec() as { hconcat: { data: { values: unknown[] }; layer?: { transform: unknown[]; mark: unknown }[]; encoding: Record<string, unknown> }[]; resolve: unknown };
    const [left, right] = spec.hconcat;
    expect(left!.data.values).toHaveLength(402);
    expect(left!.data.values.slice(0, 2)).toEqual([
      { x: 0, series: 'f(x) = sin(3x)', value: 0 },
      { x: 0, series: 'f̄(x) = f(c(x)), N = 5', value: expect.closeTo(Math.sin(0.3), 14) as number },
    ]);
    expect(left!.layer).toEqual([
      { transform: [{ filter: "indexof(datum.series, 'f̄') < 0" }], mark: { type: 'line', strokeWidth: 2 } },
      { transform: [{ filter: "indexof(datum.series, 'f̄') >= 0" }], mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 } },
    ]);
    expect(right!.data.values).toHaveLength(8);
    expect(right!.data.values[0]).toMatchObject({ delta: 1, series: 'max sampled |f − f̄|' });
    expect((right!.data.values[0] as { value: number }).value).toBeCloseTo(Math.sin(1.5), 14);
    expect(right!.data.values[7]).toEqual({ delta: 1 / 8, series: 'bound Lδ/2', value: 1.5 / 8 });
    expect(spec).toMatchObject({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: PLOT_CONFIG });
    expect(left!.encoding).toEqual({
      x: { field: 'x', type: 'quantitative', title: 'x' },
      y: { field: 'value', type: 'quantitative', title: 'f and its approximant' },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 1 } },
    });
    expect(right).toMatchObject({ width: 260, height: 220, mark: { type: 'line', point: { size: 20 } } });
    expect(right!.encoding).toEqual({
      x: { field: 'delta', type: 'quantitative', scale: { type: 'log' }, title: 'cell width δ' },
      y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: 'error' },
      color: { field: 'series', type: 'nominal', title: null, scale: { range: ['#e45756', '#54a24b'] }, legend: { orient: 'bottom', columns: 1 } },
    });
    expect(spec.resolve).toEqual({ scale: { color: 'independent' } });
  });
});

describe("the theorem's resources", () => {
  it('reads each construction’s width, parameters, λ and ledger, and names the refused ones', () => {
    expect(resourcePoints()).toEqual({
      points: [
        { caseStudy: 'built', epsilon: 0.2, width: 10, parameters: 126, lambda: 4.39, ledgerBound: 0.08 },
        { caseStudy: 'built', epsilon: 0.1, width: 18, parameters: 182, lambda: 5.08, ledgerBound: 0.05 },
      ],
      refused: ['refused at ε = 0.2', 'refused at ε = 0.1'],
    });
    expect(construct.mock.calls.map(([t, e]) => [t, (e as Decimal).toString()])).toEqual([
      ['built', '0.2'],
      ['built', '0.1'],
      ['refused', '0.2'],
      ['refused', '0.1'],
    ]);
  });

  it('lets a failure other than a refusal through', () => {
    construct.mockImplementation(() => {
      throw new Error('a bug');
    });
    expect(() => resourcePoints()).toThrow('a bug');
  });

  it('says what the ledgers prove, read from the points, and names the refused constructions', async () => {
    const plot = await theoremResourcesPlot();
    expect(plot).toMatchObject({ id: 'theorem-resources', title: "The theorem's resources against ε" });
    expect(plot.caption).toContain('$\\varepsilon \\in \\{0.2, 0.1\\}$');
    expect(plot.caption).toContain("weights. Each of the 2 constructions' ledgers proves a sup error $\\le \\varepsilon$. Refused constructions, left out: refused at ε = 0.2; refused at ε = 0.1.");
    construct.mockImplementation((target: string, e: Decimal) => (e.eq('0.2') ? built(1, 2, '3', '0.3') : built(1, 2, '3', '0.1')));
    const over = await theoremResourcesPlot();
    expect(over.caption.endsWith("read from the construction's weights. The ledger bound exceeds $\\varepsilon$ for built at ε = 0.2; refused at ε = 0.2.")).toBe(true);
  });

  it('draws width, parameters and λ against ε, reversed log scale, one colour per case study', async () => {
    await theoremResourcesPlot();
    const spec = lastSpec() as { data: { values: unknown[] }; hconcat: { encoding: { x: unknown; y: unknown; color: unknown } }[] };
    expect(spec.data.values).toEqual(resourcePoints().points);
    expect(spec.hconcat.map((p) => p.encoding.y)).toEqual([
      { field: 'width', type: 'quantitative', title: 'FFN hidden units', scale: { type: 'log' } },
      { field: 'parameters', type: 'quantitative', title: 'parameters', scale: { type: 'log' } },
      { field: 'lambda', type: 'quantitative', title: 'temperature λ' },
    ]);
    expect(spec.hconcat[0]!.encoding.x).toEqual({ field: 'epsilon', type: 'quantitative', scale: { type: 'log', reverse: true }, title: 'accuracy ε', axis: { values: [0.2, 0.1] } });
    expect(spec.hconcat.map((p) => (p as unknown as { mark: unknown }).mark)).toEqual(Array.from({ length: 3 }, () => ({ type: 'line', point: { size: 24 } })));
    expect(spec.hconcat[0]!.encoding.color).toEqual({ field: 'caseStudy', type: 'nominal', title: 'target F', legend: { orient: 'bottom', columns: 2 } });
  });
});
