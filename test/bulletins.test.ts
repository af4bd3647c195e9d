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
    expect(h1.lead).toBe(official(SEED_001));
    expect(h1.title).toBe('关于2023年上半年目标任务推进情况的通报');
    expect(h1.issueNo).toBe('2023年第1期');
    expect(h1.content.figureMonth).toBe('2023-06');
    const june = await draft(sup, { period: '2023-06' });
    for (const f of FIGURES) expect(june.lead).toContain(f);
    expect(june.lead).toBe(official(SEED_001));
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

    const pub = await sup.send('POST', `/api/bulletins/${h1.id}/publish`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().state).toBe('published');
    expect((await sup.send('PUT', `/api/bulletins/${h1.id}`, { ...edit, version: saved.json().version })).statusCode).toBe(409);
    expect((await sup.send('POST', `/api/bulletins/${h1.id}/publish`)).statusCode).toBe(409);
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
    expect(text).toContain(official(SEED_001));
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
    expect(names).toContain('节点滞后项目');
    expect(names).toContain('逾期督办任务');
    expect(String(wb.getWorksheet('通报')!.getCell('A4').value)).toBe(official(SEED_001));
    // Huai'an's figures are the zone's own (no unit rows): one table of the zone's indicators.
    expect(h1.content.indicators).toEqual([]);
    expect(names).toEqual(['通报', '全区主要指标', '节点滞后项目', '逾期督办任务']);
    const zone = wb.getWorksheet('全区主要指标')!;
    expect(zone.getRow(3).values).toEqual([undefined, '一般公共预算收入', '亿元', 18.56, 36.7, 34, '54.6%', '49.6%', '+5.0']);
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
