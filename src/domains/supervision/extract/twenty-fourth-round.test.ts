/**
 * Rules added in round 24 for failure classes of set w, read after it was scored once with rounds 8 and 19–23
 * (docs/extraction.md). No set was held out for this round: its scores on w are fits. One test per rule, on short
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf } from './roundViews';

const opts = { year: 2024, date: '2024-03-03' };

describe('counted lists', () => {
  it('an item of a counted list runs to its ；-segment\'s end when the deliverable follows the figure', () => {
    const text = '今年确定为群众办好十件民生实事。这十件实事是：投资500万元，建设新城大桥；投资1000万元，建成第二高级中学学生宿舍楼。';
    expect(dated(text, opts).slice(1)).toEqual([
      ['这十件实事是：投资500万元，建设新城大桥', '2024-12-31'],
      ['投资1000万元，建成第二高级中学学生宿舍楼', '2024-12-31'],
    ]);
  });
});

describe('project names', () => {
  it('"该项目为NAME，计划总投资X" names NAME; 是 before a name read backward is not part of it; 创建 leads a name in', () => {
    expect(projectsOf('高新区产业园项目是百万平方产业园中的一个园区，该项目为某某环保科技城产业园，计划总投资11.86亿元。', opts)).toEqual([
      ['某某环保科技城产业园', 11.86, '亿元'],
    ]);
    expect(projectsOf('其中大手笔的是某某灯饰集聚区项目总投资100亿元。', opts)).toEqual([['某某灯饰集聚区', 100, '亿元']]);
    expect(projectsOf('某县人民政府与某促进会合作创建两岸农业创业园项目，总投资7亿元。', opts)).toEqual([['两岸农业创业园', 7, '亿元']]);
  });
});
