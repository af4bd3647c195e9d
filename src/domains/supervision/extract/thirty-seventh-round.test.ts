/**
 * Rules added in round 37 (docs/extraction.md), written from the misses of sets ah–al and then of set am after it was
 * scored once. One test per rule, on invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf, quantitiesOf } from './roundViews';

describe('what a time makes a task', () => {
  it('形成 (a report, a scale) and 清零 are actions a date can bound', () => {
    const text = '要加快问题整改，12月15日前“见底清零”；扎实做好专项排查，12月5日前形成专题报告。';
    expect(dated(text, { year: 2018, date: '2018-11-24' })).toEqual([
      ['要加快问题整改，12月15日前“见底清零”', '2018-12-15'],
      ['扎实做好专项排查，12月5日前形成专题报告', '2018-12-05'],
    ]);
    // (a report of what took shape is no task: 形成了)
    expect(dated('12月5日前已形成专题报告。', { year: 2018, date: '2018-12-20' })).toEqual([]);
  });

  it('制定 (a plan, a scheme) is one too, whatever the clauses after it', () => {
    expect(dated('由经发局负责，在6月份之前制定《实施方案》，把握定位，努力打造钻石节点。', { year: 2015, date: '2015-01-21' })).toEqual([
      ['在6月份之前制定《实施方案》，把握定位，努力打造钻石节点', '2015-06-30'],
    ]);
  });
});

describe('an expected date', () => {
  it('预计到 + a date still ahead is the time of what follows', () => {
    expect(dated('预计到7月20日附属工程交安及边坡防护将全部完成。', { year: 2023, date: '2023-06-16' })).toEqual([
      ['预计到7月20日附属工程交安及边坡防护将全部完成', '2023-07-20'],
    ]);
    // (到 + a date already past is where a report stands)
    expect(dated('到5月20日，附属工程已全部完成。', { year: 2023, date: '2023-06-16' })).toEqual([]);
  });
});

describe('a rallying call', () => {
  it('完成全年发展目标任务 is the year’s call, no task of its own', () => {
    expect(dated('确保如期完成全年发展目标任务。', { year: 2023, date: '2023-06-16' })).toEqual([]);
    expect(dated('确保全年完成固定资产投资50亿元。', { year: 2023, date: '2023-06-16' })).toEqual([['确保全年完成固定资产投资50亿元', '2023-12-31']]);
  });
});

describe('project names', () => {
  it('a date after the name is no part of it', () => {
    expect(projectsOf('总投资25.3亿元的国道580线公路工程自2021年6月开工建设以来，进展顺利。', { year: 2023 })).toEqual([['国道580线公路工程', 25.3, '亿元']]);
    expect(projectsOf('总投资3亿元的某某产业园于2022年5月开工。', { year: 2023 })).toEqual([['某某产业园', 3, '亿元']]);
  });

  it('one total before names that run on to 等项目 is the group’s, a figure', () => {
    const text = '总投资36亿元的大安石油、镇赉油砂、洮南万宝煤矿等项目有序推进。';
    expect(projectsOf(text, { year: 2012 })).toEqual([]);
    expect(quantitiesOf(text, { year: 2012 })).toEqual(['36亿元']);
    // (each name with its own amount is a list of projects)
    expect(projectsOf('重点建设了总投资2.8亿元的新誉风机生产、投资1.5亿元的顺天农机具制造等一批项目。', { year: 2012 })).toEqual([
      ['新誉风机生产', 2.8, '亿元'],
      ['顺天农机具制造', 1.5, '亿元'],
    ]);
  });

  it('a capacity right after the amount stands between it and the name, and is a figure', () => {
    const text = '重点建设了投资2.85亿元年产1万台新型玉米收获机的亚亨农机制造园。';
    expect(projectsOf(text, { year: 2012 })).toEqual([['亚亨农机制造园', 2.85, '亿元']]);
    expect(quantitiesOf(text, { year: 2012 })).toEqual(['1万台']);
  });
});

describe('a task table with progress columns', () => {
  it('the year of the list dates the task cells, never the progress cells or the header', () => {
    const text = [
      '2023年区政府重点民生实事项目推进情况（1-11月）',
      '序号 | 主要任务 | 牵头单位 | 1-10月推进情况 | 1-11月推进情况 | 是否达序 |',
      '1 | 新建停车泊位500个。 | 城管局 | 已进场施工，完成30%。 | 已建成停车泊位300个。 | 是 |',
      '2 | 改造老旧小区12个。 | 住建局 | 已完成设计。 | 已开工8个，剩余4个计划12月20日前开工。 | 是 |',
    ].join('\n');
    expect(dated(text, { year: 2023, date: '2023-12-10' })).toEqual([
      ['1 | 新建停车泊位500个', '2023-12-31'],
      ['2 | 改造老旧小区12个', '2023-12-31'],
      ['剩余4个计划12月20日前开工', '2023-12-20'],
    ]);
  });
});

describe('a sentence that reports and pledges', () => {
  it('its segment that tells what was done is a report, its segment with a time ahead a task', () => {
    const text = '今年，白城开工建设了13个风电项目，已完成投资55.5亿元；镇赉众合稻壳发电项目年底前建成投产。';
    expect(dated(text, { year: 2012 })).toEqual([['镇赉众合稻壳发电项目年底前建成投产', '2012-12-31']]);
    // (a segment that also plans stays as it was: "…已完成厂房建设，计划9月份生产")
    expect(dated('今年，某产业园已完成厂房建设，计划9月份生产；某中心年底前建成投产。', { year: 2018, date: '2018-05-10' })).toEqual([
      ['今年，某产业园已完成厂房建设，计划9月份生产', '2018-09-30'],
      ['某中心年底前建成投产', '2018-12-31'],
    ]);
  });
});
