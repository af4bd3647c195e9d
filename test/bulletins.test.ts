// Bulletins through HTTP: seed 001's figures (huaian, 2023 1–6月) drafted into
// the lead paragraph exactly; the job's progress; edit, publish (frozen);
// Word and Excel downloads that open (unzipped and parsed here); roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { settleJobs } from '../src/shared/jobs';
import { testApp, type Client, type TestApp } from './helpers/app';

/** Seed 001's first paragraph, verbatim: the newspaper's half-width commas and semicolons, cut off with '……'. */
const SEED_001 =
  '今年上半年,完成一般公共预算收入18.56亿元、同比增长36.7%,税占比93.25%;新签约外资项目10个、计划总投资57.7亿元;预计完成进出口总额83.04亿元,其中出口57.6亿元、同比增长5.2%;新签约亿元以上项目49个、计划总投资280.63亿元……';
const official = (s: string) => s.replace(/,/g, '，').replace(/;/g, '；').replace(/……$/, '。');
/** The half-year's verdict after seed 001's figures: every Huai'an indicator with a target is past half. */
const DOUBLE_HALF = '有年度目标的7项总量指标均实现“时间过半、任务过半”。';
const LEAD = official(SEED_001) + DOUBLE_HALF;
const FIGURES = ['18.56亿元', '36.7%', '93.25%', '10个', '57.7亿元', '83.04亿元', '57.6亿元', '5.2%', '49个', '280.63亿元'];

let t: TestApp;
let sup: Client, leader: Client, viewer: Client, reporter: Client, xzSup: Client;

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2023-07-16T02:00:00Z') });
  [sup, leader, viewer, reporter, xzSup] = await Promise.all([
    t.signIn('supervisor', 'huaian'),
    t.signIn('leader', 'huaian'),
    t.signIn('viewer', 'huaian'),
    t.signIn('ha-bochi', 'huaian'),
    t.signIn('supervisor', 'xuzhou'),
  ]);
}, 240_000);
afterAll(async () => t.close());

async function draft(c: Client, body: object) {
  const res = await c.send('POST', '/api/bulletins', body);
  expect(res.statusCode, res.body).toBe(200);
  await settleJobs();
  const job = (await c.get(`/api/jobs/${res.json().jobId}`)).json();
  expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
  expect(job.progress).toBe(100);
  return (await c.get(`/api/bulletins/${job.result.bulletinId}`)).json();
}

const unzip = async (buf: Buffer) => JSZip.loadAsync(buf);

