// 以日保旬、以旬保月 through HTTP: dekad indicators in the catalogue, a unit's dekad
// figures (who may write, validation, audit, a year to date never falls, no dekad
// after the zone's date, the zone's pinned date), the month checked against its
// 下旬, the cockpit's 旬进度 (no partial sum as a total) and the dekad reminders, on a
// zone the test makes (the demo's dekad seeds are checked in demo.test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../src/domains/targets/reminders';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit as spec } from './helpers/factories';

const NOW = new Date('2022-10-08T02:00:00Z'); // 8 October 2022 in China: September's dekads are all closed, October's 上旬 not yet
let t: TestApp;
let sup: Client, leader: Client, damiao: Client, donghuan: Client, jingfa: Client;
const ind: Record<string, { id: string; version: number; rhythm: string }> = {};
const unit: Record<string, string> = {};
const TOWNS = ['damiao', 'donghuan', 'dahuangshan'];

/**
 * Three sub-districts owe 固定资产投资 (fai) by dekad; 经发局 reports the zone's
 * 规上工业增加值 (industrial_va) by dekad; 一般公共预算收入 and 外贸进出口总额 go by month.
 * August is in: each town's 中旬 (18, 19, 20) and 下旬 (20, 21, 22) year to date, the
 * month's figure equal to its 下旬; the zone's 规上工业增加值 120 and 135.
 */
beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => NOW });
  const z = await makeZone(t.handle, 'dk', {
    units: [spec('damiao', '大庙街道'), spec('donghuan', '东环街道'), spec('dahuangshan', '大黄山街道'), spec('jingfa', '经发局', 'department'), spec('ducha', '督查办', 'department')],
  });
  const fai = await z.indicator({ code: 'fai', name: '固定资产投资', measure: '亿元', kind: 'flow', rhythm: 'dekad' });
  const va = await z.indicator({ code: 'industrial_va', name: '规上工业增加值', measure: '亿元', kind: 'flow', rhythm: 'dekad', aggregation: 'zone_reported', owner: 'jingfa' });
  const gbr = await z.indicator({ code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow' });
  const trade = await z.indicator({ code: 'trade', name: '外贸进出口总额', measure: '亿美元', kind: 'flow' });
  await z.target(va, null, 2022, '200');
  for (const [i, u] of TOWNS.entries()) {
    await z.target(fai, u, 2022, '30');
    await z.dekad(u, '2022-08', 2, { [fai.id]: String(18 + i) });
    await z.dekad(u, '2022-08', 3, { [fai.id]: String(20 + i) });
    await z.figures(u, '2022-08', { [fai.id]: { value: String(20 + i), prevYear: null } });
  }
  await z.dekad('jingfa', '2022-08', 2, { [va.id]: '120' });
  await z.dekad('jingfa', '2022-08', 3, { [va.id]: '135' });
  await z.figures('jingfa', '2022-08', { [va.id]: { value: '135', prevYear: null } });
  for (const i of [fai, va, gbr, trade]) ind[i.code] = i;
  for (const c of [...TOWNS, 'jingfa']) unit[c] = z.unitId(c);
  [sup, leader, damiao, donghuan, jingfa] = (await Promise.all(['supervisor', 'leader', z.reporter('damiao'), z.reporter('donghuan'), z.reporter('jingfa')].map((u) => t.signIn(u, z.code)))) as [Client, Client, Client, Client, Client];
}, 180_000);
afterAll(async () => t.close());

const dekadRows = async (where = 'true', params: unknown[] = []) =>
  t.handle.query<{ unit_id: string | null; period: string; dekad: number; value: string; note: string; version: number }>(
    `SELECT unit_id, period, dekad, value::text AS value, note, version FROM dekad_figures WHERE ${where} ORDER BY period, dekad`,
    params,
  );
