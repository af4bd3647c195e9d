// 招商引资 through HTTP: leads by the handling unit, contact log, stages, a signed lead
// becoming a project, the counts by month and year to date, and who may read or write a
// lead. The zone, its USD rate and July's signing are made here, not the demo's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

let t: TestApp;
let z: Zone;
let sup: Client, zhaoshang: Client, donghuan: Client, viewer: Client, leader: Client;
let zsUnit: string, jinlonghuUnit: string;
let today = '2022-07-15';

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date(`${today}T02:00:00Z`) });
  z = await makeZone(t.handle, 'zs', {
    units: [unit('jinlonghu', '金龙湖街道'), unit('donghuan', '东环街道'), unit('zhaoshang', '招商局', 'department'), unit('ducha', '督查办', 'department')],
  });
  [sup, zhaoshang, donghuan, viewer, leader] = (await Promise.all(['supervisor', z.reporter('zhaoshang'), z.reporter('donghuan'), 'viewer', 'leader'].map((u) => t.signIn(u, z.code)))) as [Client, Client, Client, Client, Client];
  zsUnit = z.unitId('zhaoshang');
  jinlonghuUnit = z.unitId('jinlonghu');
  const { version } = (await sup.get('/api/projects/settings')).json();
  const rate = await sup.send('PUT', '/api/projects/settings', { usdRates: { '2022': '6.7261' }, version });
  expect(rate.statusCode, rate.body).toBe(200);
  // July: 大连日丰 (1.5亿美元) signed as a lead and not made a project.
  const lead = await zhaoshang.send('POST', '/api/attraction/leads', { name: '大连日丰新材料', source: '驻外招商', team: '新材料招商组', unitId: zsUnit, chain: '新材料', currency: 'USD', expectedInvestment: '1.5' });
  expect(lead.statusCode, lead.body).toBe(200);
  const signed = await zhaoshang.send('POST', `/api/attraction/leads/${lead.json().id}/stage`, { stage: 'signed', signedOn: '2022-07-12', version: lead.json().version });
  expect(signed.statusCode, signed.body).toBe(200);
  // August: sessions last 12 hours, so everybody signs in again.
  today = '2022-08-20';
  [sup, zhaoshang, donghuan, viewer, leader] = (await Promise.all(['supervisor', z.reporter('zhaoshang'), z.reporter('donghuan'), 'viewer', 'leader'].map((u) => t.signIn(u, z.code)))) as [Client, Client, Client, Client, Client];
}, 120_000);
afterAll(async () => t.close());

