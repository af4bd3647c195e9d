/**
 * Rules added in round 37 (docs/extraction.md), written from the misses of sets ah–al and then of set am after it was
 * scored once. One test per rule, on invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

describe('what a time makes a task', () => {
  it('形成 (a report, a scale) and 清零 are actions a date can bound', () => {
    const text = '要加快问题整改，12月15日前“见底清零”；扎实做好专项排查，12月5日前形成专题报告。';
    expect(dated(text, { year: 2018, date: '2018-11-24' })).toEqual([
      ['要加快问题整改，12月15日前“见底清零”', '2018-12-15'],
      ['扎实做好专项排查，12月5日前形成专题报告', '2018-12-05'],
    ]);
    // (a report of what took shape is no task: 形成了)
    expect(dated('12月5日前已形成专题报告。', { year: 2018, date: '2018-12-20' })).toEqual([]);
  });
});
