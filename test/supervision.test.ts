// Supervision through HTTP: seed 003 pasted in → draft → confirmed tasks on the
// closed loop → progress by lead and supporting units → overdue scan (once,
// deduplicated, webhook) → delay reason and slip count → 督办单 → requests and
// decisions → verified and closed; who may do what; bad input changes nothing. On a zone
// of the test's own (its units, its notice settings); the demo's tasks are checked in demo.test.ts.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDueTasks, SCAN_JOB } from '../src/domains/supervision/scan';
import { tick } from '../src/shared/scheduler';
import { scheduledJobs } from '../src/domains/scheduledJobs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit as unitSpec, type Zone } from './helpers/factories';

const SEED_003 = readFileSync(new URL('../test/fixtures/extract/003.txt', import.meta.url), 'utf8');
const NOW = new Date('2022-08-20T02:00:00Z'); // 2022-08-20 10:00 in China

let t: TestApp;
let sup: Client, damiao: Client, donghuan: Client, jinlonghu: Client, leader: Client, viewer: Client;
const unit: Record<string, string> = {};
let docId = '';
let draft: { items: Array<{ kind: string; text: string; start: number; end: number; deadline: string | null; quantities: Array<{ value: number; unit: string; label: string; atLeast: boolean }>; project: { name: string; investment: { value: number; unit: string } } | null }> };
const task: Record<string, string> = {};

let z: Zone;
beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => NOW });
  z = await makeZone(t.handle, 'dc', {
    units: [
      unitSpec('damiao', '大庙街道'),
      unitSpec('donghuan', '东环街道'),
      unitSpec('jinlonghu', '金龙湖街道'),
      unitSpec('jingfa', '经发局', 'department'),
      unitSpec('zhaoshang', '招商局', 'department'),
      unitSpec('caizheng', '财政局', 'department'),
      unitSpec('zhengqian', '征迁办', 'department'),
      unitSpec('ducha', '督查办', 'department'),
    ],
    reporters: ['damiao', 'donghuan', 'jinlonghu', 'jingfa'],
  });
  for (const c of ['damiao', 'donghuan', 'jinlonghu', 'jingfa', 'zhaoshang', 'caizheng', 'zhengqian']) unit[c] = z.unitId(c);
  [sup, damiao, donghuan, jinlonghu, leader, viewer] = (await Promise.all(
    ['supervisor', z.reporter('damiao'), z.reporter('donghuan'), z.reporter('jinlonghu'), 'leader', 'viewer'].map((u) => t.signIn(u, z.code)),
  )) as [Client, Client, Client, Client, Client, Client];
  // The office's notice settings, as the zone keeps them.
  const admin = await t.signIn('admin', z.code);
  const version = (await admin.get('/api/supervision/settings')).json().version;
  const saved = await admin.send('PUT', '/api/supervision/settings', { amberDays: 3, noticePrefix: '经开督', issuer: '徐州经济技术开发区督查办公室', webhookUrl: null, version });
  expect(saved.statusCode, saved.body).toBe(200);
}, 240_000);
afterAll(async () => t?.close());

