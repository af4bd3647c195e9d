/**
 * Rules added in round 32, written from set ad after it was scored once with rounds 27, 30 and 31, and measured once on
 * set ae, collected and labelled by helper sessions while round 31 was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

describe('counted lists', () => {
  it('"以下10个项目为…民生实事项目：" announces the list without 确定; the vote that chose it pledges nothing', () => {
    const text = ['经某市人民代表大会投票表决，以下10个项目为某市2020年度政府民生实事项目：', '一、推进明眸皓齿工程。完成全市中小学校教室照明改造2500个；全市中小学配置可调节课桌椅25000套。'].join('\n');
    expect(dated(text, { year: 2020, date: '2020-04-30' }).map(([, d]) => d)).toEqual(['2020-12-31', '2020-12-31']);
  });
});
