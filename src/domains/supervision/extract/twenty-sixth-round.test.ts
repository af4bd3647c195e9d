/**
 * Rules added in round 26, written from set x after it was scored once with rounds 8, 19, 24 and 25, and measured once on
 * set y, collected and labelled by helper sessions while the round was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

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
      ['投资5000余万元对老旧小区进行综合改造', '2016-12-31'],
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
