/**
 * Rules added in round 38 (docs/extraction.md), written from set an after it was scored once. One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf, quantitiesOf } from './roundViews';

describe('a works period', () => {
  it('stated while it runs, ends with its last year', () => {
    expect(dated('该项目总投资约3.5亿元，建设工期2023-2025年。', { year: 2023, date: '2023-02-21' })).toEqual([['建设工期2023-2025年', '2025-12-31']]);
    expect(dated('该项目建设周期为2023年至2024年。', { year: 2023, date: '2023-02-21' })).toEqual([['该项目建设周期为2023年至2024年', '2024-12-31']]);
    // (one that has ended tells the past)
    expect(dated('该项目建设工期2019-2021年。', { year: 2023, date: '2023-02-21' })).toEqual([]);
  });
});

describe('an official notice', () => {
  it('its number and addressees come before the lead that names the plan it splits', () => {
    const text = [
      '某政〔2023〕2号',
      '各县（市、区）人民政府，市人民政府各部门：',
      '现将《政府工作报告》提出的2023年重点工作任务予以分解并明确责任单位。',
      '一、促进经济稳中提升',
      '1.新建城市公园5个。',
    ].join('\n');
    expect(dated(text, { year: 2023, date: '2023-02-20' })).toEqual([['1.新建城市公园5个', '2023-12-31']]);
  });
});

describe('a list of the year’s targets', () => {
  it('a ；-segment of its sentence without a figure is a target too', () => {
    const text = '2017年全市主要预期目标是：地区生产总值增长8.5%左右；城乡居民收入增长与经济增长同步；全面完成省下达节能减排任务。';
    expect(dated(text, { year: 2017, date: '2017-01-13' })).toEqual([
      ['2017年全市主要预期目标是：地区生产总值增长8.5%左右', '2017-12-31'],
      ['城乡居民收入增长与经济增长同步', '2017-12-31'],
      ['全面完成省下达节能减排任务', '2017-12-31'],
    ]);
  });
});

describe('a counted list', () => {
  it('ends at a paragraph that tells of the meeting about it', () => {
    const text = [
      '年初县政府作出承诺：2015年度着力实施好“十件实事”。',
      '会上，承担“十件实事”的20多个责任单位分别作了汇报发言。',
      '县长要求，各相关部门要加强协调，确保“十件实事”如期完成。',
    ].join('\n');
    expect(dated(text, { year: 2015, date: '2015-12-11' }).map(([t]) => t)).not.toContain('承担“十件实事”的20多个责任单位分别作了汇报发言');
    expect(dated(text, { year: 2015, date: '2015-12-11' }).map(([t]) => t)).not.toContain('各相关部门要加强协调，确保“十件实事”如期完成');
  });
});

describe('应 before an action', () => {
  it('is a plan quoted in a progress report, dated when still ahead', () => {
    const text = '按照计划，到2018年底，主城区应完成3万户居民小区供水管网改造，目前已完成26900户。';
    expect(dated(text, { year: 2018, date: '2018-09-12' })).toEqual([['按照计划，到2018年底，主城区应完成3万户居民小区供水管网改造，目前已完成26900户', '2018-12-31']]);
    // (相应, 供应 are no plan)
    expect(dated('2018年底，全区已相应完成供水管网改造3万户。', { year: 2018, date: '2019-01-12' })).toEqual([]);
  });
});

describe('a project’s attributes', () => {
  it('two or three of them may stand between its total and its name', () => {
    const text = '总投资12亿元、占地面积500亩、建筑面积约20万平方米的浙江某学院新校区项目开工。';
    expect(projectsOf(text, { year: 2018 })).toEqual([['浙江某学院新校区', 12, '亿元']]);
    expect(quantitiesOf(text, { year: 2018 })).toEqual(['500亩', '20万平方米']);
  });
});

describe('the document’s date after its year', () => {
  it('is kept, so that a report of the year delivered after it dates nothing of that year as ahead', () => {
    expect(dated('2018年11月，该项目建成投产。', { year: 2018, date: '2019-01-12' })).toEqual([]);
    // (a date before the year given is still dropped: a plan delivered in the December before reads its times in its own year)
    expect(dated('该项目计划11月建成投产。', { year: 2019, date: '2018-12-26' })).toEqual([['该项目计划11月建成投产', '2019-11-30']]);
  });
});
