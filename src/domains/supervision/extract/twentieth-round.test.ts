/**
 * Rules added in round 20 for the project failure classes of sets q, r and s and two frame classes of set s, read after each was scored once
 * (docs/extraction.md); set t was collected and labelled by others, without the extractor's output, while these
 * rules were written, and is held out whole. One test per rule, on short invented sentences of the same kind
 * (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf, quantitiesOf } from './roundViews';

const opts = { year: 2024, date: '2024-05-20' };

describe('how a total is written', () => {
  it('预计 before or after 总投资, 概算投资 alone, and 总投资为 are a project\'s whole investment', () => {
    expect(projectsOf('某某光纤产业园项目总投资预计12亿元，拟用地500亩。', opts)).toEqual([['某某光纤产业园', 12, '亿元']]);
    expect(projectsOf('某街旧厂房改造提升项目位于某路旁，占地约2万平方米，预计总投资1.5亿元。', opts)).toEqual([['某街旧厂房改造提升', 1.5, '亿元']]);
    expect(projectsOf('某河滨水公园建设工程项目概算投资2.3亿元，将建成综合型城市公园。', opts)).toEqual([['某河滨水公园建设工程', 2.3, '亿元']]);
    expect(projectsOf('某某科技有限公司项目总投资为1.8亿元，占地面积40亩。', opts)).toEqual([['某某科技有限公司', 1.8, '亿元']]);
  });
});

describe('amounts that classify', () => {
  it('an amount before a class of projects that is counted, or before 以上, bounds each: no project, no figure', () => {
    expect(projectsOf('力争引进总投资超5亿元制造业项目8个以上。', opts)).toEqual([]);
    expect(projectsOf('全市投资10亿元以上制造业项目96项，总投资1800亿元。', opts)).toEqual([]);
    expect(projectsOf('总投资10亿元以上的项目有：某某物流园项目、某某食品城项目。', opts)).toEqual([]);
    // (with 的 and a count of one, the project is named: the seed's "引进总投资50亿元的光伏组件项目1个")
    expect(projectsOf('力争引进总投资20亿元的储能电池项目1个。', opts)).toEqual([['储能电池', 20, '亿元']]);
  });

  it('a count and 、 before 总投资…的 make a threshold; before a figure standing alone they are a group\'s tally', () => {
    expect(projectsOf('共筛选了120个、总投资600亿元的重大项目集中开工。', opts)).toEqual([]);
    expect(quantitiesOf('其中，产业项目60个、总投资300亿元，基础设施项目40个、总投资200亿元。', opts)).toEqual(['60个', '300亿元', '40个', '200亿元']);
  });
});

describe('where a name starts and ends', () => {
  it('和 / 与 inside one name read backward, when the words before it name no project and no amount', () => {
    expect(projectsOf('当天开工的某某储能与动力电池项目，投资额80亿元。', opts)).toEqual([['某某储能与动力电池', 80, '亿元']]);
    expect(projectsOf('其中，衡水大正和源家具有限公司板材项目总投资1.2亿元。', opts)).toEqual([['衡水大正和源家具有限公司板材', 1.2, '亿元']]);
  });

  it('a future (将) ends a name read forward; a phase in digits after 项目 is part of it', () => {
    expect(projectsOf('总投资9.6亿元的某某水库将在年内开工建设。', opts)).toEqual([['某某水库', 9.6, '亿元']]);
    expect(projectsOf('总投资2亿美元的某某食品项目1期建成投产。', opts)).toEqual([['某某食品项目1期', 2, '亿美元']]);
  });

  it('"NAME项目为…的代表项目，总投资X": 为 as 是; 代表项目 is no name', () => {
    expect(projectsOf('某某公司汽车零部件生产线项目为本次集中开工的代表项目，总投资4亿元，明年竣工投产。', opts)).toEqual([
      ['某某公司汽车零部件生产线', 4, '亿元'],
    ]);
  });

  it('a tally of one named after 为, and the copula before a name a tally announced', () => {
    expect(projectsOf('投产项目1个，总投资0.8亿元，为某某科技有限公司年产50万米复合管生产项目，于今年3月建成。', opts)).toEqual([
      ['某某科技有限公司年产50万米复合管生产', 0.8, '亿元'],
    ]);
    expect(projectsOf('开工项目3个，总投资2亿元，为某某食品有限公司果蔬深加工基地项目，计划总投资1.1亿元。', opts)).toEqual([
      ['某某食品有限公司果蔬深加工基地', 1.1, '亿元'],
    ]);
    // (a tally of more than one is a group's total)
    expect(projectsOf('投产项目2个，总投资0.8亿元，为某某复合管项目、某某板材项目。', opts)).toEqual([]);
  });
});

describe('the project a nameless total takes up', () => {
  it('a subject opening with 其中, or followed by 临近 / 选址 / 总体规划, is named; 建设 before 项目 stays in the name', () => {
    expect(projectsOf('本次开工的有三个项目。其中某某人工智能研发基地项目位于高新区，规划占地800亩，总投资90亿元。', opts)).toEqual([
      ['某某人工智能研发基地', 90, '亿元'],
    ]);
    expect(projectsOf('某某机床有限公司二期建设项目选址装备制造园区，总投资约7亿元。', opts)).toEqual([['某某机床有限公司二期建设', 7, '亿元']]);
    expect(projectsOf('某某陶瓷产业基地总体规划为3000亩，总投资40亿元以上。', opts)).toEqual([['某某陶瓷产业基地', 40, '亿元']]);
  });

  it('a clause opening with a list\'s lead or a time and a verb is no project\'s subject', () => {
    expect(projectsOf('涉及产业项目500个，包括新兴产业和技术改造项目，项目总投资3000亿元。', opts)).toEqual([]);
    expect(projectsOf('总投资5000万元的某某湿地公园，年内完成驳岸工程；总投资4亿元加快县医院迁建进度。', opts)).toEqual([['某某湿地公园', 5000, '万元']]);
  });
});

describe('frames', () => {
  it('a section that ends with a year not yet over frames the targets under it; a bare year line is a caption', () => {
    const text = ['一、难忘的2023年', '全市生产总值增长6.1%。', '二、奋进的2024年', '（一）总体要求：稳中求进。', '（二）主要目标：生产总值增长6%；城镇新增就业1.2万人。'].join('\n');
    expect(dated(text, opts)).toEqual([
      ['（二）主要目标：生产总值增长6%', '2024-12-31'],
      ['城镇新增就业1.2万人', '2024-12-31'],
    ]);
    expect(dated(['2024年', '全区计划实施重大项目300个', '总投资2500亿元'].join('\n'), opts)).toEqual([]);
  });

  it('a year\'s targets announced "如下：" date the numbered lines below, through their "一、" sections', () => {
    const text = [
      '管委会制定了《某某开发区2024年度目标》。现将各项目标任务报告如下：',
      '一、经济运行目标',
      '（1）地区生产总值比上年增长8%。',
      '二、项目建设目标',
      '（1）新开工项目12个。',
    ].join('\n');
    expect(dated(text, opts)).toEqual([
      ['（1）地区生产总值比上年增长8%', '2024-12-31'],
      ['（1）新开工项目12个', '2024-12-31'],
    ]);
    // (a past year's targets announced so are a review's, not dated)
    expect(dated(text.replace('2024年度', '2023年度'), opts)).toEqual([]);
  });
});
