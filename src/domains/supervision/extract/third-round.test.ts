/**
 * Rules added for the misses listed after set b (docs/extraction.md), read on sets a and b only
 * (all of them development texts now). One test per rule, on short invented sentences of the same
 * kind (not corpus texts; set c was labelled before these rules and held out whole).
 */
import { describe, expect, it } from 'vitest';
import { extractRules } from './index';
import { findProjects } from './projects';
import { deadlinesOf, type DeadlineContext } from './deadline';
import { normalize, quoteMask } from './sentences';

function ps(text: string) {
  const norm = normalize(text);
  return findProjects(norm, quoteMask(norm), 0, norm.length).map((p) => [p.name, p.investment.value, p.investment.unit, p.rule]);
}
const quantitiesOf = (text: string, opts = {}) => extractRules(text, opts).items.flatMap((i) => i.quantities.map((q) => `${q.value}${q.unit}${q.atLeast ? '+' : ''}`));
const datesOf = (text: string, c: DeadlineContext) => deadlinesOf(text, c).map((d) => [d.phrase, d.date]);
const ctx: DeadlineContext = { year: 2024, date: '2024-04-10' };

describe('deadlines: a month or a date without 份/前 as the time of a commitment', () => {
  it('a month alone after 确保/力争/将/能在', () => {
    expect(datesOf('确保9月建成投入使用', ctx)).toEqual([['9月', '2024-09-30']]);
    expect(datesOf('为确保生产线能在7月实现部分投产', ctx)).toEqual([['7月', '2024-07-31']]);
    // not after a plain noun or in a report
    expect(datesOf('7月完成投资2亿元', ctx)).toEqual([]);
  });

  it('a date after 在/于 followed by a modal or completion verb, or after a commitment word', () => {
    expect(datesOf('在9月20日能够完成全部施工', ctx)).toEqual([['9月20日', '2024-09-20']]);
    expect(datesOf('力争10月15日竣工', ctx)).toEqual([['10月15日', '2024-10-15']]);
    expect(datesOf('9月20日召开推进会', ctx)).toEqual([]);
  });
});

describe('deadlines: what is not one', () => {
  it('a bare year before 实施/启动/竣工 is the time of the verb', () => {
    expect(datesOf('2025年实施二期扩建', ctx)).toEqual([['2025年', '2025-12-31']]);
  });

  it('past events told with 是…的 and relative clauses with …的', () => {
    expect(datesOf('该项目是今年三月份开工建设的', ctx)).toEqual([]);
    expect(datesOf('今年开工建设的有6个项目', ctx)).toEqual([]);
  });

  it('rallying calls', () => {
    expect(datesOf('为实现一季度开门红打下基础', ctx)).toEqual([]);
    expect(datesOf('奋力推动全年实现“满堂红”', ctx)).toEqual([]);
  });

  it('a period followed by 累计/共 and a figure is a reported total', () => {
    expect(datesOf('全年累计开行班列300列', ctx)).toEqual([]);
    expect(datesOf('今年全省重点项目共1200个', ctx)).toEqual([]);
    expect(datesOf('今年要新增规上企业10家', ctx).length).toBe(1);
  });
});

describe('quantities', () => {
  it('one space between number and measure word', () => {
    expect(quantitiesOf('其中产业类 5 个，配套类 3 个', { year: 2024 })).toEqual(['5个', '3个']);
  });

  it('a lone 二 is "second": 二次创业, not two', () => {
    expect(quantitiesOf('开启园区二次创业，召开会议两次', { year: 2024 })).toEqual(['2次']);
  });

  it('套 before 班子 is an institution', () => {
    expect(quantitiesOf('四套班子领导观摩了8个项目，现场推进。', { year: 2024 })).toEqual(['8个']);
  });

  it('前 + number selects from a series; a session after 届 is an ordinal', () => {
    expect(quantitiesOf('前三批开工项目共320个，已全部开工。', { year: 2024 })).toEqual(['320个']);
    expect(quantitiesOf('完成了县十七届人大三次会议确定的目标，召开会议3次', { year: 2024 })).toEqual(['3次']);
  });

  it('条 before 线路 and 列 (trains) are measure words', () => {
    expect(quantitiesOf('新开通4条线路，开行班列530列', { year: 2024 })).toEqual(['4条', '530列']);
    expect(quantitiesOf('该项目列入省重点项目', { year: 2024 })).toEqual([]);
  });
});

describe('projects', () => {
  it('a name ends before 自…以来', () => {
    expect(ps('总投资8亿元的华联产业园一期工程自开工以来进展顺利')).toEqual([['华联产业园一期工程', 8, '亿元', 'project:investment-of']]);
  });

  it('a phase in brackets between the name and 总投资', () => {
    expect(ps('东城物流园区建设项目（二期）总投资约5200万元')).toEqual([['东城物流园区建设', 5200, '万元', 'project:name-then-investment']]);
  });

  it('X是…之一 / X项目是…的重点项目, then 总投资: the subject is the project', () => {
    expect(ps('华兴机械是园区今年新开工的6个项目之一，总投资8000万元')).toEqual([['华兴机械', 8000, '万元', 'project:subject']]);
    expect(ps('云港物流中心项目是全市城市更新的重点项目，总投资6.5亿元')).toEqual([['云港物流中心', 6.5, '亿元', 'project:subject']]);
    // a group stays a group
    expect(ps('这批项目是今年新开工的重点项目，总投资30亿元')).toEqual([]);
  });
});

describe('a dated heading dates the targets listed under it', () => {
  const dated = (text: string, opts = {}) => extractRules(text, opts).items.filter((i) => i.deadline).map((i) => [i.text, i.deadline, i.rules.includes('deadline:heading')]);

  it('short target lines (read, not skipped as headings) and full lines, until the next section', () => {
    const text = '一、2024年全县主要预期目标\n（一）地区生产总值增长6%以上\n（二）一般公共预算收入增长8%\n二、重点工作\n新增规上工业企业20家。';
    expect(dated(text, { year: 2024, date: '2024-02-01' })).toEqual([
      ['（一）地区生产总值增长6%以上', '2024-12-31', true],
      ['（二）一般公共预算收入增长8%', '2024-12-31', true],
    ]);
  });

  it('a heading about a past year dates nothing', () => {
    expect(dated('一、2023年主要目标完成情况\n（一）地区生产总值增长6%以上', { year: 2024, date: '2024-02-01' })).toEqual([]);
  });
});
