/**
 * Rules added in round 23 for failure classes of set v (unpunctuated list lines, lists named or published, a plan's
 * contents, project names), read after it was scored once with rounds 8 and 19–22 (docs/extraction.md); set w was collected and labelled
 * by others, without the extractor's output, while these rules were written, and is held out whole. One test per rule, on
 * short invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf, quantitiesOf } from './roundViews';

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

describe('project names', () => {
  it('"X是…项目，…，总投资" names X; a subject ending in a count is a group; a category alone is no name', () => {
    expect(projectsOf('某某路小学是美好教育项目，由区政府投资建设，总投资5796万元。', opts)).toEqual([['某某路小学', 5796, '万元']]);
    expect(projectsOf('某县6个项目在工业园区集中开工，项目总投资18.3亿元。', opts)).toEqual([]);
    expect(projectsOf('今年将全力实施总投资451.3亿元的重点项目135个。', opts)).toEqual([]);
  });

  it('还有 leads a name in; 和 after one character stays inside it; 落户 ends a name read forward', () => {
    expect(projectsOf('先进制造业项目还有某某公司汽车零部件制造项目，总投资10亿元。', opts)).toEqual([['某某公司汽车零部件制造', 10, '亿元']]);
    expect(projectsOf('三和管桩公司装配式建筑产业园项目总投资2亿元。', opts)).toEqual([['三和管桩公司装配式建筑产业园', 2, '亿元']]);
    expect(projectsOf('总投资3亿元的某某热泵生产基地落户在某某开发区。', opts)).toEqual([['某某热泵生产基地', 3, '亿元']]);
  });
});
