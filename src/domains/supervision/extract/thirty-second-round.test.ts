/**
 * Rules added in round 32, written from set ad after it was scored once with rounds 27, 30 and 31, and measured once on
 * set ae, collected and labelled by helper sessions while round 31 was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf } from './roundViews';

describe('counted lists', () => {
  it('"以下10个项目为…民生实事项目：" announces the list without 确定; the vote that chose it pledges nothing', () => {
    const text = ['经某市人民代表大会投票表决，以下10个项目为某市2020年度政府民生实事项目：', '一、推进明眸皓齿工程。完成全市中小学校教室照明改造2500个；全市中小学配置可调节课桌椅25000套。'].join('\n');
    expect(dated(text, { year: 2020, date: '2020-04-30' }).map(([, d]) => d)).toEqual(['2020-12-31', '2020-12-31']);
  });
});

describe('project names', () => {
  it('end before who builds it and before a push of pace, and lose a lead that gives their kind', () => {
    const opts = { year: 2020 };
    expect(projectsOf('总投资7亿元的某某医药产业园由山东某某医药科技有限公司投资建设。', opts)).toEqual([['某某医药产业园', 7, '亿元']]);
    expect(projectsOf('总投资2亿美元的某某临港医院加紧基础施工。', opts)).toEqual([['某某临港医院', 2, '亿美元']]);
    expect(projectsOf('总投资2亿元的某某集团大黑河岛自由贸易广场项目开工。', opts)).toEqual([['某某集团大黑河岛自由贸易广场', 2, '亿元']]);
  });
});