const put = (c: Client, body: unknown, lang?: string) => c.send('PUT', '/api/targets/dekads', body, lang ? { 'x-lang': lang } : undefined);
const monthValue = async (code: string, unitCode: string, period: string) =>
  (await t.handle.query<{ v: string }>(`SELECT value::text AS v FROM figures WHERE indicator_id = $1 AND unit_id = $2 AND period = $3`, [ind[code]!.id, unit[unitCode], period]))[0]!.v;

describe('the catalogue', () => {
  it('lets a supervisor switch an indicator to dekads (audited, versioned); a reporter may not', async () => {
    const denied = await damiao.send('PATCH', `/api/targets/indicators/${ind.trade!.id}`, { rhythm: 'dekad', version: ind.trade!.version });
    expect(denied.statusCode).toBe(403);
    const res = await sup.send('PATCH', `/api/targets/indicators/${ind.trade!.id}`, { rhythm: 'dekad', version: ind.trade!.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rhythm: 'dekad', version: ind.trade!.version + 1 });
    const [a] = await t.handle.query<{ before: { rhythm: string }; after: { rhythm: string } }>(
      `SELECT before, after FROM audit_log WHERE entity = 'indicator' AND entity_id = $1 ORDER BY at DESC LIMIT 1`,
      [ind.trade!.id],
    );
    expect(a).toMatchObject({ before: { rhythm: 'month' }, after: { rhythm: 'dekad' } });
    const stale = await sup.send('PATCH', `/api/targets/indicators/${ind.trade!.id}`, { rhythm: 'month', version: ind.trade!.version });
    expect(stale.statusCode).toBe(409);
    const back = await sup.send('PATCH', `/api/targets/indicators/${ind.trade!.id}`, { rhythm: 'month', version: ind.trade!.version + 1 });
    expect(back.json().rhythm).toBe('month');
    expect((await sup.send('PATCH', `/api/targets/indicators/${ind.trade!.id}`, { rhythm: 'weekly', version: ind.trade!.version + 2 })).statusCode).toBe(400);
  });
});

