import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHARS_PER_LINE, colophonLines, LINE_PITCH, LINES_PER_PAGE, mm, TYPE_AREA, BODY_PT, CHAR_SPACING } from '../../shared/officialDoc';
import {
  bulletinOutline,
  coverageText,
  doubleHalfSentence,
  laggingIndicators,
  laggingUnits,
  numberSections,
  problemParagraphs,
  progressSummary,
  projectsSentence,
  requirementsDraft,
  tasksSentence,
  type JudgedFigure,
  type Problems,
} from './sections';
import { numberCell, rowHeight } from './xlsx';

const fig = (name: string, completion: string, gap: string, extra: Partial<JudgedFigure> = {}): JudgedFigure => ({
  name,
  kind: 'flow',
  higherIsBetter: true,
  floor: '100',
  completion,
  gap,
  status: Number(gap) <= -30 ? 'far_behind' : Number(gap) <= -10 ? 'slightly_behind' : Number(gap) < 0 ? 'on_track' : 'ahead',
  doubleHalf: Number(completion) >= 50,
  ...extra,
});
const none: Problems = { indicators: [], units: [], projects: [], tasks: [], incomplete: [] };

describe('双过半', () => {
  it('counts the flow and count indicators with a target, complete ones only', () => {
    const rows = [fig('一般公共预算收入', '54.6', '5.0'), fig('出口', '52.4', '2.8'), fig('税占比', '103.6', '3.6', { kind: 'ratio', doubleHalf: false })];
    expect(doubleHalfSentence(rows)).toBe('有年度目标的2项总量指标均实现“时间过半、任务过半”。');
    expect(doubleHalfSentence([...rows, fig('工业投资', '43.6', '-6.0')])).toBe('有年度目标的3项总量指标中，2项实现“时间过半、任务过半”。');
    const partial = fig('固定资产投资', '60', '10', { complete: false, coverage: { reported: 4, expected: 6, missingUnitNames: ['徐庄镇', '东环街道'] } });
    expect(doubleHalfSentence([...rows, partial])).toBe('有年度目标的2项总量指标均实现“时间过半、任务过半”（另有1项指标数据尚未报齐，未计入）。');
    expect(doubleHalfSentence([fig('x', '10', '-40')])).toBe('有年度目标的1项总量指标均未实现“时间过半、任务过半”。');
    expect(doubleHalfSentence([{ ...fig('x', '60', '10'), floor: null, completion: null, gap: null }])).toBe('');
  });
});

