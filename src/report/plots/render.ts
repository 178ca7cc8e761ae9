/**
 * Renders a Vega-Lite specification to SVG server-side: compiled by `vega-lite`, rendered by a
 * headless `vega` View (`renderer: 'none'`, `toSVG()`), no browser and no canvas. Text widths are
 * estimated by vega, so the output depends only on the specification (the same data gives the same
 * bytes).
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A Vega-Lite specification rendered to a standalone SVG document. */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The common look of every plot. */
export const PLOT_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 400 },
  title: { fontSize: 13 },
} as const;

/** A plot for the report: a title, the SVG, and a sentence saying what it shows and how it was computed. */
export interface Plot {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly svg: string;
}
