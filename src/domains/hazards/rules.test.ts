import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isWorkday, workdaysBetween } from '../../shared/calendar';
import { clearance, hazardCounts, openOn, rectifyDeadline, RECTIFY_WORKDAYS, type HazardFact } from './rules';

const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2022-01-01', n));
const fact = fc
  .record({
    unitId: fc.constantFrom('a', 'b', 'c'),
    level: fc.constantFrom('general' as const, 'major' as const),
    foundOn: day,
    closeAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    dueAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  })
  .map(({ closeAfter, dueAfter, ...h }): HazardFact => ({
    ...h,
    closedOn: closeAfter === null ? null : addDays(h.foundOn, closeAfter),
    deadline: dueAfter === null ? null : addDays(h.foundOn, dueAfter),
  }));
const period = fc.tuple(day, day).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));

describe('rectification deadline by level', () => {
  it('一般 10 working days, 重大 30, counted from the day after it is found', () => {
    // Found Friday 2022-09-30, the day before 国庆: 10-7 Oct are days off, 8-9 Oct are working Saturday and Sunday.
    expect(rectifyDeadline('2022-09-30', 'general')).toBe('2022-10-19');
    expect(rectifyDeadline('2022-08-01', 'general')).toBe('2022-08-15');
    expect(rectifyDeadline('2022-08-01', 'major')).toBe('2022-09-13'); // 中秋 12 Sep is a day off
  });
  it('is always a working day, exactly N working days on, and 重大 is never sooner than 一般', () => {
    fc.assert(
      fc.property(day, (d) => {
        for (const level of ['general', 'major'] as const) {
          const due = rectifyDeadline(d, level);
          expect(isWorkday(due)).toBe(true);
          expect(due > d).toBe(true);
          if (isWorkday(d)) expect(workdaysBetween(d, due)).toBe(RECTIFY_WORKDAYS[level]);
        }
        expect(rectifyDeadline(d, 'major') >= rectifyDeadline(d, 'general')).toBe(true);
      }),
    );
  });
});

describe('counts 新增 / 已整改 / 剩余', () => {
  it('counts one example by unit', () => {
    const facts: HazardFact[] = [
      { unitId: 'a', level: 'major', foundOn: '2022-07-05', deadline: '2022-08-16', closedOn: null },
      { unitId: 'a', level: 'general', foundOn: '2022-06-20', deadline: '2022-07-04', closedOn: '2022-07-02' },
      { unitId: 'b', level: 'general', foundOn: '2022-08-20', deadline: '2022-09-02', closedOn: null },
    ];
    const { total, byUnit } = hazardCounts(facts, '2022-07-01', '2022-08-31');
    expect(total).toEqual({ added: 2, rectified: 1, remaining: 2, majorRemaining: 1, overdue: 1 });
    expect(byUnit.get('a')).toEqual({ added: 1, rectified: 1, remaining: 1, majorRemaining: 1, overdue: 1 });
    expect(byUnit.get('b')).toEqual({ added: 1, rectified: 0, remaining: 1, majorRemaining: 0, overdue: 0 });
  });
  it('remaining at the end = remaining before + added - rectified (the open list balances)', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), period, (facts, [from, to]) => {
        const before = facts.filter((h) => openOn(h, addDays(from, -1))).length;
        const { total, byUnit } = hazardCounts(facts, from, to);
        expect(total.remaining).toBe(before + total.added - total.rectified);
        expect(total.majorRemaining).toBeLessThanOrEqual(total.remaining);
        expect(total.overdue).toBeLessThanOrEqual(total.remaining);
        const sum = [...byUnit.values()].reduce((s, c) => s + c.remaining + c.added + c.rectified, 0);
        expect(sum).toBe(total.remaining + total.added + total.rectified);
      }),
    );
  });
});

describe('清零 judgement', () => {
  it('nothing registered is 未登记, never 清零', () => {
    expect(clearance([], '2022-08-31').status).toBe('unregistered');
    // registered only after the date asked about: still nothing registered then
    expect(clearance([{ foundOn: '2022-09-01', closedOn: null }], '2022-08-31').status).toBe('unregistered');
  });
  it('says 清零 exactly when something was registered and nothing is open', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), day, (facts, asOf) => {
        const c = clearance(facts, asOf);
        const registered = facts.filter((h) => h.foundOn <= asOf);
        const open = registered.filter((h) => h.closedOn === null || h.closedOn > asOf);
        expect(c.status === 'cleared').toBe(registered.length > 0 && open.length === 0);
        expect(c.status === 'unregistered').toBe(registered.length === 0);
        expect(c.remaining).toBe(open.length);
      }),
    );
  });
});
