/**
 * Rules added in round 23 for failure classes of set v (unpunctuated list lines, lists named or published, a plan's
 * contents), read after it was scored once with rounds 8 and 19–22 (docs/extraction.md); set w was collected and labelled
 * by others, without the extractor's output, while these rules were written, and is held out whole. One test per rule, on
 * short invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, quantitiesOf } from './roundViews';

const opts = { year: 2024 };

describe('list lines and the lists they belong to', () => {
  it('a line without punctuation that does something to a counted thing is an item, not a heading', () => {
    expect(quantitiesOf('完成30台多层住宅电梯加装工作、9家社区卫生服务中心消防设施改造', opts)).toEqual(['30台', '9家']);
    expect(quantitiesOf('*为8个住宅小区新增电动自行车充电设施', opts)).toEqual(['8个']);
    // (a title without a figure stays a heading)
    expect(quantitiesOf('推进项目建设', opts)).toEqual([]);
  });

  it('a heading that is only the list\'s name ("实事项目") frames the counted lines under it with the document\'s year', () => {
    const text = ['实事项目', '01', '完成30台多层住宅电梯加装工作', '新增就业9000人'].join('\n');
    expect(dated(text, opts)).toEqual([
      ['完成30台多层住宅电梯加装工作', '2024-12-31'],
      ['新增就业9000人', '2024-12-31'],
    ]);
  });

  it('a list told as published ("…十件民生实事项目 正式出炉！") frames its items; the news of it pledges nothing', () => {
    const text = ['会议票选表决县政府2024年度十件民生实事项目 正式出炉！', '一、村内基础设施提升工程', '在17个乡镇硬化道路10万平方米。'].join('\n');
    expect(dated(text, opts)).toEqual([['在17个乡镇硬化道路10万平方米', '2024-12-31']]);
  });

  it('"《2024年…为民办实事工作计划》的主要内容是：" dates the plan\'s lines below', () => {
    const text = ['《2024年市委、市政府为民办实事工作计划》的主要内容是：', '一、实施公交服务便民工程', '（一）新增公交线路10条。'].join('\n');
    expect(dated(text, { year: 2023, date: '2023-12-20' })).toEqual([['（一）新增公交线路10条', '2024-12-31']]);
  });
});
