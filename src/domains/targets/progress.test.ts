import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { round } from '../../shared/decimal';
import {
  completedMonths,
  completionRate,
  expectedShare,
  gapPoints,
  isDoubleHalf,
  judge,
  periodEnd,
  share,
  yoy,
  zoneTotal,
} from './progress';

const r1 = (x: { toString(): string } | null) => (x === null ? null : round(x.toString(), 1));
const r2 = (x: { toString(): string } | null) => (x === null ? null : round(x.toString(), 2));

describe('periodEnd and completedMonths', () => {
  it('gives the last day of the period', () => {
    expect(periodEnd('2023-06')).toBe('2023-06-30');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2023-02')).toBe('2023-02-28');
    expect(periodEnd('2023-12')).toBe('2023-12-31');
    expect(() => periodEnd('2023-13')).toThrow();
    expect(() => periodEnd('2023-6')).toThrow();
  });
  it('counts a month once its last day is reached', () => {
    expect(completedMonths('2023-06-30', 2023)).toBe(6);
    expect(completedMonths('2023-06-29', 2023)).toBe(5);
    expect(completedMonths('2023-07-15', 2023)).toBe(6);
    expect(completedMonths('2023-06', 2023)).toBe(6);
    expect(completedMonths('2023-01-01', 2023)).toBe(0);
    expect(completedMonths('2022-12-31', 2023)).toBe(0);
    expect(completedMonths('2024-01-01', 2023)).toBe(12);
  });
  it('rejects impossible dates', () => {
    expect(() => completedMonths('2023-02-29', 2023)).toThrow();
    expect(() => completedMonths('2023/06/30', 2023)).toThrow();
    expect(() => completedMonths(new Date('x'), 2023)).toThrow();
  });
});

describe('expectedShare', () => {
  it('days: elapsed days including asOf over days in the year', () => {
    expect(r2(expectedShare('2023-06-30', 2023, 'days'))).toBe('49.59'); // 181/365
    expect(r2(expectedShare('2024-06-30', 2024, 'days'))).toBe('49.73'); // 182/366
    expect(expectedShare('2023-12-31', 2023, 'days').toString()).toBe('100');
    expect(r2(expectedShare('2023-01-01', 2023, 'days'))).toBe('0.27');
    expect(expectedShare('2022-12-31', 2023, 'days').toString()).toBe('0');
    expect(expectedShare('2024-01-05', 2023, 'days').toString()).toBe('100');
  });
  it('a reporting period is judged at the END of its month', () => {
    expect(expectedShare('2023-06', 2023, 'days').toString()).toBe(expectedShare('2023-06-30', 2023, 'days').toString());
    expect(expectedShare('2023-06', 2023, 'months').toString()).toBe('50');
    expect(r1(expectedShare('2023-10', 2023, 'months'))).toBe('83.3');
  });
  it('months: completed months over 12', () => {
    expect(expectedShare('2023-07-15', 2023, 'months').toString()).toBe('50');
    expect(expectedShare('2023-03-31', 2023, 'months').toString()).toBe('25');
    expect(expectedShare('2023-12-31', 2023, 'months').toString()).toBe('100');
  });
  it('Date objects are read as China time', () => {
    // 2023-06-30 20:00 UTC is already 1 July in China.
    expect(expectedShare(new Date('2023-06-30T20:00:00Z'), 2023, 'months').toString()).toBe('50');
    expect(r2(expectedShare(new Date('2023-06-30T20:00:00Z'), 2023, 'days'))).toBe('49.86'); // 182/365
    expect(r2(expectedShare(new Date('2023-06-30T00:00:00Z'), 2023, 'days'))).toBe('49.59');
  });
  it('plan: monthly amounts or cumulative amounts through the completed months', () => {
    const monthly = ['5', '5', '10', '8', '8', '14', '8', '8', '10', '8', '8', '8']; // total 100
    expect(expectedShare('2023-06', 2023, 'plan', monthly)?.toString()).toBe('50');
    expect(expectedShare('2023-03-31', 2023, 'plan', { monthly })?.toString()).toBe('20');
    const cumulative = [5, 10, 20, 28, 36, 50, 58, 66, 76, 84, 92, 100];
    expect(expectedShare('2023-03', 2023, 'plan', { cumulative })?.toString()).toBe('20');
    expect(expectedShare('2023-01-15', 2023, 'plan', { cumulative })?.toString()).toBe('0');
    // an explicit annual target different from the plan total (plan covers the floor only)
    expect(expectedShare('2023-06', 2023, 'plan', { cumulative }, '125')?.toString()).toBe('40');
    expect(expectedShare('2023-06', 2023, 'plan', { cumulative }, 0)).toBeNull();
    expect(() => expectedShare('2023-06', 2023, 'plan')).toThrow();
    expect(() => expectedShare('2023-06', 2023, 'plan', ['1', '2'])).toThrow();
  });
  it('property: monotone in the date and within 0..100', () => {
    const day = fc.integer({ min: 0, max: 364 });
    fc.assert(
      fc.property(day, day, fc.constantFrom('days' as const, 'months' as const), (a, b, mode) => {
        const iso = (n: number) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = expectedShare(iso(lo), 2023, mode);
        const y = expectedShare(iso(hi), 2023, mode);
        expect(x.lte(y)).toBe(true);
        expect(x.gte(0) && y.lte(100)).toBe(true);
      }),
    );
  });
});

