import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlinesOf, type DeadlineContext } from './deadline';
import { addWorkdays, isWorkday } from '../../../shared/calendar';

const ctx = { year: 2024, date: '2024-10-26' };
const one = (s: string, c: DeadlineContext = ctx) => deadlinesOf(s, c).map((d) => ({ date: d.date, rule: d.rule }))[0] ?? null;

describe('relative and holiday deadlines (corpus rules)', () => {
  it.each([
    ['月底主体完工', '2024-10-31', 'deadline:month-end'],
    ['本月底前完成', '2024-10-31', 'deadline:month-end'],
    ['下月底完成主体结构封顶', '2024-11-30', 'deadline:month-end'],
    ['预计10月以前完成', '2024-10-31', 'deadline:month'],
    ['争取在12月份竣工', '2024-12-31', 'deadline:month'],
    ['预计明年3月预验收', '2025-03-31', 'deadline:month'],
    ['预计后年通车', '2026-12-31', 'deadline:next-year'],
    ['明年上半年前建成', '2025-06-30', 'deadline:half'],
    ['本季度完成', '2024-12-31', 'deadline:quarter'],
    ['下季度开工', '2025-03-31', 'deadline:quarter'],
    ['要在15个工作日内完成排查', addWorkdays('2024-10-26', 15), 'deadline:workdays'],
    ['春节前完成', '2025-01-27', 'deadline:holiday'],
    ['国庆节前完工', '2025-09-30', 'deadline:holiday'],
    ['元旦前交付', '2024-12-31', 'deadline:holiday'],
  ])('%s → %s', (s, date, rule) => {
    expect(one(s)).toEqual({ date, rule });
  });

  it('takes this year’s holiday when it is still ahead', () => {
    expect(one('国庆节前完工', { year: 2023, date: '2023-03-01' })).toEqual({ date: '2023-09-29', rule: 'deadline:holiday' });
  });

  it('reads a cut-off as a report date, not a deadline', () => {
    expect(deadlinesOf('截至3月底，累计完成投资1.96亿元', ctx)).toEqual([]);
    expect(deadlinesOf('至9月底累计完成投资5.02亿元', { year: 2019, date: '2019-10-30' })).toEqual([]);
    expect(one('到12月底完成', { year: 2019, date: '2019-10-30' })).toEqual({ date: '2019-12-31', rule: 'deadline:month-end' });
  });

  it('keeps a bare month a date only with a year, 份 or 前 (1—8月份 is a period)', () => {
    expect(deadlinesOf('1—8月份，累计完成投资', ctx)).toEqual([]);
    expect(deadlinesOf('5月19日上午', ctx)).toEqual([]);
    expect(one('2017年3月前完成')).toEqual({ date: '2017-03-31', rule: 'deadline:month' });
  });

  it('needs the document date for relative phrases', () => {
    expect(one('月底主体完工', { year: 2024, date: null })).toEqual({ date: null, rule: 'deadline:month-end' });
    expect(one('15个工作日内完成', { year: 2024, date: null })).toEqual({ date: null, rule: 'deadline:workdays' });
  });

  it('N个工作日内 always ends on a working day after the document date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 3000 }), (n, offset) => {
        const d = new Date(Date.UTC(2016, 0, 1 + offset)).toISOString().slice(0, 10);
        const due = one(`要在${n}个工作日内完成整改`, { year: Number(d.slice(0, 4)), date: d })!.date!;
        return isWorkday(due) && due > d;
      }),
    );
  });
});
