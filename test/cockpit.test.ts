// The cockpit API: seed 001's half-year figures exactly (as seeded, and entered
// afresh as reports by the departments and approved); Xuzhou's units with
// colours, ranks, rank changes, the units behind and the campaign countdown.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2023-07-20T02:00:00Z') });
});
afterAll(async () => t.close());

interface Row {
  code: string;
  value: string | null;
  yoy: string | null;
  status: string | null;
  completion: string | null;
  expectedShare: string | null;
  gap: string | null;
  doubleHalf: boolean;
  units: { unitCode: string; value: string | null; rank: number | null; rankChange: number | null; status: string | null; gap: string | null; group: string; completion: string | null }[];
}
const byCode = (body: { indicators: Row[] }) => Object.fromEntries(body.indicators.map((i) => [i.code, i])) as Record<string, Row>;

function expectSeed001(c: Record<string, Row>) {
  expect(c.gbr).toMatchObject({ value: '18.56', yoy: '36.7' }); // 一般公共预算收入18.56亿元、同比增长36.7%
  expect(c.tax_share!.value).toBe('93.25'); // 税占比93.25%
  expect(c.foreign_projects!.value).toBe('10'); // 新签约外资项目10个
  expect(Number(c.foreign_investment!.value)).toBe(57.7); // 计划总投资57.7亿元
  expect(c.trade!.value).toBe('83.04'); // 进出口总额83.04亿元
  expect(Number(c.export!.value)).toBe(57.6); // 出口57.6亿元
  expect(c.export!.yoy).toBe('5.2'); // 同比增长5.2%
  expect(c.signed_projects!.value).toBe('49'); // 新签约亿元以上项目49个
  expect(c.signed_investment!.value).toBe('280.63'); // 计划总投资280.63亿元
}

