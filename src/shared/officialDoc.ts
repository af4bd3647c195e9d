// The one writer of official documents (公文) in the layout of GB/T 9704-2012, used by
// bulletins (通报) and supervision notices (督办单):
// - A4; 版心 156 × 225 mm: top (天头) 37 mm, left (订口) 28 mm, so right 26 mm, bottom 35 mm;
// - 22 lines of 28 characters: a line grid of 225 mm / 22 and body lines at exactly that
//   pitch, characters 0.25 pt closer than 3号 so 28 fill a line (see CHAR_SPACING);
// - body 仿宋_GB2312 3号 (16 pt), title 方正小标宋简体 2号, headings 黑体 / 楷体_GB2312;
// - one red for the masthead (版头) and its rule;
// - 版记 at the foot of the last page: 抄送 and 印发机关/印发日期 between rules, the first
//   and last thick (0.35 mm), the middle ones thin (0.25 mm), 4号 仿宋;
// - page numbers "— 1 —" in 4号 宋体, 7 mm below the type area, odd right and even left,
//   one character in from the edge.
// Viewers without the standard's fonts fall back to the names in the font table.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  FileChild,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeHorizontalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  type IXmlableObject,
} from 'docx';
import { cnDate } from './calendar';

/** The one red of 版头 and its rule. */
export const OFFICIAL_RED = 'E60012';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  number: '宋体',
  latin: 'Times New Roman',
} as const;
/** What a viewer without the standard's fonts uses instead (font table altName). */
const ALT_FONTS: Record<string, string> = { 方正小标宋简体: 'SimSun', 仿宋_GB2312: 'FangSong', 黑体: 'SimHei', 楷体_GB2312: 'KaiTi', 宋体: 'SimSun' };

/** Twips (1/20 pt) per millimetre. */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** docx sizes are half-points. */
export const pt = (x: number) => x * 2;

export const PAGE = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TYPE_AREA = { width: PAGE.width - PAGE.left - PAGE.right, height: PAGE.height - PAGE.top - PAGE.bottom } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 3号. */
export const BODY_PT = 16;
/** One line of the grid in twips: 225 mm / 22 = 28.95 pt. */
export const LINE_PITCH = Math.floor((TYPE_AREA.height * 1440) / 25.4 / LINES_PER_PAGE);
/**
 * 28 characters of 3号 (448 pt) are a little wider than the type area (442.2 pt): each
 * character is drawn 0.25 pt closer (in 1/20 pt), so 28 fit and a 29th does not. A
 * character grid (docGrid linesAndChars) would say the same to Word, but LibreOffice
 * and WPS lay it out differently; explicit spacing reads the same everywhere.
 */
export const CHAR_SPACING = -5;
/** Two characters of body text, the first-line indent. */
export const INDENT_2 = mm(TYPE_AREA.width / CHARS_PER_LINE) * 2;

export const lineSpacing = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export const font = (eastAsia: string, latin: string = FONTS.latin) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });

export const run = (text: string, eastAsia: string = FONTS.body, sizePt = BODY_PT, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(eastAsia), size: pt(sizePt), characterSpacing: CHAR_SPACING, ...extra });

/** A body paragraph: 2 characters' first-line indent, justified, on the grid. */
export const bodyPara = (children: string | TextRun[], extra: Partial<IParagraphOptions> = {}) =>
  new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    spacing: lineSpacing,
    indent: { firstLine: INDENT_2 },
    alignment: AlignmentType.JUSTIFIED,
    ...extra,
  });
/** 一、 in 黑体; （一） in 楷体. */
export const heading1 = (text: string) => bodyPara([run(text, FONTS.heading1)], { alignment: AlignmentType.LEFT, keepNext: true });
export const heading2 = (text: string) => bodyPara([run(text, FONTS.heading2)], { alignment: AlignmentType.LEFT, keepNext: true });
export const blankLine = () => new Paragraph({ children: [run('')], spacing: lineSpacing });

/** The title: 2号 小标宋, centred, on the grid. */
export const titlePara = (text: string, sizePt = 22, spacing: IParagraphOptions['spacing'] = lineSpacing) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(text, FONTS.title, sizePt)] });

/** The issuing mark (发文机关标志) in red 小标宋, centred. */
export const mastheadMark = (text: string, sizePt: number, spacing: IParagraphOptions['spacing'] = { before: 0, after: 120 }) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(text, FONTS.title, sizePt, { color: OFFICIAL_RED })] });

/** The red rule under the masthead, drawn as the bottom border of its last line (as wide as the type area). */
export const redRuleBorder = { bottom: { style: BorderStyle.SINGLE, size: 18, color: OFFICIAL_RED, space: 6 } };

