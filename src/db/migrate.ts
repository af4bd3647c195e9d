// Ordered plain-SQL migrations (migrations/NNNN_name.sql), applied the same way on
// PGlite and PostgreSQL. A database whose recorded history does not match the files
// is refused rather than patched over.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './client';
import { AppError } from '../shared/errors';

export const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

// Any fixed number: several API processes starting at once take turns here.
const LOCK_KEY = 7420431;

export function migrate(handle: DbHandle, migrations = loadMigrations()): Promise<string[]> {
  return handle.session((conn) => migrateOn(conn, handle.engine === 'postgres', migrations));
}

async function migrateOn(
  handle: Pick<DbHandle, 'exec' | 'query'>,
  lock: boolean,
  migrations: Migration[],
): Promise<string[]> {
  if (lock) await handle.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await handle.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await handle.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    for (const row of applied) {
      const file = migrations.find((m) => m.version === row.version);
      if (!file || file.name !== row.name || file.checksum !== row.checksum) {
        throw new AppError('db.migrations_out_of_sync', { migration: row.name });
      }
    }
    const done = new Set(applied.map((r) => r.version));
    const ran: string[] = [];
    for (const m of migrations.filter((m) => !done.has(m.version))) {
      const name = m.name.replace(/'/g, "''");
      try {
        await handle.exec(`BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version, name, checksum)
          VALUES (${m.version}, '${name}', '${m.checksum}');\nCOMMIT;`);
      } catch (err) {
        await handle.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
      ran.push(m.name);
    }
    // Row-level security for every tenant table (0019): a table a later migration
    // adds gets its grants and zone policy here, without anyone writing them; also
    // when an earlier start migrated but stopped before this (a zone_id table without it).
    const [need] = await handle.query<{ need: boolean }>(
      `SELECT to_regproc('gongjian_enforce_tenancy') IS NOT NULL AND ($1 OR EXISTS (
         SELECT 1 FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'zone_id' AND NOT a.attisdropped
          WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity)) AS need`,
      [ran.length > 0],
    );
    if (need?.need) await handle.query('SELECT gongjian_enforce_tenancy()');
    return ran;
  } finally {
    if (lock) await handle.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}