describe('drafting', () => {
  let h1: { id: string; lead: string; title: string; issueNo: string; version: number; content: { indicators: unknown[]; figureMonth: string } };

  it('states every figure of seed 001’s first paragraph exactly (2023-H1 and 2023-06)', async () => {
    h1 = await draft(sup, { period: '2023-H1' });
    expect(h1.lead).toBe(LEAD);
    expect(h1.title).toBe('关于2023年上半年目标任务推进情况的通报');
    expect(h1.issueNo).toBe('2023年第1期');
    expect(h1.content.figureMonth).toBe('2023-06');
    const june = await draft(sup, { period: '2023-06' });
    for (const f of FIGURES) expect(june.lead).toContain(f);
    expect(june.lead).toBe(LEAD);
    expect(june.title).toBe('关于2023年1-6月目标任务推进情况的通报');
    expect(june.issueNo).toBe('2023年第2期');
  });

  it('refuses a bad period before starting, in Chinese and English; reporters and the leader cannot draft', async () => {
    const bad = await sup.send('POST', '/api/bulletins', { period: '2023-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('通报周期“2023-13”无效');
    const en = await sup.send('POST', '/api/bulletins', { period: '2023-Q5' }, { 'x-lang': 'en' });
    expect(en.json().message).toContain('Invalid bulletin period "2023-Q5"');
    expect((await sup.send('POST', '/api/bulletins', {})).statusCode).toBe(400);
    expect((await reporter.send('POST', '/api/bulletins', { period: '2023-06' })).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/bulletins', { period: '2023-06' })).statusCode).toBe(403);
  });

  it('drafts are the zone-wide roles’ only; another zone sees nothing', async () => {
    expect((await leader.get(`/api/bulletins/${h1.id}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/bulletins/${h1.id}`)).statusCode).toBe(404);
    expect((await viewer.get('/api/bulletins')).json().items).toEqual([]);
    expect((await xzSup.get(`/api/bulletins/${h1.id}`)).statusCode).toBe(404);
  });

  it('edits, publishes (frozen), and downloads a Word file in official layout and an Excel file with the same tables', async () => {
    const lead = `${h1.lead}\n全区上下要咬定全年目标，打好打赢“大干三季度、决胜下半年”攻坚战。`;
    const edit = { title: h1.title, issueNo: '淮开督〔2023〕7号', lead, closing: '各单位要对照序时进度查漏补缺。\n督查办将持续跟踪督办。' };
    expect((await reporter.send('PUT', `/api/bulletins/${h1.id}`, { ...edit, version: h1.version })).statusCode).toBe(403);
    expect((await sup.send('PUT', `/api/bulletins/${h1.id}`, { ...edit, lead: '' })).statusCode).toBe(400);
    expect((await sup.send('PUT', `/api/bulletins/${h1.id}`, { ...edit, version: h1.version + 5 })).statusCode).toBe(409);
    const saved = await sup.send('PUT', `/api/bulletins/${h1.id}`, { ...edit, version: h1.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().lead).toBe(lead);

    const charts = (await leader.get(`/api/bulletins/${h1.id}/charts`)).json();
    expect(Array.isArray(charts)).toBe(true);

    const pub = await sup.send('POST', `/api/bulletins/${h1.id}/publish`, { version: await t.version('bulletins', h1.id) });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().state).toBe('published');
    expect((await sup.send('PUT', `/api/bulletins/${h1.id}`, { ...edit, version: saved.json().version })).statusCode).toBe(409);
    expect((await sup.send('POST', `/api/bulletins/${h1.id}/publish`, { version: await t.version('bulletins', h1.id) })).statusCode).toBe(409);
    expect((await sup.send('DELETE', `/api/bulletins/${h1.id}`)).statusCode).toBe(409);
    const audit = await t.handle.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'bulletin' AND entity_id = $1 ORDER BY at, action`, [h1.id]);
    expect(audit.map((a) => a.action), JSON.stringify(audit)).toEqual(['create', 'update', 'publish']);

    // The viewer reads the published bulletin and its files.
    const docx = await viewer.get(`/api/bulletins/${h1.id}/download?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('关于2023年上半年目标任务推进情况的通报.docx');
    const zip = await unzip(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(LEAD);
    expect(text).toContain('淮开督〔2023〕7号');
    expect(text).toContain('一、主要指标完成情况');
    expect(text).toContain('各单位要对照序时进度查漏补缺。');
    expect(xml).toContain('w:w="11906"'); // A4 width in twips
    expect(xml).toContain('w:h="16838"');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toMatch(/w:sz w:val="44"/); // 2号 title, 22 pt
    expect(xml).toMatch(/w:sz w:val="32"/); // 3号 body, 16 pt
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    expect(await zip.file(footers[0]!)!.async('string')).toContain('PAGE');

    const xlsx = await viewer.get(`/api/bulletins/${h1.id}/download?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('通报');
    expect(String(wb.getWorksheet('通报')!.getCell('A4').value)).toBe(LEAD);
    // Huai'an's figures are the zone's own (no unit rows): one table of the zone's indicators;
    // it has no projects and no tasks, so no sheets for them.
    expect(h1.content.indicators).toEqual([]);
    expect(names).toEqual(['通报', '全区主要指标']);
    const zone = wb.getWorksheet('全区主要指标')!;
    // Numbers are numbers, shown as printed.
    expect(zone.getRow(3).values).toEqual([undefined, '一般公共预算收入', '亿元', 18.56, 36.7, 34, 0.546, 0.496, 5]);
    expect(zone.getRow(3).getCell(6).numFmt).toBe('0.0%');
    expect(zone.getRow(3).getCell(8).numFmt).toBe('+0.0;-0.0;0.0');
    expect(text).toContain('全区主要指标完成情况（1-6月）');
  });
});

describe('xuzhou 2022 Q3: indicators by unit, projects, tasks and the assessment ranking', () => {
  it('has tables by unit with ranks, and the published competition with its red flag, in Word and Excel', async () => {
    const b = await draft(xzSup, { period: '2022-Q3' });
    const c = b.content;
    expect(c.figureMonth).toBe('2022-09');
    expect(c.ranking.schemeName).toContain('三季度');
    const flag = c.ranking.rows.filter((r: { redFlag: boolean }) => r.redFlag);
    expect(flag.map((r: { unitName: string }) => r.unitName)).toEqual(['大庙街道']);
    const docx = await xzSup.get(`/api/bulletins/${b.id}/download?format=docx`);
    const zip = await unzip(docx.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('督 查 通 报（草稿）');
    expect(text).toContain('考核排名情况');
    expect(text).toContain('大庙街道综合得分位列第一，授予“流动红旗”');
    const pngs = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    const xlsx = await xzSup.get(`/api/bulletins/${b.id}/download?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rank = wb.getWorksheet('考核排名')!;
    expect(rank.getRow(2).values).toEqual([undefined, '排名', '单位', '综合得分', '较上期', '流动红旗']);
    expect(rank.getRow(3).getCell(2).value).toBe('大庙街道');
    expect(rank.getRow(3).getCell(5).value).toBe('★');
  });
});

const docxText = async (buf: Buffer) => ((await (await unzip(buf)).file('word/document.xml')!.async('string')) as string).replace(/<[^>]+>/g, '');
const headings = (text: string) => text.match(/[一二三四五六七八九十]、(主要指标完成情况|重点项目推进情况|督查督办情况|批示落实情况|隐患排查整治情况|考核排名情况|存在问题|下步工作要求)/g) ?? [];

describe('truth: a bulletin says only what the data supports', () => {
  it('huaian 2023-H1: no projects or tasks sections, 双过半, every figure as the cockpit has it, 版记', async () => {
    const b = await draft(sup, { period: '2023-H1' });
    expect(b.lead.endsWith(DOUBLE_HALF)).toBe(true);
    // Every zone figure is the cockpit's row, digit for digit (税占比's completion included).
    const cockpit = (await leader.get('/api/cockpit?period=2023-06')).json();
    const rows = new Map(cockpit.indicators.map((r: { code: string }) => [r.code, r]));
    for (const f of b.content.zoneFigures) {
      const r = rows.get(f.code) as Record<string, unknown>;
      expect({ code: f.code, value: f.value, yoy: f.yoy, target: f.target, completion: f.completion, expectedShare: f.expectedShare, gap: f.gap }).toEqual({
        code: f.code, value: r.value, yoy: r.yoy, target: r.floor, completion: r.completion, expectedShare: r.expectedShare, gap: r.gap,
      });
    }
    const share = b.content.zoneFigures.find((f: { code: string }) => f.code === 'tax_share');
    expect(share.completion).toBe('103.6');
    expect(b.content.projects).toBeNull();
    expect(b.content.tasks).toBeNull();
    // Nothing lags: no 存在问题, and no requirements drafted to fill the gap.
    expect(b.closing).toBe('');
    expect(b.copyTo).toEqual(['区党工委、管委会领导']);
    expect(b.printOffice).toBe('淮安经济技术开发区督查办公室');

    const edit = { title: b.title, issueNo: '', lead: b.lead, closing: '一要巩固领先优势。', copyTo: ['区党工委、管委会领导', '各镇（街道）、各部门'], printOffice: '淮安经开区督查办', printDate: '2023-07-17', version: b.version };
    const saved = await sup.send('PUT', `/api/bulletins/${b.id}`, edit);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ copyTo: edit.copyTo, printOffice: '淮安经开区督查办', printDate: '2023-07-17' });
    const text = await docxText((await sup.get(`/api/bulletins/${b.id}/download?format=docx`)).rawPayload);
    expect(text).not.toMatch(/无滞后项目|无逾期任务|均按计划推进|均在时限内/);
    expect(text).toContain('截至2023年6月30日，时间进度49.6%。有年度目标的8项指标均达到或快于序时进度。');
    expect(text).toContain('税占比%93.25—90.00103.6%100.0%+3.6');
    // Huai'an registered three hazards in May and June: the section says them, and no 清零.
    expect(headings(text)).toEqual(['一、主要指标完成情况', '二、隐患排查整治情况', '三、下步工作要求']);
    expect(text).toContain('本期新增隐患3处，整改销号1处；截至2023年6月30日，剩余2处（其中重大隐患1处）。');
    expect(text).not.toContain('实现动态清零');
    expect(text).toContain('抄送：区党工委、管委会领导，各镇（街道）、各部门。');
    expect(text).toContain('淮安经开区督查办\t2023年7月17日印发');
    // Publishing keeps the 印发日期 given; one left empty is the publishing date.
    const pub = await sup.send('POST', `/api/bulletins/${b.id}/publish`, { version: await t.version('bulletins', b.id) });
    expect(pub.json().printDate).toBe('2023-07-17');
    const other = await draft(sup, { period: '2023-06' });
    expect((await sup.send('POST', `/api/bulletins/${other.id}/publish`, { version: await t.version('bulletins', other.id) })).json().printDate).toBe('2023-07-16');
  }, 120_000);

  it('xuzhou 2022-H1: projects and tasks said, 存在问题 names 徐庄镇 with its gaps, a requirements draft, consecutive sections', async () => {
    const b = await draft(xzSup, { period: '2022-H1' });
    expect(b.content.projects).toMatchObject({ year: 2022, total: 11 });
    expect(b.content.tasks).toEqual({ total: 18, closed: 16, overdue: 2 });
    const xuzhuang = b.content.problems.units.find((u: { unitName: string }) => u.unitName === '徐庄镇');
    expect(xuzhuang.lags).toHaveLength(6);
    expect(b.content.problems.units[0].unitName).toBe('徐庄镇');
    expect(b.closing.split('\n')[1]).toMatch(/^二要压实单位责任。徐庄镇、/);
    const text = await docxText((await xzSup.get(`/api/bulletins/${b.id}/download?format=docx`)).rawPayload);
    expect(headings(text)).toEqual(['一、主要指标完成情况', '二、重点项目推进情况', '三、督查督办情况', '四、隐患排查整治情况', '五、考核排名情况', '六、存在问题', '七、下步工作要求']);
    // One hazard found in June and closed in June: cleared as of the half-year's end.
    expect(text).toContain('本期新增隐患1处，整改销号1处；截至2022年6月30日，登记隐患已全部整改销号，实现动态清零。');
    expect(text).toContain('（二）部分单位进度滞后。徐庄镇6项指标滞后，新签约亿元以上项目慢于序时进度49.6个百分点，一般公共预算收入慢于序时进度25.4个百分点');
    expect(text).toContain('全区列入2022年计划的项目11个');
    expect(text).toContain('截至2022年6月30日，全区共有督办任务18项，已办结16项，正在办理2项，其中逾期未办结2项，具体如下。');
    // The unit tables' ranks are the cockpit's.
    const cockpit = (await xzSup.get('/api/cockpit?period=2022-06')).json();
    const gbr = cockpit.indicators.find((r: { code: string }) => r.code === 'gbr');
    const table = b.content.indicators.find((i: { code: string }) => i.code === 'gbr');
    for (const row of table.rows) {
      const u = gbr.units.find((x: { unitName: string }) => x.unitName === row.unitName);
      expect([row.value, row.completion, row.gap, row.rank]).toEqual([u.value, u.completion, u.gap, u.rank]);
    }
  }, 120_000);
});
