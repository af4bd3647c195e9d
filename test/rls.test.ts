// Tenancy the database enforces (migrations/0019_tenant_rls.sql, docs/security.md):
// as the tenant role of zone A, a query with no zone filter sees only zone A's rows,
// a row of zone B cannot be written, and every table with zone_id has its policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { writeAudited } from '../src/server/context';
import { zoneSetupSql } from '../src/db/zoneDb';
import { loadMigrations, migrate } from '../src/db/migrate';
import { openTestDb, onPostgres, type TestDb } from './helpers/db';
import { DEMO_PASSWORD, testApp, type TestApp } from './helpers/app';

let db: TestDb;
let A: string, B: string;

beforeAll(async () => {
  db = await openTestDb({ start: 'demo' });
  const zones = await db.query<{ id: string; code: string }>(`SELECT id, code FROM zones`);
  A = zones.find((z) => z.code === 'xuzhou')!.id;
  B = zones.find((z) => z.code === 'huaian')!.id;
});
afterAll(() => db?.drop());

/** Runs fn on one connection inside a transaction of zone `zone`'s tenant role, then rolls back. */
async function asTenant<T>(zone: string, fn: (q: <R>(text: string, params?: unknown[]) => Promise<R[]>) => Promise<T>): Promise<T> {
  return db.session(async (conn) => {
    await conn.exec(`BEGIN; ${zoneSetupSql(zone)}`);
    try {
      return await fn((text, params) => conn.query(text, params));
    } finally {
      await conn.exec('ROLLBACK');
    }
  });
}

const TABLES = ['projects', 'figures', 'loop_items', 'enterprises', 'audit_log', 'units', 'memberships', 'indicators', 'notifications'];

describe(`row-level security (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a query with no zone filter sees only the zone’s rows', async () => {
    const own: Record<string, number> = {};
    const all: Record<string, number> = {};
    for (const t of TABLES) {
      own[t] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t} WHERE zone_id = $1`, [A]))[0]!.n);
      all[t] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);
    }
    // The demo holds rows of both zones: the test would prove nothing otherwise.
    for (const t of ['units', 'audit_log', 'memberships', 'indicators']) expect(all[t], t).toBeGreaterThan(own[t]!);
    expect(own.projects).toBeGreaterThan(0);
    const seen = await asTenant(A, async (q) => {
      const r: Record<string, number> = {};
      for (const t of TABLES) r[t] = Number((await q<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);
      expect((await q<{ u: string }>('SELECT current_user AS u'))[0]!.u).toBe('gongjian_tenant');
      return r;
    });
    expect(seen).toEqual(own);
  });

  it('without a zone set, the tenant role sees nothing', async () => {
    const n = await db.session(async (conn) => {
      await conn.exec(`BEGIN; SET LOCAL ROLE gongjian_tenant`);
      try {
        return Number((await conn.query<{ n: string }>('SELECT count(*) AS n FROM projects'))[0]!.n);
      } finally {
        await conn.exec('ROLLBACK');
      }
    });
    expect(n).toBe(0);
  });

  it('another zone’s rows cannot be written, changed or removed', async () => {
    await expect(
      asTenant(A, (q) => q(`INSERT INTO units (zone_id, code, name, kind, ranking_group) VALUES ($1, 'rls-x', 'RLS', 'town', 'g')`, [B])),
    ).rejects.toThrow(/row-level security/);
    const changed = await asTenant(A, async (q) => ({
      updated: (await q(`UPDATE units SET name = name || '!' WHERE zone_id = $1 RETURNING id`, [B])).length,
      deleted: (await q(`DELETE FROM audit_log WHERE zone_id = $1 RETURNING id`, [B])).length,
      // moving an own row into the other zone is refused too
      moved: await q(`UPDATE units SET zone_id = $1 WHERE zone_id = $2`, [B, A]).then(
        () => 'moved',
        (e: Error) => e.message,
      ),
    }));
    expect(changed.updated).toBe(0);
    expect(changed.deleted).toBe(0);
    expect(changed.moved).toMatch(/row-level security/);
    // zones: every zone readable (names), only its own writable
    const zoneRows = await asTenant(A, async (q) => ({
      seen: (await q(`SELECT id FROM zones`)).length,
      renamed: (await q(`UPDATE zones SET name = name RETURNING id`)).map((r) => (r as { id: string }).id),
    }));
    expect(zoneRows.seen).toBeGreaterThan(1);
    expect(zoneRows.renamed).toEqual([A]);
  });

  it('every table with a zone_id column has row-level security and the zone policy', async () => {
    const rows = await db.query<{ table_name: string; rls: boolean; policy: boolean }>(`
      SELECT c.table_name, k.relrowsecurity AS rls,
             EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = k.oid AND p.polname = 'tenant_zone') AS policy
        FROM information_schema.columns c
        JOIN pg_class k ON k.relname = c.table_name AND k.relnamespace = c.table_schema::regnamespace
       WHERE c.column_name = 'zone_id' AND c.table_schema = current_schema() AND k.relkind IN ('r', 'p')
       ORDER BY 1`);
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((r) => !r.rls || !r.policy).map((r) => r.table_name)).toEqual([]);
    expect((await db.query<{ rls: boolean }>(`SELECT relrowsecurity AS rls FROM pg_class WHERE oid = 'zones'::regclass`))[0]!.rls).toBe(true);
  });

  it('a table a later migration adds gets its policy without writing one', async () => {
    const fresh = await openTestDb({ start: 'migrated' });
    try {
      const later = { version: 9999, name: '9999_later_things', sql: 'CREATE TABLE later_things (id uuid PRIMARY KEY, zone_id uuid NOT NULL)', checksum: 'x' };
      expect(await migrate(fresh, [...loadMigrations(), later])).toEqual(['9999_later_things']);
      const [row] = await fresh.query<{ rls: boolean; policies: number }>(
        `SELECT relrowsecurity AS rls, (SELECT count(*)::int FROM pg_policy WHERE polrelid = 'later_things'::regclass) AS policies FROM pg_class WHERE oid = 'later_things'::regclass`,
      );
      expect(row).toEqual({ rls: true, policies: 1 });
    } finally {
      await fresh.drop();
    }
  });

  it('writeAudited runs as the tenant role of the actor’s zone', async () => {
    const done = new Error('rolled back');
    const seen = await writeAudited(db.db, { zoneId: A, userId: null }, null, async (tx) => {
      const res = await tx.execute(sql`SELECT current_user AS u, (SELECT count(DISTINCT zone_id) FROM projects)::int AS zones`);
      const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { u: string; zones: number }[];
      throw Object.assign(done, { rows });
    }).catch((e: Error & { rows?: unknown }) => e.rows);
    expect(seen).toEqual([{ u: 'gongjian_tenant', zones: 1 }]);
    // and the connection is the owner's again afterwards
    expect((await db.query<{ u: string }>('SELECT current_user AS u'))[0]!.u).not.toBe('gongjian_tenant');
  });
});

