import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs every suite: unit tests beside the code, pipeline/SQL tests on the real
 * DuckDB-wasm engine, parity with R spdep, and end-to-end tests in Debian Chromium against the built app.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/pipeline/**/*.test.ts', 'test/sql/**/*.test.ts', 'test/import/**/*.test.ts', 'test/architecture/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'parity',
          include: ['test/parity/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
