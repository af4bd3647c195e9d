// 新开工 and 竣工投产 counts (pure): for each month of a year, the projects whose
// actual 开工 (stage 'started') or 投产 (stage 'producing') date falls between
// 1 January and the month's end — a year-to-date count, like the other feeds —
// zone-wide and by responsible unit. The model keeps no completion (竣工) date
// apart from 投产, so 竣工投产 counts the 投产 date.
import type { StageDates } from '../../db/schema';

export interface ProjectStageDates {
  unitId: string;
  started: string | null;
  producing: string | null;
}

export interface StageMonth {
  /** 1 … 12 */
  month: number;
  /** 新开工: started from 1 January to the month's end. */
  started: number;
  /** 竣工投产: went into production from 1 January to the month's end. */
  producing: number;
}

/** The two actual dates a project's stage dates hold (null where not reached). */
export function stageDatesOf(unitId: string, dates: StageDates): ProjectStageDates {
  return { unitId, started: dates.started?.actual ?? null, producing: dates.producing?.actual ?? null };
}

/** Is `date` ('YYYY-MM-DD') in `year`, on or before the end of `month`? */
const upTo = (date: string | null, year: number, month: number): boolean =>
  date !== null && Number(date.slice(0, 4)) === year && Number(date.slice(5, 7)) <= month;

/** Year-to-date counts at the end of each month (index 0 = January). */
export function stageCounts(projects: readonly ProjectStageDates[], year: number): StageMonth[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    let started = 0;
    let producing = 0;
    for (const p of projects) {
      if (upTo(p.started, year, month)) started++;
      if (upTo(p.producing, year, month)) producing++;
    }
    return { month, started, producing };
  });
}

/** The same counts for each responsible unit that has a project. */
export function stageCountsByUnit(projects: readonly ProjectStageDates[], year: number): Map<string, StageMonth[]> {
  const groups = new Map<string, ProjectStageDates[]>();
  for (const p of projects) groups.set(p.unitId, [...(groups.get(p.unitId) ?? []), p]);
  return new Map([...groups].map(([u, list]) => [u, stageCounts(list, year)]));
}