/** 成文日期 as the standard writes it (one definition, in the calendar). */
export { cnDate };

/** The issuer and date, right, four characters in from the edge (署名 and 成文日期 without a seal). */
export const signature = (issuer: string, dateIso: string) => [
  new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT_2 * 2 }, spacing: lineSpacing, children: [run(issuer)] }),
  new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT_2 * 2 }, spacing: lineSpacing, children: [run(cnDate(dateIso))] }),
];

export interface Colophon {
  /** 抄送 recipients, joined with '，' and closed with '。'. */
  copyTo: string[];
  /** 印发机关 and 印发日期 (ISO); the row is left out without an office. */
  printOffice?: string;
  printDate?: string;
}

const COLOPHON_PT = 14; // 4号
const THICK = 8; // eighths of a point: 1 pt ≈ 0.35 mm
const THIN = 6; // 0.75 pt ≈ 0.25 mm
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });

/** The text of 版记's rows, as printed (tested). */
export function colophonLines(c: Colophon): { left: string; right?: string }[] {
  const rows: { left: string; right?: string }[] = [];
  const copy = c.copyTo.map((s) => s.trim()).filter(Boolean);
  if (copy.length) rows.push({ left: `抄送：${copy.join('，')}。` });
  if (c.printOffice?.trim()) rows.push({ left: c.printOffice.trim(), right: c.printDate ? `${cnDate(c.printDate)}印发` : undefined });
  return rows;
}

/**
 * 版记: a table as wide as the type area, its first and last rules thick, those between
 * thin, floating so that its last line is the type area's last line on the page it ends
 * on (the last page). Word honours the position; LibreOffice 7.4 sets it in the flow,
 * after the signature. Null when empty.
 */
export function colophonTable(c: Colophon): Table | null {
  const rows = colophonLines(c);
  if (!rows.length) return null;
  const width = mm(TYPE_AREA.width);
  const inset = mm(4.9); // one character of 4号
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    // Every row is one line of the grid, so the offset puts the last row on the last line.
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      absoluteVerticalPosition: LINE_PITCH * (LINES_PER_PAGE - rows.length),
    },
    borders: { top: rule(THICK), bottom: rule(THICK), left: NONE, right: NONE, insideHorizontal: rule(THIN), insideVertical: NONE },
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: { left: 0, right: 0, top: 0, bottom: 0 },
              children: [
                new Paragraph({
                  spacing: lineSpacing,
                  indent: { left: inset, right: inset },
                  tabStops: r.right ? [{ type: 'right', position: width - 2 * inset }] : undefined,
                  children: r.right ? [run(r.left, FONTS.body, COLOPHON_PT), run(`\t${r.right}`, FONTS.body, COLOPHON_PT)] : [run(r.left, FONTS.body, COLOPHON_PT)],
                }),
              ],
            }),
          ],
        }),
    ),
  });
}

/**
 * The paragraph styles of data tables, declared once in styles.xml: every cell's
 * paragraph names one instead of carrying its own fonts, size and spacing (a bulletin
 * has some 13,000 cells). Headings 黑体 五号, body 仿宋 小四, centred, at least 16 pt a line.
 */
export const TABLE_STYLES = { head: 'GongjianTableHead', text: 'GongjianTableText' } as const;
const TABLE_LINE = { line: 320, lineRule: LineRuleType.AT_LEAST };
const tableParagraphStyles: IParagraphStyleOptions[] = [
  { id: TABLE_STYLES.head, name: 'Gongjian Table Head', basedOn: 'Normal', run: { font: font(FONTS.heading1), size: pt(10.5), characterSpacing: CHAR_SPACING }, paragraph: { alignment: AlignmentType.CENTER, spacing: TABLE_LINE } },
  { id: TABLE_STYLES.text, name: 'Gongjian Table Text', basedOn: 'Normal', run: { font: font(FONTS.body), size: pt(12), characterSpacing: CHAR_SPACING }, paragraph: { alignment: AlignmentType.CENTER, spacing: TABLE_LINE } },
];

