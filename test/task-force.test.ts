// 一项目一专班, 包挂领导 and the zone's service standard (issue 16, part 6) through HTTP, on a
// zone of its own: the 专班 as people (role, unit, phone), refused input changes nothing, the
// 包挂领导 must be a leader of the zone, 我的包挂项目, the "五个一" checklist, audit rows. (The
// demo's 专班 from seed 000 and its example standard are checked in demo.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit } from './helpers/factories';

let t: TestApp;
let sup: Client, leader: Client, jinlonghu: Client, donghuan: Client;
let hongyuan: string;
const ids: Record<string, string> = {};

async function one<T>(sql: string, params: unknown[] = []) {
  return (await t.handle.query<T>(sql, params))[0]!;
}
const auditCount = async (action: string, entityId?: string) =>
  (await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 ${entityId ? 'AND entity_id = $2' : ''}`, entityId ? [action, entityId] : [action])).n;
const members = async (projectId: string) =>
  t.handle.query<{ name: string; role: string; phone: string }>(`SELECT name, role, phone FROM project_task_force WHERE project_id = $1 ORDER BY sort_order`, [projectId]);

/** The zone's "五个一" service standard. */
const FIVE = [
  { key: 'one_leader', name: '一名包挂领导' },
  { key: 'one_task_force', name: '一个工作专班' },
  { key: 'one_plan', name: '一套推进计划' },
  { key: 'one_list', name: '一张问题清单' },
  { key: 'one_dispatch', name: '一月一次调度' },
];

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date('2022-08-20T02:00:00Z') });
  const z = await makeZone(t.handle, 'tf', { units: [unit('jinlonghu', '金龙湖街道'), unit('donghuan', '东环街道'), unit('ducha', '督查办', 'department')] });
  // A second zone the staff accounts also belong to (its leader is 包挂领导 of nothing there).
  const other = await makeZone(t.handle, 'tf2', { units: [unit('bochi', '钵池街道'), unit('ducha', '督查办', 'department')] });
  [sup, leader, jinlonghu, donghuan] = (await Promise.all(['supervisor', 'leader', z.reporter('jinlonghu'), z.reporter('donghuan')].map((u) => t.signIn(u, 'tf')))) as [Client, Client, Client, Client];
  ids.jinlonghu = z.unitId('jinlonghu');
  ids.bochi = other.unitId('bochi');
  ids.haUser = (await other.actor(other.reporter('bochi'))).userId;
  hongyuan = (await z.project('jinlonghu', { name: '弘元新材料光伏基地', leaderUserId: leader.me.user.id }, '2022-03-01')).id;
  await z.project('jinlonghu', { name: '无包挂领导的项目' }, '2022-03-01');
  // The standard, and the 专班 as the supervisor first set it: the unit's secretary and 重大办.
  const settings = (await sup.get('/api/projects/settings')).json();
  expect((await sup.send('PUT', '/api/projects/settings', { serviceItems: FIVE, version: settings.version })).statusCode).toBe(200);
  const v = (await sup.get(`/api/projects/${hongyuan}`)).json().project.version;
  const set = await sup.send('PUT', `/api/projects/${hongyuan}/task-force`, {
    version: v,
    members: [
      { name: '贾群', role: 'lead', unitId: ids.jinlonghu, phone: '0516-80000105' },
      { name: '重大办', role: 'liaison', phone: '' },
    ],
  });
  expect(set.statusCode, set.body).toBe(200);
  expect((await sup.send('PUT', `/api/projects/${hongyuan}/service-checks/one_dispatch`, { doneOn: '2022-08-01', version: 0 })).statusCode).toBe(200);
});
afterAll(async () => t.close());

const detail = async (c: Client = sup) => (await c.get(`/api/projects/${hongyuan}`)).json();

describe('包挂领导', () => {
  it('refuses an account without the leader role, in Chinese and English, and changes nothing', async () => {
    const before = await detail();
    const zh = await sup.send('PATCH', `/api/projects/${hongyuan}`, { leaderUserId: sup.me.user.id, version: before.project.version });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'project.leader_not_leader' });
    expect(zh.json().message).toContain('包挂领导');
    const en = await sup.send('PATCH', `/api/projects/${hongyuan}`, { leaderUserId: jinlonghu.me.user.id, version: before.project.version }, { 'x-lang': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toContain('leader role');
    const after = await detail();
    expect(after.project.leaderUserId).toBe(leader.me.user.id);
    expect(after.project.version).toBe(before.project.version);
  });

  it('refuses another zone’s account as 包挂领导 on a new project', async () => {
    const res = await sup.send('POST', '/api/projects', { name: '测试项目（他区领导）', category: 'industrial', year: 2022, totalInvestment: '1', responsibleUnitId: ids.jinlonghu, leaderUserId: ids.haUser });
    expect(res.statusCode).toBe(404);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE name = '测试项目（他区领导）'`)).n).toBe(0);
  });

  it('我的包挂项目: mine=true lists the signed-in leader’s projects, nobody else’s', async () => {
    const mine = (await leader.get('/api/projects?mine=true&pageSize=100')).json();
    expect(mine.items.map((p: { name: string }) => p.name)).toEqual(['弘元新材料光伏基地']);
    expect(mine.items.every((p: { leaderUserId: string }) => p.leaderUserId === leader.me.user.id)).toBe(true);
    const supMine = (await sup.get('/api/projects?mine=true')).json();
    expect(supMine.total).toBe(0);
    const map = (await leader.get('/api/projects/battle-map?mine=true')).json();
    expect(map.projects.length).toBe(mine.total);
  });

  it('the cockpit card 我的包挂项目: each project’s light, stage and lateness as the battle map judges them at the zone’s date; none → nothing to show', async () => {
    type P = { id: string; status: string; stage: string; slipDays: number; findings: { status: string }[] };
    const mine = (await leader.get('/api/projects?mine=true&page=1&pageSize=100')).json() as { items: P[]; total: number };
    const map = (await leader.get('/api/projects/battle-map?mine=true')).json() as { projects: P[]; today: string };
    expect(map.today).toBe((await leader.get('/api/zone')).json().today); // judged at the zone's date
    const judged = new Map(map.projects.map((p) => [p.id, p]));
    for (const p of mine.items) {
      const m = judged.get(p.id)!;
      expect({ status: p.status, stage: p.stage, slipDays: p.slipDays, findings: p.findings }).toEqual({ status: m.status, stage: m.stage, slipDays: m.slipDays, findings: m.findings });
    }
    expect(mine.items.length).toBe(mine.total);
    // The same leader in the other zone (no projects) is 包挂领导 of none: the card has nothing to claim.
    const haLeader = await t.signIn('leader', 'tf2');
    const none = (await haLeader.get('/api/projects?mine=true&page=1&pageSize=100')).json();
    expect(none).toMatchObject({ total: 0, items: [] });
  });
});

