// Counts another domain keeps (the enterprise register's tag dates, 招商
// signings, projects' stage dates) written to the zone's indicators bound to
// them, so nobody counts twice. An indicator is bound by its feed key
// (indicators.feed, e.g. 'projects.started'; keys.ts lists them), whatever its
// code. One piece serves every source: a source gives, for a year, the
// year-to-date value of each month for the bound indicators (zone-wide and by
// unit); this module takes the zone's system-filled indicators bound to the
// source's keys, compares with the figures already recorded and writes only
// what differs, through recordSystemFigure (approved, audited, a correction in
// a locked month). Equal values are skipped: a re-sync of unchanged data writes
// nothing and audits nothing.
import { and, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { figures, indicators, targets } from '../../db/schema';
import type { Audit } from '../../server/context';
import type { IsoDate } from '../../shared/calendar';
import { dec, round } from '../../shared/decimal';
import { recordSystemFigure } from '../targets/feed';
import { FEED_SOURCES, type FeedSourceName } from './keyTypes';

export type Indicator = typeof indicators.$inferSelect;
/** Year-to-date value for each month (index 0 = January); null = not known (e.g. no USD rate): nothing written. */
export type Months = (string | number | null)[];
export interface Series {
  zone: Months;
  byUnit: Map<string, Months>;
}
export interface FeedSource {
  /** Recorded as the figures' source name. */
  name: FeedSourceName;
  /** Feed keys this source fills (its feedKeys.ts). */
  keys: readonly string[];
  /** The series of a year for the given (system-filled, bound) indicators, by indicator code. */
  series(db: ReadDb | Tx, zoneId: string, year: number, inds: Indicator[]): Promise<Map<string, Series>>;
}

export interface FigureChange {
  indicatorCode: string;
  unitId: string | null;
  period: string;
  from: string | null;
  to: string;
}

const period = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** Months of `year` that can hold a figure on `today`: all of a past year, up to this month of this year, none ahead. */
export function lastMonthOf(year: number, today: IsoDate): number {
  const y = Number(today.slice(0, 4));
  if (year < y) return 12;
  if (year > y) return 0;
  return Number(today.slice(5, 7));
}

/** Years the zone works in: those with any target or figure. Writes after a change stay within them. */
// Called inside writers' transactions: one query at a time, as a transaction's single
// connection serves them anyway (and pg 9 will refuse overlapping ones).
export async function yearsInUse(db: ReadDb | Tx, zoneId: string): Promise<number[]> {
  const t = await db.selectDistinct({ year: targets.year }).from(targets).where(eq(targets.zoneId, zoneId));
  const f = await db.selectDistinct({ period: figures.period }).from(figures).where(eq(figures.zoneId, zoneId));
  return [...new Set([...t.map((r) => r.year), ...f.map((r) => Number(r.period.slice(0, 4)))])].sort((a, b) => a - b);
}

/** The zone's active system-filled indicators bound to this source's keys. */
async function fedIndicators(db: ReadDb | Tx, zoneId: string, source: FeedSource): Promise<Indicator[]> {
  const rows = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.zoneId, zoneId), eq(indicators.fillMethod, 'system'), eq(indicators.active, true), inArray(indicators.feed, [...source.keys])));
  return rows.filter((i) => i.kind !== 'ratio');
}

/**
 * What a sync of `year` would change: for a zone-reported indicator the zone
 * figure of every month; for a summed one the figure of each unit that has a
 * target or a figure that year or a count other than nought.
 */
export async function planSync(db: ReadDb | Tx, zoneId: string, source: FeedSource, year: number, today: IsoDate): Promise<FigureChange[]> {
  const last = lastMonthOf(year, today);
  if (last === 0) return [];
  const inds = await fedIndicators(db, zoneId, source);
  if (inds.length === 0) return [];
  const ids = inds.map((i) => i.id);
  const series = await source.series(db, zoneId, year, inds);
  const existing = await db
    .select({ indicatorId: figures.indicatorId, unitId: figures.unitId, period: figures.period, value: figures.value, source: figures.source, state: figures.state })
    .from(figures)
    .where(and(eq(figures.zoneId, zoneId), inArray(figures.indicatorId, ids), like(figures.period, `${year}-%`)));
  const unitTargets = await db
    .select({ indicatorId: targets.indicatorId, unitId: targets.unitId })
    .from(targets)
    .where(and(eq(targets.zoneId, zoneId), eq(targets.year, year), inArray(targets.indicatorId, ids), isNotNull(targets.unitId)));
  const key = (indicatorId: string, unitId: string | null, p: string) => `${indicatorId}|${unitId ?? ''}|${p}`;
  const have = new Map(existing.map((f) => [key(f.indicatorId, f.unitId, f.period), f]));
  const changes: FigureChange[] = [];
  const compare = (ind: Indicator, unitId: string | null, months: Months) => {
    for (let m = 1; m <= last; m++) {
      const v = months[m - 1];
      if (v === null || v === undefined) continue;
      const to = round(v, ind.decimals);
      const p = period(year, m);
      const f = have.get(key(ind.id, unitId, p));
      if (f && f.source === 'system' && f.state === 'approved' && dec(f.value).eq(to)) continue;
      changes.push({ indicatorCode: ind.code, unitId, period: p, from: f?.value ?? null, to });
    }
  };
  for (const ind of inds) {
    const s = series.get(ind.code);
    if (!s) continue;
    if (ind.aggregation === 'zone_reported') {
      compare(ind, null, s.zone);
      continue;
    }
    const unitIds = new Set<string>();
    for (const t of unitTargets) if (t.indicatorId === ind.id) unitIds.add(t.unitId!);
    for (const f of existing) if (f.indicatorId === ind.id && f.unitId) unitIds.add(f.unitId);
    for (const [u, months] of s.byUnit) if (months.some((v) => v !== null && !dec(v).isZero())) unitIds.add(u);
    const none: Months = Array.from({ length: 12 }, () => 0);
    for (const u of [...unitIds].sort()) compare(ind, u, s.byUnit.get(u) ?? none);
  }
  return changes;
}

