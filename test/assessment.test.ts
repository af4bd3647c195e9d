// Assessment through HTTP: schemes (validation, roles), scores computed from the
// closed loop with explanations, ranking with ties and the red flag, bonuses and
// deductions, rank change against the previous quarter, publish/freeze and a
// recomputation that shows the difference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudited } from '../src/server/context';
import { demoLoopItem, demoScheme } from '../src/domains/demo/assessment';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client, admin: Client, leader: Client, damiao: Client, viewer: Client;
let unitId: (code: string) => Promise<string>;

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2022-10-12T02:00:00Z') });
  [sup, admin, leader, damiao, viewer] = await Promise.all([
    t.signIn('supervisor'),
    t.signIn('admin'),
    t.signIn('leader'),
    t.signIn('xz-damiao'),
    t.signIn('viewer'),
  ]);
  unitId = async (code) =>
    (await t.handle.query<{ id: string }>(`SELECT u.id FROM units u JOIN zones z ON z.id = u.zone_id WHERE z.code = 'xuzhou' AND u.code = $1`, [code]))[0]!.id;
}, 240_000); // the demo build runs every domain's seeder
afterAll(async () => t.close());

const schemes = async (c: Client) => (await c.get('/api/assessment/schemes?pageSize=50')).json().items as { id: string; name: string; state: string }[];

describe('the demo competition', () => {
  it('ranks the six towns/sub-districts for 2022 Q3 with explained points and a red flag', async () => {
    const q3 = (await schemes(leader)).find((s) => s.name.includes('三季度'))!;
    expect(q3.state).toBe('published');
    const res = await leader.get(`/api/assessment/schemes/${q3.id}/results`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.units).toHaveLength(6);
    expect(r.previous.name).toContain('二季度');
    // Hand-checked: 大庙 3/3 tasks (60) + 2 of 3 problems (Q3's two, Q2's open one carried over: 26.67) = 86.67;
    // 金山桥 2/3 (40) + 2/3 (26.67) + 2 bonus = 68.67; 大黄山 and 东环 tie at 60 (40 + 20) and share 3rd place.
    const byName = Object.fromEntries(r.units.map((u: { unitName: string }) => [u.unitName, u]));
    expect(byName['大庙街道']).toMatchObject({ total: '86.67', rank: 1, redFlag: true });
    expect(byName['金山桥街道']).toMatchObject({ base: '66.67', adjustment: '2.00', total: '68.67', rank: 2 });
    expect(byName['徐庄镇'].adjustments[0].explanation).toBe('扣分：安全生产工作被市级通报（演示），-1.00分');
    expect([byName['大黄山街道'].rank, byName['东环街道'].rank, byName['徐庄镇'].rank]).toEqual([3, 3, 5]);
    const tasks = byName['大黄山街道'].items.find((i: { key: string }) => i.key === 'tasks');
    expect(tasks.explanation).toBe('督办任务按时完成2项/共3项，按时率66.7%，得40.00分');
    expect(tasks.evidence).toHaveLength(3);
    expect(tasks.evidence.filter((e: string) => e.startsWith('✗'))).toHaveLength(1);
    // Only one red flag, sorted by rank; 争先进位 against Q2.
    expect(r.units.filter((u: { redFlag: boolean }) => u.redFlag).map((u: { unitName: string }) => u.unitName)).toEqual(['大庙街道']);
    expect(r.units.map((u: { rank: number }) => u.rank)).toEqual([...r.units.map((u: { rank: number }) => u.rank)].sort((a, b) => a - b));
    expect(byName['大庙街道'].prevRank).toBe(3); // Q2: 东环 100, 大黄山 80, 大庙 and 金山桥 60
    expect(byName['大庙街道'].rankChange).toBe(byName['大庙街道'].prevRank - 1);
  });

  it('a reporter and a viewer read published results but never drafts', async () => {
    expect((await schemes(damiao)).every((s) => s.state === 'published')).toBe(true);
    expect((await schemes(viewer)).length).toBeGreaterThan(0);
  });
});

describe('schemes', () => {
  const body = () => ({ ...demoScheme('Q3'), name: '2022年三季度专项考核（测试）' });

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
    const donghuan = live.units.find((u: { unitName: string }) => u.unitName === '东环街道');
    expect(donghuan.adjustment).toBe('1.50');
    expect(Number(donghuan.total)).toBeCloseTo(Number(donghuan.base) + 1.5, 2);

    const pub = await sup.send('POST', `/api/assessment/schemes/${id}/publish`, { version: await t.version('assessment_schemes', id) });
    expect(pub.statusCode).toBe(200);
    const frozen = (await sup.get(`/api/assessment/schemes/${id}/results`)).json();
    expect(frozen.state).toBe('published');
    expect(frozen.units.map((u: { total: string }) => u.total)).toEqual(live.units.map((u: { total: string }) => u.total));
    // Frozen: no edits, no more adjustments, no second publish.
    expect((await sup.send('PUT', `/api/assessment/schemes/${id}`, { ...body(), name: '改名', periodKind: 'month', period: '2022-09', version: (await sup.get(`/api/assessment/schemes/${id}`)).json().version })).statusCode).toBe(409);
    expect((await add(sup, { unitId: await unitId('damiao'), points: '1', reason: '补加分' })).statusCode).toBe(409);
    expect((await sup.send('POST', `/api/assessment/schemes/${id}/publish`, { version: await t.version('assessment_schemes', id) })).statusCode).toBe(409);

    // 大庙 in September: no task due (full 60); Q2's open problem still open (0/1 → 0).
    // A late-closed task appears for 大庙 due in September: the recomputation differs, the published sheet does not.
    const actor = { userId: sup.me.user.id, zoneId: sup.me.zone.id, role: 'supervisor' as const, unitId: null };
    const reporter = { userId: damiao.me.user.id, zoneId: damiao.me.zone.id, role: 'reporter' as const, unitId: await unitId('damiao') };
    await writeAudited(t.handle.db, actor, null, (tx, audit) =>
      demoLoopItem(tx, audit, actor, reporter, { kind: 'task', title: '补录的九月任务', raisedOn: '2022-09-01', deadline: '2022-09-20', closedOn: '2022-09-28' }),
    );
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
