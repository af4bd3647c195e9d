/**
 * Rules added in round 12 for failure classes of set k, read after it was scored once with round 11
 * (docs/extraction.md); set l was collected and labelled by others, without the extractor's output,
 * while these rules were written, and is held out whole. One test per rule, on short invented
 * sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf, quantitiesOf } from './roundViews';

const opts = { year: 2023, date: '2023-04-10' };

describe('projects: the project a later 该项目 / 这个项目 / 作为… takes up', () => {
  it('a long name after a place and a dash, at its site', () => {
    const text = '在主会场——宏达新区光谷产业城宏达年产30GW高效光伏电池组件工业4.0智慧工厂项目现场，数十台机械整装待发。这个项目总投资80亿元。';
    expect(projectsOf(text, opts)).toEqual([['宏达新区光谷产业城宏达年产30GW高效光伏电池组件工业4.0智慧工厂', 80, '亿元']]);
  });

  it('a name before its workshop, with one production line between (one is no group)', () => {
    const text = '4月8日，宏达产业园锦纶纤维项目车间一条生产线正在安装，该项目总投资6.2亿元。';
    expect(projectsOf(text, opts)).toEqual([['宏达产业园锦纶纤维', 6.2, '亿元']]);
    // (round 13: two lines are the project's own too; a count of projects between still makes a group's total)
    expect(projectsOf('宏达产业园锦纶纤维项目车间两条生产线正在安装，该项目总投资6.2亿元。', opts)).toEqual([['宏达产业园锦纶纤维', 6.2, '亿元']]);
    expect(projectsOf('宏达锦纶纤维项目车间正在安装，同日还有3个项目签约，该项目总投资6.2亿元。', opts)).toEqual([]);
    // a workshop of works is a part, not a project: the project named before it is taken up
    expect(projectsOf('在宏达化工，光气化新材料项目正在建设，公用工程车间已试生产。这个项目总投资9亿元。', opts)).toEqual([['光气化新材料', 9, '亿元']]);
  });

  it('a subject entering a stage (进入), a plant taken up by 该装置', () => {
    const text = '宏达市的宏达石化年产60万吨乙烯装置项目进入收尾，工人忙着试车。该装置是宏达石化转型升级项目核心，总投资27.5亿元。';
    expect(projectsOf(text, opts)).toEqual([['宏达石化年产60万吨乙烯装置', 27.5, '亿元']]);
  });

  it('an appositive 作为… between the project and its total', () => {
    const text = '当天，宏达国际陆港粮油交易中心项目也拉开开工序幕。作为陆港区首个开工的重点项目，计划总投资3.4亿元。';
    expect(projectsOf(text, opts)).toEqual([['宏达国际陆港粮油交易中心', 3.4, '亿元']]);
  });

  it('a subject built by someone (由…投资建设) and one with its floor area first', () => {
    expect(projectsOf('宏达木材智能制造项目由宏达公司投资建设，占地约90亩，总投资4亿元。', opts)).toEqual([['宏达木材智能制造', 4, '亿元']]);
    expect(projectsOf('宏达国际商贸城项目建筑面积800万平方米，总投资300亿元。', opts)).toEqual([['宏达国际商贸城', 300, '亿元']]);
  });

  it('逾 before the amount', () => {
    expect(projectsOf('宏达研究型医院二期项目现场正在施工。该项目负责人介绍，项目总投资逾6亿元。', opts)).toEqual([['宏达研究型医院二期', 6, '亿元']]);
  });

  it('a total followed by the group it sums is no project of the sentence before', () => {
    const text = '分会场设在宏达热电二期工程建设现场。随着打桩机启动，总投资500亿元，包括宏达生态城项目等在内的40个项目破土动工。';
    expect(projectsOf(text, opts)).toEqual([]);
    expect(quantitiesOf(text, opts)).toContain('500亿元');
  });
});

describe('projects: the name itself', () => {
  it('a bracket inside a name stays; one ending the name, before 项目, does not', () => {
    expect(projectsOf('投资5亿元的华为（华北大区）宏达云计算中心主体封顶。', opts)).toEqual([['华为（华北大区）宏达云计算中心', 5, '亿元']]);
    expect(projectsOf('总投资3.7亿元的宏达重工有限公司（挖掘机）项目已投产。', opts)).toEqual([['宏达重工有限公司', 3.7, '亿元']]);
    expect(projectsOf('已签约总投资60亿元宏达年产8万吨多晶硅（颗粒硅）项目。', opts)).toEqual([['宏达年产8万吨多晶硅', 60, '亿元']]);
  });

  it('投资X建设NAME项目: the verb is not part of the name; 拟投资 is a plan, not the project’s whole', () => {
    expect(projectsOf('宏达市引进宏达集团投资12亿元建设高端饮品产业园项目，计划3年建成。', opts)).toEqual([['高端饮品产业园', 12, '亿元']]);
    expect(projectsOf('宏达集团拟投资20亿元建设低碳产业园。', opts)).toEqual([]);
  });

  it('a name that opens with 产业园 is a name; a category of projects is not', () => {
    expect(projectsOf('据了解，产业园一期高端机械制造基地项目总投资10.2亿元。', opts)).toEqual([['产业园一期高端机械制造基地', 10.2, '亿元']]);
    expect(projectsOf('其中，基础设施项目总投资11.5亿元；公共服务项目总投资20.9亿元。', opts)).toEqual([]);
  });

  it('a described subject with a long plot number in brackets: the name after 是', () => {
    const text = '此次开工的项目中，投资体量最大的是宏达新区安居房项目（HD-02-C02地块），总投资达6.61亿元。';
    expect(projectsOf(text, opts)).toEqual([['宏达新区安居房', 6.61, '亿元']]);
  });
});

describe('deadlines', () => {
  it('the targets after 奋斗目标是： / 发展目标是： are the year’s', () => {
    const text = '2022年宏达高新区经济社会发展的奋斗目标是：地区生产总值增速不低于9%，力争10%；固定资产投资增速不低于8%。';
    expect(dated(text, { year: 2022 })).toEqual([
      ['2022年宏达高新区经济社会发展的奋斗目标是：地区生产总值增速不低于9%，力争10%', '2022-12-31'],
      ['固定资产投资增速不低于8%', '2022-12-31'],
    ]);
  });

  it('a later segment of a report that looks ahead to a period not yet ended is a plan', () => {
    const text = '截至目前，重点项目开复工率82.2%；二季度，还将开复工宏达煤化工等项目66个，完成投资600亿元。';
    expect(dated(text, { year: 2023, date: '2023-03-31' })).toEqual([['二季度，还将开复工宏达煤化工等项目66个，完成投资600亿元', '2023-06-30']]);
    // once the quarter has ended, the same words report
    expect(dated(text, { year: 2023, date: '2023-07-10' })).toEqual([]);
  });

  it('this month with a milestone after it (试飞, 试运行) is still ahead', () => {
    const opts2 = { year: 2010, date: '2010-10-12' };
    expect(dated('宏达直升机总装基地首架飞机本月试飞。', opts2)).toEqual([['宏达直升机总装基地首架飞机本月试飞', '2010-10-31']]);
    expect(dated('宏达污水处理厂本月试运行。', opts2)).toEqual([['宏达污水处理厂本月试运行', '2010-10-31']]);
    // an attribute is no deadline: "本月开工的项目有5个"
    expect(dated('本月开工的项目有5个。', opts2)).toEqual([]);
  });
});
