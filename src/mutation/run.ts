/**
 * `npm run mutate`: mutation testing of `src/` and `proof/` with StrykerJS, area by area (see
 * areas.ts), then the summary of all areas (summary.ts) written to `reports/mutation/`.
 *
 *   npm run mutate                         every area, then the summary
 *   npm run mutate -- --area check,verify  only these areas, then the summary of all
 *   npm run mutate -- --force              re-test every mutant (otherwise results are reused, below)
 *   npm run mutate -- --concurrency 1      Stryker test-runner processes (default: the number of cores)
 *
 * Each area is one Stryker run with `stryker.config.json`, its `mutate` globs and, through
 * `UAT_MUTATION_TESTS`, its test globs (read by `vitest.mutate.config.ts`). Static mutants (in code
 * run when a module loads) are ignored: Stryker would have to re-run the area's whole test set for
 * each of them; the summary counts them. Results are incremental: `reports/mutation/<area>.incremental.json`
 * (committed) lets Stryker reuse the result of every mutant whose code and covering tests are
 * unchanged, so a run after a small change re-tests only what the change touched; `--force`
 * re-tests everything.
 */
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_AREAS, type MutationArea } from './areas.ts';
import { MUTATION_DIR, incrementalFileOf } from './files.ts';
import { writeMutationSummary } from './summary.ts';

/**
 * Never mutated, whatever an area's globs say: test files, the benchmark, this folder. The area's
 * `mutate` replaces the one of stryker.config.json, so its exclusions must be repeated here.
 */
export const NEVER_MUTATED: readonly string[] = ['src/**/*.test.ts', 'proof/**/*.test.ts', 'src/bench/**', 'src/mutation/**'];

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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      area: { type: 'string' },
      concurrency: { type: 'string' },
      force: { type: 'boolean', default: false },
      'summary-only': { type: 'boolean', default: false },
    },
  });
  const names = values.area === undefined ? MUTATION_AREAS.map((a) => a.name) : values.area.split(',');
  const unknown = names.filter((n) => !MUTATION_AREAS.some((a) => a.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`mutate: --area ${JSON.stringify(unknown[0])} is not an area; the areas are ${MUTATION_AREAS.map((a) => a.name).join(', ')}\n`);
    process.exit(2);
  }
  const concurrency = values.concurrency === undefined ? os.availableParallelism() : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    process.stderr.write(`mutate: --concurrency ${JSON.stringify(values.concurrency)} must be an integer from 1 to 64\n`);
    process.exit(2);
  }
  if (!values['summary-only']) {
    for (const area of MUTATION_AREAS.filter((a) => names.includes(a.name))) {
      process.stdout.write(`\n## mutation area ${area.name}: ${area.description}\n`);
      process.env.UAT_MUTATION_TESTS = area.tests.join(',');
      await new Stryker(strykerOptionsOf(area, concurrency, values.force)).runMutationTest();
    }
  }
  const summary = writeMutationSummary();
  process.stdout.write(`\nmutation score over ${summary.files} files (${summary.areas} areas): ${summary.scoreText}; ${path.relative(process.cwd(), MUTATION_DIR)}/SUMMARY.md\n`);
}

await main();
