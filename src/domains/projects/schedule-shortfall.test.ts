// 工期不足: backward plans checked against today, the compressed proposal, and
// steps already past at creation (to be confirmed, not late).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, workdayOnOrAfter, workdaysBetween } from '../../shared/calendar';
import { checkBackward, forecast, planBackward, type MilestoneStep, type MilestoneTemplate } from './schedule';

const s = (key: string, durationWorkdays: number, dependsOn: string[] = [], fixed = false): MilestoneStep => ({
  key, name: key, durationWorkdays, dependsOn, department: '经发局', ...(fixed ? { fixed } : {}),
});
const templateArb = fc
  .array(fc.record({ dur: fc.integer({ min: 1, max: 40 }), deps: fc.array(fc.nat(), { maxLength: 3 }), fixed: fc.boolean() }), { minLength: 1, maxLength: 10 })
  .map((rows): MilestoneTemplate => ({
    steps: rows.map((r, i) => s(`s${i}`, r.dur, i === 0 ? [] : [...new Set(r.deps.map((d) => `s${d % i}`))], r.fixed && r.dur > 1 && i % 3 === 0)),
  }));
const dayArb = fc.integer({ min: Date.UTC(2023, 0, 1) / 86_400_000, max: Date.UTC(2025, 11, 31) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('checkBackward (工期不足)', () => {
  it('a flow of 30 working days with 10 left: short by 20, compressed to fit, nothing planned before today', () => {
    const tpl = { steps: [s('a', 10), s('b', 10, ['a']), s('c', 10, ['b'], true)] };
    const today = '2024-03-04'; // a Monday
    const target = addDays(today, 13); // two weeks: 10 working days from today
    const c = checkBackward(tpl, target, today);
    expect(c.shortfallWorkdays).toBe(20);
    expect(c.compressed!.fits).toBe(false); // c is fixed at 10 and a, b need a day each
    const loose = checkBackward(tpl, addDays(target, 7), today); // 15 working days: c keeps 10, a and b get 2 each
    expect(loose.shortfallWorkdays).toBe(15);
    expect(loose.compressed).toMatchObject({ fits: true, steps: [{ key: 'a', fromWorkdays: 10, toWorkdays: 2 }, { key: 'b', fromWorkdays: 10, toWorkdays: 2 }] });
    expect(loose.compressed!.plan.steps.every((st) => st.plannedStart >= today)).toBe(true);
    expect(loose.needsConfirmation).toEqual(['a']); // b ends on 8 March, after today
  });

  it('property: the shortfall is what the straight plan starts before today; a fitting proposal plans nothing in the past', () => {
    fc.assert(
      fc.property(templateArb, dayArb, fc.integer({ min: -30, max: 400 }), (tpl, today, ahead) => {
        const target = addDays(today, ahead);
        const c = checkBackward(tpl, target, today);
        const first = workdayOnOrAfter(today);
        expect(c.shortfallWorkdays).toBe(c.plan.start < first ? workdaysBetween(c.plan.start, first) : 0);
        expect(c.needsConfirmation).toEqual(c.plan.steps.filter((st) => st.plannedEnd < today).map((st) => st.key));
        if (c.shortfallWorkdays === 0) {
          expect(c.compressed).toBeNull();
          expect(c.needsConfirmation).toEqual([]);
          return;
        }
        const p = c.compressed!;
        const orig = new Map(tpl.steps.map((st) => [st.key, st]));
        for (const st of p.plan.steps) {
          const o = orig.get(st.key)!;
          expect(st.durationWorkdays).toBeGreaterThanOrEqual(1);
          expect(st.durationWorkdays).toBeLessThanOrEqual(o.durationWorkdays);
          if (o.fixed) expect(st.durationWorkdays).toBe(o.durationWorkdays);
        }
        expect(p.steps.map((x) => x.key).sort()).toEqual(p.plan.steps.filter((st) => st.durationWorkdays !== orig.get(st.key)!.durationWorkdays).map((st) => st.key).sort());
        expect(p.plan.targetDate).toBe(c.plan.targetDate);
        if (p.fits) {
          expect(p.plan.steps.every((st) => st.plannedStart >= today)).toBe(true);
          // As little compression as fits: one step (per mille) less would not fit.
          const looser = { steps: tpl.steps.map((st) => (st.fixed ? st : { ...st, durationWorkdays: Math.max(1, Math.ceil((st.durationWorkdays * (p.factor * 1000 + 1)) / 1000)) })) };
          expect(planBackward(looser, target).start < first).toBe(true);
        } else {
          expect(p.plan.steps.every((st) => st.fixed || st.durationWorkdays === 1)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('done steps may lie in the past: neither short, compressed nor to be confirmed', () => {
    const tpl = { steps: [s('a', 20), s('b', 5, ['a'])] };
    const c = checkBackward(tpl, '2024-03-15', '2024-03-04', new Set(['a']));
    expect(c).toMatchObject({ shortfallWorkdays: 0, compressed: null, needsConfirmation: [] });
  });

  it('a step past at creation awaiting confirmation is not late and does not push the steps after it', () => {
    const today = '2024-03-04';
    const c = checkBackward({ steps: [s('a', 10), s('b', 10, ['a'])] }, '2024-03-15', today);
    expect(c.needsConfirmation).toEqual(['a']);
    const flagged = c.plan.steps.map((st) => ({ ...st, needsConfirmation: c.needsConfirmation.includes(st.key) }));
    const f = forecast(flagged, [], today);
    expect(f.steps.find((x) => x.key === 'a')!.status).toBe('on_time');
    expect(f.totalSlipDays).toBe(0);
    // Unflagged, the same step counts as late from day one.
    expect(forecast(c.plan, [], today).steps.find((x) => x.key === 'a')!.status).not.toBe('on_time');
  });
});
