// Feed bindings as an attribute of the indicator (issue 15 item 6, issue 16 part 3):
// any zone binds indicators of its own codes to a count (indicators.feed) — the
// register's, 招商's, or the projects' 新开工 / 竣工投产 — and the figures follow the
// data, judged against time progress like any other; bad bindings are refused
// in zh and en and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../src/domains/demo/enterprises';
import { createEmptyZone } from './helpers/emptyZone';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client, leader: Client, reporter: Client, xzSup: Client;
let zoneId: string;
const unit: Record<string, string> = {};
const ind: Record<string, { id: string; version: number }> = {};

beforeAll(async () => {
  // Early September 2022: the months up to August have ended.
  t = await testApp({ clock: () => new Date('2022-09-05T02:00:00Z') });
  zoneId = await createEmptyZone(t.handle, 'fbzone');
  [sup, leader, reporter] = (await Promise.all([t.signIn('supervisor', 'fbzone'), t.signIn('leader', 'fbzone'), t.signIn('fbzone-town1', 'fbzone')])) as [Client, Client, Client];
  xzSup = await t.signIn('supervisor');
  for (const r of await t.handle.query<{ id: string; code: string }>(`SELECT id, code FROM units WHERE zone_id = $1`, [zoneId])) unit[r.code] = r.id;
}, 120_000);
afterAll(async () => t.close());

/** Figures of an indicator of the zone for one unit (or the zone, null), by month of 2022. */
async function series(code: string, unitId: string | null): Promise<Record<string, number>> {
  const rows = await t.handle.query<{ period: string; value: string }>(
    `SELECT f.period, f.value::text AS value FROM figures f JOIN indicators i ON i.id = f.indicator_id
     WHERE f.zone_id = $1 AND i.code = $2 AND f.unit_id IS NOT DISTINCT FROM $3 AND f.period LIKE '2022-%' ORDER BY f.period`,
    [zoneId, code, unitId],
  );
  return Object.fromEntries(rows.map((r) => [r.period, Number(r.value)]));
}
const months = (from: number, to: number, v: number) => Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`2022-${String(from + i).padStart(2, '0')}`, v]));
const counts = async () =>
  (await t.handle.query<{ i: number; a: number; f: number }>(
    `SELECT (SELECT count(*) FROM indicators WHERE zone_id = $1)::int AS i, (SELECT count(*) FROM audit_log WHERE zone_id = $1)::int AS a, (SELECT count(*) FROM figures WHERE zone_id = $1)::int AS f`,
    [zoneId],
  ))[0]!;

const base = { kind: 'count', measure: '个', decimals: 0, fillMethod: 'system' } as const;

