/**
 * Rules added in round 19 for failure classes of set r, read after it was scored once with rounds 8 and 11–18
 * (docs/extraction.md); set s was collected and labelled by others, without the extractor's output, while these
 * rules were written, and is held out whole. One test per rule, on short invented sentences of the same kind
 * (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf } from './roundViews';

const opts = { year: 2024, date: '2024-01-20' };

describe('counted lists', () => {
  it('a list chosen by a vote ("选出了…十大民生实事项目") frames the lines under it; its "一、" lines are titles, not sections', () => {
    const text = [
      '会议采取票决的方式选出了2024年某区十大民生实事项目。',
      '一、加强学位建设。',
      '新增幼儿园学位1500个。',
      '二、加强午休保障。',
      '确保全区小学生校内午休“躺着睡”。',
    ].join('\n');
    expect(dated(text, opts)).toEqual([
      ['新增幼儿园学位1500个', '2024-12-31'],
      ['确保全区小学生校内午休“躺着睡”', '2024-12-31'],
    ]);
  });

  it('"18项惠民实事如下：" and "确定惠民实事项目18项" announce one too', () => {
    expect(dated('今年，某区确定惠民实事项目18项，总投资近12亿元。完成12个居民小区供水设施改造。', opts).map(([, d]) => d)).toEqual([
      '2024-12-31',
      '2024-12-31',
    ]);
    // (the first item keeps the words that announce the list, as in round 18)
    expect(dated('18项惠民实事如下：完成12个居民小区供水设施改造；建成城区养老服务中心。', opts)).toEqual([
      ['18项惠民实事如下：完成12个居民小区供水设施改造', '2024-12-31'],
      ['建成城区养老服务中心', '2024-12-31'],
    ]);
  });

  it('a list taken up again without a year keeps the year it was announced with (the fix after set s)', () => {
    const text = '2025年，某市要为民办好这10件实事。10件实事是：完成职业技能培训3万人，新建校舍8.6万平方米。';
    expect(dated(text, { year: 2024, date: '2024-12-13' }).map(([, d]) => d)).toEqual(['2025-12-31', '2025-12-31']);
  });

  it('a count of 实事 with their total investment is a group, not a project', () => {
    expect(projectsOf('2024年，该县将实施43件为民办实事项目，总投资达10亿元。', opts)).toEqual([]);
  });
});

describe('deadlines', () => {
  it('a span is due at its end ("2024年5月至12月", "5月至2025年6月"), in the year its start names', () => {
    expect(dated('建设周期为2024年5月至12月，预计新增年营业额约10亿元。', opts)).toEqual([
      ['建设周期为2024年5月至12月，预计新增年营业额约10亿元', '2024-12-31'],
    ]);
    expect(dated('建设周期为2024年5月至2025年6月，改造后预计年税收超过1000万元。', opts).map(([, d]) => d)).toEqual(['2025-06-30']);
    // (a reporting period already past is no deadline)
    expect(dated('1月至9月，全区完成固定资产投资100亿元。', { year: 2024, date: '2024-10-10' })).toEqual([]);
  });
});

describe('projects', () => {
  it('the site of an event before a name is not part of it ("主会场设在X")', () => {
    expect(projectsOf('当日活动主会场设在某某科技产业园，该产业园总投资120亿元。', opts)).toEqual([['某某科技产业园', 120, '亿元']]);
  });
});
