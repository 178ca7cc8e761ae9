/**
 * Writing the report files, fast: a one-lemma fixture repository, the plots and the graph stubbed
 * (their rendering is tested in `render.test.ts` and the end-to-end `report.test.ts`). Every file
 * is written with what its renderer gives; the previous report is replaced all together or not at
 * all; plots no longer drawn are removed; timings go to `timings.json` alone.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { recordOutcome, type CampaignOutcome } from '../verify/campaign.ts';
import { generateReport, reportFor } from './generate.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { reportSchemaText } from './schema.ts';

const plot = { id: 'drawn', title: 'A plot', caption: 'Its caption.', svg: '<svg id="drawn-plot"/>' };
vi.mock('./plots/index.ts', () => ({ allPlots: () => Promise.resolve({ plots: [plot], omitted: ['another plot: its builder failed (boom)'] }) }));
vi.mock('./graph.ts', () => ({ dependencySvg: () => Promise.resolve('<svg id="graph"/>') }));

const root = mkdtempSync(path.join(tmpdir(), 'uat-generate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'proof'));
writeFileSync(
  path.join(root, 'proof', 'tiny.ts'),
  ["/** $x \\le x$. */\nexport const same = defineClaim({ id: 'same' });", "/** Lemma tiny. */\nexport const tiny = defineLemma({ id: 'tiny', uses: [], claims: [same] });"].join('\n'),
);
const runDir = path.join(root, 'runs');
const outcome: CampaignOutcome = {
  lemma: 'tiny',
  claim: 'same',
  kind: 'claim',
  domain: 'x ∈ [0, 1]',
  status: 'holds on samples',
  probes: 2,
  counts: { holds: 2, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 },
  worst: undefined,
  counterexample: undefined,
  firstUndecided: undefined,
  boxProof: undefined,
  seed: 3,
  runs: 2,
  timeMs: 41.5,
  decidedBy: { 'double-double': 2, decimal: 0 },
};
recordOutcome(outcome, runDir);
recordOutcome({ ...outcome, claim: 'same-halved', kind: 'planted', status: 'not shown', timeMs: 2.49 }, runDir);

const FILES = ['REPORT.md', 'report.html', 'report.json', 'report.schema.json', 'dependencies.svg', 'timings.json'];
const read = (dir: string, f: string): string => readFileSync(path.join(dir, f), 'utf8');
const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('.tmp-'));

describe('reportFor', () => {
  it('joins the registry and the outcomes, and keeps the campaign times apart', () => {
    const { report, timings } = reportFor(root, runDir);
    expect(report.lemmas.map((l) => [l.id, l.claims.map((c) => [c.id, c.status]), l.planted.map((p) => p.id)])).toEqual([['tiny', [['same', 'holds on samples']], ['same-halved']]]);
    expect(timings).toEqual({
      note: 'Wall-clock time of each campaign in this run (milliseconds). Kept out of report.json, REPORT.md and report.html so that those are the same bytes for the same seed.',
      campaigns: [
        { lemma: 'tiny', kind: 'claim', claim: 'same', timeMs: 42 },
        { lemma: 'tiny', kind: 'planted', claim: 'same-halved', timeMs: 2 },
      ],
    });
  });
});

