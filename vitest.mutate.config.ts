/**
 * The vitest configuration used by mutation testing (`npm run mutate`, see `stryker.config.json`).
 *
 * It runs only the fast unit tests of the mutated files (`src/arith`, `src/verdict`, `src/math`,
 * `proof/softmax-hardmax.ts`): the property files shrink counterexamples at high precision and take
 * tens of seconds, which multiplied by every mutant would take hours. Any campaign a unit test runs
 * gets a reduced probe budget (`UAT_RUNS=20`) and a private run directory, so no outcome of the real
 * suite is overwritten.
 */
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Named files only: other tests under src/arith (the double-double fast path) test files outside this scope.
    include: ['src/**/*.mutation.test.ts', 'src/arith/interval.test.ts'],
    env: {
      UAT_RUNS: '20',
      UAT_RUN_DIR: path.join(os.tmpdir(), 'uat-mutation-runs'),
      UAT_REGRESSIONS_DIR: path.join(os.tmpdir(), 'uat-mutation-runs', 'regressions'),
    },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
