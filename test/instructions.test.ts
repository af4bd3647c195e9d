// 领导批示 through HTTP (PGlite, or PostgreSQL with DATABASE_URL): the leader writes
// instructions on a bulletin and on a project problem; a past deadline, a non-leader
// and bad input are refused with nothing changed; the lead unit signs and reports,
// the supervisor (or the writing leader) closes; another unit sees nothing; the next
// bulletin's 批示落实情况 counts them, and a period without any leaves the section out.
// The zone, its figures and the leader's earlier instructions of August are made here
// (test/helpers/factories, and the API on the days they were written), not the demo's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleJobs } from '../src/shared/jobs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

let t: TestApp;
let z: Zone;
let leader: Client, sup: Client, jingfa: Client, damiao: Client, donghuan: Client, viewer: Client, zhongda: Client;
// The zone's date follows the clock (the zone pins none): the earlier instructions are written on their own days.
let today = '2022-08-05';
const unitId = async (code: string) => z.unitId(code);
const itemVersion = async (itemId: string) => t.version('loop_items', itemId);
const count = async (table: string) => Number((await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

async function draft(c: Client, period: string) {
  const res = await c.send('POST', '/api/bulletins', { period });
  expect(res.statusCode, res.body).toBe(200);
  await settleJobs();
  const job = (await c.get(`/api/jobs/${res.json().jobId}`)).json();
  expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
  return (await c.get(`/api/bulletins/${job.result.bulletinId}`)).json();
}

/** Moves the zone's date; sessions last 12 hours, so everybody signs in again. */
async function setToday(day: string) {
  today = day;
  [leader, sup, jingfa, damiao, donghuan, viewer, zhongda] = (await Promise.all(
    ['leader', 'supervisor', z.reporter('jingfa'), z.reporter('damiao'), z.reporter('donghuan'), 'viewer', z.reporter('zhongda')].map((u) => t.signIn(u, z.code)),
  )) as [Client, Client, Client, Client, Client, Client, Client];
}

/** The leader writes an instruction on a problem on `today`; the loop steps follow as `steps` say (each on its day). */
async function earlier(title: string, lead: string, deadline: string, steps: [string, () => Client, string][] = []) {
  const problem = await z.problem(title, new Date(`${today}T01:00:00Z`));
  const res = await leader.send('POST', '/api/instructions', { subjectType: 'problem', subjectId: problem.id, text: `请${title}`, leadUnitId: await unitId(lead), deadline });
  expect(res.statusCode, res.body).toBe(200);
  const { itemId } = res.json() as { itemId: string };
  for (const [day, c, action] of steps) {
    await setToday(day);
    const moved = await c().send('POST', `/api/loop/items/${itemId}/actions`, { action, version: await itemVersion(itemId) });
    expect(moved.statusCode, moved.body).toBe(200);
  }
}

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date(`${today}T02:00:00Z`) });
  z = await makeZone(t.handle, 'pishi', {
    name: '批示测试区',
    units: [unit('damiao', '大庙街道'), unit('donghuan', '东环街道'), unit('jingfa', '经发局', 'department'), unit('zhongda', '重大办', 'department'), unit('ducha', '督查办', 'department')],
  });
  await setToday('2022-08-05');
  // Figures of June to August, so that each month has a bulletin to draft.
  const gbr = await z.indicator({ code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow' });
  for (const u of ['damiao', 'donghuan']) {
    await z.target(gbr, u, 2022, '12');
    for (const p of ['2022-06', '2022-07', '2022-08']) await z.figures(u, p, { [gbr.id]: '6.00' });
  }
  // August before today: one left unsigned past its deadline (8-25), one closed on 8-12, one in hand (deadline 8-31).
  await earlier('园区污水管网改造滞后', 'donghuan', '2022-08-25');
  await setToday('2022-08-08');
  await earlier('标准厂房招租进度偏慢', 'jingfa', '2022-08-20', [['2022-08-10', () => jingfa, 'accept'], ['2022-08-11', () => jingfa, 'report_done'], ['2022-08-12', () => sup, 'verify']]);
  await setToday('2022-08-16');
  await earlier('固定资产投资入库偏慢', 'damiao', '2022-08-31', [['2022-08-17', () => damiao, 'accept']]);
  await setToday('2022-08-31');
}, 120_000);
afterAll(async () => t.close());

