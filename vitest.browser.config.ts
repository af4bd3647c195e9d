import { defineConfig } from 'vitest/config';

// Browser tests: the built web app served by the real server on a private copy
// of the demo database (PGlite, or PostgreSQL when DATABASE_URL is set), driven
// in headless Debian Chromium. Never skipped: the harness fails when Chromium is missing.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/helpers/templates.ts'],
    setupFiles: ['test/browser/failures.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