describe('with the demo app', () => {
  // One app for both groups: each demo copy costs a database.
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t?.close());

describe('what a zone’s transaction still does beyond its zone, on purpose', () => {

  it('a campaign may not list another zone’s project (its ids are counted with the owner’s rights)', async () => {
    const [p] = await t.handle.query<{ id: string }>(`SELECT p.id FROM projects p JOIN zones z ON z.id = p.zone_id WHERE z.code = 'xuzhou' LIMIT 1`);
    const inHuaian = await t.signIn('supervisor', 'huaian');
    const body = { name: 'RLS 跨区', startDate: '2023-07-01', endDate: '2023-09-30', items: [{ itemType: 'project', itemId: p!.id, title: 'x' }] };
    expect((await inHuaian.send('POST', '/api/campaigns', body)).statusCode).toBe(404);
  });

  it('switching zones ends the session of the zone left; a new password ends the sessions of every zone', async () => {
    const here = await t.signIn('supervisor', 'xuzhou');
    const switched = await t.signIn('supervisor', 'xuzhou');
    expect((await switched.send('POST', '/api/auth/zone', { zone: 'huaian' })).statusCode).toBe(200);
    expect((await switched.get('/api/auth/me')).statusCode).toBe(401);
    const there = await t.signIn('supervisor', 'huaian');
    expect((await there.get('/api/auth/me')).statusCode).toBe(200);
    expect((await here.send('POST', '/api/auth/password', { current: DEMO_PASSWORD, next: 'rls-newpass-123' })).statusCode).toBe(200);
    expect((await there.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('reads of a signed-in request', () => {

  it('go through the zone’s tenant reader: a query with no zone filter sees only that zone', async () => {
    const ids = await t.handle.query<{ id: string; code: string }>(`SELECT id, code FROM zones`);
    const [a, b] = [ids.find((z) => z.code === 'xuzhou')!.id, ids.find((z) => z.code === 'huaian')!.id];
    const reader = t.handle.zoneDb(a);
    const zonesSeen = await reader.execute(sql`SELECT DISTINCT zone_id FROM units`);
    const rows = (Array.isArray(zonesSeen) ? zonesSeen : (zonesSeen as { rows: unknown[] }).rows) as { zone_id: string }[];
    expect(rows.map((r) => r.zone_id)).toEqual([a]);
    expect(await t.handle.zoneDb(b).$count(sql`units`)).toBeGreaterThan(0);
    // the owner connection is unaffected
    expect((await t.handle.query<{ n: number }>(`SELECT count(DISTINCT zone_id)::int AS n FROM units`))[0]!.n).toBeGreaterThan(1);
    // and a request sees its zone's data as before
    const admin = await t.signIn('admin');
    expect((await admin.get('/api/units')).statusCode).toBe(200);
  });
});
});
