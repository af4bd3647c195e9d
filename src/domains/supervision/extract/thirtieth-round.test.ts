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
