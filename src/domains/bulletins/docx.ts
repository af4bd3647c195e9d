// The bulletin as a Word file, laid out by the shared GB/T 9704 writer
// (src/shared/officialDoc): red masthead 督 查 通 报 with the issue number, issuer and
// date over the red rule; the title; the lead paragraph; the sections present, numbered
// consecutively (一、主要指标完成情况, 重点项目推进情况, 督查督办情况, 考核排名情况,
// 存在问题, 下步工作要求); signature and date; 版记. Tables 12 pt; charts as PNG.
import { AlignmentType, ImageRun, Paragraph, type FileChild } from 'docx';
import {
  blankLine,
  bodyPara,
  cnDate,
  dataTable,
  FONTS,
  heading1,
  heading2,
  lineSpacing,
  mastheadMark,
  mm,
  officialDocx,
  redRuleBorder,
  run,
  signature,
  titlePara,
  TYPE_AREA,
  type Colophon,
} from '../../shared/officialDoc';
import type { BulletinContent } from './data';
import { fmt } from './data';
import { barChartSvg, svgToPng } from './charts';
import { bulletinOutline, CN_NUM, coverageText, type SectionKey } from './sections';
import { bulletinTables } from './xlsx';
import { formatGapToTimeProgress } from '../../shared/format';

const tableTitle = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...lineSpacing, before: 120 }, children: [run(text, FONTS.heading1, 14)] });

function image(png: Buffer, widthPx = 580, heightPx = 290) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: widthPx, height: heightPx } })],
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
  colophon?: Colophon;
}

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
  const children: (Paragraph | FileChild)[] = [
    // 版头: the mark in red, the issue number, issuer and date over the red rule.
    mastheadMark(input.draft ? '督 查 通 报（草稿）' : '督 查 通 报', 42, { before: mm(8), after: mm(4) }),
    ...(input.issueNo ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: lineSpacing, children: [run(input.issueNo)] })] : []),
    new Paragraph({
      spacing: { ...lineSpacing, after: mm(4) },
      tabStops: [{ type: 'right', position: mm(TYPE_AREA.width) }],
      border: redRuleBorder,
      children: [run(input.issuer), run(`\t${cnDate(input.date)}`)],
    }),
    blankLine(),
    titlePara(input.title),
    blankLine(),
  ];
  for (const p of input.lead.split(/\n+/).filter(Boolean)) children.push(bodyPara(p));

  const charts = bulletinCharts(c);
  await progress(20);
  const pngs = charts.map((ch) => svgToPng(ch.svg));
  await progress(60);

  const tables = new Map(bulletinTables(c).map((t) => [t.key, t]));
  const putTable = (key: string) => {
    const t = tables.get(key);
    if (t?.rows.length) children.push(tableTitle(t.title), dataTable(t.headers, t.rows, t.widths));
  };
  const putChart = (startsWith: string) => {
    const i = charts.findIndex((ch) => ch.title.startsWith(startsWith));
    if (i >= 0 && pngs[i]) children.push(image(pngs[i]));
  };
  const zoneFigures = c.zoneFigures ?? [];
  function writeIndicators() {
    let sub = 0;
    if (zoneFigures.length) {
      if (c.indicators.length) children.push(heading2(`（${CN_NUM[sub++]}）全区主要指标`));
      putTable('zone');
      if (!c.indicators.length) putChart('全区主要指标');
    }
    c.indicators.forEach((ind, i) => {
      children.push(heading2(`（${CN_NUM[sub++]}）${ind.name}`));
      const z = ind.zone;
      const zoneLine = ind.coverage
        ? [`全区${coverageText(ind.coverage)}，合计数待报齐后通报`]
        : [
            z.value !== null ? `全区完成${fmt.value(z.value, ind.decimals)}${ind.measure}` : null,
            z.yoy !== null ? (z.yoy.startsWith('-') ? `同比下降${fmt.value(z.yoy.slice(1), 1)}%` : `同比增长${fmt.value(z.yoy, 1)}%`) : null,
            z.completion !== null ? `完成年度目标的${fmt.pct(z.completion)}` : null,
            z.gap != null && z.expectedShare !== null ? formatGapToTimeProgress(z.gap) : null,
          ].filter(Boolean);
      if (zoneLine.length) children.push(bodyPara(`${zoneLine.join('，')}。`));
      putTable(`unit:${ind.code}`);
      if (i === 0) putChart(ind.name);
    });
  }
  // After each section's text, its tables and charts.
  const extras: Record<SectionKey, () => void> = {
    indicators: writeIndicators,
    projects: () => putTable('projects'),
    tasks: () => putTable('tasks'),
    instructions: () => undefined,
    hazards: () => undefined,
    ranking: () => {
      putTable('ranking');
      putChart(c.ranking!.schemeName);
    },
    problems: () => undefined,
    requirements: () => undefined,
  };
  for (const s of bulletinOutline(c, input.closing)) {
    children.push(heading1(s.heading));
    for (const p of s.paragraphs) children.push(bodyPara(p));
    extras[s.key]();
  }
  // Signature and date, then 版记 at the foot of the last page.
  children.push(blankLine(), blankLine(), ...signature(input.issuer, input.date));
  const buf = await officialDocx({ title: input.title, creator: 'Gongjian 攻坚', children, colophon: input.colophon });
  await progress(90);
  return buf;
}
