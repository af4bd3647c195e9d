import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isWorkday, workdaysBetween } from '../../shared/calendar';
import { clearance, hazardCounts, hazardEscalation, hazardParagraphs, openOn, rectifyDeadline, RECTIFY_WORKDAYS, type HazardFact, type HazardSection } from './rules';
import { escalationLevel } from '../../shared/loop/machine';

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

describe('the bulletin section 隐患排查整治情况', () => {
  const base: HazardSection = {
    from: '2023-01-01',
    asOf: '2023-06-30',
    total: { added: 3, rectified: 1, remaining: 2, majorRemaining: 1, overdue: 0 },
    openUnits: [
      { unitName: '枚乘街道', remaining: 1, overdue: 0 },
      { unitName: '市场监管局', remaining: 1, overdue: 0 },
    ],
    campaigns: [],
  };
  it('says the counts, the open units and no 清零 while hazards remain', () => {
    expect(hazardParagraphs(base)).toEqual([
      '本期新增隐患3处，整改销号1处；截至2023年6月30日，剩余2处（其中重大隐患1处）。',
      '未清零单位：枚乘街道1处、市场监管局1处。',
    ]);
  });
  it('says 清零 only when nothing is open, and never 新增0处', () => {
    const cleared = { ...base, total: { added: 0, rectified: 2, remaining: 0, majorRemaining: 0, overdue: 0 }, openUnits: [] };
    expect(hazardParagraphs(cleared)).toEqual(['本期未新增隐患，整改销号2处；截至2023年6月30日，登记隐患已全部整改销号，实现动态清零。']);
  });
  it('judges a campaign only when hazards were registered in it', () => {
    const s = {
      ...base,
      campaigns: [
        { name: '百日攻坚', clearance: { status: 'open' as const, registered: 3, remaining: 1 } },
        { name: '夏季攻势', clearance: { status: 'unregistered' as const, registered: 0 as const, remaining: 0 as const } },
        { name: '城镇燃气专项', clearance: { status: 'cleared' as const, registered: 2, remaining: 0 } },
      ],
    };
    expect(hazardParagraphs(s)[2]).toBe('“百日攻坚”登记隐患3处，尚有1处未清零；“城镇燃气专项”登记隐患2处，已清零。');
  });
  it('on any data: 清零 said exactly when nothing remains, overdue said only when some is', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), period, (facts, [from, to]) => {
        const { total } = hazardCounts(facts, from, to);
        const text = hazardParagraphs({ from, asOf: to, total, openUnits: [], campaigns: [] }).join('');
        expect(text.includes('清零')).toBe(total.remaining === 0);
        expect(text.includes('逾期')).toBe(total.overdue > 0);
        expect(text).not.toMatch(/[^0-9]0处/);
      }),
    );
  });
});

describe('hazardEscalation: the daily watch’s levels', () => {
  const late = fc.integer({ min: -30, max: 120 });
  it('is the loop’s level for a 一般 hazard; a 重大 one is 二级督办 from its first day overdue', () => {
    fc.assert(
      fc.property(day, late, (deadline, n) => {
        const today = addDays(deadline, n);
        const general = hazardEscalation('general', deadline, today);
        const major = hazardEscalation('major', deadline, today);
        expect(general).toBe(escalationLevel(deadline, today));
        expect(major).toBe(n <= 0 ? 0 : Math.max(2, general));
        expect(major).toBeGreaterThanOrEqual(general);
      }),
    );
  });
  it('never falls as the days pass', () => {
    fc.assert(
      fc.property(day, late, fc.integer({ min: 0, max: 60 }), fc.constantFrom('general' as const, 'major' as const), (deadline, n, more, level) => {
        expect(hazardEscalation(level, deadline, addDays(deadline, n + more))).toBeGreaterThanOrEqual(hazardEscalation(level, deadline, addDays(deadline, n)));
      }),
    );
  });
  it('counts calendar days: 一般 level 2 after 7, level 3 after 30', () => {
    expect(hazardEscalation('general', '2022-08-15', '2022-08-15')).toBe(0);
    expect(hazardEscalation('general', '2022-08-15', '2022-08-16')).toBe(1);
    expect(hazardEscalation('general', '2022-08-15', '2022-08-22')).toBe(1);
    expect(hazardEscalation('general', '2022-08-15', '2022-08-23')).toBe(2);
    expect(hazardEscalation('major', '2022-08-15', '2022-08-16')).toBe(2);
    expect(hazardEscalation('major', '2022-09-01', '2022-10-02')).toBe(3);
  });
});
