// The bulletin as a Word file in official-document layout (GB/T 9704-2012):
// A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; red masthead
// (版头) with a red rule; title in 方正小标宋简体 2号 (22 pt); body in 仿宋_GB2312
// 3号 (16 pt), 28 lines to the page; headings 一、 in 黑体 and （一） in 楷体;
// page numbers "— 1 —" in 宋体 4号, outside (odd right, even left); charts as
// PNG images rendered on the server.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { BulletinContent } from './data';
import { fmt } from './data';
import { barChartSvg, svgToPng } from './charts';
import { bulletinTables } from './xlsx';

const MM = 56.6929; // twips per millimetre
const mm = (x: number) => Math.round(x * MM);
/** Fonts: the standard's names first; viewers substitute their own (仿宋, FangSong, STFangsong…) when absent. */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  number: '宋体',
  latin: 'Times New Roman',
};
const PT = (pt: number) => pt * 2; // half-points
const BODY = PT(16);
/** 225 mm type area / 28 lines ≈ 22.8 pt a line: exactly 28 lines of 3号 text to the page. */
const LINE = Math.round((225 / 28) * MM); // twips

const run = (text: string, font: string, size = BODY, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: font, cs: FONTS.latin }, size, ...extra });

const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const bodyPara = (text: string) =>
  new Paragraph({ children: [run(text, FONTS.body)], spacing, indent: { firstLine: mm(11.3) }, alignment: AlignmentType.JUSTIFIED });
const heading1 = (text: string) => new Paragraph({ children: [run(text, FONTS.heading1)], spacing, indent: { firstLine: mm(11.3) } });
const heading2 = (text: string) => new Paragraph({ children: [run(text, FONTS.heading2)], spacing, indent: { firstLine: mm(11.3) } });
const blank = () => new Paragraph({ children: [run('', FONTS.body)], spacing });

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function table(headers: string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, header: boolean, w: number) =>
    new TableCell({
      width: { size: Math.round((w / total) * 100 * 50), type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 320, lineRule: LineRuleType.AT_LEAST },
          children: [run(text, header ? FONTS.heading1 : FONTS.body, PT(12))],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, widths[i]!)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, widths[i]!)) })),
    ],
  });
}

const tableTitle = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...spacing, before: 120 }, children: [run(text, FONTS.heading1, PT(14))] });

function image(png: Buffer, widthPx = 580, heightPx = 290) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: widthPx, height: heightPx } })],
  });
}

function pageFooter(align: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  // "— 1 —": 4号 宋体, one character in from the outside edge.
  return new Footer({
    children: [
      new Paragraph({
        alignment: align,
        indent: align === AlignmentType.RIGHT ? { right: mm(5.6) } : { left: mm(5.6) },
        children: [
          run('— ', FONTS.number, PT(14)),
          new TextRun({ children: [PageNumber.CURRENT], font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.number }, size: PT(14) }),
          run(' —', FONTS.number, PT(14)),
        ],
      }),
    ],
  });
}

export interface DocxInput {
  title: string;
  issueNo: string;
  issuer: string;
  date: string; // YYYY-MM-DD
  lead: string;
  closing: string;
  content: BulletinContent;
  draft: boolean;
}

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Charts shown in the bulletin (also used by the web page): key indicator completion and the ranking. */
export function bulletinCharts(c: BulletinContent): { title: string; svg: string }[] {
  const out: { title: string; svg: string }[] = [];
  const key = c.indicators.find((i) => i.rows.some((r) => r.completion !== null));
  const zoneDone = (c.zoneFigures ?? []).filter((f) => f.completion !== null && f.expectedShare !== null);
  if (!key && zoneDone.length) {
    const title = `全区主要指标完成率（%）`;
    out.push({
      title,
      svg: barChartSvg({
        title,
        categories: zoneDone.map((f) => f.name),
        values: zoneDone.map((f) => Number(Number(f.completion).toFixed(1))),
        line: c.timeProgress ? { value: Number(c.timeProgress), label: `序时进度${c.timeProgress}%` } : undefined,
        unit: '%',
      }),
    });
  }
  if (key) {
    const title = `${key.name}完成率（%）`;
    out.push({
      title,
      svg: barChartSvg({
        title,
        categories: key.rows.map((r) => r.unitName),
        values: key.rows.map((r) => (r.completion === null ? null : Number(Number(r.completion).toFixed(1)))),
        line: c.timeProgress ? { value: Number(c.timeProgress), label: `序时进度${c.timeProgress}%` } : undefined,
        unit: '%',
      }),
    });
  }
  if (c.ranking?.rows.length) {
    const title = `${c.ranking.schemeName}得分`;
    out.push({
      title,
      svg: barChartSvg({
        title,
        categories: c.ranking.rows.map((r) => r.unitName),
        values: c.ranking.rows.map((r) => Number(r.total)),
        unit: '分',
        labelDecimals: 2,
        highlight: c.ranking.rows.filter((r) => r.redFlag).map((r) => r.unitName),
      }),
    });
  }
  return out;
}

