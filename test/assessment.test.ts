// Assessment through HTTP, on a zone of its own: schemes (validation, roles), scores
// computed from the closed loop with explanations, bonuses and deductions, publish/freeze,
// a recomputation that shows the difference, and the previous period compared. (The demo's
// published competition is checked in demo.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

let t: TestApp;
let z: Zone;
let sup: Client, admin: Client, leader: Client, damiao: Client, viewer: Client;

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date('2022-10-12T02:00:00Z') });
  z = await makeZone(t.handle, 'kh', {
    units: [unit('damiao', '大庙街道'), unit('donghuan', '东环街道'), unit('jinshanqiao', '金山桥街道'), unit('jingfa', '经发局', 'department'), unit('ducha', '督查办', 'department')],
    reporters: ['damiao', 'donghuan'],
  });
  // 大庙's problem of June, still open: it counts against 大庙 in every later period.
  await z.loopItem('damiao', { kind: 'problem', title: '道路配套未贯通', raisedOn: '2022-06-10', deadline: '2022-06-30', closedOn: null });
  [sup, admin, leader, damiao, viewer] = (await Promise.all(['supervisor', 'admin', 'leader', z.reporter('damiao'), 'viewer'].map((u) => t.signIn(u, 'kh')))) as [Client, Client, Client, Client, Client];
});
afterAll(async () => t.close());

const schemes = async (c: Client) => (await c.get('/api/assessment/schemes?pageSize=50')).json().items as { id: string; name: string; state: string }[];
const unitId = async (code: string) => Promise.resolve(z.unitId(code));

describe('who reads which schemes', () => {
  it('a reporter and a viewer read published results but never drafts', async () => {
    const draft = await sup.send('POST', '/api/assessment/schemes', { ...body(), name: '2022年二季度考核（草稿）', period: '2022-Q2' });
    const done = await sup.send('POST', '/api/assessment/schemes', { ...body(), name: '2022年二季度考核（已发布）', period: '2022-Q2' });
    expect((await sup.send('POST', `/api/assessment/schemes/${done.json().id}/publish`, { version: await t.version('assessment_schemes', done.json().id) })).statusCode).toBe(200);
    for (const c of [damiao, viewer]) {
      expect((await schemes(c)).map((s) => s.name)).toEqual(['2022年二季度考核（已发布）']);
      expect((await c.get(`/api/assessment/schemes/${draft.json().id}/results`)).statusCode).toBe(404);
      expect((await c.get(`/api/assessment/schemes/${done.json().id}/results`)).statusCode).toBe(200);
    }
    expect((await schemes(sup)).map((s) => s.name).sort()).toEqual(['2022年二季度考核（已发布）', '2022年二季度考核（草稿）']);
    expect((await sup.send('DELETE', `/api/assessment/schemes/${draft.json().id}`)).statusCode).toBe(200);
  });
});

/** A quarter's competition of the towns and sub-districts: tasks on time (60), loops closed (40). */
const body = () => ({
  name: '2022年三季度专项考核（测试）',
  periodKind: 'quarter',
  period: '2022-Q3',
  rankingGroup: 'territorial',
  redFlagPolicy: 'all_tied',
  items: [
    { key: 'tasks', name: '督办任务按时完成', kind: 'tasks_on_time', weight: '60', whenNone: '1' },
    { key: 'loops', name: '问题诉求闭环销号', kind: 'loops_closed', weight: '40', loopKinds: ['problem', 'appeal'], whenNone: '1' },
  ],
});

