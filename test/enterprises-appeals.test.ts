// Appeals through HTTP: an enterprise user raises one, the supervisor assigns it
// to a department (deadline from the service standard), the department responds,
// answers and reports done, the supervisor verifies, the enterprise rates it;
// statistics; the daily watch; and an enterprise never sees another's. The zone, its
// enterprises and accounts (test/helpers/factories) and the appeals of July and August
// before (the API, on their days) are made here, not the demo's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchAppeals } from '../src/domains/enterprises/appeals';
import { tick } from '../src/shared/scheduler';
import { scheduledJobs } from '../src/domains/scheduledJobs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

let now = new Date('2022-08-22T01:00:00Z'); // Monday 09:00 in China
let t: TestApp;
let z: Zone;
let sup: Client, jingfa: Client, zhaoshang: Client, damiao: Client, donghuan: Client, viewer: Client, ent: Client;
let other: Client;
/** Moves the clock; sessions last 12 hours, so everybody signs in again. */
async function setNow(iso: string) {
  now = new Date(iso);
  [sup, jingfa, zhaoshang, damiao, donghuan, viewer, ent, other] = (await Promise.all([
    ...['supervisor', z.reporter('jingfa'), z.reporter('zhaoshang'), z.reporter('damiao'), z.reporter('donghuan'), 'viewer', 'ent-xcmg'].map((u) => t.signIn(u, z.code)),
    t.signIn('ent-xinhua', z.code, 'xinhua-pass-1'),
  ])) as [Client, Client, Client, Client, Client, Client, Client, Client];
}
const unitId = async (code: string) => z.unitId(code);

/** One step of an earlier appeal, taken by `username` at `iso` (signed in then). */
async function at(iso: string, username: string, url: string, body: Record<string, unknown>, loopItemId?: string) {
  now = new Date(iso);
  const c = await t.signIn(username, z.code);
  const res = await c.send('POST', url, loopItemId ? { ...body, version: await t.version('loop_items', loopItemId) } : body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; loopItemId: string };
}

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => now });
  z = await makeZone(t.handle, 'qiye', {
    units: [
      unit('damiao', '大庙街道'),
      unit('donghuan', '东环街道'),
      unit('jingfa', '经发局', 'department'),
      unit('zhaoshang', '招商局', 'department'),
      unit('jinrong', '地方金融监管局', 'department'),
      unit('ducha', '督查办', 'department'),
    ],
  });
  const xcmg = await z.enterprise('damiao', '徐工集团');
  await z.enterpriseAccount(xcmg.id, 'ent-xcmg');
  const xinhua = await z.enterprise('damiao', '鑫华半导体');
  const huaheng = await z.enterprise('donghuan', '华恒新能源');
  await z.enterpriseAccount(huaheng.id, 'ent-huaheng');
  sup = await t.signIn('supervisor', z.code);
  // A second enterprise account, for 鑫华半导体, as the supervisor opens one.
  expect((await sup.send('POST', `/api/enterprises/${xinhua.id}/accounts`, { username: 'ent-xinhua', displayName: '鑫华半导体', password: 'xinhua-pass-1' })).statusCode).toBe(200);

  // July and August before: 徐工's appeal answered the day it came and rated 满意; one for 鑫华 closed unrated;
  // 华恒's finance appeal of Friday 5 August (solve by 8-19) handed to 地方金融监管局, which never responded.
  const mine = '/api/my-enterprise/appeals';
  const act = (id: string) => `/api/enterprise-appeals/${id}/actions`;
  const a = await at('2022-07-11T01:00:00Z', 'ent-xcmg', mine, { title: '厂区门前道路破损', category: 'utilities' });
  await at('2022-07-11T02:00:00Z', 'supervisor', act(a.id), { action: 'assign', assigneeUnitId: z.unitId('jingfa') }, a.loopItemId);
  await at('2022-07-11T07:00:00Z', z.reporter('jingfa'), act(a.id), { action: 'accept' }, a.loopItemId);
  await at('2022-07-15T07:00:00Z', z.reporter('jingfa'), act(a.id), { action: 'report_done', note: '已修复' }, a.loopItemId);
  await at('2022-07-18T02:00:00Z', 'supervisor', act(a.id), { action: 'verify' }, a.loopItemId);
  await at('2022-07-19T02:00:00Z', 'ent-xcmg', `${mine}/${a.id}/rate`, { satisfaction: 'satisfied' }, a.loopItemId);
  const b = await at('2022-07-20T01:00:00Z', 'supervisor', '/api/enterprise-appeals', { enterpriseId: xinhua.id, title: '二期用地指标', category: 'land' });
  await at('2022-07-20T02:00:00Z', 'supervisor', act(b.id), { action: 'assign', assigneeUnitId: z.unitId('zhaoshang') }, b.loopItemId);
  await at('2022-07-21T02:00:00Z', z.reporter('zhaoshang'), act(b.id), { action: 'accept' }, b.loopItemId);
  await at('2022-07-25T02:00:00Z', z.reporter('zhaoshang'), act(b.id), { action: 'report_done', note: '指标已落实' }, b.loopItemId);
  await at('2022-07-26T02:00:00Z', 'supervisor', act(b.id), { action: 'verify' }, b.loopItemId);
  const c = await at('2022-08-05T01:00:00Z', 'ent-huaheng', mine, { title: '流动资金贷款续贷', category: 'finance' });
  await at('2022-08-05T02:00:00Z', 'supervisor', act(c.id), { action: 'assign', assigneeUnitId: z.unitId('jinrong') }, c.loopItemId);

  await setNow('2022-08-22T01:00:00Z');
}, 240_000);
afterAll(async () => t.close());

