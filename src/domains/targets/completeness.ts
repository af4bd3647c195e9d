// Completeness of a month (数据未齐): which units still owe an approved figure.
// A unit owes a figure of a summed indicator it has a target for in the year, and
// the zone figure of a zone-reported indicator it is responsible for (when the zone
// has a target for it). A zone total is only judged once every such figure is
// approved (docs/domains/targets.md); the cockpit's own per-indicator check is the
// same rule applied in memory (cockpit/compute.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable, ReadDb } from '../../db/client';

type Db = ReadDb | Queryable;

/**
 * Every figure owed in a year, as (year, unit owing it, indicator, the figure's unit: null for
 * the zone's). Every table is filtered on the zone, not only the first: read without the row
 * policies (as the owner), the zone figures' branch scanned the whole province's targets and the
 * units' branch all its indicators and units (PostgreSQL, 150 zones: ~230 ms a read).
 */
const owed = (zoneId: string): SQL => sql`
  SELECT t.year, t.unit_id, t.indicator_id, t.unit_id AS fig_unit
    FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.zone_id = ${zoneId}
                   JOIN units u ON u.id = t.unit_id AND u.zone_id = ${zoneId}
   WHERE t.zone_id = ${zoneId} AND t.unit_id IS NOT NULL AND u.active
     AND i.active AND i.kind <> 'ratio' AND i.aggregation = 'sum'
  UNION ALL
  SELECT z.year, i.zone_unit_id, i.id, NULL::uuid
    FROM indicators i JOIN targets z ON z.indicator_id = i.id AND z.unit_id IS NULL AND z.zone_id = ${zoneId}
   WHERE i.zone_id = ${zoneId} AND i.active AND i.kind <> 'ratio' AND i.aggregation = 'zone_reported'
     AND i.zone_unit_id IS NOT NULL`;

/** A unit key for NULL (a zone figure) that equality can compare, so joins on it hash. */
const NONE = sql`'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * The month's approved figures, keyed on (indicator, unit) with NULL made comparable, read
 * once before the owed rows are checked against them (`notApproved`). Materialised so the
 * check hashes: left to the planner, PostgreSQL at 150 zones probed the figures' unique
 * index once per owed row on its (zone, indicator) prefix only, walking every unit's and
 * month's entry (1,740 probes, 180–280 ms a month; 21 ms so). Before that, with IS NOT
 * DISTINCT FROM, the join keyed on the indicator alone (~130 ms a month).
 */
const approvedIn = (zoneId: string, period: string): SQL => sql`approved AS MATERIALIZED (
  SELECT f.indicator_id, coalesce(f.unit_id, ${NONE}) AS unit_key FROM figures f
   WHERE f.zone_id = ${zoneId} AND f.period = ${period} AND f.state = 'approved')`;

/** The owed row `o` has no approved figure in the month (needs `approvedIn` in the query's WITH). */
const notApproved = sql`NOT EXISTS (
  SELECT 1 FROM approved a WHERE a.indicator_id = o.indicator_id AND a.unit_key = coalesce(o.fig_unit, ${NONE}))`;

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = await db.execute(query);
  return (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as T[];
}

export interface MissingUnit {
  unitId: string;
  unitName: string;
  /** Figures it owes for the month that are not approved yet. */
  missing: number;
}

/**
 * Units with at least one owed figure of the month not approved, in the units' order.
 * Counted per unit first, then joined to the units: under the zone's row policies (as the
 * cockpit reads) joining the units before counting planned every owed row against all the
 * province's units, 365 ms against 35 ms on PGlite at 15 zones (docs/benchmarks.md).
 */
export async function unitsNotApproved(db: Db, zoneId: string, period: string): Promise<MissingUnit[]> {
  const year = Number(period.slice(0, 4));
  const rows = await rowsOf<{ unit_id: string; unit_name: string; missing: number }>(
    db,
    sql`WITH ${approvedIn(zoneId, period)}
        SELECT u.id AS unit_id, u.name AS unit_name, m.missing
          FROM (SELECT o.unit_id, count(*)::int AS missing FROM (${owed(zoneId)}) o
                 WHERE o.year = ${year} AND ${notApproved}
                 GROUP BY o.unit_id) m
          JOIN units u ON u.id = m.unit_id
         ORDER BY u.sort_order, u.name`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, missing: Number(r.missing) }));
}

/**
 * The latest month with approved figures, and the latest one that is complete
 * (every owed figure approved); null when there is none. The newest months are
 * probed one by one, then whole years with one hash join each, newest first: a zone's
 * history (10 years, 200,000 figures) is never judged month by month.
 */
export async function latestPeriods(db: Db, zoneId: string): Promise<{ latest: string | null; latestComplete: string | null }> {
  const [span] = await rowsOf<{ latest: string | null; first: string | null }>(
    db,
    sql`SELECT max(period) AS latest, min(period) AS first FROM figures WHERE zone_id = ${zoneId} AND state = 'approved'`,
  );
  const latest = span?.latest ?? null;
  if (!latest || !span?.first) return { latest: null, latestComplete: null };
  // The newest months first, one cheap probe each: during the reporting days the latest
  // month is open and the one before it complete.
  let candidate: string | null = latest;
  for (let i = 0; i < 3 && candidate; i++) {
    if (await complete(db, zoneId, candidate)) return { latest, latestComplete: candidate };
    const [before]: { period: string | null }[] = await rowsOf<{ period: string | null }>(
      db,
      sql`SELECT max(period) AS period FROM figures WHERE zone_id = ${zoneId} AND state = 'approved' AND period < ${candidate}`,
    );
    candidate = before?.period ?? null;
  }
  if (!candidate) return { latest, latestComplete: null };
  // Then a year at a time, with NULL (a zone figure) made comparable so the join can hash.
  for (let year = Number(candidate.slice(0, 4)); year >= Number(span.first.slice(0, 4)); year--) {
    const [from, to] = [`${year}-01`, `${year}-12`];
    const [row] = await rowsOf<{ period: string | null }>(
      db,
      sql`WITH o AS (SELECT * FROM (${owed(zoneId)}) all_owed WHERE all_owed.year = ${year}),
               f AS (SELECT period, indicator_id, coalesce(unit_id, ${NONE}) AS unit_key FROM figures
                      WHERE zone_id = ${zoneId} AND state = 'approved' AND period BETWEEN ${from} AND ${to}),
               met AS (SELECT f.period, count(*) AS n FROM o JOIN f ON f.indicator_id = o.indicator_id AND f.unit_key = coalesce(o.fig_unit, ${NONE})
                        GROUP BY f.period)
          SELECT max(p.period) AS period FROM (SELECT DISTINCT period FROM f WHERE period <= ${candidate}) p LEFT JOIN met ON met.period = p.period
           WHERE coalesce(met.n, 0) = (SELECT count(*) FROM o)`,
    );
    if (row?.period) return { latest, latestComplete: row.period };
  }
  return { latest, latestComplete: null };
}

/** Whether every figure owed in a month is approved (counted, with the anti join that hashes). */
async function complete(db: Db, zoneId: string, period: string): Promise<boolean> {
  const [row] = await rowsOf<{ complete: boolean }>(
    db,
    sql`WITH ${approvedIn(zoneId, period)}
        SELECT count(*) = 0 AS complete FROM (${owed(zoneId)}) o
         WHERE o.year = ${Number(period.slice(0, 4))} AND ${notApproved}`,
  );
  return row?.complete === true;
}
