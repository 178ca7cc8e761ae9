/**
 * The vitest configuration used by mutation testing (`npm run mutate`, see `stryker.config.json`).
 *
 * It runs the unit tests under `src/` and `proof/` (not the property files of `properties/`: they
 * shrink counterexamples at high precision and take tens of seconds, which multiplied by every
 * mutant would take hours). Tests that only exercise code in a child process (the scaffolding
 * end-to-end test, the headless-browser test) or that spend seconds on purpose (hostile sizes within
 * the caps, skipped when `UAT_MUTATION` is set) are left out, each with its reason. Any campaign a unit test runs gets a reduced
 * probe budget (`UAT_RUNS=20`) and a private run directory, so no outcome of the real suite is
 * overwritten.
 */
import os from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `npm run mutate` runs one area at a time (src/mutation/areas.ts) with that area's tests only
    include: process.env.UAT_MUTATION_TESTS?.split(',') ?? ['src/**/*.test.ts', 'proof/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      // scaffolds a lemma in a copy of the repository and runs `uat verify` there: nothing in-process to mutate
      'src/scaffold/new-lemma.e2e.test.ts',
      // renders the committed HTML report in Chromium: tests the browser, not the mutated code
      'src/report/html.chromium.test.ts',
      // read the repository's own proof/ files with ts-morph, which under Stryker are instrumented copies
      // that no longer read as lemmas; model.test.ts, render.test.ts and generate.test.ts check the same
      // code on synthetic registries
      'src/report/report.test.ts',
      'src/verify/determinism.test.ts',
    ],
    env: {
      UAT_MUTATION: '1',
      UAT_RUNS: '20',
      UAT_RUN_DIR: path.join(os.tmpdir(), 'uat-mutation-runs'),
      UAT_REGRESSIONS_DIR: path.join(os.tmpdir(), 'uat-mutation-runs', 'regressions'),
    },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
