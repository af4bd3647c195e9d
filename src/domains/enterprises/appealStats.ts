// Appeal statistics, pure: response and closure times, lateness against the
// service standard, and satisfaction, per handling department and in total.
import type { Satisfaction } from '../../db/schema';
import { today as chinaDate, type IsoDate } from '../../shared/calendar';
import { Decimal, round } from '../../shared/decimal';

export interface AppealFacts {
  unitId: string | null;
  unitName: string | null;
  closed: boolean;
  raisedAt: Date;
  respondBy: IsoDate;
  solveBy: IsoDate;
  respondedAt: Date | null;
  closedAt: Date | null;
  satisfaction: Satisfaction | null;
}

export interface AppealStats {
  unitId: string | null;
  unitName: string | null;
  total: number;
  open: number;
  closed: number;
  /** Responded by the respond-by day (today counts while still open). */
  respondedOnTime: number;
  /** Open past the solve-by day, or closed after it. */
  overdue: number;
  /** Mean hours from raised to responded, one decimal; null when none responded. */
  avgResponseHours: string | null;
  /** Mean calendar days from raised to closed, one decimal. */
  avgClosureDays: string | null;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** (满意 + 基本满意) / rated, percent with one decimal. */
  satisfactionRate: string | null;
}

const dateOf = (d: Date): IsoDate => chinaDate(() => d);
const mean = (xs: Decimal[], places: number) =>
  xs.length === 0 ? null : round(xs.reduce((a, b) => a.plus(b), new Decimal(0)).div(xs.length), places);

export function summarise(rows: readonly AppealFacts[], today: IsoDate, unit: { unitId: string | null; unitName: string | null }): AppealStats {
  const responseHours: Decimal[] = [];
  const closureDays: Decimal[] = [];
  let respondedOnTime = 0;
  let overdue = 0;
  const sat = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
  for (const r of rows) {
    if (r.respondedAt) {
      responseHours.push(new Decimal(r.respondedAt.getTime() - r.raisedAt.getTime()).div(3_600_000));
      if (dateOf(r.respondedAt) <= r.respondBy) respondedOnTime++;
    }
    if (r.closed && r.closedAt) {
      closureDays.push(new Decimal(r.closedAt.getTime() - r.raisedAt.getTime()).div(86_400_000));
      if (dateOf(r.closedAt) > r.solveBy) overdue++;
    } else if (!r.closed && today > r.solveBy) overdue++;
    if (r.satisfaction) sat[r.satisfaction]++;
  }
  const rated = sat.satisfied + sat.basically_satisfied + sat.dissatisfied;
  const closed = rows.filter((r) => r.closed).length;
  return {
    ...unit,
    total: rows.length,
    open: rows.length - closed,
    closed,
    respondedOnTime,
    overdue,
    avgResponseHours: mean(responseHours, 1),
    avgClosureDays: mean(closureDays, 1),
    satisfied: sat.satisfied,
    basicallySatisfied: sat.basically_satisfied,
    dissatisfied: sat.dissatisfied,
    satisfactionRate: rated === 0 ? null : round(new Decimal(sat.satisfied + sat.basically_satisfied).div(rated).times(100), 1),
  };
}

/** Per handling department (unassigned appeals under null), then the zone total. */
// Largest load first; appeals with no handling unit yet go last whatever their count.
const byUnitOrder = (a: AppealStats, b: AppealStats) =>
  Number(a.unitName === null) - Number(b.unitName === null) ||
  b.total - a.total ||
  (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh');

export function appealStats(rows: readonly AppealFacts[], today: IsoDate): { byUnit: AppealStats[]; total: AppealStats } {
  const groups = new Map<string, AppealFacts[]>();
  for (const r of rows) {
    const key = r.unitId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const byUnit = [...groups.values()]
    .map((g) => summarise(g, today, { unitId: g[0]!.unitId, unitName: g[0]!.unitName }))
    .sort(byUnitOrder);
  return { byUnit, total: summarise(rows, today, { unitId: null, unitName: null }) };
}
