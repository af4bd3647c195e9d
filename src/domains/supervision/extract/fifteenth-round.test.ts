/**
 * Rules added in round 15 for failure classes of set n, read after it was scored once with rounds 8 and 11–14
 * (docs/extraction.md); set o was collected and labelled by others, without the extractor's output, while these
 * rules were written, and is held out whole. One test per rule, on short invented sentences of the same kind
 * (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { extractRules } from './index';
import { dated, quantitiesOf } from './roundViews';

describe('deadlines', () => {
  it('a heading ending in a colon names the year of the targets under it, figures with changes included', () => {
    const text = ['宏达开发区', '2011年主要目标：', '1.经济指标。规模以上工业总产值同比增长30%以上。', '2.城东新城。启动城东新城快速通道的相关基础工作。'].join('\n');
    expect(dated(text, { year: 2011, date: '2011-04-27' })).toEqual([
      ['规模以上工业总产值同比增长30%以上', '2011-12-31'],
      ['启动城东新城快速通道的相关基础工作', '2011-12-31'],
    ]);
    // a heading that reviews the year reports what was done
    const review = ['2023年主要目标完成情况', '地区生产总值同比增长3.2%。'].join('\n');
    expect(dated(review, { year: 2024, date: '2024-01-20' })).toEqual([]);
  });

  it('a weekday in brackets before 前', () => {
    expect(dated('请各单位于4月20日（星期五）前上报区督查组。', { year: 2007, date: '2007-04-10' })).toEqual([['请各单位于4月20日（星期五）前上报区督查组', '2007-04-20']]);
  });

  it('this month with an adverb before its milestone; a planned cumulative count at year end', () => {
    expect(dated('宏达热电二期本月正式投产。', { year: 2010, date: '2010-12-15' })).toEqual([['宏达热电二期本月正式投产', '2010-12-31']]);
    expect(dated('计划年底累计投用园区项目超60个。', { year: 2024, date: '2024-03-01' })).toEqual([['计划年底累计投用园区项目超60个', '2024-12-31']]);
    expect(dated('年底累计投用园区项目60个。', { year: 2024, date: '2024-12-20' })).toEqual([]);
  });

  it('至N月底 opening a sentence is a deadline while the month is ahead, a cut-off once it has ended', () => {
    const text = '至11月底，宏达园区一期6个轻工企业将全部动工建设。';
    expect(dated(text, { year: 2010, date: '2010-11-08' })).toEqual([['至11月底，宏达园区一期6个轻工企业将全部动工建设', '2010-11-30']]);
    expect(dated('至9月底，宏达园区累计完成投资5亿元。', { year: 2010, date: '2010-10-08' })).toEqual([]);
  });

  it('a year not yet ended that frames figures with changes is no report; its changes are their figures’ yoy', () => {
    const text = '2017年，全区营业总收入实现4500亿元，同比增长11.2%。';
    const kinds = (opts: { year: number; date: string }) => extractRules(text, opts).items.map((i) => i.kind);
    expect(kinds({ year: 2017, date: '2017-03-01' })).toEqual(['task']);
    expect(quantitiesOf(text, { year: 2017, date: '2017-03-01' })).toEqual(['4500亿元']);
    // (the year opening the sentence with no commitment word frames it: no deadline, by the labelling rules of set a)
    expect(dated(text, { year: 2017, date: '2017-03-01' })).toEqual([]);
    // once the year has ended the same words report
    expect(kinds({ year: 2018, date: '2018-01-20' })).toEqual(['result']);
  });

  it('“2020年目标：” lists the year’s targets', () => {
    expect(dated('2020年目标：地区生产总值增长5%左右，固定资产投资总额增长8%左右。', { year: 2020, date: '2020-01-07' })).toEqual([
      ['2020年目标：地区生产总值增长5%左右，固定资产投资总额增长8%左右', '2020-12-31'],
    ]);
  });
});