/** A block written as the serialiser's plain objects, without a component per element. */
class PreparedBlock extends FileChild {
  constructor(private readonly xml: IXmlableObject) {
    super(Object.keys(xml)[0]!);
  }
  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

const attr = (a: Record<string, string | number>) => ({ _attr: a });
const textRun = (text: string, breakBefore: boolean) => ({ 'w:r': [...(breakBefore ? [{ 'w:br': {} }] : []), { 'w:t': [attr({ 'xml:space': 'preserve' }), text] }] });
const tableBorder = attr({ 'w:val': 'single', 'w:color': 'auto', 'w:sz': 4 });
const dxa = (w: number) => attr({ 'w:type': 'dxa', 'w:w': w });

/**
 * A data table as wide as the type area, single thin rules, the heading row repeated on
 * every page and no row split across pages; cells centred, 2 pt above and below and
 * 4 pt either side (table-wide cell margins). A heading's unit in brackets goes on a
 * line of its own, so narrow columns break there and not inside "（%）". Widths are
 * relative. Written straight as the serialiser's objects (with the styles above) since
 * docx's components cost some 25 objects a cell.
 */
export function dataTable(headers: string[], rows: string[][], widths: number[]): FileChild {
  const total = widths.reduce((a, b) => a + b, 0);
  const shares = widths.map((w) => w / total);
  const textWidth = mm(TYPE_AREA.width);
  // OOXML's pct is in fiftieths of a percent (5000 = the whole width); the grid in twips of the type area.
  const tcPr = shares.map((share) => ({ 'w:tcPr': [{ 'w:tcW': attr({ 'w:type': 'pct', 'w:w': Math.round(share * 5000) }) }, { 'w:vAlign': attr({ 'w:val': 'center' }) }] }));
  const cell = (i: number, style: string, runs: object[]) => ({
    'w:tc': [tcPr[i], { 'w:p': [{ 'w:pPr': [{ 'w:pStyle': attr({ 'w:val': style }) }] }, ...runs] }],
  });
  return new PreparedBlock({
    'w:tbl': [
      {
        'w:tblPr': [
          { 'w:tblW': attr({ 'w:type': 'pct', 'w:w': 5000 }) },
          { 'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((side) => ({ [side]: tableBorder })) },
          { 'w:tblCellMar': [{ 'w:top': dxa(40) }, { 'w:left': dxa(80) }, { 'w:bottom': dxa(40) }, { 'w:right': dxa(80) }] },
        ],
      },
      { 'w:tblGrid': shares.map((share) => ({ 'w:gridCol': attr({ 'w:w': Math.round(share * textWidth) }) })) },
      {
        'w:tr': [
          { 'w:trPr': [{ 'w:tblHeader': {} }] },
          ...headers.map((h, i) => cell(i, TABLE_STYLES.head, h.split(/(?=（)/).map((part, j) => textRun(part, j > 0)))),
        ],
      },
      ...rows.map((r) => ({ 'w:tr': [{ 'w:trPr': [{ 'w:cantSplit': {} }] }, ...r.map((text, i) => cell(i, TABLE_STYLES.text, [textRun(text, false)]))] })),
    ],
  });
}

/** "— 1 —": 4号 半角宋体, one character in from the outside edge. */
function pageNumberFooter(align: 'left' | 'right') {
  const num = (text: string) => new TextRun({ text, font: font(FONTS.number, 'SimSun'), size: pt(14) });
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: mm(4.9) } : { left: mm(4.9) },
        children: [num('— '), new TextRun({ children: [PageNumber.CURRENT], font: font(FONTS.number, 'SimSun'), size: pt(14) }), num(' —')],
      }),
    ],
  });
}

/** The font table, with an alternative name for every Chinese font the layout asks for. */
function fontTableXml(): string {
  const entries = Object.entries(ALT_FONTS)
    .map(([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

export interface OfficialDocInput {
  title: string;
  creator: string;
  children: (Paragraph | Table | FileChild)[];
  /** 版记, placed after the body. */
  colophon?: Colophon;
  pageNumbers?: boolean;
}

/** The Word file: the page, grid, fonts and footers of GB/T 9704 around the given body. */
export async function officialDocx(input: OfficialDocInput): Promise<Buffer> {
  const colophon = input.colophon ? colophonTable(input.colophon) : null;
  // A floating table is anchored to the paragraph after it.
  const children = colophon ? [...input.children, colophon, new Paragraph({ spacing: lineSpacing, children: [] })] : input.children;
  const numbers = input.pageNumbers ?? true;
  const doc = new Document({
    creator: input.creator,
    title: input.title,
    evenAndOddHeaderAndFooters: numbers,
    styles: { default: { document: { run: { font: font(FONTS.body), size: pt(BODY_PT) } } }, paragraphStyles: tableParagraphStyles },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE.width), height: mm(PAGE.height) },
            // The footer's line ends about 7 mm below the type area, where the page number sits.
            margin: { top: mm(PAGE.top), bottom: mm(PAGE.bottom), left: mm(PAGE.left), right: mm(PAGE.right), header: mm(15), footer: mm(PAGE.bottom - 7 - 6) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: numbers ? { default: pageNumberFooter('right'), even: pageNumberFooter('left') } : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
