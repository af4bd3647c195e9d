// The bulletin's tables as an Excel workbook: the text on the first sheet, then
// one sheet per table, with the same rows and columns as the Word file.
import ExcelJS from 'exceljs';
import { cnDate, colophonLines, type Colophon } from '../../shared/officialDoc';
import { fmt, type BulletinContent } from './data';
import { bulletinOutline, coverageText } from './sections';

export interface XlsxInput {
  title: string;
  issueNo: string;
  issuer: string;
  date: string;
  lead: string;
  closing: string;
  content: BulletinContent;
  draft: boolean;
  colophon?: Colophon;
}

/** The tables of a bulletin, as the Word file and the workbook print them. */
export interface BulletinTable {
  key: string;
  name: string;
  title: string;
  headers: string[];
  widths: number[];
  rows: string[][];
}

export function bulletinTables(c: BulletinContent): BulletinTable[] {
  const out: BulletinTable[] = [];
  const zf = c.zoneFigures ?? [];
  if (zf.length) {
    out.push({
      key: 'zone',
      name: '全区主要指标',
      title: `全区主要指标完成情况（${c.cumulativeLabel}）`,
      headers: ['指标', '单位', '累计', '同比（%）', '年度目标', '完成率', '序时进度', '快慢（百分点）'],
      widths: [22, 9, 11, 9, 11, 12, 11, 15],
      rows: zf.map((f) => [
        f.name,
        f.measure,
        f.coverage ? coverageText(f.coverage) : fmt.value(f.value, f.decimals),
        f.yoy === null ? '—' : fmt.value(f.yoy, 1),
        fmt.value(f.target, f.decimals),
        fmt.pct(f.completion),
        fmt.pct(f.expectedShare),
        f.expectedShare === null ? '—' : fmt.gap(f.gap),
      ]),
    });
  }
  for (const ind of c.indicators) {
    out.push({
      key: `unit:${ind.code}`,
      name: ind.name,
      title: `${ind.name}分单位完成情况（${ind.measure}）`,
      headers: ['排名', '单位', `${c.cumulativeLabel}累计`, '同比（%）', '完成率', '序时进度', '快慢（百分点）'],
      widths: [8, 22, 16, 12, 12, 12, 14],
      rows: ind.rows.map((r) => [
        r.rank === null ? '—' : String(r.rank),
        r.unitName,
        fmt.value(r.value, ind.decimals),
        r.yoy === null ? '—' : fmt.value(r.yoy, 1),
        fmt.pct(r.completion),
        fmt.pct(r.expectedShare),
        fmt.gap(r.gap),
      ]),
    });
  }
  // Projects and tasks only where the zone has them (content drafted before they were summarised: where any is late).
  if (c.projects || (c.projects === undefined && c.projectsBehind.length)) out.push({
    key: 'projects',
    name: '节点滞后项目',
    title: '节点滞后项目清单',
    headers: ['序号', '项目名称', '责任单位', '滞后节点', '计划完成', '滞后天数'],
    widths: [7, 30, 16, 20, 15, 12],
    rows: c.projectsBehind.map((p, i) => [String(i + 1), p.project, p.unitName, p.milestone, p.due, String(p.daysLate)]),
  });
  if (c.tasks || (c.tasks === undefined && c.overdueTasks.length)) out.push({
    key: 'tasks',
    name: '逾期督办任务',
    title: '逾期督办任务清单',
    headers: ['序号', '任务内容', '责任单位', '完成时限', '逾期天数'],
    widths: [7, 43, 18, 16, 12],
    rows: c.overdueTasks.map((t, i) => [String(i + 1), t.title, t.unitName, t.deadline, String(t.daysOverdue)]),
  });
  if (c.ranking) {
    out.push({
      key: 'ranking',
      name: '考核排名',
      title: `${c.ranking.schemeName}得分排名`,
      headers: ['排名', '单位', '综合得分', '较上期', '流动红旗'],
      widths: [10, 30, 20, 20, 20],
      rows: c.ranking.rows.map((r) => [r.rank === null ? '—' : String(r.rank), r.unitName, r.total, fmt.change(r.rankChange), r.redFlag ? '★' : '']),
    });
  }
  return out;
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names stay unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '表';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base}${i}`;
  used.add(n);
  return n;
}

/**
 * A printed figure as a number cell with the same look: '18.56' → 18.56 (0.00),
 * '54.6%' → 0.546 (0.0%), '+5.0' → 5 (+0.0); anything else stays text.
 */
export function numberCell(v: string): { value: string | number; numFmt?: string } {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(%?)$/.exec(v);
  if (!m) return { value: v };
  const d = m[3]?.length ?? 0;
  const fixed = d ? `0.${'0'.repeat(d)}` : '0';
  const n = Number(v.replace('%', ''));
  if (m[4]) return { value: Number((n / 100).toFixed(d + 2)), numFmt: `${fixed}%` };
  if (m[1] === '+') return { value: n, numFmt: `+${fixed};-${fixed};${fixed}` };
  return { value: n, numFmt: fixed };
}

/** Printed on A4 portrait, each sheet as wide as the page. */
const A4: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const COVER_WIDTH = 64;

/**
 * The height (points) of a wrapped row of `text` in a column `width` units wide: a Chinese character
 * is about 0.19 of a column unit per point of font size wide, a line 1.35 × the size high.
 */
export function rowHeight(text: string, size: number, width = COVER_WIDTH): number {
  const units = [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x100 ? 0.5 : 1), 0) * size * 0.19;
  const lines = Math.max(1, Math.ceil(units / width));
  return Math.ceil(lines * size * 1.35 + 4);
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function buildXlsx(input: XlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongjian 攻坚';
  wb.created = new Date(`${input.date}T00:00:00+08:00`);
  const used = new Set<string>();
  const cover = wb.addWorksheet(sheetName('通报', used), { pageSetup: A4 });
  cover.getColumn(1).width = COVER_WIDTH;
  const lines: [string, Partial<ExcelJS.Font>][] = [
    [input.draft ? `${input.title}（草稿）` : input.title, { bold: true, size: 16 }],
    [[input.issueNo, input.issuer, cnDate(input.date)].filter(Boolean).join('　'), { size: 11, color: { argb: 'FF666666' } }],
    ['', {}],
    ...input.lead.split(/\n+/).filter(Boolean).map((p): [string, Partial<ExcelJS.Font>] => [p, { size: 12 }]),
    // The sections' text as in the Word file (their tables are the sheets that follow).
    ...bulletinOutline(input.content, input.closing).flatMap((s): [string, Partial<ExcelJS.Font>][] => [
      [s.heading, { bold: true, size: 12 }],
      ...s.paragraphs.map((p): [string, Partial<ExcelJS.Font>] => [p, { size: 12 }]),
    ]),
    ['', {}],
    [input.issuer, { size: 12 }],
    [cnDate(input.date), { size: 12 }],
    ...(input.colophon ? colophonLines(input.colophon) : []).map((l): [string, Partial<ExcelJS.Font>] => [[l.left, l.right].filter(Boolean).join('　'), { size: 11 }]),
  ];
  for (const [text, font] of lines) {
    const row = cover.addRow([text]);
    row.font = font;
    row.alignment = { wrapText: true, vertical: 'top' };
    // Not every viewer fits a wrapped row to its text (LibreOffice does not): set the height.
    row.height = rowHeight(text, font.size ?? 11);
  }
  for (const t of bulletinTables(input.content)) {
    const ws = wb.addWorksheet(sheetName(t.name, used), { pageSetup: A4 });
    const widths = t.widths.map((w) => Math.max(8, w * 0.9));
    const fit = (row: ExcelJS.Row, cells: string[]) => (row.height = Math.max(...cells.map((c, i) => rowHeight(c, 11, (widths[i] ?? 8) - 1))));
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    ws.mergeCells(1, 1, 1, t.headers.length);
    const head = ws.addRow(t.headers);
    head.font = { bold: true };
    fit(head, t.headers);
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      c.border = border;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    if (t.rows.length === 0) ws.addRow(['无']);
    for (const r of t.rows) {
      const cells = r.map(numberCell);
      const row = ws.addRow(cells.map((x) => x.value));
      fit(row, r);
      row.eachCell((c, col) => {
        const f = cells[col - 1]?.numFmt;
        if (f) c.numFmt = f;
        c.border = border;
        // A missing figure sits where the figures do.
        c.alignment = { vertical: 'middle', wrapText: true, ...(c.value === '—' ? { horizontal: 'right' as const } : {}) };
      });
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
