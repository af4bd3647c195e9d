/**
 * Rules added in round 27, written from set y after it was scored once with rounds 8, 24, 25 and 26, and measured once on
 * set z, collected and labelled by helper sessions while the round was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf } from './roundViews';

const opts = { year: 2017, date: '2017-02-20' };

describe('counted lists chosen by a vote', () => {
  it('"确定…民生实事项目为10项，分别是：" announces the list; the vote itself pledges nothing', () => {
    const text = '县人民代表大会于2017年2月20日投票表决确定2017年县政府民生实事项目为10项，分别是：\n一、实施城镇道路畅通工程，新建改造道路10条。\n二、完成危房治理改造。';
    expect(dated(text, opts)).toEqual([
      ['一、实施城镇道路畅通工程，新建改造道路10条', '2017-12-31'],
      ['二、完成危房治理改造', '2017-12-31'],
    ]);
  });

  it('"确定以下…项目为…民生实事项目" too, and a line that names and counts a class of the list is no deliverable', () => {
    const text = '经区人民代表大会投票表决，确定以下两类2个项目为2017年度某区政府民生实事项目。\n一、“优化教育资源布局”类，共1项\n1.实施某中学小学部建设工程。\n二、“优化公共卫生服务”类，共1项\n2.建立医疗专家会诊中心。';
    expect(dated(text, opts)).toEqual([
      ['1.实施某中学小学部建设工程', '2017-12-31'],
      ['2.建立医疗专家会诊中心', '2017-12-31'],
    ]);
  });

  it('an item about last year is not one of this year\'s deliverables', () => {
    const text = '今年，我市将办好以下十件实事：\n1.新建幼儿园10所。\n2.去年计划继续实施中小学扩容建设项目12个，新增5000个学位。';
    expect(dated(text, opts).map(([t]) => t)).toEqual(['今年，我市将办好以下十件实事', '1.新建幼儿园10所']);
  });
});

describe('project lists', () => {
  it('in a list of names each with its total, a name needs no head word', () => {
    expect(projectsOf('总投资达50亿元以上大项目有3个。其中，某某铁路某段总投资153亿元、南山文化生态园总投资80亿元、某某海上风电项目总投资55亿元。', opts)).toEqual([
      ['某某铁路某段', 153, '亿元'],
      ['南山文化生态园', 80, '亿元'],
      ['某某海上风电', 55, '亿元'],
    ]);
    // (a name alone before its total still needs one: "全区总投资…" names no project)
    expect(projectsOf('全区总投资120亿元。', opts)).toEqual([]);
  });
});

describe('after set z was scored (fits)', () => {
  it('a list chosen by 票选 is announced, not pledged; a class summed up and a sentence about the year gone by are no deliverables', () => {
    const text = ['某区20项民生实事项目出炉', '近日，随着区人民代表大会闭幕，某区2024年20个民生实事项目正式票选出炉。', '去年，某区面向社会公布了20项民生实事项目。一年来，20项民生实事项目全部按期落地。', '其中，安居保障类3项，主要是安居惠民保障等工程。新建公办幼儿园3所。'].join('\n');
    expect(dated(text, { year: 2024, date: '2024-01-20' })).toEqual([['新建公办幼儿园3所', '2024-12-31']]);
  });

  it('a document frame is read from the text\'s opening only, not from a list announced far into its first line', () => {
    const annex = `七、推进67所中小学风雨连廊建设。${'另有学校经现场核查，现有条件不适宜建设风雨连廊。'.repeat(8)}附件2 2018年十件民生实事`;
    expect(dated(annex, { year: 2018 })).toEqual([]);
  });
});
