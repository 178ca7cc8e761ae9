/**
 * The report's plots, each computed by the project's own code (never typed-in data). A plot whose
 * module is not in the tree is listed in `OMITTED_PLOTS` with the reason, and the report says so.
 */
import type { Plot } from './render.ts';
import { piecewiseConstantPlot } from './piecewise-constant.ts';
import { reluHatsPlot } from './relu-hats.ts';
import { softmaxErrorPlot } from './softmax-error.ts';
import { theoremResourcesPlot } from './theorem-resources.ts';

/** Builders of every plot, in report order. */
export const PLOT_BUILDERS: readonly (() => Promise<Plot>)[] = [softmaxErrorPlot, reluHatsPlot, piecewiseConstantPlot, theoremResourcesPlot];

/** Plots the report should have but cannot draw yet, with the reason. */
export const OMITTED_PLOTS: readonly string[] = [];

export async function allPlots(): Promise<Plot[]> {
  const plots: Plot[] = [];
  for (const build of PLOT_BUILDERS) plots.push(await build());
  return plots;
}