describe('binding', () => {
  it('lists the feed keys with zh and en labels', async () => {
    const res = await reporter.get('/api/feeds/keys');
    expect(res.statusCode, res.body).toBe(200);
    const keys = res.json().items as { key: string; zh: string; en: string; source: string; measure: string }[];
    expect(keys.find((k) => k.key === 'projects.started')).toEqual({ key: 'projects.started', source: 'projects', zh: '新开工项目数', en: 'Projects started', measure: '个' });
    expect(keys.find((k) => k.key === 'projects.producing')).toMatchObject({ zh: '竣工投产项目数' });
    expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining(['enterprises.net_high_tech', 'attraction.signed_projects', 'attraction.foreign_investment']));
    for (const k of keys) expect(k.key).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it('binds indicators of the zone’s own codes, audited', async () => {
    const before = await counts();
    const defs = [
      { code: 'kg_count', name: '开工项目', feed: 'projects.started' },
      { code: 'tc_count', name: '投产项目', feed: 'projects.producing', aggregation: 'zone_reported', zoneUnitId: unit.ducha },
      { code: 'gq_net', name: '高企净增', feed: 'enterprises.net_high_tech', aggregation: 'zone_reported', zoneUnitId: unit.ducha, measure: '家' },
      { code: 'qy_large', name: '亿元签约', feed: 'attraction.signed_projects' },
    ];
    for (const d of defs) {
      const res = await sup.send('POST', '/api/targets/indicators', { ...base, ...d });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ code: d.code, fillMethod: 'system', feed: d.feed });
      ind[d.code] = { id: res.json().id, version: res.json().version };
    }
    const after = await counts();
    expect(after.i - before.i).toBe(4);
    expect(after.a - before.a).toBe(4);
    const list = (await leader.get('/api/targets/indicators?pageSize=50')).json();
    expect(list.items.find((i: { code: string }) => i.code === 'kg_count')).toMatchObject({ feed: 'projects.started' });
    // A target makes 2022 a year the zone works in (feeds write only such years).
    const tg = await sup.send('PUT', '/api/targets/targets', { indicatorId: ind.kg_count!.id, unitId: unit.town1, year: 2022, floor: '4', stretch: null, monthlyPlan: null, version: 1 });
    expect(tg.statusCode, tg.body).toBe(200);
  });

  it('refuses a bad binding in zh and en, and changes nothing', async () => {
    const before = await counts();
    const cases: [unknown, string, RegExp, RegExp][] = [
      [{ ...base, code: 'bad_one', name: '坏', feed: 'projects.nothing' }, 'targets.feed_unknown', /没有这个统计来源：projects\.nothing/, /No such data source: projects\.nothing/],
      [{ ...base, code: 'bad_two', name: '坏', feed: 'not a key' }, 'targets.feed_unknown', /统计来源/, /data source/],
      [{ ...base, code: 'bad_three', name: '坏', fillMethod: 'manual', feed: 'projects.started' }, 'targets.feed_needs_system', /只有填报方式为“系统统计”的指标/, /Only an indicator filled by the system/],
      [{ ...base, code: 'bad_four', name: '坏' }, 'targets.system_needs_feed', /须指定统计来源/, /needs a data source/],
    ];
    for (const [body, code, zh, en] of cases) {
      const res = await sup.send('POST', '/api/targets/indicators', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(zh);
      const resEn = await sup.send('POST', '/api/targets/indicators', body, { 'x-lang': 'en' });
      expect(resEn.json()).toMatchObject({ code });
      expect(resEn.json().message).toMatch(en);
    }
    const id = ind.kg_count!.id;
    const version = ind.kg_count!.version;
    for (const [patch, code] of [
      [{ feed: 'projects.nothing' }, 'targets.feed_unknown'],
      [{ feed: null }, 'targets.system_needs_feed'],
      [{ fillMethod: 'manual', feed: 'projects.started' }, 'targets.feed_needs_system'],
    ] as const) {
      const res = await sup.send('PATCH', `/api/targets/indicators/${id}`, { ...patch, version });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe(code);
    }
    expect(await counts()).toEqual(before);
    const [row] = await t.handle.query<{ feed: string; version: number }>(`SELECT feed, version FROM indicators WHERE id = $1`, [id]);
    expect(row).toEqual({ feed: 'projects.started', version });
  });

  it('is a supervisor’s: a reporter or the leader may not bind or re-sync', async () => {
    const before = await counts();
    for (const c of [reporter, leader]) {
      expect((await c.send('POST', '/api/targets/indicators', { ...base, code: 'rep_one', name: '填报员', feed: 'projects.started' })).statusCode).toBe(403);
      expect((await c.send('PATCH', `/api/targets/indicators/${ind.kg_count!.id}`, { feed: 'projects.producing', version: ind.kg_count!.version })).statusCode).toBe(403);
      expect((await c.send('POST', '/api/projects/counts/sync', { year: 2022 })).statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('figures follow the data', () => {
  let projectId: string;

  it('a project started in March counts in its unit from March (新开工), signed in February in 招商', async () => {
    const made = await sup.send('POST', '/api/projects', {
      name: '绑定测试项目',
      category: 'industrial',
      year: 2022,
      totalInvestment: '3',
      responsibleUnitId: unit.town1,
      stageDates: { signed: { actual: '2022-02-10' }, started: { actual: '2022-03-15' } },
    });
    expect(made.statusCode, made.body).toBe(200);
    projectId = made.json().id;
    expect(await series('kg_count', unit.town1!)).toEqual({ ...months(1, 2, 0), ...months(3, 9, 1) });
    expect(await series('qy_large', unit.town1!)).toEqual({ '2022-01': 0, ...months(2, 9, 1) });
    const [src] = await t.handle.query<{ source: string; source_name: string }>(
      `SELECT DISTINCT f.source, f.source_name FROM figures f WHERE f.indicator_id = $1`,
      [ind.kg_count!.id],
    );
    expect(src).toEqual({ source: 'system', source_name: 'projects' });
  });

  it('投产 recorded in July counts zone-wide from July (竣工投产)', async () => {
    const res = await sup.send('POST', `/api/projects/${projectId}/stage`, { stage: 'producing', actual: '2022-07-20', version: await t.version('projects', projectId) });
    expect(res.statusCode, res.body).toBe(200);
    expect(await series('tc_count', null)).toEqual({ ...months(1, 6, 0), ...months(7, 9, 1) });
  });

  it('a project moved to another unit moves its count; a 开工 date moved moves its months', async () => {
    const moved = await sup.send('PATCH', `/api/projects/${projectId}`, { responsibleUnitId: unit.town2, version: await t.version('projects', projectId) });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await series('kg_count', unit.town1!)).toEqual(months(1, 9, 0));
    expect(await series('kg_count', unit.town2!)).toMatchObject({ '2022-02': 0, '2022-03': 1, '2022-09': 1 });
    const redated = await sup.send('POST', `/api/projects/${projectId}/stage`, { stage: 'started', actual: '2022-05-02', version: await t.version('projects', projectId) });
    expect(redated.statusCode, redated.body).toBe(200);
    expect(await series('kg_count', unit.town2!)).toMatchObject({ '2022-04': 0, '2022-05': 1, '2022-09': 1 });
  });

  it('the register fills the zone’s own high-tech code; a reporter writes only their own unit’s enterprise', async () => {
    const mine = await sup.send('POST', '/api/enterprises', { name: '绑定测试高企一', creditCode: demoCreditCode(960), unitId: unit.town1 });
    const other = await sup.send('POST', '/api/enterprises', { name: '绑定测试高企二', creditCode: demoCreditCode(961), unitId: unit.town2 });
    expect(mine.statusCode, mine.body).toBe(200);
    const before = await series('gq_net', null);
    const refused = await reporter.send('POST', `/api/enterprises/${other.json().id}/tags`, { tag: 'high_tech', gainedOn: '2022-04-01' });
    expect(refused.statusCode).toBe(403);
    expect(await series('gq_net', null)).toEqual(before);
    const tag = await reporter.send('POST', `/api/enterprises/${mine.json().id}/tags`, { tag: 'high_tech', gainedOn: '2022-04-01' });
    expect(tag.statusCode, tag.body).toBe(200);
    expect(await series('gq_net', null)).toEqual({ ...months(1, 3, 0), ...months(4, 9, 1) });
  });

  it('judges the count against time progress in the cockpit, like any indicator', async () => {
    const c = (await leader.get('/api/cockpit?period=2022-08')).json();
    const row = c.indicators.find((i: { code: string }) => i.code === 'kg_count');
    expect(row).toMatchObject({ fillMethod: 'system', value: '1' });
    const town2 = row.units.find((u: { unitId: string }) => u.unitId === unit.town2);
    expect(town2).toMatchObject({ value: '1' });
    const town1 = row.units.find((u: { unitId: string }) => u.unitId === unit.town1);
    // 0 of 4 with two thirds of the year gone.
    expect(town1).toMatchObject({ value: '0', floor: '4' });
    expect(town1.status).toBe('far_behind');
  });

  it('re-syncs on request: nothing when nothing changed; data written around the feed comes in, audited', async () => {
    const none = await sup.send('POST', '/api/projects/counts/sync', { year: 2022 });
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toMatchObject({ year: 2022, source: 'projects', changed: 0, changes: [] });
    await t.handle.query(
      `INSERT INTO projects (zone_id, name, category, year, total_investment, responsible_unit_id, stage, stage_dates) VALUES ($1, '绑定测试旧项目', 'urban', 2022, 1, $2, 'started', '{"started": {"actual": "2022-08-08"}}')`,
      [zoneId, unit.town1],
    );
    const res = await sup.send('POST', '/api/projects/counts/sync', { year: 2022 });
    expect(res.json().changed).toBe(2); // town1, August and September
    expect(await series('kg_count', unit.town1!)).toMatchObject({ '2022-07': 0, '2022-08': 1, '2022-09': 1 });
    const [audit] = await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE zone_id = $1 AND entity = 'indicator.feed' AND entity_id = 'projects:2022'`, [zoneId]);
    expect(audit!.n).toBe(1);
  });

  it('a supervisor changes what an indicator counts; dropping 系统统计 drops the binding', async () => {
    const v = await t.version('indicators', ind.qy_large!.id);
    const manual = await sup.send('PATCH', `/api/targets/indicators/${ind.qy_large!.id}`, { fillMethod: 'manual', version: v });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.json()).toMatchObject({ fillMethod: 'manual', feed: null });
    const back = await sup.send('PATCH', `/api/targets/indicators/${ind.qy_large!.id}`, { fillMethod: 'system', feed: 'projects.producing', version: v + 1 });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ fillMethod: 'system', feed: 'projects.producing' });
    await sup.send('POST', '/api/projects/counts/sync', { year: 2022 });
    expect(await series('qy_large', unit.town2!)).toMatchObject({ '2022-06': 0, '2022-07': 1 });
  });

  it('leaves other zones alone', async () => {
    const [n] = await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM figures f JOIN zones z ON z.id = f.zone_id WHERE z.code <> 'fbzone' AND f.source_name = 'projects' AND f.period > '2022-08'`);
    expect(n!.n).toBe(0);
    // Xuzhou's own binding: its demo indicators 新开工 / 竣工投产 count its demo projects.
    const x = (await xzSup.get('/api/targets/indicators?pageSize=100')).json();
    expect(x.items.find((i: { code: string }) => i.code === 'started_projects')).toMatchObject({ fillMethod: 'system', feed: 'projects.started', name: '新开工项目数' });
    expect(x.items.find((i: { code: string }) => i.code === 'producing_projects')).toMatchObject({ fillMethod: 'system', feed: 'projects.producing', name: '竣工投产项目数' });
  });
});
