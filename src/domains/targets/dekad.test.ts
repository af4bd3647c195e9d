import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dekadOf } from '../../shared/calendar';
import { checkFigure, monthVsLastDekad } from './checks';
import { closedDekads, dekadDrop, dekadEnd, dekadExpectedShare, dekadIndex, isDekadClosed, latestClosedDekad, previousDekad, type DekadNo, type DekadRef } from './dekad';
import { expectedShare } from './progress';

const day = fc.integer({ min: 0, max: 365 * 8 }).map((n) => addDays('2020-01-01', n));
const ref = fc.record({ month: fc.integer({ min: 1, max: 12 }), dekad: fc.constantFrom<DekadNo>(1, 2, 3) }).map(({ month, dekad }): DekadRef => ({ period: `2022-${String(month).padStart(2, '0')}`, dekad }));
const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2));

describe('dekads of the calendar', () => {
  it('end on the 10th, the 20th and the month’s last day', () => {
    expect([1, 2, 3].map((d) => dekadEnd('2024-02', d as DekadNo))).toEqual(['2024-02-10', '2024-02-20', '2024-02-29']);
    expect(dekadEnd('2023-02', 3)).toBe('2023-02-28');
    expect(dekadEnd('2022-08', 3)).toBe('2022-08-31');
  });

  it('close on their last day, never before', () => {
    expect(latestClosedDekad('2022-08-31')).toEqual({ period: '2022-08', dekad: 3 });
    expect(latestClosedDekad('2022-08-10')).toEqual({ period: '2022-08', dekad: 1 });
    expect(latestClosedDekad('2022-08-09')).toEqual({ period: '2022-07', dekad: 3 });
    expect(latestClosedDekad('2023-01-05')).toEqual({ period: '2022-12', dekad: 3 });
    expect(closedDekads('2022-09', '2022-09-15')).toEqual([1]);
    expect(closedDekads('2022-10', '2022-09-30')).toEqual([]);
  });

  it('property: the latest closed dekad has ended by the day, and the next one has not', () => {
    fc.assert(
      fc.property(day, (d) => {
        const r = latestClosedDekad(d);
        const end = dekadEnd(r.period, r.dekad);
        expect(end <= d).toBe(true);
        expect(isDekadClosed(r, d)).toBe(true);
        // The dekad holding the day after that end is not closed yet by the day.
        const next = dekadOf(addDays(end, 1));
        expect(next.end > d).toBe(true);
        // The calendar's own dekad of a day agrees about where dekads end.
        expect(dekadEnd(d.slice(0, 7), dekadOf(d).dekad)).toBe(dekadOf(d).end);
      }),
    );
  });

  it('property: previousDekad walks back one step within the year and stops at January 上旬', () => {
    fc.assert(
      fc.property(ref, (r) => {
        const p = previousDekad(r);
        if (dekadIndex(r) === 0) expect(p).toBeNull();
        else expect(dekadIndex(p!)).toBe(dekadIndex(r) - 1);
      }),
    );
  });
});

describe('a year to date never falls', () => {
  it('refuses a flow or count below the dekad before it or above the one after; a stock may move', () => {
    const others = [{ period: '2022-08', dekad: 3 as DekadNo, value: '10.00' }, { period: '2022-09', dekad: 2 as DekadNo, value: '14.00' }];
    expect(dekadDrop('flow', { period: '2022-09', dekad: 1 }, '9.99', others)?.zh).toBe('本年累计9.99低于8月下旬累计10.00，累计数不能减少');
    expect(dekadDrop('count', { period: '2022-09', dekad: 1 }, '14.01', others)?.zh).toContain('高于9月中旬已报累计14.00');
    expect(dekadDrop('flow', { period: '2022-09', dekad: 1 }, '12', others)).toBeNull();
    expect(dekadDrop('stock', { period: '2022-09', dekad: 1 }, '1', others)).toBeNull();
    // Last year's figures do not bind this year's (a year to date starts again).
    expect(dekadDrop('flow', { period: '2023-01', dekad: 1 }, '1', [{ period: '2022-12', dekad: 3, value: '100' }])).toBeNull();
  });

  it('property: any series the rule accepts one by one is non-decreasing in dekad order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ref, amount), { maxLength: 30 }), (writes) => {
        const kept = new Map<number, DekadRef & { value: string }>();
        for (const [r, v] of writes) {
          const others = [...kept.values()].filter((o) => dekadIndex(o) !== dekadIndex(r));
          if (dekadDrop('flow', r, v, others) === null) kept.set(dekadIndex(r), { ...r, value: v });
        }
        const series = [...kept.entries()].sort((a, b) => a[0] - b[0]).map(([, o]) => Number(o.value));
        for (let i = 1; i < series.length; i++) expect(series[i]!).toBeGreaterThanOrEqual(series[i - 1]!);
      }),
    );
  });
});

describe('序时进度 at a dekad’s end', () => {
  it('is progress.ts’s time progress on the dekad’s last day', () => {
    expect(dekadExpectedShare({ period: '2022-09', dekad: 1 }, 'days').toFixed(1)).toBe('69.3'); // 253/365
    // By months, 上旬 and 中旬 read the months completed: August's 8/12.
    expect(dekadExpectedShare({ period: '2022-09', dekad: 2 }, 'months').toFixed(1)).toBe('66.7');
    expect(dekadExpectedShare({ period: '2022-09', dekad: 3 }, 'months').toFixed(1)).toBe('75.0');
  });

  it('property: equals expectedShare on the end day, and grows dekad by dekad', () => {
    fc.assert(
      fc.property(ref, (r) => {
        const share = dekadExpectedShare(r, 'days');
        expect(share.eq(expectedShare(dekadEnd(r.period, r.dekad), 2022, 'days'))).toBe(true);
        const p = previousDekad(r);
        if (p) expect(share.gt(dekadExpectedShare(p, 'days'))).toBe(true);
      }),
    );
  });
});

describe('the month against its 下旬', () => {
  it('is a warning that needs a note when they differ at the indicator’s decimals', () => {
    expect(monthVsLastDekad('12.30', '12.3', 2)).toBeNull();
    expect(monthVsLastDekad('12.31', '12.30', 2)?.zh).toBe('与已报下旬累计12.30不一致，请核对并在备注中说明');
    expect(monthVsLastDekad('12.31', null, 2)).toBeNull();
    const ind = { name: '固定资产投资', kind: 'flow', decimals: 2 };
    const r = checkFigure({ indicator: ind, period: '2022-09', value: '12.31', lastDekad: '12.30' });
    expect(r).toMatchObject({ needsNote: true, warnings: [{ code: 'dekad_mismatch' }] });
    expect(checkFigure({ indicator: ind, period: '2022-09', value: '12.31', lastDekad: '12.30', note: '终审数' }).needsNote).toBe(false);
  });

  it('property: a mismatch is found exactly when the rounded figures differ', () => {
    fc.assert(
      fc.property(amount, amount, (m, d) => {
        expect(monthVsLastDekad(m, d, 2) === null).toBe(Number(m).toFixed(2) === Number(d).toFixed(2));
      }),
    );
  });
});
