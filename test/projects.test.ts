// Projects through HTTP on a zone of the test's own (units, staff, no projects): a supervisor creates
// 弘元新材料光伏基地 and 中能4.6万吨颗粒硅 (seed 003) with a target date, the plan is
// laid backwards in working days and approved as baseline, the task force records
// progress, a problem runs the closed loop to 销号, monthly investment goes
// submit → approve, photos, the battle map, Excel in and out, and who may do what.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkday, workdayOnOrBefore } from '../src/shared/calendar';
import { settleJobs } from '../src/shared/jobs';
import { tick } from '../src/shared/scheduler';
import { scheduledJobs } from '../src/domains/scheduledJobs';
import { PROBLEM_WATCH_JOB, watchProblems } from '../src/domains/projects/watch';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit } from './helpers/factories';

let t: TestApp;
let sup: Client, leader: Client, viewer: Client, jinlonghu: Client, donghuan: Client, zhongda: Client, zhengqian: Client;
const ids: Record<string, string> = {};
let zoneCode = '';

async function one<T>(sql: string, params: unknown[] = []) {
  return (await t.handle.query<T>(sql, params))[0]!;
}
const count = async (table: string) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;

const upload = (c: Client, url: string, name: string, data: Buffer) => c.upload(url, name, data);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5a0e6b00000000049454e44ae426082', 'hex');

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date('2022-08-20T02:00:00Z') });
  const z = await makeZone(t.handle, 'pj', {
    units: [
      unit('jinlonghu', '金龙湖街道'),
      unit('donghuan', '东环街道'),
      unit('dahuangshan', '大黄山街道'),
      unit('xuzhuang', '徐庄镇', 'town'),
      unit('zhengqian', '征迁办', 'department'),
      unit('zhongda', '重大办', 'department'),
      unit('ducha', '督查办', 'department'),
    ],
  });
  const cs = await Promise.all(['supervisor', 'leader', 'viewer', ...['jinlonghu', 'donghuan', 'zhongda', 'zhengqian'].map(z.reporter)].map((u) => t.signIn(u, z.code)));
  [sup, leader, viewer, jinlonghu, donghuan, zhongda, zhengqian] = cs as [Client, Client, Client, Client, Client, Client, Client];
  for (const c of ['jinlonghu', 'xuzhuang', 'zhengqian', 'zhongda', 'donghuan']) ids[c] = z.unitId(c);
  zoneCode = z.code;
}, 120_000);
afterAll(async () => t.close());