describe('存在问题 and 下步工作要求', () => {
  const units = [
    { name: '新签约亿元以上项目', units: [{ unitName: '徐庄镇', completion: '0.0', gap: '-49.6', status: 'far_behind' as const }, { unitName: '大庙街道', completion: '5.9', gap: '-43.7', status: 'far_behind' as const }] },
    { name: '一般公共预算收入', units: [{ unitName: '徐庄镇', completion: '24.2', gap: '-25.4', status: 'slightly_behind' as const }, { unitName: '东环街道', completion: '44.4', gap: '-5.2', status: 'on_track' as const }] },
    { name: '固定资产投资', complete: false, units: [{ unitName: '金山桥街道', completion: '1.0', gap: '-48.6', status: 'far_behind' as const }] },
  ];
  it('names the units behind (amber and red, complete indicators), most lags first, with their gaps', () => {
    const u = laggingUnits(units);
    expect(u.map((x) => x.unitName)).toEqual(['徐庄镇', '大庙街道']);
    const text = problemParagraphs({ ...none, units: u });
    expect(text).toEqual([
      '（一）部分单位进度滞后。徐庄镇2项指标滞后，新签约亿元以上项目慢于序时进度49.6个百分点，一般公共预算收入慢于序时进度25.4个百分点；大庙街道1项指标滞后，新签约亿元以上项目慢于序时进度43.7个百分点。',
    ]);
  });
  it('numbers its points consecutively whichever are present, and is empty when nothing lags', () => {
    const p: Problems = {
      ...none,
      indicators: laggingIndicators([fig('工业投资', '43.6', '-6.0'), fig('出口', '52.4', '2.8'), fig('税占比', '96.0', '-4.0', { kind: 'ratio' })]),
      tasks: [{ title: 't', unitName: '金山桥街道', daysOverdue: 30 }],
      incomplete: [{ name: '固定资产投资', coverage: { reported: 4, expected: 6, missingUnitNames: ['徐庄镇', '东环街道'] } }],
    };
    const text = problemParagraphs(p);
    expect(text).toEqual([
      '（一）部分指标慢于序时进度。全区有2项指标慢于序时进度：工业投资完成全年目标的43.6%，慢于序时进度6个百分点；税占比为目标值的96.0%。',
      '（二）部分督办任务逾期。1项督办任务逾期未办结，涉及金山桥街道。',
      '（三）部分数据报送不全。固定资产投资已报4/6个单位，徐庄镇、东环街道未报。',
    ]);
    expect(problemParagraphs(none)).toEqual([]);
    expect(requirementsDraft(none, '下半年')).toBe('');
    const draft = requirementsDraft(p, '下半年').split('\n');
    expect(draft[0]).toBe('一要紧盯滞后指标。工业投资、税占比慢于序时进度，牵头部门要逐项分析原因、制定赶超措施，下半年力争追上序时进度。');
    expect(draft.map((l) => l.slice(0, 2))).toEqual(['一要', '二要', '三要']);
    expect(draft[2]).toContain('徐庄镇、东环街道要按时报送固定资产投资等数据');
  });
  it('says an incomplete figure as 已报N/M个单位, without judging it', () => {
    expect(coverageText({ reported: 4, expected: 6 })).toBe('已报4/6个单位');
    const partial = fig('固定资产投资', '20', '-29.6', { complete: false });
    expect(laggingIndicators([partial])).toEqual([]);
    expect(progressSummary('2022-06-30', '49.6', [fig('出口', '52.4', '2.8'), partial])).toBe(
      '截至2022年6月30日，时间进度49.6%。有年度目标的1项指标均达到或快于序时进度；1项指标数据尚未报齐。主要指标完成情况如下。',
    );
    // A row with no target not yet reported in full is counted too: the sentence matches the table.
    const untargeted = { ...fig('税占比', '0', '0', { complete: false }), floor: null };
    expect(progressSummary('2022-06-30', '49.6', [partial, untargeted])).toBe('截至2022年6月30日，时间进度49.6%。2项指标数据尚未报齐。主要指标完成情况如下。');
  });
});

describe('sections', () => {
  it('property: the sections present are numbered 一、二、… in order, with no gap', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (present) => {
        const titles = ['主要指标完成情况', '重点项目推进情况', '督查督办情况', '考核排名情况', '存在问题', '下步工作要求'];
        const out = numberSections(titles.map((title, i) => present[i] && { title }));
        expect(out.map((s) => s.title)).toEqual(titles.filter((_, i) => present[i]));
        out.forEach((s, i) => expect(s.heading).toBe(`${['一', '二', '三', '四', '五', '六'][i]}、${s.title}`));
      }),
    );
  });
  it('leaves out projects and tasks when the zone has none, and says what they are when it has', () => {
    const base = { asOf: '2023-06-30', timeProgress: '49.6', zoneFigures: [1], indicators: [], projectsBehind: [], ranking: null };
    const bare = bulletinOutline(base, '');
    expect(bare.map((s) => s.heading)).toEqual(['一、主要指标完成情况']);
    const full = bulletinOutline(
      { ...base, projects: { year: 2023, total: 2, byCategory: { industrial: 2 }, investmentCny: '48', investmentUsd: '0', started: 1, producing: 0 }, tasks: { total: 3, closed: 3, overdue: 0 }, problems: { ...none, tasks: [{ title: 't', unitName: 'u', daysOverdue: 1 }] } },
      '一要…',
    );
    expect(full.map((s) => s.heading)).toEqual(['一、主要指标完成情况', '二、重点项目推进情况', '三、督查督办情况', '四、存在问题', '五、下步工作要求']);
    expect(full[1]!.paragraphs[0]).toBe('全区列入2023年计划的项目2个，其中重大产业项目2个，计划总投资48亿元。截至2023年6月30日，已开工1个；各项目均无到期未完成的节点。');
    expect(tasksSentence({ total: 18, closed: 16, overdue: 2 }, '2022-06-30')).toBe('截至2022年6月30日，全区共有督办任务18项，已办结16项，正在办理2项，其中逾期未办结2项，具体如下。');
    expect(tasksSentence({ total: 3, closed: 3, overdue: 0 }, '2023-06-30')).toBe('截至2023年6月30日，全区共有督办任务3项，已办结3项。');
    expect(projectsSentence({ year: 2022, total: 1, byCategory: {}, investmentCny: '0', investmentUsd: '4.7', started: 0, producing: 0 }, '2022-06-30', 1)).toBe(
      '全区列入2022年计划的项目1个，计划总投资4.7亿美元。截至2022年6月30日，1个项目存在节点滞后，具体如下。',
    );
  });
});