describe('专班 members', () => {
  const good = (extra: object[] = []) => [
    { name: '贾群', role: 'lead', unitId: ids.jinlonghu, phone: '0516-80000105' },
    { name: '王联络（演示）', role: 'liaison', unitId: ids.jinlonghu, phone: '13800000000' },
    ...extra,
  ];

  it('refuses a bad phone, another zone’s unit or account, and changes nothing', async () => {
    const before = await members(hongyuan);
    const v = (await detail()).project.version;
    const audits = await auditCount('task_force', hongyuan);
    const phone = await sup.send('PUT', `/api/projects/${hongyuan}/task-force`, { version: v, members: good([{ name: '张三', role: 'member', phone: '12345' }]) });
    expect(phone.statusCode).toBe(400);
    expect(phone.json()).toMatchObject({ code: 'project.phone_invalid' });
    expect(phone.json().message).toContain('电话号码格式有误');
    const en = await sup.send('PUT', `/api/projects/${hongyuan}/task-force`, { version: v, members: good([{ name: 'x', role: 'member', phone: '0516-123' }]) }, { 'x-lang': 'en' });
    expect(en.json().message).toContain('Invalid phone number');
    const unit = await sup.send('PUT', `/api/projects/${hongyuan}/task-force`, { version: v, members: good([{ name: '李四', role: 'member', unitId: ids.bochi }]) });
    expect(unit.statusCode).toBe(404);
    const user = await sup.send('PUT', `/api/projects/${hongyuan}/task-force`, { version: v, members: good([{ name: '李四', role: 'member', userId: ids.haUser }]) });
    expect(user.statusCode).toBe(404);
    const role = await sup.send('PUT', `/api/projects/${hongyuan}/task-force`, { version: v, members: good([{ name: '李四', role: 'boss' }]) });
    expect(role.statusCode).toBe(400);
    expect(await members(hongyuan)).toEqual(before);
    expect((await detail()).project.version).toBe(v);
    expect(await auditCount('task_force', hongyuan)).toBe(audits);
  });

  it('refuses a reporter of another unit (403) and a stale version (409)', async () => {
    const v = (await detail()).project.version;
    expect((await donghuan.send('PUT', `/api/projects/${hongyuan}/task-force`, { version: v, members: good() })).statusCode).toBe(403);
    expect((await sup.send('PUT', `/api/projects/${hongyuan}/task-force`, { version: v - 1, members: good() })).statusCode).toBe(409);
  });

  it('the responsible unit replaces the 专班: one audit row with the members before and after', async () => {
    const v = (await detail()).project.version;
    const res = await jinlonghu.send('PUT', `/api/projects/${hongyuan}/task-force`, {
      version: v,
      members: good([{ name: '金龙湖街道填报员', role: 'member', unitId: ids.jinlonghu, phone: '', userId: jinlonghu.me.user.id }]),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(v + 1);
    expect(res.json().taskForceUserIds).toEqual([jinlonghu.me.user.id]);
    expect((await members(hongyuan)).map((m) => m.name)).toEqual(['贾群', '王联络（演示）', '金龙湖街道填报员']);
    const a = await one<{ before: { members: { name: string }[] }; after: { members: { name: string; phone: string }[] } }>(
      `SELECT before, after FROM audit_log WHERE action = 'task_force' AND entity_id = $1 ORDER BY at DESC LIMIT 1`,
      [hongyuan],
    );
    expect(a.before.members.map((m) => m.name)).toContain('重大办');
    expect(a.after.members[1]).toMatchObject({ name: '王联络（演示）', phone: '13800000000' });
    // The history of the project shows it.
    const h = (await sup.get(`/api/projects/${hongyuan}/history`)).json();
    expect(h.items.some((i: { action: string }) => i.action === 'task_force')).toBe(true);
  });
});

describe('the service standard checklist', () => {
  const item = (key: string) => `/api/projects/${hongyuan}/service-checks/${key}`;

  it('refuses an unknown item, a future date, a stale version and another unit’s reporter', async () => {
    expect((await sup.send('PUT', item('nope'), { doneOn: '2022-08-01', version: 0 })).json()).toMatchObject({ code: 'project.service_item_unknown' });
    expect((await sup.send('PUT', item('one_dispatch'), { doneOn: '2022-09-01', version: 1 })).json()).toMatchObject({ code: 'project.future_date' });
    expect((await sup.send('PUT', item('one_dispatch'), { doneOn: '2022-08-01', version: 0 })).statusCode).toBe(409); // checked already (version 1)
    expect((await donghuan.send('PUT', item('one_dispatch'), { doneOn: '2022-08-01', version: 1 })).statusCode).toBe(403);
    expect((await sup.send('PUT', item('one_dispatch'), { doneOn: '2022/08/01', version: 1 })).statusCode).toBe(400);
  });

  it('the 专班 checks and unchecks an item, audited before and after', async () => {
    const audits = await auditCount('service_check');
    const res = await jinlonghu.send('PUT', item('one_dispatch'), { doneOn: '2022-08-19', note: '8月现场调度会', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ itemKey: 'one_dispatch', checked: true, version: 2 });
    const c = (await detail()).serviceChecklist.find((x: { key: string }) => x.key === 'one_dispatch');
    expect(c).toMatchObject({ doneOn: '2022-08-19', note: '8月现场调度会', checkedByName: expect.any(String), version: 2 });
    const off = await jinlonghu.send('PUT', item('one_dispatch'), { doneOn: null, version: 2 });
    expect(off.json()).toEqual({ itemKey: 'one_dispatch', checked: false, version: 0 });
    expect((await detail()).serviceChecklist.find((x: { key: string }) => x.key === 'one_dispatch').doneOn).toBeNull();
    expect(await auditCount('service_check')).toBe(audits + 2);
    const last = await one<{ before: { doneOn: string } | null; after: { doneOn: string | null } }>(`SELECT before, after FROM audit_log WHERE action = 'service_check' ORDER BY at DESC LIMIT 1`);
    expect(last.before!.doneOn).toBe('2022-08-19');
    expect(last.after.doneOn).toBeNull();
  });

  it('the standard is configured in the project settings (supervisors), items with unique codes', async () => {
    const s = (await sup.get('/api/projects/settings')).json();
    expect(s.serviceItems).toHaveLength(5);
    const items = [...s.serviceItems, { key: 'one_visit', name: '一月一次走访' }];
    expect((await jinlonghu.send('PUT', '/api/projects/settings', { serviceItems: items, version: s.version })).statusCode).toBe(403);
    expect((await sup.send('PUT', '/api/projects/settings', { serviceItems: [...items, { key: 'one_visit', name: '重复' }], version: s.version })).statusCode).toBe(400);
    const ok = await sup.send('PUT', '/api/projects/settings', { serviceItems: items, version: s.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await detail()).serviceChecklist).toHaveLength(6);
    // The stage rules were left as they were.
    expect((await sup.get('/api/projects/settings')).json().stageRules).toEqual(s.stageRules);
  });
});

describe('Excel: the export carries each project’s 专班 and service checks', () => {
  /** The sheet's rows under its header, as text. */
  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const out: string[][] = [];
    ws.eachRow((r, n) => {
      if (n > 1) out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    return out;
  };

  it('reads back: the list first (what an import reads), then 专班 and 服务标准落实 as the project page shows them', async () => {
    const res = await leader.get('/api/projects/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目清单', '专班', '服务标准落实']);
    const team = wb.getWorksheet('专班')!;
    expect((team.getRow(1).values as unknown[]).slice(1)).toEqual(['项目名称', '专班职务', '姓名', '单位', '联系电话', '关联账号']);
    const checks = wb.getWorksheet('服务标准落实')!;
    expect((checks.getRow(1).values as unknown[]).slice(1)).toEqual(['项目名称', '服务事项', '落实日期', '登记人', '说明']);

    const d = await detail();
    const roles: Record<string, string> = { lead: '组长', deputy: '副组长', member: '成员', liaison: '联络员' };
    type Member = { name: string; role: string; unitName: string | null; phone: string; userId: string | null };
    expect(rowsOf(team).filter((r) => r[0] === d.project.name)).toEqual(
      (d.project.taskForce as Member[]).map((m) => [d.project.name, roles[m.role], m.name, m.unitName ?? '', m.phone, m.userId ? '是' : '否']),
    );
    type Check = { name: string; doneOn: string | null; checkedByName: string | null; note: string };
    expect(rowsOf(checks).filter((r) => r[0] === d.project.name)).toEqual(
      (d.serviceChecklist as Check[]).map((c) => [d.project.name, c.name, c.doneOn ?? '未落实', c.checkedByName ?? '', c.note]),
    );
    // Every listed project has its rows: as many check rows as projects × items.
    const listed = rowsOf(wb.getWorksheet('项目清单')!).slice(1).map((r) => r[0]); // the list has a notes row above its header
    expect(listed.sort()).toEqual(['弘元新材料光伏基地', '无包挂领导的项目']);
    expect(rowsOf(checks)).toHaveLength(listed.length * d.serviceChecklist.length);
    expect(new Set(rowsOf(checks).map((r) => r[0]))).toEqual(new Set(listed));
  });

  it('follows the list’s filter: 我的包挂项目 of a leader of none has empty detail sheets', async () => {
    const haLeader = await t.signIn('leader', 'tf2');
    const res = await haLeader.get('/api/projects/export.xlsx?mine=true');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(rowsOf(wb.getWorksheet('专班')!)).toEqual([]);
    expect(rowsOf(wb.getWorksheet('服务标准落实')!)).toEqual([]);
  });
});
