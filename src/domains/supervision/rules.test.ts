import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate } from '../../shared/calendar';
import { countStandings, daysLate, noticeNumber, periodOf, reportDue, standing, zhDate } from './rules';

const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));

describe('supervision rules', () => {
  it('names reporting periods by month and by dekad', () => {
    expect(periodOf('2022-08-20', 'month')).toBe('2022-08');
    expect(periodOf('2022-08-10', 'dekad')).toBe('2022-08-1');
    expect(periodOf('2022-08-11', 'dekad')).toBe('2022-08-2');
    expect(periodOf('2022-08-31', 'dekad')).toBe('2022-08-3');
  });

  it('asks for a report once per period, and not of closed tasks', () => {
    expect(reportDue('rectifying', 'month', '2022-08-20', null)).toBe(true);
    expect(reportDue('rectifying', 'month', '2022-08-20', '2022-08')).toBe(false);
    expect(reportDue('rectifying', 'dekad', '2022-08-21', '2022-08-2')).toBe(true);
    expect(reportDue('closed', 'month', '2022-08-20', null)).toBe(false);
    expect(reportDue('verifying', 'month', '2022-08-20', null)).toBe(false);
  });

  it('counts a task as late only after its deadline, amber from amberDays before', () => {
    const t = { state: 'rectifying' as const, deadline: '2022-08-31', amberDays: 3 };
    expect(standing(t, '2022-08-27')).toBe('on_time');
    expect(standing(t, '2022-08-28')).toBe('amber');
    expect(standing(t, '2022-08-31')).toBe('amber');
    expect(standing(t, '2022-09-01')).toBe('late');
    expect(standing({ ...t, explained: true }, '2022-09-01')).toBe('on_time');
    expect(standing({ ...t, state: 'closed' }, '2022-09-01')).toBe('closed');
  });

  it('late exactly when open, past the deadline and not excused (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.boolean(), (today, offset, amberDays, excused) => {
        const deadline = addDays(today, offset);
        const s = standing({ state: 'assigned', deadline, amberDays, explained: excused }, today);
        expect(s === 'late').toBe(offset < 0 && !excused);
        expect(s === 'amber').toBe(offset >= 0 && offset <= amberDays);
        expect(daysLate(deadline, today)).toBe(Math.max(0, -offset));
      }),
    );
  });

  it('counts add up (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('closed', 'late', 'amber', 'on_time' as const)), (list) => {
        const c = countStandings(list);
        expect(c.onTime + c.amber + c.late + c.closed).toBe(c.total);
        expect(c.total).toBe(list.length);
      }),
    );
  });

  it('numbers notices and writes dates the official way', () => {
    expect(noticeNumber('经开督', 2022, 3)).toBe('经开督〔2022〕3号');
    expect(() => noticeNumber('经开督', 2022, 0)).toThrow();
    expect(zhDate('2022-08-05')).toBe('2022年8月5日');
  });
});
