import { defineConfig } from 'vitest/config';

// Unit and API integration tests. Integration tests open a fresh database each
// (PGlite in memory, or a fresh schema on DATABASE_URL).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/helpers/templates.ts'],
  },
});
