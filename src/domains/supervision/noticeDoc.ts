// The supervision notice (督办单) as a Word document, laid out by the shared
// GB/T 9704 writer (src/shared/officialDoc): the issuing office in red 小标宋 over
// the red rule, the document number, the title, the recipient unit, the body in
// 仿宋_GB2312 3号 on the 22-line grid, the issuing office and date with room for the
// seal, and 版记 (抄送) at the foot of the page.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { bodyPara, FONTS, lineSpacing, mastheadMark, officialDocx, redRuleBorder, run, titlePara } from '../../shared/officialDoc';
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

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Issuing office and date, right, with room for the seal (用印) above the date. */
function sealBlock(issuer: string, issuedOn: string) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 45, type: WidthType.PERCENTAGE }, children: [new Paragraph('')] }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...lineSpacing, before: 240 }, children: [run('（印章）', FONTS.body, 12, { color: 'A6A6A6' })] }),
              new Paragraph({ alignment: AlignmentType.CENTER, spacing: lineSpacing, children: [run(issuer)] }),
              new Paragraph({ alignment: AlignmentType.CENTER, spacing: lineSpacing, children: [run(zhDate(issuedOn))] }),
            ],
          }),
        ],
      }),
    ],
  });
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
    // 版头: the issuing office in red, then the number over the red rule.
    mastheadMark(n.issuer, 24),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, border: redRuleBorder, children: [run(n.number)] }),
    titlePara('督 办 单', 22, { before: 360, after: 240 }),
    new Paragraph({ spacing: lineSpacing, children: [run(`${n.unitName}：`)] }),
    bodyPara(`${source}“${n.taskText}”一项，${who}，办结时限为${zhDate(n.deadline)}。截至目前，该任务尚未办结${late}${slip}。`),
  ];
  if (n.delayReason) children.push(bodyPara(`你单位报送的延误原因：${n.delayReason}`));
  children.push(bodyPara('现予督办，请你单位高度重视，按以下要求抓紧办理：'));
  reqLines.forEach((l, i) => children.push(bodyPara([run(`${CN[i] ?? String(i + 1)}、`, FONTS.heading1), run(l.replace(/^[一二三四五六七八九十\d]+[、.．]\s*/, ''))])));
  children.push(bodyPara(`请于${zhDate(n.requiredBy)}前将办理情况书面报送${n.issuer}。逾期未办结的，将按有关规定予以通报。`));
  children.push(sealBlock(n.issuer, n.issuedOn));
  return officialDocx({ title: `督办单 ${n.number}`, creator: n.issuer, children, colophon: { copyTo: n.copyTo } });
}