describe('GB/T 9704 page and 版记', () => {
  it('22 lines of 28 characters of 3号 fill the type area, a 29th character does not', () => {
    expect(LINES_PER_PAGE * LINE_PITCH).toBeLessThanOrEqual(mm(TYPE_AREA.height));
    expect((LINES_PER_PAGE + 1) * LINE_PITCH).toBeGreaterThan(mm(TYPE_AREA.height));
    const char = BODY_PT * 20 + CHAR_SPACING; // twips
    expect(CHARS_PER_LINE * char).toBeLessThanOrEqual(mm(TYPE_AREA.width));
    expect((CHARS_PER_LINE + 1) * char).toBeGreaterThan(mm(TYPE_AREA.width));
  });
  it('版记 rows: 抄送 closed with 。, then 印发机关 and 印发日期', () => {
    expect(colophonLines({ copyTo: ['区党工委、管委会领导', ' 各镇（街道） '], printOffice: '淮安经济技术开发区督查办公室', printDate: '2023-07-16' })).toEqual([
      { left: '抄送：区党工委、管委会领导，各镇（街道）。' },
      { left: '淮安经济技术开发区督查办公室', right: '2023年7月16日印发' },
    ]);
    expect(colophonLines({ copyTo: [] })).toEqual([]);
  });
});

describe('Excel cells', () => {
  it('prints figures as numbers with the same look', () => {
    expect(numberCell('18.56')).toEqual({ value: 18.56, numFmt: '0.00' });
    expect(numberCell('54.6%')).toEqual({ value: 0.546, numFmt: '0.0%' });
    expect(numberCell('+5.0')).toEqual({ value: 5, numFmt: '+0.0;-0.0;0.0' });
    expect(numberCell('-41.5')).toEqual({ value: -41.5, numFmt: '0.0' });
    expect(numberCell('已报4/6个单位')).toEqual({ value: '已报4/6个单位' });
    expect(numberCell('2022-05-31')).toEqual({ value: '2022-05-31' });
  });

  it('gives a wrapped row the height of its lines (LibreOffice does not fit rows itself)', () => {
    const one = rowHeight('一、主要指标完成情况', 12);
    expect(one).toBe(rowHeight('x', 12));
    // 12 pt characters are 2.28 units wide: 28 to a line of 64 units, so 120 take 5 lines.
    expect(rowHeight('字'.repeat(120), 12)).toBe(Math.ceil(5 * 12 * 1.35 + 4));
    // Latin and digits count half.
    expect(rowHeight('1'.repeat(240), 12)).toBe(rowHeight('字'.repeat(120), 12));
    fc.assert(fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), (a, b) => rowHeight(a + b, 12) >= rowHeight(a, 12)));
  });
});
