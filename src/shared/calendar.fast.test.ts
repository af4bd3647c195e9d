// The O(1) working-day arithmetic against the day-by-day loops it replaced: same
// answers everywhere, inside the precomputed table, across its edges and beyond.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addWorkdays, isWorkday, nextWorkday, prevWorkday, workdaysBetween, type IsoDate } from './calendar';

// The reference: the loops as they were before the table.
const ref = {
  next(d: IsoDate): IsoDate {
    let n = addDays(d, 1);
    while (!isWorkday(n)) n = addDays(n, 1);
    return n;
  },
  prev(d: IsoDate): IsoDate {
    let n = addDays(d, -1);
    while (!isWorkday(n)) n = addDays(n, -1);
    return n;
  },
  add(d: IsoDate, n: number): IsoDate {
    if (n === 0) return isWorkday(d) ? d : ref.next(d);
    let cur = d;
    for (let i = 0; i < Math.abs(n); i++) cur = n > 0 ? ref.next(cur) : ref.prev(cur);
    return cur;
  },
  between(a: IsoDate, b: IsoDate): number {
    const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(d)) count++;
    return sign * count;
  },
};

const day = (from: number, to: number) =>
  fc.integer({ min: Date.UTC(from, 0, 1) / 86_400_000, max: Date.UTC(to, 11, 31) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
// Mostly real holiday years; some near the table's ends (1990, 2100) and outside it.
const anyDay = fc.oneof({ weight: 6, arbitrary: day(2018, 2027) }, { weight: 1, arbitrary: day(1988, 1991) }, { weight: 1, arbitrary: day(2099, 2102) });

describe('working-day arithmetic from the table', () => {
  it('nextWorkday and prevWorkday match the loops', () => {
    fc.assert(fc.property(anyDay, (d) => nextWorkday(d) === ref.next(d) && prevWorkday(d) === ref.prev(d)), { numRuns: 2000 });
  });

  it('addWorkdays matches the loop for any n', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -400, max: 400 }), (d, n) => addWorkdays(d, n) === ref.add(d, n)), { numRuns: 500 });
  });

  it('workdaysBetween matches the loop in both directions', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -900, max: 900 }), (a, k) => {
      const b = addDays(a, k);
      return workdaysBetween(a, b) === ref.between(a, b);
    }), { numRuns: 500 });
  });

  it('stays exact across the table edges', () => {
    for (const d of ['1989-12-29', '1990-01-01', '1990-01-02', '2100-12-30', '2100-12-31', '2101-01-01']) {
      expect(nextWorkday(d)).toBe(ref.next(d));
      expect(prevWorkday(d)).toBe(ref.prev(d));
      expect(addWorkdays(d, 5)).toBe(ref.add(d, 5));
      expect(addWorkdays(d, -5)).toBe(ref.add(d, -5));
      expect(workdaysBetween(addDays(d, -70), d)).toBe(ref.between(addDays(d, -70), d));
      expect(workdaysBetween(d, addDays(d, 70))).toBe(ref.between(d, addDays(d, 70)));
    }
  });

  it('answers a year-long span without walking it', () => {
    const t = performance.now();
    for (let i = 0; i < 20_000; i++) workdaysBetween('2022-01-01', '2030-12-31');
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