describe('a leader’s instruction from writing to 办结', () => {
  let bulletin: { id: string };
  let onBulletin: { id: string; itemId: string };
  let onProblem: { id: string; itemId: string };
  let body: Record<string, unknown>;

  it('the leader’s earlier instructions stand as of the zone’s date: one closed, one in hand, one overdue', async () => {
    const mine = (await leader.get('/api/instructions?mine=true')).json();
    expect(mine.total).toBe(3);
    const seen = mine.items.map((i: { writtenOn: string; state: string; light: string; closedOn: string | null; leadUnitName: string }) => [i.writtenOn, i.state, i.light, i.closedOn, i.leadUnitName]);
    expect(seen.sort()).toEqual([
      ['2022-08-05', 'assigned', 'red', null, '东环街道'],
      ['2022-08-08', 'closed', 'done', '2022-08-12', '经发局'],
      ['2022-08-16', 'rectifying', 'amber', null, '大庙街道'],
    ]);
  });

  it('the leader writes one on a bulletin: assigned at once to the lead unit, audited', async () => {
    bulletin = await draft(sup, '2022-07');
    body = {
      subjectType: 'bulletin',
      subjectId: bulletin.id,
      text: '请经发局牵头，会同大庙街道，本周内拿出固定资产投资赶超方案。',
      leadUnitId: await unitId('jingfa'),
      supportingUnitIds: [await unitId('damiao')],
      deadline: '2022-09-05',
    };
    const res = await leader.send('POST', '/api/instructions', body);
    expect(res.statusCode, res.body).toBe(200);
    onBulletin = res.json();
    const list = (await leader.get(`/api/instructions?subjectType=bulletin&subjectId=${bulletin.id}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      state: 'assigned',
      leadUnitName: '经发局',
      supportingUnits: [{ name: '大庙街道' }],
      deadline: '2022-09-05',
      writtenOn: '2022-08-31', // the zone's (pinned) date, not the server's
      subjectTitle: expect.any(String),
      leaderName: expect.any(String),
    });
    const audit = await t.handle.query<{ entity: string; action: string }>(`SELECT entity, action FROM audit_log WHERE entity_id IN ($1, $2)`, [onBulletin.id, onBulletin.itemId]);
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(['instruction:create', 'loop.instruction:assign', 'loop.instruction:raise']);
    // The lead unit hears of it.
    const bell = (await jingfa.get('/api/notifications')).json();
    expect(JSON.stringify(bell)).toContain('领导批示');
  });

  it('and one on a project problem', async () => {
    const p = await z.problem('环评批复待省厅下达，需协调加快');
    const res = await leader.send('POST', '/api/instructions', {
      subjectType: 'problem',
      subjectId: p!.id,
      text: '请重大办牵头对接省生态环境厅，9月10日前拿到环评批复。',
      leadUnitId: await unitId('zhongda'),
      deadline: '2022-09-10',
    });
    expect(res.statusCode, res.body).toBe(200);
    onProblem = res.json();
    const onIt = (await sup.get(`/api/instructions?subjectType=problem&subjectId=${p!.id}`)).json();
    expect(onIt.items.map((i: { id: string }) => i.id)).toEqual([onProblem.id]);
  });

  it('refuses a past deadline, bad input and a non-leader, changing nothing', async () => {
    const before = [await count('instructions'), await count('loop_items'), await count('audit_log')];
    const past = await leader.send('POST', '/api/instructions', { ...body, deadline: '2022-08-30' });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toEqual({ code: 'loop.past_deadline', message: '办结时限不能早于业务日期（2022-08-31）：2022-08-30' });
    const pastEn = await leader.send('POST', '/api/instructions', { ...body, deadline: '2022-08-30' }, { 'x-lang': 'en' });
    expect(pastEn.json().message).toBe('The deadline cannot be before the business date (2022-08-31): 2022-08-30');
    expect((await leader.send('POST', '/api/instructions', { ...body, deadline: '2022-02-30' })).statusCode).toBe(400);
    expect((await leader.send('POST', '/api/instructions', { ...body, text: '' })).statusCode).toBe(400);
    expect((await leader.send('POST', '/api/instructions', { ...body, supportingUnitIds: [body.leadUnitId] })).json().code).toBe('instruction.lead_supporting');
    expect((await leader.send('POST', '/api/instructions', { ...body, subjectType: 'indicator' })).json().code).toBe('instruction.period');
    expect((await leader.send('POST', '/api/instructions', { ...body, subjectId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    for (const c of [sup, jingfa, viewer]) {
      const res = await c.send('POST', '/api/instructions', body);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('policy.forbidden');
    }
    expect([await count('instructions'), await count('loop_items'), await count('audit_log')]).toEqual(before);
  });

  it('the leader has nothing else to write: no progress notes, no other loop steps', async () => {
    expect((await leader.send('POST', `/api/loop/items/${onBulletin.itemId}/notes`, { note: '阅' })).statusCode).toBe(403);
    expect((await leader.send('POST', `/api/loop/items/${onBulletin.itemId}/actions`, { action: 'accept', version: await itemVersion(onBulletin.itemId) })).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/bulletins', { period: '2022-06' })).statusCode).toBe(403);
  });

  it('another unit cannot see it; the addressed units can', async () => {
    const q = `/api/instructions?subjectType=bulletin&subjectId=${bulletin.id}`;
    expect((await donghuan.get(q)).json().items).toEqual([]);
    expect((await donghuan.get(`/api/loop/items/${onBulletin.itemId}`)).statusCode).toBe(404);
    expect((await donghuan.send('POST', `/api/loop/items/${onBulletin.itemId}/actions`, { action: 'accept', version: await itemVersion(onBulletin.itemId) })).statusCode).toBe(404);
    expect((await jingfa.get(q)).json().items).toHaveLength(1);
    expect((await damiao.get(q)).json().items).toHaveLength(1);
    const todo = (await jingfa.get('/api/instructions?todo=true')).json();
    expect(todo.items.map((i: { id: string }) => i.id)).toContain(onBulletin.id);
    expect(todo.items.find((i: { id: string }) => i.id === onBulletin.id).actions).toEqual(expect.arrayContaining(['accept', 'report_done']));
    expect((await donghuan.get('/api/instructions?todo=true')).json().items.map((i: { id: string }) => i.id)).not.toContain(onBulletin.id);
  });

  it('the unit signs (签收), reports (落实反馈), the supervisor closes (办结) on the zone’s date', async () => {
    const act = async (c: Client, action: string) => c.send('POST', `/api/loop/items/${onBulletin.itemId}/actions`, { action, version: await itemVersion(onBulletin.itemId) });
    expect((await act(jingfa, 'accept')).json().state).toBe('rectifying');
    expect((await damiao.send('POST', `/api/loop/items/${onBulletin.itemId}/notes`, { note: '大庙街道已梳理在建项目9个。' })).statusCode).toBe(200);
    expect((await jingfa.send('POST', `/api/loop/items/${onBulletin.itemId}/notes`, { note: '赶超方案已报区领导。' })).statusCode).toBe(200);
    expect((await act(jingfa, 'report_done')).json().state).toBe('verifying');
    expect((await act(jingfa, 'verify')).statusCode).toBe(403);
    expect((await act(sup, 'verify')).json().state).toBe('closed');
    const mine = (await leader.get('/api/instructions?mine=true')).json();
    expect(mine.items.find((i: { id: string }) => i.id === onBulletin.id)).toMatchObject({ state: 'closed', closedOn: '2022-08-31', light: 'done', overdueDays: 0 });
    expect((await jingfa.get('/api/instructions?todo=true')).json().items.map((i: { id: string }) => i.id)).not.toContain(onBulletin.id);
  });

  it('the writing leader may close their own instruction too', async () => {
    const act = async (c: Client, action: string) => c.send('POST', `/api/loop/items/${onProblem.itemId}/actions`, { action, version: await itemVersion(onProblem.itemId) });
    expect((await act(zhongda, 'report_done')).json().state).toBe('verifying');
    const res = await act(leader, 'verify');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('closed');
  });

  it('the next bulletin counts the period’s instructions: 已办结 / 落实中 / 逾期, each listed', async () => {
    const b = await draft(sup, '2022-08');
    // Before: 8-05 (open, deadline 8-25: overdue), 8-08 (closed 8-12), 8-16 (deadline 8-31: in hand); here: two closed on 8-31.
    expect(b.content.instructions).toMatchObject({ total: 5, closed: 3, open: 1, overdue: 1 });
    expect(b.content.instructions.items).toHaveLength(5);
    const docx = await sup.get(`/api/bulletins/${b.id}/download?format=docx`);
    expect(docx.statusCode).toBe(200);
  });

  it('a period without instructions has no such section', async () => {
    const b = await draft(sup, '2022-06');
    expect(b.content.instructions ?? null).toBeNull();
  });
});
