import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, atLeastYi, judgeStageRules, projectStatus, reachedStage, toYuan } from './rules';

describe('toYuan', () => {
  it('keeps 亿元 and converts 亿美元 exactly at the year’s rate', () => {
    expect(toYuan('120', 'CNY', null)).toBe('120');
    expect(toYuan('4.7', 'USD', '6.7261')).toBe('31.61267');
    expect(toYuan('6', 'USD', '6.7261')).toBe('40.3566');
    expect(toYuan('4.7', 'USD', undefined)).toBeNull();
  });
  it('never produces a binary floating-point artefact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 60000, max: 80000 }), (cents, r) => {
        const out = toYuan((cents / 100).toFixed(2), 'USD', (r / 10000).toFixed(4))!;
        expect(out).toMatch(/^\d+(\.\d{1,10})?$/);
      }),
    );
  });
  it('tests the 1亿元 threshold exactly', () => {
    expect(atLeastYi('1')).toBe(true);
    expect(atLeastYi('0.9999')).toBe(false);
    expect(atLeastYi(null)).toBe(false);
  });
});

describe('addMonths', () => {
  it('keeps the day, clamped to the month’s end', () => {
    expect(addMonths('2022-01-31', 1)).toBe('2022-02-28');
    expect(addMonths('2022-03-18', 7)).toBe('2022-10-18');
    expect(addMonths('2022-11-30', 3)).toBe('2023-02-28');
  });
  it('is monotonic and lands in the right month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 120 }), (y, m, d, n) => {
        const from = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const to = addMonths(from, n);
        expect(to >= from).toBe(true);
        const months = (Number(to.slice(0, 4)) - y) * 12 + Number(to.slice(5, 7)) - m;
        expect(months).toBe(n);
        expect(Number(to.slice(8))).toBe(d);
      }),
    );
  });
});

describe('stage rules', () => {
  const sameYear = { kind: 'same_year' as const, stages: ['signed' as const, 'started' as const, 'producing' as const] };
  const months = { kind: 'months' as const, from: 'signed' as const, to: 'started' as const, months: 7 };

  it('当年签约、当年开工、当年投产: a production forecast into next year is behind', () => {
    const f = judgeStageRules([sameYear], { signed: { actual: '2022-03-18' }, started: { actual: '2022-06-01' } }, { producing: '2023-02-10' }, '2022-08-20');
    expect(f.map((x) => [x.stage, x.status])).toEqual([
      ['started', 'met'],
      ['producing', 'behind'],
    ]);
    expect(f[1]!.message.zh).toBe('当年签约、当年开工、当年投产：须于2022-12-31前投产，预计2023-02-10');
  });

  it('a month limit counts from the actual first stage and flags a late or overdue second one', () => {
    expect(judgeStageRules([months], { signed: { actual: '2022-01-10' } }, {}, '2022-08-20')[0]).toMatchObject({ dueBy: '2022-08-10', status: 'behind' });
    expect(judgeStageRules([months], { signed: { actual: '2022-03-10' } }, { started: '2022-09-01' }, '2022-08-20')[0]!.status).toBe('on_track');
    expect(judgeStageRules([months], { signed: { actual: '2022-03-10' }, started: { actual: '2022-11-01' } }, {}, '2022-12-01')[0]!.status).toBe('behind');
    expect(judgeStageRules([months], {}, {}, '2022-08-20')).toEqual([]);
  });

  it('the project status is the worse of the forecast and the rules', () => {
    const behind = judgeStageRules([months], { signed: { actual: '2022-01-10' } }, {}, '2022-08-20');
    expect(projectStatus('on_time', behind)).toBe('behind');
    expect(projectStatus('at_risk', [])).toBe('at_risk');
    expect(projectStatus(null, [])).toBe('on_time');
  });

  it('the stage reached is the last with an actual date', () => {
    expect(reachedStage({ signed: { actual: '2022-01-01' }, started: { planned: '2022-05-01' } })).toBe('signed');
    expect(reachedStage({})).toBe('negotiating');
  });
});