export async function applyChanges(tx: Tx, audit: Audit, zoneId: string, source: FeedSource, changes: FigureChange[]): Promise<void> {
  for (const c of changes) {
    await recordSystemFigure(tx, audit, { zoneId, indicatorCode: c.indicatorCode, unitId: c.unitId, period: c.period, value: c.to, source: source.name });
  }
}

/** Recomputes every month of a year inside the caller's transaction; returns what changed. */
export async function syncYear(tx: Tx, audit: Audit, zoneId: string, source: FeedSource, year: number, today: IsoDate): Promise<FigureChange[]> {
  const changes = await planSync(tx, zoneId, source, year, today);
  await applyChanges(tx, audit, zoneId, source, changes);
  return changes;
}

/**
 * After a write that changes a count: recomputes the years from `fromYear` to
 * `toYear` (at most this year) that the zone works in. A flow counts in the
 * year of its date only; a stock (held at the month's end) in later years too.
 */
export async function feedAfterWrite(tx: Tx, audit: Audit, zoneId: string, source: FeedSource, years: { from: number; to: number }, today: IsoDate): Promise<number> {
  const to = Math.min(years.to, Number(today.slice(0, 4)));
  let changed = 0;
  for (const y of await yearsInUse(tx, zoneId)) {
    if (y < years.from || y > to) continue;
    changed += (await syncYear(tx, audit, zoneId, source, y, today)).length;
  }
  return changed;
}

/**
 * `feedAfterWrite` over the years a write's dates touch (before and after): from the
 * earliest to the latest, or on to this year when a count carries into later years.
 */
export async function feedAfterDates(
  tx: Tx,
  audit: Audit,
  zoneId: string,
  source: FeedSource,
  dates: (IsoDate | null | undefined)[],
  today: IsoDate,
  opts: { carriesOn?: boolean } = {},
): Promise<number> {
  const years = dates.filter((d): d is IsoDate => !!d).map((d) => Number(d.slice(0, 4)));
  if (years.length === 0) return 0;
  const to = opts.carriesOn ? Number(today.slice(0, 4)) : Math.max(...years);
  return feedAfterWrite(tx, audit, zoneId, source, { from: Math.min(...years), to }, today);
}

/** Body and answer of the 重新同步 routes. */
export const syncBody = z.object({ year: z.number().int().min(2000).max(2100).optional() }).nullish();
export const syncResponse = z.object({
  year: z.number(),
  source: z.enum(FEED_SOURCES),
  changed: z.number(),
  changes: z.array(z.object({ indicatorCode: z.string(), unitId: z.string().nullable(), period: z.string(), from: z.string().nullable(), to: z.string() })),
});

export interface SyncResult {
  year: number;
  source: FeedSource['name'];
  changed: number;
  changes: FigureChange[];
}

/**
 * 重新同步: recomputes every month of a year (data that existed before the
 * feed, a project signed in the projects domain, a fix). Plans on the read
 * handle first and opens a write only when something differs, so a re-sync of
 * unchanged data writes and audits nothing.
 */
export async function resyncYear(
  db: ReadDb,
  write: <T>(fn: (tx: Tx, audit: Audit) => Promise<T>) => Promise<T>,
  zoneId: string,
  source: FeedSource,
  year: number,
  today: IsoDate,
): Promise<SyncResult> {
  const planned = await planSync(db, zoneId, source, year, today);
  if (planned.length === 0) return { year, source: source.name, changed: 0, changes: [] };
  const changes = await write(async (tx, audit) => {
    const done = await syncYear(tx, audit, zoneId, source, year, today);
    await audit({ action: 'sync', entity: 'indicator.feed', entityId: `${source.name}:${year}`, after: { source: source.name, year, changed: done.length } });
    return done;
  });
  return { year, source: source.name, changed: changes.length, changes };
}
