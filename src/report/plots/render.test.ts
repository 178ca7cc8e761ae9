/** One small Vega-Lite specification rendered to SVG for real, server-side, twice to the same bytes. */
import { View } from 'vega';
import { describe, expect, it, vi } from 'vitest';
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

  it('finalises its view (timers and listeners released), also when rendering fails', async () => {
    const finalize = vi.spyOn(View.prototype, 'finalize');
    const toSVG = vi.spyOn(View.prototype, 'toSVG');
    try {
      await renderVegaLite({ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } });
      expect(finalize).toHaveBeenCalledTimes(1);
      toSVG.mockRejectedValueOnce(new Error('no SVG'));
      await expect(renderVegaLite({ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } })).rejects.toThrow('no SVG');
      expect(finalize).toHaveBeenCalledTimes(2);
    } finally {
      finalize.mockRestore();
      toSVG.mockRestore();
    }
  });
});
