// The hazard register (隐患动态清零) through HTTP, on a zone of the test's own whose hazards
// are registered and worked through the API with the clock moved to each day (the zone
// follows the clock, so its date is 2022-08-31 unless a test moves it): the deadline by
// level, a unit's reporter kept to its own unit, bad input refused with nothing changed,
// evidence on 报结, 复核销号 by the supervisor, the counts 新增 / 已整改 / 剩余, 清零 only
// when the data supports it, and the assessment's 'hazard' loop kind counting real hazards;
// then the daily watch (amber, escalation once per level, 重大 at once, closed silent,
// pinned zones skipped). The demo's own hazards are checked in demo.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAZARD_WATCH_JOB, watchHazards } from '../src/domains/hazards/watch';
import { addDays } from '../src/shared/calendar';
import { tick } from '../src/shared/scheduler';
import { scheduledJobs } from '../src/domains/scheduledJobs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

let t: TestApp;
let z: Zone;
let sup: Client, damiao: Client, donghuan: Client, viewer: Client, leader: Client, admin: Client;
let now = new Date('2022-08-31T02:00:00Z');
/** Moves the clock (and so the zone's date) to 10:00 in China on `iso`. */
const on = (iso: string) => {
  now = new Date(`${iso}T02:00:00Z`);
};
const unitId = async (code: string) => z.unitId(code);
// A 1×1 PNG: real image bytes, as the upload's content check wants.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const MAJOR = '工贸企业粉尘涉爆除尘系统未设泄爆装置';
const GENERAL = '征迁安置户集中信访诉求未化解';
const CLOSED = '城镇燃气管道被违章建筑占压';
const FIRE = '企业消防通道堆放杂物';
const CAMPAIGN = '安全生产百日攻坚行动';

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => now });
  z = await makeZone(t.handle, 'hz', {
    units: [unit('damiao', '大庙街道'), unit('donghuan', '东环街道'), unit('dahuangshan', '大黄山街道'), unit('jinlonghu', '金龙湖街道'), unit('xuzhuang', '徐庄镇', 'town'), unit('jingfa', '经发局', 'department'), unit('ducha', '督查办', 'department')],
  });
  [sup, damiao, donghuan, viewer, leader, admin] = (await Promise.all(
    ['supervisor', z.reporter('damiao'), z.reporter('donghuan'), 'viewer', 'leader', 'admin'].map((u) => t.signIn(u, z.code)),
  )) as [Client, Client, Client, Client, Client, Client];
  const reporters: Record<string, Client> = { damiao, donghuan };
  for (const code of ['dahuangshan', 'jinlonghu', 'xuzhuang']) reporters[code] = await t.signIn(z.reporter(code), z.code);
  on('2022-06-01');
  const campaign = await sup.send('POST', '/api/campaigns', { name: CAMPAIGN, startDate: '2022-08-20', endDate: '2022-11-27' });
  expect(campaign.statusCode, campaign.body).toBe(200);
  // Each hazard found, assigned and worked on its own days: some closed, some open, one 重大 past its deadline.
  const plan: { unit: string; title: string; level: 'general' | 'major'; foundOn: string; reached: 'assigned' | 'rectifying' | { doneOn: string; closedOn?: string }; campaign?: boolean }[] = [
    { unit: 'donghuan', title: '建筑工地塔吊安全监控系统未接入', level: 'general', foundOn: '2022-06-08', reached: { doneOn: '2022-06-16', closedOn: '2022-06-17' } },
    { unit: 'damiao', title: MAJOR, level: 'major', foundOn: '2022-07-11', reached: 'rectifying' },
    { unit: 'dahuangshan', title: '危化品仓库防渗漏措施不到位', level: 'major', foundOn: '2022-08-15', reached: { doneOn: '2022-08-29', closedOn: '2022-08-30' } },
    { unit: 'jinlonghu', title: GENERAL, level: 'general', foundOn: '2022-08-22', reached: 'rectifying' },
    { unit: 'xuzhuang', title: CLOSED, level: 'general', foundOn: '2022-08-25', reached: { doneOn: '2022-08-26' } },
    { unit: 'damiao', title: FIRE, level: 'general', foundOn: '2022-08-29', reached: 'assigned', campaign: true },
  ];
  for (const h of plan) {
    on(h.foundOn);
    const made = await sup.send('POST', '/api/hazards', { title: h.title, category: 'safety', level: h.level, unitId: z.unitId(h.unit), foundOn: h.foundOn, ...(h.campaign ? { campaignId: campaign.json().id } : {}) });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id as string;
    const unitClient = reporters[h.unit]!;
    if (h.reached === 'assigned') continue;
    expect((await act(unitClient, id, { action: 'accept' })).statusCode).toBe(200);
    if (h.reached === 'rectifying') continue;
    on(h.reached.doneOn);
    const photo = (await unitClient.upload('/api/files', `整改照片-${h.title.slice(0, 6)}.png`, PNG)).json();
    expect((await act(unitClient, id, { action: 'report_done', fileIds: [photo.id] })).statusCode).toBe(200);
    if (!h.reached.closedOn) continue;
    on(h.reached.closedOn);
    expect((await act(sup, id, { action: 'verify' })).json().state).toBe('closed');
  }
  on('2022-08-31');
});
afterAll(async () => t.close());

