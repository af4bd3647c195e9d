/**
 * Rules added in round 16 for failure classes of set o, read after it was scored once with rounds 8 and 11–15
 * (docs/extraction.md); set p was collected and labelled by others, without the extractor's output, while these
 * rules were written, and is held out whole. One test per rule, on short invented sentences of the same kind
 * (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf } from './roundViews';

describe('deadlines', () => {
  it('a sentence that announces the year’s list dates the numbered lines under it', () => {
    const text = [
      '报告明确，今年将继续统筹财力，扎实办好“十件民生实事”。',
      '（一）',
      '促进群众就业增收，开展职业技能培训2.5万人次。',
      '（二）',
      '办好人民满意教育，新建公办幼儿园20所。',
    ].join('\n');
    // (the announcement is a commitment of its own: 今年将…办好)
    expect(dated(text, { year: 2024, date: '2024-01-31' })).toEqual([
      ['今年将继续统筹财力，扎实办好“十件民生实事”', '2024-12-31'],
      // (since round 18 an item of a counted list is the whole item, not its figure's clauses)
      ['促进群众就业增收，开展职业技能培训2.5万人次', '2024-12-31'],
      ['办好人民满意教育，新建公办幼儿园20所', '2024-12-31'],
    ]);
  });

  it('without such a sentence the same lines stay undated', () => {
    const text = ['报告回顾了去年的工作。', '（一）', '开展职业技能培训2.5万人次。'].join('\n');
    expect(dated(text, { year: 2024, date: '2024-01-31' })).toEqual([]);
  });
});

describe('projects', () => {
  it('a tally of a place’s projects is a group even of one; a category before a name is not part of it', () => {
    const tally = '其中：西秀区项目10个，总投资11.9亿元；普定县项目1个，总投资3亿元。';
    expect(projectsOf(tally, { year: 2020 })).toEqual([]);
    expect(projectsOf('入选的省重大项目宏达淀粉深加工及仓储物流项目，总投资6亿元。', { year: 2023 })).toEqual([['宏达淀粉深加工及仓储物流', 6, '亿元']]);
  });
});
