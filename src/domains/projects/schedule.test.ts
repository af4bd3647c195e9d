import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addWorkdays, isWorkday, workdayOnOrAfter, workdayOnOrBefore } from '../../shared/calendar';
import {
  ScheduleError,
  criticalKeys,
  forecast,
  planBackward,
  planForward,
  validateTemplate,
  type MilestoneStep,
  type MilestoneTemplate,
  type StepActual,
} from './schedule';

const s = (key: string, durationWorkdays: number, dependsOn: string[] = []): MilestoneStep => ({
  key,
  name: key,
  durationWorkdays,
  dependsOn,
  department: '经发局',
});

// A random DAG: step i may depend only on earlier steps, so it never has a cycle.
const templateArb = fc
  .array(fc.record({ dur: fc.integer({ min: 1, max: 25 }), deps: fc.array(fc.nat(), { maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map(
    (rows): MilestoneTemplate => ({
      steps: rows.map((r, i) => s(`s${i}`, r.dur, i === 0 ? [] : [...new Set(r.deps.map((d) => `s${d % i}`))])),
    }),
  );
const dateArb = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2026, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('validateTemplate', () => {
  it('accepts a DAG and orders dependencies first', () => {
    const r = validateTemplate({ steps: [s('c', 1, ['a', 'b']), s('b', 1, ['a']), s('a', 1)] });
    expect(r).toEqual({ ok: true, order: ['a', 'b', 'c'] });
  });

  it('names an unknown dependency', () => {
    const r = validateTemplate({ steps: [s('a', 1, ['zz'])] });
    expect(r).toMatchObject({ ok: false, error: { code: 'schedule.unknown_dependency', keys: ['a', 'zz'] } });
    if (!r.ok) expect(r.error.message.zh).toContain('zz');
  });

  it('shows the cycle path in working order', () => {
    const r = validateTemplate({ steps: [s('a', 1, ['c']), s('b', 1, ['a']), s('c', 1, ['b'])] });
    expect(r).toMatchObject({ ok: false, error: { code: 'schedule.cycle' } });
    if (!r.ok) {
      expect(r.error.message.en).toContain('a → b → c → a');
      expect(r.error.message.zh).toContain('循环依赖');
    }
    expect(validateTemplate({ steps: [s('a', 1, ['a'])] })).toMatchObject({ ok: false, error: { code: 'schedule.cycle' } });
  });

  it('rejects empty templates, duplicate keys and bad durations', () => {
    expect(validateTemplate({ steps: [] })).toMatchObject({ ok: false, error: { code: 'schedule.empty' } });
    expect(validateTemplate({ steps: [s('a', 1), s('a', 2)] })).toMatchObject({
      ok: false,
      error: { code: 'schedule.duplicate_key' },
    });
    for (const d of [0, -1, 1.5, Number.NaN])
      expect(validateTemplate({ steps: [s('a', d)] })).toMatchObject({ ok: false, error: { code: 'schedule.invalid_duration' } });
  });

  it('planBackward throws a ScheduleError with code and both languages', () => {
    try {
      planBackward({ steps: [s('a', 1, ['b']), s('b', 1, ['a'])] }, '2023-06-30');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScheduleError);
      expect((e as ScheduleError).code).toBe('schedule.cycle');
      expect((e as ScheduleError).messages.zh).toBeTruthy();
    }
  });
});

describe('planBackward', () => {
  it('lays a chain back over the 2022 National Day holiday', () => {
    const plan = planBackward({ steps: [s('a', 3), s('b', 2, ['a'])] }, '2022-10-10');
    expect(plan.steps).toEqual([
      expect.objectContaining({ key: 'a', plannedStart: '2022-09-29', plannedEnd: '2022-10-08' }),
      expect.objectContaining({ key: 'b', plannedStart: '2022-10-09', plannedEnd: '2022-10-10' }),
    ]);
    expect(plan.start).toBe('2022-09-29');
  });

  it('moves a target on a holiday back to the working day before', () => {
    const plan = planBackward({ steps: [s('a', 1)] }, '2023-10-01');
    expect(plan.targetDate).toBe('2023-09-28');
    expect(plan.steps[0]).toMatchObject({ plannedStart: '2023-09-28', plannedEnd: '2023-09-28' });
  });

  it('gives parallel branches the latest start their join allows', () => {
    const plan = planBackward(
      { steps: [s('start', 1), s('water', 3, ['start']), s('power', 8, ['start']), s('commission', 2, ['water', 'power'])] },
      '2023-11-30',
    );
    const at = (k: string) => plan.steps.find((x) => x.key === k)!;
    expect(at('commission').plannedStart).toBe('2023-11-29');
    expect(at('water').plannedEnd).toBe('2023-11-28');
    expect(at('power').plannedEnd).toBe('2023-11-28');
    expect(at('water').plannedStart).toBe('2023-11-24');
    expect(at('power').plannedStart).toBe('2023-11-17');
    expect(at('start').plannedEnd).toBe('2023-11-16');
    expect(criticalKeys(plan)).toEqual(['start', 'power', 'commission']);
  });

  it('property: laying forward from the earliest start returns the target', () => {
    fc.assert(
      fc.property(templateArb, dateArb, (template, target) => {
        const plan = planBackward(template, target);
        expect(plan.targetDate).toBe(workdayOnOrBefore(target));
        expect(planForward(template, plan.start).targetDate).toBe(plan.targetDate);
      }),
    );
  });

  it('property: every planned date is a working day and durations hold', () => {
    fc.assert(
      fc.property(templateArb, dateArb, (template, target) => {
        for (const st of planBackward(template, target).steps) {
          expect(isWorkday(st.plannedStart)).toBe(true);
          expect(isWorkday(st.plannedEnd)).toBe(true);
          expect(addWorkdays(st.plannedStart, st.durationWorkdays - 1)).toBe(st.plannedEnd);
        }
      }),
    );
  });

  it('property: every step ends before each of its dependents starts', () => {
    fc.assert(
      fc.property(templateArb, dateArb, (template, target) => {
        const plan = planBackward(template, target);
        const byKey = new Map(plan.steps.map((x) => [x.key, x]));
        for (const st of plan.steps)
          for (const d of st.dependsOn) expect(byKey.get(d)!.plannedEnd < st.plannedStart).toBe(true);
      }),
    );
  });
});

describe('forecast', () => {
  // a(5) → b(5) → c(5), target Friday 2023-12-29.
  const chain = planBackward({ steps: [s('a', 5), s('b', 5, ['a']), s('c', 5, ['b'])] }, '2023-12-29');

  it('matches the plan when nothing has happened yet', () => {
    const f = forecast(chain, [], '2023-11-01');
    expect(f.steps.map((x) => [x.forecastStart, x.forecastEnd])).toEqual(chain.steps.map((x) => [x.plannedStart, x.plannedEnd]));
    expect(f).toMatchObject({ totalSlipDays: 0, status: 'on_time', forecastCompletion: '2023-12-29' });
  });

  it('pushes successors by a late finish', () => {
    expect(chain.steps[0]!.plannedEnd).toBe('2023-12-15');
    const f = forecast(chain, [{ key: 'a', actualStart: '2023-12-11', actualEnd: '2023-12-19' }], '2023-12-19');
    expect(f.steps[0]).toMatchObject({ status: 'done', slipDays: 2 });
    expect(f.steps[1]).toMatchObject({ forecastStart: '2023-12-20', forecastEnd: '2023-12-26', slipDays: 2, status: 'at_risk' });
    expect(f.forecastCompletion).toBe('2024-01-03'); // 2024-01-01 is New Year's Day
    expect(f.totalSlipDays).toBe(2);
    expect(f.status).toBe('at_risk');
  });

  it('an open step past its planned end ends no earlier than the next working day', () => {
    const f = forecast(chain, [], '2023-12-29');
    expect(f.steps[0]).toMatchObject({ forecastEnd: '2024-01-02', status: 'behind' });
    expect(f.steps[0]!.slipDays).toBe(11); // 2024-01-01 is a holiday
    expect(f.forecastCompletion).toBe('2024-01-16');
  });

  it('flags an unstarted step due within 3 working days', () => {
    const f = forecast(chain, [{ key: 'a', actualEnd: '2023-12-15' }], '2023-12-19');
    expect(f.steps[1]).toMatchObject({ status: 'at_risk', slipDays: 0 });
    const started = forecast(chain, [{ key: 'a', actualEnd: '2023-12-15' }, { key: 'b', actualStart: '2023-12-18' }], '2023-12-19');
    expect(started.steps[1]).toMatchObject({ status: 'on_time' });
  });

  it('does not bank an early finish for open steps, and reports unknown keys', () => {
    const f = forecast(chain, [{ key: 'a', actualEnd: '2023-12-01' }, { key: 'nope', actualEnd: '2023-12-01' }], '2023-12-01');
    expect(f.steps[0]!.slipDays).toBeLessThan(0);
    expect(f.steps[1]).toMatchObject({ forecastStart: chain.steps[1]!.plannedStart, forecastEnd: chain.steps[1]!.plannedEnd });
    expect(f.unknownKeys).toEqual(['nope']);
  });

  it('is done when every step is done', () => {
    const f = forecast(
      chain,
      chain.steps.map((x) => ({ key: x.key, actualEnd: x.plannedEnd })),
      '2024-01-05',
    );
    expect(f.status).toBe('done');
    expect(f.totalSlipDays).toBe(0);
  });

  const scenarioArb = templateArb.chain((template) =>
    fc.record({
      template: fc.constant(template),
      target: dateArb,
      actuals: fc.array(
        fc.record({
          step: fc.nat(),
          endShift: fc.option(fc.integer({ min: -10, max: 30 })),
          startShift: fc.option(fc.integer({ min: -10, max: 30 })),
        }),
        { maxLength: 12 },
      ),
      todayShift: fc.integer({ min: -150, max: 150 }),
      slipped: fc.nat(),
      slip: fc.integer({ min: 1, max: 20 }),
    }),
  );

  it('property: slipping one step never moves any forecast earlier', () => {
    fc.assert(
      fc.property(scenarioArb, ({ template, target, actuals, todayShift, slipped, slip }) => {
        const plan = planBackward(template, target);
        const n = plan.steps.length;
        const byKey = new Map<string, StepActual>();
        for (const a of actuals) {
          const p = plan.steps[a.step % n]!;
          byKey.set(p.key, {
            key: p.key,
            actualStart: a.startShift === null ? null : addWorkdays(p.plannedStart, a.startShift),
            actualEnd: a.endShift === null ? null : addWorkdays(p.plannedEnd, a.endShift),
          });
        }
        const today = addWorkdays(plan.start, todayShift);
        const before = forecast(plan, [...byKey.values()], today);

        // Slip one step: a later actual end if done, else a later actual start, else start it late.
        const victim = plan.steps[slipped % n]!;
        const a = byKey.get(victim.key) ?? { key: victim.key };
        const later: StepActual = a.actualEnd
          ? { ...a, actualEnd: addWorkdays(a.actualEnd, slip) }
          : { ...a, actualStart: addWorkdays(a.actualStart ?? before.steps.find((x) => x.key === victim.key)!.forecastStart, slip) };
        byKey.set(victim.key, later);
        const after = forecast(plan, [...byKey.values()], today);

        before.steps.forEach((b, i) => {
          const x = after.steps[i]!;
          expect(x.forecastEnd >= b.forecastEnd, `${b.key} end`).toBe(true);
          expect(x.forecastStart >= b.forecastStart, `${b.key} start`).toBe(true);
        });
        expect(after.forecastCompletion >= before.forecastCompletion).toBe(true);
      }),
    );
  });

  it('property: a later today never moves any forecast earlier, and open forecasts are working days', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 40 }), ({ template, target, todayShift }, wait) => {
        const plan = planBackward(template, target);
        const today = workdayOnOrAfter(addWorkdays(plan.start, todayShift));
        const before = forecast(plan, [], today);
        const after = forecast(plan, [], addWorkdays(today, wait));
        before.steps.forEach((b, i) => {
          expect(after.steps[i]!.forecastEnd >= b.forecastEnd).toBe(true);
          expect(isWorkday(b.forecastEnd)).toBe(true);
          expect(b.slipDays).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });
});