describe('an appeal from the enterprise to closure', () => {
  let id: string;
  /** An appeal's version is its loop item's. */
  const appealVersion = async () => t.version('loop_items', (await t.handle.query<{ l: string }>('SELECT loop_item_id AS l FROM enterprise_appeals WHERE id = $1', [id]))[0]!.l);

  it('the enterprise sees only its own enterprise', async () => {
    const mine = (await ent.get('/api/my-enterprise')).json();
    expect(mine).toMatchObject({ name: '徐工集团', unitName: '大庙街道' });
    expect(mine.note).toBeUndefined();
    expect((await other.get('/api/my-enterprise')).json().name).toBe('鑫华半导体');
  });

  it('raises an appeal with the service-standard due dates', async () => {
    const bad = await ent.send('POST', '/api/my-enterprise/appeals', { title: '厂区', category: 'parking' });
    expect(bad.statusCode).toBe(400);
    const res = await ent.send('POST', '/api/my-enterprise/appeals', { title: '新厂区道路配套与供水管网接入', detail: '二期厂房9月投产，需接入市政供水。', category: 'utilities' });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    id = a.id;
    // Raised Monday 2022-08-22: respond by Tue, answer by Wed, solve within 10 working days (Mon 09-05).
    expect(a).toMatchObject({ raisedOn: '2022-08-22', respondBy: '2022-08-23', answerBy: '2022-08-24', solveBy: '2022-09-05' });
    const list = (await ent.get('/api/my-enterprise/appeals')).json();
    expect(list.items[0]).toMatchObject({ id, state: 'found', title: '新厂区道路配套与供水管网接入' });
    // The supervisors hear of it.
    const notes = (await sup.get('/api/notifications')).json();
    expect(notes.items.some((n: { title: string }) => n.title.includes('新诉求：徐工集团'))).toBe(true);
  });

  it('another enterprise can neither see nor rate it', async () => {
    expect((await other.get(`/api/my-enterprise/appeals/${id}`)).statusCode).toBe(404);
    expect((await other.get('/api/my-enterprise/appeals')).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await other.send('POST', `/api/my-enterprise/appeals/${id}/rate`, { satisfaction: 'dissatisfied', version: await appealVersion() })).statusCode).toBe(404);
    // Nor can it use the staff routes or the generic loop.
    expect((await other.get(`/api/enterprise-appeals/${id}`)).statusCode).toBe(403);
    expect((await other.get('/api/loop/items?kind=appeal')).statusCode).toBe(403);
  });

  it('the supervisor assigns it to a department, which responds, answers and reports done', async () => {
    const act = async (c: Client, body: object) => c.send('POST', `/api/enterprise-appeals/${id}/actions`, { ...body, version: await appealVersion() });
    const early = await act(jingfa, { action: 'assign', assigneeUnitId: await unitId('jingfa') });
    expect(early.statusCode, early.body).toBe(404);
    await setNow('2022-08-22T03:00:00Z');
    const assigned = await act(sup, { action: 'assign', assigneeUnitId: await unitId('jingfa') });
    expect(assigned.json()).toMatchObject({ state: 'assigned', deadline: '2022-09-05', assigneeName: '经发局', light: 'green' });
    expect((await jingfa.get('/api/notifications')).json().items[0].title).toContain('交办诉求');
    // Another department neither sees nor moves it.
    expect((await zhaoshang.get(`/api/enterprise-appeals/${id}`)).statusCode).toBe(404);
    expect((await act(zhaoshang, { action: 'accept' })).statusCode).toBe(404);
    expect((await zhaoshang.send('POST', `/api/enterprise-appeals/${id}/answer`, { answer: '越权答复', version: await appealVersion() })).statusCode).toBe(404);
    await setNow('2022-08-22T06:30:00Z');
    expect((await act(jingfa, { action: 'accept' })).json().state).toBe('rectifying');
    await setNow('2022-08-23T02:00:00Z');
    const answered = await jingfa.send('POST', `/api/enterprise-appeals/${id}/answer`, { answer: '已协调水务集团，8月底前完成管网接入。', version: await appealVersion() });
    expect(answered.statusCode).toBe(200);
    // The enterprise follows it.
    const mine = (await ent.get(`/api/my-enterprise/appeals/${id}`)).json();
    expect(mine.appeal).toMatchObject({ state: 'rectifying', assigneeName: '经发局', answer: '已协调水务集团，8月底前完成管网接入。' });
    expect(mine.events.map((e: { action: string }) => e.action)).toEqual(['raise', 'assign', 'accept', 'note']);
    expect(mine.canRate).toBe(false);
    expect((await ent.send('POST', `/api/my-enterprise/appeals/${id}/rate`, { satisfaction: 'satisfied', version: await appealVersion() })).statusCode).toBe(409);
    await setNow('2022-08-30T08:00:00Z');
    expect((await act(jingfa, { action: 'report_done', note: '管网已接通' })).json().state).toBe('verifying');
    // The department cannot close its own work.
    expect((await act(jingfa, { action: 'verify' })).statusCode).toBe(403);
    await setNow('2022-08-31T01:00:00Z');
    expect((await act(sup, { action: 'verify' })).json()).toMatchObject({ state: 'closed', light: 'done' });
  });

  it('the enterprise rates the outcome once', async () => {
    const notes = (await ent.get('/api/notifications')).json();
    expect(notes.items[0].title).toContain('诉求已办结');
    const detail = (await ent.get(`/api/my-enterprise/appeals/${id}`)).json();
    expect(detail.canRate).toBe(true);
    expect((await ent.send('POST', `/api/my-enterprise/appeals/${id}/rate`, { satisfaction: 'great', version: await appealVersion() })).statusCode).toBe(400);
    const rated = await ent.send('POST', `/api/my-enterprise/appeals/${id}/rate`, { satisfaction: 'basically_satisfied', note: '办理及时', version: await appealVersion() });
    expect(rated.json()).toMatchObject({ satisfaction: 'basically_satisfied' });
    expect((await ent.send('POST', `/api/my-enterprise/appeals/${id}/rate`, { satisfaction: 'satisfied', version: await appealVersion() })).statusCode).toBe(409);
  });

  it('counts it right in the statistics', async () => {
    const s = (await viewer.get('/api/enterprise-appeals/stats?from=2022-08-22&to=2022-08-31')).json();
    expect(s.total).toMatchObject({ total: 1, closed: 1, open: 0, respondedOnTime: 1, overdue: 0, basicallySatisfied: 1, satisfactionRate: '100.0' });
    // Raised 09:00, accepted 14:30 the same day: 5.5 hours; closed after 9.0 days.
    expect(s.total).toMatchObject({ avgResponseHours: '5.5', avgClosureDays: '9.0' });
    expect(s.byUnit).toHaveLength(1);
    expect(s.byUnit[0]).toMatchObject({ unitName: '经发局', total: 1 });
    expect(s.byCategory.find((c: { category: string }) => c.category === 'utilities').count).toBe(1);
    // July and August before: 华恒's finance appeal is late in responding.
    const aug = (await viewer.get('/api/enterprise-appeals/stats?from=2022-07-01&to=2022-08-21')).json();
    expect(aug.total.total).toBe(3);
    const jinrong = aug.byUnit.find((u: { unitName: string }) => u.unitName === '地方金融监管局');
    expect(jinrong).toMatchObject({ total: 1, respondedOnTime: 0, avgResponseHours: null });
    // 徐工's: raised 09:00, accepted 15:00 the same day (6 hours); 鑫华's: raised 09:00, accepted 10:00 the next day (25 hours).
    expect(aug.byUnit.find((u: { unitName: string }) => u.unitName === '经发局')).toMatchObject({ total: 1, respondedOnTime: 1, avgResponseHours: '6.0' });
    expect(aug.byUnit.find((u: { unitName: string }) => u.unitName === '招商局')).toMatchObject({ total: 1, respondedOnTime: 1, avgResponseHours: '25.0' });
    expect(aug.total).toMatchObject({ satisfied: 1, closed: 2 });
  });
});

