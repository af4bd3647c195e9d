import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../src/db/migrate';
import { openTestDb } from './helpers/db';
import * as schema from '../src/db/schema';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { is, Table } from 'drizzle-orm';

let handle: Awaited<ReturnType<typeof openTestDb>>;
afterEach(async () => handle?.drop());

describe('migrations', () => {
  it('apply once, then are a no-op', async () => {
    handle = await openTestDb({ start: 'empty' });
    const first = await migrate(handle);
    expect(first).toEqual(loadMigrations().map((m) => m.name));
    expect(await migrate(handle)).toEqual([]);
  });

  it('refuse a history that does not match the files', async () => {
    handle = await openTestDb();
    await handle.query(`UPDATE schema_migrations SET checksum = 'x' WHERE version = 1`);
    await expect(migrate(handle)).rejects.toMatchObject({ code: 'db.migrations_out_of_sync' });
  });

  it('roll back a failing migration whole', async () => {
    handle = await openTestDb();
    const bad = { version: 9999, name: '9999_bad', checksum: 'c', sql: 'CREATE TABLE t_ok (a int); SELECT * FROM no_such_table;' };
    await expect(migrate(handle, [...loadMigrations(), bad])).rejects.toThrow();
    const rows = await handle.query(`SELECT to_regclass('t_ok')::text AS t`);
    expect(rows[0]).toEqual({ t: null });
  });

  it('create every column the Drizzle schema names', async () => {
    handle = await openTestDb();
    const cols = await handle.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    const have = new Set(cols.map((r) => `${r.t}.${r.c}`));
    const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, Table));
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const cfg = getTableConfig(table);
      for (const col of cfg.columns) expect(have, `${cfg.name}.${col.name}`).toContain(`${cfg.name}.${col.name}`);
    }
  });

  it('give every tenant table a zone_id', async () => {
    handle = await openTestDb();
    const rows = await handle.query<{ t: string }>(
      `SELECT t.table_name AS t FROM information_schema.tables t
       WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
         AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
           WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'zone_id')
       ORDER BY 1`,
    );
    // Global by design: the zones themselves, accounts (one person, several zones),
    // sign-in throttling, scheduled-run claims and the migration history.
    expect(rows.map((r) => r.t)).toEqual(['auth_known_ips', 'auth_throttle', 'job_runs', 'schema_migrations', 'users', 'zones']);
  });
});