describe('dekad figures', () => {
  it('gives a unit its dekad indicators with only the closed dekads open', async () => {
    const res = await damiao.get(`/api/targets/dekads?unitId=${unit.damiao}&period=2022-10`);
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.open).toEqual([]); // 10 October has not come: no October dekad is offered
    expect(form.latest).toEqual({ period: '2022-09', dekad: 3 });
    const sep = (await damiao.get(`/api/targets/dekads?unitId=${unit.damiao}&period=2022-09`)).json();
    expect(sep.open).toEqual([1, 2, 3]);
    expect(sep.rows.map((r: { code: string }) => r.code)).toEqual(['fai']); // the zone's 规上工业增加值 is 经发局's
    const fai = sep.rows[0];
    expect(fai.before).toMatchObject({ period: '2022-08', dekad: 3 });
    expect(fai.dekads.map((d: { end: string }) => d.end)).toEqual(['2022-09-10', '2022-09-20', '2022-09-30']);
    // 序时进度 by days at the dekad's end: 10 September is day 253 of 365.
    expect(fai.dekads[0].expectedShare).toBe('69.3');
    expect((await jingfa.get(`/api/targets/dekads?unitId=${unit.jingfa}&period=2022-09`)).json().rows.map((r: { code: string }) => r.code)).toContain('industrial_va');
  });

  it('refuses another unit’s figures, and changes nothing', async () => {
    const before = await dekadRows();
    const res = await damiao.send('PUT', '/api/targets/dekads', { unitId: unit.donghuan, period: '2022-09', dekad: 1, rows: [{ indicatorId: ind.fai!.id, value: '99' }] });
    expect(res.statusCode).toBe(403);
    expect((await damiao.get(`/api/targets/dekads?unitId=${unit.donghuan}&period=2022-09`)).statusCode).toBe(403);
    // The zone figure of 规上工业增加值 is 经发局's to report.
    const zoneLevel = await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 1, rows: [{ indicatorId: ind.industrial_va!.id, value: '200' }] });
    expect(zoneLevel.json()).toMatchObject({ code: 'targets.zone_level' });
    expect(await dekadRows()).toEqual(before);
  });

  it('validates: numbers, dekads 1–3, dekad indicators only, in Chinese and English', async () => {
    const base = { unitId: unit.damiao, period: '2022-09', dekad: 1 };
    const abc = await put(damiao, { ...base, rows: [{ indicatorId: ind.fai!.id, value: 'abc' }] });
    expect(abc.statusCode).toBe(400);
    expect(abc.json().message).toContain('请输入数字');
    expect((await put(damiao, { ...base, dekad: 4, rows: [{ indicatorId: ind.fai!.id, value: '1' }] })).statusCode).toBe(400);
    expect((await put(damiao, { ...base, period: '2022-13', rows: [{ indicatorId: ind.fai!.id, value: '1' }] })).statusCode).toBe(400);
    const monthly = await put(damiao, { ...base, rows: [{ indicatorId: ind.gbr!.id, value: '1' }] });
    expect(monthly.statusCode).toBe(400);
    expect(monthly.json()).toEqual({ code: 'targets.not_dekad', message: '“一般公共预算收入”不按旬填报' });
    const en = await put(damiao, { ...base, rows: [{ indicatorId: ind.gbr!.id, value: '1' }] }, 'en');
    expect(en.json().message).toBe('"一般公共预算收入" is not reported by dekad');
  });

  it('refuses a dekad after the zone’s date', async () => {
    const res = await put(damiao, { unitId: unit.damiao, period: '2022-10', dekad: 1, rows: [{ indicatorId: ind.fai!.id, value: '50' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'targets.dekad_future', message: '10月上旬尚未结束（2022-10-10），不能填报' });
    expect(await dekadRows(`period = '2022-10'`)).toEqual([]);
  });

  it('refuses a year to date below the dekad before it or above the one after', async () => {
    const aug = Number(await monthValue('fai', 'damiao', '2022-08'));
    const low = await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 1, rows: [{ indicatorId: ind.fai!.id, value: (aug - 1).toFixed(2) }] });
    expect(low.statusCode).toBe(400);
    expect(low.json().code).toBe('targets.dekad_drop');
    expect(low.json().message).toContain('低于8月下旬累计');
    expect(await dekadRows(`period = '2022-09'`)).toEqual([]);
  });

  it('records a dekad with an audit entry, before and after, and replaces it on the version read', async () => {
    const aug = Number(await monthValue('fai', 'damiao', '2022-08'));
    const first = await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 1, rows: [{ indicatorId: ind.fai!.id, value: (aug + 1).toFixed(2), note: '快报' }] });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ saved: 1 });
    const [row] = await dekadRows(`period = '2022-09' AND dekad = 1`);
    expect(row).toMatchObject({ unit_id: unit.damiao, value: (aug + 1).toFixed(2), note: '快报', version: 1 });
    const second = await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 1, rows: [{ indicatorId: ind.fai!.id, value: (aug + 2).toFixed(2), version: 1 }] });
    expect(second.statusCode).toBe(200);
    const stale = await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 1, rows: [{ indicatorId: ind.fai!.id, value: (aug + 3).toFixed(2), version: 1 }] });
    expect(stale.statusCode).toBe(409);
    const audits = await t.handle.query<{ action: string; user_id: string; unit_id: string; before: { value: string }[] | null; after: { rows: { value: string }[] } }>(
      `SELECT action, user_id, unit_id, before, after FROM audit_log WHERE entity = 'dekad_figures' AND entity_id = '2022-09-1:damiao' ORDER BY at`,
    );
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ action: 'record', user_id: damiao.me.user.id, unit_id: unit.damiao, before: null, after: { rows: [{ value: (aug + 1).toFixed(2) }] } });
    expect(audits[1]!.before![0]!.value).toBe((aug + 1).toFixed(2));
    // The 中旬 may not then be set below the 上旬, nor the 上旬 above a 中旬 already there.
    expect((await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 2, rows: [{ indicatorId: ind.fai!.id, value: (aug + 1.5).toFixed(2) }] })).json().code).toBe('targets.dekad_drop');
    expect((await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 2, rows: [{ indicatorId: ind.fai!.id, value: (aug + 4).toFixed(2) }] })).statusCode).toBe(200);
    const above = await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 1, rows: [{ indicatorId: ind.fai!.id, value: (aug + 5).toFixed(2), version: 2 }] });
    expect(above.json().message).toContain('高于9月中旬已报累计');
  });

  it('lets 经发局 report the zone’s 规上工业增加值 by dekad, stored as a zone figure', async () => {
    const aug = (await t.handle.query<{ v: string }>(`SELECT value::text AS v FROM figures WHERE indicator_id = $1 AND unit_id IS NULL AND period = '2022-08'`, [ind.industrial_va!.id]))[0]!.v;
    const res = await put(jingfa, { unitId: unit.jingfa, period: '2022-09', dekad: 1, rows: [{ indicatorId: ind.industrial_va!.id, value: (Number(aug) + 5).toFixed(2) }] });
    expect(res.statusCode).toBe(200);
    expect(await dekadRows(`indicator_id = $1 AND period = '2022-09'`, [ind.industrial_va!.id])).toMatchObject([{ unit_id: null, dekad: 1 }]);
  });
});

