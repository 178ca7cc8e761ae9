/**
 * `uat verify [--lemma ID] [--runs N] [--seed S] [--digits P] [--time-limit SECONDS] [--out DIR]`: the main job. Runs the
 * property campaigns (vitest, programmatically, on `properties/<lemma>.property.ts`, or all of them)
 * with a progress bar, prints one line per claim, writes the report to DIR (default `reports/`), and
 * exits 1 when a claim is refuted or inconclusive, a test fails, or the report lists a problem (a
 * claim without outcome, an outcome naming no registered claim), 0 otherwise, 2 on a bad option.
 *
 * The campaigns read their settings from the environment (`src/verify/settings.ts`): `--runs` sets
 * `UAT_RUNS` (probes per claim, overriding each campaign's default: the point of a deep run),
 * `--seed` sets `UAT_SEED`, `--digits` sets `UAT_DIGITS`, `--time-limit` sets `UAT_TIME_LIMIT_MS` (a
 * wall-clock budget per campaign — per part of a split campaign — after which the campaign stops:
 * a claim without a violation is then `inconclusive` with the reason); the outcomes go to `DIR/.runs`.
 *
 * Both cores (all of them): vitest runs the property files in parallel workers, and a deep run
 * (`--runs` ≥ `SPLIT_FROM_RUNS`) splits every campaign into `PARTS` parts run in parallel and merged
 * after the run (`src/verify/parts.ts`); the split depends on `--runs` only, so the report is the
 * same on any number of cores.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../report/model.ts';
import { MAX_TIME_LIMIT_MS, REPO_ROOT } from '../verify/settings.ts';
import { UsageError } from './usage-error.ts';

/** Most probes per claim accepted by `--runs` (a deeper run is a mistake, not a plan). */
export const MAX_RUNS = 10_000_000;

export function integerIn(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = /^-?\d+$/.test(text.trim()) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new InvalidArgumentError(`must be an integer in [${min}, ${max}].`);
    return value;
  };
}

/** Seconds → milliseconds for `--time-limit`: a positive decimal number of seconds, at most a day, at least 1 ms. */
export function secondsToMs(text: string): number {
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  const ms = Math.round(value * 1000);
  if (!(ms >= 1 && ms <= MAX_TIME_LIMIT_MS)) throw new InvalidArgumentError(`must be a number of seconds in [0.001, ${MAX_TIME_LIMIT_MS / 1000}].`);
  return ms;
}

interface VerifyOptions {
  readonly lemma?: string;
  readonly runs?: number;
  readonly seed?: number;
  readonly digits?: number;
  /** Milliseconds (the option is given in seconds). */
  readonly timeLimit?: number;
  readonly out: string;
}

/** One line per claim, finding and planted bound of the report: status, probes, worst ratio, and the reason when there is one. */
export function summaryLines(report: Report, lemmas: ReadonlySet<string> | undefined): string[] {
  const lines: string[] = [];
  for (const l of report.lemmas) {
    if (lemmas !== undefined && !lemmas.has(l.id)) continue;
    const line = (r: { id: string; status: string; reason?: string; evidence: { probes: number; worst: { ratio: string } | null } | null }, kind: string): string => {
      const e = r.evidence;
      const counts = e === null ? '' : ` (${e.probes} probes${e.worst !== null ? `, worst lhs/bound ${e.worst.ratio}` : ''})`;
      return `${l.id}/${r.id} [${kind}]: ${r.status}${counts}${r.reason !== undefined ? `: ${r.reason}` : ''}`;
    };
    for (const c of l.claims) lines.push(line(c, 'claim'));
    for (const f of l.findings) lines.push(line(f, 'finding'));
    for (const p of l.planted) lines.push(line(p, 'planted'));
  }
  return lines;
}

/**
 * The environment the campaigns read their settings from (`src/verify/settings.ts`) for these
 * options; the report is left to `verify` itself (`UAT_REPORT=skip`).
 */
export function campaignEnvironment(options: Omit<VerifyOptions, 'out' | 'lemma'>, runDir: string): Record<string, string> {
  return {
    UAT_RUN_DIR: runDir,
    UAT_REPORT: 'skip',
    ...(options.runs !== undefined ? { UAT_RUNS: String(options.runs) } : {}),
    ...(options.seed !== undefined ? { UAT_SEED: String(options.seed) } : {}),
    ...(options.digits !== undefined ? { UAT_DIGITS: String(options.digits) } : {}),
    ...(options.timeLimit !== undefined ? { UAT_TIME_LIMIT_MS: String(options.timeLimit) } : {}),
  };
}

/**
 * What {@link verify} needs from the rest of the companion: the registry, vitest, the report writer
 * and the output streams ({@link VERIFY_STEPS}; a test passes its own to check `verify` in process).
 */
export interface VerifySteps {
  /** The ids of the registered lemmas, in report order. */
  readonly lemmaIds: () => Promise<readonly string[]>;
  /** Runs these property files (at least one) with vitest; returns the failed tests (`file > name: message`). */
  readonly runProperties: (files: readonly string[]) => Promise<readonly string[]>;
  /** Writes the report of the outcomes in `runDir` to `outDir` (all files or none) and returns it. */
  readonly writeReport: (runDir: string, outDir: string) => Promise<Report>;
  readonly writeOut: (text: string) => void;
  readonly writeErr: (text: string) => void;
}

