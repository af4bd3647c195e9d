// Indicators, targets and monthly reporting through HTTP: who may do what,
// draft → submitted → returned/approved → locked → correction; imports; the
// feed token; figures from other domains; deadlines and reminders. On a zone of
// the test's own (factories): its catalogue, targets and August are built here;
// the demo's catalogue is checked in demo.test.ts.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudited } from '../src/server/context';
import { settleJobs } from '../src/shared/jobs';
import { recordSystemFigure } from '../src/domains/targets/feed';
import { runReminders } from '../src/domains/targets/reminders';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit as unitSpec, type Zone } from './helpers/factories';

const NOW = new Date('2022-10-08T02:00:00Z'); // 8 October 2022 in China: September is due (deadline 5 October)
let now = NOW;
let t: TestApp;
let z: Zone;
let sup: Client, leader: Client, admin: Client, damiao: Client, donghuan: Client, jingfa: Client;
const ind: Record<string, string> = {};
const unit: Record<string, string> = {};
const P = '2022-09';
const TOWNS = ['damiao', 'donghuan', 'jinshanqiao'];

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => now });
  z = await makeZone(t.handle, 'xz', {
    units: [
      unitSpec('damiao', '大庙街道'),
      unitSpec('donghuan', '东环街道'),
      unitSpec('jinshanqiao', '金山桥街道'),
      unitSpec('jingfa', '经发局', 'department'),
      unitSpec('zhaoshang', '招商局', 'department'),
      unitSpec('ducha', '督查办', 'department'),
    ],
  });
  for (const c of [...TOWNS, 'jingfa', 'zhaoshang']) unit[c] = z.unitId(c);
  // The zone's catalogue, in its order: the towns' flows, a derived share, zone figures of
  // the economic office and 招商, and two counts the register and 招商 fill (feeds).
  const flow = { kind: 'flow' as const, measure: '亿元' };
  const fed = { kind: 'count' as const, decimals: 0, fillMethod: 'system' as const };
  const defs = [
    { code: 'gbr', name: '一般公共预算收入', ...flow },
    { code: 'tax', name: '税收收入', ...flow, parentCode: 'gbr' },
    { code: 'tax_share', name: '税占比', kind: 'ratio' as const, measure: '%', numeratorCode: 'tax', denominatorCode: 'gbr' },
    { code: 'fai', name: '固定资产投资', ...flow },
    { code: 'industrial_inv', name: '工业投资', ...flow, parentCode: 'fai' },
    { code: 'trade', name: '进出口总额', ...flow, aggregation: 'zone_reported' as const, owner: 'jingfa' },
    { code: 'fdi', name: '实际使用外资', kind: 'flow' as const, measure: '亿美元', aggregation: 'zone_reported' as const, owner: 'zhaoshang' },
    { code: 'signed_projects', name: '新签约亿元以上项目', measure: '个', ...fed, feed: 'attraction.signed_projects' },
    { code: 'net_four_above', name: '净增“四上”企业', measure: '家', ...fed, feed: 'enterprises.net_four_above' },
    { code: 'little_giants', name: '新增专精特新“小巨人”企业', kind: 'count' as const, measure: '家', decimals: 0, aggregation: 'zone_reported' as const, owner: 'jingfa' },
    { code: 'foreign_projects', name: '新签约外资项目', measure: '个', ...fed, feed: 'attraction.foreign_projects', aggregation: 'zone_reported' as const, owner: 'zhaoshang' },
  ];
  const made = new Map<string, Awaited<ReturnType<Zone['indicator']>>>();
  for (const d of defs) made.set(d.code, await z.indicator(d));
  for (const [code, i] of made) ind[code] = i.id;
  const m = (code: string) => made.get(code)!;
  // 2022's targets: each town's flows and counts; the zone's own figures.
  const floors: Record<string, string> = { gbr: '6', tax: '5', fai: '40', industrial_inv: '22', signed_projects: '12', net_four_above: '17' };
  for (const [code, floor] of Object.entries(floors)) for (const c of TOWNS) await z.target(m(code), c, 2022, floor, null);
  await z.target(m('gbr'), 'damiao', 2022, '6', '6.5');
  await z.target(m('tax_share'), null, 2022, '90');
  await z.target(m('trade'), null, 2022, '160', '170');
  await z.target(m('fdi'), null, 2022, '3.2');
  await z.target(m('little_giants'), null, 2022, '5');
  await z.target(m('foreign_projects'), null, 2022, '18', '20');
  // August approved: 大庙 ahead of the calendar, 东环 about on it, 金山桥 behind (gbr) and far behind (fai).
  const august: Record<string, Record<string, string>> = {
    damiao: { gbr: '4.50', tax: '3.90', fai: '31.0', industrial_inv: '17.50' },
    donghuan: { gbr: '3.90', tax: '3.20', fai: '20.0', industrial_inv: '12.00' },
    jinshanqiao: { gbr: '3.00', tax: '2.60', fai: '10.0', industrial_inv: '5.00' },
  };
  for (const [c, values] of Object.entries(august)) await z.figures(c, '2022-08', Object.fromEntries(Object.entries(values).map(([code, v]) => [ind[code]!, v])));
  await z.figures('jingfa', '2022-08', { [ind.trade!]: '101.5', [ind.little_giants!]: '3' });
  await z.figures('zhaoshang', '2022-08', { [ind.fdi!]: '2.10' });
  const cs = await Promise.all(['supervisor', 'leader', 'admin', z.reporter('damiao'), z.reporter('donghuan'), z.reporter('jingfa')].map((u) => t.signIn(u, z.code)));
  [sup, leader, admin, damiao, donghuan, jingfa] = cs as [Client, Client, Client, Client, Client, Client];
  // The counts the register and 招商 fill, written for the year so far (all 0: nothing registered).
  for (const url of ['/api/enterprise-counts/sync', '/api/attraction/counts/sync']) {
    const res = await sup.send('POST', url, { year: 2022 });
    expect(res.statusCode, res.body).toBe(200);
  }
}, 120_000);
afterAll(async () => t.close());

