import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['properties/**/*.property.ts', 'src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Empties the run directory before the run and writes reports/ after it (src/report/vitest-global-setup.ts).
    globalSetup: ['src/report/vitest-global-setup.ts'],
  },
});
