/**
 * Rules added in round 21 for failure classes of set t, read after it was scored once with rounds 8, 19 and 20
 * (docs/extraction.md); set u was collected and labelled by others, without the extractor's output, while these rules
 * were written, and is held out whole. One test per rule, on short invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf } from './roundViews';

const opts = { year: 2024, date: '2024-10-20' };

describe('project names', () => {
  it('以及 joins two names, as 和 does; a count after 和 keeps one name (a money amount makes two)', () => {
    expect(projectsOf('引进了投资30亿元的某某科创中心以及某某物流结算中心等一批项目。', opts)).toEqual([['某某科创中心', 30, '亿元']]);
    expect(projectsOf('总投资6亿元的某某建材有限公司年产500万平方米岩板和5万套整体橱柜生产线项目开工。', opts)).toEqual([
      ['某某建材有限公司年产500万平方米岩板和5万套整体橱柜生产线', 6, '亿元'],
    ]);
    expect(projectsOf('总投资6亿元的某某岩板和2亿元的某某橱柜生产线项目开工。', opts)).toEqual([
      ['某某岩板', 6, '亿元'],
      ['某某橱柜生产线', 2, '亿元'],
    ]);
  });

  it('a company right before its total is the project; a verb\'s object after a bare 投资 is not', () => {
    expect(projectsOf('某某生物能源有限公司总投资1500万美元，设计年产10万吨生物柴油。', opts)).toEqual([['某某生物能源有限公司', 1500, '万美元']]);
    expect(projectsOf('投资1.2亿元完成40个村电网升级改造、30个电力设备技改项目。', opts)).toEqual([]);
  });

  it('这个总投资…的“nickname”项目 takes up the project named before; a subject before 正 / 当天 is named', () => {
    expect(projectsOf('某某园区供水工程正紧张施工，这个总投资近2亿元的“水脉”项目将新建一座净水厂。', opts)).toEqual([['某某园区供水工程', 2, '亿元']]);
    expect(projectsOf('此外，某某高速互通立交项目当天正式开工，该项目总投资3.5亿元。', opts)).toEqual([['某某高速互通立交', 3.5, '亿元']]);
    // (an indefinite or a count is no name: "一处新材料项目正…", "9个项目日前…")
    expect(projectsOf('某镇的一处新材料项目正做着最后冲刺。这个总投资8亿元的项目达产后将带动集群发展。', opts)).toEqual([]);
    expect(projectsOf('其中，9个项目日前举行了集中签约仪式，计划总投资36亿元。', opts)).toEqual([]);
  });
});

describe('deadlines', () => {
  it('an expectation right after the time in a report sentence makes a plan ("年底可望投入运营")', () => {
    expect(dated('项目土建工程已完成，正进行竣工验收，年底可望投入运营。', opts)).toEqual([['项目土建工程已完成，正进行竣工验收，年底可望投入运营', '2024-12-31']]);
    expect(dated('项目主体已封顶，年底可投产。', opts)).toEqual([['项目主体已封顶，年底可投产', '2024-12-31']]);
  });

  it('年前 said in winter is before the lunar new year; at other times, and "5年前", it is not a deadline', () => {
    expect(dated('目前正推进管沟开挖，年前先完成7公里主管网。', { year: 2026, date: '2026-01-05' })).toEqual([['目前正推进管沟开挖，年前先完成7公里主管网', '2026-02-14']]);
    expect(dated('目前正推进管沟开挖，年前先完成7公里主管网。', { year: 2025, date: '2025-11-20' })).toEqual([['目前正推进管沟开挖，年前先完成7公里主管网', '2026-02-14']]);
    expect(dated('年前先完成7公里主管网。', { year: 2025, date: '2025-06-05' })).toEqual([]);
    expect(dated('该厂5年前建成投产。', { year: 2026, date: '2026-01-05' })).toEqual([]);
  });

  it('预计全年…将增长 a rate is an estimate, not a target', () => {
    expect(dated('预计全年工业总产值将增长12.5%，财政总收入将增长10%以上。', opts)).toEqual([]);
  });

  it('今后 N年 followed by a pledge, and N年内 with the pledge after it, are N years from the document\'s date', () => {
    expect(dated('今后3年将投入100亿元，形成园区主干路网。', { year: 2013, date: '2013-04-19' })).toEqual([['今后3年将投入100亿元，形成园区主干路网', '2016-04-19']]);
    expect(dated('5年内将投入200亿元。', { year: 2013, date: '2013-04-19' })).toEqual([['5年内将投入200亿元', '2018-04-19']]);
    // (a look back is not: "近3年内完成投资50亿元")
    expect(dated('该区近3年内完成投资50亿元。', { year: 2013, date: '2013-04-19' })).toEqual([]);
  });

  it('"我们将重点抓好以下七个方面工作：" frames the paragraphs below with the report\'s year: what commits to an end state is due', () => {
    const text = [
      '全区主要预期目标是：地区生产总值增长7%左右。',
      '围绕上述目标，我们将重点抓好以下五个方面工作：',
      '一是以园区为主引擎。坚持把发展的着力点放在实体经济上，新增规上工业企业30家，争创国家级经济开发区。',
    ].join('\n');
    expect(dated(text, { year: 2024 })).toEqual([
      ['全区主要预期目标是：地区生产总值增长7%左右', '2024-12-31'],
      ['坚持把发展的着力点放在实体经济上，新增规上工业企业30家，争创国家级经济开发区', '2024-12-31'],
    ]);
  });

  it('a quarter that names a batch of projects at its ceremony is no deadline', () => {
    expect(dated('某市2024年第四季度重大项目举行集中开工仪式。', { year: 2024, date: '2024-10-08' })).toEqual([]);
    expect(dated('某县2024年第四季度总投资50亿元的30个重点项目集中开工。', { year: 2024, date: '2024-10-08' })).toEqual([]);
    // (a half or a quarter whose projects are to reach a mark is a target)
    expect(dated('上半年重大项目开复工数将达到全年计划的87%。', { year: 2024, date: '2024-03-08' })).toEqual([
      ['上半年重大项目开复工数将达到全年计划的87%', '2024-06-30'],
    ]);
  });
});