const count = async (where: string, params: unknown[] = []) =>
  (await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM figures f WHERE ${where}`, params))[0]!.n;

const rowsFor = (values: Record<string, string>) =>
  Object.entries(values).map(([code, value]) => ({ indicatorId: ind[code], value, prevYear: null }));

async function job(c: Client, id: string) {
  await settleJobs();
  return (await c.get(`/api/jobs/${id}`)).json();
}

describe('catalogue and targets', () => {
  it('lists the zone’s catalogue in its order, with kinds, measures, levels and fill methods', async () => {
    const list = (await damiao.get('/api/targets/indicators?pageSize=100')).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual(['gbr', 'tax', 'tax_share', 'fai', 'industrial_inv', 'trade', 'fdi', 'signed_projects', 'net_four_above', 'little_giants', 'foreign_projects']);
    const by = (code: string) => list.items.find((i: { code: string }) => i.code === code);
    expect(by('tax_share')).toMatchObject({ kind: 'ratio', measure: '%', numeratorCode: 'tax', denominatorCode: 'gbr' });
    expect(by('fdi')).toMatchObject({ measure: '亿美元', aggregation: 'zone_reported', zoneUnitId: unit.zhaoshang, fillMethod: 'manual' });
    expect(by('signed_projects')).toMatchObject({ fillMethod: 'system', feed: 'attraction.signed_projects', aggregation: 'sum' });
  });

  it('lets a supervisor add an indicator and switch it to month-based progress; nobody else', async () => {
    const body = { code: 'cloud_new', name: '新增星级上云企业', measure: '家', kind: 'count', decimals: 0 };
    expect((await damiao.send('POST', '/api/targets/indicators', body)).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/targets/indicators', body)).statusCode).toBe(403);
    const made = await sup.send('POST', '/api/targets/indicators', body);
    expect(made.statusCode).toBe(200);
    expect((await sup.send('POST', '/api/targets/indicators', body)).json().code).toBe('conflict.duplicate');
    const patched = await sup.send('PATCH', `/api/targets/indicators/${made.json().id}`, { progressMode: 'months', fillMethod: 'feed', version: made.json().version });
    expect(patched.json()).toMatchObject({ progressMode: 'months', fillMethod: 'feed' });
    const badRatio = await sup.send('POST', '/api/targets/indicators', { code: 'bad_ratio', name: 'x', measure: '%', kind: 'ratio', numeratorCode: 'nope', denominatorCode: 'gbr' });
    expect(badRatio.json()).toMatchObject({ code: 'targets.indicator_unknown' });
    expect(badRatio.json().message).toContain('nope');
  });

  it('sets two-tier targets with an optional cumulative monthly plan and refuses bad ones', async () => {
    // The version of the zone's target, as the page read it.
    const { version } = (await leader.get(`/api/targets/targets?year=2022&indicatorId=${ind.little_giants}`)).json().items[0];
    const base = { indicatorId: ind.little_giants, unitId: null, year: 2022, version };
    const bad = await sup.send('PUT', '/api/targets/targets', { ...base, floor: '10', stretch: '8' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('力争目标（8）不能低于确保目标（10）');
    const badPlan = await sup.send('PUT', '/api/targets/targets', { ...base, floor: '12', monthlyPlan: ['1', '2', '3', '2', '5', '6', '7', '8', '9', '10', '11', '12'] });
    expect(badPlan.json().code).toBe('targets.plan');
    const notNumber = await sup.send('PUT', '/api/targets/targets', { ...base, floor: '1e3' });
    expect(notNumber.statusCode).toBe(400);
    // The zone's target (小巨人5家, as seed 003 sets it) is untouched by the refused writes.
    expect(await t.handle.query(`SELECT floor::text AS floor, stretch FROM targets WHERE indicator_id = $1`, [ind.little_giants])).toEqual([{ floor: '5', stretch: null }]);
    const ok = await sup.send('PUT', '/api/targets/targets', { ...base, floor: '12', stretch: '15', monthlyPlan: ['0', '1', '2', '3', '4', '6', '7', '8', '9', '10', '11', '12'] });
    expect(ok.json()).toMatchObject({ floor: '12', stretch: '15' });
    expect((await damiao.send('PUT', '/api/targets/targets', { ...base, floor: '13' })).statusCode).toBe(403);
    const list = (await leader.get(`/api/targets/targets?year=2022&indicatorId=${ind.little_giants}`)).json();
    expect(list.items).toHaveLength(1);
  });

  it('exports targets to xlsx and imports them back, all or nothing with every bad row named', async () => {
    const res = await sup.get('/api/targets/targets/export?year=2022');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let damiaoGbrRow = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === 'gbr' && r.getCell(3).value === '大庙街道') damiaoGbrRow = n;
    });
    expect(damiaoGbrRow).toBeGreaterThan(0);
    ws.getRow(damiaoGbrRow).getCell(4).value = '7.5';
    ws.getRow(damiaoGbrRow).getCell(5).value = '8.1';
    const good = Buffer.from(await wb.xlsx.writeBuffer());

    // A bad copy: an unknown unit, a word for a number, a stretch below the floor.
    const badWb = new ExcelJS.Workbook();
    await badWb.xlsx.load(good as unknown as ArrayBuffer);
    const bws = badWb.worksheets[0]!;
    bws.addRow(['gbr', '', '不存在街道', '5', '']);
    bws.addRow(['net_four_above', '', '全区', '四十', '']);
    bws.addRow(['gbr', '', '全区', '50', '40']);
    const before = await t.handle.query(`SELECT floor::text FROM targets WHERE indicator_id = $1 AND unit_id = $2`, [ind.gbr, unit.damiao]);
    const failed = await job(sup, (await sup.upload('/api/targets/targets/import?year=2022', 'x.xlsx', Buffer.from(await badWb.xlsx.writeBuffer()))).json().jobId);
    expect(failed.status).toBe('failed');
    expect(failed.errors.message.zh).toMatch(/导入失败：共3处错误/);
    const messages = failed.errors.details.map((d: { message: { zh: string } }) => d.message.zh).join('|');
    expect(messages).toContain('没有单位“不存在街道”');
    expect(messages).toContain('“确保目标”应为数字');
    expect(messages).toContain('力争目标（40）不能低于确保目标（50）');
    expect(await t.handle.query(`SELECT floor::text FROM targets WHERE indicator_id = $1 AND unit_id = $2`, [ind.gbr, unit.damiao])).toEqual(before);

    expect((await damiao.upload('/api/targets/targets/import?year=2022', 'x.xlsx', good)).statusCode).toBe(403);
    // One row of the sheet is new (its target removed here), the others update theirs.
    await t.handle.query(`DELETE FROM targets WHERE indicator_id = $1 AND unit_id = $2 AND year = 2022`, [ind.gbr, unit.damiao]);
    const [{ n: existing }] = (await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM targets WHERE zone_id = $1 AND year = 2022`, [sup.me.zone.id])) as [{ n: number }];
    const done = await job(sup, (await sup.upload('/api/targets/targets/import?year=2022', 'x.xlsx', good)).json().jobId);
    expect(done.status).toBe('succeeded');
    expect(done.progress).toBe(100);
    const after = await t.handle.query<{ id: string; floor: string; stretch: string; version: number }>(`SELECT id, floor::text, stretch::text, version FROM targets WHERE indicator_id = $1 AND unit_id = $2`, [ind.gbr, unit.damiao]);
    expect(after[0]).toMatchObject({ floor: '7.5', stretch: '8.1', version: 2 });
    // Audited row by row: the new one created, every other one updated with its before.
    // (All of one transaction share its time: the import's summary entry names it.)
    const trail = await t.handle.query<{ action: string; entity_id: string | null; before: { floor: string } | null; after: { floor: string } }>(
      `SELECT action, entity_id, before, after FROM audit_log WHERE zone_id = $1 AND entity = 'target' AND action IN ('create', 'update')
          AND at = (SELECT max(at) FROM audit_log WHERE zone_id = $1 AND entity = 'target' AND action = 'import')`,
      [sup.me.zone.id],
    );
    const created = trail.filter((e) => e.action === 'create');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ entity_id: after[0]!.id, before: null, after: { floor: '7.5' } });
    expect(trail.filter((e) => e.action === 'update' && e.before !== null)).toHaveLength(existing);
  });
});

