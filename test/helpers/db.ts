// A private database per test file: PGlite in memory, or, when DATABASE_URL is
// set, a database of its own on that PostgreSQL server (dropped afterwards).
// `start` says what it holds: nothing, the migrated schema, or the demo zones,
// copied from what the global set-up prepared (templates.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/db/client';
import { zones } from '../../src/db/schema';
import { databaseUrl } from './templateNames';

export const onPostgres = Boolean(process.env.DATABASE_URL);

/** `url`: on PostgreSQL, the test's own database (a second handle on it plays another API process). */
export type TestDb = DbHandle & { drop(): Promise<void>; url?: string };
export type Start = 'empty' | 'migrated' | 'demo';

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function openTestDb(opts: { start?: Start; engine?: 'pglite' | 'default' } = {}): Promise<TestDb> {
  const start = opts.start ?? 'migrated';
  const url = opts.engine === 'pglite' ? undefined : process.env.DATABASE_URL || undefined;
  const templates = inject('templates');
  if (!url) {
    const file = start === 'empty' ? null : templates.pglite[start];
    const handle = await openDatabase(file ? { loadDataDir: new Blob([readFileSync(file)]) } : {});
    return Object.assign(handle, { drop: () => handle.close() });
  }
  const name = `gj_t_${randomBytes(6).toString('hex')}`;
  const template = start === 'empty' ? 'template0' : templates.postgres![start];
  // Two copies of one template at the same instant can be refused (55006): retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const handle = await openDatabase({ url: databaseUrl(url, name) });
  return Object.assign(handle, {
    url: databaseUrl(url, name),
    async drop() {
      await handle.close();
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  });
}

/** A GONGJIAN_DATA folder for command-line tests whose embedded database holds the demo zones. */
export async function demoDataFolder(prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const blob = new Blob([readFileSync(inject('templates').pglite.demo)]);
  const handle = await openDatabase({ dataDir: join(dir, 'pglite'), loadDataDir: blob });
  await handle.close();
  return dir;
}

/**
 * A test that pins the server's clock plays a live zone on that day; the demo
 * zones' pinned business dates (2022-08-31, 2023-06-30) would override it.
 */
export async function unpinZones(handle: DbHandle): Promise<void> {
  await handle.db.update(zones).set({ pinnedDate: null });
}