/** The real steps. Modules are loaded when used, not at the top: other commands (`uat check`) need neither ts-morph, vitest nor the renderers. */
export const VERIFY_STEPS: VerifySteps = {
  lemmaIds: async () => {
    const { readRegistry } = await import('../registry/static.ts');
    return readRegistry(REPO_ROOT).lemmas.map((l) => l.id);
  },
  runProperties: async (files) => {
    const { ProgressReporter } = await import('../report/progress-reporter.ts');
    const { startVitest } = await import('vitest/node');
    const reporter = new ProgressReporter();
    const vitest = await startVitest('test', [...files], { watch: false, run: true, root: REPO_ROOT, config: path.join(REPO_ROOT, 'vitest.config.ts') }, { test: { reporters: [reporter] } });
    await vitest.close();
    return reporter.failures;
  },
  writeReport: async (runDir, outDir) => {
    const { generateReport } = await import('../report/generate.ts');
    return generateReport({ root: REPO_ROOT, runDir, outDir });
  },
  writeOut: (text) => void process.stdout.write(text),
  writeErr: (text) => void process.stderr.write(text),
};

/**
 * Runs the campaigns and writes the report; returns the exit status. The run directory
 * `<out>/.runs` is emptied first, so the report reads only this run's outcomes.
 */
export async function verify(options: VerifyOptions, steps: VerifySteps = VERIFY_STEPS): Promise<number> {
  const selected = selectLemmas(await steps.lemmaIds(), options.lemma);
  const files = selected.map((id) => path.join(REPO_ROOT, 'properties', `${id}.property.ts`)).filter((f) => existsSync(f));
  const out = path.resolve(options.out);
  const runDir = path.join(out, '.runs');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });

  Object.assign(process.env, campaignEnvironment(options, runDir));

  const failures = files.length > 0 ? await steps.runProperties(files) : [];
  process.exitCode = undefined; // vitest sets it on failure; the verdict below decides

  let report: Report;
  try {
    report = await steps.writeReport(runDir, out);
  } catch (e) {
    steps.writeErr(`uat verify: report NOT written (${e instanceof Error ? e.message : String(e)}); the previous report in ${out} is left intact\n`);
    return 1;
  }
  const { text, status } = conclusion(report, selected, failures, path.relative(process.cwd(), out));
  steps.writeOut(text);
  return status;
}

/** The lemmas to run: all of them, or the one asked for (a usage error when it is not a lemma id). */
export function selectLemmas(ids: readonly string[], lemma: string | undefined): readonly string[] {
  if (lemma === undefined) return ids;
  if (!ids.includes(lemma)) throw new UsageError(`--lemma ${JSON.stringify(lemma)} is not a lemma id; known: ${ids.join(', ')}`);
  return [lemma];
}

/**
 * What `uat verify` prints once the report is written (one line per claim, the failed tests, the
 * report's problems, the totals) and its exit status: 1 when a selected claim is refuted or
 * inconclusive, a test failed or the report lists a problem, 0 otherwise. `outText` is the output
 * directory as shown (relative to the working directory; empty for the working directory itself).
 */
export function conclusion(report: Report, selected: readonly string[], failures: readonly string[], outText: string): { text: string; status: number } {
  const lines = summaryLines(report, new Set(selected));
  for (const f of failures) lines.push(`test failed: ${f}`);
  for (const p of report.problems) lines.push(`problem: ${p.where}: ${p.message}`);
  const claims = report.lemmas.filter((r) => selected.includes(r.id)).flatMap((l) => l.claims);
  const bad = claims.filter((c) => c.status === 'refuted' || c.status === 'inconclusive').length;
  const notRun = claims.filter((c) => c.status === 'not run').length;
  lines.push(
    `report written to ${outText || '.'}/REPORT.md, report.html, report.json; ${bad} claim(s) refuted or inconclusive, ${notRun} not run, ${failures.length} test failure(s), ${report.problems.length} problem(s)`,
  );
  return { text: `${lines.join('\n')}\n`, status: bad > 0 || failures.length > 0 || report.problems.length > 0 ? 1 : 0 };
}

/** Adds the `verify` command to `program`. */
export function register(program: Command): void {
  program
    .command('verify')
    .description('run the property campaigns of every lemma (or one), print one line per claim, write the report')
    .option('--lemma <ID>', 'only this lemma (its properties/<ID>.property.ts)')
    .option('--runs <N>', `probes per claim, overriding each campaign's default, 1..${MAX_RUNS}`, integerIn(1, MAX_RUNS))
    .option('--seed <S>', 'fast-check seed, a 32-bit signed integer', integerIn(-(2 ** 31), 2 ** 31 - 1))
    .option('--digits <P>', 'significant digits of reported values, 1..1000', integerIn(1, 1000))
    .option('--time-limit <SECONDS>', 'wall-clock budget of each campaign (each part of a split one); a claim cut short is inconclusive, with the reason', secondsToMs)
    .option('--out <DIR>', 'where the report goes', path.join(REPO_ROOT, 'reports'))
    .action(async (options: VerifyOptions) => {
      process.exitCode = await verify(options);
    });
}