describe('schemes', () => {
  it('refuses bad weights, a wrong period, duplicate keys — clearly, in zh and en, changing nothing', async () => {
    const before = (await schemes(sup)).length;
    const weights = await sup.send('POST', '/api/assessment/schemes', { ...body(), items: [{ ...body().items[0], weight: '50' }, body().items[1]] });
    expect(weights.statusCode).toBe(400);
    expect(weights.json().message).toBe('各考核项权重之和应为100，现为90');
    const en = await sup.send('POST', '/api/assessment/schemes', { ...body(), items: [{ ...body().items[0], weight: '50' }, body().items[1]] }, { 'x-lang': 'en' });
    expect(en.json().message).toBe('Item weights must add up to 100; they add up to 90');
    const period = await sup.send('POST', '/api/assessment/schemes', { ...body(), period: '2022-H1' });
    expect(period.json().code).toBe('assessment.period');
    const dup = await sup.send('POST', '/api/assessment/schemes', { ...body(), items: [{ ...body().items[0], weight: '50' }, { ...body().items[0], weight: '50' }] });
    expect(dup.json().code).toBe('assessment.item_key');
    const cap = await sup.send('POST', '/api/assessment/schemes', {
      ...body(),
      items: [{ key: 'gdp', name: 'GDP', kind: 'indicator_completion', indicatorCode: 'gdp', weight: '100', cap: '0.5' }],
    });
    expect(cap.statusCode).toBe(400);
    const kind = await sup.send('POST', '/api/assessment/schemes', { ...body(), items: [{ key: 'x', name: 'x', kind: 'typed_in', weight: '100' }] });
    expect(kind.statusCode).toBe(400);
    const group = await sup.send('POST', '/api/assessment/schemes', { ...body(), rankingGroup: 'nobody' });
    expect(group.json().code).toBe('assessment.group');
    expect((await schemes(sup)).length).toBe(before);
  });

  it('only the supervisor (or admin) writes schemes; a reporter cannot', async () => {
    expect((await damiao.send('POST', '/api/assessment/schemes', body())).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/assessment/schemes', body())).statusCode).toBe(403);
    const made = await admin.send('POST', '/api/assessment/schemes', body());
    expect(made.statusCode).toBe(200);
    expect((await damiao.get(`/api/assessment/schemes/${made.json().id}`)).statusCode).toBe(404);
    expect((await damiao.get(`/api/assessment/schemes/${made.json().id}/results`)).statusCode).toBe(404);
    expect((await admin.send('DELETE', `/api/assessment/schemes/${made.json().id}`)).statusCode).toBe(200);
  });

  it('scores, adjusts, publishes (frozen), and a recomputation shows the difference instead of overwriting', async () => {
    const made = await sup.send('POST', '/api/assessment/schemes', { ...body(), name: '2022年9月督办考核（测试）', periodKind: 'month', period: '2022-09' });
    expect(made.statusCode).toBe(200);
    const id = made.json().id;
    // A reporter cannot add bonuses; a bonus needs a reason; a unit outside the group is refused.
    const add = (c: Client, b: object) => c.send('POST', `/api/assessment/schemes/${id}/adjustments`, b);
    expect((await add(damiao, { unitId: await unitId('damiao'), points: '5', reason: '自评加分' })).statusCode).toBe(403);
    expect((await add(sup, { unitId: await unitId('damiao'), points: '1', reason: '' })).statusCode).toBe(400);
    expect((await add(sup, { unitId: await unitId('jingfa'), points: '1', reason: '部门不参加镇街排名' })).json().code).toBe('assessment.unit_group');
    const bonus = await add(sup, { unitId: await unitId('donghuan'), points: '1.5', reason: '承办全市现场会' });
    expect(bonus.statusCode).toBe(200);

    const live = (await sup.get(`/api/assessment/schemes/${id}/results`)).json();
    expect(live.state).toBe('draft');
    // 上期 of a monthly scheme is the same scheme's previous month, never the published quarter (Q2).
    expect(live.previous).toBeNull();
    expect(live.units[0].summary).toMatch(/^基础分[\d.]+分，为2个考核项按权重得分之和（满分100分）/);
    // Nothing due and nothing raised: full points on both items; 大庙's June problem is still open (0 of 1).
    const byName = Object.fromEntries(live.units.map((u: { unitName: string }) => [u.unitName, u]));
    expect(byName['东环街道']).toMatchObject({ base: '100.00', adjustment: '1.50', total: '101.50', rank: 1 });
    expect(byName['金山桥街道']).toMatchObject({ total: '100.00', rank: 2 });
    expect(byName['大庙街道']).toMatchObject({ base: '60.00', total: '60.00', rank: 3 });
    expect(live.units).toHaveLength(3); // 经发局 is a department: not in the towns' ranking

    const pub = await sup.send('POST', `/api/assessment/schemes/${id}/publish`, { version: await t.version('assessment_schemes', id) });
    expect(pub.statusCode).toBe(200);
    const frozen = (await sup.get(`/api/assessment/schemes/${id}/results`)).json();
    expect(frozen.state).toBe('published');
    expect(frozen.units.map((u: { total: string }) => u.total)).toEqual(live.units.map((u: { total: string }) => u.total));
    // Frozen: no edits, no more adjustments, no second publish.
    expect((await sup.send('PUT', `/api/assessment/schemes/${id}`, { ...body(), name: '改名', periodKind: 'month', period: '2022-09', version: (await sup.get(`/api/assessment/schemes/${id}`)).json().version })).statusCode).toBe(409);
    expect((await add(sup, { unitId: await unitId('damiao'), points: '1', reason: '补加分' })).statusCode).toBe(409);
    expect((await sup.send('POST', `/api/assessment/schemes/${id}/publish`, { version: await t.version('assessment_schemes', id) })).statusCode).toBe(409);

    // 大庙 in September: no task due (full 60); June's problem still open (0/1 → 0).
    // A late-closed task appears for 大庙 due in September: the recomputation differs, the published sheet does not.
    await z.loopItem('damiao', { kind: 'task', title: '补录的九月任务', raisedOn: '2022-09-01', deadline: '2022-09-20', closedOn: '2022-09-28' });
    const re = (await sup.get(`/api/assessment/schemes/${id}/recompute`)).json();
    const dm = re.differences.filter((d: { unitName: string }) => d.unitName === '大庙街道');
    expect(dm.find((d: { field: string }) => d.field === 'total')).toMatchObject({ published: '60.00', now: '0.00' });
    expect((await sup.get(`/api/assessment/schemes/${id}/results`)).json().units.find((u: { unitName: string }) => u.unitName === '大庙街道').total).toBe('60.00');
    expect((await damiao.get(`/api/assessment/schemes/${id}/recompute`)).statusCode).toBe(403);

    // October's scheme compares with September's, and items sent without keys get them from kind and indicator.
    const { key: _k, ...noKey } = body().items[0]!;
    const oct = await sup.send('POST', '/api/assessment/schemes', { ...body(), name: '2022年10月督办考核（测试）', periodKind: 'month', period: '2022-10', items: [{ ...noKey, weight: '100' }] });
    expect(oct.statusCode).toBe(200);
    expect(oct.json().items[0].key).toMatch(/^[a-z][a-z0-9_]*$/);
    const octResults = (await sup.get(`/api/assessment/schemes/${oct.json().id}/results`)).json();
    expect(octResults.previous).toMatchObject({ schemeId: id, period: '2022-09' });
  });
});
