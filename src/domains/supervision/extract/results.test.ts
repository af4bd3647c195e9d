import { describe, expect, it } from 'vitest';
import { extractRules } from './index';
import { isReportSentence, periodEnd } from './results';

describe('result or commitment, from the sentence', () => {
  it.each([
    ['今年一季度，经开区营业收入110.4亿元，同比增长26%', true],
    ['一季度，技改投资也完成1.57亿元，完成目标任务的112.1%', true],
    ['1-8月，完成全年43亿元目标任务的34.82%', true],
    ['实现地区生产总值664.3亿元，增长5.5%，高于全国1个百分点', true],
    ['预计全年实现地区生产总值685亿元，增长8.5%左右', true],
    ['要在15个工作日内完成排查，明年上半年前建成', false],
    ['力争全年实现地区生产总值增长8%', false],
    ['2022年，全市实施高端化项目76项，总投资1782.3亿元，年内计划完成投资257.2亿元', false],
  ])('%s → report %s', (s, report) => {
    expect(isReportSentence(s)).toBe(report);
  });

  it('a period not yet ended at the document date is a plan', () => {
    expect(isReportSentence('上半年完成固定资产投资20亿元', '2023-03-10')).toBe(false);
    expect(isReportSentence('上半年完成固定资产投资20亿元', '2023-07-10')).toBe(true);
    expect(periodEnd('1-8月', 2023)).toBe('2023-08-31');
    expect(periodEnd('YTD', 2023)).toBeNull();
  });

  it('a change right after a figure is its yoy; a change of its own is a figure', () => {
    const r = extractRules('实现地区生产总值664.3亿元，增长5.5%，规上工业增加值同比增长8.4%。商品房销售面积20.1万平方米，增长72%，房地产业工资总额增长11.6%。');
    const qs = r.items.flatMap((i) => i.quantities.map((q) => `${q.value}${q.unit}`));
    expect(qs).toEqual(['664.3亿元', '8.4%', '20.1万平方米', '11.6%']);
    expect(r.items.find((i) => i.quantities[0]?.value === 664.3)).toMatchObject({ kind: 'result', yoy: 5.5 });
    expect(r.items.find((i) => i.quantities[0]?.value === 8.4)).toMatchObject({ kind: 'result', yoy: 8.4 });
  });

  it('a second change after a rate is a figure: 比上年同期提高21.9个百分点', () => {
    const r = extractRules('高新技术产业完成投资357.1亿元，同比增长22.0%，比上年同期提高21.9个百分点。');
    expect(r.items.flatMap((i) => i.quantities.map((q) => `${q.value}${q.unit}`))).toEqual(['357.1亿元', '21.9个百分点']);
  });

  it('reports carry no deadline, pledges do (document date given)', () => {
    const r = extractRules('一季度，全市25个省重点工业项目完成投资35.9亿元。要确保上半年完成投资80亿元。', { date: '2018-04-20' });
    expect(r.items.map((i) => [i.kind, i.deadline])).toEqual([['result', null], ['result', null], ['task', '2018-06-30']]);
  });
});
