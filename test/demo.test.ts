import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, demoAccounts } from '../src/domains/demo/build';
import { DEMO_PASSWORD, testApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const counts = async () =>
  t.handle.query<{ t: string; n: number }>(
    `SELECT 'zones' t, count(*)::int n FROM zones UNION ALL SELECT 'units', count(*)::int FROM units
     UNION ALL SELECT 'users', count(*)::int FROM users UNION ALL SELECT 'audit', count(*)::int FROM audit_log`,
  );

describe('demo data', () => {
  it('holds the seeds’ two zones and their units', async () => {
    const rows = await t.handle.query<{ code: string; name: string }>(`SELECT z.code, u.name FROM units u JOIN zones z ON z.id = u.zone_id`);
    const xz = rows.filter((r) => r.code === 'xuzhou').map((r) => r.name);
    expect(xz).toEqual(expect.arrayContaining(['大庙街道', '大黄山街道', '东环街道', '金山桥街道', '金龙湖街道', '徐庄镇', '经发局', '招商局', '财政局', '督查办']));
    expect(rows.filter((r) => r.code === 'huaian').map((r) => r.name)).toEqual(expect.arrayContaining(['钵池街道', '枚乘街道']));
  });

  it('lets every demo account sign in to each of its zones', async () => {
    for (const a of demoAccounts()) {
      for (const zone of a.zones) {
        const c = await t.signIn(a.username, zone);
        expect(c.me.user.role).toBe(a.role);
      }
    }
  }, 60_000);

  it('is built once: a second run changes nothing', async () => {
    const before = await counts();
    const again = await buildDemo(t.handle, DEMO_PASSWORD);
    expect(again.created).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
