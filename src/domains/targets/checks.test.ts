import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkFigure, checkReport, numberReason, NUMBER_PATTERN } from './checks';

const flow = { name: '一般公共预算收入', kind: 'flow', decimals: 2 };
const stock = { name: '存款余额', kind: 'stock', decimals: 2 };
const amount = fc.integer({ min: 1, max: 10_000_000 }).map((n) => (n / 100).toFixed(2));

describe('checkFigure', () => {
  it('says why a text is not a number, and nothing about blank or good numbers', () => {
    expect(checkFigure({ indicator: flow, period: '2022-08', value: 'abc' }).errors[0]).toMatchObject({ code: 'number', text: { zh: '请输入数字，如 12.34', en: 'Enter a number such as 12.34' } });
    expect(numberReason('1,234.5')?.zh).toContain('千分位');
    expect(numberReason('1.1234567')?.zh).toBe('最多6位小数');
    expect(numberReason('')).toBeNull();
    const blank = checkFigure({ indicator: flow, period: '2022-08', value: '  ' });
    expect(blank).toMatchObject({ blank: true, findings: [], needsNote: false });
  });

  it('property: a reason is given exactly for texts the API refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), amount), (s) => {
        const t = s.trim();
        expect(numberReason(s) === null).toBe(t === '' || NUMBER_PATTERN.test(t));
      }),
    );
  });

  it('property: a year-to-date flow below last month always warns and needs a note, until one is given', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 2, max: 12 }), (a, b, m) => {
        const [lo, hi] = Number(a) < Number(b) ? [a, b] : [b, a];
        fc.pre(Number(lo) < Number(hi));
        const period = `2022-${String(m).padStart(2, '0')}`;
        const r = checkFigure({ indicator: flow, period, value: lo, prevMonth: hi });
        expect(r.warnings.map((w) => w.code)).toEqual(['ytd_drop']);
        expect(r.needsNote).toBe(true);
        expect(checkFigure({ indicator: flow, period, value: lo, prevMonth: hi, note: '退库' }).needsNote).toBe(false);
        // January starts a new year: nothing to compare with.
        expect(checkFigure({ indicator: flow, period: '2022-01', value: lo, prevMonth: hi }).warnings).toEqual([]);
      }),
    );
  });

  it('property: a move warns exactly when the figure leaves last month’s pace by more than the share', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 200 }), (prev, movePct, share) => {
        // A stock's pace is last month's figure itself.
        const value = ((Number(prev) * (100 + movePct)) / 100).toFixed(6);
        const r = checkFigure({ indicator: stock, period: '2022-05', value: value.replace(/\.?0+$/, '') || '0', prevMonth: prev, moveShare: share });
        const moved = r.warnings.some((w) => w.code === 'ytd_move');
        if (movePct > share) expect(moved).toBe(true);
        if (movePct < share) expect(moved).toBe(false);
      }),
    );
  });

  it('keeps the pace of a year-to-date flow: June at 6/5 of May is no move', () => {
    expect(checkFigure({ indicator: flow, period: '2022-06', value: '120', prevMonth: '100' }).warnings).toEqual([]);
    const far = checkFigure({ indicator: flow, period: '2022-06', value: '1200', prevMonth: '100' });
    expect(far.warnings[0]).toMatchObject({ code: 'ytd_move' });
    expect(far.warnings[0]!.text.zh).toContain('120.00');
  });

  it('shows 同比, 完成率 and the gap to 序时进度 of what is typed', () => {
    const r = checkFigure({ indicator: flow, period: '2022-06', value: '62', prevYear: '50', target: '100', expectedShare: '50' });
    expect(r.live).toEqual({ yoy: '24.0', completion: '62.0', expectedShare: '50.0', gap: '12.0' });
    expect(checkFigure({ indicator: flow, period: '2022-06', value: 'x', target: '100' }).live.completion).toBeNull();
  });
});

describe('checkReport', () => {
  it('lists the indicators left blank of a partial report', () => {
    const row = (code: string, value: string) => ({ code, name: code, result: checkFigure({ indicator: flow, period: '2022-03', value }) });
    const r = checkReport([row('a', '1'), row('b', ''), row('c', 'abc'), row('d', '')]);
    expect(r.partial).toBe(true);
    expect(r.unreported.map((u) => u.code)).toEqual(['b', 'd']);
    expect(r.invalid.map((u) => u.code)).toEqual(['c']);
    expect(checkReport([row('a', '1')]).partial).toBe(false);
  });
});
