import { describe, expect, it } from 'vitest';
import { assessFigure } from './assess';
import { expectedShare } from './progress';

describe('assessFigure', () => {
  it('rounds once and derives from the rounded figures', () => {
    const a = assessFigure({
      actual: '18.5612',
      target: '29.9371',
      prevYear: '13.5789',
      expectedShare: expectedShare('2023-06', 2023, 'months'),
      halfYearPassed: true,
      decimals: 2,
    });
    // completion from the printed 18.56 / 29.94
    expect(a).toEqual({
      actual: '18.56',
      target: '29.94',
      completion: '62.0',
      expectedShare: '50.0',
      gap: '12.0',
      status: 'ahead',
      yoy: '36.7', // from raw values: (18.5612 − 13.5789) / 13.5789 = 36.69%
      doubleHalf: true,
    });
  });
  it('status follows the printed gap at the amber boundary', () => {
    // 39.96% prints as 40.0%; 40.0 − 50.0 = −10.0 → amber, as a reader of the table would expect
    const a = assessFigure({ actual: '39.96', target: '100', expectedShare: '50' });
    expect(a.completion).toBe('40.0');
    expect(a.gap).toBe('-10.0');
    expect(a.status).toBe('slightly_behind');
  });
  it('missing target or actual gives nulls, not zeros', () => {
    const a = assessFigure({ actual: null, target: '10', expectedShare: '50' });
    expect(a.completion).toBeNull();
    expect(a.status).toBeNull();
    expect(a.doubleHalf).toBe(false);
    expect(assessFigure({ actual: '3', expectedShare: '50' }).status).toBeNull();
    // Half the task done before the half-year is over is not yet 双过半.
    expect(assessFigure({ actual: '6', target: '10', expectedShare: '45' }).doubleHalf).toBe(false);
  });
  it('lower-is-better is judged against the whole ceiling', () => {
    const a = assessFigure({ actual: '0.45', target: '0.5', expectedShare: '50', lowerIsBetter: true, halfYearPassed: true });
    expect(a.completion).toBe('110.0');
    expect(a.expectedShare).toBe('100.0');
    expect(a.status).toBe('ahead');
    expect(a.doubleHalf).toBe(false);
  });
});
