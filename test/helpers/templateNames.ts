// What the global set-up (templates.ts) prepares and hands to every test file.
export const DEMO_PASSWORD = 'demo-pass-1';

export interface Templates {
  /** Dumped PGlite data folders. */
  pglite: { migrated: string; demo: string };
  /** Template databases on the DATABASE_URL server. */
  postgres: { migrated: string; demo: string } | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Templates;
  }
}

/** The same server URL pointing at another database. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
