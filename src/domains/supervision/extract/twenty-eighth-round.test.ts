/**
 * Rules added in round 28, written from sets x, y and z (after each was scored and read), and measured once on set aa,
 * scored but not read before (docs/extraction.md). One test per rule, on invented sentences of the same kind (not corpus
 * texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

const opts = { year: 2018, date: '2018-09-15' };

describe('counted lists', () => {
  it('a comma may stand before "分别是：" / "包括：", and the vote that chose the list still pledges nothing', () => {
    const text = '会议宣布了票决结果。代表们投票票决出2018年某区十件民生实事项目，分别是：\n1.“食得放心”：加大食品安全抽检力度；\n2.“治堵保畅”：交通拥堵点整治。';
    expect(dated(text, opts)).toEqual([
      ['1.“食得放心”：加大食品安全抽检力度', '2018-12-31'],
      ['2.“治堵保畅”：交通拥堵点整治', '2018-12-31'],
    ]);
    expect(dated('本次大会票决通过2018年15项民生实事项目，包括：\n1、开展青少年生命安全教育；\n2、新增2050座公办学位。', opts)).toEqual([
      ['1、开展青少年生命安全教育', '2018-12-31'],
      ['2、新增2050座公办学位', '2018-12-31'],
    ]);
  });
});

describe('windows told by their two days', () => {
  it('a window still running at the document\'s date is due on its last day, and reaches on to the work it sets', () => {
    expect(dated('9月1日至10月31日为总攻决战阶段，全面完成贫困户水、电、房基础建设。', opts)).toEqual([
      ['9月1日至10月31日为总攻决战阶段，全面完成贫困户水、电、房基础建设', '2018-10-31'],
    ]);
    expect(dated('冬季战役期间（2018年11月22日至2019年2月28日），要确保完成空气质量目标。', opts)).toEqual([
      ['冬季战役期间（2018年11月22日至2019年2月28日），要确保完成空气质量目标', '2019-02-28'],
    ]);
  });

  it('without a year the end falls in the next year when its month comes first; a span already over is a report', () => {
    expect(dated('某镇决定自11月8日至1月17日，利用100天左右时间，在全镇开展“百日攻坚”行动。', opts).map(([, d]) => d)).toEqual(['2019-01-17']);
    expect(dated('1月1日至8月31日，全县完成固定资产投资35亿元。', opts)).toEqual([]);
  });
});

describe('an item that opens with its time', () => {
  it('takes in the clause before it that says what is done, unless that clause tells who speaks or has a time of its own', () => {
    expect(dated('要认真制定本地工作方案，于2018年10月15日前报市安办备案。', opts)).toEqual([
      ['要认真制定本地工作方案，于2018年10月15日前报市安办备案', '2018-10-15'],
    ]);
    expect(dated('焚烧发电厂，计划2019年6月竣工。', opts)).toEqual([['焚烧发电厂，计划2019年6月竣工', '2019-06-30']]);
    expect(dated('报告明确，今年将办好十件民生实事。', opts)).toEqual([['今年将办好十件民生实事', '2018-12-31']]);
    expect(dated('项目于2018年3月落户、2019年1月供地并动工。', opts)).toEqual([['2019年1月供地并动工', '2019-01-31']]);
  });
});

describe('a plan that names its year', () => {
  it('frames that year whenever in the year it is issued: its numbered items are its tasks without a commitment word', () => {
    const text = ['为贯彻落实《某市大气污染防治2018年行动计划》，制定本计划。', '二、主要任务', '1、完成某供热公司3台燃煤锅炉脱硫改造任务。（责任单位：县环保局）', '2、新增风电4.8万千瓦。', '3、深入实施“蓝天工程”。'].join('\n');
    expect(dated(text, opts).map(([t, d]) => [(t ?? '').replace(/（.*$/, ''), d])).toEqual([
      ['1、完成某供热公司3台燃煤锅炉脱硫改造任务', '2018-12-31'],
      ['2、新增风电4.8万千瓦', '2018-12-31'],
    ]);
  });
});

describe('a list of the year\'s targets', () => {
  it('takes in a short sentence after it that sets a target without a figure; a push after it is not one', () => {
    const text = '今年主要预期指标是：地区生产总值增长8.5%；固定资产投资增长15%。约束性指标不折不扣完成市下达任务。城乡居民人均可支配收入实现与经济同步增长。加快推进产业转型升级。';
    expect(dated(text, opts).map(([t]) => t)).toEqual([
      '今年主要预期指标是：地区生产总值增长8.5%',
      '固定资产投资增长15%',
      '约束性指标不折不扣完成市下达任务',
      '城乡居民人均可支配收入实现与经济同步增长',
    ]);
  });
});

describe('times', () => {
  it('in a report sentence, a time still ahead right before a completion is a plan', () => {
    expect(dated('项目2018年3月动工，已完成1号、2号标准厂房建设，10月中旬完成3号标准厂房建设。', opts)).toEqual([['已完成1号、2号标准厂房建设，10月中旬完成3号标准厂房建设', '2018-10-20']]);
    expect(dated('项目已完成1号标准厂房建设，8月中旬完成2号标准厂房建设。', opts)).toEqual([]);
  });

  it('two times joined as a range are due at the later one', () => {
    expect(dated('项目将于今年10月底至11月初动工。', opts)).toEqual([['项目将于今年10月底至11月初动工', '2018-11-10']]);
  });

  it('a plan dated by a bare year that ends its clause with a completion is due at that year\'s end', () => {
    expect(dated('某水电站工程，计划2019年首部枢纽左岸闸坝段基础砼浇筑完成。', { year: 2018 })).toEqual([['某水电站工程，计划2019年首部枢纽左岸闸坝段基础砼浇筑完成', '2019-12-31']]);
    expect(dated('重点发展智能家居，计划2019年量产，年产值近千亿元。', { year: 2018 }).map(([, d]) => d)).toEqual(['2019-12-31']);
  });
});
