/**
 * Rules added while reading the development half of the corpus's second set (048 onwards,
 * issue #12: texts rich in deadlines and named projects). One test per rule, on short sentences
 * of the same kind (not the held-out texts).
 */
import { describe, expect, it } from 'vitest';
import { extractRules } from './index';
import { findProjects } from './projects';
import { deadlinesOf, type DeadlineContext } from './deadline';
import { detectDocumentDate } from './dates';
import { normalize, quoteMask } from './sentences';

function ps(text: string) {
  const norm = normalize(text);
  return findProjects(norm, quoteMask(norm), 0, norm.length).map((p) => [p.name, p.investment.value, p.investment.unit, p.rule]);
}
const projectsOf = (text: string, opts = {}) =>
  extractRules(text, opts).items.filter((i) => i.project).map((i) => [i.project!.name, i.project!.investment.value, i.rules.find((r) => r.startsWith('project:'))]);
const quantitiesOf = (text: string, opts = {}) => extractRules(text, opts).items.flatMap((i) => i.quantities.map((q) => `${q.value}${q.unit}${q.atLeast ? '+' : ''}`));
const datedOf = (text: string, opts = {}) => extractRules(text, opts).items.filter((i) => i.deadline).map((i) => [i.text, i.deadline]);
const ctx: DeadlineContext = { year: 2023, date: '2023-10-16' };

describe('projects: a nameless 总投资 takes the project last mentioned', () => {
  it('from a heading line that names the project', () => {
    const text = '弹性体项目\n\n项目位于碳谷绿湾产业园，总用地面积23.5万平方米。\n\n项目总投资32.7亿元，预计2024年12月完工。';
    expect(projectsOf(text, { year: 2023, date: '2023-10-16' })).toEqual([['弹性体', 32.7, 'project:antecedent']]);
    expect(quantitiesOf(text, { year: 2023, date: '2023-10-16' })).toEqual(['23.5万平方米']);
  });

  it('from the subject opening a clause, in the same or an earlier sentence', () => {
    expect(projectsOf('金茂成兴（华东）表面处理循环经济产业园即将投产。这个项目总投资30亿元，建成后可提供污水处理服务。')).toEqual([
      ['金茂成兴（华东）表面处理循环经济产业园', 30, 'project:antecedent'],
    ]);
    expect(projectsOf('蟠龙新区装备制造产业园项目2022年1月开工建设，总投资额10亿元，2022年年度投资4.5亿元。')).toEqual([
      ['蟠龙新区装备制造产业园', 10, 'project:antecedent'],
    ]);
  });

  it('not past a count of projects or companies (a group’s total)', () => {
    expect(projectsOf('高新区此次集中开工项目6个，总投资3.56亿元。')).toEqual([]);
    expect(projectsOf('徐工配套产业园是二次创业的生动实践，截至目前已与6家企业签订入园协议，总投资30亿元。')).toEqual([]);
  });

  it('XX项目，该项目总投资X is the project just named', () => {
    expect(ps('开工建设智能装备产业园项目，该项目总投资8亿元')).toEqual([['智能装备产业园', 8, '亿元', 'project:name-then-investment']]);
  });
});

describe('projects: other forms', () => {
  it('投资X的NAME, unless the investment is qualified (年度 / 一期 / 计划 / 完成…)', () => {
    expect(ps('投资15亿元的保和堂北药产业园完成施工设计')).toEqual([['保和堂北药产业园', 15, '亿元', 'project:investment-of']]);
    expect(ps('投资2亿的恒源食品农林产业园已完成厂房建设')).toEqual([['恒源食品农林产业园', 2, '亿元', 'project:investment-of']]);
    expect(ps('一期投资25亿元的厂房')).toEqual([]);
    expect(ps('年度投资6.7亿元的民生实事')).toEqual([]);
  });

  it('a name starts after the last 的 before it', () => {
    expect(ps('此次开工现场所在的云南友天新能源科技公司年产50万吨磷酸铁锂项目，总投资100亿元')).toEqual([
      ['云南友天新能源科技公司年产50万吨磷酸铁锂', 100, '亿元', 'project:name-then-investment'],
    ]);
  });
});

