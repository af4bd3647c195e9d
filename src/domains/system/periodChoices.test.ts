import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../assessment/periods';
import { currentMonth, currentPeriod, kindOf, periodChoices, periodOfMonth, pickerKinds } from './periodChoices';

describe('period choices', () => {
  it('take the current month as the latest ended one', () => {
    expect(currentMonth('2022-08-31')).toBe('2022-08');
    expect(currentMonth('2026-12-03')).toBe('2026-11');
    expect(currentMonth('2027-01-15')).toBe('2026-12');
    expect(currentPeriod('quarter', '2023-06-30')).toBe('2023-Q2');
    expect(currentPeriod('half', '2023-06-29')).toBe('2023-H1');
  });

  it('read period codes as the assessment and bulletins do', () => {
    for (const code of ['2022-07', '2022-Q2', '2022-H1', '2022', '2022-13', '2022-Q5', '2022-H3', '22-07', '2022-7', '专项行动', '2022-07 ']) {
      expect(kindOf(code), code).toBe(parsePeriod(code)?.kind ?? null);
    }
  });

  it('offer the months holding figures, stored periods and the current one, newest first', () => {
    const c = periodChoices(['2022-02', '2022-07', '2021-12'], ['2020-Q4', '2021', '专项行动一'], '2022-08-31');
    expect(c.month).toEqual(['2022-08', '2022-07', '2022-02', '2021-12']);
    expect(c.quarter).toEqual(['2022-Q3', '2022-Q1', '2021-Q4', '2020-Q4']);
    expect(c.half).toEqual(['2022-H2', '2022-H1', '2021-H2']);
    expect(c.year).toEqual(['2022', '2021']);
  });

  it('an empty zone is offered only its current period', () => {
    const c = periodChoices([], [], '2026-12-03');
    expect(c).toEqual({ month: ['2026-11'], quarter: ['2026-Q4'], half: ['2026-H2'], year: ['2026'] });
  });

  it('every choice is a valid period of its kind and every data month is covered', () => {
    // From 2001: on a January date the current period is the December before, and periods start in 2000.
    const month = fc.tuple(fc.integer({ min: 2001, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(month, { maxLength: 30 }), month, (months, now) => {
        const c = periodChoices(months, [], `${now}-15`);
        for (const kind of pickerKinds) {
          for (const code of c[kind]) expect(parsePeriod(code)?.kind).toBe(kind);
          for (const m of months) expect(c[kind]).toContain(periodOfMonth(kind, m));
          expect([...c[kind]].sort().reverse()).toEqual(c[kind]);
        }
      }),
    );
  });
});
