// Read-only queries over the tables other domains own (figures/targets/indicators
// of the targets domain, project milestones, the shared closed loop). They are
// our own: those domains do not export what an assessment needs, and a table
// that is not there yet (a checkout without that domain) reads as "no data".
import { sql, type SQL } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';

type Db = ReadDb | Tx;

export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = await db.execute(query);
  return (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as T[];
}

const present = new Map<string, boolean>();
/** Whether another domain's table exists (cached per process once true). */
export async function hasTable(db: Db, table: string): Promise<boolean> {
  if (present.get(table)) return true;
  const [row] = await rowsOf<{ ok: boolean }>(db, sql`SELECT to_regclass(${table}) IS NOT NULL AS ok`);
  if (row?.ok) present.set(table, true);
  return !!row?.ok;
}

export async function existingIndicatorCodes(db: Db, zoneId: string, codes: string[]): Promise<Set<string>> {
  if (!(await hasTable(db, 'indicators'))) return new Set();
  const rows = await rowsOf<{ code: string }>(
    db,
    sql`SELECT code FROM indicators WHERE zone_id = ${zoneId} AND code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`,
  );
  return new Set(rows.map((r) => r.code));
}

export interface IndicatorInfo {
  id: string;
  code: string;
  name: string;
  measure: string;
  kind: string;
  higherIsBetter: boolean;
  decimals: number;
  progressMode: 'days' | 'months';
  numeratorCode: string | null;
  denominatorCode: string | null;
  sortOrder: number;
}