describe('the month against its 下旬', () => {
  it('asks for a note when the month’s figure differs from the 下旬 reported, and gives the form the 下旬', async () => {
    const aug = Number(await monthValue('fai', 'damiao', '2022-08'));
    const last = (aug + 6).toFixed(2);
    expect((await put(damiao, { unitId: unit.damiao, period: '2022-09', dekad: 3, rows: [{ indicatorId: ind.fai!.id, value: last }] })).statusCode).toBe(200);
    const form = (await damiao.get(`/api/targets/report?unitId=${unit.damiao}&period=2022-09`)).json();
    const row = form.rows.find((r: { code: string }) => r.code === 'fai');
    expect(row).toMatchObject({ rhythm: 'dekad', lastDekad: last });
    const other = (aug + 7).toFixed(2);
    const refused = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: '2022-09', submit: true, rows: [{ indicatorId: ind.fai!.id, value: other, prevYear: null }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ code: 'targets.check_note', message: `不能报送“固定资产投资”：与已报下旬累计${last}不一致，请核对并在备注中说明` });
    expect(await t.handle.query(`SELECT 1 FROM figures WHERE indicator_id = $1 AND unit_id = $2 AND period = '2022-09'`, [ind.fai!.id, unit.damiao])).toEqual([]);
    // A draft may hold it; a note lets it through; the same figure as the 下旬 needs none.
    expect((await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: '2022-09', rows: [{ indicatorId: ind.fai!.id, value: other, prevYear: null }] })).statusCode).toBe(200);
    const noted = await damiao.send('PUT', '/api/targets/report', { unitId: unit.damiao, period: '2022-09', submit: true, rows: [{ indicatorId: ind.fai!.id, value: other, prevYear: null, note: '统计局终审数' }] });
    expect(noted.statusCode).toBe(200);
    const same = await donghuanMonth();
    expect(same.statusCode).toBe(200);
  });
});

/** 东环街道 reports its 下旬 and then the same month figure: no note needed. */
async function donghuanMonth() {
  const aug = Number(await monthValue('fai', 'donghuan', '2022-08'));
  const v = (aug * 1.1).toFixed(2);
  expect((await put(donghuan, { unitId: unit.donghuan, period: '2022-09', dekad: 3, rows: [{ indicatorId: ind.fai!.id, value: v }] })).statusCode).toBe(200);
  return donghuan.send('PUT', '/api/targets/report', { unitId: unit.donghuan, period: '2022-09', submit: true, rows: [{ indicatorId: ind.fai!.id, value: v, prevYear: null }] });
}

