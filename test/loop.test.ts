// The shared closed loop through HTTP: raise (by a domain), assign, accept,
// report done, return, verify; who may do what; lights; history. The zone, its
// units, the items and the hazards are made here (test/helpers/factories), not read
// from the demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

const NOW = new Date('2022-08-20T02:00:00Z');
let t: TestApp;
let z: Zone;
let sup: Client, damiao: Client, donghuan: Client, leader: Client;
const unitId = async (code: string) => z.unitId(code);
beforeAll(async () => {
  // Pin the clock: 2022-08-20 in China.
  t = await testApp({ demo: false, clock: () => NOW });
  z = await makeZone(t.handle, 'loopzone', { units: [unit('damiao', '大庙街道'), unit('donghuan', '东环街道'), unit('ducha', '督查办', 'department')] });
  [sup, damiao, donghuan, leader] = await Promise.all([t.signIn('supervisor', z.code), t.signIn(z.reporter('damiao'), z.code), t.signIn(z.reporter('donghuan'), z.code), t.signIn('leader', z.code)]);
});
afterAll(async () => t.close());

async function raise(title: string, deadline: string) {
  return { item: await z.problem(title, NOW), deadline };
}

describe('closed loop', () => {
  it('runs found → assigned → rectifying → verifying → returned → verifying → closed', async () => {
    const { item } = await raise('金阳硅业项目供电配套滞后', '2022-08-31');
    expect(item.state).toBe('found');
    const id = item.id;
    // The version as just read, unless the body gives one.
    const act = async (c: Client, body: object) => c.send('POST', `/api/loop/items/${id}/actions`, { version: await t.version('loop_items', id), ...body });

    // Only a supervisor assigns, and needs the unit and deadline.
    expect((await act(damiao, { action: 'assign' })).statusCode).toBe(404); // not visible to damiao yet
    const noDeadline = await act(sup, { action: 'assign', assigneeUnitId: await unitId('damiao') });
    expect(noDeadline.statusCode).toBe(400);
    const assigned = await act(sup, { action: 'assign', assigneeUnitId: await unitId('damiao'), deadline: '2022-08-22' });
    expect(assigned.json()).toMatchObject({ state: 'assigned', light: 'amber' });

    // Another sub-district neither sees nor moves it.
    expect((await donghuan.get(`/api/loop/items/${id}`)).statusCode).toBe(404);
    expect((await act(donghuan, { action: 'accept' })).statusCode).toBe(404);
    expect((await donghuan.get('/api/loop/items')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);

    expect((await act(damiao, { action: 'accept' })).json().state).toBe('rectifying');
    expect((await damiao.send('POST', `/api/loop/items/${id}/notes`, { note: '已协调供电公司现场踏勘' })).statusCode).toBe(200);
    expect((await act(damiao, { action: 'report_done' })).json().state).toBe('verifying');
    // The assignee cannot verify its own work; a return needs a reason.
    expect((await act(damiao, { action: 'verify' })).statusCode).toBe(403);
    expect((await act(sup, { action: 'return' })).statusCode).toBe(400);
    expect((await act(sup, { action: 'return', reason: '未见供电公司书面答复' })).json().state).toBe('returned');
    expect((await act(damiao, { action: 'accept' })).json().state).toBe('rectifying');
    expect((await act(damiao, { action: 'report_done' })).json().state).toBe('verifying');
    const closed = await act(sup, { action: 'verify' });
    expect(closed.json()).toMatchObject({ state: 'closed', light: 'done' });

    const detail = (await leader.get(`/api/loop/items/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'raise', 'assign', 'accept', 'note', 'report_done', 'return', 'accept', 'report_done', 'verify',
    ]);
    expect(detail.allowedActions).toEqual([]);
    // The leader reads but does not act.
    expect((await act(leader, { action: 'reopen', reason: 'x', deadline: '2022-09-30' })).statusCode).toBe(403);
  });

  it('refuses a stale version instead of overwriting', async () => {
    const { item } = await raise('道路配套', '2022-09-30');
    const res = await sup.send('POST', `/api/loop/items/${item.id}/actions`, {
      action: 'assign', assigneeUnitId: await unitId('donghuan'), deadline: '2022-09-30', version: item.version + 5,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict.stale');
  });

  it('refuses a deadline before the zone’s date and changes nothing', async () => {
    const { item } = await raise('管网迁改', '2022-08-10');
    const res = await sup.send('POST', `/api/loop/items/${item.id}/actions`, { action: 'assign', assigneeUnitId: await unitId('donghuan'), deadline: '2022-08-19', version: item.version });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'loop.past_deadline' });
    expect(res.json().message).toContain('2022-08-20');
    const [row] = await t.handle.query<{ state: string; deadline: string | null; version: number }>('SELECT state, deadline::text, version FROM loop_items WHERE id = $1', [item.id]);
    expect(row).toEqual({ state: 'found', deadline: null, version: item.version });
    // The zone's date itself is allowed: due today.
    const today = await sup.send('POST', `/api/loop/items/${item.id}/actions`, { action: 'assign', assigneeUnitId: await unitId('donghuan'), deadline: '2022-08-20', version: item.version });
    expect(today.json()).toMatchObject({ state: 'assigned', deadline: '2022-08-20' });
  });

  it('sends a hazard or an appeal to its own route, where its rules are kept', async () => {
    const hazard = await z.hazard('damiao', { title: '化工仓库消防通道堵塞', foundOn: '2022-08-18' });
    const before = await t.handle.query('SELECT state, version FROM loop_items WHERE id = $1', [hazard.id]);
    for (const path of ['actions', 'notes']) {
      const res = await sup.send('POST', `/api/loop/items/${hazard.id}/${path}`, path === 'actions' ? { action: 'close', reason: '走捷径', version: hazard.version } : { note: '无材料' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'loop.own_route' });
      expect(res.json().message).toContain('/api/hazards/{id}/actions');
    }
    expect(await t.handle.query('SELECT state, version FROM loop_items WHERE id = $1', [hazard.id])).toEqual(before);
    // The unit it belongs to is sent to the route too; another unit cannot see it: a 404, not the route.
    expect((await damiao.send('POST', `/api/loop/items/${hazard.id}/actions`, { action: 'accept', version: hazard.version })).json()).toMatchObject({ code: 'loop.own_route' });
    expect((await donghuan.send('POST', `/api/loop/items/${hazard.id}/actions`, { action: 'accept', version: hazard.version })).statusCode).toBe(404);
  });

  it('lights items red once overdue and filters by light', async () => {
    const { item } = await raise('征迁扫尾', '2022-08-10');
    await sup.send('POST', `/api/loop/items/${item.id}/actions`, { action: 'assign', assigneeUnitId: await unitId('donghuan'), deadline: '2022-08-22', version: item.version });
    // Time passes: the deadline is now behind the zone's date.
    await t.handle.query(`UPDATE loop_items SET deadline = '2022-08-10' WHERE id = $1`, [item.id]);
    const red = (await sup.get('/api/loop/items?light=red')).json();
    expect(red.items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect(red.items.every((i: { light: string }) => i.light === 'red')).toBe(true);
    const mine = (await donghuan.get('/api/loop/items')).json();
    expect(mine.items.find((i: { id: string }) => i.id === item.id)?.light).toBe('red');
  });
});

describe('a zone replaying history (pinned)', () => {
  it('raises, moves and closes its items on its pinned day, the day lateness and the period counts judge by', async () => {
    const old = await makeZone(t.handle, 'loopold', { units: [unit('damiao', '大庙街道'), unit('ducha', '督查办', 'department')] });
    const admin = await t.signIn('admin', old.code);
    const pin = await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: '2022-06-28', version: (await admin.get('/api/zone')).json().version });
    expect(pin.statusCode, pin.body).toBe(200);
    const [osup, orep] = await Promise.all([t.signIn('supervisor', old.code), t.signIn(old.reporter('damiao'), old.code)]);
    const item = await old.problem('园区道路积水整治', new Date('2022-06-28T09:00:00+08:00'));
    const act = async (c: Client, body: object) => {
      const res = await c.send('POST', `/api/loop/items/${item.id}/actions`, { version: await t.version('loop_items', item.id), ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act(osup, { action: 'assign', assigneeUnitId: old.unitId('damiao'), deadline: '2022-06-30' });
    await act(orep, { action: 'accept' });
    expect((await orep.send('POST', `/api/loop/items/${item.id}/notes`, { note: '已清淤' })).statusCode).toBe(200);
    await act(orep, { action: 'report_done' });
    await act(osup, { action: 'verify' });
    // Every step on the zone's day (the app's clock says 2022-08-20); closed before its deadline.
    const day = (col: string) => `to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
    const [row] = await t.handle.query<{ created: string; updated: string; closed: string; state: string }>(
      `SELECT ${day('created_at')} AS created, ${day('updated_at')} AS updated, ${day('closed_at')} AS closed, state FROM loop_items WHERE id = $1`, [item.id]);
    expect(row).toEqual({ created: '2022-06-28', updated: '2022-06-28', closed: '2022-06-28', state: 'closed' });
    const events = await t.handle.query<{ action: string; on: string }>(`SELECT action, ${day('at')} AS on FROM loop_events WHERE item_id = $1 ORDER BY at, action`, [item.id]);
    expect(events.map((e) => e.action).sort()).toEqual(['accept', 'assign', 'note', 'raise', 'report_done', 'verify']);
    expect(new Set(events.map((e) => e.on))).toEqual(new Set(['2022-06-28']));
  });
});
