import { defineConfig } from 'vitest/config';

// Two projects. `pure`: the framework-free logic beside its code (src/**/*.test.ts) — no
// database, no global set-up, so one file runs in seconds. `integration`: HTTP tests against
// a real database (test/*.test.ts); the global set-up builds the demo templates once per run
// and every file starts from a private copy (PGlite data folder, or a PostgreSQL database
// cloned from a template when DATABASE_URL is set).
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'pure',
          include: ['src/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['test/helpers/templates.ts'],
        },
      },
    ],
  },
});
