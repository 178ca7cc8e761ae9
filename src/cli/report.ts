/**
 * `uat report [--from DIR] [--out DIR]`: regenerates the report from the outcomes in a run directory
 * (default `reports/.runs`, where `npm test` and `uat verify` leave them) without running anything.
 * Sharded runs merge by copying their run directories into one directory first; the parts of split
 * campaigns that shards left there (`UAT_KEEP_PARTS=1`) are merged into their outcomes before the
 * report is built (`src/verify/parts.ts`), exactly as a single run merges them.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { mergeParts } from '../verify/parts.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import { UsageError } from './usage-error.ts';

interface ReportOptions {
  readonly from: string;
  readonly out: string;
}

/** Adds the `report` command to `program`. */
export function register(program: Command): void {
  program
    .command('report')
    .description('regenerate REPORT.md, report.html and report.json from a run directory of campaign outcomes')
    .option('--from <DIR>', 'run directory holding <lemma>/<kind>-<claim>.json outcomes', path.join(REPO_ROOT, 'reports', '.runs'))
    .option('--out <DIR>', 'where the report goes', path.join(REPO_ROOT, 'reports'))
    .action(async (options: ReportOptions) => {
      const from = path.resolve(options.from);
      if (!existsSync(from)) throw new UsageError(`--from ${JSON.stringify(options.from)}: no such run directory`);
      const out = path.resolve(options.out);
      const merged = mergeParts(from);
      if (merged.length > 0) process.stdout.write(`merged the parts of ${merged.length} split campaign${merged.length > 1 ? 's' : ''} found in ${options.from}\n`);
      const { generateReport } = await import('../report/generate.ts'); // only this command needs the renderers
      try {
        const report = await generateReport({ root: REPO_ROOT, runDir: from, outDir: out });
        const c = report.totals.claims;
        process.stdout.write(
          `report written to ${path.relative(process.cwd(), out) || '.'}/: ${c.certified} certified, ${c['holds on samples']} holds on samples, ${c.inconclusive} inconclusive, ${c.refuted} refuted, ${c['not run']} not run\n`,
        );
      } catch (e) {
        process.stderr.write(`uat report: report NOT written (${e instanceof Error ? e.message : String(e)}); the previous report in ${out} is left intact\n`);
        process.exitCode = 1;
      }
    });
}
