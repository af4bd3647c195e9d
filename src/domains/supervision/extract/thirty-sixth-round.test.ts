/**
 * Rules added in round 36, written from set aj after it was scored once (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { extractRules } from './index';
import { findPeriod } from './results';
import { dated, projectsOf, quantitiesOf } from './roundViews';

describe('a phase named with its end in brackets', () => {
  it('is due then when its line says no more', () => {
    const text = '二、整治时间\n（一）动员部署阶段（2024年5月10日前）\n（二）集中整改阶段（6月底前）\n（三）长效管理阶段（长期）';
    expect(dated(text, { year: 2024, date: '2024-04-20' })).toEqual([
      ['（一）动员部署阶段（2024年5月10日前）', '2024-05-10'],
      ['（二）集中整改阶段（6月底前）', '2024-06-30'],
    ]);
  });

  it('leaves the work that follows on the line to the rules that read it', () => {
    expect(dated('（一）排查阶段（5月20日前）。各镇要全面排查辖区内问题。', { year: 2024, date: '2024-04-20' })).toEqual([
      ['（一）排查阶段（5月20日前）', '2024-05-20'],
    ]);
    // a bracket that is not a phase's time stays undated
    expect(dated('（一）排查工作（5月20日前）', { year: 2024, date: '2024-04-20' })).toEqual([]);
  });
});

describe('a step joined to a commitment', () => {
  it('a date after 并于 is the commitment’s next step, whatever its verb, when still ahead', () => {
    const text = '各责任单位要在6月30日前完成集中整改，并于7月4日提交整改情况书面报告。';
    expect(dated(text, { year: 2016, date: '2016-06-21' })).toEqual([
      ['各责任单位要在6月30日前完成集中整改', '2016-06-30'],
      ['并于7月4日提交整改情况书面报告', '2016-07-04'],
    ]);
    expect(dated('各单位已于6月30日完成整改，并于7月4日提交了报告。', { year: 2016, date: '2016-08-01' })).toEqual([]);
  });
});

describe('a water project’s milestones', () => {
  it('截流 and 蓄水 are milestones, and 下 after a month is a dekad only before 旬 or 半', () => {
    const text = '该水库工程2024年10月下河截流，2027年10月下闸蓄水。';
    expect(dated(text, { year: 2023, date: '2023-05-20' })).toEqual([
      ['该水库工程2024年10月下河截流', '2024-10-31'],
      ['2027年10月下闸蓄水', '2027-10-31'],
    ]);
    expect(dated('该工程预计10月下旬完成主体施工。', { year: 2023, date: '2023-05-20' })).toEqual([['该工程预计10月下旬完成主体施工', '2023-10-31']]);
  });
});

describe('a reporting period', () => {
  it('今年前N月 and 今年前三季度 report, and never read as the year’s end', () => {
    expect(dated('今年前7月，该项目完成投资1.5亿元，推动3条生产线完成试生产。', { year: 2023, date: '2023-08-06' })).toEqual([]);
    expect(dated('今年前三季度，全区完成固定资产投资50亿元。', { year: 2023, date: '2023-10-20' })).toEqual([]);
    expect(dated('今年要完成固定资产投资50亿元。', { year: 2023, date: '2023-02-20' })).toEqual([['今年要完成固定资产投资50亿元', '2023-12-31']]);
  });

  it('a figure completed in 今年前N月, ended at the document’s date, is a result', () => {
    const kinds = (date: string) => extractRules('今年前7月，全区完成固定资产投资50亿元。', { year: 2023, date }).items.map((i) => i.kind);
    expect(kinds('2023-08-20')).toEqual(['result']);
    expect(kinds('2023-05-20')).toEqual(['task']);
  });

  it('names the period from January, in digits or in words', () => {
    expect(findPeriod('今年前7月，全区完成固定资产投资50亿元')).toBe('1-7月');
    expect(findPeriod('前10个月，规上工业增加值增长8%')).toBe('1-10月');
    expect(findPeriod('前三个月，重点项目开工85个')).toBe('1-3月');
    expect(findPeriod('前三季度，完成投资22亿元')).toBe('Q1-Q3');
  });
});

describe('an investment and its share', () => {
  it('亿元 is never split into 亿 and a name that starts with 元', () => {
    expect(projectsOf('民间投资3671亿元、占项目总投资的58.6%。')).toEqual([]);
    expect(quantitiesOf('民间投资3671亿元、占项目总投资的58.6%。')).toEqual(['3671亿元', '58.6%']);
  });

  it('a share of a total is a figure, never a project named by it', () => {
    expect(projectsOf('该高速累计完成投资30.5亿元，占总投资39.59亿元的77.04%。')).toEqual([]);
  });

  it('an attribute may stand between a bare 投资 and its project, as after 总投资', () => {
    expect(projectsOf('开工建设的还有投资3亿元、年产1.6亿个包装箱的某某印刷包装项目。')).toEqual([['某某印刷包装', 3, '亿元']]);
  });

  it('a nameless total in a list item never takes the name of the item before it', () => {
    const text = '新开工项目3个，分别为：某某光电子产业化项目（一期），总投资28亿元；某某·国际健康旅游产业园一期，总投资11.24亿元；某某文化产业园（一期），总投资20亿元。';
    expect(projectsOf(text, { year: 2014 })).toEqual([
      ['某某光电子产业化', 28, '亿元'],
      ['某某文化产业园', 20, '亿元'],
    ]);
    // (a total taken up by 该项目 still reaches back across the items before it)
    expect(projectsOf('某某厂房建设项目1#厂房吊装完成；2#厂房桩基完成。该项目总投资3.5亿元。', { year: 2020 })).toEqual([['某某厂房建设', 3.5, '亿元']]);
  });
});
