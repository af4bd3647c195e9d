// Settings come from the environment; nothing else is read at start-up.
import { resolve } from 'node:path';

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  webDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.GONGJIAN_DATA ?? 'data'),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    webDir: resolve(env.GONGJIAN_WEB ?? 'dist/web'),
  };
}

/** Where PGlite keeps its files inside the data folder. */
export const pgliteDir = (c: Config) => resolve(c.dataDir, 'pglite');
