// One zone's month for the cockpit and the big screen: the reads (`readCockpit`: five
// plain queries and the month's completeness), then the pure judging (`cockpitOf`, ./compute).
import { and, asc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../../db/client';
import { campaigns, figures, indicators, targets, units, zones } from '../../db/schema';
import { addDays, today, type Clock } from '../../shared/calendar';
import { cmpQ, parseQ } from '../../shared/exact';
import { getSettings } from '../targets/catalogue';
import { expectedShare, periodEnd } from '../targets/progress';
import { round } from '../../shared/decimal';
import { computeCockpit, overallRanking, previousPeriod, type CFigure, type CIndicator, type CTarget, type CUnit, type IndicatorRow } from './compute';
import { campaignClock } from '../campaigns/clock';
import { latestPeriods, unitsNotApproved } from '../targets/completeness';

/**
 * The leader's month: the latest complete one (every owed figure approved), else the
 * latest with approved figures, else last month. A newer incomplete month is offered
 * beside it (`month` in the cockpit), not opened by default.
 */
export async function defaultPeriod(db: ReadDb, zoneId: string, clock: Clock): Promise<string> {
  const { latest, latestComplete } = await latestPeriods(db, zoneId);
  if (latestComplete ?? latest) return (latestComplete ?? latest)!;
  const t = today(clock);
  const firstOfMonth = `${t.slice(0, 7)}-01`;
  return addDays(firstOfMonth, -1).slice(0, 7);
}

export interface CockpitQuery {
  period?: string;
  asOf?: string;
  /** Only these indicators (a campaign's subset). */
  indicatorIds?: string[];
}

/**
 * What one month's cockpit is judged from, as read from the database: plain rows only (no
 * Dates, no drizzle objects), so that they cross to the judging thread (./judging) cheaply.
 */
export interface CockpitRows {
  zone: { name: string; code: string };
  period: string;
  asOf: string;
  indicators: CIndicator[];
  units: CUnit[];
  targets: CTarget[];
  /** Approved figures of the month and of the month before (same year). */
  figures: CFigure[];
  thresholds: { amber: string; red: string };
  campaigns: { id: string; name: string; startDate: string; endDate: string }[];
  latest: { latest: string | null; latestComplete: string | null };
  missingUnitNames: string[];
}

/**
 * As read (`readCockpit`): the month's targets and figures, thousands of rows, still the JSON
 * text of tuples the database built (`tuples`), so that this thread neither parses nor keeps
 * them row by row, and they cross to the judging thread as one string; `unpack` decodes them.
 */
export interface CockpitRead extends Omit<CockpitRows, 'targets' | 'figures'> {
  targets: string;
  figures: string;
}

/** A JSON array of one array per row (amounts as their exact text), one text for the whole set. */
const tuples = (columns: SQL) => sql<string>`coalesce(json_agg(json_build_array(${columns})), '[]')::text`;

type TargetTuple = [string, string | null, string, string | null, string[] | null];
type FigureTuple = [string, string | null, string, string, string | null, boolean];

/** The rows of a read, its targets and figures decoded. */
export function unpack(r: CockpitRead): CockpitRows {
  return {
    ...r,
    targets: (JSON.parse(r.targets) as TargetTuple[]).map(([indicatorId, unitId, floor, stretch, monthlyPlan]) => ({ indicatorId, unitId, floor, stretch, monthlyPlan })),
    figures: (JSON.parse(r.figures) as FigureTuple[]).map(([indicatorId, unitId, period, value, prevYear, corrected]) => ({ indicatorId, unitId, period, value, prevYear, corrected })),
  };
}

/** The reads of one month's cockpit: five plain queries and the month's completeness, in parallel. */
export async function readCockpit(db: ReadDb, zoneId: string, q: CockpitQuery, clock: Clock): Promise<CockpitRead> {
  const period = q.period ?? (await defaultPeriod(db, zoneId, clock));
  const year = Number(period.slice(0, 4));
  const asOf = q.asOf ?? periodEnd(period);
  const prev = previousPeriod(period);
  const periods = prev ? [period, prev] : [period];
  const [zone, inds, unitRows, tgs, figs, settings, camps, latest, notApproved] = await Promise.all([
    db.select({ name: zones.name, code: zones.code }).from(zones).where(eq(zones.id, zoneId)),
    db
      .select({
        id: indicators.id,
        code: indicators.code,
        name: indicators.name,
        measure: indicators.measure,
        kind: indicators.kind,
        higherIsBetter: indicators.higherIsBetter,
        aggregation: indicators.aggregation,
        decimals: indicators.decimals,
        fillMethod: indicators.fillMethod,
        progressMode: indicators.progressMode,
        numeratorCode: indicators.numeratorCode,
        denominatorCode: indicators.denominatorCode,
        parentCode: indicators.parentCode,
      })
      .from(indicators)
      .where(and(eq(indicators.zoneId, zoneId), eq(indicators.active, true), q.indicatorIds ? inArray(indicators.id, q.indicatorIds) : undefined))
      .orderBy(asc(indicators.sortOrder), asc(indicators.code)),
    db
      .select({ id: units.id, code: units.code, name: units.name, rankingGroup: units.rankingGroup })
      .from(units)
      .where(and(eq(units.zoneId, zoneId), eq(units.active, true)))
      .orderBy(asc(units.sortOrder)),
    db
      .select({ tuples: tuples(sql`${targets.indicatorId}, ${targets.unitId}, ${targets.floor}::text, ${targets.stretch}::text, ${targets.monthlyPlan}`) })
      .from(targets)
      .where(and(eq(targets.zoneId, zoneId), eq(targets.year, year))),
    db
      .select({ tuples: tuples(sql`${figures.indicatorId}, ${figures.unitId}, ${figures.period}, ${figures.value}::text, ${figures.prevYear}::text, ${figures.correctedAt} IS NOT NULL`) })
      .from(figures)
      .where(and(eq(figures.zoneId, zoneId), inArray(figures.period, periods), eq(figures.state, 'approved'))),
    getSettings(db, zoneId),
    db
      .select({ id: campaigns.id, name: campaigns.name, startDate: campaigns.startDate, endDate: campaigns.endDate })
      .from(campaigns)
      .where(and(eq(campaigns.zoneId, zoneId), gte(campaigns.endDate, asOf)))
      .orderBy(asc(campaigns.endDate))
      .limit(6),
    latestPeriods(db, zoneId),
    unitsNotApproved(db, zoneId, period),
  ]);
  return {
    zone: zone[0] ?? { name: '', code: '' },
    period,
    asOf,
    indicators: inds,
    units: unitRows,
    targets: tgs[0]?.tuples ?? '[]',
    figures: figs[0]?.tuples ?? '[]',
    thresholds: { amber: settings.amberPoints, red: settings.redPoints },
    campaigns: camps,
    latest,
    missingUnitNames: notApproved.map((u) => u.unitName),
  };
}

/** The cockpit judged from its rows: a pure function (run on the judging thread for the API, ./judging). */
export function cockpitOf(r: CockpitRows) {
  const { period, asOf } = r;
  const year = Number(period.slice(0, 4));
  const thresholds = { amber: Number(r.thresholds.amber), red: Number(r.thresholds.red) };
  // `previous`: the month before judged at its own end, for the overall ranking's 争先进位.
  const { indicators: rows, previous } = computeCockpit({ thresholds, indicators: r.indicators, units: r.units, targets: r.targets, period, asOf, figures: r.figures });
  return {
    zone: r.zone,
    period,
    year,
    asOf,
    timeProgress: round(expectedShare(asOf, year, 'days'), 1),
    thresholds: r.thresholds,
    // Whether the month is complete, who is missing, and the newest months there are.
    month: {
      complete: r.missingUnitNames.length === 0,
      missingUnitNames: r.missingUnitNames,
      latest: r.latest.latest,
      latestComplete: r.latest.latestComplete,
    },
    indicators: rows,
    behind: behindList(rows),
    // Only fully reported indicators take part in the overall ranking.
    ranking: overallRanking(rows.filter((r) => r.complete), previous),
    campaigns: r.campaigns.map((c) => ({ id: c.id, name: c.name, startDate: c.startDate, endDate: c.endDate, ...campaignClock(c.startDate, c.endDate, asOf) })),
  };
}

/** One month's cockpit, read and judged on this thread (the bulletin, a campaign's subset). */
export async function loadCockpit(db: ReadDb, zoneId: string, q: CockpitQuery, clock: Clock) {
  return cockpitOf(unpack(await readCockpit(db, zoneId, q, clock)));
}

export type Cockpit = Awaited<ReturnType<typeof loadCockpit>>;

/** Units behind time progress (amber and red), worst first. */
function behindList(rows: IndicatorRow[]) {
  const out = [];
  for (const ind of rows) {
    for (const u of ind.units) {
      if (u.status !== 'slightly_behind' && u.status !== 'far_behind') continue;
      out.push({ indicatorId: ind.id, indicatorCode: ind.code, indicatorName: ind.name, unitId: u.unitId, unitName: u.unitName, completion: u.completion, expectedShare: u.expectedShare, gap: u.gap, status: u.status });
    }
  }
  // Exact values compared (parsed once each, not per comparison).
  const keyed = out.map((e) => ({ e, gap: parseQ(e.gap ?? '0') }));
  return keyed.sort((a, b) => cmpQ(a.gap, b.gap)).map((k) => k.e);
}

/** Every month of the year for one unit (or the zone figure) of one indicator: the drill-down. */
export async function drillDown(
  db: ReadDb,
  zoneId: string,
  q: { indicatorId: string; unitId: string | null; year: number; includeUnapproved: boolean },
) {
  const rows = await db
    .select({
      id: figures.id,
      period: figures.period,
      value: figures.value,
      prevYear: figures.prevYear,
      note: figures.note,
      fileIds: figures.fileIds,
      state: figures.state,
      source: figures.source,
      sourceName: figures.sourceName,
      correctionReason: figures.correctionReason,
      correctedAt: figures.correctedAt,
      approvedAt: figures.approvedAt,
      demo: figures.demo,
      enteredBy: figures.enteredBy,
      enteredByName: sql<string | null>`(SELECT display_name FROM users WHERE id = ${figures.enteredBy})`,
    })
    .from(figures)
    .where(
      and(
        eq(figures.zoneId, zoneId),
        eq(figures.indicatorId, q.indicatorId),
        q.unitId ? eq(figures.unitId, q.unitId) : isNull(figures.unitId),
        sql`${figures.period} LIKE ${`${q.year}-%`}`,
        q.includeUnapproved ? undefined : or(eq(figures.state, 'approved')),
      ),
    )
    .orderBy(asc(figures.period));
  return rows;
}
