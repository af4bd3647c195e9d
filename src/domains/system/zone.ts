// The zone's working date and the periods that hold its data. A zone that
// replays history is pinned to a date (the demo zones where their seeds end);
// pickers offer the years that hold data plus the zone's current one, so no
// page hides data behind the calendar year.
import { and, eq, sql } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { zones } from '../../db/schema';
import type { Audit } from '../../server/context';
import { today as chinaToday, type Clock, type IsoDate } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { checkVersion, stillCurrent } from '../../shared/input';
import { periodChoices } from './periodChoices';

/** Domains whose pages pick a year; each lists the years its rows fall in. */
export const periodDomains = ['projects', 'attraction', 'enterprises', 'plans', 'figures', 'assessment', 'bulletins', 'supervision'] as const;
export type PeriodDomain = (typeof periodDomains)[number];

const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as T[];

/** The years holding data plus the current one, newest first. */
export function yearChoices(dataYears: readonly number[], currentYear: number): number[] {
  return [...new Set([...dataYears, currentYear])].sort((a, b) => b - a);
}

/** Years and months holding data, per domain (without the current period). */
export async function dataPeriods(db: ReadDb | Tx, zoneId: string): Promise<{ years: Record<PeriodDomain, number[]>; months: string[]; stored: string[] }> {
  const year4 = (col: string) => sql.raw(`CASE WHEN ${col} ~ '^\\d{4}' THEN substr(${col}, 1, 4)::int END`);
  const res = await db.execute(sql`
    SELECT 'projects' AS d, year AS y FROM projects WHERE zone_id = ${zoneId}
    UNION SELECT 'attraction', ${year4(`stage_dates->'signed'->>'actual'`)} FROM projects WHERE zone_id = ${zoneId}
    UNION SELECT 'attraction', extract(year FROM signed_on)::int FROM attraction_leads WHERE zone_id = ${zoneId} AND signed_on IS NOT NULL
    UNION SELECT 'enterprises', year FROM enterprise_figures WHERE zone_id = ${zoneId}
    UNION SELECT 'plans', year FROM enterprise_plans WHERE zone_id = ${zoneId}
    UNION SELECT 'figures', ${year4('period')} FROM figures WHERE zone_id = ${zoneId}
    UNION SELECT 'assessment', ${year4('period')} FROM assessment_schemes WHERE zone_id = ${zoneId}
    UNION SELECT 'bulletins', ${year4('period')} FROM bulletins WHERE zone_id = ${zoneId}
    UNION SELECT 'supervision', year FROM supervision_documents WHERE zone_id = ${zoneId}`);
  const years = Object.fromEntries(periodDomains.map((d) => [d, [] as number[]])) as Record<PeriodDomain, number[]>;
  for (const r of rowsOf<{ d: PeriodDomain; y: number | null }>(res)) if (r.y !== null) years[r.d].push(Number(r.y));
  for (const d of periodDomains) years[d].sort((a, b) => b - a);
  const months = rowsOf<{ p: string }>(
    await db.execute(sql`SELECT DISTINCT period AS p FROM figures WHERE zone_id = ${zoneId} AND period ~ '^\\d{4}-\\d{2}$' ORDER BY 1 DESC`),
  ).map((r) => r.p);
  // Periods bulletins and assessment schemes already cover (campaign labels are skipped later).
  const stored = rowsOf<{ p: string }>(
    await db.execute(sql`SELECT period AS p FROM bulletins WHERE zone_id = ${zoneId} UNION SELECT period FROM assessment_schemes WHERE zone_id = ${zoneId}`),
  ).map((r) => r.p);
  // Bulletins are drafted from the figures: their years are the figures' too.
  years.bulletins = [...new Set([...years.bulletins, ...years.figures])].sort((a, b) => b - a);
  return { years, months, stored };
}

/** What a new zone lacks, page by page: each main page shows what to do first when its part is empty. */
export const zoneParts = ['indicators', 'targets', 'approvedFigures', 'projects', 'tasks', 'enterprises', 'leads', 'schemes', 'bulletins'] as const;
export type ZonePart = (typeof zoneParts)[number];

