// Notifications that reach the right people once (issue #11, item 5): a returned
// figure, 交办 of a problem or task, an appeal assigned and a deadline warning go
// in-app to the responsible unit's accounts and to the unit's group robot, once
// per object, unit and day; the bell groups repeats.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { watchAppeals } from '../src/domains/enterprises/appeals';
import { watchProblems } from '../src/domains/projects/watch';
import { runReminders } from '../src/domains/targets/reminders';
import { notify } from '../src/shared/notify';
import { systemOutbound, useOutbound, viaFetch } from '../src/shared/outbound';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit as spec } from './helpers/factories';
import type { Indicator } from '../src/domains/targets/catalogue';

const NOW = new Date('2022-10-08T02:00:00Z');
// Moved back only to write a row on the day it was written (a task 交办 a week before).
let now = NOW;
let t: TestApp;
let sup: Client, admin: Client, damiao: Client, donghuan: Client, jingfa: Client, ent: Client;
const unit: Record<string, string> = {};
let gbr: Indicator;
let projectId: string;
const ROBOT = 'https://oapi.dingtalk.com/robot/send?access_token=donghuan-test';
let posted: { url: string; text: string }[] = [];

/**
 * A zone of its own: 东环街道 owes 一般公共预算收入 monthly (August reported and approved,
 * September not) and 固定资产投资 by dekad (none reported); a project of 东环街道; an
 * enterprise of 大庙街道 with its account.
 */
beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => now });
  const z = await makeZone(t.handle, 'nt', { units: [spec('damiao', '大庙街道'), spec('donghuan', '东环街道'), spec('jingfa', '经发局', 'department'), spec('ducha', '督查办', 'department')] });
  for (const c of ['damiao', 'donghuan', 'jingfa']) unit[c] = z.unitId(c);
  gbr = await z.indicator({ code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow' });
  const gdzc = await z.indicator({ code: 'gdzc', name: '固定资产投资', measure: '亿元', kind: 'flow', rhythm: 'dekad' });
  for (const ind of [gbr, gdzc]) await z.target(ind, 'donghuan', 2022, '6');
  await z.figures('donghuan', '2022-08', { [gbr.id]: { value: '4.00', prevYear: '3.50' } });
  projectId = (await z.project('donghuan', { name: '新能源汽车零部件产业园' }, '2022-09-01')).id;
  const xcmg = await z.enterprise('damiao', '徐工集团');
  await z.enterpriseAccount(xcmg.id, 'ent-xcmg');
  [sup, admin, damiao, donghuan, jingfa, ent] = (await Promise.all(['supervisor', 'admin', z.reporter('damiao'), z.reporter('donghuan'), z.reporter('jingfa'), 'ent-xcmg'].map((u) => t.signIn(u, z.code)))) as [Client, Client, Client, Client, Client, Client];
}, 180_000);
afterAll(async () => t.close());
afterEach(() => void useOutbound(systemOutbound));

