/**
 * Every plot is drawn once per process, in report order; a plot whose builder throws is left out
 * and named with the error, instead of losing the whole report. The builders are stubbed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fail = { softmax: undefined as unknown, hats: undefined as unknown };
const calls: string[] = [];
const stub = (id: string, key?: keyof typeof fail) => () => {
  calls.push(id);
  if (key !== undefined && fail[key] !== undefined) return Promise.reject(fail[key]);
  return Promise.resolve({ id, title: id, caption: '', svg: `<svg id="${id}"/>` });
};
vi.mock('./softmax-error.ts', () => ({ softmaxErrorPlot: stub('softmax-error', 'softmax') }));
vi.mock('./relu-hats.ts', () => ({ reluHatsPlot: stub('relu-hats', 'hats') }));
vi.mock('./piecewise-constant.ts', () => ({ piecewiseConstantPlot: stub('piecewise-constant') }));
vi.mock('./theorem-resources.ts', () => ({ theoremResourcesPlot: stub('theorem-resources') }));

beforeEach(() => {
  vi.resetModules(); // a fresh module: allPlots draws once per module instance
  fail.softmax = undefined;
  fail.hats = undefined;
  calls.length = 0;
});

describe('allPlots', () => {
  it('draws every plot once, in report order, and names what each builder shows', async () => {
    const { allPlots, PLOT_BUILDERS } = await import('./index.ts');
    expect(PLOT_BUILDERS.map((b) => b.name)).toEqual(['softmax error against λ', 'ReLU hats and their sum', 'piecewise-constant approximant and error against δ', "the theorem's resources against ε"]);
    const first = await allPlots();
    expect(first.plots.map((p) => p.id)).toEqual(['softmax-error', 'relu-hats', 'piecewise-constant', 'theorem-resources']);
    expect(first.omitted).toEqual([]);
    expect(await allPlots()).toBe(first);
    expect(calls).toEqual(['softmax-error', 'relu-hats', 'piecewise-constant', 'theorem-resources']);
  });

  it('leaves out a plot whose builder throws, naming it and the error, and draws the others', async () => {
    fail.softmax = new Error('vega broke');
    fail.hats = 'not an Error';
    const { allPlots } = await import('./index.ts');
    const { plots, omitted } = await allPlots();
    expect(plots.map((p) => p.id)).toEqual(['piecewise-constant', 'theorem-resources']);
    expect(omitted).toEqual(['softmax error against λ: its builder failed (vega broke)', 'ReLU hats and their sum: its builder failed (not an Error)']);
  });
});
