/**
 * vitest global setup: `npm test` writes the report. Setup empties the run directory (so the report
 * holds only this run's outcomes); teardown generates the report from it into `reports/` (or
 * `UAT_REPORT_DIR`). Only a run that probed every lemma writes it: a partial run (one test file, a
 * filter) leaves the report as it was, unless `UAT_REPORT=always`. With `UAT_REPORT=skip` the report
 * is left to the caller (`uat verify` writes it itself after printing its summary).
 *
 * A report that cannot be generated leaves the previous one intact; teardown says so on stderr and
 * fails the run.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { campaignSettings, REPO_ROOT } from '../verify/settings.ts';
import { readOutcomes } from './outcomes.ts';

function reportDir(): string {
  const dir = process.env.UAT_REPORT_DIR;
  return dir !== undefined && dir !== '' ? path.resolve(dir) : path.join(REPO_ROOT, 'reports');
}

export function setup(): void {
  const { runDir } = campaignSettings();
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
}

export async function teardown(): Promise<void> {
  if (process.env.UAT_REPORT === 'skip') return;
  const { runDir } = campaignSettings();
  const out = reportDir();
  // A partial run (one test file, a filter) would replace the report with one where most claims are
  // not run: write only when every lemma's campaigns ran, unless UAT_REPORT=always.
  // Loaded here, not at the top: setup must not depend on the lemmas' code (the plots import it).
  const { readRegistry } = await import('../registry/static.ts');
  const ran = new Set(readOutcomes(runDir).outcomes.map((o) => o.lemma));
  const missing = readRegistry(REPO_ROOT).lemmas.filter((l) => !ran.has(l.id)).map((l) => l.id);
  if (missing.length > 0 && process.env.UAT_REPORT !== 'always') {
    process.stderr.write(
      `report not written: this run did not probe ${missing.join(', ')} (a partial run); the report in ${out} is left as it was. Use npm test, uat verify, or UAT_REPORT=always.\n`,
    );
    return;
  }
  try {
    const { generateReport } = await import('./generate.ts');
    const report = await generateReport({ root: REPO_ROOT, runDir, outDir: out });
    const c = report.totals.claims;
    process.stdout.write(
      `report written to ${path.relative(process.cwd(), out) || '.'}/ (REPORT.md, report.html, report.json): ${c.certified} certified, ${c['holds on samples']} holds on samples, ${c.inconclusive} inconclusive, ${c.refuted} refuted, ${c['not run']} not run\n`,
    );
    for (const p of report.problems) process.stderr.write(`report problem: ${p.where}: ${p.message}\n`);
  } catch (e) {
    process.stderr.write(`report NOT written (${e instanceof Error ? e.message : String(e)}); the previous report in ${out} is left intact\n`);
    throw e;
  }
}
