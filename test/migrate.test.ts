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

  it('0020 binds the former code mappings as feeds of system-filled indicators and refuses a bad feed', async () => {
    handle = await openTestDb({ start: 'empty' });
    await migrate(handle, loadMigrations().filter((m) => m.version < 20));
    const [a] = await handle.query<{ id: string }>(`INSERT INTO zones (code, name) VALUES ('za', 'A') RETURNING id`);
    const [b] = await handle.query<{ id: string }>(`INSERT INTO zones (code, name) VALUES ('zb', 'B') RETURNING id`);
    const ind = (zone: string, code: string, fill: string) =>
      handle.query(`INSERT INTO indicators (zone_id, code, name, measure, kind, fill_method) VALUES ($1, $2, $2, '个', 'count', $3)`, [zone, code, fill]);
    await ind(a!.id, 'net_hightech', 'system');
    await ind(a!.id, 'signed_projects', 'system');
    await ind(a!.id, 'gbr', 'manual');
    await ind(b!.id, 'cloud_stars', 'system');
    await ind(b!.id, 'foreign_investment', 'system');
    await ind(b!.id, 'signed_projects', 'manual'); // reported by hand (as Huai'an): no feed
    await ind(b!.id, 'my_own_count', 'system'); // a code no mapping knew: left for its zone to bind
    expect(await migrate(handle, loadMigrations().filter((m) => m.version <= 20))).toEqual(['0020_indicator_feed']); // later migrations are not this test's
    const rows = await handle.query<{ zone: string; code: string; feed: string | null }>(
      `SELECT z.code AS zone, i.code, i.feed FROM indicators i JOIN zones z ON z.id = i.zone_id ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { zone: 'za', code: 'gbr', feed: null },
      { zone: 'za', code: 'net_hightech', feed: 'enterprises.net_high_tech' },
      { zone: 'za', code: 'signed_projects', feed: 'attraction.signed_projects' },
      { zone: 'zb', code: 'cloud_stars', feed: 'enterprises.new_cloud_star' },
      { zone: 'zb', code: 'foreign_investment', feed: 'attraction.foreign_investment' },
      { zone: 'zb', code: 'my_own_count', feed: null },
      { zone: 'zb', code: 'signed_projects', feed: null },
    ]);
    // The checks: a feed key's form, and a feed only on a system-filled indicator.
    const set = (feed: string, code: string) => handle.query(`UPDATE indicators SET feed = $1 WHERE zone_id = $2 AND code = $3`, [feed, b!.id, code]);
    await expect(set('Projects.Started', 'my_own_count')).rejects.toThrow(/indicators_feed_key/);
    await expect(set('projects', 'my_own_count')).rejects.toThrow(/indicators_feed_key/);
    await expect(set('projects.started', 'signed_projects')).rejects.toThrow(/indicators_feed_system/);
    await expect(handle.query(`UPDATE indicators SET fill_method = 'manual' WHERE zone_id = $1 AND code = 'cloud_stars'`, [b!.id])).rejects.toThrow(/indicators_feed_system/);
    await set('projects.started', 'my_own_count');
    const [own] = await handle.query<{ feed: string }>(`SELECT feed FROM indicators WHERE zone_id = $1 AND code = 'my_own_count'`, [b!.id]);
    expect(own!.feed).toBe('projects.started');
  });

  it('0023 turns every former task-force account into a member row (name from the account, unit from the membership)', async () => {
    handle = await openTestDb({ start: 'empty' });
    await migrate(handle, loadMigrations().filter((m) => m.version < 23));
    const [z] = await handle.query<{ id: string }>(`INSERT INTO zones (code, name) VALUES ('za', 'A') RETURNING id`);
    const [u] = await handle.query<{ id: string }>(`INSERT INTO units (zone_id, code, name, kind, ranking_group) VALUES ($1, 'zd', '重大办', 'department', 'functional') RETURNING id`, [z!.id]);
    const user = async (name: string, display: string) =>
      (await handle.query<{ id: string }>(`INSERT INTO users (username, display_name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [name, display]))[0]!.id;
    const a = await user('a1', '重大办填报员');
    const b = await user('b1', '督查办');
    await handle.query(`INSERT INTO memberships (zone_id, user_id, role, unit_id) VALUES ($1, $2, 'reporter', $3), ($1, $4, 'supervisor', NULL)`, [z!.id, a, u!.id, b]);
    const [p] = await handle.query<{ id: string }>(
      `INSERT INTO projects (zone_id, name, category, year, total_investment, responsible_unit_id, task_force_user_ids) VALUES ($1, 'P', 'industrial', 2022, 1, $2, ARRAY[$3, $4]::uuid[]) RETURNING id`,
      [z!.id, u!.id, a, b],
    );
    expect(await migrate(handle, loadMigrations().filter((m) => m.version <= 23))).toEqual(['0023_task_force']);
    const rows = await handle.query(`SELECT zone_id, name, role, unit_id, phone, user_id, sort_order FROM project_task_force WHERE project_id = $1 ORDER BY sort_order`, [p!.id]);
    expect(rows).toEqual([
      { zone_id: z!.id, name: '重大办填报员', role: 'member', unit_id: u!.id, phone: '', user_id: a, sort_order: 1 },
      { zone_id: z!.id, name: '督查办', role: 'member', unit_id: null, phone: '', user_id: b, sort_order: 2 },
    ]);
    // The column is kept (the policy scope reads it) and unchanged.
    const [kept] = await handle.query<{ ids: string[] }>(`SELECT task_force_user_ids AS ids FROM projects WHERE id = $1`, [p!.id]);
    expect(kept!.ids).toEqual([a, b]);
  });
});
