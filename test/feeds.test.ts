// Counts that feed the matching indicators (issues 7 and 4): the register's
// tag dates and 招商's signings become the year-to-date figures of the zone's
// system-filled indicators, in the same transaction as the write, audited; the
// 重新同步 action recomputes a year and changes nothing when nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../src/domains/demo/enterprises';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client, leader: Client, damiao: Client, zhaoshang: Client, huaianLeader: Client;
let zoneId: string;
const unit: Record<string, string> = {};

beforeAll(async () => {
  // Early September 2022: August has ended and can be reported.
  t = await testApp({ clock: () => new Date('2022-09-05T02:00:00Z') });
  [sup, leader, damiao, zhaoshang] = (await Promise.all(['supervisor', 'leader', 'xz-damiao', 'xz-zhaoshang'].map((u) => t.signIn(u)))) as [Client, Client, Client, Client];
  huaianLeader = await t.signIn('leader', 'huaian');
  zoneId = sup.me.zone.id;
  for (const r of await t.handle.query<{ id: string; code: string }>(`SELECT id, code FROM units WHERE zone_id = $1`, [zoneId])) unit[r.code] = r.id;
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
const diff = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((p) => [p, after[p]! - (before[p] ?? 0)]));

describe('the demo build', () => {
  it('fills Xuzhou’s system-filled indicators from the register and 招商, as the register counts them', async () => {
    const counts = (await leader.get('/api/enterprise-counts?year=2022&asOf=2022-08-31')).json();
    const value = (code: string) => counts.counts.find((c: { indicatorCode: string }) => c.indicatorCode === code).value;
    const cockpit = (await leader.get('/api/cockpit?period=2022-08')).json();
    const ind = (code: string) => cockpit.indicators.find((i: { code: string }) => i.code === code);
    // 净增“四上”: summed over the towns and sub-districts the enterprises sit in.
    expect(Number(ind('net_four_above').value)).toBe(value('net_four_above'));
    expect(Number(ind('new_hundred_billion').value)).toBe(value('new_hundred_billion')); // 徐矿能源, 2022-06-30
    expect(Number(ind('net_hightech').value)).toBe(value('net_high_tech'));
    expect(Number(ind('little_giants').value)).toBe(value('new_little_giant'));
    const signings = (await leader.get('/api/attraction/counts?year=2022')).json();
    expect(Number(ind('foreign_projects').value)).toBe(signings.ytd[7].foreignProjects);
    expect(Number(ind('signed_projects').value)).toBe(signings.ytd[7].signedLarge);
    // 新开工 / 竣工投产: the demo projects' actual 开工 and 投产 dates in 2022 up to August (no target: the seeds give none).
    const [stages] = await t.handle.query<{ started: number; producing: number }>(
      `SELECT count(*) FILTER (WHERE stage_dates->'started'->>'actual' BETWEEN '2022-01-01' AND '2022-08-31')::int AS started,
              count(*) FILTER (WHERE stage_dates->'producing'->>'actual' BETWEEN '2022-01-01' AND '2022-08-31')::int AS producing
         FROM projects WHERE zone_id = $1`,
      [zoneId],
    );
    expect(stages!.started).toBeGreaterThan(0);
    expect(Number(ind('started_projects').value)).toBe(stages!.started);
    expect(Number(ind('producing_projects').value ?? 0)).toBe(stages!.producing);
    expect(ind('started_projects').floor).toBeNull();
    const sources = await t.handle.query<{ source: string; source_name: string }>(
      `SELECT DISTINCT f.source, f.source_name FROM figures f JOIN indicators i ON i.id = f.indicator_id WHERE f.zone_id = $1 AND i.code IN ('net_four_above', 'signed_projects')`,
      [zoneId],
    );
    expect(sources.map((s) => `${s.source}:${s.source_name}`).sort()).toEqual(['system:attraction', 'system:enterprises']);
    // Nothing after the demo's last month (August).
    expect(Object.keys(await series('net_hightech', null)).at(-1)).toBe('2022-08');
    // Arriving for the first time in a locked month is not a correction.
    const [corrected] = await t.handle.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM figures WHERE zone_id = $1 AND source = 'system' AND correction_reason IS NOT NULL`,
      [zoneId],
    );
    expect(corrected!.n).toBe(0);
  });

  it('leaves Huai’an’s figures as the seed states them (its indicators are reported by hand)', async () => {
    const c = (await huaianLeader.get('/api/cockpit?period=2023-06')).json();
    expect(c.indicators.find((i: { code: string }) => i.code === 'signed_projects').value).toBe('49');
  });
});

describe('register → indicators', () => {
  let id: string, spanId: string;
  let base: Record<string, number>;

  it('a tag gained in March shows in the March, April… year-to-date figures of its unit, not in February', async () => {
    // The demo runs to August; on 5 September a re-sync writes September's figures (this month, so far).
    const sept = await sup.send('POST', '/api/enterprise-counts/sync', { year: 2022 });
    expect(sept.json().changes.every((c: { period: string }) => c.period === '2022-09')).toBe(true);
    expect(sept.json().changed).toBeGreaterThan(0);
    base = await series('net_four_above', unit.damiao!);
    expect(base['2022-09']).toBe(base['2022-08']);
    const made = await sup.send('POST', '/api/enterprises', { name: '徐州测试计数机械有限公司', creditCode: demoCreditCode(900), unitId: unit.damiao });
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
    const lead = await zhaoshang.send('POST', '/api/attraction/leads', { name: '测试计数精密部件', unitId: unit.zhaoshang, chain: '工程机械与智能制造', expectedInvestment: '3.5' });
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
    const e = await sup.send('POST', '/api/enterprises', { name: '徐州测试存量企业有限公司', creditCode: demoCreditCode(901), unitId: unit.jinlonghu });
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