export async function buildDocx(input: DocxInput, progress: (p: number) => Promise<void> = async () => undefined): Promise<Buffer> {
  const c = input.content;
  const children: (Paragraph | Table)[] = [];
  // 版头: the issuing mark in red, the issue line, and the red rule.
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(8), after: mm(4) },
      children: [run(input.draft ? '督 查 通 报（草稿）' : '督 查 通 报', FONTS.title, PT(42), { color: 'C00000' })],
    }),
    ...(input.issueNo ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(input.issueNo, FONTS.body)] })] : []),
    new Paragraph({
      spacing: { ...spacing, after: mm(4) },
      tabStops: [{ type: 'right', position: mm(156) }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 6 } },
      children: [run(input.issuer, FONTS.body), run(`\t${cnDate(input.date)}`, FONTS.body)],
    }),
    blank(),
  );
  // Title (2号 小标宋, centred), then a blank line.
  children.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: mm(12.5), lineRule: LineRuleType.EXACT }, children: [run(input.title, FONTS.title, PT(22))] }),
    blank(),
  );
  for (const p of input.lead.split(/\n+/).filter(Boolean)) children.push(bodyPara(p));

  const charts = bulletinCharts(c);
  await progress(20);
  const pngs = charts.map((ch) => svgToPng(ch.svg));
  await progress(60);
  let h = 0;

  const tables = new Map(bulletinTables(c).map((t) => [t.key, t]));
  const putTable = (key: string) => {
    const t = tables.get(key);
    if (!t) return;
    children.push(tableTitle(t.title), table(t.headers, t.rows, t.widths));
  };
  const putChart = (startsWith: string) => {
    const i = charts.findIndex((ch) => ch.title.startsWith(startsWith));
    if (i >= 0 && pngs[i]) children.push(image(pngs[i]));
  };

  if (c.indicators.length || (c.zoneFigures ?? []).length) {
    children.push(heading1(`${CN_NUM[h++]}、主要指标完成情况`));
    children.push(bodyPara(`截至${c.cumulativeLabel}，序时进度为${c.timeProgress ?? '—'}%。${c.indicators.length ? '全区及各单位' : '全区'}主要指标完成情况如下。`));
    let sub = 0;
    if ((c.zoneFigures ?? []).length) {
      if (c.indicators.length) children.push(heading2(`（${CN_NUM[sub++]}）全区主要指标`));
      putTable('zone');
      if (!c.indicators.length) putChart('全区主要指标');
    }
    c.indicators.forEach((ind, i) => {
      children.push(heading2(`（${CN_NUM[sub++]}）${ind.name}`));
      const z = ind.zone;
      const zoneLine = [
        z.value !== null ? `全区完成${fmt.value(z.value, ind.decimals)}${ind.measure}` : null,
        z.yoy !== null ? (z.yoy.startsWith('-') ? `同比下降${fmt.value(z.yoy.slice(1), 1)}%` : `同比增长${fmt.value(z.yoy, 1)}%`) : null,
        z.completion !== null ? `完成年度目标的${fmt.pct(z.completion)}` : null,
      ].filter(Boolean);
      if (zoneLine.length) children.push(bodyPara(`${zoneLine.join('，')}。`));
      putTable(`unit:${ind.code}`);
      if (i === 0) putChart(ind.name);
    });
  }

  else {
    children.push(heading1(`${CN_NUM[h++]}、主要指标完成情况`));
    children.push(bodyPara(`截至${cnDate(c.asOf)}，${c.cumulativeLabel}指标数据尚未审核发布，待审核后另行通报。`));
  }

  children.push(heading1(`${CN_NUM[h++]}、重点项目推进情况`));
  if (c.projectsBehind.length) {
    children.push(bodyPara(`截至${cnDate(c.asOf)}，共有${c.projectsBehind.length}个项目存在节点滞后，具体如下。`));
    putTable('projects');
  } else {
    children.push(bodyPara(`截至${cnDate(c.asOf)}，重点项目节点均按计划推进，无滞后项目。`));
  }

  children.push(heading1(`${CN_NUM[h++]}、督办任务完成情况`));
  if (c.overdueTasks.length) {
    children.push(bodyPara(`截至${cnDate(c.asOf)}，共有${c.overdueTasks.length}项督办任务逾期未办结，请责任单位抓紧推进、尽快销号。`));
    putTable('tasks');
  } else {
    children.push(bodyPara(`截至${cnDate(c.asOf)}，督办任务均在时限内推进，无逾期任务。`));
  }

  if (c.ranking) {
    children.push(heading1(`${CN_NUM[h++]}、考核排名情况`));
    const flag = c.ranking.rows.filter((r) => r.redFlag).map((r) => r.unitName);
    children.push(bodyPara(`根据${c.ranking.schemeName}考核结果，${flag.length ? `${flag.join('、')}综合得分位列第一，授予“流动红旗”` : '暂无单位获得“流动红旗”'}。各单位得分及排名如下。`));
    putTable('ranking');
    putChart(c.ranking.schemeName);
  }

  if (input.closing.trim()) {
    children.push(heading1(`${CN_NUM[h++]}、下步工作要求`));
    for (const p of input.closing.split(/\n+/).filter(Boolean)) children.push(bodyPara(p));
  }
  // Signature: issuer and date, right, four characters in from the edge.
  children.push(blank(), blank());
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: mm(22.6) }, spacing, children: [run(input.issuer, FONTS.body)] }));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: mm(22.6) }, spacing, children: [run(cnDate(input.date), FONTS.body)] }));

  const doc = new Document({
    creator: 'Gongjian 攻坚',
    title: input.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body }, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20), header: mm(15) },
          },
        },
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  await progress(90);
  return buf;
}
