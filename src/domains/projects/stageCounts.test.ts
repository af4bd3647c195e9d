import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageCounts, stageCountsByUnit, stageDatesOf, type ProjectStageDates } from './stageCounts';

const day = fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2023-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const project: fc.Arbitrary<ProjectStageDates> = fc.record({ unitId: fc.constantFrom('a', 'b', 'c'), started: fc.option(day, { nil: null }), producing: fc.option(day, { nil: null }) });
const projectsArb = fc.array(project, { maxLength: 40 });

describe('stageCounts', () => {
  it('counts the actual 开工 and 投产 dates of the year, up to each month', () => {
    const ps: ProjectStageDates[] = [
      { unitId: 'a', started: '2022-03-10', producing: '2022-08-31' },
      { unitId: 'a', started: '2021-12-31', producing: '2022-01-01' },
      { unitId: 'b', started: '2022-03-01', producing: null },
      { unitId: 'b', started: '2023-01-01', producing: null },
    ];
    const c = stageCounts(ps, 2022);
    expect(c.map((m) => m.started)).toEqual([0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(c.map((m) => m.producing)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(stageCountsByUnit(ps, 2022).get('b')!.map((m) => m.started)[2]).toBe(1);
  });

  it('reads the actual dates, never the planned ones', () => {
    expect(stageDatesOf('u', { started: { planned: '2022-02-01', actual: null }, producing: { actual: '2022-05-05' } })).toEqual({ unitId: 'u', started: null, producing: '2022-05-05' });
  });

  it('never exceeds the projects that have the date, never falls from one month to the next, and ends at the year’s total', () => {
    fc.assert(
      fc.property(projectsArb, fc.integer({ min: 2021, max: 2023 }), (ps, year) => {
        const c = stageCounts(ps, year);
        expect(c.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        for (const m of c) {
          expect(m.started).toBeLessThanOrEqual(ps.filter((p) => p.started).length);
          expect(m.producing).toBeLessThanOrEqual(ps.filter((p) => p.producing).length);
        }
        for (let i = 1; i < 12; i++) {
          expect(c[i]!.started).toBeGreaterThanOrEqual(c[i - 1]!.started);
          expect(c[i]!.producing).toBeGreaterThanOrEqual(c[i - 1]!.producing);
        }
        expect(c[11]!.started).toBe(ps.filter((p) => p.started?.startsWith(String(year))).length);
        expect(c[11]!.producing).toBe(ps.filter((p) => p.producing?.startsWith(String(year))).length);
      }),
    );
  });

  it('sums over units to the zone’s count, month by month', () => {
    fc.assert(
      fc.property(projectsArb, fc.integer({ min: 2021, max: 2023 }), (ps, year) => {
        const zone = stageCounts(ps, year);
        const units = [...stageCountsByUnit(ps, year).values()];
        for (let i = 0; i < 12; i++) {
          expect(units.reduce((s, u) => s + u[i]!.started, 0)).toBe(zone[i]!.started);
          expect(units.reduce((s, u) => s + u[i]!.producing, 0)).toBe(zone[i]!.producing);
        }
      }),
    );
  });

  it('does not depend on the order of the projects', () => {
    fc.assert(
      fc.property(projectsArb, (ps) => {
        expect(stageCounts([...ps].reverse(), 2022)).toEqual(stageCounts(ps, 2022));
      }),
    );
  });
});
