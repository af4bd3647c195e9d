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
    // expect.poll waits 1 s by default: a save, its refetch and a repaint take longer on a
    // loaded 2-core CI machine (a 线索 → 在谈 move was red once for it). Waits end on the condition.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
