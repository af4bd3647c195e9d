// Counts that feed the indicators bound to them (issues 7, 4 and 15), on a zone of the
// test's own whose indicators are bound to the register's and 招商's counts: tag dates
// and signings become the year-to-date figures of those indicators, in the same
// transaction as the write, audited; the 重新同步 action recomputes a year and changes
// nothing when nothing changed. The demo's own fed figures are checked in demo.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';
import { creditCode, makeZone, unit as unitSpec, type Zone } from './helpers/factories';

let t: TestApp;
let z: Zone;
let sup: Client, leader: Client, damiao: Client, zhaoshang: Client, admin: Client;
let zoneId: string;
const unit: Record<string, string> = {};

beforeAll(async () => {
  // Early September 2022: August has ended and can be reported.
  t = await testApp({ demo: false, clock: () => new Date('2022-09-05T02:00:00Z') });
  z = await makeZone(t.handle, 'fd', {
    units: [
      unitSpec('damiao', '大庙街道'),
      unitSpec('donghuan', '东环街道'),
      unitSpec('jinlonghu', '金龙湖街道'),
      unitSpec('jingfa', '经发局', 'department'),
      unitSpec('zhaoshang', '招商局', 'department'),
      unitSpec('ducha', '督查办', 'department'),
    ],
  });
  zoneId = z.id;
  for (const c of ['damiao', 'donghuan', 'jinlonghu', 'zhaoshang']) unit[c] = z.unitId(c);
  [sup, leader, damiao, zhaoshang, admin] = (await Promise.all(['supervisor', 'leader', z.reporter('damiao'), z.reporter('zhaoshang'), 'admin'].map((u) => t.signIn(u, z.code)))) as [Client, Client, Client, Client, Client];
  // The zone's own indicators, bound to the counts (the codes are the test's, not a catalogue's).
  const fed = { fillMethod: 'system' as const, decimals: 0 };
  const count = { kind: 'count' as const, measure: '家' };
  const perUnit = [
    await z.indicator({ code: 'net_four_above', name: '净增“四上”企业', ...count, ...fed, feed: 'enterprises.net_four_above' }),
    await z.indicator({ code: 'signed_projects', name: '新签约亿元以上项目', kind: 'count', measure: '个', ...fed, feed: 'attraction.signed_projects' }),
  ];
  const zoneLevel = [
    await z.indicator({ code: 'net_hightech', name: '净增高新技术企业', ...count, ...fed, feed: 'enterprises.net_high_tech', aggregation: 'zone_reported', owner: 'jingfa' }),
    await z.indicator({ code: 'little_giants', name: '新增专精特新“小巨人”企业', ...count, ...fed, feed: 'enterprises.new_little_giant', aggregation: 'zone_reported', owner: 'jingfa' }),
    await z.indicator({ code: 'signed_investment', name: '新签约亿元以上项目计划总投资', kind: 'flow', measure: '亿元', ...fed, decimals: 2, feed: 'attraction.signed_investment', aggregation: 'zone_reported', owner: 'zhaoshang' }),
    await z.indicator({ code: 'foreign_projects', name: '新签约外资项目', kind: 'count', measure: '个', ...fed, feed: 'attraction.foreign_projects', aggregation: 'zone_reported', owner: 'zhaoshang' }),
    await z.indicator({ code: 'foreign_investment', name: '新签约外资项目计划总投资', kind: 'flow', measure: '亿元', ...fed, decimals: 2, feed: 'attraction.foreign_investment', aggregation: 'zone_reported', owner: 'zhaoshang' }),
  ];
  // 2022 is a year the zone works in: targets for the units that report and for the zone.
  for (const ind of perUnit) for (const c of ['damiao', 'donghuan', 'jinlonghu', 'zhaoshang']) await z.target(ind, c, 2022, '5');
  for (const ind of zoneLevel) await z.target(ind, null, 2022, '10');
  // The year's dollar rate, as a zone sets it for its projects.
  const settings = (await admin.get('/api/projects/settings')).json();
  const rate = await admin.send('PUT', '/api/projects/settings', { ...settings, usdRates: { '2022': '6.7261' } });
  expect(rate.statusCode, rate.body).toBe(200);
}, 120_000);
afterAll(async () => t.close());

