/**
 * Rules added in round 41 (docs/extraction.md), written from set aq after it was scored once, each measured on the whole
 * corpus. One test per rule, on invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { extractRules } from './index';
import { projectsOf, quantitiesOf } from './roundViews';

describe('a day still ahead before a milestone', () => {
  it('dates the milestone through 可以 / 如期 / 按期, and every milestone counts (开园, 开业, 投入使用)', () => {
    const due = (text: string) => extractRules(text, { year: 2020, date: '2020-02-20' }).items.map((i) => i.deadline);
    expect(due('我们不断优化施工工艺，9月30日可以如期开园。')).toEqual(['2020-09-30']);
    expect(due('商业综合体12月26日按期开业。')).toEqual(['2020-12-26']);
    // (a day already past tells what happened)
    expect(due('商业综合体1月26日开业。')).toEqual([]);
  });
});

describe('project names', () => {
  it('the tail of a range of amounts (5亿元至10亿元项目) and a bare 建设 are no names', () => {
    const text = '总投资5亿元至10亿元项目有16个，总投资107亿元；一季度计划完成重点建设项目投资180亿元以上。';
    expect(projectsOf(text, { year: 2023 })).toEqual([]);
    expect(quantitiesOf(text, { year: 2023 })).toEqual(['16个', '107亿元', '180亿元']);
  });
});
