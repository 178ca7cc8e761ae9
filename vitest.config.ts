import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { campaignSettings, partsFor } from './src/verify/settings.ts';

const include = ['properties/**/*.property.ts', 'src/**/*.test.ts', 'proof/**/*.test.ts'];
const timeouts = { testTimeout: 120_000, hookTimeout: 120_000 };
// A deep run (UAT_RUNS ≥ SPLIT_FROM_RUNS, e.g. `uat verify --runs 100000`) splits every campaign into a
// fixed number of parts, one vitest project each, run in parallel; the parts are merged after the run
// (src/verify/parts.ts). The number of parts depends on UAT_RUNS only, so the report does not depend
// on the number of cores. Below that, one project as before.
const parts = partsFor(campaignSettings().runs);

export default defineConfig({
  test: {
    include,
    ...timeouts,
    // Every core (vitest's own default leaves one idle: a single worker on a 2-core machine).
    maxWorkers: availableParallelism(),
    // Empties the run directory before the run and writes reports/ after it (src/report/vitest-global-setup.ts);
    // the parts of split campaigns are merged before that (teardowns run in reverse order).
    globalSetup: ['src/report/vitest-global-setup.ts', 'src/verify/parts-global-setup.ts'],
    ...(parts > 1
      ? {
          projects: [
            { test: { name: 'units', include: ['src/**/*.test.ts', 'proof/**/*.test.ts'], ...timeouts } },
            ...Array.from({ length: parts }, (_, i) => ({
              test: { name: `part-${i + 1}-of-${parts}`, include: ['properties/**/*.property.ts'], ...timeouts, env: { UAT_PART: `${i}/${parts}` } },
            })),
          ],
        }
      : {}),
  },
});