/** Figures of an indicator for one unit (or the zone, null) by period. */
async function series(code: string, unitId: string | null, z = zoneId): Promise<Record<string, number>> {
  const rows = await t.handle.query<{ period: string; value: string }>(
    `SELECT f.period, f.value::text AS value FROM figures f JOIN indicators i ON i.id = f.indicator_id
     WHERE f.zone_id = $1 AND i.code = $2 AND f.unit_id IS NOT DISTINCT FROM $3 AND f.period LIKE '2022-%' ORDER BY f.period`,
    [z, code, unitId],
  );
  return Object.fromEntries(rows.map((r) => [r.period, Number(r.value)]));
}
const auditRows = async (entity?: string) =>
  (await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE $1::text IS NULL OR entity = $1`, [entity ?? null]))[0]!.n;
const figureVersions = async () => (await t.handle.query<{ s: string }>(`SELECT coalesce(sum(version), 0)::text AS s FROM figures`))[0]!.s;
/** Every month of 2022 from `from` to `to`, each 0. */
const months = (from: number, to: number) => Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`2022-${String(from + i).padStart(2, '0')}`, 0]));
const diff = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((p) => [p, after[p]! - (before[p] ?? 0)]));

describe('register → indicators', () => {
  let id: string, spanId: string;
  let base: Record<string, number>;

  it('a tag gained in March shows in the March, April… year-to-date figures of its unit, not in February', async () => {
    // Bound before the register holds anything: a re-sync on 5 September writes the year so far
    // (January to this month), every count 0, for each unit with a target and for the zone's own.
    const first = (await sup.send('POST', '/api/enterprise-counts/sync', { year: 2022 })).json();
    expect(first.changed).toBe(9 * (4 + 2));
    expect(first.changes.every((c: { from: string | null; to: string }) => c.from === null && c.to === '0')).toBe(true);
    expect(new Set(first.changes.map((c: { period: string }) => c.period))).toEqual(new Set(Object.keys(months(1, 9))));
    base = await series('net_four_above', unit.damiao!);
    expect(base).toEqual(months(1, 9));
    // January to July reported (招商's counts too) and published (locked), as a zone's months are by September.
    expect((await sup.send('POST', '/api/attraction/counts/sync', { year: 2022 })).statusCode).toBe(200);
    for (const m of Object.keys(months(1, 7))) {
      const lock = await sup.send('POST', `/api/targets/periods/${m}/lock`);
      expect(lock.statusCode, lock.body).toBe(200);
    }
    const made = await sup.send('POST', '/api/enterprises', { name: '徐州测试计数机械有限公司', creditCode: creditCode(900), unitId: unit.damiao });
    expect(made.statusCode, made.body).toBe(200);
    id = made.json().id;
    const before = await auditRows();
    const figuresBefore = await auditRows('figure');
    const tag = await damiao.send('POST', `/api/enterprises/${id}/tags`, { tag: 'four_above', gainedOn: '2022-03-10' });
    expect(tag.statusCode, tag.body).toBe(200);
    spanId = tag.json().id;
    const after = await series('net_four_above', unit.damiao!);
    expect(diff(after, base)).toEqual({ '2022-01': 0, '2022-02': 0, '2022-03': 1, '2022-04': 1, '2022-05': 1, '2022-06': 1, '2022-07': 1, '2022-08': 1, '2022-09': 1 });
    // Audited in the same transaction: the tag and one entry per changed figure (March … September).
    expect((await auditRows('figure')) - figuresBefore).toBe(7);
    expect((await auditRows()) - before).toBe(8);
    // Locked months (January–July) are corrected, with the source as the reason.
    const [march] = await t.handle.query<{ source: string; source_name: string; correction_reason: string | null }>(
      `SELECT f.source, f.source_name, f.correction_reason FROM figures f JOIN indicators i ON i.id = f.indicator_id WHERE i.zone_id = $1 AND i.code = 'net_four_above' AND f.unit_id = $2 AND f.period = '2022-03'`,
      [zoneId, unit.damiao],
    );
    expect(march).toMatchObject({ source: 'system', source_name: 'enterprises', correction_reason: '系统更新（enterprises）' });
  });

  it('losing it in May lowers May onwards', async () => {
    const lose = await damiao.send('POST', `/api/enterprises/${id}/tags/${spanId}/lose`, { lostOn: '2022-05-20', version: 1 });
    expect(lose.statusCode, lose.body).toBe(200);
    const after = await series('net_four_above', unit.damiao!);
    expect(diff(after, base)).toMatchObject({ '2022-02': 0, '2022-03': 1, '2022-04': 1, '2022-05': 0, '2022-08': 0, '2022-09': 0 });
  });

  it('feeds a zone-reported count (净增高新技术企业) and follows the enterprise to another unit', async () => {
    const zone0 = await series('net_hightech', null);
    await sup.send('POST', `/api/enterprises/${id}/tags`, { tag: 'high_tech', gainedOn: '2022-06-01' });
    expect(diff(await series('net_hightech', null), zone0)).toMatchObject({ '2022-05': 0, '2022-06': 1, '2022-09': 1 });
    // A four-above span held in August, then the enterprise moves from 大庙 to 东环.
    await sup.send('POST', `/api/enterprises/${id}/tags`, { tag: 'four_above', gainedOn: '2022-08-01' });
    const donghuan0 = await series('net_four_above', unit.donghuan!);
    expect(diff(await series('net_four_above', unit.damiao!), base)).toMatchObject({ '2022-07': 0, '2022-08': 1 });
    const version = (await sup.get(`/api/enterprises/${id}`)).json().version;
    const moved = await sup.send('PATCH', `/api/enterprises/${id}`, { unitId: unit.donghuan, version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(diff(await series('net_four_above', unit.damiao!), base)).toMatchObject({ '2022-03': 0, '2022-08': 0 });
    expect(diff(await series('net_four_above', unit.donghuan!), donghuan0)).toMatchObject({ '2022-03': 1, '2022-04': 1, '2022-05': 0, '2022-08': 1 });
  });

  it('does not let a reporter overwrite a system-filled figure', async () => {
    const form = (await damiao.get(`/api/targets/report?unitId=${unit.damiao}&period=2022-08`)).json();
    const row = form.rows.find((r: { code: string }) => r.code === 'net_four_above');
    expect(row).toMatchObject({ fillMethod: 'system', figure: { source: 'system', state: 'approved' } });
    const res = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: '2022-08', rows: [{ indicatorId: row.indicatorId, value: '40', prevYear: null, note: '', fileIds: [] }] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'targets.system_filled', message: '“净增“四上”企业”由系统自动统计（企业库、招商等），不能手工填报' });
    const en = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: '2022-08', rows: [{ indicatorId: row.indicatorId, value: '40', prevYear: null, note: '', fileIds: [] }] }, { 'x-lang': 'en' });
    expect(en.json().message).toMatch(/^".+" is counted by the system/);
  });
});

describe('招商 → indicators', () => {
  let leadId: string;
  let signed0: Record<string, number>, invest0: Record<string, number>;

  it('signing a lead of 1亿元 and more changes 新签约亿元以上项目 and its investment from its month', async () => {
    await sup.send('POST', '/api/attraction/counts/sync', { year: 2022 });
    signed0 = await series('signed_projects', unit.zhaoshang!);
    invest0 = await series('signed_investment', null);
    const lead = await zhaoshang.send('POST', '/api/attraction/leads', { name: '测试计数精密部件', unitId: unit.zhaoshang, expectedInvestment: '3.5' });
    expect(lead.statusCode, lead.body).toBe(200);
    leadId = lead.json().id;
    await zhaoshang.send('POST', `/api/attraction/leads/${leadId}/stage`, { stage: 'negotiating', version: await t.version('attraction_leads', leadId) });
    const signed = await zhaoshang.send('POST', `/api/attraction/leads/${leadId}/stage`, { stage: 'signed', signedOn: '2022-06-15', version: await t.version('attraction_leads', leadId) });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(diff(await series('signed_projects', unit.zhaoshang!), signed0)).toMatchObject({ '2022-05': 0, '2022-06': 1, '2022-07': 1, '2022-08': 1 });
    expect(diff(await series('signed_investment', null), invest0)).toMatchObject({ '2022-05': 0, '2022-06': 3.5, '2022-08': 3.5 });
    // A lead under 1亿元 is not counted.
    const small = await zhaoshang.send('POST', '/api/attraction/leads', { name: '测试计数小项目', unitId: unit.zhaoshang, expectedInvestment: '0.5' });
    await zhaoshang.send('POST', `/api/attraction/leads/${small.json().id}/stage`, { stage: 'signed', signedOn: '2022-06-20', version: await t.version('attraction_leads', small.json().id) });
    expect(diff(await series('signed_projects', unit.zhaoshang!), signed0)['2022-06']).toBe(1);
    // Moved back to 在谈: no longer counted.
    await zhaoshang.send('POST', `/api/attraction/leads/${leadId}/stage`, { stage: 'negotiating', version: await t.version('attraction_leads', leadId) });
    expect(diff(await series('signed_investment', null), invest0)['2022-08']).toBe(0);
    await zhaoshang.send('POST', `/api/attraction/leads/${leadId}/stage`, { stage: 'signed', signedOn: '2022-06-15', version: await t.version('attraction_leads', leadId) });
  });

  it('converts a foreign-capital lead’s 亿美元 at the year’s rate, and counts its project once, in the project’s unit', async () => {
    const fp0 = await series('foreign_projects', null);
    const fi0 = await series('foreign_investment', null);
    const lead = await zhaoshang.send('POST', '/api/attraction/leads', { name: '测试计数外资电子', unitId: unit.zhaoshang, currency: 'USD', expectedInvestment: '2' });
    const id = lead.json().id;
    await zhaoshang.send('POST', `/api/attraction/leads/${id}/stage`, { stage: 'signed', signedOn: '2022-07-05', version: await t.version('attraction_leads', id) });
    expect(diff(await series('foreign_projects', null), fp0)).toMatchObject({ '2022-06': 0, '2022-07': 1, '2022-08': 1 });
    const counts = (await leader.get('/api/attraction/counts?year=2022')).json();
    expect(counts.usdRate).toBe('6.7261');
    expect((await series('foreign_investment', null))['2022-07']).toBeCloseTo(Number(counts.ytd[6].foreignInvestmentYuan), 2);
    expect(diff(await series('foreign_investment', null), fi0)['2022-07']).toBeCloseTo(13.45, 2); // 2亿美元 × 6.7261
    const jinlonghu0 = await series('signed_projects', unit.jinlonghu!);
    const zs0 = await series('signed_projects', unit.zhaoshang!);
    const conv = await sup.send('POST', `/api/attraction/leads/${id}/convert`, { responsibleUnitId: unit.jinlonghu, version: await t.version('attraction_leads', id) });
    expect(conv.statusCode, conv.body).toBe(200);
    expect(diff(await series('signed_projects', unit.jinlonghu!), jinlonghu0)).toMatchObject({ '2022-06': 0, '2022-07': 1 });
    expect(diff(await series('signed_projects', unit.zhaoshang!), zs0)).toMatchObject({ '2022-07': -1 });
    expect(diff(await series('foreign_projects', null), fp0)['2022-08']).toBe(1);
  });

  it('counts a project signed in 项目 (created, re-dated, dropped) from its month', async () => {
    const jl0 = await series('signed_projects', unit.jinlonghu!);
    const made = await sup.send('POST', '/api/projects', {
      name: '测试计数项目签约',
      category: 'industrial',
      year: 2022,
      totalInvestment: '6',
      responsibleUnitId: unit.jinlonghu,
      stageDates: { signed: { actual: '2022-04-18' } },
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id;
    expect(diff(await series('signed_projects', unit.jinlonghu!), jl0)).toMatchObject({ '2022-03': 0, '2022-04': 1, '2022-08': 1 });
    const moved = await sup.send('POST', `/api/projects/${id}/stage`, { stage: 'signed', actual: '2022-07-02', version: await t.version('projects', id) });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(diff(await series('signed_projects', unit.jinlonghu!), jl0)).toMatchObject({ '2022-04': 0, '2022-06': 0, '2022-07': 1 });
    const dropped = await sup.send('POST', `/api/projects/${id}/stage`, { stage: 'signed', actual: null, version: await t.version('projects', id) });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(diff(await series('signed_projects', unit.jinlonghu!), jl0)['2022-08']).toBe(0);
  });

  it('shows in the cockpit for the month', async () => {
    const counts = (await leader.get('/api/attraction/counts?year=2022')).json();
    const cockpit = (await leader.get('/api/cockpit?period=2022-07')).json();
    const ind = (code: string) => cockpit.indicators.find((i: { code: string }) => i.code === code);
    expect(Number(ind('foreign_projects').value)).toBe(counts.ytd[6].foreignProjects);
    expect(Number(ind('signed_projects').value)).toBe(counts.ytd[6].signedLarge);
    expect(Number(ind('signed_investment').value)).toBeCloseTo(Number(counts.ytd[6].signedLargeInvestmentYuan), 2);
  });
});

describe('重新同步', () => {
  it('is idempotent: no changed figure and no audit entry when nothing changed', async () => {
    const audits = await auditRows();
    const versions = await figureVersions();
    for (const url of ['/api/enterprise-counts/sync', '/api/attraction/counts/sync']) {
      const res = await sup.send('POST', url, { year: 2022 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ year: 2022, changed: 0, changes: [] });
    }
    expect(await auditRows()).toBe(audits);
    expect(await figureVersions()).toBe(versions);
  });

  it('brings in data that existed before the feed (written around it), audited, once', async () => {
    const e = await sup.send('POST', '/api/enterprises', { name: '徐州测试存量企业有限公司', creditCode: creditCode(901), unitId: unit.jinlonghu });
    // A tag written straight into the table, as data from before this feature.
    await t.handle.query(`INSERT INTO enterprise_tags (zone_id, enterprise_id, tag, gained_on) VALUES ($1, $2, 'little_giant', '2022-04-02')`, [zoneId, e.json().id]);
    const before = await series('little_giants', null);
    const audits = await auditRows();
    const syncs = await auditRows('indicator.feed');
    const res = await sup.send('POST', '/api/enterprise-counts/sync', { year: 2022 });
    expect(res.json().changed).toBe(6); // April … September
    expect(diff(await series('little_giants', null), before)).toMatchObject({ '2022-03': 0, '2022-04': 1, '2022-09': 1 });
    expect((await auditRows()) - audits).toBe(7); // six figures and the sync itself
    expect((await auditRows('indicator.feed')) - syncs).toBe(1);
    expect((await sup.send('POST', '/api/enterprise-counts/sync', { year: 2022 })).json().changed).toBe(0);
    // With no body: this year.
    expect((await sup.send('POST', '/api/enterprise-counts/sync')).json()).toMatchObject({ year: 2022, changed: 0 });
  });

  it('is a supervisor’s action; a bad year is refused clearly and changes nothing', async () => {
    expect((await damiao.send('POST', '/api/enterprise-counts/sync', { year: 2022 })).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/attraction/counts/sync', { year: 2022 })).statusCode).toBe(403);
    const bad = await sup.send('POST', '/api/attraction/counts/sync', { year: 1800 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation.failed');
    const en = await sup.send('POST', '/api/attraction/counts/sync', { year: '二〇二二' }, { 'x-lang': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toMatch(/year/);
  });
});