describe('leads', () => {
  let id: string;
  it('are recorded by the handling unit’s reporters and by supervisors only', async () => {
    const body = { name: '奕斯伟硅和碳化硅装备部件', source: '以商招商', team: '集成电路招商组', unitId: zsUnit, chain: '集成电路及ICT', currency: 'USD', expectedInvestment: '2.5' };
    expect((await donghuan.send('POST', '/api/attraction/leads', body)).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/attraction/leads', body)).statusCode).toBe(403);
    const bad = await zhaoshang.send('POST', '/api/attraction/leads', { ...body, expectedInvestment: '-3' });
    expect(bad.statusCode).toBe(400);
    const res = await zhaoshang.send('POST', '/api/attraction/leads', body);
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ stage: 'clue', foreignCapital: true });
  });

  it('are read by the zone-wide roles and the handling unit, not by another sub-district', async () => {
    expect((await donghuan.get(`/api/attraction/leads/${id}`)).statusCode).toBe(404);
    expect((await donghuan.get('/api/attraction/leads')).json().items).toEqual([]);
    expect((await leader.get(`/api/attraction/leads/${id}`)).statusCode).toBe(200);
    const mine = (await zhaoshang.get('/api/attraction/leads?pageSize=100')).json();
    expect(mine.items.map((l: { name: string }) => l.name)).toContain('奕斯伟硅和碳化硅装备部件');
    expect(mine.items.every((l: { unitId: string }) => l.unitId === zsUnit)).toBe(true);
  });

  it('keep a contact log and move 线索 → 在谈 → 签约 (with its date)', async () => {
    expect((await zhaoshang.send('POST', `/api/attraction/leads/${id}/contacts`, { onDate: '2022-08-18', kind: 'inspection', note: '企业考察团来区实地考察' })).statusCode).toBe(200);
    expect((await donghuan.send('POST', `/api/attraction/leads/${id}/contacts`, { onDate: '2022-08-18', note: 'x' })).statusCode).toBe(404);
    expect((await zhaoshang.send('POST', `/api/attraction/leads/${id}/stage`, { stage: 'negotiating', version: await t.version('attraction_leads', id) })).json().stage).toBe('negotiating');
    const noDate = await zhaoshang.send('POST', `/api/attraction/leads/${id}/stage`, { stage: 'signed', version: await t.version('attraction_leads', id) });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().message).toBe('签约须填写签约日期');
    expect((await zhaoshang.send('POST', `/api/attraction/leads/${id}/stage`, { stage: 'signed', signedOn: '2022-08-19', version: await t.version('attraction_leads', id) })).json()).toMatchObject({ stage: 'signed', signedOn: '2022-08-19' });
    const detail = (await sup.get(`/api/attraction/leads/${id}`)).json();
    expect(detail.contacts.map((c: { note: string }) => c.note)).toContain('企业考察团来区实地考察');
  });

  it('count signings by month and year to date; a signed lead becomes a project without retyping, counted once', async () => {
    const before = (await viewer.get('/api/attraction/counts?year=2022')).json();
    const aug = before.months[7];
    expect(before.usdRate).toBe('6.7261');
    // August: this lead (2.5亿美元 at 6.7261 = 16.81525亿元); July: 大连日丰 (1.5亿美元).
    expect(aug).toEqual({ month: 8, signedLarge: 1, signedLargeInvestmentYuan: '16.81525', foreignProjects: 1, foreignInvestmentUsd: '2.5', foreignInvestmentYuan: '16.81525' });
    expect(before.months[6]).toMatchObject({ signedLarge: 1, foreignProjects: 1, foreignInvestmentUsd: '1.5' });
    expect(before.ytd[7]).toMatchObject({ signedLarge: 2, foreignProjects: 2, foreignInvestmentUsd: '4' });

    expect((await zhaoshang.send('POST', `/api/attraction/leads/${id}/convert`, { responsibleUnitId: jinlonghuUnit, version: await t.version('attraction_leads', id) })).statusCode).toBe(403);
    const conv = await sup.send('POST', `/api/attraction/leads/${id}/convert`, { responsibleUnitId: jinlonghuUnit, targetDate: '2023-06-30', version: await t.version('attraction_leads', id) });
    expect(conv.statusCode, conv.body).toBe(200);
    const project = (await sup.get(`/api/projects/${conv.json().project.id}`)).json().project;
    expect(project).toMatchObject({
      name: '奕斯伟硅和碳化硅装备部件',
      chain: '集成电路及ICT',
      currency: 'USD',
      totalInvestment: '2.5',
      totalInvestmentYuan: '16.81525',
      foreignCapital: true,
      stage: 'signed',
      leadId: id,
    });
    expect(project.stageDates.signed.actual).toBe('2022-08-19');
    expect((await sup.send('POST', `/api/attraction/leads/${id}/convert`, { version: await t.version('attraction_leads', id) })).statusCode).toBe(409);
    const after = (await viewer.get('/api/attraction/counts?year=2022')).json();
    expect(after.months[7]).toEqual(aug);
  });

  it('the year’s counts: a July lead and an August project, each counted once from its month on', async () => {
    const c = (await viewer.get('/api/attraction/counts?year=2022')).json();
    expect(c.ytd.map((m: { signedLarge: number }) => m.signedLarge)).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2]);
    expect(c.ytd[11]).toMatchObject({ foreignProjects: 2, foreignInvestmentUsd: '4' });
    expect(c.months.map((m: { foreignProjects: number }) => m.foreignProjects)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
  });
});