describe('staff-raised appeals, lights and the daily watch', () => {
  it('a sub-district raises an appeal on a visit for its own enterprises only', async () => {
    const xh = (await damiao.get(`/api/enterprises?q=${encodeURIComponent('鑫华')}`)).json().items[0];
    expect(xh.name).toBe('鑫华半导体');
    const body = { enterpriseId: xh.id, title: '高纯硅料危化品运输通道', category: 'logistics', hard: true };
    expect((await donghuan.send('POST', '/api/enterprise-appeals', body)).statusCode).toBe(403);
    expect((await viewer.send('POST', '/api/enterprise-appeals', body)).statusCode).toBe(403);
    await setNow('2022-09-01T02:00:00Z');
    const res = await damiao.send('POST', '/api/enterprise-appeals', body);
    // A hard case: 25 working days, over Mid-Autumn (09-10…12) and National Day (10-01…07), with 10-08 and 10-09 worked.
    expect(res.json()).toMatchObject({ hard: true, raisedOn: '2022-09-01', solveBy: '2022-10-12' });
    // The enterprise sees appeals raised for it by staff too.
    expect((await other.get('/api/my-enterprise/appeals')).json().items.map((a: { title: string }) => a.title)).toContain('高纯硅料危化品运输通道');
    expect((await damiao.get('/api/enterprise-appeals')).json().items.map((a: { title: string }) => a.title)).toContain('高纯硅料危化品运输通道');
    expect((await donghuan.get('/api/enterprise-appeals')).json().items.map((a: { title: string }) => a.title)).not.toContain('高纯硅料危化品运输通道');
  });

  it('warns late responses and escalates overdue appeals once, from the scheduled job', async () => {
    const before = await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'appeal.%'`);
    expect(scheduledJobs.map((j) => j.name)).toContain('enterprises.appeal-watch');
    const ran = await tick(t.handle.db, scheduledJobs.filter((j) => j.name === 'enterprises.appeal-watch'), new Date('2022-09-10T01:00:00Z'));
    expect(ran).toEqual(['enterprises.appeal-watch']);
    const after = await t.handle.query<{ kind: string; title: string }>(`SELECT kind, title FROM notifications WHERE kind LIKE 'appeal.%' ORDER BY created_at`);
    expect(after.length).toBeGreaterThan(before[0]!.n);
    // 华恒新能源's finance appeal (solve by 2022-08-19) is overdue beyond 7 days: level 3 after 30 days is not reached, level 2 is.
    const esc = await t.handle.query<{ escalation: number }>(`SELECT l.escalation FROM loop_items l JOIN enterprise_appeals a ON a.loop_item_id = l.id JOIN enterprises e ON e.id = a.enterprise_id WHERE e.name = '华恒新能源'`);
    expect(esc[0]!.escalation).toBe(2);
    expect(after.some((n) => n.kind === 'appeal.respond_late' && n.title.includes('华恒新能源'))).toBe(true);
    // Running again the same day or the next repeats nothing.
    expect(await watchAppeals(t.handle.db, '2022-09-11')).toBe(0);
    const lit = (await sup.get('/api/enterprise-appeals?open=true&pageSize=50')).json();
    expect(lit.items.find((a: { enterpriseName: string }) => a.enterpriseName === '华恒新能源').light).toBe('red');
  });

  it('refuses bad input with clear messages and changes nothing', async () => {
    const n = async () => (await t.handle.query<{ n: number }>('SELECT count(*)::int AS n FROM enterprise_appeals'))[0]!.n;
    const before = await n();
    const r = await sup.send('POST', '/api/enterprise-appeals', { enterpriseId: '00000000-0000-4000-8000-000000000000', title: '不存在的企业', category: 'land' });
    expect(r.statusCode).toBe(404);
    const r2 = await sup.send('POST', '/api/enterprise-appeals', { title: 'x', category: 'land' }, { 'x-lang': 'en' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().message).toContain('Invalid input');
    expect(await n()).toBe(before);
  });
});
