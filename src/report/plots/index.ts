/**
 * The report's plots, each computed by the project's own code (never typed-in data).
 */
import type { Plot } from './render.ts';
import { piecewiseConstantPlot } from './piecewise-constant.ts';
import { reluHatsPlot } from './relu-hats.ts';
import { softmaxErrorPlot } from './softmax-error.ts';
import { theoremResourcesPlot } from './theorem-resources.ts';

/** Builders of every plot, in report order, with what each shows (named when it cannot be drawn). */
export const PLOT_BUILDERS: readonly { readonly name: string; readonly build: () => Promise<Plot> }[] = [
  { name: 'softmax error against λ', build: softmaxErrorPlot },
  { name: 'ReLU hats and their sum', build: reluHatsPlot },
  { name: 'piecewise-constant approximant and error against δ', build: piecewiseConstantPlot },
  { name: "the theorem's resources against ε", build: theoremResourcesPlot },
];

export interface DrawnPlots {
  readonly plots: readonly Plot[];
  /** Plots left out, each with the reason (the error its builder threw). */
  readonly omitted: readonly string[];
}

let drawn: Promise<DrawnPlots> | undefined;

/**
 * Every plot, drawn once per process: plots depend only on the code, not on the run's outcomes, so
 * several reports generated in one process (tests) share them. A plot whose builder throws is left
 * out, and the report says so with the error, rather than losing the whole report.
 */
export function allPlots(): Promise<DrawnPlots> {
  drawn ??= (async () => {
    const plots: Plot[] = [];
    const omitted: string[] = [];
    for (const { name, build } of PLOT_BUILDERS) {
      try {
        plots.push(await build());
      } catch (e) {
        omitted.push(`${name}: its builder failed (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    return { plots, omitted };
  })();
  return drawn;
}
