// backup → restore into an empty database reproduces every row, across engines:
// the source is always PGlite; the target is PostgreSQL when DATABASE_URL is set.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/db/client';
import { backupZone, restoreZone, zoneTables } from '../src/domains/backup/backup';
import { openTestDb, type TestDb } from './helpers/db';

let source: TestDb;
let target: Awaited<ReturnType<typeof openTestDb>>;
const dir = mkdtempSync(join(tmpdir(), 'gj-backup-'));

beforeAll(async () => {
  source = await openTestDb({ start: 'demo', engine: 'pglite' });
  // Values that trip naive dumps: exact numerics, JSON, quotes, timestamps with microseconds.
  await source.query(`UPDATE zones SET settings = settings || '{"rate": 7.123456789012345678, "q": "it''s \\"x\\""}'::jsonb WHERE code = 'xuzhou'`);
  await source.query(`UPDATE audit_log SET at = '2022-08-14 09:30:00.123456+08' WHERE action = 'login'`);
  target = await openTestDb();
});
afterAll(async () => {
  await source.drop();
  await target.drop();
});

/** Every row of a zone as PostgreSQL renders it, table by table. */
async function snapshot(h: DbHandle, zone: string) {
  const [z] = await h.query<{ id: string }>('SELECT id FROM zones WHERE code = $1', [zone]);
  const out: Record<string, string[]> = {};
  for (const t of ['zones', 'users', ...(await zoneTables(h))]) {
    const where = t === 'zones' ? 'id = $1' : t === 'users' ? 'id IN (SELECT user_id FROM memberships WHERE zone_id = $1)' : 'zone_id = $1';
    const rows = await h.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM "${t}" x WHERE ${where} ORDER BY 1`, [z!.id]);
    out[t] = rows.map((r) => r.j);
  }
  return out;
}

describe('backup and restore', () => {
  it('reproduce every row of both demo zones in an empty database', async () => {
    for (const zone of ['xuzhou', 'huaian']) {
      const file = join(dir, `${zone}.gjb`);
      const counts = await backupZone(source, zone, file);
      expect(counts.units).toBeGreaterThan(0);
      const restored = await restoreZone(target, file);
      expect(restored.zone).toBe(zone);
      expect(await snapshot(target, zone)).toEqual(await snapshot(source, zone));
      // A second dump of the restored zone is the same file, but for its time stamp.
      const again = join(dir, `${zone}-again.gjb`);
      await backupZone(target, zone, again);
      const body = (f: string) => readFileSync(f, 'utf8').split('\n').slice(1);
      expect(body(again)).toEqual(body(file));
    }
    const [{ n }] = (await target.query<{ n: number }>('SELECT count(*)::int AS n FROM users')) as [{ n: number }];
    const [{ m }] = (await source.query<{ m: number }>('SELECT count(*)::int AS m FROM users')) as [{ m: number }];
    expect(n).toBe(m);
  });

  it('refuse to restore over an existing zone, changing nothing', async () => {
    const file = join(dir, 'xuzhou.gjb');
    const before = await snapshot(target, 'xuzhou');
    await expect(restoreZone(target, file)).rejects.toMatchObject({ code: 'backup.not_empty' });
    expect(await snapshot(target, 'xuzhou')).toEqual(before);
  });

  it('refuse a file that is not a backup', async () => {
    const file = join(dir, 'bogus.gjb');
    (await import('node:fs')).writeFileSync(file, 'hello\n');
    await expect(restoreZone(target, file)).rejects.toMatchObject({ code: 'backup.invalid' });
  });
});
