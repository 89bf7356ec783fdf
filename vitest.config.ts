import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'tests/e2e/**'],
    environment: 'node',
    // Grammar loading is per worker; two cores, two workers.
    maxWorkers: 2,
    testTimeout: 20_000,
    // CI also writes a machine-readable report, summed up by .ci/summary.mjs.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