/** Rows that any write would touch: a refused request must leave every count as it was. */
async function footprint() {
  const [r] = await t.handle.query<{ h: number; l: number; e: number; a: number }>(
    `SELECT (SELECT count(*)::int FROM hazards) AS h, (SELECT count(*)::int FROM loop_items) AS l,
            (SELECT count(*)::int FROM loop_events) AS e, (SELECT count(*)::int FROM audit_log) AS a`,
  );
  return r!;
}
const loopVersion = async (hazardId: string) =>
  t.version('loop_items', (await t.handle.query<{ l: string }>('SELECT loop_item_id AS l FROM hazards WHERE id = $1', [hazardId]))[0]!.l);
const act = async (c: Client, id: string, body: object, headers?: Record<string, string>) =>
  c.send('POST', `/api/hazards/${id}/actions`, { ...body, version: await loopVersion(id) }, headers);

describe('the register as built', () => {
  it('counts by unit for the year, one 重大 overdue, the campaign open', async () => {
    const s = (await sup.get('/api/hazards/summary')).json();
    expect(s).toMatchObject({ from: '2022-01-01', to: '2022-08-31' });
    expect(s.total).toEqual({ added: 6, rectified: 2, remaining: 4, majorRemaining: 1, overdue: 1 });
    const damiaoRow = s.byUnit.find((u: { unitName: string }) => u.unitName === '大庙街道');
    expect(damiaoRow).toMatchObject({ added: 2, remaining: 2, majorRemaining: 1, overdue: 1 });
    expect(s.campaigns).toEqual([expect.objectContaining({ name: CAMPAIGN, status: 'open', registered: 1, remaining: 1 })]);
    const overdue = (await sup.get('/api/hazards?overdue=true')).json();
    expect(overdue.items.map((h: { title: string; level: string; light: string }) => [h.title, h.level, h.light])).toEqual([[MAJOR, 'major', 'red']]);
  });
});

