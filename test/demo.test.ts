import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, demoAccounts } from '../src/domains/demo/build';
import { demoCreditCode } from '../src/domains/demo/enterprises';
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

  // Facts of the seeds that scenario tests (system, instructions, attraction, appeals, dekad) once read
  // off the demo; those tests now make their own rows, so the seeds are checked here.
  it('lists Xuzhou’s sixteen units by sort order, 大庙街道 first, 徐庄镇 its one town', async () => {
    const admin = await t.signIn('admin');
    const page1 = (await admin.get('/api/units?pageSize=5')).json();
    expect(page1.total).toBe(16);
    expect(page1.items[0].name).toBe('大庙街道');
    expect((await admin.get('/api/units?kind=town')).json().items.map((u: { name: string }) => u.name)).toEqual(['徐庄镇']);
  });

  it('seeds the indicators the seeds name, with kinds, measures and fill methods, and their targets', async () => {
    const leader = await t.signIn('leader');
    const list = (await leader.get('/api/targets/indicators?pageSize=100')).json();
    const codes = list.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['gbr', 'tax', 'tax_share', 'industrial_va', 'fai', 'industrial_inv', 'trade', 'export', 'fdi', 'signed_projects', 'foreign_projects', 'sei_output', 'net_four_above', 'net_hightech', 'little_giants', 'cloud_stars']));
    const by = (code: string) => list.items.find((i: { code: string }) => i.code === code);
    expect(by('tax_share')).toMatchObject({ kind: 'ratio', measure: '%', numeratorCode: 'tax', denominatorCode: 'gbr' });
    expect(by('fdi')).toMatchObject({ measure: '亿美元', aggregation: 'zone_reported', fillMethod: 'manual' });
    expect(by('little_giants')).toMatchObject({ fillMethod: 'system', feed: 'enterprises.new_little_giant' });
    // Seed 003: 力争新增专精特新“小巨人”企业5家 (a zone target, no stretch).
    const giants = (await leader.get(`/api/targets/targets?year=2022&indicatorId=${by('little_giants').id}`)).json();
    expect(giants.items).toMatchObject([{ unitId: null, floor: '5', stretch: null }]);
    // 大庙街道 reports its flows; the counts the register, 招商 and the projects fill are in its form too
    // (新开工项目数 has no target for it: it is there because the projects module counts 大庙's one project started this year).
    const unitId = (await leader.get('/api/units?pageSize=100')).json().items.find((u: { code: string }) => u.code === 'damiao').id;
    const reporter = await t.signIn('xz-damiao');
    const form = (await reporter.get(`/api/targets/report?unitId=${unitId}&period=2022-08`)).json();
    expect(form.rows.map((r: { code: string }) => r.code)).toEqual(['gbr', 'tax', 'fai', 'industrial_inv', 'signed_projects', 'net_four_above', 'started_projects']);
    expect(form.rows.at(-1)).toMatchObject({ floor: null, fillMethod: 'system', figure: { value: '1', source: 'system', sourceName: 'projects', state: 'approved' } });
  });

  // Facts of the register that enterprises.test.ts once read off the demo; it now makes its own register.
  it('holds the seeds’ enterprises: 徐工集团’s figures and plan, three little giants, the default pools (徐矿能源 11.9% of the way to 千亿)', async () => {
    const viewer = await t.signIn('viewer');
    const names = (rows: { name: string }[]) => rows.map((e) => e.name).sort();
    const xcmg = (await viewer.get(`/api/enterprises?q=${demoCreditCode(0).toLowerCase()}`)).json().items;
    expect(xcmg).toHaveLength(1);
    expect(xcmg[0]).toMatchObject({ name: '徐工集团', year: 2022, outputValue: '10420000.00', unitName: '大庙街道', demo: true });
    expect(xcmg[0].tags).toEqual(expect.arrayContaining(['high_tech', 'four_above', 'hundred_billion']));
    expect(names((await viewer.get('/api/enterprises?tag=little_giant&pageSize=50')).json().items)).toEqual(['天科合达（徐州）', '威拉里新材料', '鑫华半导体'].sort());
    const reserve = names((await viewer.get('/api/enterprises?tag=listing_reserve&pageSize=100')).json().items);
    expect(reserve).toEqual(expect.arrayContaining(['徐工汉云', '徐矿能源', '鑫华半导体']));
    expect(reserve).not.toContain('复星医药（徐州）');
    const pools = (await viewer.get('/api/enterprise-pools')).json();
    expect(pools.map((p: { code: string }) => p.code)).toEqual(['tier-100b', 'tier-10b', 'tier-1b', 'to-high-tech', 'to-above-size', 'listing']);
    const pool = async (code: string) => (await viewer.get(`/api/enterprise-pools/${pools.find((p: { code: string }) => p.code === code).id}`)).json();
    const tier10b = await pool('tier-10b');
    expect(tier10b.members.map((m: { name: string; progress: { percent: string; gap: string } }) => [m.name, m.progress.percent, m.progress.gap])).toEqual([['徐矿能源', '11.9', '8814000.00']]);
    const tier1b = await pool('tier-1b');
    expect(names(tier1b.members)).toEqual(['华恒新能源', '鑫华半导体'].sort());
    expect(tier1b.candidates).toEqual([]);
    const counts = (await viewer.get('/api/enterprise-counts?year=2022&asOf=2022-08-20')).json().counts;
    const count = (code: string) => counts.find((c: { indicatorCode: string }) => c.indicatorCode === code).value;
    expect([count('new_hundred_billion'), count('new_little_giant')]).toEqual([1, 3]); // 徐矿能源 on 30 June; 天科合达, 威拉里, 鑫华
    // 一企一策: 638.00亿 of 1100.00亿 by July, 58.0% against 58.3% time progress.
    const plan = (await viewer.get('/api/enterprise-plans?year=2022')).json().find((p: { enterpriseName: string }) => p.enterpriseName === '徐工集团');
    expect(plan).toMatchObject({ month: 7, actual: '6380000.00', assessment: { completion: '58.0', expectedShare: '58.3', gap: '-0.3', status: 'on_track' } });
    expect((await viewer.get('/api/enterprise-visits')).json().total).toBe(3);
  });

  it('holds the leader’s three instructions of August: one closed, two in hand', async () => {
    const mine = (await (await t.signIn('leader')).get('/api/instructions?mine=true')).json();
    expect(mine.total).toBe(3);
    expect(mine.items.every((i: { writtenOn: string }) => i.writtenOn <= '2022-08-31')).toBe(true);
    expect(mine.items.map((i: { state: string }) => i.state).sort()).toEqual(['closed', 'rectifying', 'rectifying']);
  });

  it('counts 2022’s 招商 signings from projects and signed leads (大连日丰 in July)', async () => {
    const c = (await (await t.signIn('viewer')).get('/api/attraction/counts?year=2022')).json();
    expect(c.usdRate).toBe('6.7261');
    expect(c.months[6].foreignProjects).toBeGreaterThanOrEqual(1);
    expect(Number(c.ytd[11].foreignInvestmentUsd)).toBeGreaterThanOrEqual(4.7 + 6 + 1.5);
    for (let m = 1; m < 12; m++) expect(c.ytd[m].signedLarge).toBeGreaterThanOrEqual(c.ytd[m - 1].signedLarge);
  });

  it('holds five appeals of July and August, 华恒’s finance appeal not responded to', async () => {
    const aug = (await (await t.signIn('viewer')).get('/api/enterprise-appeals/stats?from=2022-07-01&to=2022-08-21')).json();
    expect(aug.total.total).toBe(5);
    expect(aug.byUnit.find((u: { unitName: string }) => u.unitName === '地方金融监管局')).toMatchObject({ total: 1, respondedOnTime: 0, avgResponseHours: null });
    expect(aug.total).toMatchObject({ satisfied: 1, closed: 2 });
  });

  it('reports Xuzhou’s 固定资产投资 and 规上工业增加值 by dekad, each 下旬 the month’s year to date, rising', async () => {
    const ind = await t.handle.query<{ code: string; id: string; rhythm: string }>(`SELECT i.code, i.id, i.rhythm FROM indicators i JOIN zones z ON z.id = i.zone_id WHERE z.code = 'xuzhou'`);
    const of = (code: string) => ind.find((i) => i.code === code)!;
    expect([of('fai').rhythm, of('industrial_va').rhythm, of('gbr').rhythm]).toEqual(['dekad', 'dekad', 'month']);
    const [damiao] = await t.handle.query<{ id: string }>(`SELECT u.id FROM units u JOIN zones z ON z.id = u.zone_id WHERE z.code = 'xuzhou' AND u.code = 'damiao'`);
    const rows = await t.handle.query<{ period: string; dekad: number; value: string }>(
      `SELECT period, dekad, value::text AS value FROM dekad_figures WHERE indicator_id = $1 AND unit_id = $2 ORDER BY period, dekad`,
      [of('fai').id, damiao!.id],
    );
    expect(rows).toHaveLength(24); // January–August
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i]!.value)).toBeGreaterThanOrEqual(Number(rows[i - 1]!.value));
    const [aug] = await t.handle.query<{ v: string }>(`SELECT value::text AS v FROM figures WHERE indicator_id = $1 AND unit_id = $2 AND period = '2022-08'`, [of('fai').id, damiao!.id]);
    expect(Number(rows.find((r) => r.period === '2022-08' && r.dekad === 3)!.value)).toBe(Number(aug!.v));
    const zone = await t.handle.query<{ unit_id: string | null }>(`SELECT unit_id FROM dekad_figures WHERE indicator_id = $1`, [of('industrial_va').id]);
    expect(zone.length).toBeGreaterThan(0);
    expect(zone.every((r) => r.unit_id === null)).toBe(true);
  });

  it('lets every demo account sign in to each of its zones', async () => {
    for (const a of demoAccounts()) {
      for (const zone of a.zones) {
        const c = await t.signIn(a.username, zone);
        expect(c.me.user.role).toBe(a.role);
      }
    }
  }, 60_000);

  it('ranks the six towns/sub-districts in the published 2022 Q3 competition, with explained points and a red flag', async () => {
    const leader = await t.signIn('leader');
    const q3 = (await leader.get('/api/assessment/schemes?pageSize=50')).json().items.find((s: { name: string }) => s.name.includes('三季度'));
    expect(q3.state).toBe('published');
    const r = (await leader.get(`/api/assessment/schemes/${q3.id}/results`)).json();
    expect(r.units).toHaveLength(6);
    expect(r.previous.name).toContain('二季度');
    // Hand-checked: 大庙 3/3 tasks (60) + 2 of 3 problems (Q3's two, Q2's open one carried over: 26.67) = 86.67;
    // 金山桥 2/3 (40) + 2/3 (26.67) + 2 bonus = 68.67; 大黄山 and 东环 tie at 60 (40 + 20) and share 3rd place.
    const byName = Object.fromEntries(r.units.map((u: { unitName: string }) => [u.unitName, u]));
    expect(byName['大庙街道']).toMatchObject({ total: '86.67', rank: 1, redFlag: true });
    expect(byName['金山桥街道']).toMatchObject({ base: '66.67', adjustment: '2.00', total: '68.67', rank: 2 });
    expect(byName['徐庄镇'].adjustments[0].explanation).toBe('扣分：安全生产工作被市级通报（演示），-1.00分');
    expect([byName['大黄山街道'].rank, byName['东环街道'].rank, byName['徐庄镇'].rank]).toEqual([3, 3, 5]);
    const tasks = byName['大黄山街道'].items.find((i: { key: string }) => i.key === 'tasks');
    expect(tasks.explanation).toBe('督办任务按时完成2项/共3项，按时率66.7%，得40.00分');
    expect(tasks.evidence.filter((e: string) => e.startsWith('✗'))).toHaveLength(1);
    expect(r.units.filter((u: { redFlag: boolean }) => u.redFlag).map((u: { unitName: string }) => u.unitName)).toEqual(['大庙街道']);
    expect(byName['大庙街道'].prevRank).toBe(3); // Q2: 东环 100, 大黄山 80, 大庙 and 金山桥 60
  });

  it('gives 弘元新材料光伏基地 its 专班 of seed 000 (headed by the unit’s secretary) and the example "五个一" standard', async () => {
    const sup = await t.signIn('supervisor');
    const { id } = (await t.handle.query<{ id: string }>(`SELECT p.id FROM projects p JOIN zones z ON z.id = p.zone_id WHERE z.code = 'xuzhou' AND p.name = '弘元新材料光伏基地'`))[0]!;
    const d = (await sup.get(`/api/projects/${id}`)).json();
    const tf = d.project.taskForce as { name: string; role: string; unitName: string | null; phone: string; userId: string | null }[];
    expect(tf[0]).toMatchObject({ name: '贾群', role: 'lead', unitName: '金龙湖街道', phone: '0516-80000105', userId: null });
    expect(tf.some((m) => m.role === 'liaison')).toBe(true);
    // The linked account (重大办) keeps its right to record progress: the column mirrors it.
    expect(d.project.taskForceUserIds).toEqual(tf.filter((m) => m.userId).map((m) => m.userId));
    expect(d.project.leaderName).toBe('区领导');
    const list = d.serviceChecklist as { key: string; name: string; doneOn: string | null; checkedByName: string | null }[];
    expect(list.map((c) => c.key)).toEqual(['one_leader', 'one_task_force', 'one_plan', 'one_list', 'one_dispatch']);
    expect(list[0]).toMatchObject({ name: '一名包挂领导', doneOn: '2022-03-01', checkedByName: '督查办' });
    expect(list.find((c) => c.key === 'one_list')!.doneOn).toBe('2022-08-10'); // a problem is raised on it
    expect(d.project.findings.length).toBeGreaterThan(0); // the "765" rules judged on the same page
  });

  it('holds the seeds’ hazards: counts by unit for the year, one 重大 overdue, the campaign not 清零', async () => {
    const sup = await t.signIn('supervisor');
    const s = (await sup.get('/api/hazards/summary')).json();
    expect(s).toMatchObject({ from: '2022-01-01', to: '2022-08-31' });
    expect(s.total).toEqual({ added: 7, rectified: 3, remaining: 4, majorRemaining: 1, overdue: 1 });
    expect(s.byUnit.find((u: { unitName: string }) => u.unitName === '大庙街道')).toMatchObject({ added: 2, remaining: 2, majorRemaining: 1, overdue: 1 });
    expect(s.campaigns[0]).toMatchObject({ name: '冲刺100天、奋力保全年', status: 'open', registered: 5, remaining: 3 });
    const overdue = (await sup.get('/api/hazards?overdue=true')).json();
    expect(overdue.items.map((h: { title: string; level: string; light: string }) => [h.title, h.level, h.light])).toEqual([['工贸企业粉尘涉爆除尘系统未设泄爆装置', 'major', 'red']]);
  });

  it('has supervision: seed 003 confirmed with units, seed 000 pledges, one overdue with a notice, one closed', async () => {
    const leader = await t.signIn('leader');
    const docs = (await leader.get('/api/supervision/documents')).json().items.map((d: { title: string; kind: string; taskCount: number }) => [d.kind, d.taskCount > 5]);
    expect(docs).toEqual(expect.arrayContaining([['speech', true], ['pledge', true]]));
    const pledges = (await leader.get('/api/supervision/tasks?origin=pledge&pageSize=100')).json();
    expect(new Set(pledges.items.map((x: { leadUnitName: string }) => x.leadUnitName))).toEqual(new Set(['大庙街道', '大黄山街道', '金山桥街道', '金龙湖街道', '徐庄镇']));
    const speech = (await leader.get('/api/supervision/tasks?origin=task&pageSize=100')).json().items;
    const demoHz = speech.find((x: { text: string }) => x.text === '积极搭建创新平台，8月底前完成江苏汇智高端工程机械创新中心建设');
    expect(demoHz).toMatchObject({ deadline: '2022-08-31', leadUnitName: '经发局', slipCount: 1, percent: '80' });
    const detail = (await leader.get(`/api/supervision/tasks/${demoHz.id}`)).json();
    expect(detail.notices[0]).toMatchObject({ number: '经开督〔2022〕1号', issuedOn: '2022-09-05' });
    expect(speech.some((x: { text: string; state: string }) => x.text.includes('450项') && x.state === 'closed')).toBe(true);
  });

  it('is built once: a second run changes nothing', async () => {
    const before = await counts();
    const again = await buildDemo(t.handle, DEMO_PASSWORD);
    expect(again.created).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});

