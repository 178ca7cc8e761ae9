/** One small Vega-Lite specification rendered to SVG for real, server-side, twice to the same bytes. */
import { describe, expect, it } from 'vitest';
import { PLOT_CONFIG, renderVegaLite } from './render.ts';

describe('renderVegaLite', () => {
  it('renders a specification to a standalone SVG with its data, the same bytes every time', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 100,
      height: 50,
      config: PLOT_CONFIG,
      data: { values: [{ x: 1, y: 2 }, { x: 2, y: 4 }] },
      mark: 'line',
      encoding: { x: { field: 'x', type: 'quantitative', title: 'the x axis' }, y: { field: 'y', type: 'quantitative' } },
    } as const;
    const svg = await renderVegaLite(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>the x axis</text>');
    expect(svg).toContain('font-family="Helvetica, Arial, sans-serif"');
    expect(svg).toContain('font-size="12px"'); // the axis title size of PLOT_CONFIG
    expect(await renderVegaLite(spec)).toBe(svg);
  });
});