describe('registering', () => {
  it('derives the deadline from the level in working days (一般 10, 重大 30)', async () => {
    const general = await sup.send('POST', '/api/hazards', { title: '厂区配电房无挡鼠板', category: 'safety', level: 'general', unitId: await unitId('damiao'), foundOn: '2022-08-29', location: '大庙街道某厂' });
    expect(general.statusCode, general.body).toBe(200);
    // Monday 29 Aug + 10 working days; 中秋 (12 Sep) is a day off.
    expect(general.json()).toMatchObject({ dueOn: '2022-09-13', state: 'assigned' });
    const major = await sup.send('POST', '/api/hazards', { title: '液氨储罐区可燃气体报警装置失效', category: 'safety', level: 'major', unitId: await unitId('damiao'), foundOn: '2022-08-01' });
    expect(major.json()).toMatchObject({ dueOn: '2022-09-13', state: 'assigned' });
    const detail = (await damiao.get(`/api/hazards/${major.json().id}`)).json();
    expect(detail.hazard).toMatchObject({ unitName: '大庙街道', level: 'major', deadline: '2022-09-13', light: 'green' });
    // A unit's own report waits for 交办, with the level's deadline proposed; the supervisor assigns it with that deadline.
    const own = await damiao.send('POST', '/api/hazards', { title: '员工宿舍私拉电线', category: 'safety', level: 'general', unitId: await unitId('damiao'), foundOn: '2022-08-31' });
    expect(own.json()).toMatchObject({ state: 'found', dueOn: '2022-09-15' });
    const assigned = await act(sup, own.json().id, { action: 'assign' });
    expect(assigned.json()).toMatchObject({ state: 'assigned', deadline: '2022-09-15', unitName: '大庙街道' });
  });

  it('refuses bad input with a message in Chinese or English, and changes nothing', async () => {
    const before = await footprint();
    const base = { title: '消防栓无水', category: 'safety', level: 'general', unitId: await unitId('damiao'), foundOn: '2022-08-30' };
    const cases = [
      { ...base, title: '' },
      { ...base, category: 'traffic' },
      { ...base, level: 'huge' },
      { ...base, foundOn: '2022-02-30' },
      { ...base, location: 'x'.repeat(201) },
    ];
    for (const body of cases) {
      const res = await sup.send('POST', '/api/hazards', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/^输入有误/);
    }
    const future = await sup.send('POST', '/api/hazards', { ...base, foundOn: '2022-09-05' });
    expect(future.json()).toEqual({ code: 'hazard.future_found', message: '发现日期2022-09-05晚于业务日期2022-08-31' });
    const en = await sup.send('POST', '/api/hazards', { ...base, foundOn: '2022-09-05' }, { 'x-lang': 'en' });
    expect(en.json().message).toBe('The day found (2022-09-05) is after the business date (2022-08-31)');
    const campaign = await sup.send('POST', '/api/hazards', { ...base, campaignId: '00000000-0000-4000-8000-000000000000' });
    expect(campaign.statusCode).toBe(404);
    expect(await footprint()).toEqual(before);
  });
});

