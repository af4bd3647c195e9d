/**
 * Rules added in round 39 (docs/extraction.md), written from set ao after it was scored once. One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { extractRules } from './index';
import { dated, projectsOf, quantitiesOf } from './roundViews';

describe('project names and their totals', () => {
  it('投资额X的NAME is the project’s total as 投资X的NAME is', () => {
    const text = '投资额60亿元的经开区电子电路产业园、投资额50亿元的临桂区超硬材料产业园等为代表的一批大项目将加快建设。';
    expect(projectsOf(text, { year: 2022 })).toEqual([
      ['经开区电子电路产业园', 60, '亿元'],
      ['临桂区超硬材料产业园', 50, '亿元'],
    ]);
  });

  it('宣布 ends a name read forward', () => {
    expect(projectsOf('当日，总投资231亿元的合肥新桥机场S1线宣布开建。', { year: 2023 })).toEqual([['合肥新桥机场S1线', 231, '亿元']]);
  });

  it('one total before names joined by 和 that run on to 等…项目 is the group’s, a figure', () => {
    const text = '总投资75.2亿元的宏启胜精密电子高端手机主板产业化和中国耀华功能玻璃绿色产业园等新兴产业项目开工建设。';
    expect(projectsOf(text, { year: 2021 })).toEqual([]);
    expect(quantitiesOf(text, { year: 2021 })).toEqual(['75.2亿元']);
  });
});

describe('a report told with 了', () => {
  it('建设了, 出台了, 组织了 tell what was done: a result, never a task dated by its year', () => {
    expect(extractRules('重点建设了投资2.85亿元年产1万台新型玉米收获机的亚亨农机制造园。', { year: 2012, date: '2012-10-01' }).items.map((i) => i.kind)).toEqual(['result', 'result']);
    expect(dated('今年3月15日，片区组织了今年第一批27个建设项目集中开工。', { year: 2021, date: '2021-03-20' })).toEqual([]);
    // (为了 is a purpose, not a report)
    expect(dated('为了落实要求，今年要完成改造任务30个。', { year: 2021, date: '2021-03-20' })).toEqual([['今年要完成改造任务30个', '2021-12-31']]);
  });
});
