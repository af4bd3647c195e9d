/**
 * Rules added in round 30, written from set ab after it was scored once with rounds 24, 27, 28 and 29, and measured once on
 * set ac, collected and labelled by helper sessions while round 29 was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

const opts = { year: 2014, date: '2014-03-10' };

describe('a milestone after a count', () => {
  it('a clause that opens with its time and names a milestone dates what the clause before it counts', () => {
    expect(dated('某某东路（东支河西侧—黄河路）完成投资5436万元，年内通车。', opts)).toEqual([['某某东路（东支河西侧—黄河路）完成投资5436万元，年内通车', '2014-12-31']]);
  });

  it('a start is not a milestone', () => {
    expect(dated('正在建设的是3万吨原料项目生产车间，4月初开始复工。', opts)).toEqual([]);
  });
});

describe('bounded times', () => {
  it('a time ending in 前 or 内 right before what is to be done is a deadline whatever the verb', () => {
    expect(dated('省经贸委下发通知，明确要求各地在9月底前关停已公告的全部落后产能企业。', opts)).toEqual([['省经贸委下发通知，明确要求各地在9月底前关停已公告的全部落后产能企业', '2014-09-30']]);
    expect(dated('排出时间节点，4月10日前拆净清场。', opts).map(([, d]) => d)).toEqual(['2014-04-10']);
    expect(dated('牛皮癣整治要迅速启动，一个星期内要整治到位。', opts).map(([, d]) => d)).toEqual(['2014-03-17']);
  });

  it('本月内 is the end of the document\'s month, and its item takes in the clause before it that says what is done', () => {
    expect(dated('落实三个必须：必须尽快落实“四个一”整改方案，本月内各县市区要全面完成并备查。', opts)).toEqual([
      ['必须尽快落实“四个一”整改方案，本月内各县市区要全面完成并备查', '2014-03-31'],
    ]);
  });
});

describe('schedules and targets', () => {
  it('a month still ahead right before a start (开建, 开工) is its time', () => {
    const at = { year: 2009, date: '2009-07-12' };
    expect(dated('下半年每月都有新项目启动建设：8月开建航海路东段新建工程；9月开工新老107国道连接线。', at).slice(1)).toEqual([
      ['8月开建航海路东段新建工程', '2009-08-31'],
      ['9月开工新老107国道连接线', '2009-09-30'],
    ]);
    expect(dated('5月开工建设新老107国道连接线。', at)).toEqual([]);
  });

  it('"今年各项指标预定为：" opens the year\'s targets, and a figure\'s change right after it belongs to its item', () => {
    expect(dated('根据这一思路，今年各项指标预定为：生产总值117.7亿元，增长10%；财政收入4.19亿元，增长10%。', { year: 2013 })).toEqual([
      ['根据这一思路，今年各项指标预定为：生产总值117.7亿元，增长10%', '2013-12-31'],
      ['财政收入4.19亿元，增长10%', '2013-12-31'],
    ]);
  });
});

describe('a dated task\'s text', () => {
  it('is all of its ；-segment that no other item holds', () => {
    expect(dated('全力推进一号厂房建设，确保年底前竣工投产，为明年达产打下基础。', opts)).toEqual([
      ['全力推进一号厂房建设，确保年底前竣工投产，为明年达产打下基础', '2014-12-31'],
    ]);
    // (two dated items share the segment at the boundary between them)
    expect(dated('加快厂房建设，5月底前完成主体封顶，10月底前竣工投产。', opts)).toEqual([
      ['加快厂房建设，5月底前完成主体封顶', '2014-05-31'],
      ['10月底前竣工投产', '2014-10-31'],
    ]);
  });

  it('but not a speaker\'s lead-in, who leads the work, a bracket of roles, a table\'s other cells, or an earlier step of a timeline', () => {
    expect(dated('记者从会上获悉，由招商局牵头，10月底前新签约亿元以上项目5个（牵头单位：招商局；配合单位：财政局）。', opts).map(([t]) => t)).toEqual(['10月底前新签约亿元以上项目5个']);
    expect(dated('序号 | 民生实事 | 责任单位 | 完成时限\n1 | 新建2座人行天桥。 | 县住建局 | 9月投入使用', opts).map(([t]) => t)).toEqual(['新建2座人行天桥']);
    expect(dated('项目于2014年2月落户、3月供地、首期厂房预计今年年底封顶。', opts).map(([t]) => t)).toEqual(['首期厂房预计今年年底封顶']);
  });
});
