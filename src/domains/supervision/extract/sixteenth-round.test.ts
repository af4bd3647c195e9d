/**
 * Rules added in round 16 for failure classes of set o, read after it was scored once with rounds 8 and 11–15
 * (docs/extraction.md); set p was collected and labelled by others, without the extractor's output, while these
 * rules were written, and is held out whole. One test per rule, on short invented sentences of the same kind
 * (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

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
      ['开展职业技能培训2.5万人次', '2024-12-31'],
      ['新建公办幼儿园20所', '2024-12-31'],
    ]);
  });

  it('without such a sentence the same lines stay undated', () => {
    const text = ['报告回顾了去年的工作。', '（一）', '开展职业技能培训2.5万人次。'].join('\n');
    expect(dated(text, { year: 2024, date: '2024-01-31' })).toEqual([]);
  });
});
