/**
 * Rules added in round 31, written from set ac after it was scored once with rounds 27, 29 and 30, and measured once on
 * set ad, collected and labelled by helper sessions while round 30 was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf, quantitiesOf } from './roundViews';

describe('a work report\'s lines', () => {
  it('under a lead that tells a work report early in its year, a line of its own that delivers is one of its tasks', () => {
    const text = ['2月14日，某市七届人大四次会议开幕，市长向大会作政府工作报告，回顾2023年工作、安排2024年工作。', '一起来看！', '新增基础教育学位2万个', '新组建25个公办中小学教育集团', '加快建设科技馆新馆50个展厅'].join('\n');
    expect(dated(text, { year: 2024, date: '2024-02-14' })).toEqual([
      ['新增基础教育学位2万个', '2024-12-31'],
      ['新组建25个公办中小学教育集团', '2024-12-31'],
    ]);
  });
});

describe('counted lists', () => {
  it('a year may stand between the count and what it counts: "选出了10件2021年某区人民政府民生实事项目"', () => {
    const text = ['人大代表通过投票表决，在13项候选项目中选出了10件2021年某区人民政府民生实事项目。', '01', '住房保障项目', '开工建设安置房60万平方米，回迁安置1200户。', '02', '居住改善项目', '符合条件的既有住宅加装电梯实现“愿装尽装”。'].join('\n');
    expect(dated(text, { year: 2021, date: '2021-01-20' }).map(([, d]) => d)).toEqual(['2021-12-31', '2021-12-31']);
  });
});

describe('projects', () => {
  it('an unqualified 投资 right after a name\'s 项目 is its total; a class (电子项目) is no name', () => {
    expect(projectsOf('某某绿色建材基地项目投资140亿元，主要生产建筑骨料。电子项目投资16.7亿元，建设智能终端基地。', { year: 2023 })).toEqual([['某某绿色建材基地', 140, '亿元']]);
  });

  it('an attribute may stand between the total and 的, and stays a quantity', () => {
    const text = '总投资3.75亿元、占地5万平方米的某某生物科技有限公司年产2650吨医药中间体项目正在进行设备安装。';
    expect(projectsOf(text, { year: 2014 })).toEqual([['某某生物科技有限公司年产2650吨医药中间体', 3.75, '亿元']]);
    expect(quantitiesOf(text, { year: 2014 })).toEqual(['5万平方米']);
  });

  it('从即日起至7月25日 is a window from today', () => {
    expect(dated('从即日起至7月25日，全省将开展安全生产大排查大整治专项行动。', { year: 2021, date: '2021-06-30' })).toEqual([
      ['从即日起至7月25日，全省将开展安全生产大排查大整治专项行动', '2021-07-25'],
    ]);
  });

  it('a place before 是 ("开工现场是…项目") gives the name after 是', () => {
    expect(projectsOf('玉溪分会场的开工现场是河北某某新能源股份有限公司20万吨锂电池负极材料生产项目，总投资56亿元。', { year: 2022 })).toEqual([
      ['河北某某新能源股份有限公司20万吨锂电池负极材料生产', 56, '亿元'],
    ]);
  });
});

describe('quantities', () => {
  it('votes and 万方 count; a size bound right before its noun classifies', () => {
    expect(quantitiesOf('测评结果：满意95票，基本满意27票，实行一票否决。完成土石方811万方。', { year: 2021 })).toEqual(['95票', '27票', '811万方']);
    expect(quantitiesOf('淘汰35蒸吨及以下燃煤锅炉，65蒸吨以下蒸汽锅炉完成治理改造，共计120台。', { year: 2017 })).toEqual(['120台']);
  });
});

describe('counted lists', () => {
  it('a vote\'s or a survey\'s tally under the list is no deliverable', () => {
    const text = '今天，县人大票决确定2021年10项民生实事项目：\n1.美丽乡村建设工程，新建美丽乡村10个。\n测评结果显示，农村公路改造提升工程，满意161票，基本满意58票。';
    expect(dated(text, { year: 2021, date: '2021-01-20' }).map(([t]) => t)).toEqual(['1.美丽乡村建设工程，新建美丽乡村10个']);
  });
});
