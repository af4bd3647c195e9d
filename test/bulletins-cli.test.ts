// `npx gongjian bulletin` as a user runs it, on a throwaway PGlite data folder that
// starts with the demo zones (built once per run by the global set-up).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataFolder } from './helpers/db';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';

const run = (dataDir: string, ...args: string[]) =>
  execFileSync('node', ['bin/gongjian.mjs', ...args], { env: { ...process.env, DATABASE_URL: '', GONGJIAN_DATA: dataDir }, encoding: 'utf8', stdio: 'pipe' });

const fails = (dataDir: string, ...args: string[]) => {
  try {
    run(dataDir, ...args);
  } catch (e) {
    return e as { status: number; stderr: string };
  }
  throw new Error('expected the command to fail');
};

describe('npx gongjian bulletin', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoDataFolder('gj-bulletin-');
  });

  it('has help, and refuses missing options, a bad period, an unknown zone', () => {
    expect(run(dir, 'bulletin', '--help')).toContain('bulletin --zone <code> --period <YYYY-MM|YYYY-Qn|YYYY-H1> --out <file.docx|file.xlsx>');
    expect(fails(dir, 'bulletin', '--zone', 'huaian', '--period', '2023-06', '--out', 'x.pdf').status).toBe(2);
    const bad = fails(dir, 'bulletin', '--zone', 'huaian', '--period', '2023-14', '--out', join(dir, 'x.docx'));
    expect(bad.stderr).toContain('通报周期“2023-14”无效');
    expect(fails(dir, 'bulletin', '--zone', 'nowhere', '--period', '2023-06', '--out', join(dir, 'x.docx')).stderr).toContain('开发区不存在');
  }, 240_000);

  it('builds the Word and Excel files of huaian 2023 1–6月 from the demo data', async () => {
    const docx = join(dir, 'huaian-2023-06.docx');
    expect(run(dir, 'bulletin', '--zone', 'huaian', '--period', '2023-06', '--out', docx)).toContain(`wrote ${docx}`);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('今年上半年，完成一般公共预算收入18.56亿元、同比增长36.7%，税占比93.25%；');
    expect(text).toContain('有年度目标的7项总量指标均实现“时间过半、任务过半”。');
    expect(text).toContain('抄送：区党工委、管委会领导。');
    const xlsx = join(dir, 'huaian-2023-06.xlsx');
    run(dir, 'bulletin', '--zone', 'huaian', '--period', '2023-06', '--out', xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    // Huai'an has no projects and no tasks: no sheets for them.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['通报', '全区主要指标']);
    const zone = wb.getWorksheet('全区主要指标')!;
    expect(zone.getRow(3).getCell(1).value).toBe('一般公共预算收入');
    expect(zone.getRow(3).getCell(3).value).toBe(18.56);
  }, 300_000);
});