describe('a unit sees and writes only its own hazards', () => {
  let damiaoHazard: string;
  beforeAll(async () => {
    damiaoHazard = (await damiao.get('/api/hazards')).json().items[0].id;
  });
  it('lists only its unit’s hazards; the supervisor and leader see all', async () => {
    const mine = (await damiao.get('/api/hazards?pageSize=100')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((h: { unitName: string }) => h.unitName))).toEqual(new Set(['大庙街道']));
    expect((await donghuan.get('/api/hazards?pageSize=100')).json().items.map((h: { id: string }) => h.id)).not.toContain(damiaoHazard);
    expect((await leader.get('/api/hazards?pageSize=100')).json().total).toBeGreaterThan(mine.total);
    // A reporter's counts are its unit's alone.
    const s = (await donghuan.get('/api/hazards/summary')).json();
    expect(s.byUnit.map((u: { unitName: string }) => u.unitName)).toEqual(['东环街道']);
  });
  it('refuses another unit’s hazard to read, act on or register for, and changes nothing', async () => {
    const before = await footprint();
    expect((await donghuan.get(`/api/hazards/${damiaoHazard}`)).statusCode).toBe(403);
    expect((await act(donghuan, damiaoHazard, { action: 'accept' })).statusCode).toBe(403);
    expect((await donghuan.send('POST', `/api/hazards/${damiaoHazard}/evidence`, { note: '已整改' })).statusCode).toBe(403);
    const res = await donghuan.send('POST', '/api/hazards', { title: '替别的街道登记', category: 'safety', level: 'general', unitId: await unitId('damiao'), foundOn: '2022-08-30' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('无权执行此操作');
    // Read-only roles write nothing.
    expect((await viewer.send('POST', '/api/hazards', { title: '只读用户登记', category: 'safety', level: 'general', unitId: await unitId('jingfa'), foundOn: '2022-08-30' })).statusCode).toBe(403);
    expect((await leader.send('POST', `/api/hazards/${damiaoHazard}/actions`, { action: 'verify', version: 1 })).statusCode).toBe(403);
    expect(await footprint()).toEqual(before);
  });
});

describe('rectify with evidence, 复核销号, counts change', () => {
  it('goes from 交办 to 销号; 报结 needs evidence of the right type; only the supervisor verifies', async () => {
    const made = await sup.send('POST', '/api/hazards', { title: '加油站卸油区静电接地失效', category: 'safety', level: 'general', unitId: await unitId('donghuan'), foundOn: '2022-08-30' });
    const id = made.json().id;
    const before = (await sup.get('/api/hazards/summary')).json().total;
    expect((await act(donghuan, id, { action: 'accept' })).json().state).toBe('rectifying');

    const unchanged = await footprint();
    const bare = await act(donghuan, id, { action: 'report_done', note: '已整改' });
    expect(bare.json()).toMatchObject({ code: 'hazard.evidence_required', message: '报结须上传整改照片或材料' });
    const sheet = (await donghuan.upload('/api/files', '台账.xlsx', Buffer.from('PK\u0003\u0004 not really a workbook'))).json();
    const wrong = await act(donghuan, id, { action: 'report_done', fileIds: [sheet.id] });
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().code).toBe('hazard.evidence_type');
    const notPng = await donghuan.upload('/api/files', 'photo.png', Buffer.from('not an image'));
    expect(notPng.json().code).toBe('file.content');
    // The files uploaded are rows of their own; the hazard and its loop did not move.
    const after = await footprint();
    expect({ ...after, a: 0 }).toEqual({ ...unchanged, a: 0 });
    expect((await sup.get(`/api/hazards/${id}`)).json().hazard.state).toBe('rectifying');

    const photo = await donghuan.upload('/api/files', '整改后.png', PNG);
    expect(photo.statusCode).toBe(200);
    // Another unit's photo cannot be passed off as evidence.
    const alien = (await damiao.upload('/api/files', '别处.png', PNG)).json();
    expect((await act(donghuan, id, { action: 'report_done', fileIds: [alien.id] })).statusCode).toBe(404);
    const done = await act(donghuan, id, { action: 'report_done', note: '已重新敷设接地线并检测合格', fileIds: [photo.json().id] });
    expect(done.json().state).toBe('verifying');
    // The unit cannot close its own hazard.
    const self = await act(donghuan, id, { action: 'verify' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('loop.not_allowed');

    const closed = await act(sup, id, { action: 'verify' });
    expect(closed.json()).toMatchObject({ state: 'closed', closedOn: expect.any(String), light: 'done' });
    const detail = (await sup.get(`/api/hazards/${id}`)).json();
    expect(detail.files.map((f: { name: string }) => f.name)).toEqual(['整改后.png']);
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['raise', 'assign', 'accept', 'report_done', 'verify']);
    const audit = await t.handle.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity IN ('hazard', 'loop.hazard') AND (entity_id = $1 OR entity_id = $2) ORDER BY at`, [id, made.json().loopItemId]);
    expect(audit.map((a) => a.action).sort()).toEqual(['accept', 'assign', 'create', 'raise', 'report_done', 'verify']);

    // 销号 on the zone's date: 已整改 +1, 剩余 -1 as of 2022-08-31.
    const s = (await sup.get('/api/hazards/summary')).json().total;
    expect(s).toMatchObject({ added: before.added, rectified: before.rectified + 1, remaining: before.remaining - 1 });
  });
});

describe('补充整改材料 (evidence while the state stays)', () => {
  it('takes a note with files from the unit while open, refuses it without files or once 销号, and says who may', async () => {
    const made = await sup.send('POST', '/api/hazards', { title: '仓库消防通道堆放杂物', category: 'safety', level: 'general', unitId: await unitId('donghuan'), foundOn: '2022-08-30' });
    const id = made.json().id;
    await act(donghuan, id, { action: 'accept' });
    const may = async (c: Client) => (await c.get(`/api/hazards/${id}`)).json().canAddEvidence;
    expect([await may(donghuan), await may(sup), await may(leader)]).toEqual([true, true, false]);

    const unchanged = await footprint();
    const noFiles = await donghuan.send('POST', `/api/hazards/${id}/evidence`, { note: '已清理一半' });
    expect(noFiles.statusCode).toBe(400);
    expect(noFiles.json()).toMatchObject({ code: 'hazard.evidence_files', message: '补充整改材料须上传至少一张照片或一份材料' });
    expect((await leader.send('POST', `/api/hazards/${id}/evidence`, { note: '领导补充' })).statusCode).toBe(403);
    expect(await footprint()).toEqual(unchanged);

    const photo = (await donghuan.upload('/api/files', '清理中.png', PNG)).json();
    const added = await donghuan.send('POST', `/api/hazards/${id}/evidence`, { note: '通道已清理一半，余下周五前清完', fileIds: [photo.id] });
    expect(added.statusCode, added.body).toBe(200);
    const d = (await sup.get(`/api/hazards/${id}`)).json();
    expect(d.hazard.state).toBe('rectifying');
    expect(d.events.at(-1)).toMatchObject({ action: 'note', note: '通道已清理一半，余下周五前清完', fileIds: [photo.id] });
    expect(d.files.map((f: { name: string }) => f.name)).toEqual(['清理中.png']);

    const after = (await donghuan.upload('/api/files', '清理后.png', PNG)).json();
    await act(donghuan, id, { action: 'report_done', fileIds: [after.id] });
    await act(sup, id, { action: 'verify' });
    expect([await may(donghuan), await may(sup)]).toEqual([false, false]);
    const late = (await donghuan.upload('/api/files', '补拍.png', PNG)).json();
    const refused = await donghuan.send('POST', `/api/hazards/${id}/evidence`, { note: '补拍一张', fileIds: [late.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'hazard.closed', message: '该隐患已销号，不能再补充整改材料' });
    expect((await sup.get(`/api/hazards/${id}`)).json().events.at(-1).action).toBe('verify');
  });
});

describe('清零 per campaign', () => {
  it('says 未登记 when nothing was registered, 未清零 while any is open, 已清零 once all are closed', async () => {
    const c = await sup.send('POST', '/api/campaigns', { name: '安全生产百日清零行动', startDate: '2022-08-20', endDate: '2022-11-27' });
    expect(c.statusCode, c.body).toBe(200);
    const campaignId = c.json().id;
    const status = async () => (await sup.get('/api/hazards/summary')).json().campaigns.find((x: { campaignId: string }) => x.campaignId === campaignId);
    expect(await status()).toMatchObject({ status: 'unregistered', registered: 0, remaining: 0 });

    const made = await sup.send('POST', '/api/hazards', { title: '危化品企业重大危险源监测预警系统离线', category: 'safety', level: 'major', unitId: await unitId('donghuan'), foundOn: '2022-08-31', campaignId });
    const id = made.json().id;
    expect(await status()).toMatchObject({ status: 'open', registered: 1, remaining: 1 });
    expect((await sup.get(`/api/hazards?campaignId=${campaignId}`)).json().items[0]).toMatchObject({ id, campaignName: '安全生产百日清零行动' });

    await act(donghuan, id, { action: 'accept' });
    const photo = (await donghuan.upload('/api/files', '恢复在线.png', PNG)).json();
    await act(donghuan, id, { action: 'report_done', fileIds: [photo.id] });
    expect((await act(sup, id, { action: 'verify' })).json().state).toBe('closed');
    expect(await status()).toMatchObject({ status: 'cleared', registered: 1, remaining: 0 });
    // The campaign now carries a 清零 record: it cannot be deleted.
    const del = await sup.send('DELETE', `/api/campaigns/${campaignId}`);
    expect(del.json()).toEqual({ code: 'conflict.in_use', message: '攻坚行动仍在使用中，不能删除' });
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await sup.get('/api/hazards/summary?from=2022-08-31&to=2022-08-01');
    expect(res.json()).toMatchObject({ code: 'hazard.period' });
  });
});

describe('assessment: the loop kind hazard counts real hazards', () => {
  it('scores 隐患销号 from the register', async () => {
    const made = await sup.send('POST', '/api/assessment/schemes', {
      name: '2022年三季度隐患整改销号考核（测试）',
      periodKind: 'quarter',
      period: '2022-Q3',
      rankingGroup: 'territorial',
      items: [{ key: 'hazards', name: '隐患整改销号', kind: 'loops_closed', weight: '100', loopKinds: ['hazard'], whenNone: '1' }],
    });
    expect(made.statusCode, made.body).toBe(200);
    const r = (await sup.get(`/api/assessment/schemes/${made.json().id}/results`)).json();
    const item = (name: string) => r.units.find((u: { unitName: string }) => u.unitName === name).items[0];
    // 大黄山: its one hazard (危化品仓库) closed in the quarter; 金龙湖: its one still open. Both were
    // raised through the API on the clock's day, as a pinned zone replaying history raises them:
    // the loop item is dated on the zone's clock, so the quarter counts it.
    expect(item('大黄山街道').evidence).toHaveLength(1);
    expect(item('大黄山街道').evidence[0]).toMatch(/危化品仓库防渗漏措施不到位/);
    expect(item('金龙湖街道').evidence).toHaveLength(1);
    expect([item('大黄山街道').points, item('金龙湖街道').points]).toEqual(['100.00', '0.00']);
    expect(item('大黄山街道').explanation).toMatch(/隐患/);
  });
});

describe('the daily watch', () => {
  const sent: string[] = [];
  const fakeFetch = (async (_url: string, init: { body: string }) => {
    sent.push(JSON.parse(init.body).text.content);
    return new Response('{}', { status: 200 });
  }) as unknown as typeof fetch;
  const byTitle = async (title: string) =>
    (await t.handle.query<{ id: string; item: string }>('SELECT h.id, h.loop_item_id AS item FROM hazards h JOIN loop_items l ON l.id = h.loop_item_id WHERE l.title = $1', [title]))[0]!;
  const told = async (item: string) =>
    t.handle.query<{ kind: string; level: string; title: string; link: string; unit: string | null }>(
      `SELECT n.kind, n.level, n.title, n.link, u.name AS unit FROM notifications n LEFT JOIN units u ON u.id = n.unit_id
        WHERE n.kind LIKE 'hazard.%' AND n.dedupe_key LIKE $1 ORDER BY n.created_at, n.dedupe_key`,
      [`hazard:${item}:%`],
    );
  const escalation = async (item: string) => (await t.handle.query<{ e: number }>('SELECT escalation AS e FROM loop_items WHERE id = $1', [item]))[0]!.e;

  it('sends nothing for a zone replaying history (pinned)', async () => {
    // 销号 the hazard awaiting verification while the zone still works on 2022-08-31, then pin the zone there.
    const closed = await byTitle(CLOSED);
    expect((await act(sup, closed.id, { action: 'verify' })).json().state).toBe('closed');
    const pin = await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: '2022-08-31', version: (await admin.get('/api/zone')).json().version });
    expect(pin.statusCode, pin.body).toBe(200);
    // A year on, every open hazard would be overdue — but the zone is pinned.
    const r = await watchHazards(t.handle.db, new Date('2023-09-01T01:00:00Z'), fakeFetch);
    expect(r).toMatchObject({ amber: 0, escalated: 0, notified: 0, webhooks: 0 });
    expect((await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'hazard.%'`))[0]!.n).toBe(0);
  });

  it('judges a live zone at its date: amber the day before, a 重大 hazard 二级督办 on its first day overdue, once', async () => {
    const unpin = await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: null, version: (await admin.get('/api/zone')).json().version });
    expect(unpin.statusCode, unpin.body).toBe(200);
    await t.handle.query(`UPDATE zones SET settings = settings || '{"webhookUrl":"https://oapi.dingtalk.com/robot/send?access_token=test"}' WHERE code = $1`, [z.code]);
    const major = await byTitle(MAJOR);
    // 2022-08-22 23:00 in China: the deadline (30 working days from 07-11) is today.
    const eve = await watchHazards(t.handle.db, new Date('2022-08-22T15:00:00Z'), fakeFetch);
    expect(eve.today).toBe('2022-08-22');
    await watchHazards(t.handle.db, new Date('2022-08-22T15:30:00Z'), fakeFetch);
    expect(await told(major.item)).toEqual([
      { kind: 'hazard.due', level: 'warning', title: `隐患将于2022-08-22到期：${MAJOR}（重大隐患）`, link: `/hazards/${major.id}`, unit: '大庙街道' },
    ]);
    // 01:00 on 08-23 in China (still 08-22 in UTC): one day overdue, straight to level 2.
    const first = await watchHazards(t.handle.db, new Date('2022-08-22T17:00:00Z'), fakeFetch);
    expect(first.today).toBe('2022-08-23');
    expect(await escalation(major.item)).toBe(2);
    const title = `隐患二级督办（逾期1天）：${MAJOR}（重大隐患）`;
    expect((await told(major.item)).slice(1)).toEqual([
      { kind: 'hazard.overdue', level: 'danger', title, link: `/hazards/${major.id}`, unit: null },
      { kind: 'hazard.overdue', level: 'danger', title, link: `/hazards/${major.id}`, unit: '大庙街道' },
    ]);
    expect(sent.filter((s) => s.includes(MAJOR))).toEqual([`【隐患整改督办】${title}\n责任单位：大庙街道；整改时限2022-08-22。`]);
    // The unit and the supervisors read it in the app.
    expect((await damiao.get('/api/notifications')).json().items.some((n: { title: string }) => n.title === title)).toBe(true);
    expect((await sup.get('/api/notifications')).json().items.some((n: { title: string }) => n.title === title)).toBe(true);
    // The bell's grouped view carries the kinds it labels (隐患临期 / 隐患逾期) and the link to the hazard.
    const bell = (await damiao.get('/api/notifications/groups?page=1&pageSize=50')).json().items as { kind: string; link: string | null; title: string }[];
    expect(bell.filter((n) => n.title.includes(MAJOR)).map((n) => [n.kind, n.link]).sort()).toEqual([
      ['hazard.due', `/hazards/${major.id}`],
      ['hazard.overdue', `/hazards/${major.id}`],
      ['loop.hazard_assigned', `/hazards/${major.id}`], // told when it was 交办 on 07-11
    ]);
    expect((await donghuan.get('/api/notifications')).json().items.every((n: { title: string }) => !n.title.includes(MAJOR))).toBe(true);
    // Again the same day and days later: nothing new (level 2 holds until 30 days).
    await watchHazards(t.handle.db, new Date('2022-08-23T05:00:00Z'), fakeFetch);
    await watchHazards(t.handle.db, new Date('2022-08-30T05:00:00Z'), fakeFetch);
    expect(await told(major.item)).toHaveLength(3);
    expect(sent.filter((s) => s.includes(MAJOR))).toHaveLength(1);
    const audits = await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'escalate' AND entity = 'loop.hazard' AND entity_id = $1`, [major.item]);
    expect(audits[0]!.n).toBe(1);
  });

  it('escalates a 一般 hazard once per level: the unit on day 1, the group robot after 7 days; a closed one is silent', async () => {
    const general = await byTitle(GENERAL);
    const closed = await byTitle(CLOSED);
    // 10 working days from 08-22: due 09-05. On 09-06 level 1, the unit and supervisors told, no robot.
    await watchHazards(t.handle.db, new Date('2022-09-06T01:00:00Z'), fakeFetch);
    await watchHazards(t.handle.db, new Date('2022-09-07T01:00:00Z'), fakeFetch);
    expect(await escalation(general.item)).toBe(1);
    const one = (await told(general.item)).filter((n) => n.kind === 'hazard.overdue');
    expect(one.map((n) => [n.title, n.unit])).toEqual([
      [`隐患逾期（逾期1天）：${GENERAL}（一般隐患）`, null],
      [`隐患逾期（逾期1天）：${GENERAL}（一般隐患）`, '金龙湖街道'],
    ]);
    expect(sent.filter((s) => s.includes(GENERAL))).toEqual([]);
    // Eight days late: 二级督办, the robot hears once.
    await watchHazards(t.handle.db, new Date('2022-09-13T01:00:00Z'), fakeFetch);
    await watchHazards(t.handle.db, new Date('2022-09-14T01:00:00Z'), fakeFetch);
    expect(await escalation(general.item)).toBe(2);
    expect((await told(general.item)).filter((n) => n.kind === 'hazard.overdue')).toHaveLength(4);
    expect(sent.filter((s) => s.includes(GENERAL))).toEqual([`【隐患整改督办】隐患二级督办（逾期8天）：${GENERAL}（一般隐患）\n责任单位：金龙湖街道；整改时限2022-09-05。`]);
    const audits = await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'escalate' AND entity_id = $1`, [general.item]);
    expect(audits[0]!.n).toBe(2);
    // The closed one, long past its deadline by now, was never told about.
    expect(await told(closed.item)).toEqual([]);
    expect(await escalation(closed.item)).toBe(0);
    expect(sent.some((s) => s.includes(CLOSED))).toBe(false);
  });

  it('watches a reassigned hazard afresh: the level back to 0, told again once its new deadline passes', async () => {
    const fire = await byTitle(FIRE);
    // Due 2022-09-13 (10 working days from 08-29): warned on the day, level 1 on 09-14.
    expect(await escalation(fire.item)).toBe(1);
    expect((await told(fire.item)).map((n) => n.kind)).toEqual(['hazard.due', 'hazard.overdue', 'hazard.overdue']);
    // The zone is live, at the clock's date: a new deadline lies ahead of it.
    on('2022-09-15');
    const later = addDays('2022-09-15', 20);
    const sup = await t.signIn('supervisor', z.code); // the session of 08-31 has lapsed by now
    const res = await act(sup, fire.id, { action: 'assign', deadline: later });
    expect(res.statusCode, res.body).toBe(200);
    expect(await escalation(fire.item)).toBe(0);
    await watchHazards(t.handle.db, new Date(`${addDays(later, 1)}T01:00:00Z`), fakeFetch);
    await watchHazards(t.handle.db, new Date(`${addDays(later, 1)}T05:00:00Z`), fakeFetch);
    expect(await escalation(fire.item)).toBe(1);
    const overdue = (await told(fire.item)).filter((n) => n.kind === 'hazard.overdue');
    expect(overdue).toHaveLength(4);
    expect(overdue[3]).toMatchObject({ title: '隐患逾期（逾期1天）：企业消防通道堆放杂物（一般隐患）', unit: '大庙街道', link: `/hazards/${fire.id}` });
  });

  it('runs the hazard watch once across processes', async () => {
    const job = scheduledJobs.find((j) => j.name === HAZARD_WATCH_JOB)!;
    const at = new Date('2022-09-15T01:00:00Z');
    const [a, b] = await Promise.all([tick(t.handle.db, [job], at), tick(t.handle.db, [job], at)]);
    expect([...a, ...b]).toEqual([HAZARD_WATCH_JOB]);
  });
});