describe('the demo’s fed figures', () => {
  /** Figures of an indicator of Xuzhou for the zone (unit null), by month of 2022. */
  const zoneSeries = async (zoneId: string, code: string) =>
    (await t.handle.query<{ period: string }>(
      `SELECT f.period FROM figures f JOIN indicators i ON i.id = f.indicator_id WHERE f.zone_id = $1 AND i.code = $2 AND f.unit_id IS NULL AND f.period LIKE '2022-%' ORDER BY f.period`,
      [zoneId, code],
    )).map((r) => r.period);

  it('fills Xuzhou’s system-filled indicators from the register and 招商, as the register counts them', async () => {
    const leader = await t.signIn('leader');
    const zoneId = leader.me.zone.id;
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
    expect((await zoneSeries(zoneId, 'net_hightech')).at(-1)).toBe('2022-08');
    // Arriving for the first time in a locked month is not a correction.
    const [corrected] = await t.handle.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM figures WHERE zone_id = $1 AND source = 'system' AND correction_reason IS NOT NULL`,
      [zoneId],
    );
    expect(corrected!.n).toBe(0);
  });

  it('leaves Huai’an’s figures as the seed states them (its indicators are reported by hand)', async () => {
    const c = (await (await t.signIn('leader', 'huaian')).get('/api/cockpit?period=2023-06')).json();
    expect(c.indicators.find((i: { code: string }) => i.code === 'signed_projects').value).toBe('49');
  });
});
