/**
 * Rules added in round 25, written from sets t–w (every set before x) and measured once on set x, collected and labelled
 * by helper sessions while the round was written (docs/extraction.md). Round 25 reads the shape of a list and of a
 * sentence, not new words: a numbered line with no lines under it is an item, a line of counts among items is one, and a
 * year pledged in a sentence's first ；-segment dates its later targets. One test per rule, on invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { dated, datesOf, projectsOf, quantitiesOf } from './roundViews';

const opts = { year: 2019, date: '2019-01-10' };

describe('lines of a list', () => {
  const plan = ['《2019年为民办实事工作计划》的主要内容是：', '一、实施公交便民工程', '（一）新购置公交车200辆', '（二）新建改造100个公交站台', '（三）建成某某路', '二、办好教育', '（一）新建幼儿园13所'].join('\n');

  it('a numbered line followed by its next sibling, or by a section, is an item, not a heading', () => {
    expect(dated(plan, opts)).toEqual([
      ['（一）新购置公交车200辆', '2019-12-31'],
      ['（二）新建改造100个公交站台', '2019-12-31'],
      ['（三）建成某某路', '2019-12-31'],
      ['（一）新建幼儿园13所', '2019-12-31'],
    ]);
  });

  it('a numbered line with lines under it stays a heading', () => {
    expect(dated(plan, opts).some(([t]) => t === '实施公交便民工程')).toBe(false);
    expect(dated('《2019年工作计划》的主要内容是：\n（一）实施公交便民工程\n1.新购置公交车200辆\n2.新建站台10个', opts)).toEqual([
      ['1.新购置公交车200辆', '2019-12-31'],
      ['2.新建站台10个', '2019-12-31'],
    ]);
  });

  it('an unpunctuated line of counts next to an item is an item too', () => {
    const list = ['2019年实事项目安排如下：', '实事项目', '06', '*新增15家社区老年助餐点', '*2家社区综合为老服务中心', '*7家老年人日间服务中心', '366张养老床位'].join('\n');
    expect(quantitiesOf(list, opts)).toEqual(['15家', '2家', '7家', '366张']);
    // (a count in a line among headings is not read: "三大片区" and "2020年" stay headings)
    expect(quantitiesOf('一、发展目标\n3个重点片区\n二、主要任务', opts)).toEqual([]);
  });
});

describe('a year pledged in a sentence', () => {
  it('a bare year is the deadline of a pledge later in its clause, after its subject, with a figure', () => {
    expect(datesOf('2019年规上工业总产值力争达400亿元', opts)).toEqual([['2019年', '2019-12-31', 'deadline:year']]);
    expect(datesOf('2019年新城要集聚常住人口8000人', opts)).toEqual([['2019年', '2019-12-31', 'deadline:year']]);
    // (a push, an estimate and a requirement are not)
    expect(datesOf('2019年市政府将坚持以发展统领全局', opts)).toEqual([]);
    expect(datesOf('预计2019年交通投资将突破1400亿元', opts)).toEqual([]);
    expect(datesOf('2019年主要任务是新增企业20家', opts)).toEqual([]);
  });

  it('a year pledged in the first ；-segment, before the year or after a lead, dates the later targets with figures', () => {
    expect(dated('力争2019年实现地区生产总值200亿元，增长26%；完成固定资产投资350亿元，增长70%；引进内资100亿元以上。', opts)).toEqual([
      ['力争2019年实现地区生产总值200亿元，增长26%', '2019-12-31'],
      ['完成固定资产投资350亿元，增长70%', '2019-12-31'],
      ['引进内资100亿元以上', '2019-12-31'],
    ]);
    // (a result in a later segment is not: "去年已完成…")
    expect(dated('力争2019年实现地区生产总值200亿元；去年完成固定资产投资300亿元。', opts)).toEqual([['力争2019年实现地区生产总值200亿元', '2019-12-31']]);
  });
});

describe('project names', () => {
  it('the place a project is built at, and where it settles, are not part of its name, however it was read', () => {
    expect(projectsOf('某某集团在某某新城建设某某总部基地，总投资30亿元。', opts)).toEqual([['某某总部基地', 30, '亿元']]);
    expect(projectsOf('某某股份有限公司拟在某县建绿能减碳产业发展项目，总投资2.94亿美元。', opts)).toEqual([['绿能减碳产业发展', 2.94, '亿美元']]);
    expect(projectsOf('总投资3亿元的某某热泵生产基地落户在某某经济开发区。', opts)).toEqual([['某某热泵生产基地', 3, '亿元']]);
  });

  it('a description before the last 的 is cut, a company name with 的 is kept', () => {
    expect(projectsOf('投资8.7亿元的以黑土地保护为导向的蓝靛果种植加工项目，已开始进行场地平整。', opts)).toEqual([['蓝靛果种植加工', 8.7, '亿元']]);
    expect(projectsOf('总投资50亿元的芜湖美的厨热智能家电产业园项目实现当年签约。', opts)).toEqual([['芜湖美的厨热智能家电产业园', 50, '亿元']]);
  });

  it('a space between a listed name and its total is read as a comma; 总投入 is a whole investment', () => {
    expect(projectsOf('●某某商标制品项目 总投资1亿元，占地面积约15亩。', opts)).toEqual([['某某商标制品', 1, '亿元']]);
    expect(projectsOf('在开发区，总投入3000万美元的某某公司正在加快建设。', opts)).toEqual([['某某公司', 3000, '万美元']]);
  });
});

describe('the year a work report is delivered for', () => {
  const lead = '2017年政府工作报告陆续出炉，各区县将有哪些变化？\n';
  const year = { year: 2017, date: '2017-02-06' };

  it('frames the commitments of the whole text that have no time of their own', () => {
    expect(dated(`${lead}历下区还将新建两座山体公园，并对60处居民住宅二次供水进行改造。市中区将加快推进城市更新。`, year)).toEqual([
      ['历下区还将新建两座山体公园，并对60处居民住宅二次供水进行改造', '2017-12-31'],
    ]);
  });

  it('not a text without such a lead, nor one dated late in the year, nor what is done or was last year', () => {
    expect(dated('历下区还将新建两座山体公园。', year)).toEqual([]);
    expect(dated(`${lead}历下区还将新建两座山体公园。`, { year: 2017, date: '2017-09-06' })).toEqual([]);
    expect(dated(`${lead}去年历下区新建两座山体公园。历下区将加快推进两座山体公园建设。`, year)).toEqual([]);
  });
});

describe('weeks', () => {
  // 2008-05-14 is a Wednesday: its week ends on Sunday 18 May
  const c = { year: 2008, date: '2008-05-14' };
  it('本周内 / 下周前 / 本周 with a completion end on the Sunday of the (next) week; N周内 counts 7 days a week', () => {
    expect(datesOf('本周内全部复工', c)).toEqual([['本周内', '2008-05-18', 'deadline:week']]);
    expect(datesOf('本周完成进场工作', c)).toEqual([['本周', '2008-05-18', 'deadline:week']]);
    expect(datesOf('下周前报送方案', c)).toEqual([['下周前', '2008-05-25', 'deadline:week']]);
    expect(datesOf('两周内完成排查', c)).toEqual([['两周内', '2008-05-28', 'deadline:within-days']]);
    expect(datesOf('要在3个星期之内完成', c)).toEqual([['3个星期之内', '2008-06-04', 'deadline:within-days']]);
  });

  it('not a weekday, a week\'s work named, or a week looked back on', () => {
    expect(datesOf('本周一召开调度会', c)).toEqual([]);
    expect(datesOf('本周工作安排如下', c)).toEqual([]);
    expect(datesOf('此前一周内有13个项目开竣工', c)).toEqual([]);
  });
});

describe('a year said once', () => {
  it('carries to the later times of its ；-segment that say none, even a month already past this year', () => {
    expect(dated('项目计划明年5月建成、8月投产。', { year: 2023, date: '2023-01-30' })).toEqual([
      ['项目计划明年5月建成', '2024-05-31'],
      ['8月投产', '2024-08-31'],
    ]);
    expect(dated('公司计划明年3月份进行设备安装，5月中旬进行试生产。', { year: 2023, date: '2023-11-27' })).toEqual([
      ['公司计划明年3月份进行设备安装', '2024-03-31'],
      ['5月中旬进行试生产', '2024-05-20'],
    ]);
  });

  it('a time that says its own year keeps it, and the carry ends with the segment', () => {
    expect(dated('计划明年5月开园，明年年底全部投产。', { year: 2013, date: '2013-08-01' })).toEqual([
      ['计划明年5月开园', '2014-05-31'],
      ['明年年底全部投产', '2014-12-31'],
    ]);
    expect(dated('计划明年5月开园；确保10月底前完成招商。', { year: 2013, date: '2013-08-01' })).toEqual([
      ['计划明年5月开园', '2014-05-31'],
      ['确保10月底前完成招商', '2013-10-31'],
    ]);
  });
});

describe('years within', () => {
  it('N年内 with a completion after it is a time limit in a sentence that plans, not in a report', () => {
    const c = { year: 2023, date: '2023-01-30' };
    expect(datesOf('计划明年5月建成，两年内达产', c).slice(1)).toEqual([['两年内', '2025-01-30', 'deadline:within-years']]);
    expect(datesOf('该企业两年内达产，实现产值10亿元', c)).toEqual([]);
  });
});

describe('a report\'s work areas', () => {
  it('"将重点做好五个方面工作：" announces the year\'s work as "做好以下…工作：" does', () => {
    const text = '2022年政府工作建议。\n围绕上述目标任务，必须坚持高质量发展的方向不动摇。将重点做好两个方面工作：\n一、聚焦实体实业\n一是锚定方向强链条。确保实现规上工业产值2300亿元、增长10%以上。加快推进产业园建设。';
    expect(dated(text, { year: 2022 })).toEqual([['确保实现规上工业产值2300亿元、增长10%以上', '2022-12-31']]);
  });
});
