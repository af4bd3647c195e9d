// The supervision notice (督办单) as a Word document in the official layout of
// GB/T 9704: A4, margins 37/35/28/26 mm, the issuing office in red 小标宋 over a
// red rule, the document number, the title, the recipient unit, the body in
// 仿宋_GB2312 3号 (16 pt) at 28 pt line spacing, the issuing office and date
// with room for the seal, and a 抄送 line at the foot of the page.
import JSZip from 'jszip';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { zhDate } from './rules';

export interface NoticeData {
  number: string;
  issuer: string;
  unitName: string;
  taskText: string;
  sourceTitle: string | null;
  deadline: string;
  daysLate: number;
  slipCount: number;
  delayReason: string | null;
  supportingUnits: string[];
  leaderName: string | null;
  requirements: string;
  requiredBy: string;
  issuedOn: string;
  copyTo: string[];
}

const mm = (x: number) => Math.round((x / 25.4) * 1440);
const TITLE_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '方正小标宋简体', cs: 'SimSun' };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'FangSong' };
const HEI_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const RED = 'E60012';
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt: 22 lines a page

const run = (text: string, opts: { font?: typeof BODY_FONT; size?: number; color?: string; bold?: boolean } = {}) =>
  new TextRun({ text, font: opts.font ?? BODY_FONT, size: (opts.size ?? 16) * 2, color: opts.color, bold: opts.bold });

const body = (children: TextRun[], extra: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ children, spacing: LINE, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, ...extra });

/** Fallback names for the Chinese fonts, for machines without 方正小标宋简体 or 仿宋_GB2312. */
const ALT_FONTS: Record<string, string> = { '方正小标宋简体': 'SimSun', '仿宋_GB2312': 'FangSong', '黑体': 'SimHei' };

async function addFontFallbacks(buf: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file('word/fontTable.xml');
  if (!file) return buf;
  let xml = await file.async('string');
  const entries = Object.entries(ALT_FONTS)
    .filter(([name]) => !xml.includes(`w:name="${name}"`))
    .map(([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  xml = /<w:fonts[^>]*\/>/.test(xml)
    ? xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`)
    : xml.replace('</w:fonts>', `${entries}</w:fonts>`);
  zip.file('word/fontTable.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function noticeDocx(n: NoticeData): Promise<Buffer> {
  const late = n.daysLate > 0 ? `，现已逾期${n.daysLate}天` : '';
  const slip = n.slipCount > 1 ? `（累计第${n.slipCount}次未按期完成）` : '';
  const who = [
    `由你单位牵头负责`,
    n.supportingUnits.length ? `${n.supportingUnits.join('、')}配合` : '',
    n.leaderName ? `责任领导为${n.leaderName}同志` : '',
  ]
    .filter(Boolean)
    .join('，');
  const source = n.sourceTitle ? `根据《${n.sourceTitle}》任务分解，` : '';
  const reqLines = n.requirements
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

  const children: (Paragraph | Table)[] = [
    // 版头: the issuing office in red, then the number and the red rule.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 120 },
      children: [run(n.issuer, { font: TITLE_FONT, size: 24, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
      children: [run(n.number)],
    }),
    new Paragraph({ spacing: { before: 360, after: 240 }, alignment: AlignmentType.CENTER, children: [run('督 办 单', { font: TITLE_FONT, size: 22 })] }),
    new Paragraph({ spacing: LINE, children: [run(`${n.unitName}：`)] }),
    body([run(`${source}“${n.taskText}”一项，${who}，办结时限为${zhDate(n.deadline)}。截至目前，该任务尚未办结${late}${slip}。`)]),
  ];
  if (n.delayReason) children.push(body([run(`你单位报送的延误原因：${n.delayReason}`)]));
  children.push(body([run('现予督办，请你单位高度重视，按以下要求抓紧办理：')]));
  reqLines.forEach((l, i) => children.push(body([run(`${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? String(i + 1)}、`, { font: HEI_FONT }), run(l.replace(/^[一二三四五六七八九十\d]+[、.．]\s*/, ''))])));
  children.push(body([run(`请于${zhDate(n.requiredBy)}前将办理情况书面报送${n.issuer}。逾期未办结的，将按有关规定予以通报。`)]));
  // Issuing office and date, right-aligned with room for the seal (用印) above the date.
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      },
      rows: [
        new TableRow({
          children: [
            new TableCell({ width: { size: 45, type: WidthType.PERCENTAGE }, children: [new Paragraph('')] }),
            new TableCell({
              width: { size: 55, type: WidthType.PERCENTAGE },
              children: [
                new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, ...LINE }, children: [run('（印章）', { color: 'A6A6A6', size: 12 })] }),
                new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(n.issuer)] }),
                new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(zhDate(n.issuedOn))] }),
              ],
            }),
          ],
        }),
      ],
    }),
  );
  // 版记: 抄送 between two rules, at the foot of the page.
  const colophon = n.copyTo.length
    ? new Footer({
        children: [
          new Paragraph({
            spacing: { line: 400, lineRule: LineRuleType.EXACT },
            indent: { left: 320, right: 320 },
            border: {
              top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
              bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
            },
            children: [run(`抄送：${n.copyTo.join('，')}。`, { size: 14 })],
          }),
        ],
      })
    : undefined;
  const doc = new Document({
    creator: n.issuer,
    title: `督办单 ${n.number}`,
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        footers: colophon ? { default: colophon } : undefined,
        children,
      },
    ],
  });
  return addFontFallbacks(await Packer.toBuffer(doc));
}