/** Group robots answer here. */
function robot() {
  posted = [];
  // the robots' stand-in network: records what is posted, dials nothing
  useOutbound(
    viaFetch((async (url: string, init: { body: string }) => {
      posted.push({ url: String(url), text: JSON.parse(init.body).text.content });
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch),
  );
}
type Note = { title: string; kind: string; link: string | null };
const inbox = async (c: Client) => (await c.get('/api/notifications?pageSize=100')).json().items as Note[];

describe('a unit’s group robot', () => {
  it('is set by a supervisor or admin only, and its address is not in the audit log', async () => {
    expect((await donghuan.send('PUT', `/api/notifications/unit-webhooks/${unit.donghuan}`, { url: ROBOT, version: 1 })).statusCode).toBe(403);
    expect((await sup.send('PUT', `/api/notifications/unit-webhooks/${unit.donghuan}`, { url: 'ftp://x', version: 1 })).statusCode).toBe(400);
    expect((await sup.send('PUT', `/api/notifications/unit-webhooks/${unit.donghuan}`, { url: ROBOT, version: 1 })).statusCode).toBe(200);
    // the address is a secret: shown masked, sealed at rest
    expect((await admin.get('/api/notifications/unit-webhooks')).json()).toEqual([{ unitId: unit.donghuan, unitName: '东环街道', url: 'https://oapi.dingtalk.com/robot/send?access_token=••••', version: 2 }]);
    const [stored] = await t.handle.query<{ url: string }>(`SELECT url FROM unit_webhooks WHERE unit_id = $1`, [unit.donghuan]);
    expect(stored!.url).not.toContain('donghuan-test');
    const audit = await t.handle.query<{ after: unknown }>(`SELECT after FROM audit_log WHERE entity = 'unit' AND action = 'set-webhook'`);
    expect(JSON.stringify(audit)).not.toContain('access_token');
  });
});

describe('events', () => {
  it('a returned figure reaches the unit’s reporters and robot, once a day', async () => {
    robot();
    const [aug] = await t.handle.query<{ id: string; version: number }>(`SELECT id, version FROM figures WHERE indicator_id = $1 AND period = '2022-08'`, [gbr.id]);
    expect((await sup.send('POST', '/api/targets/figures/review', { figures: [aug], decision: 'return', reason: '与税务口径不符' })).statusCode).toBe(200);
    const mine = (await inbox(donghuan)).filter((n) => n.kind === 'targets.returned');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ title: '2022年8月“一般公共预算收入”被退回', link: '/targets/report?period=2022-08' });
    expect((await inbox(damiao)).some((n) => n.kind === 'targets.returned')).toBe(false);
    expect(posted).toEqual([{ url: ROBOT, text: expect.stringContaining('退回原因：与税务口径不符') }]);
    // Sent back again the same day: nothing new.
    const resent = await donghuan.send('PUT', '/api/targets/report', { unitId: unit.donghuan, period: '2022-08', rows: [{ indicatorId: gbr.id, value: '4.00', prevYear: '3.50' }], submit: true });
    expect(resent.statusCode, resent.body).toBe(200);
    expect((await sup.send('POST', '/api/targets/figures/review', { figures: [{ id: aug!.id, version: await t.version('figures', aug!.id) }], decision: 'return', reason: '仍不符' })).statusCode).toBe(200);
    expect((await inbox(donghuan)).filter((n) => n.kind === 'targets.returned')).toHaveLength(1);
    expect(posted).toHaveLength(1);
  });

  it('交办 of a project problem reaches the assigned unit', async () => {
    robot();
    const res = await sup.send('POST', `/api/projects/${projectId}/problems`, { title: '施工用电接入滞后', category: 'power', assigneeUnitId: unit.donghuan, deadline: '2022-10-31' });
    expect(res.statusCode, res.body).toBe(200);
    const n = (await inbox(donghuan)).find((x) => x.kind === 'project.problem_assigned');
    expect(n).toMatchObject({ title: '交办项目问题：施工用电接入滞后', link: `/projects/p/${projectId}` });
    expect(posted.map((p) => p.text)).toEqual([expect.stringContaining('请于10月31日前办结')]);
  });

  it('交办 of a supervision task (reassigned) reaches the new lead unit, not the old one', async () => {
    // A task of a document, 交办 to 大庙街道 a week ago.
    now = new Date('2022-10-01T02:00:00Z');
    const text = '推动新能源汽车零部件产业园10月底前开工。';
    const doc = (await sup.send('POST', '/api/supervision/documents', { title: '三季度工作推进会讲话', kind: 'speech', year: 2022, body: text })).json();
    const confirmed = await sup.send('POST', `/api/supervision/documents/${doc.document.id}/confirm`, { items: [{ kind: 'task', text, leadUnitId: unit.damiao, deadline: '2022-10-31' }] });
    now = NOW;
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const taskId = confirmed.json().tasks[0] as string;
    const [found] = await t.handle.query<{ id: string }>(`SELECT loop_item_id AS id FROM supervision_tasks WHERE id = $1`, [taskId]);
    const item = found!;
    const told = async (c: Client) => (await inbox(c)).filter((x) => x.link === `/supervision/tasks/${taskId}` && x.kind === 'supervision.task_assigned').length;
    expect(await told(damiao)).toBe(1);
    const res = await sup.send('POST', `/api/loop/items/${item.id}/actions`, { action: 'assign', assigneeUnitId: unit.donghuan, deadline: '2022-12-31', version: await t.version('loop_items', item.id) });
    expect(res.statusCode, res.body).toBe(200);
    const n = (await inbox(donghuan)).find((x) => x.kind === 'supervision.task_assigned');
    expect(n).toMatchObject({ title: expect.stringContaining('交办督办任务'), link: `/supervision/tasks/${taskId}` });
    // The old lead unit heard of it when it was theirs, not again (another day: no dedupe hides it).
    expect(await told(damiao)).toBe(1);
    expect(await told(jingfa)).toBe(0);
    // Accepting is no 交办: nothing more.
    const before = (await inbox(donghuan)).length;
    await donghuan.send('POST', `/api/loop/items/${item.id}/actions`, { action: 'accept', version: await t.version('loop_items', item.id) });
    expect((await inbox(donghuan)).length).toBe(before);
  });

  it('an appeal assigned reaches the handling unit once', async () => {
    const raised = (await ent.send('POST', '/api/my-enterprise/appeals', { title: '厂区门前道路积水', detail: '雨后积水严重。', category: 'utilities' })).json();
    const act = async () => sup.send('POST', `/api/enterprise-appeals/${raised.id}/actions`, { action: 'assign', assigneeUnitId: unit.jingfa, version: await t.version('loop_items', raised.loopItemId) });
    expect((await act()).statusCode).toBe(200);
    const appeals = (await inbox(jingfa)).filter((n) => n.kind === 'appeal.assigned' && n.link === `/enterprises/appeals/${raised.id}`);
    expect(appeals).toHaveLength(1);
    expect((await inbox(donghuan)).some((n) => n.link === `/enterprises/appeals/${raised.id}`)).toBe(false);
  });

  it('a reporting deadline warning goes to the unit’s robot too', async () => {
    robot();
    await runReminders(t.handle.db, NOW);
    // The month overdue, and (东环街道 owes 固定资产投资 by dekad) September's 下旬 not reported.
    expect(posted.filter((p) => p.url === ROBOT).map((p) => p.text)).toEqual([expect.stringContaining('2022年9月指标数据逾期未报'), '【攻坚】2022年9月下旬旬报未报：尚有1项未报。']);
  });

  it('an overdue project problem and a late appeal reach the unit’s robot too, once', async () => {
    robot();
    // 施工用电接入滞后 (交办 above to 东环街道, due 2022-10-31) is overdue on 2 November.
    const nov2 = new Date('2022-11-02T01:00:00Z');
    expect((await watchProblems(t.handle.db, nov2)).escalated).toBeGreaterThanOrEqual(1);
    const problem = posted.filter((p) => p.url === ROBOT && p.text.includes('施工用电接入滞后'));
    expect(problem.map((p) => p.text)).toEqual([expect.stringMatching(/^【项目问题】问题逾期（逾期\d+天）：.*施工用电接入滞后\n责任单位：东环街道；整改时限2022-10-31。$/)]);
    await watchProblems(t.handle.db, nov2);
    expect(posted.filter((p) => p.url === ROBOT && p.text.includes('施工用电接入滞后'))).toHaveLength(1);

    // An appeal handed to 东环街道 and never answered: its robot hears each lateness once.
    const raised = (await ent.send('POST', '/api/my-enterprise/appeals', { title: '厂区周边路灯不亮', detail: '夜间出行不便。', category: 'utilities' })).json();
    const assigned = await sup.send('POST', `/api/enterprise-appeals/${raised.id}/actions`, { action: 'assign', assigneeUnitId: unit.donghuan, version: await t.version('loop_items', raised.loopItemId) });
    expect(assigned.statusCode, assigned.body).toBe(200);
    posted = [];
    await watchAppeals(t.handle.db, '2022-12-31');
    await watchAppeals(t.handle.db, '2022-12-31');
    const late = posted.filter((p) => p.url === ROBOT && p.text.includes('厂区周边路灯不亮')).map((p) => p.text);
    expect(late).toEqual(expect.arrayContaining([expect.stringContaining('【诉求】诉求超时未响应'), expect.stringContaining('【诉求】诉求逾期')]));
    expect(new Set(late).size).toBe(late.length);
  });
});