describe('the cockpit’s 旬进度', () => {
  it('shows the zone at its latest closed dekad, with no total while units are missing', async () => {
    const res = await leader.get('/api/cockpit/dekads');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ period: '2022-09', dekad: 3, end: '2022-09-30' });
    const fai = p.items.find((i: { code: string }) => i.code === 'fai');
    expect(fai.value).toBeNull();
    expect(fai.completion).toBeNull();
    expect(fai.coverage).toEqual({ reported: 2, expected: 3, missingUnitNames: ['大黄山街道'] });
    expect(fai.expectedShare).toBe('74.8'); // 273/365
  });

  it('totals the units once all have reported, judged against 序时进度 at the dekad’s end', async () => {
    await t.handle.query(`UPDATE zones SET pinned_date = '2022-08-20' WHERE code = 'dk'`);
    try {
      const p = (await leader.get('/api/cockpit/dekads')).json();
      expect(p).toMatchObject({ period: '2022-08', dekad: 2 });
      const fai = p.items.find((i: { code: string }) => i.code === 'fai');
      expect(fai.coverage).toEqual({ reported: 3, expected: 3, missingUnitNames: [] });
      expect(Number(fai.value)).toBe(18 + 19 + 20);
      expect(Number(fai.floor)).toBe(90); // the towns' floors, there being no zone target
      expect(fai.expectedShare).toBe('63.6'); // 232/365
      expect(fai.completion).not.toBeNull();
      expect(['ahead', 'on_track', 'slightly_behind', 'far_behind']).toContain(fai.status);
      const va = p.items.find((i: { code: string }) => i.code === 'industrial_va');
      expect(va.coverage).toBeNull();
      expect(Number(va.value)).toBe(120);
    } finally {
      await t.handle.query(`UPDATE zones SET pinned_date = NULL WHERE code = 'dk'`);
    }
  });
});

describe('a pinned zone', () => {
  it('offers and takes only the dekads closed by its pinned date', async () => {
    await t.handle.query(`UPDATE zones SET pinned_date = '2022-09-15' WHERE code = 'dk'`);
    try {
      const form = (await donghuan.get(`/api/targets/dekads?unitId=${unit.donghuan}&period=2022-09`)).json();
      expect(form.open).toEqual([1]);
      expect(form.latest).toEqual({ period: '2022-09', dekad: 1 });
      const res = await put(donghuan, { unitId: unit.donghuan, period: '2022-09', dekad: 2, rows: [{ indicatorId: ind.fai!.id, value: '100' }] });
      expect(res.json().code).toBe('targets.dekad_future');
    } finally {
      await t.handle.query(`UPDATE zones SET pinned_date = NULL WHERE code = 'dk'`);
    }
  });
});

describe('dekad reminders', () => {
  const AFTER = new Date('2022-10-12T02:00:00Z'); // 12 October: two days after October's 上旬
  it('remind the units that have not reported the closed dekad, once; not before two days; never a pinned zone', async () => {
    expect((await runReminders(t.handle.db, new Date('2022-10-11T02:00:00Z'))).dekads).toBe(0);
    await t.handle.query(`UPDATE zones SET pinned_date = '2022-10-12' WHERE code = 'dk'`);
    expect((await runReminders(t.handle.db, AFTER)).dekads).toBe(0);
    await t.handle.query(`UPDATE zones SET pinned_date = NULL WHERE code = 'dk'`);
    const first = await runReminders(t.handle.db, AFTER);
    expect(first.dekads).toBe(4); // the three sub-districts (固定资产投资) and 经发局 (规上工业增加值)
    expect((await runReminders(t.handle.db, AFTER)).dekads).toBe(0);
    const inbox = (await damiao.get('/api/notifications')).json();
    expect(inbox.items.map((n: { title: string }) => n.title)).toContain('2022年10月上旬旬报未报');
  });
});
