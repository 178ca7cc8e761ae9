/**
 * Writes the report of one run: `REPORT.md`, `report.html`, `report.json`, `report.schema.json`,
 * `dependencies.svg`, `plots/*.svg`, and `timings.json`.
 *
 * Deterministic: everything but `timings.json` depends only on the code and the outcomes (no
 * timestamps, no timings), so the same seed gives the same bytes. Campaign times live in
 * `timings.json` alone.
 *
 * Atomic: everything is first written to a temporary directory inside the output directory
 * (`.tmp-<pid>`), then moved over the previous files, all or none ({@link replaceAll}). If anything
 * fails, the previous report is left intact and the temporary directory removed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readRegistry } from '../registry/static.ts';
import { dependencySvg } from './graph.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { buildReport, type Report } from './model.ts';
import { readOutcomes } from './outcomes.ts';
import { allPlots } from './plots/index.ts';
import { reportSchemaText } from './schema.ts';

export interface GenerateOptions {
  /** Repository root (holds `proof/`). */
  readonly root: string;
  /** The run directory holding the campaign outcomes. */
  readonly runDir: string;
  /** Where the report goes (created when missing). */
  readonly outDir: string;
}

export interface Timings {
  readonly note: string;
  readonly campaigns: readonly { readonly lemma: string; readonly kind: string; readonly claim: string; readonly timeMs: number }[];
}

/** Builds the report model for a run directory (no file written). */
export function reportFor(root: string, runDir: string): { report: Report; timings: Timings } {
  const run = readOutcomes(runDir);
  const report = buildReport(readRegistry(root), run);
  const timings: Timings = {
    note: 'Wall-clock time of each campaign in this run (milliseconds). Kept out of report.json, REPORT.md and report.html so that those are the same bytes for the same seed.',
    campaigns: run.outcomes.map((o) => ({ lemma: o.lemma, kind: o.kind, claim: o.claim, timeMs: Math.round(o.timeMs) })),
  };
  return { report, timings };
}

/**
 * Moves the files `names` (paths relative to `tmp`) over those in `outDir`, all or none: every target
 * must be a regular file or absent (checked before anything moves); each previous file is moved
 * aside into `tmp` before the new one takes its place, and if any move fails, every file already
 * moved is put back, so the output directory holds either the whole previous report or the whole new one.
 */
function replaceAll(outDir: string, tmp: string, names: readonly string[]): void {
  for (const name of names) {
    const target = path.join(outDir, name);
    if (existsSync(target) && !statSync(target).isFile()) throw new Error(`cannot replace ${target}: it exists and is not a file`);
  }
  const aside = path.join(tmp, '.previous');
  const setAside = new Set<string>();
  const placed = new Set<string>();
  try {
    for (const name of names) {
      const target = path.join(outDir, name);
      mkdirSync(path.dirname(target), { recursive: true });
      if (existsSync(target)) {
        mkdirSync(path.dirname(path.join(aside, name)), { recursive: true });
        renameSync(target, path.join(aside, name));
        setAside.add(name);
      }
      renameSync(path.join(tmp, name), target);
      placed.add(name);
    }
  } catch (e) {
    for (const name of names) {
      const target = path.join(outDir, name);
      if (placed.has(name)) rmSync(target, { force: true });
      if (setAside.has(name)) renameSync(path.join(aside, name), target);
    }
    throw e;
  }
}

/** Generates every report file from `runDir` into `outDir`, all files replaced together or none. */
export async function generateReport(options: GenerateOptions): Promise<Report> {
  const { report, timings } = reportFor(options.root, options.runDir);
  mkdirSync(options.outDir, { recursive: true });
  const tmp = path.join(options.outDir, `.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(path.join(tmp, 'plots'), { recursive: true });
    const graph = await dependencySvg(report);
    const { plots, omitted } = await allPlots();
    const plotFiles = new Map(plots.map((p) => [p.id, `plots/${p.id}.svg`]));
    const files = new Map<string, string>([
      ['report.json', `${JSON.stringify(report, null, 2)}\n`],
      ['report.schema.json', reportSchemaText()],
      ['dependencies.svg', graph],
      ['REPORT.md', renderMarkdown(report, plots, plotFiles, omitted)],
      ['report.html', renderHtml(report, graph, plots, omitted)],
      ['timings.json', `${JSON.stringify(timings, null, 2)}\n`],
    ]);
    for (const p of plots) files.set(plotFiles.get(p.id)!, p.svg);
    for (const [name, text] of files) writeFileSync(path.join(tmp, name), text);

    replaceAll(options.outDir, tmp, [...files.keys()]);
    const plotsDir = path.join(options.outDir, 'plots');
    const fresh = new Set(plots.map((p) => `${p.id}.svg`));
    for (const old of readdirSync(plotsDir)) if (!fresh.has(old)) rmSync(path.join(plotsDir, old), { force: true });
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
  return report;
}