describe('Huai’an 2023 1–6月 (seed 001)', () => {
  let leader: Client;
  beforeAll(async () => {
    leader = await t.signIn('leader', 'huaian');
  });

  it('opens on the seed’s latest reported month and shows its figures exactly', async () => {
    const res = await leader.get('/api/cockpit');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ period: '2023-06', year: 2023, asOf: '2023-06-30', timeProgress: '49.6' });
    expectSeed001(byCode(body));
    // 双过半: by 30 June time is 49.6% (181/365 days), so it is the task that has to pass half.
    expect(byCode(body).gbr).toMatchObject({ completion: '54.6', expectedShare: '49.6', gap: '5.0', status: 'ahead', doubleHalf: true });
    // 税占比 is a level against its target (90%), at any date.
    expect(byCode(body).tax_share).toMatchObject({ completion: '103.6', expectedShare: '100.0', status: 'ahead' });
  });

  it('shows the same figures when the departments enter them as reports and the supervisor approves them', async () => {
    await t.handle.query(`DELETE FROM figures WHERE period = '2023-06' AND zone_id = (SELECT id FROM zones WHERE code = 'huaian')`);
    expect(byCode((await leader.get('/api/cockpit?period=2023-06')).json()).gbr!.value).toBeNull();
    const [sup, caizheng, jingfa, zhaoshang] = (await Promise.all(
      ['supervisor', 'ha-caizheng', 'ha-jingfa', 'ha-zhaoshang'].map((u) => t.signIn(u, 'huaian')),
    )) as [Client, Client, Client, Client];
    const ids = Object.fromEntries(
      ((await sup.get('/api/targets/indicators?pageSize=100')).json().items as { id: string; code: string }[]).map((i) => [i.code, i.id]),
    );
    const report = async (c: Client, rows: [string, string, string | null][]) => {
      const res = await c.send('PUT', '/api/targets/report', {
        unitId: c.me.user.unitId,
        period: '2023-06',
        submit: true,
        rows: rows.map(([code, value, prevYear]) => ({ indicatorId: ids[code], value, prevYear })),
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await report(caizheng, [['gbr', '18.56', '13.58'], ['tax', '17.307', null]]);
    await report(jingfa, [['trade', '83.04', null], ['export', '57.6', '54.75']]);
    await report(zhaoshang, [['signed_projects', '49', null], ['signed_investment', '280.63', null], ['foreign_projects', '10', null], ['foreign_investment', '57.7', null]]);
    // The finance office cannot report the economic office's figures.
    expect((await caizheng.send('PUT', '/api/targets/report', { unitId: jingfa.me.user.unitId, period: '2023-06', rows: [{ indicatorId: ids.trade, value: '1' }] })).statusCode).toBe(403);
    const queue = (await sup.get('/api/targets/figures?period=2023-06&state=submitted&pageSize=50')).json();
    expect(queue.total).toBe(8);
    await sup.send('POST', '/api/targets/figures/review', { figures: queue.items.map((f: { id: string; version: number }) => ({ id: f.id, version: f.version })), decision: 'approve' });
    // Whether or not every unit owing a figure reported, the lock is confirmed with a reason.
    expect((await sup.send('POST', '/api/targets/periods/2023-06/lock', { confirmMissing: true, reason: '按种子数据发布' })).statusCode).toBe(200);
    expectSeed001(byCode((await leader.get('/api/cockpit')).json()));
  });

  it('shows campaign countdowns that have not ended', async () => {
    const body = (await leader.get('/api/cockpit?period=2023-06')).json();
    expect(body.campaigns).toEqual([
      expect.objectContaining({ name: '大干三季度、决胜下半年', phase: 'upcoming', startDate: '2023-07-15', endDate: '2023-12-31', daysLeft: 184, daysToStart: 15, totalDays: 170 }),
    ]);
  });
});

describe('Xuzhou 2022: units, colours and ranks', () => {
  let leader: Client, reporter: Client;
  let body: { period: string; indicators: Row[]; behind: { gap: string; status: string }[]; ranking: { rank: number | null; group: string; rankChange: number | null }[]; campaigns: { name: string; daysLeft: number; phase: string }[] };
  beforeAll(async () => {
    leader = await t.signIn('leader', 'xuzhou');
    reporter = await t.signIn('xz-donghuan', 'xuzhou');
    body = (await leader.get('/api/cockpit')).json();
  });

  it('opens on August 2022 with every colour among the units', () => {
    expect(body.period).toBe('2022-08');
    // 双过半 belongs to the half-year report, not to every month after it.
    expect(body.indicators.some((i) => i.doubleHalf)).toBe(false);
    const statuses = new Set(body.indicators.flatMap((i) => i.units.map((u) => u.status)));
    for (const s of ['ahead', 'on_track', 'slightly_behind', 'far_behind']) expect(statuses).toContain(s);
  });

  it('sums the units into the zone and ranks them within their group, with the change since July', () => {
    const gbr = byCode(body).gbr!;
    const total = gbr.units.reduce((s, u) => s + Math.round(Number(u.value) * 100), 0) / 100;
    expect(Number(gbr.value)).toBeCloseTo(total, 2);
    const territorial = gbr.units.filter((u) => u.group === 'territorial');
    expect(territorial).toHaveLength(6);
    expect(territorial.map((u) => u.rank).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    // Ranked by completion, best first.
    const comps = territorial.map((u) => Number(u.completion));
    expect([...comps].sort((a, b) => b - a)).toEqual(comps);
    expect(territorial.every((u) => typeof u.rankChange === 'number')).toBe(true);
    expect(body.indicators.some((i) => i.units.some((u) => u.rankChange !== 0 && u.rankChange !== null))).toBe(true);
  });

  it('lists the units behind, worst first, and an overall ranking', () => {
    expect(body.behind.length).toBeGreaterThan(0);
    const gaps = body.behind.map((b) => Number(b.gap));
    expect([...gaps].sort((a, b) => a - b)).toEqual(gaps);
    expect(body.behind.every((b) => b.status === 'slightly_behind' || b.status === 'far_behind')).toBe(true);
    expect(body.ranking.filter((r) => r.group === 'territorial').map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    // 争先进位 of the overall ranking: every unit ranked in July too has a change (the changes of a group add up to nought).
    const changes = body.ranking.map((r) => r.rankChange);
    expect(changes.every((c) => typeof c === 'number')).toBe(true);
    expect(changes.reduce((a, c) => a! + c!, 0)).toBe(0);
  });

  it('counts down 冲刺100天 from the month’s end', () => {
    expect(body.campaigns).toEqual([expect.objectContaining({ name: '冲刺100天、奋力保全年', phase: 'running', daysLeft: 82 })]);
  });

  it('judges an earlier month against its own time progress, and a chosen date', async () => {
    const march = (await leader.get('/api/cockpit?period=2022-03')).json();
    expect(march).toMatchObject({ period: '2022-03', asOf: '2022-03-31', timeProgress: '24.7' });
    const mid = (await leader.get('/api/cockpit?period=2022-03&asOf=2022-04-15')).json();
    expect(mid.timeProgress).toBe('28.8');
    expect(march.indicators.some((i: Row) => i.doubleHalf)).toBe(false);
    expect(Number(byCode(mid).gbr!.expectedShare)).toBeGreaterThan(Number(byCode(march).gbr!.expectedShare));
  });

  it('drills down to a unit’s months; a reporter of another unit reads only approved rows', async () => {
    const gbr = byCode(body).gbr!;
    const damiao = (await leader.get(`/api/units?search=${encodeURIComponent('大庙')}`)).json().items[0].id;
    const rows = (await leader.get(`/api/cockpit/drill?indicatorId=${(body.indicators.find((i) => i.code === 'gbr') as unknown as { id: string }).id}&unitId=${damiao}&year=2022`)).json();
    expect(rows.map((r: { period: string }) => r.period)).toEqual(['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08']);
    expect(rows.at(-1).value).toBe(gbr.units.find((u) => u.unitCode === 'damiao')!.value);
    const asReporter = await reporter.get(`/api/cockpit/drill?indicatorId=${(gbr as unknown as { id: string }).id}&unitId=${damiao}&year=2022`);
    expect(asReporter.statusCode).toBe(200);
    expect(asReporter.json().every((r: { state: string }) => r.state === 'approved')).toBe(true);
  });

  it('refuses a malformed period and anonymous readers', async () => {
    expect((await leader.get('/api/cockpit?period=2022-13')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/cockpit' })).statusCode).toBe(401);
  });
});

describe('the cockpit cache (migrations/0008)', () => {
  const zone = `(SELECT id FROM zones WHERE code = 'xuzhou')`;
  const version = async () => Number((await t.handle.query<{ v: string }>(`SELECT COALESCE((SELECT version FROM zone_data_versions WHERE zone_id = ${zone}), 0) AS v`))[0]!.v);

  it('moves the zone’s data version once per committed transaction, and not for a rolled-back one', async () => {
    const before = await version();
    await t.handle.exec(`BEGIN; UPDATE figures SET note = note WHERE zone_id = ${zone} AND period = '2022-08'; UPDATE targets SET floor = floor WHERE zone_id = ${zone}; COMMIT;`);
    expect(await version()).toBe(before + 1);
    await t.handle.exec(`BEGIN; UPDATE figures SET note = note WHERE zone_id = ${zone}; ROLLBACK;`);
    expect(await version()).toBe(before + 1);
    // Another zone's writes leave it alone.
    await t.handle.query(`UPDATE figures SET note = note WHERE zone_id = (SELECT id FROM zones WHERE code = 'huaian')`);
    expect(await version()).toBe(before + 1);
  });

  it('serves a repeated read from the cache and sees a write made by another process at once', async () => {
    const leader = await t.signIn('leader', 'xuzhou');
    const first = await leader.get('/api/cockpit?period=2022-08');
    const again = await leader.get('/api/cockpit?period=2022-08');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.body).toBe(first.body);
    // Straight into the database, as an API process on another machine would.
    await t.handle.query(
      `UPDATE figures SET value = value + 1 WHERE zone_id = ${zone} AND period = '2022-08'
       AND indicator_id = (SELECT id FROM indicators WHERE zone_id = ${zone} AND code = 'gbr')
       AND unit_id = (SELECT id FROM units WHERE zone_id = ${zone} AND code = 'damiao')`,
    );
    const after = byCode((await leader.get('/api/cockpit?period=2022-08')).json()).gbr!;
    const was = byCode(first.json()).gbr!;
    expect(Number(after.value)).toBeCloseTo(Number(was.value) + 1, 2);
    expect(Number(after.units.find((u) => u.unitCode === 'damiao')!.value)).toBeCloseTo(Number(was.units.find((u) => u.unitCode === 'damiao')!.value) + 1, 2);
    // A changed threshold (zone settings) is a new cockpit too.
    await t.handle.query(`INSERT INTO target_settings (zone_id, amber_points, red_points) VALUES (${zone}, 1, 2)
      ON CONFLICT (zone_id) DO UPDATE SET amber_points = 1, red_points = 2`);
    expect((await leader.get('/api/cockpit?period=2022-08')).json().thresholds).toMatchObject({ amber: expect.stringMatching(/^1(\.0+)?$/), red: expect.stringMatching(/^2(\.0+)?$/) });
  });

  it('sends the cached cockpit gzipped to a client that accepts it, the same JSON byte for byte, and plain otherwise', async () => {
    const leader = await t.signIn('leader', 'xuzhou');
    const plain = await leader.get('/api/cockpit?period=2022-08');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await leader.get('/api/cockpit?period=2022-08', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    // q=0 refuses gzip.
    expect((await leader.get('/api/cockpit?period=2022-08', { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined();
    // The project list and battle map, cached the same way.
    const map = await leader.get('/api/projects/battle-map', { 'accept-encoding': 'gzip' });
    expect(map.statusCode).toBe(200);
    expect(JSON.parse(gunzipSync(map.rawPayload).toString('utf8'))).toEqual((await leader.get('/api/projects/battle-map')).json());
  });

  it('revalidates by ETag: 304 while the data version holds, the new answer (gzipped, byte for byte) after a write', async () => {
    const leader = await t.signIn('leader', 'xuzhou');
    const gz = { 'accept-encoding': 'gzip, deflate, br' };
    const first = await leader.get('/api/cockpit?period=2022-08', gz);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const same = await leader.get('/api/cockpit?period=2022-08', { ...gz, 'if-none-match': etag });
    expect(same.statusCode).toBe(304);
    expect(same.rawPayload.length).toBe(0);
    // Another month or date is another answer.
    expect((await leader.get('/api/cockpit?period=2022-07', { 'if-none-match': etag })).statusCode).toBe(200);
    await t.handle.query(
      `UPDATE figures SET value = value + 2 WHERE zone_id = ${zone} AND period = '2022-08'
       AND indicator_id = (SELECT id FROM indicators WHERE zone_id = ${zone} AND code = 'gbr')
       AND unit_id = (SELECT id FROM units WHERE zone_id = ${zone} AND code = 'damiao')`,
    );
    const after = await leader.get('/api/cockpit?period=2022-08', { ...gz, 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.headers['content-encoding']).toBe('gzip');
    const json = gunzipSync(after.rawPayload).toString('utf8');
    expect(json).toBe((await leader.get('/api/cockpit?period=2022-08')).body);
    const was = byCode(JSON.parse(gunzipSync(first.rawPayload).toString('utf8')) as { indicators: Row[] }).gbr!;
    expect(Number(byCode(JSON.parse(json) as { indicators: Row[] }).gbr!.value)).toBeCloseTo(Number(was.value) + 2, 2);
  });

  it('with previous=marked, answers during a computation with the answer from before the write, marked with its version; never unmarked', async () => {
    const leader = await t.signIn('leader', 'xuzhou');
    const url = '/api/cockpit?period=2022-08&previous=marked';
    const gbrOf = (body: { indicators: Row[] }) => byCode(body).gbr!.value;
    const first = await leader.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-data-current']).toBe('true');
    const old = first.json() as { freshness: { dataVersion: string; current: boolean; computedAt: string }; indicators: Row[] };
    expect(old.freshness).toMatchObject({ current: true, dataVersion: first.headers['x-data-version'] });
    await t.handle.query(
      `UPDATE figures SET value = value + 3 WHERE zone_id = ${zone} AND period = '2022-08'
       AND indicator_id = (SELECT id FROM indicators WHERE zone_id = ${zone} AND code = 'gbr')
       AND unit_id = (SELECT id FROM units WHERE zone_id = ${zone} AND code = 'damiao')`,
    );
    // The write moved the version; this read starts the computation and gets the old answer at once, marked.
    const during = await leader.get(url, { 'if-none-match': first.headers.etag as string });
    expect(during.statusCode).toBe(200); // its own ETag: never a 304 that would keep the unmarked copy
    expect(during.headers.etag).not.toBe(first.headers.etag);
    expect(during.headers).toMatchObject({ 'x-data-current': 'false', 'x-data-version': old.freshness.dataVersion });
    const marked = during.json() as typeof old;
    expect(marked.freshness).toEqual({ ...old.freshness, current: false });
    expect({ ...marked, freshness: null }).toEqual({ ...old, freshness: null });
    // A reader that does not take the previous answer waits for the computation and gets the write.
    const fresh = await leader.get('/api/cockpit?period=2022-08');
    const now = fresh.json() as typeof old;
    expect(now.freshness.current).toBe(true);
    expect(BigInt(now.freshness.dataVersion)).toBeGreaterThan(BigInt(old.freshness.dataVersion));
    expect(Number(gbrOf(now))).toBeCloseTo(Number(gbrOf(old)) + 3, 2);
    // The next read is the fresh answer, current.
    const next = await leader.get(url);
    expect(next.json()).toEqual(now);
    expect(next.headers['x-data-current']).toBe('true');
    // A month never read has no previous answer: its reader waits, and gets the current one.
    await t.handle.query(`UPDATE figures SET value = value + 1 WHERE zone_id = ${zone} AND period = '2022-04' AND unit_id IS NOT NULL AND indicator_id = (SELECT id FROM indicators WHERE zone_id = ${zone} AND code = 'gbr')`);
    const unread = await leader.get('/api/cockpit?period=2022-04&previous=marked');
    expect(unread.json().freshness).toMatchObject({ current: true });
    expect(BigInt(unread.json().freshness.dataVersion)).toBeGreaterThan(BigInt(now.freshness.dataVersion));
  });

  it('with previous=marked, a read right after writes through the API is the write or marked as older, until it is the write', async () => {
    const [leader, sup] = await Promise.all([t.signIn('leader', 'xuzhou'), t.signIn('supervisor', 'xuzhou')]);
    const url = '/api/cockpit?period=2022-08&previous=marked';
    const before = byCode((await leader.get(url)).json()).gbr! as Row & { id: string };
    const damiao = before.units.find((u) => u.unitCode === 'damiao')! as Row['units'][number] & { unitId: string };
    const value = (Number(damiao.value) + 5).toFixed(2);
    const res = await sup.send('POST', '/api/targets/figures/correct', { unitId: damiao.unitId, period: '2022-08', rows: [{ indicatorId: before.id, value }], reason: '核对后更正' });
    expect(res.statusCode, res.body).toBe(200);
    const written = (await leader.get('/api/cockpit?period=2022-08')).json() as { freshness: { dataVersion: string } };
    await expect
      .poll(async () => {
        const body = (await leader.get(url)).json() as { freshness: { dataVersion: string; current: boolean }; indicators: Row[] };
        const shown = byCode(body).gbr!.units.find((u) => u.unitCode === 'damiao')!.value;
        // Never an old answer unmarked: a current one has the write, one without it is marked older.
        if (body.freshness.current) expect(shown).toBe(value);
        else expect(BigInt(body.freshness.dataVersion)).toBeLessThan(BigInt(written.freshness.dataVersion));
        return body.freshness.current && shown;
      })
      .toBe(value);
  });

  it('answers a read right after a write through the API with the write (the refresh it starts is waited for, never skipped)', async () => {
    const [leader, sup] = await Promise.all([t.signIn('leader', 'xuzhou'), t.signIn('supervisor', 'xuzhou')]);
    const before = byCode((await leader.get('/api/cockpit?period=2022-08')).json()).gbr! as Row & { id: string };
    const damiao = before.units.find((u) => u.unitCode === 'damiao')! as Row['units'][number] & { unitId: string };
    for (const step of [1, 2]) {
      const value = (Number(damiao.value) + step).toFixed(2);
      const res = await sup.send('POST', '/api/targets/figures/correct', { unitId: damiao.unitId, period: '2022-08', rows: [{ indicatorId: before.id, value }], reason: '核对后更正' });
      expect(res.statusCode, res.body).toBe(200);
      // No pause: the read meets the refresh the write started, or its result.
      const after = byCode((await leader.get('/api/cockpit?period=2022-08')).json()).gbr!;
      expect(after.units.find((u) => u.unitCode === 'damiao')!.value).toBe(value);
      expect(Number(after.value)).toBeCloseTo(Number(before.value) + step, 2);
    }
  });
});
