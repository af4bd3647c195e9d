// `npx gongjian extract`: .txt and .docx give the same items; the JSON has the
// documented shape; a 100 KB document is read whole (its speed is a benchmark).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli';
import { extractCommand } from '../src/domains/supervision/cli';
import { extract } from '../src/domains/supervision/extract';
import { documentXmlToText } from '../src/domains/supervision/sourceText';

const seed = (n: string) => readFileSync(new URL(`../test/fixtures/extract/${n}.txt`, import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'gj-extract-'));

async function docxOf(text: string) {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  return Packer.toBuffer(doc);
}

describe('extract command', () => {
  it('prints the documented JSON for a .txt file', async () => {
    const file = join(dir, '003.txt');
    writeFileSync(file, seed('003'));
    const out = JSON.parse(await extractCommand(file, { year: 2022, json: true, explain: false }));
    const hz = out.items.find((i: { text: string }) => i.text === '积极搭建创新平台，8月底前完成江苏汇智高端工程机械创新中心建设');
    expect(hz).toEqual({ kind: 'task', text: '积极搭建创新平台，8月底前完成江苏汇智高端工程机械创新中心建设', units: [], deadline: '2022-08-31', quantities: [], project: null });
    const ewin = out.items.find((i: { text: string }) => i.text.includes('450项'));
    expect(ewin).toMatchObject({ deadline: '2022-10-31', quantities: [{ value: 450, unit: '项', atLeast: false }] });
    for (const it of out.items) expect(Object.keys(it).filter((k) => !['indicator', 'yoy', 'period'].includes(k))).toEqual(['kind', 'text', 'units', 'deadline', 'quantities', 'project']);
  });

  it('reads a .docx the same as the .txt', async () => {
    const text = seed('000');
    const file = join(dir, '000.docx');
    writeFileSync(file, await docxOf(text));
    const fromDocx = JSON.parse(await extractCommand(file, { year: 2022, json: true, explain: false }));
    const txt = join(dir, '000.txt');
    writeFileSync(txt, text);
    const fromTxt = JSON.parse(await extractCommand(txt, { year: 2022, json: true, explain: false }));
    expect(fromDocx.items.map((i: { text: string }) => i.text)).toEqual(fromTxt.items.map((i: { text: string }) => i.text));
    // units come from the section headings of the pledges
    expect(new Set(fromDocx.items.flatMap((i: { units: string[] }) => i.units))).toEqual(new Set(['大庙街道', '大黄山街道', '金山桥街道', '金龙湖街道', '徐庄镇']));
  });

  it('explains which rule fired', async () => {
    const file = join(dir, '003b.txt');
    writeFileSync(file, seed('003'));
    const out = await extractCommand(file, { year: 2022, json: false, explain: true });
    expect(out).toContain('rules: deadline:');
    expect(out).toMatch(/任务 2022-08-31 积极搭建创新平台，8月底前完成江苏汇智/);
  });

  it('takes the document date for relative deadlines, with the JSON shape unchanged', async () => {
    const file = join(dir, 'corpus-028.txt');
    writeFileSync(file, readFileSync(new URL('../test/fixtures/extract/corpus/028.txt', import.meta.url), 'utf8'));
    const out = JSON.parse(await extractCommand(file, { date: '2017-08-24', json: true, explain: false }));
    expect(Object.keys(out)).toEqual(['items']);
    const due = out.items.filter((i: { deadline: string | null }) => i.deadline !== null);
    expect(due.map((i: { text: string; deadline: string }) => [i.deadline, i.text])).toEqual([
      ['2017-08-31', '二号厂房进入砌筑阶段，月底主体完工'],
      ['2017-08-31', '职工宿舍月底主体结构完工'],
      ['2017-08-31', '食堂进入主体施工阶段，月底二层封顶'],
    ]);
    expect(Object.keys(due[0])).toEqual(['kind', 'text', 'units', 'deadline', 'quantities', 'project']);
    const errs: string[] = [];
    const orig = console.error;
    console.error = (m: string) => void errs.push(m);
    try {
      await main(['extract', file, '--date', '2017-02-30']);
    } finally {
      console.error = orig;
    }
    expect(errs.join('\n')).toContain('--date YYYY-MM-DD');
    process.exitCode = 0;
  });

  it('keeps XML entities and run splits of Word paragraphs', () => {
    const xml = '<w:document><w:body><w:p><w:r><w:t>“e窗”平台&amp;</w:t></w:r><w:r><w:t xml:space="preserve">拓展至450项</w:t></w:r></w:p><w:p><w:r><w:t>大庙街道</w:t></w:r></w:p></w:body></w:document>';
    expect(documentXmlToText(xml)).toBe('“e窗”平台&拓展至450项\n大庙街道');
  });

  it('refuses other files and bad years with a clear message', async () => {
    const file = join(dir, 'x.pdf');
    writeFileSync(file, '%PDF-1.4');
    await expect(extractCommand(file, { json: true, explain: false })).rejects.toMatchObject({ code: 'supervision.unreadable' });
    const errs: string[] = [];
    const orig = console.error;
    console.error = (m: string) => void errs.push(m);
    try {
      await main(['extract', file, '--year', '22']);
    } finally {
      console.error = orig;
    }
    expect(errs.join('\n')).toContain('extract <file>');
    process.exitCode = 0;
  });

  it('reads a 100 KB document whole', () => {
    let text = '';
    for (const n of ['000', '003', '004', '001', '002']) text += `${seed(n)}\n\n`;
    while (text.length < 100_000) text += text;
    text = text.slice(0, 100_000);
    // Its speed is measured by `npm run bench -- --only=extract`, not here: a shared machine's
    // load would make a timed assertion flaky.
    const out = extract(text, { year: 2022 });
    expect(out.items.length).toBeGreaterThan(100);
  });
});
