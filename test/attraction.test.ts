// 招商引资 through HTTP on the demo zone: leads by the handling unit, contact log,
// stages, a signed lead becoming a project, the counts by month and year to date,
// and who may read or write a lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client, zhaoshang: Client, donghuan: Client, viewer: Client, leader: Client;
let zsUnit: string, jinlonghuUnit: string;

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2022-08-20T02:00:00Z') });
  [sup, zhaoshang, donghuan, viewer, leader] = (await Promise.all(['supervisor', 'xz-zhaoshang', 'xz-donghuan', 'viewer', 'leader'].map((u) => t.signIn(u)))) as [Client, Client, Client, Client, Client];
  const unit = async (code: string) =>
    (await t.handle.query<{ id: string }>(`SELECT u.id FROM units u JOIN zones z ON z.id = u.zone_id WHERE z.code = 'xuzhou' AND u.code = $1`, [code]))[0]!.id;
  zsUnit = await unit('zhaoshang');
  jinlonghuUnit = await unit('jinlonghu');
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
    expect(aug.foreignProjects).toBeGreaterThanOrEqual(1);
    expect(before.ytd[7].signedLarge).toBeGreaterThanOrEqual(before.ytd[6].signedLarge);

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

  it('the demo counts: signings of the year from projects and signed leads', async () => {
    const c = (await viewer.get('/api/attraction/counts?year=2022')).json();
    // 大连日丰 was signed in July as a lead (1.5亿美元, demo); it counts in July and from then on.
    expect(c.months[6].foreignProjects).toBeGreaterThanOrEqual(1);
    expect(Number(c.ytd[11].foreignInvestmentUsd)).toBeGreaterThanOrEqual(4.7 + 6 + 1.5 + 2.5);
    for (let m = 1; m < 12; m++) expect(c.ytd[m].signedLarge).toBeGreaterThanOrEqual(c.ytd[m - 1].signedLarge);
  });
});
