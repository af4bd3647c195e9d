import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CalendarError,
  addDays,
  addWorkdays,
  daysBetween,
  dekadOf,
  hasHolidayData,
  holidayName,
  isIsoDate,
  isWorkday,
  lastDayOfMonth,
  nextWorkday,
  prevWorkday,
  quarterOf,
  today,
  workdayOnOrAfter,
  workdayOnOrBefore,
  workdaysBetween,
} from './calendar';

// Dates inside the years the holiday package covers, so properties exercise real holidays.
const dateArb = fc
  .integer({ min: Date.UTC(2019, 0, 1) / 86_400_000, max: Date.UTC(2026, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const workdayArb = dateArb.map(workdayOnOrAfter);

describe('isWorkday', () => {
  it('knows National Day 2022 and its swapped weekend', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkday(`2022-10-0${d}`)).toBe(false);
    expect(isWorkday('2022-10-08')).toBe(true); // Saturday, 调休上班
    expect(isWorkday('2022-10-09')).toBe(true); // Sunday, 调休上班
    expect(isWorkday('2022-10-10')).toBe(true);
  });

  it('knows Mid-Autumn + National Day 2023', () => {
    for (const d of ['2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06'])
      expect(isWorkday(d), d).toBe(false);
    expect(isWorkday('2023-10-07')).toBe(true);
    expect(isWorkday('2023-10-08')).toBe(true);
    expect(isWorkday('2023-09-28')).toBe(true);
  });

  it('treats plain weekends as days off', () => {
    expect(isWorkday('2023-11-04')).toBe(false); // Saturday
    expect(isWorkday('2023-11-06')).toBe(true); // Monday
  });

  it('rejects malformed dates with a bilingual error', () => {
    expect(() => isWorkday('2023-02-30')).toThrow(CalendarError);
    expect(() => isWorkday('2023/02/01')).toThrow(CalendarError);
    try {
      isWorkday('x');
    } catch (e) {
      expect((e as CalendarError).code).toBe('calendar.invalid_date');
      expect((e as CalendarError).messages.zh).toContain('日期格式无效');
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('names the holiday a day belongs to', () => {
    expect(holidayName('2022-10-03')).toBe('国庆节');
    expect(holidayName('2022-10-08')).toBe('国庆节');
    expect(holidayName('2022-10-12')).toBeUndefined();
  });

  it('reports which years have holiday data', () => {
    expect(hasHolidayData(2023)).toBe(true);
    expect(hasHolidayData(1990)).toBe(false);
  });
});

describe('working-day arithmetic', () => {
  it('steps over the 2022 National Day holiday', () => {
    expect(nextWorkday('2022-09-30')).toBe('2022-10-08');
    expect(prevWorkday('2022-10-08')).toBe('2022-09-30');
    expect(addWorkdays('2022-09-30', 1)).toBe('2022-10-08');
    expect(addWorkdays('2022-09-29', 3)).toBe('2022-10-09');
    expect(addWorkdays('2022-10-10', -3)).toBe('2022-09-30');
    expect(addWorkdays('2023-09-28', 1)).toBe('2023-10-07');
  });

  it('counts from a day off to the next working day', () => {
    expect(addWorkdays('2022-10-03', 1)).toBe('2022-10-08');
    expect(addWorkdays('2022-10-03', 0)).toBe('2022-10-08');
    expect(addWorkdays('2022-10-10', 0)).toBe('2022-10-10');
    expect(workdayOnOrBefore('2022-10-03')).toBe('2022-09-30');
  });

  it('counts working days in (a, b]', () => {
    expect(workdaysBetween('2022-09-30', '2022-10-08')).toBe(1);
    expect(workdaysBetween('2022-09-30', '2022-10-10')).toBe(3);
    expect(workdaysBetween('2022-10-10', '2022-09-30')).toBe(-3);
    expect(workdaysBetween('2023-01-03', '2023-01-03')).toBe(0);
  });

  it('plain calendar arithmetic', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2023-01-01')).toBe(-365);
  });

  it('property: adding n then -n working days returns a working day to itself', () => {
    fc.assert(
      fc.property(workdayArb, fc.integer({ min: -60, max: 60 }), (d, n) => {
        expect(addWorkdays(addWorkdays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('property: the result of addWorkdays is always a working day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -60, max: 60 }), (d, n) => {
        expect(isWorkday(addWorkdays(d, n))).toBe(true);
      }),
    );
  });

  it('property: workdaysBetween inverts addWorkdays', () => {
    fc.assert(
      fc.property(workdayArb, fc.integer({ min: -60, max: 60 }), (d, n) => {
        expect(workdaysBetween(d, addWorkdays(d, n))).toBe(n);
      }),
    );
  });

  it('property: addDays and daysBetween agree', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -800, max: 800 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });
});

describe('periods', () => {
  it('last day of month', () => {
    expect(lastDayOfMonth(2022, 8)).toBe('2022-08-31');
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(lastDayOfMonth(2023, 12)).toBe('2023-12-31');
  });

  it('dekads (旬)', () => {
    expect(dekadOf('2023-02-01')).toEqual({ year: 2023, month: 2, dekad: 1, start: '2023-02-01', end: '2023-02-10' });
    expect(dekadOf('2023-02-20')).toMatchObject({ dekad: 2, start: '2023-02-11', end: '2023-02-20' });
    expect(dekadOf('2023-02-21')).toMatchObject({ dekad: 3, start: '2023-02-21', end: '2023-02-28' });
    expect(dekadOf('2023-07-31')).toMatchObject({ dekad: 3, end: '2023-07-31' });
  });

  it('property: a date lies inside its dekad and quarter', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const k = dekadOf(d);
        const q = quarterOf(d);
        expect(k.start <= d && d <= k.end).toBe(true);
        expect(q.start <= d && d <= q.end).toBe(true);
      }),
    );
  });

  it('quarters', () => {
    expect(quarterOf('2022-08-15')).toEqual({ year: 2022, quarter: 3, start: '2022-07-01', end: '2022-09-30' });
    expect(quarterOf('2022-01-01')).toMatchObject({ quarter: 1, end: '2022-03-31' });
    expect(quarterOf('2022-12-31')).toMatchObject({ quarter: 4, start: '2022-10-01' });
  });
});

describe('today', () => {
  it('uses China time whatever the server TZ', () => {
    expect(today(() => new Date('2023-06-30T15:59:59Z'))).toBe('2023-06-30');
    expect(today(() => new Date('2023-06-30T16:00:00Z'))).toBe('2023-07-01');
  });

  it('defaults to the system clock', () => {
    expect(isIsoDate(today())).toBe(true);
  });
});
