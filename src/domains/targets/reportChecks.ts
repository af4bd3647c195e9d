// What the reporting checks (./checks.ts) need from the database — last month's
// year-to-date figure, the 确保 target, the share of it due by the month's end,
// the zone's move share — and the refusal of a submission that breaks them.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Queryable, ReadDb } from '../../db/client';
import { dekadFigures, figures, targets } from '../../db/schema';
import { round } from '../../shared/decimal';
import { AppError } from '../../shared/errors';
import { EVENT_KINDS, notifyUnit } from '../../shared/notifyEvents';
import { getSettings, type Indicator } from './catalogue';
import { checkFigure, type CheckResult } from './checks';
import { expectedShare, periodEnd } from './progress';

type Ind = Pick<Indicator, 'id' | 'name' | 'kind' | 'decimals' | 'higherIsBetter' | 'progressMode'>;

export interface RowContext {
  prevMonth: string | null;
  target: string | null;
  expectedShare: string | null;
  /** The 下旬 figure of the month (dekad indicators), which the month should equal. */
  lastDekad: string | null;
}

const key = (indicatorId: string, unitId: string | null) => `${indicatorId}|${unitId ?? 'zone'}`;

/** The month before, in the same year (January has none: a year to date starts again). */
export function previousPeriod(period: string): string | null {
  const m = Number(period.slice(5, 7));
  return m === 1 ? null : `${period.slice(0, 4)}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Context of each (indicator, figure unit) of a unit's month: `unitId` null for
 * the zone figures it reports. One query per table.
 */
export async function checkContext(db: ReadDb | Queryable, zoneId: string, period: string, wanted: { ind: Ind; unitId: string | null }[]) {
  const settings = await getSettings(db, zoneId);
  const out = new Map<string, RowContext>();
  if (wanted.length === 0) return { moveShare: settings.moveWarnPercent, rows: out };
  const ids = [...new Set(wanted.map((w) => w.ind.id))];
  const unitIds = [...new Set(wanted.map((w) => w.unitId).filter((u): u is string => u !== null))];
  const unitOrZone = (col: typeof figures.unitId | typeof targets.unitId | typeof dekadFigures.unitId) => (unitIds.length ? or(inArray(col, unitIds), isNull(col)) : isNull(col));
  const prev = previousPeriod(period);
  const year = Number(period.slice(0, 4));
  const [prevFigs, tgs, lastDekads] = await Promise.all([
    prev
      ? db
          .select({ indicatorId: figures.indicatorId, unitId: figures.unitId, value: figures.value })
          .from(figures)
          .where(and(eq(figures.zoneId, zoneId), eq(figures.period, prev), inArray(figures.indicatorId, ids), unitOrZone(figures.unitId)))
      : Promise.resolve([]),
    db
      .select({ indicatorId: targets.indicatorId, unitId: targets.unitId, floor: targets.floor, monthlyPlan: targets.monthlyPlan })
      .from(targets)
      .where(and(eq(targets.zoneId, zoneId), eq(targets.year, year), inArray(targets.indicatorId, ids), unitOrZone(targets.unitId))),
    db
      .select({ indicatorId: dekadFigures.indicatorId, unitId: dekadFigures.unitId, value: dekadFigures.value })
      .from(dekadFigures)
      .where(and(eq(dekadFigures.zoneId, zoneId), eq(dekadFigures.period, period), eq(dekadFigures.dekad, 3), inArray(dekadFigures.indicatorId, ids), unitOrZone(dekadFigures.unitId))),
  ]);
  const lastDekadBy = new Map(lastDekads.map((f) => [key(f.indicatorId, f.unitId), f.value]));
  const prevBy = new Map(prevFigs.map((f) => [key(f.indicatorId, f.unitId), f.value]));
  const tgtBy = new Map(tgs.map((t) => [key(t.indicatorId, t.unitId), t]));
  const asOf = periodEnd(period);
  for (const { ind, unitId } of wanted) {
    const k = key(ind.id, unitId);
    const t = tgtBy.get(k);
    // The same time progress the cockpit judges by: the plan's, or the calendar's.
    const share = !ind.higherIsBetter
      ? null
      : t?.monthlyPlan
        ? expectedShare(asOf, year, 'plan', { cumulative: t.monthlyPlan }, t.floor)
        : expectedShare(asOf, year, ind.progressMode);
    out.set(k, { prevMonth: prevBy.get(k) ?? null, target: t?.floor ?? null, expectedShare: share === null ? null : round(share, 1), lastDekad: lastDekadBy.get(k) ?? null });
  }
  return { moveShare: settings.moveWarnPercent, rows: out };
}

export interface SubmittedRow {
  ind: Ind;
  unitId: string | null;
  value: string;
  prevYear: string | null;
  note: string;
}

/** Runs the checks on rows about to be submitted; the first that needs a note (or is no number) refuses them all. */
export async function assertSubmittable(db: ReadDb | Queryable, zoneId: string, period: string, rows: SubmittedRow[]): Promise<CheckResult[]> {
  const ctx = await checkContext(db, zoneId, period, rows);
  const results: CheckResult[] = [];
  for (const r of rows) {
    const c = ctx.rows.get(key(r.ind.id, r.unitId));
    const res = checkFigure({ indicator: r.ind, period, value: r.value, prevYear: r.prevYear, note: r.note, moveShare: ctx.moveShare, ...c });
    const error = res.errors[0];
    if (error) throw new AppError('targets.check_number', { name: r.ind.name, reason: error.text });
    if (res.needsNote) throw new AppError('targets.check_note', { name: r.ind.name, reason: res.warnings[0]!.text });
    results.push(res);
  }
  return results;
}

const periodZh = (p: string) => `${Number(p.slice(0, 4))}年${Number(p.slice(5, 7))}月`;

/** 退回: the reporting unit's accounts (and its group robot) hear of each returned figure, once a day. */
export async function notifyReturned(
  db: Queryable,
  zoneId: string,
  rows: { f: { id: string; unitId: string | null; period: string }; name: string; zoneUnitId: string | null }[],
  reason: string,
  day?: string,
) {
  for (const r of rows) {
    const unitId = r.f.unitId ?? r.zoneUnitId;
    if (!unitId) continue;
    await notifyUnit(db, {
      zoneId,
      unitId,
      kind: EVENT_KINDS.figureReturned,
      // One entry in the bell per unit and month, however many figures come back.
      subject: `figures:${r.f.period}:${unitId}`,
      title: `${periodZh(r.f.period)}“${r.name}”被退回`,
      body: `退回原因：${reason}`,
      link: `/targets/report?period=${r.f.period}`,
      object: `figure:${r.f.id}`,
      day,
    });
  }
}
