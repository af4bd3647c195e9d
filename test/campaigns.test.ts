// Campaigns (攻坚行动) through HTTP: create with indicators and items, countdown,
// progress view, validation, who may change them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, type Zone } from './helpers/factories';

let t: TestApp;
let sup: Client, leader: Client, reporter: Client;
// Beside the demo zones (whose seeded campaign the first test reads), a zone of its own
// whose indicator and projects the other tests make.
let z: Zone;
let own: { sup: Client; leader: Client; reporter: Client };
let gbr: string;
beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2022-09-10T02:00:00Z') });
  [sup, leader, reporter] = (await Promise.all(['supervisor', 'leader', 'xz-damiao'].map((u) => t.signIn(u)))) as [Client, Client, Client];
  z = await makeZone(t.handle, 'cmzone');
  gbr = (await z.indicator({ code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow' })).id;
  await z.project('town1', { name: '弘元新材料光伏基地' }, '2022-09-10');
  await z.project('town2', { name: '弘元二期储能电池' }, '2022-09-10');
  await z.project('town2', { name: '金阳硅业扩建' }, '2022-09-10');
  const [s, l, r] = await Promise.all([t.signIn('supervisor', z.code), t.signIn('leader', z.code), t.signIn(z.reporter('town1'), z.code)]);
  own = { sup: s, leader: l, reporter: r };
});
afterAll(async () => t.close());

describe('campaigns', () => {
  it('has the seeded 冲刺100天 with its indicators, and counts down from today', async () => {
    const list = (await reporter.get('/api/campaigns')).json();
    const c = list.items.find((i: { name: string }) => i.name === '冲刺100天、奋力保全年');
    expect(c).toMatchObject({ startDate: '2022-08-14', endDate: '2022-11-21', phase: 'running', daysLeft: 72, totalDays: 100 });
    const view = (await leader.get(`/api/campaigns/${c.id}?asOf=2022-09-10`)).json();
    expect(view.indicators.map((i: { code: string }) => i.code)).toEqual(['gbr', 'fai', 'industrial_inv', 'signed_projects', 'net_four_above']);
    expect(view.period).toBe('2022-08');
    expect(view.daysLeft).toBe(72);
    // Without a date it counts from the cockpit's month end.
    expect((await leader.get(`/api/campaigns/${c.id}`)).json().daysLeft).toBe(82);
  });

  it('creates, changes and deletes a campaign with generic project and task items; refuses bad dates; only for supervisors', async () => {
    const { sup, leader, reporter } = own;
    const body = {
      name: '大干三季度', startDate: '2022-07-01', endDate: '2022-09-30', indicatorIds: [gbr],
      items: [{ itemType: 'project', itemId: '00000000-0000-4000-8000-000000000001', title: '弘元新材料光伏基地' }],
    };
    expect((await reporter.send('POST', '/api/campaigns', body)).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/campaigns', body)).statusCode).toBe(403);
    const bad = await sup.send('POST', '/api/campaigns', { ...body, endDate: '2022-06-01' });
    expect(bad.json()).toMatchObject({ code: 'campaigns.dates', message: '结束日期不能早于开始日期' });
    const made = (await sup.send('POST', '/api/campaigns', body)).json();
    const view = (await leader.get(`/api/campaigns/${made.id}?asOf=2022-09-10`)).json();
    expect(view).toMatchObject({ daysLeft: 20, phase: 'running' });
    // An item whose project is not (or no longer) there is shown as such, with the title it was added under.
    expect(view.items).toEqual([expect.objectContaining({ itemType: 'project', title: '弘元新材料光伏基地', exists: false })]);
    const changed = await sup.send('PUT', `/api/campaigns/${made.id}`, { ...body, name: '大干三季度、决胜下半年', items: [], version: made.version });
    expect(changed.json().name).toBe('大干三季度、决胜下半年');
    expect((await leader.get(`/api/campaigns/${made.id}`)).json().items).toEqual([]);
    expect((await sup.send('DELETE', `/api/campaigns/${made.id}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/campaigns/${made.id}`)).statusCode).toBe(404);
  });

  it('offers the zone’s existing projects that match as candidates, and no other zone’s', async () => {
    const res = await own.sup.get(`/api/campaigns/candidates?type=project&search=${encodeURIComponent('弘元')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((c: { title: string }) => c.title).sort()).toEqual(['弘元二期储能电池', '弘元新材料光伏基地']);
    // Xuzhou's demo has its own 弘元 project; the new zone's are not offered there.
    const xz = (await sup.get(`/api/campaigns/candidates?type=project&search=${encodeURIComponent('弘元')}`)).json() as { title: string }[];
    expect(xz.map((c) => c.title)).not.toContain('弘元二期储能电池');
  });
});