describe('generateReport', () => {
  it('writes every file from the renderers, the plots beside them, and removes plots no longer drawn', async () => {
    const out = path.join(root, 'fresh', 'reports');
    mkdirSync(path.join(out, 'plots'), { recursive: true });
    writeFileSync(path.join(out, 'plots', 'stale.svg'), 'an old plot');
    writeFileSync(path.join(out, 'REPORT.md'), 'previous');
    const report = await generateReport({ root, runDir, outDir: out });
    const { report: expected, timings } = reportFor(root, runDir);
    expect(report).toEqual(expected);
    expect(read(out, 'report.json')).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(read(out, 'report.schema.json')).toBe(reportSchemaText());
    expect(read(out, 'dependencies.svg')).toBe('<svg id="graph"/>');
    expect(read(out, 'REPORT.md')).toBe(renderMarkdown(expected, [plot], new Map([['drawn', 'plots/drawn.svg']]), ['another plot: its builder failed (boom)']));
    expect(read(out, 'REPORT.md')).toContain('![A plot](plots/drawn.svg)');
    expect(read(out, 'report.html')).toBe(renderHtml(expected, '<svg id="graph"/>', [plot], ['another plot: its builder failed (boom)']));
    expect(read(out, 'timings.json')).toBe(`${JSON.stringify(timings, null, 2)}\n`);
    expect(readdirSync(path.join(out, 'plots'))).toEqual(['drawn.svg']);
    expect(read(out, 'plots/drawn.svg')).toBe('<svg id="drawn-plot"/>');
    expect(readdirSync(out).sort()).toEqual([...FILES, 'plots'].sort());
  });

  it('gives the same bytes twice', async () => {
    const a = path.join(root, 'twice-a');
    const b = path.join(root, 'twice-b');
    await generateReport({ root, runDir, outDir: a });
    await generateReport({ root, runDir, outDir: b });
    for (const f of [...FILES, 'plots/drawn.svg']) expect(read(b, f), f).toBe(read(a, f));
  });

  it('replaces a whole previous report, plots included', async () => {
    const out = path.join(root, 'again');
    await generateReport({ root, runDir, outDir: out });
    for (const f of [...FILES, 'plots/drawn.svg']) writeFileSync(path.join(out, f), 'previous');
    await generateReport({ root, runDir, outDir: out });
    expect(read(out, 'dependencies.svg')).toBe('<svg id="graph"/>');
    expect(read(out, 'plots/drawn.svg')).toBe('<svg id="drawn-plot"/>');
    for (const f of FILES) expect(read(out, f), f).not.toBe('previous');
    expect(leftovers(out)).toEqual([]);
  });

  it('replaces nothing when a target is not a file, and says which', async () => {
    const out = path.join(root, 'not-a-file');
    mkdirSync(path.join(out, 'report.html'), { recursive: true });
    writeFileSync(path.join(out, 'REPORT.md'), 'previous');
    await expect(generateReport({ root, runDir, outDir: out })).rejects.toThrow(`cannot replace ${path.join(out, 'report.html')}: it exists and is not a file`);
    expect(read(out, 'REPORT.md')).toBe('previous');
    expect(readdirSync(out).sort()).toEqual(['REPORT.md', 'report.html']);
  });

  it('puts back every file already moved when a move fails midway', async () => {
    const out = path.join(root, 'midway');
    mkdirSync(out);
    writeFileSync(path.join(out, 'REPORT.md'), 'previous report');
    writeFileSync(path.join(out, 'timings.json'), 'previous timings');
    writeFileSync(path.join(out, 'plots'), 'a file where the plots directory should be'); // plots/drawn.svg, moved last, fails
    await expect(generateReport({ root, runDir, outDir: out })).rejects.toThrow();
    expect(readdirSync(out).sort()).toEqual(['REPORT.md', 'plots', 'timings.json']);
    expect(read(out, 'REPORT.md')).toBe('previous report');
    expect(read(out, 'timings.json')).toBe('previous timings');
    expect(leftovers(out)).toEqual([]);
  });

  it('clears a temporary directory left by an earlier run of the same process', async () => {
    const out = path.join(root, 'leftover');
    mkdirSync(path.join(out, `.tmp-${process.pid}`, 'plots'), { recursive: true });
    writeFileSync(path.join(out, `.tmp-${process.pid}`, 'plots', 'junk.svg'), 'junk');
    await generateReport({ root, runDir, outDir: out });
    expect(leftovers(out)).toEqual([]);
    expect(readdirSync(path.join(out, 'plots'))).toEqual(['drawn.svg']);
    expect(existsSync(path.join(out, 'REPORT.md'))).toBe(true);
  });
});