describe('monthly reporting', () => {
  it('gives a reporter the form of its own unit only', async () => {
    const form = (await damiao.get(`/api/targets/report?unitId=${unit.damiao}&period=${P}`)).json();
    expect(form.rows.map((r: { code: string }) => r.code)).toEqual(['gbr', 'tax', 'fai', 'industrial_inv', 'signed_projects', 'net_four_above']);
    expect(form.deadline).toBe('2022-10-05');
    expect((await damiao.get(`/api/targets/report?unitId=${unit.donghuan}&period=${P}`)).statusCode).toBe(403);
    // The economic office reports the zone figures it answers for.
    const zoneForm = (await jingfa.get(`/api/targets/report?unitId=${unit.jingfa}&period=${P}`)).json();
    expect(zoneForm.rows.every((r: { level: string }) => r.level === 'zone')).toBe(true);
    expect(zoneForm.rows.map((r: { code: string }) => r.code)).toContain('trade');
  });

  it('refuses another unit, bad numbers, derived and zone-level indicators, a future month — and changes nothing', async () => {
    const before = await count(`period = $1`, [P]);
    const other = await damiao.send('PUT', '/api/targets/report', { unitId: unit.donghuan, period: P, rows: rowsFor({ gbr: '4' }) });
    expect(other.statusCode).toBe(403);
    const word = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: P, rows: rowsFor({ gbr: '四' }) });
    expect(word.statusCode).toBe(400);
    expect(word.json().code).toBe('validation.failed');
    const derived = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: P, rows: rowsFor({ gbr: '4', tax_share: '90' }) });
    expect(derived.json()).toMatchObject({ code: 'targets.derived', message: '“税占比”由其他指标计算得出，不能填报' });
    const zoneLevel = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: P, rows: rowsFor({ gbr: '4', trade: '90' }) });
    expect(zoneLevel.statusCode).toBe(403);
    expect(zoneLevel.json().message).toBe('“进出口总额”只报全区数，由经发局填报');
    const future = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: '2022-10', rows: rowsFor({ gbr: '4' }) });
    expect(future.json().code).toBe('targets.period_future');
    const en = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: P, rows: rowsFor({ tax_share: '90' }) }, { 'x-lang': 'en' });
    expect(en.json().message).toBe('"税占比" is derived from other indicators and cannot be reported');
    expect(await count(`period = $1`, [P])).toBe(before);
  });

  it('runs draft → submitted → returned → submitted → approved, with drafts private to the unit', async () => {
    // signed_projects and net_four_above are counted by the system (feeds/), not reported.
    const values = { gbr: '4.12', tax: '3.80', fai: '30.5', industrial_inv: '17.25' };
    // Below August's year to date (a refund): the note says why, or the submission is refused (reporting-checks.test.ts).
    const saved = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: P, rows: rowsFor(values).map((r) => ({ ...r, note: '退库冲减' })) });
    expect(saved.json()).toEqual({ saved: 4 });
    // Another sub-district sees none of it; the cockpit shows only approved figures.
    const seen = (await donghuan.get(`/api/targets/figures?period=${P}`)).json();
    expect(seen.items.every((f: { reportingUnitId: string }) => f.reportingUnitId === unit.donghuan)).toBe(true);
    expect((await donghuan.get(`/api/targets/figures?period=${P}&unitId=${unit.damiao}`)).statusCode).toBe(403);
    const c0 = (await leader.get(`/api/cockpit?period=${P}`)).json();
    expect(c0.indicators.find((i: { code: string }) => i.code === 'gbr').units.find((u: { unitCode: string }) => u.unitCode === 'damiao').reported).toBe(false);

    expect((await damiao.send('POST', '/api/targets/report/submit', { unitId: unit.damiao, period: P })).json()).toMatchObject({ submitted: 4 });
    const queue = (await sup.get(`/api/targets/figures?period=${P}&state=submitted&unitId=${unit.damiao}`)).json();
    expect(queue.total).toBe(4);
    // Review names each figure with the version the supervisor read.
    const refs = (items: { id: string; version: number }[]) => items.map(({ id, version }) => ({ id, version }));
    const figures = refs(queue.items);
    expect((await damiao.send('POST', '/api/targets/figures/review', { figures, decision: 'approve' })).statusCode).toBe(403);
    expect((await sup.send('POST', '/api/targets/figures/review', { figures, decision: 'return' })).json().code).toBe('targets.return_reason');
    const gbr = queue.items.find((f: { indicatorCode: string }) => f.indicatorCode === 'gbr');
    const gbrId = gbr.id;
    expect((await sup.send('POST', '/api/targets/figures/review', { figures: refs([gbr]), decision: 'return', reason: '与财政口径不一致' })).json()).toEqual({ reviewed: 1 });
    const form = (await damiao.get(`/api/targets/report?unitId=${unit.damiao}&period=${P}`)).json();
    expect(form.rows.find((r: { code: string }) => r.code === 'gbr').figure).toMatchObject({ state: 'returned', returnReason: '与财政口径不一致' });
    await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: P, rows: rowsFor({ gbr: '4.21' }).map((r) => ({ ...r, note: '退库冲减' })), submit: true });
    const all = (await sup.get(`/api/targets/figures?period=${P}&state=submitted&unitId=${unit.damiao}`)).json();
    expect((await sup.send('POST', '/api/targets/figures/review', { figures: refs(all.items), decision: 'approve' })).json()).toEqual({ reviewed: 4 });
    // Approved twice is refused.
    const approved = (await sup.get(`/api/targets/figures?period=${P}&state=approved&unitId=${unit.damiao}`)).json().items.filter((f: { id: string }) => f.id === gbrId);
    expect((await sup.send('POST', '/api/targets/figures/review', { figures: refs(approved), decision: 'approve' })).json().code).toBe('targets.state');
    // An approved figure is not the reporter's to overwrite.
    const over = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: P, rows: rowsFor({ gbr: '9' }) });
    expect(over.json().code).toBe('targets.state');

    const c1 = (await leader.get(`/api/cockpit?period=${P}`)).json();
    const row = c1.indicators.find((i: { code: string }) => i.code === 'gbr').units.find((u: { unitCode: string }) => u.unitCode === 'damiao');
    expect(row).toMatchObject({ reported: true, value: '4.21' });
  });

  it('locks a published month; afterwards only a supervisor corrects, with a reason, shown as a correction', async () => {
    expect((await damiao.send('POST', `/api/targets/periods/${P}/lock`)).statusCode).toBe(403);
    // Only some units reported September: the lock names them and needs a reason (test/completeness.test.ts).
    expect((await sup.send('POST', `/api/targets/periods/${P}/lock`)).json().code).toBe('targets.lock_missing_units');
    expect((await sup.send('POST', `/api/targets/periods/${P}/lock`, { confirmMissing: true, reason: '先行发布已报单位' })).statusCode).toBe(200);
    expect((await sup.send('POST', `/api/targets/periods/${P}/lock`)).json().code).toBe('conflict.duplicate');
    const late = await donghuan.send('PUT', '/api/targets/report', { unitId: unit.donghuan, period: P, rows: rowsFor({ gbr: '3' }) });
    expect(late.json()).toMatchObject({ code: 'targets.period_locked' });
    const noReason = await sup.send('POST', '/api/targets/figures/correct', { unitId: unit.damiao, period: P, rows: rowsFor({ gbr: '4.25' }) });
    expect(noReason.json().code).toBe('targets.correction_reason');
    const fixed = await sup.send('POST', '/api/targets/figures/correct', { unitId: unit.damiao, period: P, rows: rowsFor({ gbr: '4.25' }), reason: '财政局复核后更正' });
    expect(fixed.json()).toEqual({ saved: 1 });
    const drill = (await leader.get(`/api/cockpit/drill?indicatorId=${ind.gbr}&unitId=${unit.damiao}&year=2022`)).json();
    const sept = drill.find((d: { period: string }) => d.period === P);
    expect(sept).toMatchObject({ value: '4.25', state: 'approved', correctionReason: '财政局复核后更正' });
    const cockpit = (await leader.get(`/api/cockpit?period=${P}`)).json();
    expect(cockpit.indicators.find((i: { code: string }) => i.code === 'gbr').units.find((u: { unitCode: string }) => u.unitCode === 'damiao')).toMatchObject({ value: '4.25', corrected: true });
    const audit = (await sup.get(`/api/audit?entity=figures&pageSize=5`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'correct', unitId: unit.damiao });
  });

  it('lists the units that have not reported and reminds them once', async () => {
    const missing = (await leader.get(`/api/targets/missing?period=2022-09`)).json();
    expect(missing).toMatchObject({ deadline: '2022-10-05', overdue: true });
    const names = missing.units.map((u: { unitName: string }) => u.unitName);
    // 大庙 reported; the other towns owe their flows, 经发局 and 招商局 the zone figures they answer for.
    expect(names).toEqual(['东环街道', '金山桥街道', '经发局', '招商局']);
    const first = await runReminders(t.handle.db, NOW);
    expect(first.overdue).toBe(missing.units.length);
    expect(await runReminders(t.handle.db, NOW)).toEqual({ reminded: 0, overdue: 0, dekads: 0 });
    const inbox = (await donghuan.get('/api/notifications')).json();
    expect(inbox.items.map((n: { title: string }) => n.title)).toContain('2022年9月指标数据逾期未报');
    const supInbox = (await sup.get('/api/notifications')).json();
    expect(supInbox.items.some((n: { title: string; body: string }) => /个单位逾期未报/.test(n.title) && n.body.includes('东环街道'))).toBe(true);
  });
});