describe('completionRate', () => {
  it('actual / target in percent', () => {
    expect(completionRate('18.56', '30')?.toFixed(2)).toBe('61.87');
    expect(completionRate('31', '31')?.toString()).toBe('100');
    expect(completionRate('0', '10')?.toString()).toBe('0');
  });
  it('null when target is 0, negative or missing, or actual missing', () => {
    expect(completionRate('5', '0')).toBeNull();
    expect(completionRate('5', '-3')).toBeNull();
    expect(completionRate('5', null)).toBeNull();
    expect(completionRate(undefined, '5')).toBeNull();
  });
  it('lower is better: 2 − actual/target, floored at 0', () => {
    const lib = { lowerIsBetter: true };
    expect(completionRate('100', '100', lib)?.toString()).toBe('100');
    expect(completionRate('90', '100', lib)?.toString()).toBe('110');
    expect(completionRate('0', '100', lib)?.toString()).toBe('200');
    expect(completionRate('120', '100', lib)?.toString()).toBe('80');
    expect(completionRate('250', '100', lib)?.toString()).toBe('0');
  });
  it('property: monotone in actual (up for higher-is-better, down for lower-is-better)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.integer({ min: 1, max: 10_000 }), (a, b, t) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(completionRate(lo, t)!.lte(completionRate(hi, t)!)).toBe(true);
        expect(completionRate(lo, t, { lowerIsBetter: true })!.gte(completionRate(hi, t, { lowerIsBetter: true })!)).toBe(true);
      }),
    );
  });
});

describe('gapPoints and judge', () => {
  it('gap is completion minus expected', () => {
    expect(gapPoints('62.0', '50.0')?.toString()).toBe('12');
    expect(gapPoints(null, '50')).toBeNull();
  });
  it('boundaries: at time progress is on track, exactly 10 and 30 behind are amber', () => {
    expect(judge('0.1')).toBe('ahead');
    expect(judge(0)).toBe('on_track');
    expect(judge('-9.9')).toBe('on_track');
    expect(judge(-10)).toBe('slightly_behind');
    expect(judge('-29.9')).toBe('slightly_behind');
    expect(judge(-30)).toBe('slightly_behind');
    expect(judge('-30.1')).toBe('far_behind');
    expect(judge(null)).toBeNull();
  });
  it('custom thresholds', () => {
    expect(judge(-5, { amber: 5, red: 15 })).toBe('slightly_behind');
    expect(judge(-16, { amber: 5, red: 15 })).toBe('far_behind');
    expect(() => judge(-5, { amber: 20, red: 10 })).toThrow();
  });
  it('property: a pure function of the gap, monotone (catching up never worsens the status)', () => {
    const order = ['far_behind', 'slightly_behind', 'on_track', 'ahead'];
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(judge(lo / 10)!)).toBeLessThanOrEqual(order.indexOf(judge(hi / 10)!));
      }),
    );
  });
});

describe('isDoubleHalf', () => {
  it('is the half-year over and half the task done', () => {
    // 30 June is 49.6% of the year by days, and still the day 双过半 is judged on.
    expect(isDoubleHalf('2023-06-30', 2023, '50')).toBe(true);
    expect(isDoubleHalf('2023-09-30', 2023, '62.0')).toBe(true);
    expect(isDoubleHalf('2023-06-29', 2023, '62.0')).toBe(false);
    expect(isDoubleHalf('2023-06-30', 2023, '49.99')).toBe(false);
    expect(isDoubleHalf('2023-06-30', 2023, null)).toBe(false);
    // A December report judged in January of the next year is past its half-year.
    expect(isDoubleHalf('2024-01-10', 2023, '98')).toBe(true);
  });
  it('agrees with the rule for any date and completion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 2000 }), (day, tenths) => {
        const asOf = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
        const completion = (tenths / 10).toFixed(1);
        expect(isDoubleHalf(asOf, 2023, completion)).toBe(day >= 180 && tenths >= 500);
      }),
    );
  });
});

describe('yoy and share', () => {
  it('growth in percent; null on missing or non-positive base', () => {
    expect(yoy('18.56', '13.58')?.toFixed(1)).toBe('36.7');
    expect(yoy('9.68', '10')?.toFixed(1)).toBe('-3.2');
    expect(yoy('5', '5')?.toString()).toBe('0');
    expect(yoy('5', '0')).toBeNull();
    expect(yoy('5', '-2')).toBeNull();
    expect(yoy('5', null)).toBeNull();
    expect(yoy(null, '5')).toBeNull();
  });
  it('税占比 = tax / general budget revenue (seed 001: 93.25%)', () => {
    expect(r2(share('17.307', '18.56'))).toBe('93.25');
    expect(share('1', '0')).toBeNull();
    expect(share(null, '3')).toBeNull();
  });
});

describe('zoneTotal', () => {
  it('sums units, skipping missing ones', () => {
    expect(zoneTotal(['0.1', '0.2', null, undefined], 'sum')?.toString()).toBe('0.3');
    expect(zoneTotal([null], 'sum')).toBeNull();
    expect(zoneTotal([], 'sum')).toBeNull();
  });
  it('zone_reported takes the zone figure, not the sum', () => {
    expect(zoneTotal(['1', '2'], 'zone_reported', '2.5')?.toString()).toBe('2.5');
    expect(zoneTotal(['1', '2'], 'zone_reported')).toBeNull();
  });
});
