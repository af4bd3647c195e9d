/**
 * Round 44 (docs/extraction.md): a phrase judged no deadline masks the shorter phrases inside it, in findDeadlines itself
 * rather than by a lookahead in each generic pattern. Invented sentences of the kinds measured on the corpus.
 */
import { describe, expect, it } from 'vitest';
import { datesOf } from './roundViews';

describe('a rejected phrase', () => {
  it('keeps the year inside it from being read alone', () => {
    // the start of a year already past is when work began, and the bare year in it is no year-end deadline
    expect(datesOf('污水处理厂项目于2014年年初开工建设，目前主体已完工', { year: 2014, date: '2014-06-11' })).toEqual([]);
    // a festival already begun at the document's date, and a term begun: neither is the year's end
    expect(datesOf('该合同于2019年春节前签订', { year: 2019, date: '2019-11-20' })).toEqual([]);
    expect(datesOf('今年秋季开学投入使用', { year: 2018, date: '2018-10-08' })).toEqual([]);
  });
  it('leaves a deadline beside it alone', () => {
    expect(datesOf('该合同于2019年春节前签订，2019年底前完成结算', { year: 2019, date: '2019-11-20' })).toEqual([['2019年底前', '2019-12-31', 'deadline:year']]);
  });
});