describe('figures from elsewhere', () => {
  it('accepts a feed with a bearer token limited to units, audited under the token’s name', async () => {
    expect((await damiao.send('POST', '/api/targets/tokens', { name: '统计局', unitIds: [] })).statusCode).toBe(403);
    const made = (await admin.send('POST', '/api/targets/tokens', { name: '区统计局数据接口', unitIds: [unit.jinshanqiao] })).json();
    expect(made.token).toMatch(/^gjt_/);
    const stored = await t.handle.query<{ token_hash: string }>(`SELECT token_hash FROM api_tokens WHERE id = $1`, [made.id]);
    expect(stored[0]!.token_hash).not.toContain(made.token);
    const feed = (body: object, token = made.token) =>
      t.app.inject({ method: 'POST', url: '/api/targets/feed', payload: body, headers: { authorization: `Bearer ${token}` } });
    const figures = [{ indicatorCode: 'gbr', value: '3.33', prevYear: '3.01' }, { indicatorCode: 'fai', value: '28.1' }];
    // August is open (not locked), its figures approved: the supervisor returns two for the feed to resend.
    const aug = (await sup.get(`/api/targets/figures?period=2022-08&unitId=${unit.jinshanqiao}&pageSize=50`)).json().items as { id: string; version: number; indicatorCode: string }[];
    const resend = aug.filter((f) => f.indicatorCode === 'gbr' || f.indicatorCode === 'fai').map(({ id, version }) => ({ id, version }));
    expect((await sup.send('POST', '/api/targets/figures/review', { figures: resend, decision: 'return', reason: '以统计局数据为准' })).json()).toEqual({ reviewed: 2 });
    const ok = await feed({ period: '2022-08', unitCode: 'jinshanqiao', figures });
    expect(ok.json()).toEqual({ saved: 2 });
    const row = (await t.handle.query<{ source: string; source_name: string; state: string; value: string }>(
      `SELECT source, source_name, state, value::text FROM figures WHERE unit_id = $1 AND period = '2022-08' AND indicator_id = $2`, [unit.jinshanqiao, ind.gbr],
    ))[0];
    expect(row).toEqual({ source: 'feed', source_name: '区统计局数据接口', state: 'submitted', value: '3.33' });
    const audit = await t.handle.query<{ user_id: string | null; after: { via: string } }>(`SELECT user_id, after FROM audit_log WHERE entity = 'figures' AND entity_id = '2022-08:jinshanqiao' ORDER BY at DESC LIMIT 1`);
    expect(audit[0]).toMatchObject({ user_id: null, after: { via: '区统计局数据接口' } });

    expect((await feed({ period: '2022-08', unitCode: 'damiao', figures })).json().code).toBe('targets.token_unit');
    expect((await feed({ period: '2022-08', unitCode: 'jinshanqiao', figures }, 'gjt_wrong')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/targets/feed', payload: { period: '2022-08', figures } })).statusCode).toBe(401);
    expect((await feed({ period: '2022-08', unitCode: 'jinshanqiao', figures: [{ indicatorCode: 'nope', value: '1' }] })).json().code).toBe('targets.indicator_unknown');
    expect((await feed({ period: '2022-08', unitCode: 'jinshanqiao', figures: [{ indicatorCode: 'gbr', value: 'x' }] })).statusCode).toBe(400);
    await admin.send('DELETE', `/api/targets/tokens/${made.id}`);
    expect((await feed({ period: '2022-08', unitCode: 'jinshanqiao', figures })).statusCode).toBe(401);
  });

  it('records a figure from another domain as approved and system-filled, audited', async () => {
    const zoneId = sup.me.zone.id;
    await writeAudited(t.handle.db, { zoneId, userId: null }, null, (tx, audit) =>
      recordSystemFigure(tx, audit, { zoneId, indicatorCode: 'foreign_projects', unitId: null, period: '2022-08', value: '7', source: 'attraction' }),
    );
    const drill = (await leader.get(`/api/cockpit/drill?indicatorId=${ind.foreign_projects}&year=2022`)).json();
    expect(drill.find((d: { period: string }) => d.period === '2022-08')).toMatchObject({ value: '7', state: 'approved', source: 'system', sourceName: 'attraction' });
    // Again: an upsert, not a second row.
    await writeAudited(t.handle.db, { zoneId, userId: null }, null, (tx, audit) =>
      recordSystemFigure(tx, audit, { zoneId, indicatorCode: 'foreign_projects', unitId: null, period: '2022-08', value: '8', source: 'attraction' }),
    );
    expect(await count(`indicator_id = $1 AND period = '2022-08'`, [ind.foreign_projects])).toBe(1);
    const cockpit = (await leader.get('/api/cockpit?period=2022-08')).json();
    expect(cockpit.indicators.find((i: { code: string }) => i.code === 'foreign_projects').value).toBe('8');
    await expect(
      writeAudited(t.handle.db, { zoneId, userId: null }, null, (tx, audit) =>
        recordSystemFigure(tx, audit, { zoneId, indicatorCode: 'tax_share', unitId: null, period: '2022-08', value: '8', source: 'x' }),
      ),
    ).rejects.toMatchObject({ code: 'targets.derived' });
  });
});

describe('settings', () => {
  it('changes the deadline and the colour thresholds, refusing amber above red', async () => {
    const settingsVersion = async () => (await sup.get('/api/targets/settings')).json().version as number;
    expect((await sup.send('PUT', '/api/targets/settings', { deadlineDay: 8, remindDaysBefore: 2, amberPoints: '40', redPoints: '20', version: await settingsVersion() })).statusCode).toBe(400);
    expect((await damiao.send('PUT', '/api/targets/settings', { deadlineDay: 8, remindDaysBefore: 2, amberPoints: '5', redPoints: '20', version: await settingsVersion() })).statusCode).toBe(403);
    const ok = await sup.send('PUT', '/api/targets/settings', { deadlineDay: 8, remindDaysBefore: 2, amberPoints: '5', redPoints: '20', version: await settingsVersion() });
    expect(ok.json()).toEqual({ deadlineDay: 8, remindDaysBefore: 2, amberPoints: '5', redPoints: '20', moveWarnPercent: '50', version: 2 });
    expect((await leader.get('/api/targets/missing?period=2022-09')).json()).toMatchObject({ deadline: '2022-10-08', overdue: false });
    const c = (await leader.get('/api/cockpit?period=2022-08')).json();
    expect(c.thresholds).toEqual({ amber: '5', red: '20' });
    const seen = new Set<string>();
    for (const i of c.indicators) {
      for (const u of i.units) {
        if (u.gap === null) continue;
        const g = Number(u.gap);
        expect(u.status).toBe(g > 0 ? 'ahead' : g > -5 ? 'on_track' : g >= -20 ? 'slightly_behind' : 'far_behind');
        seen.add(u.status);
      }
    }
    // August's figures were chosen to fall in every band.
    expect([...seen].sort()).toEqual(['ahead', 'far_behind', 'on_track', 'slightly_behind']);
  });
});

describe('a month imported from its template', () => {
  it('imports a unit’s month from its xlsx template, reporting every bad row and saving nothing on error', async () => {
    // Early November: October has ended and can be reported (the clock of the rest of the file is restored after).
    now = new Date('2022-11-02T02:00:00Z');
    try {
      const u = unit.jinshanqiao!;
      const rep = await t.signIn(z.reporter('jinshanqiao'), z.code);
      const tpl = await rep.get(`/api/targets/report/template?unitId=${u}&period=2022-10`);
      expect(tpl.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const codes: string[] = [];
      ws.eachRow((r, n) => {
        const c = String(r.getCell(1).value ?? '');
        if (/^[a-z_]+$/.test(c)) {
          codes.push(c);
          r.getCell(4).value = String(10 + n);
          r.getCell(5).value = String(9 + n);
        }
      });
      // The system-counted indicators (signed_projects, net_four_above) are not in the template.
      expect(codes).toEqual(['gbr', 'tax', 'fai', 'industrial_inv']);
      const good = Buffer.from(await wb.xlsx.writeBuffer());
      ws.addRow(['trade', '进出口总额', '亿元', '5', '']);
      ws.addRow(['gbr', '', '', '十二', '']);
      const bad = Buffer.from(await wb.xlsx.writeBuffer());
      const reported = () => count(`period = '2022-10' AND unit_id = $1 AND source <> 'system'`, [u]);
      const failed = await job(rep, (await rep.upload(`/api/targets/report/import?unitId=${u}&period=2022-10`, 'x.xlsx', bad)).json().jobId);
      expect(failed.status).toBe('failed');
      const msgs = failed.errors.details.map((d: { row: number; message: { zh: string } }) => `${d.row}:${d.message.zh}`);
      expect(msgs.some((m: string) => m.includes('“本年累计”应为数字'))).toBe(true);
      expect(msgs.some((m: string) => m.includes('指标代码“trade”不是本单位本月应填报的指标'))).toBe(true);
      expect(await reported()).toBe(0);
      // Another unit's reporter cannot import into it.
      const other = await t.signIn(z.reporter('damiao'), z.code);
      expect((await other.upload(`/api/targets/report/import?unitId=${u}&period=2022-10`, 'x.xlsx', good)).statusCode).toBe(403);
      const done = await job(rep, (await rep.upload(`/api/targets/report/import?unitId=${u}&period=2022-10&submit=true`, 'x.xlsx', good)).json().jobId);
      expect(done).toMatchObject({ status: 'succeeded', progress: 100, result: { imported: 4 } });
      const rows = await t.handle.query<{ state: string }>(`SELECT state FROM figures WHERE period = '2022-10' AND unit_id = $1 AND source <> 'system'`, [u]);
      expect(rows.map((r) => r.state)).toEqual(Array(4).fill('submitted'));
    } finally {
      now = NOW;
    }
  });
});