export async function zoneHas(db: ReadDb | Tx, zoneId: string): Promise<Record<ZonePart, boolean>> {
  const [row] = rowsOf<Record<ZonePart, boolean>>(
    await db.execute(sql`SELECT
      EXISTS (SELECT 1 FROM indicators WHERE zone_id = ${zoneId} AND active) AS "indicators",
      EXISTS (SELECT 1 FROM targets WHERE zone_id = ${zoneId}) AS "targets",
      EXISTS (SELECT 1 FROM figures WHERE zone_id = ${zoneId} AND state = 'approved') AS "approvedFigures",
      EXISTS (SELECT 1 FROM projects WHERE zone_id = ${zoneId}) AS "projects",
      EXISTS (SELECT 1 FROM supervision_tasks WHERE zone_id = ${zoneId}) AS "tasks",
      EXISTS (SELECT 1 FROM enterprises WHERE zone_id = ${zoneId}) AS "enterprises",
      EXISTS (SELECT 1 FROM attraction_leads WHERE zone_id = ${zoneId}) AS "leads",
      EXISTS (SELECT 1 FROM assessment_schemes WHERE zone_id = ${zoneId}) AS "schemes",
      EXISTS (SELECT 1 FROM bulletins WHERE zone_id = ${zoneId}) AS "bulletins"`),
  );
  return Object.fromEntries(zoneParts.map((k) => [k, Boolean(row?.[k])])) as Record<ZonePart, boolean>;
}

/**
 * 1 January of the earliest year holding the zone's data; null for a zone with none.
 * A year, not a day: data of a year (targets, plans, projects) stands from its start.
 */
export function firstDataDate(p: { years: Record<PeriodDomain, number[]> }): IsoDate | null {
  const firstYear = Math.min(...periodDomains.flatMap((d) => p.years[d]));
  return Number.isFinite(firstYear) ? `${firstYear}-01-01` : null;
}

export async function zoneInfo(db: ReadDb, zoneId: string, ctx: { today: IsoDate; pinnedDate: IsoDate | null }) {
  const [z] = await db.select({ code: zones.code, name: zones.name, settings: zones.settings, version: zones.version }).from(zones).where(eq(zones.id, zoneId));
  if (!z) throw new AppError('not_found', { entity: zoneId });
  const [periods, has] = await Promise.all([dataPeriods(db, zoneId), zoneHas(db, zoneId)]);
  const year = Number(ctx.today.slice(0, 4));
  const choices = Object.fromEntries(Object.entries(periods.years).map(([d, ys]) => [d, yearChoices(ys, year)])) as Record<PeriodDomain, number[]>;
  const pickers = periodChoices(periods.months, periods.stored, ctx.today);
  return {
    code: z.code,
    name: z.name,
    demo: z.settings.demo === true,
    pinnedDate: ctx.pinnedDate,
    version: z.version,
    today: ctx.today,
    firstDataDate: firstDataDate(periods),
    hasData: periods.months.length > 0 || Object.values(periods.years).some((ys) => ys.length > 0),
    years: choices,
    months: pickers.month,
    periods: pickers,
    has,
  };
}

/** Pins the zone to a date (or back to today with null); only the zone's row changes. */
export async function setPinnedDate(tx: Tx, audit: Audit, zoneId: string, date: IsoDate | null, version: number, realClock: Clock) {
  const [before] = await tx.select({ pinnedDate: zones.pinnedDate, version: zones.version }).from(zones).where(eq(zones.id, zoneId));
  if (!before) throw new AppError('not_found', { entity: zoneId });
  checkVersion(version, before.version);
  if (date !== null) {
    const now = chinaToday(realClock);
    if (date > now) throw new AppError('zone.pinned_future', { date, today: now });
    const first = firstDataDate(await dataPeriods(tx, zoneId));
    if (first && date < first) throw new AppError('zone.pinned_before_data', { date, first });
  }
  // Conditional on the version checked: a save in between is a stale version too.
  const [after] = await tx
    .update(zones)
    .set({ pinnedDate: date, version: before.version + 1 })
    .where(and(eq(zones.id, zoneId), eq(zones.version, before.version)))
    .returning({ pinnedDate: zones.pinnedDate, version: zones.version });
  stillCurrent(after);
  await audit({ action: 'update', entity: 'zone.pinned_date', entityId: zoneId, before, after: { pinnedDate: date } });
  return { pinnedDate: date, version: before.version + 1 };
}
