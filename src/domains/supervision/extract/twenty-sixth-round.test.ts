/**
 * Rules added in round 26, written from set x after it was scored once with rounds 8, 19, 24 and 25, and measured once on
 * set y, collected and labelled by helper sessions while the round was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, datesOf, projectsOf, quantitiesOf } from './roundViews';

describe('frames', () => {
  it('a heading with a year that names its list of works ("…实事项目安排") frames the list; a review of it does not', () => {
    const list = '2017年某区政府实事项目安排\n一、新建2家综合为老服务中心。在3家养老机构内增设医疗机构。';
    expect(dated(list, { year: 2017, date: '2017-02-16' })).toEqual([
      ['一、新建2家综合为老服务中心', '2017-12-31'],
      ['在3家养老机构内增设医疗机构', '2017-12-31'],
    ]);
    expect(dated('2017年某区政府实事项目进展情况表\n新建2家综合为老服务中心，已完成。', { year: 2017, date: '2017-11-03' })).toEqual([]);
  });

  it('a lead that tells the year\'s counted list of deliverables frames the whole text, with or without a commitment word', () => {
    const news = '日前获悉，2016年某县推出了新一轮20项民心工程，总投资15.4亿元。\n改善群众生产生活条件，投资5000余万元对老旧小区进行综合改造。某县将建成2个残疾人社区康复站。';
    expect(dated(news, { year: 2016 })).toEqual([
      ['改善群众生产生活条件，投资5000余万元对老旧小区进行综合改造', '2016-12-31'],
      ['某县将建成2个残疾人社区康复站', '2016-12-31'],
    ]);
    // (not when the lead looks back on last year's list, nor a year that is not the document's)
    expect(dated(news.replace('2016年某县推出了', '去年某县推出了'), { year: 2016 })).toEqual([]);
    expect(dated(news, { year: 2017 })).toEqual([]);
  });
});

describe('typesetting', () => {
  it('a space between a number and its calendar unit does not hide a deadline, and the item keeps its number', () => {
    expect(dated('5 月底前开工老旧小区改造项目 50个。12 月底前开工建设 200部。', { year: 2021, date: '2021-03-01' })).toEqual([
      ['5 月底前开工老旧小区改造项目 50个', '2021-05-31'],
      ['12 月底前开工建设 200部', '2021-12-31'],
    ]);
  });
});

describe('a campaign\'s window', () => {
  const c = { year: 2022, date: '2022-03-10' };
  it('为期 N from the start its sentence gives runs to its last day; an end said with the start wins', () => {
    expect(datesOf('决定自3月11日起，开展为期一个月的专项行动', c)).toEqual([['为期一个月', '2022-04-10', 'deadline:window']]);
    expect(datesOf('自3月11日起，开展为期一周的大排查行动', c)).toEqual([['为期一周', '2022-03-17', 'deadline:window']]);
    expect(datesOf('自即日起到2022年5月底，在全省开展为期半年的集中整治', c).slice(-1)).toEqual([['为期半年', '2022-05-31', 'deadline:window']]);
    // (no start, no window: "为期一个月的活动" may be any month)
    expect(datesOf('开展为期一个月的活动', c)).toEqual([]);
  });

  it('the campaign is the task, with the clause that starts it', () => {
    expect(dated('决定自3月11日起，开展为期一个月的疫情防控专项行动。', c)).toEqual([['决定自3月11日起，开展为期一个月的疫情防控专项行动', '2022-04-10']]);
  });
});

describe('measure words', () => {
  it('蒸吨, 毫克, 微克, 例 and 对 are measure words; 三元区 is a place and 9家长者照护之家 counts homes', () => {
    expect(quantitiesOf('完成20.5蒸吨燃煤锅炉改造，浓度控制在29微克每立方米，超过100毫克的停产。', { year: 2014 })).toEqual(['20.5蒸吨', '29微克', '100毫克']);
    expect(quantitiesOf('新增病例31例，为4000对新人提供服务。', { year: 2014 })).toEqual(['31例', '4000对']);
    expect(quantitiesOf('三元区政府决定新建2家综合为老服务中心、9家长者照护之家。', { year: 2017 })).toEqual(['2家', '9家']);
    // (对 as a preposition or in a word is not: "3个项目对接", "2个部门对此")
    expect(quantitiesOf('推动3个项目对接落地，2个部门对此负责。', { year: 2017 })).toEqual(['3个', '2个']);
  });
});

describe('project groups', () => {
  it('"三大项目总投资…" is a group of three, its total a figure', () => {
    expect(projectsOf('甲项目、乙项目以及丙项目顺利动工，三大项目总投资达45.9亿元。', { year: 2021 })).toEqual([]);
    expect(quantitiesOf('甲项目、乙项目以及丙项目顺利动工，三大项目总投资达45.9亿元。', { year: 2021 })).toEqual(['45.9亿元']);
  });
});

describe('timelines', () => {
  it('parts joined by 、 that each give a time and an event are steps of a timeline, each dated on its own', () => {
    expect(dated('项目于2021年2月落户、3月供地、首期厂房预计今年年底封顶。', { year: 2021, date: '2021-03-20' })).toEqual([
      ['首期厂房预计今年年底封顶', '2021-12-31'],
    ]);
  });

  it('without the document\'s date, a time in a year before the document\'s is past', () => {
    // (January of the document's own year may still be ahead: without a date it stays a deadline)
    expect(dated('项目于2020年9月落户、2021年1月供地并动工、2024年投产。', { year: 2021 })).toEqual([
      ['2021年1月供地并动工', '2021-01-31'],
      ['2024年投产', '2024-12-31'],
    ]);
  });
});
