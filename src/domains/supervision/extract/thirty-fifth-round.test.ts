/**
 * Rules added in round 35, written from sets af and ag after each was scored once (docs/extraction.md). One test per rule,
 * on invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf } from './roundViews';

describe('a campaign told in phases', () => {
  it('a span whose start has no 月 ("3至5月") is due at its end, and the work done in it is the task', () => {
    const text = '2020年3至5月开展集中整治，6至7月进行全面核查，8至12月进行“回头看”。';
    expect(dated(text, { year: 2020, date: '2020-02-20' })).toEqual([
      ['2020年3至5月开展集中整治', '2020-05-31'],
      ['6至7月进行全面核查', '2020-07-31'],
      ['8至12月进行“回头看”', '2020-12-31'],
    ]);
  });

  it('the phases of a plan keep the year their first phase states, however far back', () => {
    const text = '行动分四个阶段进行，2020年底前进行排查，2021年1至5月进行集中整治，6至7月进行全面核查，8至12月进行“回头看”。';
    expect(dated(text, { year: 2020, date: '2020-12-20' })).toEqual([
      ['2020年底前进行排查', '2020-12-31'],
      ['2021年1至5月进行集中整治', '2021-05-31'],
      ['6至7月进行全面核查', '2021-07-31'],
      ['8至12月进行“回头看”', '2021-12-31'],
    ]);
  });

  it('a window from a start (从…起至…) dates the campaign in the next clause', () => {
    expect(dated('从12月1日起至2021年底，将在全市开展违法建设清查专项行动。', { year: 2020, date: '2020-11-25' })).toEqual([
      ['从12月1日起至2021年底，将在全市开展违法建设清查专项行动', '2021-12-31'],
    ]);
  });

  it('a span already over at the document\'s date reports, and 截至 is a cut-off', () => {
    expect(dated('1至7月，全区完成固定资产投资50亿元。', { year: 2020, date: '2020-08-20' })).toEqual([]);
    expect(dated('截至7月，全区完成固定资产投资50亿元。', { year: 2020, date: '2020-02-20' })).toEqual([]);
  });
});

describe('a bounded time before what is to be done', () => {
  it('the object fronted by 把 or 将 comes before the verb', () => {
    const opts = { year: 2021, date: '2021-05-10' };
    expect(dated('各乡镇要在9月30日前把排查出的隐患全部整改到位。', opts)).toEqual([['各乡镇要在9月30日前把排查出的隐患全部整改到位', '2021-09-30']]);
    expect(dated('各单位于6月15日前将自查报告报区督查室。', opts)).toEqual([['各单位于6月15日前将自查报告报区督查室', '2021-06-15']]);
  });

  it('制订, 开展 and 进行 say what is to be done', () => {
    const opts = { year: 2021, date: '2021-05-10' };
    expect(dated('对未达标的，2021年8月底以前必须制订整改方案。', opts)).toEqual([['对未达标的，2021年8月底以前必须制订整改方案', '2021-08-31']]);
    expect(dated('各地将于6月底前广泛开展宣传活动。', opts)).toEqual([['各地将于6月底前广泛开展宣传活动', '2021-06-30']]);
    expect(dated('年底前进行全面排查。', opts)).toEqual([['年底前进行全面排查', '2021-12-31']]);
  });

  it('a time without 前 and a verb not of the list stay undated', () => {
    expect(dated('6月30日，各地把问题整改情况进行了通报。', { year: 2021, date: '2021-05-10' })).toEqual([]);
  });
});

describe('times', () => {
  it('明年的 names the next year', () => {
    expect(dated('新校区要在明年的6月底全部竣工。', { year: 2020, date: '2020-08-01' })).toEqual([['新校区要在明年的6月底全部竣工', '2021-06-30']]);
  });

  it('two times joined by 和 for one piece of work: due at the later', () => {
    expect(dated('我们将在8月底和9月上旬完成招投标工作。', { year: 2017, date: '2017-08-10' })).toEqual([['我们将在8月底和9月上旬完成招投标工作', '2017-09-10']]);
  });

  it('a holiday right before a planned milestone is its time; told, it is none', () => {
    const opts = { year: 2020, date: '2020-01-10' };
    expect(dated('地铁2号线计划今年国庆通车。', opts)).toEqual([['地铁2号线计划今年国庆通车', '2020-09-30']]);
    expect(dated('国庆节开业的商场有3家。', opts)).toEqual([]);
    // (今年春节 said in December is the coming one)
    expect(dated('今年春节前全市再交付5个项目。', { year: 2022, date: '2022-12-20' })).toEqual([['今年春节前全市再交付5个项目', '2023-01-20']]);
  });
});

describe('a project\'s schedule', () => {
  it('试产, 奠基 and 安装调试 are milestones a month ahead can be the time of', () => {
    const opts = { year: 2010, date: '2010-02-10' };
    expect(dated('10月初开始试产。', opts)).toEqual([['10月初开始试产', '2010-10-10']]);
    expect(dated('5月底奠基。', opts)).toEqual([['5月底奠基', '2010-05-31']]);
    expect(dated('9月安装调试设备。', opts)).toEqual([['9月安装调试设备', '2010-09-30']]);
    // (a month already past tells what happened)
    expect(dated('1月设备安装调试。', { year: 2010, date: '2010-03-10' })).toEqual([]);
  });
});

describe('what an item holds', () => {
  it('a topic clause fronted by 对 belongs to the work done to it', () => {
    expect(dated('对因施工不到位导致的问题厕所，12月底前完成整改。', { year: 2021, date: '2021-06-24' })).toEqual([
      ['对因施工不到位导致的问题厕所，12月底前完成整改', '2021-12-31'],
    ]);
  });

  it('a year\'s lead that names its counted list of deliverables at the end of a long sentence frames the list', () => {
    const text = [
      '2021年县政府将继续从群众最关心的问题入手，计划投资8.6亿元，围绕“改善农村人居环境、提升县城基础设施水平、保障城乡居民饮水安全、持续改善医疗和教育水平”等方面，全力办好十大民生实事。',
      '一、改善农村人居环境。完成20个美丽乡村建设任务。新建农村公厕30座。',
    ].join('\n');
    expect(dated(text, { year: 2021 })).toEqual(expect.arrayContaining([
      ['完成20个美丽乡村建设任务', '2021-12-31'],
      ['新建农村公厕30座', '2021-12-31'],
    ]));
  });
});

describe('projects', () => {
  it('an estimated investment (估算投资, 总投资初步估算) is the project\'s total', () => {
    expect(projectsOf('据了解，东湖物流园区占地面积300亩，估算投资4.5亿元。', { year: 2015 })).toEqual([['东湖物流园区', 4.5, '亿元']]);
    expect(projectsOf('城北医院项目位于迎宾大道北侧，建筑面积3万平方米，总投资初步估算32000万元。', { year: 2015 })).toEqual([['城北医院', 32000, '万元']]);
  });

  it('a capacity after the name (总装机容量) and a predicate clause (也是…项目) stand between a project and its total', () => {
    expect(projectsOf('北山光伏发电项目总装机容量2万千瓦，总投资约1.5亿元。', { year: 2020 })).toEqual([['北山光伏发电', 1.5, '亿元']]);
    expect(projectsOf('其中南湖光伏基地项目是第二批大型光伏基地项目之一，也是全市单体规模最大的光伏项目，总投资近100亿元。', { year: 2023 })).toEqual([
      ['南湖光伏基地', 100, '亿元'],
    ]);
  });

  it('a name then 属于 describes the project whose total follows', () => {
    expect(projectsOf('西港物流园区属于省重点扶持项目之一，占地面积520亩，概算投资7亿元。', { year: 2015 })).toEqual([['西港物流园区', 7, '亿元']]);
  });
});
