/**
 * `npm run mutate`: mutation testing of `src/` and `proof/` with StrykerJS, area by area (see
 * areas.ts), then the summary of all areas (summary.ts) written to `reports/mutation/SUMMARY.md`.
 *
 *   npm run mutate                         every area, then the summary
 *   npm run mutate -- --area check,verify  only these areas, then the summary of all
 *   npm run mutate -- --force              re-test every mutant (otherwise results are reused, below)
 *   npm run mutate -- --concurrency 1      Stryker test-runner processes (default: the number of cores)
 *   npm run mutate -- --summary-only       only rewrite the summary
 *
 * Each area is one Stryker run with `stryker.config.json`, its `mutate` globs (test files, the
 * benchmark and this folder always excluded) and, through `UAT_MUTATION_TESTS`, its test globs
 * (read by `vitest.mutate.config.ts`). Static mutants (in code run when a module loads) are ignored:
 * Stryker would have to re-run the area's whole test set for each of them; the summary counts them.
 * Results are incremental: `reports/mutation/<area>.incremental.json` (committed) lets Stryker reuse
 * the result of every mutant whose code and covering tests are unchanged, so a run after a small
 * change re-tests only what the change touched; `--force` re-tests everything. Stryker carries over
 * the results of files outside a run's `mutate`, so before each run the files the area no longer
 * mutates are dropped from its results (prune.ts).
 *
 * Exit status: 0 when done, 1 when Stryker or the summary failed (an area's results already written
 * are kept), 2 for a mistake on the command line (a one-line message, no stack trace).
 */
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { MUTATION_AREAS, type MutationArea } from './areas.ts';
import { MAX_CONCURRENCY, MUTATE_USAGE, MutateUsageError, parseMutateArguments } from './arguments.ts';
import { REPOSITORY_ROOT, incrementalFileOf } from './files.ts';
import { pruneResultsFile } from './prune.ts';
import { NEVER_MUTATED, filesInScope, filesSelectedBy, typeScriptFilesUnder } from './scope.ts';
import { writeMutationSummary } from './summary.ts';

/** The Stryker options of one area's run (over the ones of stryker.config.json). */
export function strykerOptionsOf(area: MutationArea, concurrency: number, force: boolean) {
  return {
    mutate: [...area.mutate, ...NEVER_MUTATED.map((glob) => `!${glob}`)],
    concurrency,
    force,
    ignoreStatic: true,
    timeoutMS: 5000,
    incremental: true,
    incrementalFile: path.relative(process.cwd(), incrementalFileOf(area.name)),
    tempDirName: `.stryker-tmp-${area.name}`,
    reporters: ['clear-text', 'progress-append-only'],
  };
}

/** What the command does besides reading its arguments (replaced in tests). */
export interface MutateEffects {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Runs Stryker on one area. */
  readonly runArea: (area: MutationArea, concurrency: number, force: boolean) => Promise<void>;
  /** Writes SUMMARY.md; returns the one-line total. */
  readonly writeSummary: () => string;
}

/** Runs one area with Stryker (loaded only when an area is run), after dropping from its results the files it no longer mutates. */
async function runAreaWithStryker(area: MutationArea, concurrency: number, force: boolean): Promise<void> {
  const areaFiles = filesSelectedBy(area.mutate, filesInScope(typeScriptFilesUnder(REPOSITORY_ROOT)));
  const pruned = pruneResultsFile(incrementalFileOf(area.name), new Set(areaFiles));
  if (pruned.length > 0) process.stdout.write(`results of files no longer in the area dropped: ${pruned.join(', ')}\n`);
  const { Stryker } = await import('@stryker-mutator/core');
  process.env.UAT_MUTATION_TESTS = area.tests.join(',');
  await new Stryker(strykerOptionsOf(area, concurrency, force)).runMutationTest();
}

const REAL_EFFECTS: MutateEffects = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  runArea: runAreaWithStryker,
  writeSummary: () => writeMutationSummary().totalLine,
};

/** `npm run mutate` with arguments `argv`; resolves to the exit status. */
export async function mutate(argv: readonly string[], effects: MutateEffects = REAL_EFFECTS): Promise<number> {
  let options;
  try {
    options = parseMutateArguments(
      argv,
      MUTATION_AREAS.map((a) => a.name),
      Math.min(os.availableParallelism(), MAX_CONCURRENCY),
    );
  } catch (error) {
    if (!(error instanceof MutateUsageError)) throw error;
    effects.stderr(`mutate: ${error.message}\n`);
    return 2;
  }
  if (options.help) {
    effects.stdout(`${MUTATE_USAGE}\n`);
    return 0;
  }
  try {
    for (const area of MUTATION_AREAS.filter((a) => options.areas.includes(a.name))) {
      effects.stdout(`\n## mutation area ${area.name}: ${area.description}\n`);
      await effects.runArea(area, options.concurrency, options.force);
    }
  } catch (error) {
    effects.stderr(`mutate: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    effects.stdout(`\n${effects.writeSummary()}\n`);
    return 0;
  } catch (error) {
    effects.stderr(`mutate: SUMMARY.md not written (the areas' results are kept; after a fix: npm run mutate -- --summary-only): ${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await mutate(process.argv.slice(2));
}
