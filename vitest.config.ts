import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/skipped-tests-reporter.ts'],
    // A test that asserts nothing proves nothing: every test makes at least one assertion.
    expect: { requireAssertions: true },
    // Vitest's default in a run is one worker fewer than the cores: one file at a time on a
    // 2-core machine. Integration files spend much of their time waiting on sockets, client
    // workers and database copies, so one file per core takes ~40% off the tier there; a third
    // file per two cores gained 5% more and slowed every file by a third (measured; README).
    maxWorkers: '100%',
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/unit/**/*.test.ts',
            'renderer/**/*.test.ts',
            'console/**/*.test.ts',
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
          ],
          setupFiles: ['test/helpers/no-open-databases.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/helpers/no-open-databases.ts'],
          globalSetup: ['test/helpers/database-template-setup.ts', 'test/helpers/client-worker-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          setupFiles: ['test/helpers/no-open-databases.ts'],
          globalSetup: [
            'test/helpers/database-template-setup.ts',
            'test/helpers/client-worker-setup.ts',
            'test/e2e/build-renderer.ts',
          ],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/database-template-setup.ts', 'test/e2e/build-renderer.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
