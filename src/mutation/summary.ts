/**
 * The summary of the mutation areas' results: score per file, per area and over all areas, from the
 * areas' incremental files (Stryker's mutation-testing report JSON), written to `reports/mutation/SUMMARY.md`.
 *
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage); ignored (static)
 * mutants and compile or runtime errors are counted apart, never in the score.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MUTATION_AREAS } from './areas.ts';
import { MUTATION_DIR, incrementalFileOf } from './files.ts';

interface MutantJson {
  readonly status: string;
}
interface ReportJson {
  readonly files: Record<string, { readonly mutants: readonly MutantJson[] }>;
}

/** Mutant counts by outcome. */
export interface MutantCounts {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  errors: number;
  pending: number;
}

const zero = (): MutantCounts => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0, pending: 0 });

/** Adds one mutant of Stryker status `status` to `counts`. */
export function countStatus(counts: MutantCounts, status: string): void {
  if (status === 'Killed') counts.killed += 1;
  else if (status === 'Timeout') counts.timeout += 1;
  else if (status === 'Survived') counts.survived += 1;
  else if (status === 'NoCoverage') counts.noCoverage += 1;
  else if (status === 'Ignored') counts.ignored += 1;
  else if (status === 'CompileError' || status === 'RuntimeError') counts.errors += 1;
  else counts.pending += 1;
}

/** (killed + timed out) / (killed + timed out + survived + no coverage), or undefined when nothing was tested. */
export function scoreOf(c: MutantCounts): number | undefined {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return valid === 0 ? undefined : detected / valid;
}

const percent = (s: number | undefined): string => (s === undefined ? 'n/a' : `${(100 * s).toFixed(1)} %`);

/** Writes SUMMARY.md from the areas' incremental files; returns the totals. */
export function writeMutationSummary(): { files: number; areas: number; scoreText: string } {
  const total = zero();
  const rows: string[] = [];
  let files = 0;
  let areas = 0;
  for (const area of MUTATION_AREAS) {
    const file = incrementalFileOf(area.name);
    if (!existsSync(file)) {
      rows.push(`| ${area.name} | not run | | | | | |`);
      continue;
    }
    areas += 1;
    const report = JSON.parse(readFileSync(file, 'utf8')) as ReportJson;
    const areaCounts = zero();
    for (const [, f] of Object.entries(report.files)) {
      files += 1;
      for (const m of f.mutants) {
        countStatus(areaCounts, m.status);
        countStatus(total, m.status);
      }
    }
    const c = areaCounts;
    rows.push(`| ${area.name} | ${percent(scoreOf(c))} | ${c.killed + c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.ignored} | ${c.errors} |`);
  }
  const text = [
    '# Mutation testing summary',
    '',
    'Written by `npm run mutate` (src/mutation/run.ts) from the areas\' results in this folder.',
    '',
    '| area | score | killed or timed out | survived | no coverage | ignored (static) | errors |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    `| **all** | **${percent(scoreOf(total))}** | ${total.killed + total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.ignored} | ${total.errors} |`,
    '',
  ].join('\n');
  const target = path.join(MUTATION_DIR, 'SUMMARY.md');
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
  return { files, areas, scoreText: percent(scoreOf(total)) };
}