describe('deadlines: second-set rules', () => {
  it('a period inside an event’s name is not a deadline; holding the event by then is', () => {
    expect(deadlinesOf('记者从省委、省政府三季度重大产业项目调度暨开工推进会获悉', ctx)).toEqual([]);
    expect(deadlinesOf('高新区举行2023年5月份重点项目集中开工动员会', { year: 2023, date: '2023-05-25' })).toEqual([]);
    expect(deadlinesOf('年底前召开项目推进会', ctx).map((d) => d.date)).toEqual(['2023-12-31']);
  });

  it('a stated year and month already past at the document date is an event', () => {
    const c = { year: 2023, date: '2023-01-04' };
    expect(deadlinesOf('项目2022年1月开工建设', c)).toEqual([]);
    expect(deadlinesOf('2023年3月完成', c).map((d) => d.date)).toEqual(['2023-03-31']);
  });

  it('今年1至10月 is a reporting period, not the year’s end', () => {
    expect(deadlinesOf('今年1至10月，共实施项目92个', ctx)).toEqual([]);
    expect(deadlinesOf('今年1-6月份，完成投资', ctx)).toEqual([]);
  });

  it('reads reported speech in quotation marks (a sentence end inside)', () => {
    const text = '副总经理说：“新增销售会达到10个多亿。争取在明年年底之前，全部完成建设。”';
    // (round 5: a modal deadline clause reaches on to the action in the next clause)
    expect(datedOf(text, { year: 2023, date: '2023-12-19' })).toEqual([['争取在明年年底之前，全部完成建设', '2024-12-31']]);
    expect(quantitiesOf(text, { year: 2023, date: '2023-12-19' })).toContain('10亿元+');
    expect(quantitiesOf('“冲刺100天、奋力保全年”的工作要求', { year: 2022 })).toEqual([]);
  });

  it('预计 before a figure is an estimate, not a commitment: the sentence’s year is its frame', () => {
    const text = '2018年，开发区开复工项目30个，预计总投资80亿，年度投资50亿。';
    expect(datedOf(text, { year: 2018, date: '2018-06-08' })).toEqual([]);
    expect(quantitiesOf(text, { year: 2018, date: '2018-06-08' })).toEqual(['30个', '80亿元', '50亿元']);
  });

  it('a target year does not set the document year', () => {
    expect(detectDocumentDate(normalize('项目分三期建设，计划2025年投产')).year).toBeNull();
    expect(detectDocumentDate(normalize('2024年，全区实施项目60个')).year).toBe(2024);
  });

  it('the 完成时限 column of a task table dates its row', () => {
    const text = '序号 | 重点工作 | 责任单位 | 完成时限 |\n1 | 持续提升园区承载能力，加快推进污水处理厂提升项目，全面做好基础设施配套。 | 规划建设局 | 全年 |\n2 | 力争盘活存量土地400亩。 | 改革办 | 6月底前 |';
    const items = extractRules(text, { year: 2025 }).items;
    expect(items.map((i) => [i.text, i.deadline])).toEqual([
      ['持续提升园区承载能力，加快推进污水处理厂提升项目，全面做好基础设施配套', '2025-12-31'],
      ['力争盘活存量土地400亩', '2025-06-30'],
    ]);
    expect(items[0]!.rules).toContain('deadline:table-cell');
  });
});

describe('quantities and results: second-set rules', () => {
  it('a unit definition, a session number and a floor are not figures; 平米 is 平方米', () => {
    expect(quantitiesOf('规划总用地面积190多亩（1亩≈666.67平方米），总建筑面积15万平方米。')).toEqual(['190亩+', '15万平方米']);
    expect(quantitiesOf('市委十三届三次全体（扩大）会议与会人员观摩项目')).toEqual([]);
    expect(quantitiesOf('项目一期5.6万平米厂房已基本建成，一层框架浇筑完成')).toEqual(['5.6万平方米']);
  });

  it('a change after a progress share is the yoy of the figure before the share', () => {
    const items = extractRules('1至10月份实际完成投资112亿元，完成年度计划的83.8%，同比增长23.4%。', { year: 2012, date: '2012-11-28' }).items;
    expect(items.flatMap((i) => i.quantities.map((q) => `${q.value}${q.unit}`))).toEqual(['112亿元', '83.8%']);
    expect(items[0]!.yoy).toBe(23.4);
  });
});
