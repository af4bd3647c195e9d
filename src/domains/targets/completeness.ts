// Completeness of a month (数据未齐): which units still owe an approved figure.
// A unit owes a figure of a summed indicator it has a target for in the year, and
// the zone figure of a zone-reported indicator it is responsible for (when the zone
// has a target for it). A zone total is only judged once every such figure is
// approved (docs/domains/targets.md); the cockpit's own per-indicator check is the
// same rule applied in memory (cockpit/compute.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable, ReadDb } from '../../db/client';

type Db = ReadDb | Queryable;

/** Every figure owed in a year, as (year, unit owing it, indicator, the figure's unit: null for the zone's). */
const owed = (zoneId: string): SQL => sql`
  SELECT t.year, t.unit_id, t.indicator_id, t.unit_id AS fig_unit
    FROM targets t JOIN indicators i ON i.id = t.indicator_id JOIN units u ON u.id = t.unit_id
   WHERE t.zone_id = ${zoneId} AND t.unit_id IS NOT NULL AND u.active
     AND i.active AND i.kind <> 'ratio' AND i.aggregation = 'sum'
  UNION ALL
  SELECT z.year, i.zone_unit_id, i.id, NULL::uuid
    FROM indicators i JOIN targets z ON z.indicator_id = i.id AND z.unit_id IS NULL
   WHERE i.zone_id = ${zoneId} AND i.active AND i.kind <> 'ratio' AND i.aggregation = 'zone_reported'
     AND i.zone_unit_id IS NOT NULL`;

const approvedFor = (zoneId: string, period: SQL): SQL => sql`
  SELECT 1 FROM figures f
   WHERE f.zone_id = ${zoneId} AND f.period = ${period} AND f.indicator_id = o.indicator_id
     AND f.unit_id IS NOT DISTINCT FROM o.fig_unit AND f.state = 'approved'`;

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

/** Units with at least one owed figure of the month not approved, in the units' order. */
export async function unitsNotApproved(db: Db, zoneId: string, period: string): Promise<MissingUnit[]> {
  const year = Number(period.slice(0, 4));
  const rows = await rowsOf<{ unit_id: string; unit_name: string; missing: number }>(
    db,
    sql`WITH o AS (${owed(zoneId)})
        SELECT u.id AS unit_id, u.name AS unit_name, count(*)::int AS missing
          FROM o JOIN units u ON u.id = o.unit_id
         WHERE o.year = ${year} AND NOT EXISTS (${approvedFor(zoneId, sql`${period}`)})
         GROUP BY u.id, u.name, u.sort_order
         ORDER BY u.sort_order, u.name`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, missing: Number(r.missing) }));
}

/**
 * The latest month with approved figures, and the latest one that is complete
 * (every owed figure approved); null when there is none.
 */
export async function latestPeriods(db: Db, zoneId: string): Promise<{ latest: string | null; latestComplete: string | null }> {
  const [row] = await rowsOf<{ latest: string | null; latest_complete: string | null }>(
    db,
    sql`WITH o AS (${owed(zoneId)}),
             p AS (SELECT DISTINCT period FROM figures WHERE zone_id = ${zoneId} AND state = 'approved')
        SELECT (SELECT max(period) FROM p) AS latest,
               (SELECT max(p.period) FROM p
                 WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.year = CAST(substr(p.period, 1, 4) AS int)
                                     AND NOT EXISTS (${approvedFor(zoneId, sql`p.period`)}))) AS latest_complete`,
  );
  return { latest: row?.latest ?? null, latestComplete: row?.latest_complete ?? null };
}