export async function indicatorsByCode(db: Db, zoneId: string): Promise<Map<string, IndicatorInfo>> {
  if (!(await hasTable(db, 'indicators'))) return new Map();
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT id, code, name, measure, kind, higher_is_better, decimals, progress_mode, numerator_code, denominator_code, sort_order
          FROM indicators WHERE zone_id = ${zoneId} AND active ORDER BY sort_order, code`,
  );
  return new Map(
    rows.map((r) => [
      String(r.code),
      {
        id: String(r.id),
        code: String(r.code),
        name: String(r.name),
        measure: String(r.measure),
        kind: String(r.kind),
        higherIsBetter: Boolean(r.higher_is_better),
        decimals: Number(r.decimals),
        progressMode: r.progress_mode === 'months' ? 'months' : 'days',
        numeratorCode: (r.numerator_code as string | null) ?? null,
        denominatorCode: (r.denominator_code as string | null) ?? null,
        sortOrder: Number(r.sort_order),
      },
    ]),
  );
}

export interface FigureRow {
  indicatorId: string;
  unitId: string | null;
  value: string;
  prevYear: string | null;
}

/** Approved figures of one month (cumulative year-to-date), for units and the zone. */
export async function approvedFigures(db: Db, zoneId: string, period: string): Promise<FigureRow[]> {
  if (!(await hasTable(db, 'figures'))) return [];
  const rows = await rowsOf<{ indicator_id: string; unit_id: string | null; value: string; prev_year: string | null }>(
    db,
    sql`SELECT indicator_id, unit_id, value::text AS value, prev_year::text AS prev_year
          FROM figures WHERE zone_id = ${zoneId} AND period = ${period} AND state = 'approved'`,
  );
  return rows.map((r) => ({ indicatorId: r.indicator_id, unitId: r.unit_id, value: r.value, prevYear: r.prev_year }));
}

export interface TargetRow {
  indicatorId: string;
  unitId: string | null;
  floor: string;
  stretch: string | null;
  monthlyPlan: string[] | null;
}

export async function targetsOf(db: Db, zoneId: string, year: number): Promise<TargetRow[]> {
  if (!(await hasTable(db, 'targets'))) return [];
  const rows = await rowsOf<{ indicator_id: string; unit_id: string | null; floor: string; stretch: string | null; monthly_plan: string[] | null }>(
    db,
    sql`SELECT indicator_id, unit_id, floor::text AS floor, stretch::text AS stretch, monthly_plan
          FROM targets WHERE zone_id = ${zoneId} AND year = ${year}`,
  );
  return rows.map((r) => ({ indicatorId: r.indicator_id, unitId: r.unit_id, floor: r.floor, stretch: r.stretch, monthlyPlan: r.monthly_plan }));
}

export interface LoopEvidence {
  id: string;
  unitId: string;
  kind: string;
  title: string;
  deadline: string | null;
  closedOn: string | null;
  state: string;
}

/** Tasks assigned to the units with a deadline in [start, asOf]. */
export async function tasksDue(db: Db, zoneId: string, unitIds: string[], start: string, asOf: string): Promise<LoopEvidence[]> {
  if (unitIds.length === 0) return [];
  return rowsOf<LoopEvidence>(
    db,
    sql`SELECT id, assignee_unit_id AS "unitId", kind, title, deadline::text AS deadline, state,
               to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "closedOn"
          FROM loop_items
         WHERE zone_id = ${zoneId} AND kind = 'task' AND deadline BETWEEN ${start}::date AND ${asOf}::date
           AND assignee_unit_id IN (${sql.join(unitIds.map((u) => sql`${u}::uuid`), sql`, `)})
         ORDER BY deadline, title`,
  );
}

/**
 * Problems/appeals on a unit's list during the period: raised by `asOf` and not
 * closed before the period began. Done = closed by `asOf`.
 */
export async function loopsInPeriod(db: Db, zoneId: string, unitIds: string[], kinds: string[], start: string, asOf: string): Promise<LoopEvidence[]> {
  if (unitIds.length === 0 || kinds.length === 0) return [];
  return rowsOf<LoopEvidence>(
    db,
    sql`SELECT id, assignee_unit_id AS "unitId", kind, title, deadline::text AS deadline, state,
               to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "closedOn"
          FROM loop_items
         WHERE zone_id = ${zoneId} AND kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
           AND (created_at AT TIME ZONE 'Asia/Shanghai')::date <= ${asOf}::date
           AND (closed_at IS NULL OR (closed_at AT TIME ZONE 'Asia/Shanghai')::date >= ${start}::date)
           AND assignee_unit_id IN (${sql.join(unitIds.map((u) => sql`${u}::uuid`), sql`, `)})
         ORDER BY created_at, title`,
  );
}

export interface MilestoneEvidence {
  id: string;
  unitId: string;
  project: string;
  name: string;
  due: string;
  actualEnd: string | null;
}

/**
 * Project milestones due in [start, asOf] of the units (the milestone's owner
 * unit, else the project's responsible unit). Due = the baseline end (the first
 * approved plan), so re-planning does not make a late milestone "on time". A step
 * already past when its plan was laid counts only once confirmed (done).
 */
export async function milestonesDue(db: Db, zoneId: string, unitIds: string[], start: string, asOf: string): Promise<MilestoneEvidence[]> {
  if (unitIds.length === 0 || !(await hasTable(db, 'project_milestones'))) return [];
  return rowsOf<MilestoneEvidence>(
    db,
    sql`SELECT m.id, COALESCE(m.owner_unit_id, p.responsible_unit_id) AS "unitId", p.name AS project, m.name,
               COALESCE(m.baseline_end, m.planned_end)::text AS due, m.actual_end::text AS "actualEnd"
          FROM project_milestones m JOIN projects p ON p.id = m.project_id
         WHERE m.zone_id = ${zoneId}
           AND COALESCE(m.baseline_end, m.planned_end) BETWEEN ${start}::date AND ${asOf}::date
           AND (NOT m.needs_confirmation OR m.actual_end IS NOT NULL) -- past when planned: not late, to be confirmed
           AND COALESCE(m.owner_unit_id, p.responsible_unit_id) IN (${sql.join(unitIds.map((u) => sql`${u}::uuid`), sql`, `)})
         ORDER BY due, p.name, m.sort_order`,
  );
}
