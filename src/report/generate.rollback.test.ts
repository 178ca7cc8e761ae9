/**
 * The roll-back of `generateReport` when a move fails before the last file (made to fail by a
 * stubbed `renameSync`, which a real file system rarely does midway): the files already placed are
 * removed and the previous ones put back, and the files not reached yet are left as they were.
 */
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/** When set, `renameSync` throws for a source path ending so. */
const failing = { suffix: undefined as string | undefined };
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (failing.suffix !== undefined && String(from).endsWith(failing.suffix)) throw new Error(`cannot move ${String(from)}`);
      real.renameSync(from, to);
    },
  };
});
vi.mock('./plots/index.ts', () => ({ allPlots: () => Promise.resolve({ plots: [{ id: 'drawn', title: 'A plot', caption: 'Its caption.', svg: '<svg/>' }], omitted: [] }) }));
vi.mock('./graph.ts', () => ({ dependencySvg: () => Promise.resolve('<svg id="graph"/>') }));
const { generateReport } = await import('./generate.ts');

const root = mkdtempSync(path.join(tmpdir(), 'uat-generate-rollback-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'proof'));
writeFileSync(path.join(root, 'proof', 'tiny.ts'), "/** Lemma tiny. */\nexport const tiny = defineLemma({ id: 'tiny', uses: [], claims: [] });\n");

describe('generateReport, a move failing midway', () => {
  it('removes what it placed, puts back what it set aside, and leaves the files not reached yet', async () => {
    const out = path.join(root, 'out');
    mkdirSync(path.join(out, 'plots'), { recursive: true });
    // moved in this order: report.json, report.schema.json, dependencies.svg, REPORT.md (fails), report.html, timings.json, plots/drawn.svg
    const previous = ['report.json', 'REPORT.md', 'report.html', 'timings.json', 'plots/drawn.svg'];
    for (const f of previous) writeFileSync(path.join(out, f), `previous ${f}`);
    failing.suffix = `${path.sep}REPORT.md`;
    try {
      await expect(generateReport({ root, runDir: path.join(root, 'runs'), outDir: out })).rejects.toThrow('cannot move');
    } finally {
      failing.suffix = undefined;
    }
    for (const f of previous) expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(`previous ${f}`);
    expect(readdirSync(out).sort()).toEqual(['REPORT.md', 'plots', 'report.html', 'report.json', 'timings.json']);
  });
});
