/**
 * Rules added in round 17 for list-shaped documents of sets n–p (docs/extraction.md › "List items and their frame"),
 * written after the list-item convention was decided; set q was collected and labelled by others, without the
 * extractor's output, while these rules were written, and is held out whole. One test per rule, on short invented
 * sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, quantitiesOf } from './roundViews';

const opts = { year: 2024, date: '2024-02-20' };

describe('target lists', () => {
  it('a list of targets and tasks, or one proposed ("建议为"), dates its ；-segments', () => {
    expect(dated('2024年全区的主要目标和任务是：地区生产总值增长6%以上；一般公共预算收入增长5%。', opts)).toEqual([
      ['2024年全区的主要目标和任务是：地区生产总值增长6%以上', '2024-12-31'],
      ['一般公共预算收入增长5%', '2024-12-31'],
    ]);
    expect(dated('2024年经济社会发展的主要预期目标建议为：规模以上工业增加值增长8%以上。', opts)).toEqual([
      ['2024年经济社会发展的主要预期目标建议为：规模以上工业增加值增长8%以上', '2024-12-31'],
    ]);
  });

  it('a list opened without a colon runs on through the paragraph’s later sentences, which are targets, not results', () => {
    const text = '今年，园区预期目标是地区生产总值实现300亿元，增长8%以上。工业总产值完成900亿元，增长10%以上。财政收入完成40亿元。';
    expect(dated(text, opts).map(([, d]) => d)).toEqual(['2024-12-31', '2024-12-31', '2024-12-31']);
    // (a sentence that says it is done is still a result)
    expect(dated('今年，园区预期目标是地区生产总值实现300亿元。去年已完成工业总产值800亿元。', opts)).toHaveLength(1);
    // (and an aim without a figure after it is no list)
    expect(dated('园区的目标是打造一流营商环境。工业总产值完成900亿元。', opts)).toEqual([]);
  });

  it('under a heading of an earlier list, the sentences after the list take the heading’s year', () => {
    const text = ['二、2025年主要目标', '2025年全区主要预期目标是：地区生产总值增长5%左右。固定资产投资增长8%左右。'].join('\n');
    expect(dated(text, { year: 2024, date: '2024-12-20' })).toEqual([
      ['2025年全区主要预期目标是：地区生产总值增长5%左右', '2025-12-31'],
      ['固定资产投资增长8%左右', '2025-12-31'],
    ]);
  });
});

describe('counted lists', () => {
  const list = [
    '会议指出，县政府将继续加大民生投入，重点抓好12件大事和民生实事。',
    '（1）加快建设总投资5亿元的县人民医院迁建项目。（2）开工新建东环路，改造提升人民路。（3）城区新建便民市场3处。',
  ].join('\n');

  it('announced without a year, it is the document’s year; every numbered item is dated whatever its verb', () => {
    expect(dated(list, { year: 2024, date: '2024-05-10' })).toEqual([
      ['县政府将继续加大民生投入，重点抓好12件大事和民生实事', '2024-12-31'],
      ['（1）加快建设总投资5亿元的县人民医院迁建项目', '2024-12-31'],
      ['（2）开工新建东环路，改造提升人民路', '2024-12-31'],
      ['（3）城区新建便民市场3处', '2024-12-31'],
    ]);
  });

  it('"12件大事" counts the deliverables; "两件大事" is a figure of speech', () => {
    expect(quantitiesOf('重点抓好12件大事和民生实事。', opts)).toEqual(['12件']);
    expect(quantitiesOf('要统筹好发展和安全两件大事。', opts)).toEqual([]);
  });
});

describe('frames and their reach', () => {
  const breakdown = [
    '2024年县政府工作报告任务清单',
    '一、县经开区牵头工作（3项）',
    '1.投资3000万元建设标准化厂房。',
    '2.打造食用菌精深加工基地。',
    '3.推进老旧小区改造。',
    '二、县农业农村局牵头工作（1项）',
    '4.新建高标准农田2万亩。',
  ].join('\n');

  it('a title’s year runs on through its "一、" sections; an ongoing push under it stays undated', () => {
    expect(dated(breakdown, opts)).toEqual([
      ['1.投资3000万元建设标准化厂房', '2024-12-31'],
      ['2.打造食用菌精深加工基地', '2024-12-31'],
      ['4.新建高标准农田2万亩', '2024-12-31'],
    ]);
  });

  it('a section that reviews ends the title’s reach', () => {
    const text = ['2024年工作总结和2025年工作计划', '一、2024年工作完成情况', '1.新建高标准农田2万亩。'].join('\n');
    expect(dated(text, { year: 2024, date: '2024-12-20' })).toEqual([]);
  });

  it('a numbered item’s body sentence that commits to an end state is dated; its title, a push and a purpose are not', () => {
    const text = [
      '2024年主要目标：',
      '4.城东科技新城。做好规划设计和建设前期工作。',
      '5.产业配套。加快推进道路建设。',
      '6.招商引资。为壮大产业集群，紧盯龙头企业。争取两个整车项目落地。',
    ].join('\n');
    expect(dated(text, opts)).toEqual([
      ['做好规划设计和建设前期工作', '2024-12-31'],
      ['争取两个整车项目落地', '2024-12-31'],
    ]);
  });
});
