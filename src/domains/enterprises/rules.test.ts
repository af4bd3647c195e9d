import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enterpriseTags, type EnterpriseTag } from '../../db/schema';
import { addDays } from '../../shared/calendar';
import { assessPlan, goalProgress, matchesRules, tagChange, type Snapshot, type TagSpan } from './rules';

const snap = (o: Partial<Snapshot> = {}): Snapshot => ({ outputValue: null, tax: null, employees: null, tags: [], ...o });

describe('matchesRules', () => {
  it('applies each rule given, and fails a figure rule on a missing figure', () => {
    const rules = { minOutput: '100000', maxOutput: '1000000' };
    expect(matchesRules(snap({ outputValue: '100000.00' }), rules)).toBe(true);
    expect(matchesRules(snap({ outputValue: '1000000' }), rules)).toBe(false); // the upper bound is exclusive
    expect(matchesRules(snap({ outputValue: '99999.99' }), rules)).toBe(false);
    expect(matchesRules(snap(), rules)).toBe(false);
    expect(matchesRules(snap({ outputValue: '3000', tags: ['high_tech'] }), { minOutput: '2000', noneTags: ['high_tech'] })).toBe(false);
    expect(matchesRules(snap({ tags: ['listing_reserve', 'high_tech'] }), { allTags: ['listing_reserve'] })).toBe(true);
    expect(matchesRules(snap({ employees: 49 }), { minEmployees: 50 })).toBe(false);
    expect(matchesRules(snap(), {})).toBe(true);
  });

  it('tiers by output never overlap', () => {
    const tiers = [{ minOutput: '100000', maxOutput: '1000000' }, { minOutput: '1000000', maxOutput: '10000000' }, { minOutput: '10000000' }];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 0, max: 99 }), (n, cents) => {
        const s = snap({ outputValue: `${n}.${String(cents).padStart(2, '0')}` });
        expect(tiers.filter((r) => matchesRules(s, r)).length).toBe(n >= 100000 ? 1 : 0);
      }),
    );
  });
});

describe('goalProgress', () => {
  it('measures output towards the next tier and a tag to gain', () => {
    expect(goalProgress(snap({ outputValue: '1186000' }), { output: '10000000' })).toEqual({ percent: '11.9', gap: '8814000.00', tagHeld: null, reached: false });
    expect(goalProgress(snap({ outputValue: '2500', tags: ['above_size'] }), { output: '2000', tag: 'above_size' })).toMatchObject({ percent: '100.0', gap: '0.00', reached: true });
    expect(goalProgress(snap({ outputValue: '2500' }), { output: '2000', tag: 'above_size' })).toMatchObject({ tagHeld: false, reached: false });
    expect(goalProgress(snap(), { tag: 'listed' })).toEqual({ percent: null, gap: null, tagHeld: false, reached: false });
    expect(goalProgress(snap({ outputValue: '1' }), {})).toMatchObject({ reached: false });
  });

  it('stays within 0–100 and reaches the goal exactly when output ≥ goal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (out, goal) => {
        const p = goalProgress(snap({ outputValue: String(out) }), { output: String(goal) });
        expect(Number(p.percent)).toBeGreaterThanOrEqual(0);
        expect(Number(p.percent)).toBeLessThanOrEqual(100);
        expect(p.reached).toBe(out >= goal);
        expect(Number(p.gap)).toBe(Math.max(0, goal - out));
      }),
    );
  });
});

describe('tagChange', () => {
  const span = (enterpriseId: string, gainedOn: string, lostOn: string | null = null, tag: EnterpriseTag = 'four_above'): TagSpan => ({ enterpriseId, tag, gainedOn, lostOn });

  it('counts holders at both ends: new, lost and net', () => {
    const spans = [
      span('a', '2020-01-01'), // held throughout
      span('b', '2022-03-01'), // new
      span('c', '2021-01-01', '2022-06-30'), // lost
      span('d', '2022-02-01', '2022-04-01'), // came and went within the year
      span('e', '2022-02-01', '2022-04-01'),
      span('e', '2022-09-01'), // re-gained: counts once
      span('f', '2022-05-01', null, 'high_tech'), // another tag
    ];
    expect(tagChange(spans, 'four_above', '2022-01-01', '2022-12-31')).toEqual({ before: 2, after: 3, gained: 2, lost: 1, net: 1 });
    // A tag lost on a day is not held that day.
    expect(tagChange([span('x', '2021-01-01', '2022-01-01')], 'four_above', '2022-01-01', '2022-12-31')).toMatchObject({ before: 1, after: 0, lost: 1 });
  });

  it('net = gained − lost = after − before, for any spans', () => {
    const day = fc.integer({ min: 0, max: 1200 }).map((n) => addDays('2020-01-01', n));
    const spanArb = fc
      .tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.constantFrom(...enterpriseTags.slice(0, 3)), day, fc.option(fc.integer({ min: 0, max: 400 })))
      .map(([id, tag, g, len]) => span(id, g, len === null ? null : addDays(g, len), tag));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 20 }), (spans) => {
        const c = tagChange(spans, 'high_tech', '2022-01-01', '2022-08-31');
        expect(c.net).toBe(c.after - c.before);
        expect(c.net).toBe(c.gained - c.lost);
        expect(c.gained).toBeLessThanOrEqual(c.after);
        expect(c.lost).toBeLessThanOrEqual(c.before);
      }),
    );
  });
});

describe('assessPlan', () => {
  it('judges cumulative output against the months elapsed', () => {
    // 徐工集团 demo: 638亿 of 1100亿 by July → 58.0% vs 58.3%.
    expect(assessPlan('11000000', '6380000', 2022, 7)).toMatchObject({ completion: '58.0', expectedShare: '58.3', gap: '-0.3', status: 'on_track' });
    expect(assessPlan('1000', '300', 2022, 6)).toMatchObject({ completion: '30.0', expectedShare: '50.0', gap: '-20.0', status: 'slightly_behind' });
    expect(assessPlan('1000', '100', 2022, 6)).toMatchObject({ status: 'far_behind' });
    expect(assessPlan('1000', '1000', 2022, 12)).toMatchObject({ completion: '100.0', expectedShare: '100.0', status: 'on_track' });
  });
});
