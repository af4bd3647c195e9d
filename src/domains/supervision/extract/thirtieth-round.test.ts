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
    expect(dated('省经贸委下发通知，明确要求各地在9月底前关停已公告的全部落后产能企业。', opts)).toEqual([['明确要求各地在9月底前关停已公告的全部落后产能企业', '2014-09-30']]);
    expect(dated('排出时间节点，4月10日前拆净清场。', opts).map(([, d]) => d)).toEqual(['2014-04-10']);
    expect(dated('牛皮癣整治要迅速启动，一个星期内要整治到位。', opts).map(([, d]) => d)).toEqual(['2014-03-17']);
  });

  it('本月内 is the end of the document\'s month, and its item takes in the clause before it that says what is done', () => {
    expect(dated('落实三个必须：必须尽快落实“四个一”整改方案，本月内各县市区要全面完成并备查。', opts)).toEqual([
      ['必须尽快落实“四个一”整改方案，本月内各县市区要全面完成并备查', '2014-03-31'],
    ]);
  });
});