describe('the bell', () => {
  it('groups repeats about one object and counts unread entries, not rows', async () => {
    const zoneId = sup.me.zone.id;
    const link = '/supervision/tasks/00000000-0000-4000-8000-000000000001';
    for (const [i, day] of ['2022-10-06', '2022-10-07', '2022-10-08'].entries()) {
      await notify(t.handle.db, { zoneId, unitId: unit.damiao, kind: 'supervision.red', level: 'danger', title: `任务逾期${i + 1}天：测试任务`, link, dedupeKey: `test:${day}` });
      // One a day, as the daily scan sends them (three inserts in a row may share a timestamp).
      await t.handle.query(`UPDATE notifications SET created_at = $1::timestamptz WHERE dedupe_key = $2`, [`${day}T01:00:00Z`, `test:${day}`]);
    }
    const before = (await damiao.get('/api/notifications/groups?pageSize=100')).json();
    const entry = before.items.find((g: { link: string }) => g.link === link);
    expect(entry).toMatchObject({ title: '任务逾期3天：测试任务', count: 3, unread: 3 });
    expect(before.items.filter((g: { link: string }) => g.link === link)).toHaveLength(1);
    const flat = (await damiao.get('/api/notifications')).json();
    expect(before.unread).toBe(flat.unread - 2);
    expect((await damiao.send('POST', '/api/notifications/groups/read', { key: entry.key })).statusCode).toBe(200);
    const after = (await damiao.get('/api/notifications/groups?pageSize=100')).json();
    expect(after.items.find((g: { link: string }) => g.link === link)).toMatchObject({ count: 3, unread: 0 });
    expect(after.unread).toBe(before.unread - 1);
    // Another unit's reader sees none of it, and cannot mark it.
    expect((await donghuan.get('/api/notifications/groups?pageSize=100')).json().items.some((g: { link: string }) => g.link === link)).toBe(false);
  });
});