const count = async (table: string) => (await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const find = (needle: string) => {
  const it = draft.items.find((i) => i.text.includes(needle));
  if (!it) throw new Error(`no draft item with ${needle}`);
  return it;
};

describe('supervision: from a speech to tasks', () => {
  it('stores seed 003 and drafts its tasks with dates, numbers and projects', async () => {
    // The report gives "8月14日" but no year: the year is asked for.
    const noYear = await sup.send('POST', '/api/supervision/documents', { title: '经开区党工委工作会议讲话', kind: 'speech', body: SEED_003 });
    expect(noYear.json().code).toBe('supervision.year_required');
    const dated = await sup.send('POST', '/api/supervision/extract', { text: '2021年8月10日，区委召开会议。要求9月30日前完成道路改造。' });
    expect(dated.json()).toMatchObject({ year: 2021, items: [expect.objectContaining({ deadline: '2021-09-30' })] });
    const res = await sup.send('POST', '/api/supervision/documents', { title: '经开区党工委工作会议讲话', kind: 'speech', year: 2022, body: SEED_003 });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.document.year).toBe(2022);
    docId = out.document.id;
    draft = out.draft;
    const hz = find('江苏汇智高端工程机械创新中心');
    expect(hz.deadline).toBe('2022-08-31');
    const ewin = find('450项');
    expect(ewin.deadline).toBe('2022-10-31');
    expect(ewin.quantities[0]).toMatchObject({ value: 450, unit: '项' });
    const hongyuan = draft.items.find((i) => i.project?.name === '弘元新材料光伏基地');
    expect(hongyuan?.project?.investment).toEqual({ value: 120, unit: '亿元' });
    const gaoqi = find('净增高新技术企业50家以上');
    expect(gaoqi.quantities).toContainEqual(expect.objectContaining({ value: 50, unit: '家', atLeast: true }));
    // the text offsets point into the stored document
    expect(SEED_003.slice(hz.start, hz.end)).toBe(hz.text);
  });

  it("reads the document's date: a period over by then is reported, not pledged; a date ahead of the zone's, or a year off, stores nothing", async () => {
    const text = '全区今年一季度新开工项目20个，完成投资12亿元。';
    const kinds = async (date?: string) => {
      const res = await sup.send('POST', '/api/supervision/extract', { text, year: 2022, ...(date ? { date } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as typeof draft).items.map((i) => i.kind);
    };
    expect(await kinds('2022-01-10')).toEqual(['task']);
    expect(await kinds('2022-05-10')).toEqual(['result', 'result']);
    const stored = await sup.send('POST', '/api/supervision/documents', { title: '一季度项目建设情况', kind: 'report', year: 2022, issuedOn: '2022-05-10', body: text });
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json().document.issuedOn).toBe('2022-05-10');
    expect(stored.json().draft.items.map((i: { kind: string }) => i.kind)).toEqual(['result', 'result']);
    const again = (await sup.get(`/api/supervision/documents/${stored.json().document.id}`)).json();
    expect(again.document.issuedOn).toBe('2022-05-10');
    expect(again.draft.items.map((i: { kind: string }) => i.kind)).toEqual(['result', 'result']);
    // the zone's date is 2022-08-20: a document cannot be issued after it, nor years from its own year
    const before = await count('supervision_documents');
    const ahead = await sup.send('POST', '/api/supervision/documents', { title: 'x', kind: 'report', year: 2022, issuedOn: '2022-09-01', body: text });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json()).toMatchObject({ code: 'supervision.issued_after_today', message: expect.stringContaining('晚于本区当前日期2022-08-20') });
    const far = await sup.send('POST', '/api/supervision/documents', { title: 'x', kind: 'report', year: 2019, issuedOn: '2022-05-10', body: text }, { 'x-lang': 'en' });
    expect(far.json()).toMatchObject({ code: 'supervision.issued_far_from_year', message: expect.stringContaining('more than a year away from the document year 2019') });
    const bad = await sup.send('POST', '/api/supervision/documents', { title: 'x', kind: 'report', year: 2022, issuedOn: '2022-02-30', body: text });
    expect(bad.statusCode).toBe(400);
    expect((await sup.send('POST', '/api/supervision/extract', { text, date: '2022-09-01' })).json().code).toBe('supervision.issued_after_today');
    expect(await count('supervision_documents')).toBe(before);
  });

  it('refuses the breakdown to reporters and viewers', async () => {
    expect((await damiao.send('POST', '/api/supervision/documents', { title: 'x', kind: 'speech', body: SEED_003 })).statusCode).toBe(403);
    expect((await viewer.send('POST', '/api/supervision/extract', { text: SEED_003 })).statusCode).toBe(403);
  });

  it('confirms all items or none: a task without a lead unit stops the whole batch', async () => {
    const before = await count('supervision_tasks');
    const loopBefore = await count('loop_items');
    const hz = find('江苏汇智');
    const res = await sup.send('POST', `/api/supervision/documents/${docId}/confirm`, {
      items: [
        { kind: 'task', text: hz.text, start: hz.start, end: hz.end, leadUnitId: unit.damiao, deadline: hz.deadline },
        { kind: 'task', text: '无牵头单位', deadline: '2022-09-30' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'supervision.lead_required' });
    expect(res.json().message).toContain('第2项');
    const en = await sup.send('POST', `/api/supervision/documents/${docId}/confirm`, { items: [{ kind: 'task', text: 'x', start: 5, end: 999999, leadUnitId: unit.damiao, deadline: '2022-09-30' }] }, { 'x-lang': 'en' });
    expect(en.json().message).toBe('Item 1: the source position lies outside the document');
    expect(await count('supervision_tasks')).toBe(before);
    expect(await count('loop_items')).toBe(loopBefore);
  });

  it('confirms reviewed items: tasks are assigned on the closed loop, linked to their sentences', async () => {
    const hz = find('江苏汇智');
    const ewin = find('450项');
    const gaoqi = find('净增高新技术企业50家以上');
    const res = await sup.send('POST', `/api/supervision/documents/${docId}/confirm`, {
      items: [
        { kind: 'task', text: hz.text, start: hz.start, end: hz.end, leadUnitId: unit.damiao, supportingUnitIds: [unit.jingfa], leaderName: '张克', deadline: hz.deadline, priority: 'high', campaign: '冲刺100天', cadence: 'dekad' },
        { kind: 'task', text: ewin.text, start: ewin.start, end: ewin.end, leadUnitId: unit.jingfa, leaderName: '王副主任', deadline: ewin.deadline, quantity: { value: 450, unit: '项', label: '“e窗”平台应用范围', atLeast: false }, campaign: '冲刺100天' },
        // the supervisor moved this one's deadline forward to make a point: it is already late
        { kind: 'task', text: gaoqi.text, start: gaoqi.start, end: gaoqi.end, leadUnitId: unit.jinlonghu, supportingUnitIds: [unit.damiao], leaderName: '张克', deadline: '2022-08-15', quantity: { value: '50', unit: '家', label: '净增高新技术企业', atLeast: true } },
        { kind: 'result', text: '完成一般公共预算收入18.56亿元、同比增长36.7%', indicator: '一般公共预算收入', quantity: { value: 18.56, unit: '亿元', label: '一般公共预算收入' }, yoy: 36.7, period: 'H1' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { tasks, results } = res.json();
    expect(tasks).toHaveLength(3);
    expect(results).toHaveLength(1);
    [task.hz, task.ewin, task.gaoqi] = tasks;
    const detail = (await sup.get(`/api/supervision/tasks/${task.hz}`)).json();
    expect(detail.task).toMatchObject({ state: 'assigned', leadUnitName: '大庙街道', deadline: '2022-08-31', light: 'green', standing: 'on_time', priority: 'high', leaderName: '张克' });
    expect(detail.source.text).toBe(hz.text);
    expect(detail.supportingUnits.map((u: { name: string }) => u.name)).toEqual(['经发局']);
    // raised and assigned in one transaction (the two events share a timestamp)
    expect(detail.events.map((e: { action: string }) => e.action).sort()).toEqual(['assign', 'raise']);
    const gq = (await sup.get(`/api/supervision/tasks/${task.gaoqi}`)).json().task;
    expect(gq).toMatchObject({ light: 'red', standing: 'late', quantityTarget: '50', quantityUnit: '家', atLeast: true });
    const ew = (await sup.get(`/api/supervision/tasks/${task.ewin}`)).json().task;
    expect(ew.quantityTarget).toBe('450');
    const doc = (await sup.get(`/api/supervision/documents/${docId}`)).json();
    expect(doc.confirmed).toHaveLength(3);
    expect(doc.results).toHaveLength(1);
  });
});

describe('supervision: who the text names, slogans and duplicates', () => {
  it('fills 牵头单位, 配合单位 and 责任领导 from the text, drops a rallying call, flags an existing task', async () => {
    const text =
      '2022年8月20日会议要求：9月30日前完成金龙湖片区道路改造（牵头单位：征迁办；配合单位：金龙湖街道、财政局；责任领导：张克）。' +
      '要决战冲刺100天，全力完成主要目标任务。由招商局牵头，10月底前新签约亿元以上项目5个。8月底前完成江苏汇智高端工程机械创新中心建设。';
    const res = await sup.send('POST', '/api/supervision/extract', { text, year: 2022 });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ text: string; leadUnitId: string | null; supportingUnitIds: string[]; leaderName: string | null; duplicateOf: { id: string; text: string } | null }>;
    expect(items.map((i) => i.text)).toEqual([
      '9月30日前完成金龙湖片区道路改造',
      '10月底前新签约亿元以上项目5个',
      '8月底前完成江苏汇智高端工程机械创新中心建设',
    ]);
    expect(items[0]).toMatchObject({ leadUnitId: unit.zhengqian, supportingUnitIds: [unit.jinlonghu, unit.caizheng], leaderName: '张克', duplicateOf: null });
    expect(items[1]).toMatchObject({ leadUnitId: unit.zhaoshang, duplicateOf: null });
    // the zone already tracks this task (seed 003's, confirmed above): flagged with its id
    expect(items[2]!.duplicateOf).toMatchObject({ id: task.hz, text: expect.stringContaining('江苏汇智') });
    const [dupTask] = await t.handle.query<{ text: string }>(`SELECT text FROM supervision_tasks WHERE id = $1`, [items[2]!.duplicateOf!.id]);
    expect(dupTask!.text).toContain('江苏汇智');
  });
});

describe('supervision: units at work', () => {
  it('lets the lead and supporting units report, and nobody else', async () => {
    const r1 = await damiao.send('POST', `/api/supervision/tasks/${task.hz}/progress`, { body: '主体结构完工，正在内部装修', percent: 70 });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ role: 'lead', period: '2022-08-2' });
    // the lead's first report takes the task on
    expect((await damiao.get(`/api/supervision/tasks/${task.hz}`)).json().task).toMatchObject({ state: 'rectifying', percent: '70', reportDue: false });
    const jf = await t.signIn(z.reporter('jingfa'), z.code);
    expect((await jf.send('POST', `/api/supervision/tasks/${task.hz}/progress`, { body: '已协调设备采购资金' })).json().role).toBe('supporting');
    // a supporting unit does not move the lead's figures
    expect((await sup.get(`/api/supervision/tasks/${task.hz}`)).json().task.percent).toBe('70');
    // another sub-district neither sees nor writes it
    expect((await donghuan.get(`/api/supervision/tasks/${task.hz}`)).statusCode).toBe(404);
    expect((await donghuan.send('POST', `/api/supervision/tasks/${task.hz}/progress`, { body: 'x' })).statusCode).toBe(404);
    expect((await donghuan.get(`/api/supervision/tasks?documentId=${docId}`)).json().items).toEqual([]);
    // a leader reads everything but reports nothing
    expect((await leader.send('POST', `/api/supervision/tasks/${task.hz}/progress`, { body: 'x' })).statusCode).toBe(403);
    expect((await leader.get(`/api/supervision/tasks?documentId=${docId}`)).json().total).toBe(3);
  });

  it('rejects bad progress without changing anything', async () => {
    const before = await count('supervision_progress');
    expect((await damiao.send('POST', `/api/supervision/tasks/${task.hz}/progress`, { body: '', percent: 70 })).statusCode).toBe(400);
    expect((await damiao.send('POST', `/api/supervision/tasks/${task.hz}/progress`, { body: 'x', percent: 170 })).statusCode).toBe(400);
    const foreignFile = '00000000-0000-4000-8000-000000000000';
    const r = await damiao.send('POST', `/api/supervision/tasks/${task.hz}/progress`, { body: 'x', fileIds: [foreignFile] });
    expect(r.json().code).toBe('supervision.files');
    expect(await count('supervision_progress')).toBe(before);
  });

  it('counts reported quantities against the target', async () => {
    const jf = await t.signIn(z.reporter('jingfa'), z.code);
    const r = await jf.send('POST', `/api/supervision/tasks/${task.ewin}/progress`, { body: '已上线事项412项', reached: 412 });
    expect(r.statusCode, r.body).toBe(200);
    expect((await sup.get(`/api/supervision/tasks/${task.ewin}`)).json().task).toMatchObject({ reached: '412', quantityTarget: '450' });
  });
});

describe('supervision: deadlines', () => {
  it('scans once a day: warnings per task and light, a slip recorded, one robot message', async () => {
    await t.handle.query(`UPDATE zones SET settings = settings || '{"webhookUrl":"https://oapi.dingtalk.com/robot/send?access_token=test"}' WHERE code = $1`, [z.code]);
    const sent: string[] = [];
    const fakeFetch = (async (_url: string, init: { body: string }) => {
      sent.push(JSON.parse(init.body).text.content);
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    // 2022-08-29: 汇智 (08-31) is amber, 高企 (08-15) red
    const day = new Date('2022-08-29T01:00:00Z');
    const first = await scanDueTasks(t.handle.db, day, fakeFetch);
    expect(first).toMatchObject({ webhooks: 1 });
    const keys = (await t.handle.query<{ k: string }>(`SELECT dedupe_key AS k FROM notifications WHERE dedupe_key LIKE 'supervision:%:2022-08-29:%'`)).map((r) => r.k);
    expect(keys).toEqual(expect.arrayContaining([`supervision:${task.hz}:2022-08-29:amber`, `supervision:${task.gaoqi}:2022-08-29:red`, `supervision:${task.gaoqi}:2022-08-29:red:office`]));
    expect(keys).not.toContain(`supervision:${task.ewin}:2022-08-29:amber`); // due 10-31: nothing yet
    expect(sent[0]).toContain('金龙湖街道');
    expect(sent[0]).toContain('大庙街道');
    const again = await scanDueTasks(t.handle.db, day, fakeFetch);
    expect(again).toMatchObject({ notified: 0, webhooks: 0 });
    expect(sent).toHaveLength(1);
    const notes = (await jinlonghu.get('/api/notifications')).json();
    expect(notes.items.some((n: { title: string; level: string }) => n.level === 'danger' && n.title.startsWith('任务逾期14天'))).toBe(true);
    // damiao is not told about jinlonghu's task
    expect((await damiao.get('/api/notifications')).json().items.every((n: { title: string }) => !n.title.includes('高新技术'))).toBe(true);
    expect((await sup.get(`/api/supervision/tasks/${task.gaoqi}`)).json().task.slipCount).toBe(1);
  });

  it('runs the scheduled scan once across processes', async () => {
    const job = scheduledJobs.find((j) => j.name === SCAN_JOB)!;
    expect(job).toBeTruthy();
    const at = new Date('2022-08-30T01:00:00Z');
    const [a, b] = await Promise.all([tick(t.handle.db, [job], at), tick(t.handle.db, [job], at)]);
    expect([...a, ...b]).toEqual([SCAN_JOB]);
  });

  it('records the reason for a delay, by the lead unit only, on a late task only', async () => {
    expect((await damiao.send('POST', `/api/supervision/tasks/${task.gaoqi}/delay-reason`, { reason: 'x', version: 1 })).json().code).toBe('supervision.lead_only');
    expect((await damiao.send('POST', `/api/supervision/tasks/${task.hz}/delay-reason`, { reason: 'x', version: 1 })).json().code).toBe('supervision.not_late');
    const r = await jinlonghu.send('POST', `/api/supervision/tasks/${task.gaoqi}/delay-reason`, { reason: '申报系统8月下旬才开放，材料已备齐', version: 1 });
    expect(r.statusCode, r.body).toBe(200);
    const d = (await sup.get(`/api/supervision/tasks/${task.gaoqi}`)).json();
    expect(d.delays).toEqual([expect.objectContaining({ missedDeadline: '2022-08-15', reason: '申报系统8月下旬才开放，材料已备齐' })]);
    expect(d.task.slipCount).toBe(1);
  });

  it('issues a numbered 督办单 on a late task, as a Word document', async () => {
    const notLate = await sup.send('POST', `/api/supervision/tasks/${task.hz}/notices`, { requirements: '抓紧办理', requiredBy: '2022-08-25' });
    expect(notLate.statusCode).toBe(409);
    expect((await damiao.send('POST', `/api/supervision/tasks/${task.gaoqi}/notices`, { requirements: 'x', requiredBy: '2022-08-25' })).statusCode).toBe(403);
    const r = await sup.send('POST', `/api/supervision/tasks/${task.gaoqi}/notices`, { requirements: '一、倒排申报计划\n二、每周报送进展', requiredBy: '2022-08-25' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ issuedOn: '2022-08-20', issuer: '徐州经济技术开发区督查办公室' });
    // The zone's first notice of the year, then the next number.
    expect(r.json()).toMatchObject({ seq: 1, number: '经开督〔2022〕1号' });
    const second = await sup.send('POST', `/api/supervision/tasks/${task.gaoqi}/notices`, { requirements: '再次督办', requiredBy: '2022-08-26' });
    expect(second.json().number).toBe('经开督〔2022〕2号');
    const doc = await jinlonghu.get(`/api/supervision/notices/${r.json().id}/docx`);
    expect(doc.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(doc.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of [r.json().number, '金龙湖街道：', '督 办 单', '2022年8月15日', '已逾期5天', '申报系统8月下旬才开放', '倒排申报计划', '（印章）', '方正小标宋简体', '仿宋_GB2312']) expect(xml).toContain(s);
    expect(xml).toContain('w:w="11906"'); // A4
    expect(await zip.file('word/fontTable.xml')!.async('string')).toContain('<w:altName w:val="SimSun"/>');
    // another unit cannot fetch it
    expect((await donghuan.get(`/api/supervision/notices/${r.json().id}/docx`)).statusCode).toBe(404);
    expect((await jinlonghu.get('/api/notifications')).json().items.some((n: { title: string }) => n.title.startsWith(`督办单 ${r.json().number}`))).toBe(true);
  });
});

describe('supervision: requests and decisions', () => {
  it('rewords a task on approval and keeps the decision', async () => {
    const bad = await jinlonghu.send('POST', `/api/supervision/tasks/${task.gaoqi}/requests`, { kind: 'reword', body: '口径调整' });
    expect(bad.json().code).toBe('supervision.proposed_text');
    const r = await jinlonghu.send('POST', `/api/supervision/tasks/${task.gaoqi}/requests`, { kind: 'reword', body: '按认定批次口径', proposedText: '年内净增高新技术企业50家以上（以省认定批次为准）' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await jinlonghu.send('POST', `/api/supervision/tasks/${task.gaoqi}/requests`, { kind: 'reword', body: 'x', proposedText: 'y' })).json().code).toBe('supervision.request_pending');
    expect((await jinlonghu.send('POST', `/api/supervision/requests/${r.json().id}/decision`, { approve: true, note: 'x', version: r.json().version })).statusCode).toBe(403);
    expect((await sup.get('/api/supervision/requests')).json().total).toBe(1);
    const d = await sup.send('POST', `/api/supervision/requests/${r.json().id}/decision`, { approve: true, note: '同意按认定批次口径', version: r.json().version });
    expect(d.json()).toMatchObject({ status: 'approved', decisionNote: '同意按认定批次口径' });
    expect((await sup.send('POST', `/api/supervision/requests/${r.json().id}/decision`, { approve: false, note: 'x', version: r.json().version })).json().code).toBe('supervision.request_decided');
    const detail = (await sup.get(`/api/supervision/tasks/${task.gaoqi}`)).json();
    expect(detail.task.text).toBe('年内净增高新技术企业50家以上（以省认定批次为准）');
    expect(detail.requests[0]).toMatchObject({ kind: 'reword', status: 'approved' });
  });

  it('accepting an explanation takes a late task out of the late count', async () => {
    const r = await jinlonghu.send('POST', `/api/supervision/tasks/${task.gaoqi}/requests`, { kind: 'explain', body: '省级认定时间调整，非主观原因' });
    const before = (await sup.get(`/api/supervision/summary?by=unit&documentId=${docId}`)).json().totals.late;
    await sup.send('POST', `/api/supervision/requests/${r.json().id}/decision`, { approve: true, note: '情况属实，予以说明', version: r.json().version });
    const after = (await sup.get(`/api/supervision/summary?by=unit&documentId=${docId}`)).json().totals.late;
    expect(after).toBe(before - 1);
    expect((await sup.get(`/api/supervision/tasks/${task.gaoqi}`)).json().task).toMatchObject({ explained: true, standing: 'on_time', light: 'red' });
  });
});

describe('supervision: closing and views', () => {
  it('is reported done by the lead, verified and closed by the supervisor', async () => {
    const item = (await sup.get(`/api/supervision/tasks/${task.hz}`)).json().task.loopItemId;
    expect((await damiao.send('POST', `/api/loop/items/${item}/actions`, { action: 'report_done', note: '已建成并通过验收', version: await t.version('loop_items', item) })).json().state).toBe('verifying');
    expect((await damiao.send('POST', `/api/loop/items/${item}/actions`, { action: 'verify', version: await t.version('loop_items', item) })).statusCode).toBe(403);
    expect((await sup.send('POST', `/api/loop/items/${item}/actions`, { action: 'verify', version: await t.version('loop_items', item) })).json().state).toBe('closed');
    expect((await damiao.send('POST', `/api/supervision/tasks/${task.hz}/progress`, { body: 'x' })).json().code).toBe('supervision.closed');
    expect((await sup.get(`/api/supervision/tasks/${task.hz}`)).json().task).toMatchObject({ state: 'closed', light: 'done', standing: 'closed' });
  });

  it('counts by unit, leader, campaign and deadline month', async () => {
    const byUnit = (await sup.get(`/api/supervision/summary?by=unit&documentId=${docId}`)).json();
    expect(byUnit.totals).toEqual({ total: 3, onTime: 2, amber: 0, late: 0, closed: 1 });
    expect(byUnit.groups.map((g: { label: string }) => g.label)).toEqual(['大庙街道', '金龙湖街道', '经发局']);
    const byLeader = (await sup.get(`/api/supervision/summary?by=leader&documentId=${docId}`)).json();
    expect(byLeader.groups.find((g: { key: string }) => g.key === '张克')).toMatchObject({ total: 2, closed: 1 });
    const byCampaign = (await sup.get(`/api/supervision/summary?by=campaign&documentId=${docId}`)).json();
    expect(byCampaign.groups.find((g: { key: string }) => g.key === '冲刺100天')).toMatchObject({ total: 2 });
    const byMonth = (await sup.get(`/api/supervision/summary?by=deadline&documentId=${docId}`)).json();
    expect(byMonth.groups.map((g: { key: string }) => g.key)).toEqual(['2022-08', '2022-10']);
    // the reporter's view counts only what it may see
    expect((await damiao.get(`/api/supervision/summary?by=unit&documentId=${docId}`)).json().totals.total).toBe(2);
    // lists filter by view
    expect((await sup.get(`/api/supervision/tasks?documentId=${docId}&leader=${encodeURIComponent('张克')}`)).json().total).toBe(2);
    expect((await sup.get(`/api/supervision/tasks?documentId=${docId}&standing=closed`)).json().items.map((x: { id: string }) => x.id)).toEqual([task.hz]);
    expect((await sup.get(`/api/supervision/tasks?documentId=${docId}&unitId=${unit.jingfa}`)).json().total).toBe(2); // lead of one, supporting on another
  });

  it('audits every change', async () => {
    const rows = await t.handle.query<{ entity: string }>(`SELECT DISTINCT entity FROM audit_log WHERE entity LIKE 'supervision.%' ORDER BY 1`);
    expect(rows.map((r) => r.entity)).toEqual(
      expect.arrayContaining(['supervision.document', 'supervision.task', 'supervision.result', 'supervision.progress', 'supervision.delay', 'supervision.request', 'supervision.notice']),
    );
  });
});

describe('supervision: a zone replaying history (pinned)', () => {
  it('stamps progress reports, requests and decisions on its pinned day, not the server’s', async () => {
    const admin = await t.signIn('admin', z.code);
    const pin = await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: '2022-08-19', version: (await admin.get('/api/zone')).json().version });
    expect(pin.statusCode, pin.body).toBe(200);
    try {
      const jf = await t.signIn(z.reporter('jingfa'), z.code);
      const p = await jf.send('POST', `/api/supervision/tasks/${task.ewin}/progress`, { body: '已上线事项430项', reached: 430 });
      expect(p.statusCode, p.body).toBe(200);
      const r = await jinlonghu.send('POST', `/api/supervision/tasks/${task.gaoqi}/requests`, { kind: 'long_term', body: '需跨年度推进' });
      expect(r.statusCode, r.body).toBe(200);
      const d = await sup.send('POST', `/api/supervision/requests/${r.json().id}/decision`, { approve: false, note: '年内须完成', version: r.json().version });
      expect(d.statusCode, d.body).toBe(200);
      const day = (col: string) => `to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
      const [progress] = await t.handle.query<{ on: string; last: string }>(
        `SELECT ${day('p.created_at')} AS on, ${day('t.last_report_at')} AS last FROM supervision_progress p JOIN supervision_tasks t ON t.id = p.task_id WHERE p.id = $1`,
        [p.json().id],
      );
      expect(progress).toEqual({ on: '2022-08-19', last: '2022-08-19' });
      const [request] = await t.handle.query<{ made: string; decided: string }>(`SELECT ${day('created_at')} AS made, ${day('decided_at')} AS decided FROM supervision_requests WHERE id = $1`, [r.json().id]);
      expect(request).toEqual({ made: '2022-08-19', decided: '2022-08-19' });
    } finally {
      await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: null, version: (await admin.get('/api/zone')).json().version });
    }
  });
});