describe('creating projects from seed 003 and laying the plan backwards', () => {
  it('sets the zone’s USD rate and stage rules (supervisor only)', async () => {
    const body = { usdRates: { '2022': '6.7261' }, stageRules: [{ kind: 'months', from: 'signed', to: 'started', months: 7 }] };
    const { version } = (await sup.get('/api/projects/settings')).json();
    expect((await jinlonghu.send('PUT', '/api/projects/settings', { ...body, version })).statusCode).toBe(403);
    expect((await sup.send('PUT', '/api/projects/settings', { ...body, version })).statusCode).toBe(200);
    expect((await viewer.get('/api/projects/settings')).json()).toMatchObject({ usdRates: { '2022': '6.7261' } });
  });

  it('creates 弘元新材料光伏基地 (120亿元) with a target date and lays the plan back on working days', async () => {
    const res = await sup.send('POST', '/api/projects', {
      name: '弘元新材料光伏基地',
      category: 'industrial',
      chain: '新能源新材料',
      keyProject: true,
      year: 2022,
      totalInvestment: '120',
      annualPlan: '30',
      responsibleUnitId: ids.jinlonghu,
      leaderUserId: leader.me.user.id,
      taskForceUserIds: [zhongda.me.user.id],
      lng: 117.402,
      lat: 34.272,
      targetDate: '2022-12-31', // a Saturday: the plan ends on the working day before
    });
    expect(res.statusCode, res.body).toBe(200);
    ids.hongyuan = res.json().id;
    const d = (await viewer.get(`/api/projects/${ids.hongyuan}`)).json();
    expect(d.project.targetDate).toBe('2022-12-30');
    expect(d.project.totalInvestmentYuan).toBe('120');
    const ms = d.project.milestones as { key: string; plannedStart: string; plannedEnd: string; department: string }[];
    expect(ms.length).toBe(28);
    for (const m of ms) {
      expect(isWorkday(m.plannedStart), m.key).toBe(true);
      expect(isWorkday(m.plannedEnd), m.key).toBe(true);
      expect(m.plannedEnd <= '2022-12-30').toBe(true);
    }
    expect(ms.find((m) => m.key === 'production')!.plannedEnd).toBe(workdayOnOrBefore('2022-12-31'));
    expect(ms.find((m) => m.key === 'power_supply')!.department).toBe('供电公司');
    // Stage plan follows the milestones that mark the stages.
    expect(d.project.stageDates.producing.planned).toBe('2022-12-30');
  });

  it('creates 中能4.6万吨颗粒硅 (4.7亿美元) and converts it at the zone’s rate', async () => {
    const res = await sup.send('POST', '/api/projects', {
      name: '中能4.6万吨颗粒硅',
      category: 'industrial',
      chain: '新能源新材料',
      keyProject: true,
      year: 2022,
      currency: 'USD',
      totalInvestment: 4.7,
      responsibleUnitId: ids.xuzhuang,
      leaderUserId: leader.me.user.id,
      taskForceUserIds: [zhongda.me.user.id],
      targetDate: '2023-06-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    ids.zhongneng = res.json().id;
    const d = (await sup.get(`/api/projects/${ids.zhongneng}`)).json();
    expect(d.project.totalInvestmentYuan).toBe('31.61267'); // 4.7 × 6.7261, exact
    expect(d.project.foreignCapital).toBe(true);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = await count('projects');
    const audits = await count('audit_log');
    const bad = await sup.send('POST', '/api/projects', { name: '', category: 'industrial', year: 2022, totalInvestment: '-1', responsibleUnitId: ids.jinlonghu });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('输入有误');
    const dup = await sup.send('POST', '/api/projects', { name: '弘元新材料光伏基地', category: 'industrial', year: 2022, totalInvestment: '1', responsibleUnitId: ids.jinlonghu });
    expect(dup.statusCode).toBe(409);
    const en = await sup.send('POST', '/api/projects', { name: 'x', category: 'industrial', year: 2022, totalInvestment: '1', responsibleUnitId: ids.jinlonghu, stageDates: { signed: { actual: '2022-09-01' } } }, { 'x-lang': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toBe('The actual date 2022-09-01 is after the business date');
    const cycle = await sup.send('PUT', `/api/projects/${ids.hongyuan}/plan`, {
      targetDate: '2022-12-30',
      version: await t.version('projects', ids.hongyuan!),
      steps: [
        { key: 'a', name: 'A', durationWorkdays: 2, dependsOn: ['b'] },
        { key: 'b', name: 'B', durationWorkdays: 2, dependsOn: ['a'] },
      ],
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().message).toContain('循环依赖');
    expect(await count('projects')).toBe(before);
    expect(await count('audit_log')).toBe(audits);
  });

  it('lets only config writers create projects', async () => {
    for (const c of [leader, viewer, jinlonghu]) {
      const res = await c.send('POST', '/api/projects', { name: '越权项目', category: 'urban', year: 2022, totalInvestment: '1', responsibleUnitId: ids.jinlonghu });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('baseline, progress by the task force, slips', () => {
  it('keeps the first approved plan as baseline when the plan is re-laid', async () => {
    const approve = async (c: Client) => c.send('POST', `/api/projects/${ids.hongyuan}/plan/approve`, { version: await t.version('projects', ids.hongyuan!) });
    expect((await approve(jinlonghu)).statusCode).toBe(403);
    expect((await approve(sup)).statusCode).toBe(200);
    const first = (await sup.get(`/api/projects/${ids.hongyuan}`)).json().project.milestones;
    const prod = first.find((m: { key: string }) => m.key === 'production');
    expect(prod.baselineEnd).toBe('2022-12-30');
    // Re-laid to the end of January: the plan moves, the baseline stays.
    expect((await sup.send('PUT', `/api/projects/${ids.hongyuan}/plan`, { targetDate: '2023-01-31', version: await t.version('projects', ids.hongyuan!) })).statusCode).toBe(200);
    await approve(sup);
    const again = (await sup.get(`/api/projects/${ids.hongyuan}`)).json().project.milestones.find((m: { key: string }) => m.key === 'production');
    expect(again.plannedEnd).toBe('2023-01-31');
    expect(again.baselineEnd).toBe('2022-12-30');
  });

  it('lets the task force, the assigned leader and the responsible unit record progress; not another unit or a viewer', async () => {
    const d = (await sup.get(`/api/projects/${ids.hongyuan}`)).json();
    const signing = d.project.milestones.find((m: { key: string }) => m.key === 'signing');
    const url = `/api/projects/${ids.hongyuan}/milestones/${signing.id}`;
    expect((await donghuan.send('PATCH', url, { actualEnd: signing.plannedEnd, version: await t.version('project_milestones', signing.id) })).statusCode).toBe(403);
    expect((await viewer.send('PATCH', url, { actualEnd: signing.plannedEnd, version: await t.version('project_milestones', signing.id) })).statusCode).toBe(403);
    expect((await zhongda.send('PATCH', url, { actualStart: signing.plannedStart, actualEnd: signing.plannedEnd, version: await t.version('project_milestones', signing.id) })).statusCode).toBe(200); // task force
    expect((await leader.send('PATCH', url, { note: '包挂领导已现场调度', version: await t.version('project_milestones', signing.id) })).statusCode).toBe(200); // assigned leader
    expect((await jinlonghu.send('PATCH', url, { note: '属地街道跟进', version: await t.version('project_milestones', signing.id) })).statusCode).toBe(200); // responsible unit
    // A future actual date is refused.
    const future = await zhongda.send('PATCH', url, { actualEnd: '2022-09-30', version: await t.version('project_milestones', signing.id) });
    expect(future.statusCode).toBe(400);
    const p = (await sup.get(`/api/projects/${ids.hongyuan}`)).json().project;
    expect(p.stage).toBe('signed');
    expect(p.stageDates.signed.actual).toBe(signing.plannedEnd);
  });

  it('shifts the forecast of the rest when a step slips and shows the slip in working days', async () => {
    const d = (await sup.get(`/api/projects/${ids.hongyuan}`)).json();
    // Mark every step due by today as done on plan, except 征地拆迁与净地交付 and the 土地挂牌摘牌 waiting on it.
    for (const m of d.project.milestones as { id: string; key: string; plannedStart: string; plannedEnd: string }[]) {
      if (m.plannedEnd > '2022-08-20' || m.key === 'land_clearance' || m.key === 'land_listing') continue;
      const r = await zhongda.send('PATCH', `/api/projects/${ids.hongyuan}/milestones/${m.id}`, { actualStart: m.plannedStart, actualEnd: m.plannedEnd, version: await t.version('project_milestones', m.id) });
      expect(r.statusCode).toBe(200);
    }
    // Planned in the past when the plan was laid (工期不足), 征地拆迁 awaited confirmation; confirmed as not done, it slips.
    const pending = (await sup.get(`/api/projects/${ids.hongyuan}`)).json().project.milestones.find((m: { key: string }) => m.key === 'land_clearance');
    expect(pending).toMatchObject({ needsConfirmation: true, status: 'on_time' });
    for (const key of ['land_clearance', 'land_listing']) {
      const m = (await sup.get(`/api/projects/${ids.hongyuan}`)).json().project.milestones.find((x: { key: string }) => x.key === key);
      expect((await zhongda.send('PATCH', `/api/projects/${ids.hongyuan}/milestones/${m.id}`, { confirmed: true, version: await t.version('project_milestones', m.id) })).statusCode).toBe(200);
    }
    const after = (await sup.get(`/api/projects/${ids.hongyuan}`)).json().project;
    const lc = after.milestones.find((m: { key: string }) => m.key === 'land_clearance');
    expect(lc.plannedEnd < '2022-08-20').toBe(true);
    expect(lc.forecastEnd).toBe('2022-08-22'); // the next working day after today, at the earliest
    expect(lc.slipDays).toBeGreaterThan(0);
    const listing = after.milestones.find((m: { key: string }) => m.key === 'land_listing');
    expect(listing.forecastStart > lc.forecastEnd).toBe(true);
    expect(['behind', 'at_risk']).toContain(after.status);
  });
});

describe('problems in the shared closed loop', () => {
  it('is raised by the task force, assigned to a department, rectified, verified and closed', async () => {
    const raise = await zhongda.send('POST', `/api/projects/${ids.hongyuan}/problems`, { title: '二期地块征迁扫尾', category: 'relocation' });
    expect(raise.statusCode, raise.body).toBe(200);
    const id = raise.json().id;
    expect(raise.json()).toMatchObject({ kind: 'problem', subjectType: 'project', subjectId: ids.hongyuan, category: 'relocation', state: 'found' });
    expect((await donghuan.send('POST', `/api/projects/${ids.hongyuan}/problems`, { title: 'x', category: 'other' })).statusCode).toBe(403);
    const bad = await zhongda.send('POST', `/api/projects/${ids.hongyuan}/problems`, { title: 'x', category: '天气' });
    expect(bad.statusCode).toBe(400);
    // The version as just read, unless the body gives one.
    const act = async (c: Client, body: object) => c.send('POST', `/api/loop/items/${id}/actions`, { version: await t.version('loop_items', id), ...body });
    expect((await act(sup, { action: 'assign', assigneeUnitId: ids.zhengqian, deadline: '2022-08-31' })).json().state).toBe('assigned');
    let page = (await sup.get(`/api/projects/${ids.hongyuan}`)).json();
    expect(page.problems.find((p: { id: string }) => p.id === id)).toMatchObject({ state: 'assigned', light: 'green', assigneeName: '征迁办' });
    expect((await act(zhengqian, { action: 'accept' })).json().state).toBe('rectifying');
    expect((await act(zhengqian, { action: 'report_done' })).json().state).toBe('verifying');
    expect((await act(sup, { action: 'verify' })).json().state).toBe('closed');
    page = (await sup.get(`/api/projects/${ids.hongyuan}`)).json();
    expect(page.problems.find((p: { id: string }) => p.id === id)).toMatchObject({ state: 'closed', light: 'done' });
    expect(page.project.openProblems).toBe(0);
  });

  it('lights an overdue problem red', async () => {
    const { id } = (await zhongda.send('POST', `/api/projects/${ids.zhongneng}/problems`, { title: '110千伏专线供电滞后', category: 'power' })).json();
    // Assigned when it was still ahead (a past deadline is refused); time has since passed it.
    const assigned = await sup.send('POST', `/api/loop/items/${id}/actions`, { action: 'assign', assigneeUnitId: ids.zhongda, deadline: '2022-08-20', version: await t.version('loop_items', id) });
    expect(assigned.statusCode).toBe(200);
    await t.handle.query(`UPDATE loop_items SET deadline = '2022-08-15' WHERE id = $1`, [id]);
    const page = (await sup.get(`/api/projects/${ids.zhongneng}`)).json();
    expect(page.problems[0]).toMatchObject({ light: 'red' });
    expect(page.project.openProblems).toBe(1);
    ids.latePower = id;
  });

  it('escalates an overdue problem once per level: the department, the supervisors, then the group robot', async () => {
    await t.handle.query(`UPDATE zones SET settings = settings || '{"webhookUrl":"https://oapi.dingtalk.com/robot/send?access_token=test"}' WHERE code = $1`, [zoneCode]);
    const sent: string[] = [];
    const fakeFetch = (async (_url: string, init: { body: string }) => {
      sent.push(JSON.parse(init.body).text.content);
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    // 2022-08-20, five days past 08-15: level 1, told in the app, no robot yet.
    const first = await watchProblems(t.handle.db, new Date('2022-08-20T01:00:00Z'), fakeFetch);
    expect(first).toMatchObject({ escalated: 1, webhooks: 0 });
    expect((await watchProblems(t.handle.db, new Date('2022-08-20T05:00:00Z'), fakeFetch)).escalated).toBe(0);
    const mine = (await zhongda.get('/api/notifications')).json().items as { title: string; level: string; link: string }[];
    expect(mine.find((n) => n.title.includes('110千伏专线供电滞后'))).toMatchObject({ level: 'danger', link: `/projects/p/${ids.zhongneng}` });
    expect((await sup.get('/api/notifications')).json().items.some((n: { title: string }) => n.title.startsWith('问题逾期（逾期5天）'))).toBe(true);
    expect((await donghuan.get('/api/notifications')).json().items.every((n: { title: string }) => !n.title.includes('110千伏'))).toBe(true);
    // Ten days late: level 2 (二级督办), and the group robot hears of it once.
    const second = await watchProblems(t.handle.db, new Date('2022-08-25T01:00:00Z'), fakeFetch);
    expect(second).toMatchObject({ escalated: 1, webhooks: 1 });
    expect(sent[0]).toContain('二级督办');
    expect(sent[0]).toContain('中能4.6万吨颗粒硅');
    const page = (await sup.get(`/api/projects/${ids.zhongneng}`)).json();
    expect(page.problems[0]).toMatchObject({ escalation: 2, light: 'red' });
    const audits = await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'escalate' AND entity_id = $1`, [ids.latePower]);
    expect(audits[0]!.n).toBe(2);
  });

  it('watches a reassigned problem afresh: the level back to 0, the department told again once the new deadline passes', async () => {
    const told = async () =>
      (await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'project.problem_overdue' AND unit_id IS NOT NULL AND link = $1`, [`/projects/p/${ids.zhongneng}`]))[0]!.n;
    const before = await told();
    const res = await sup.send('POST', `/api/loop/items/${ids.latePower}/actions`, { action: 'assign', assigneeUnitId: ids.zhongda, deadline: '2022-09-05', version: await t.version('loop_items', ids.latePower!) });
    expect(res.statusCode, res.body).toBe(200);
    expect((await sup.get(`/api/projects/${ids.zhongneng}`)).json().problems[0]).toMatchObject({ escalation: 0 });
    expect(await watchProblems(t.handle.db, new Date('2022-09-06T01:00:00Z'))).toMatchObject({ escalated: 1 });
    expect(await watchProblems(t.handle.db, new Date('2022-09-06T05:00:00Z'))).toMatchObject({ escalated: 0 });
    expect(await told()).toBe(before + 1);
    const mine = (await zhongda.get('/api/notifications')).json().items as { title: string }[];
    expect(mine.some((n) => n.title.startsWith('问题逾期（逾期1天）') && n.title.includes('110千伏专线供电滞后'))).toBe(true);
  });

  it('runs the problem watch once across processes', async () => {
    const job = scheduledJobs.find((j) => j.name === PROBLEM_WATCH_JOB)!;
    const at = new Date('2022-08-26T01:00:00Z');
    const [a, b] = await Promise.all([tick(t.handle.db, [job], at), tick(t.handle.db, [job], at)]);
    expect([...a, ...b]).toEqual([PROBLEM_WATCH_JOB]);
  });
});

describe('monthly completed investment: submit → approve', () => {
  it('lets only the responsible unit’s reporters submit and hides drafts from other units', async () => {
    const url = `/api/projects/${ids.hongyuan}/investments`;
    expect((await donghuan.send('POST', url, { period: '2022-07', amount: '2.5' })).statusCode).toBe(403);
    expect((await sup.send('POST', url, { period: '2022-07', amount: '2.5' })).statusCode).toBe(403);
    expect((await jinlonghu.send('POST', url, { period: '2022-09', amount: '2.5' })).statusCode).toBe(400); // future month
    const bad = await jinlonghu.send('POST', url, { period: '2022-07', amount: 'abc' });
    expect(bad.statusCode).toBe(400);
    const draft = await jinlonghu.send('POST', url, { period: '2022-07', amount: '2.5' });
    expect(draft.json().status).toBe('draft');
    expect((await donghuan.get(`/api/projects/${ids.hongyuan}`)).json().investments).toEqual([]);
    expect((await jinlonghu.get(`/api/projects/${ids.hongyuan}`)).json().investments).toHaveLength(1);
    const sent = await jinlonghu.send('POST', url, { period: '2022-07', amount: '2.55', submit: true });
    expect(sent.json().status).toBe('submitted');
    expect((await jinlonghu.send('POST', url, { period: '2022-07', amount: '3' })).statusCode).toBe(409);
    const queue = (await sup.get('/api/projects/investments')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(sent.json().id);
    expect((await jinlonghu.send('POST', `/api/projects/investments/${sent.json().id}/review`, { action: 'approve', version: sent.json().version })).statusCode).toBe(403);
    expect((await sup.send('POST', `/api/projects/investments/${sent.json().id}/review`, { action: 'return', version: sent.json().version })).statusCode).toBe(400);
    expect((await sup.send('POST', `/api/projects/investments/${sent.json().id}/review`, { action: 'approve', version: sent.json().version })).json().status).toBe('approved');
    const page = (await donghuan.get(`/api/projects/${ids.hongyuan}`)).json();
    expect(page.investments).toHaveLength(1);
    expect(page.completedThisYear).toBe('2.55');
    expect(page.planShare).toBe('8.5'); // 2.55 / 30
  });
});

describe('visual progress with photos', () => {
  it('takes images uploaded through /api/files and refuses other types', async () => {
    const img = await upload(zhongda, '/api/files', '厂房封顶.png', PNG);
    expect(img.statusCode).toBe(200);
    const res = await zhongda.send('POST', `/api/projects/${ids.hongyuan}/updates`, { onDate: '2022-08-19', text: '主厂房钢结构吊装完成60%', fileIds: [img.json().id] });
    expect(res.statusCode, res.body).toBe(200);
    const pdf = await upload(zhongda, '/api/files', '说明.pdf', Buffer.from('%PDF-1.4 test'));
    const refused = await zhongda.send('POST', `/api/projects/${ids.hongyuan}/updates`, { onDate: '2022-08-19', text: 'x', fileIds: [pdf.json().id] });
    expect(refused.statusCode).toBe(415);
    const page = (await sup.get(`/api/projects/${ids.hongyuan}`)).json();
    expect(page.updates[0]).toMatchObject({ text: '主厂房钢结构吊装完成60%', files: [{ name: '厂房封顶.png', mime: 'image/png' }] });
  });
});

describe('the battle map, filters and history', () => {
  it('returns every project with milestones, status, location and the outline', async () => {
    const outline = await sup.send('PUT', '/api/projects/settings/outline', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[117.2, 34.2], [117.5, 34.2], [117.5, 34.4], [117.2, 34.2]]] } }],
    });
    expect(outline.statusCode).toBe(200);
    const point = await sup.send('PUT', '/api/projects/settings/outline', { type: 'Feature', geometry: { type: 'Point', coordinates: [117, 34] } });
    expect(point.statusCode).toBe(400);
    const map = (await viewer.get('/api/projects/battle-map?year=2022')).json();
    expect(map.today).toBe('2022-08-20');
    expect(map.outline.features[0].properties.name).toBe('area-1');
    expect(map.projects.map((p: { name: string }) => p.name)).toEqual(['弘元新材料光伏基地', '中能4.6万吨颗粒硅']);
    const hy = map.projects[0];
    expect(hy).toMatchObject({ lng: 117.402, lat: 34.272, keyProject: true, responsibleUnitName: '金龙湖街道', leaderName: '区领导' });
    expect(hy.milestones[0]).toHaveProperty('baselineEnd');
    const byUnit = (await viewer.get(`/api/projects/battle-map?unitId=${ids.xuzhuang}`)).json();
    expect(byUnit.projects.map((p: { name: string }) => p.name)).toEqual(['中能4.6万吨颗粒硅']);
    const byLeader = (await viewer.get(`/api/projects?leaderUserId=${leader.me.user.id}&chain=${encodeURIComponent('新能源新材料')}`)).json();
    expect(byLeader.total).toBe(2);
  });

  it('keeps a history of every change', async () => {
    const h = (await viewer.get(`/api/projects/${ids.hongyuan}/history?pageSize=200`)).json();
    const actions = h.items.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`);
    for (const a of ['project:create', 'project:plan', 'project:approve_plan', 'project.milestone:milestone', 'project:stage', 'project.investment:submit', 'project.investment:approve', 'project.update:progress']) {
      expect(actions).toContain(a);
    }
  });
});

describe('Excel', () => {
  it('exports the list', async () => {
    const res = await viewer.get('/api/projects/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const names: string[] = [];
    ws.eachRow((r) => names.push(String(r.getCell(1).value)));
    expect(names).toContain('弘元新材料光伏基地');
  });

  async function sheet(rows: (string | number)[][]) {
    const tpl = await sup.get('/api/projects/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.spliceRows(3, 1); // the example row
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('imports all or nothing, with a row-by-row error report', async () => {
    const before = await count('projects');
    const bad = await sheet([
      ['维能动力电池PACK', '重大产业项目', '新能源新材料', '否', 2022, '亿元', '20', '8', '大黄山街道'],
      ['鑫茂超大尺寸LCD邦定', '重大产业项目', '集成电路及ICT', '否', 2022, '亿元', '十亿', '', '不存在街道'],
      ['弘元新材料光伏基地', '重大产业项目', '', '', 2022, '亿元', '1', '', '金龙湖街道'],
      ['纬度越界项目', '重大产业项目', '', '', 2022, '亿元', '1', '', '金龙湖街道', '', '', '', '117.2', '95'],
    ]);
    const res = await upload(sup, '/api/projects/import', 'p.xlsx', bad);
    expect(res.statusCode).toBe(200);
    await settleJobs();
    const job = (await sup.get(`/api/jobs/${res.json().jobId}`)).json();
    expect(job.status).toBe('failed');
    const rows = job.errors.details.map((e: { row: number; message: { zh: string } }) => `${e.row}:${e.message.zh}`);
    // Each fault once, by its column: no second, generic error for the cell already refused.
    expect(rows).toEqual(['4:“总投资（亿）”应为数字', '4:“责任单位”不存在：不存在街道', '5:项目已存在', '6:“纬度”不符合要求']);
    expect(job.errors.details.at(-1)).toMatchObject({ column: '纬度', message: { en: expect.stringMatching(/^Latitude: /) } });
    expect(await count('projects')).toBe(before);

    // 2022-12-30 leaves the flow too few working days (next test): the row accepts the compressed plan.
    const good = await sheet([['维能动力电池PACK', '重大产业项目', '新能源新材料', '否', 2022, '亿元', '20', '8', '大黄山街道', '', '2022-03-18', '2022-12-30', '', '', '', '是']]);
    const ok = await upload(sup, '/api/projects/import', 'p.xlsx', good);
    await settleJobs();
    expect((await sup.get(`/api/jobs/${ok.json().jobId}`)).json()).toMatchObject({ status: 'succeeded', result: { created: 1 } });
    const list = (await sup.get('/api/projects?q=维能')).json();
    expect(list.items[0]).toMatchObject({ stage: 'signed', targetDate: '2022-12-30' });
    expect(list.items[0].milestones.length).toBe(28);
    expect((await jinlonghu.send('POST', '/api/projects/import')).statusCode).toBe(403);
  });

  it('reports 工期不足 row by row, with the earliest date that fits, unless the row accepts the compressed plan', async () => {
    const before = await count('projects');
    const row = (name: string, target: string, compress = '') => [name, '重大产业项目', '', '否', 2022, '亿元', '5', '', '大黄山街道', '', '', target, '', '', '', compress];
    const check = (await sup.send('POST', '/api/projects/plan-check', { category: 'industrial', targetDate: '2022-11-30' })).json();
    expect(check.shortfallWorkdays).toBeGreaterThan(0);
    expect(check.compressed.fits).toBe(true);
    const res = await upload(sup, '/api/projects/import', 'p.xlsx', await sheet([
      row('工期校验甲', '2022-11-30'),
      row('工期校验乙', '2022-11-30', '是'),
      row('工期校验丙', '2022-08-25', '是'),
      row('工期校验丁', '2024-06-28'),
    ]));
    await settleJobs();
    const job = (await sup.get(`/api/jobs/${res.json().jobId}`)).json();
    expect(job.status).toBe('failed');
    const errs = job.errors.details as { row: number; column: string; value: string; message: { zh: string; en: string } }[];
    // Rows 3 (short, not accepted) and 5 (short even at a day a step); rows 4 and 6 are fine.
    expect(errs.map((e) => e.row)).toEqual([3, 5]);
    expect(errs[0]).toMatchObject({ column: '目标投产日期', value: '2022-11-30' });
    expect(errs[0]!.message.zh).toMatch(new RegExp(`^工期不足：按节点流程倒排，须比业务日期2022-08-20提前${check.shortfallWorkdays}个工作日开工；请把目标投产日期推迟到\\d{4}-\\d{2}-\\d{2}或以后，或在“压缩工期”列填“是”按压缩方案导入$`));
    expect(errs[1]!.message.zh).toContain('压缩到每个节点1个工作日也来不及');
    expect(errs[1]!.message.en).toContain('even one working day per step is too long');
    expect(await count('projects')).toBe(before);

    // Without the two refused rows: the accepted compressed plan is laid, and no step is planned before the zone's date.
    const ok = await upload(sup, '/api/projects/import', 'p.xlsx', await sheet([row('工期校验乙', '2022-11-30', '是'), row('工期校验丁', '2024-06-28')]));
    await settleJobs();
    expect((await sup.get(`/api/jobs/${ok.json().jobId}`)).json()).toMatchObject({ status: 'succeeded', result: { created: 2 } });
    const [compressed] = (await sup.get('/api/projects?q=工期校验乙')).json().items as { milestones: { plannedStart: string; durationWorkdays: number }[] }[];
    expect(compressed!.milestones.length).toBe(check.compressed.plan.steps.length);
    expect(Math.min(...compressed!.milestones.map((m) => Date.parse(m.plannedStart)))).toBeGreaterThanOrEqual(Date.parse('2022-08-20'));
  });
});
