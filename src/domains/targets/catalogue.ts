// The indicator catalogue (指标), annual targets (目标: 确保 floor, 力争 stretch,
// optional monthly plan) and the zone's reporting settings (deadline, thresholds).
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable, ReadDb, Tx } from '../../db/client';
import {
  aggregations,
  fillMethods,
  indicatorKinds,
  indicators,
  progressModes,
  rhythms,
  targetSettings,
  targets,
  units,
} from '../../db/schema';
import type { Audit } from '../../server/context';
import { recordAudits, type AuditWho } from '../../shared/audit';
import { dec } from '../../shared/decimal';
import { AppError } from '../../shared/errors';
import { checkVersion, decimalInput, patchOf, stillCurrent, version } from '../../shared/input';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { isFeedKey } from '../feeds/keys';
import { DEFAULT_MOVE_SHARE, NUMBER_REASON } from './checks';

/** An exact decimal as a string: amounts never travel as floats. */
export const decimalString = decimalInput({ places: 6, digits: 14, min: null, message: `${NUMBER_REASON.zh}（${NUMBER_REASON.en}, at most 6 decimals）` });
/** A month, 'YYYY-MM'; anything else is refused with `period.month` (zh/en). */
export const periodString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period.month');

export const indicatorInput = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(60),
  measure: z.string().trim().min(1).max(12),
  kind: z.enum(indicatorKinds),
  higherIsBetter: z.boolean().default(true),
  aggregation: z.enum(aggregations).default('sum'),
  decimals: z.number().int().min(0).max(6).default(2),
  fillMethod: z.enum(fillMethods).default('manual'),
  progressMode: z.enum(progressModes).default('days'),
  numeratorCode: z.string().trim().max(40).nullable().default(null),
  denominatorCode: z.string().trim().max(40).nullable().default(null),
  zoneUnitId: z.uuid().nullable().default(null),
  parentCode: z.string().trim().max(40).nullable().default(null),
  sortOrder: z.number().int().min(0).max(100000).default(0),
  active: z.boolean().default(true),
  /** For a system-filled indicator: the count that fills it, a feed key of GET /api/feeds/keys ('enterprises.net_high_tech', …). */
  feed: z.string().trim().max(60).nullable().default(null),
  /** 'dekad': reported by dekad (旬, year to date) as well as by month. */
  rhythm: z.enum(rhythms).default('month'),
});
export type IndicatorInput = z.infer<typeof indicatorInput>;
export const indicatorPatch = patchOf(indicatorInput.omit({ code: true }));
export type Indicator = typeof indicators.$inferSelect;

export async function listIndicators(db: ReadDb, zoneId: string, q: PageQuery & { search?: string }) {
  const rows = await allIndicators(db, zoneId);
  const hit = q.search ? rows.filter((r) => r.name.includes(q.search!) || r.code.includes(q.search!)) : rows;
  return { items: hit.slice(offsetOf(q), offsetOf(q) + q.pageSize), total: hit.length, page: q.page, pageSize: q.pageSize };
}

export async function allIndicators(db: ReadDb | Queryable, zoneId: string): Promise<Indicator[]> {
  return db.select().from(indicators).where(eq(indicators.zoneId, zoneId)).orderBy(asc(indicators.sortOrder), asc(indicators.code));
}

/**
 * The feed an indicator ends up with, checked: a known key, only on a
 * system-filled indicator, and one on every system-filled indicator. A change
 * away from 系统统计 that says nothing of the feed drops it.
 */
function checkFeed(input: Partial<IndicatorInput>, before?: Indicator): string | null {
  const fillMethod = input.fillMethod ?? before?.fillMethod ?? 'manual';
  const feed = input.feed !== undefined ? input.feed || null : fillMethod === 'system' ? (before?.feed ?? null) : null;
  if (feed !== null && !isFeedKey(feed)) throw new AppError('targets.feed_unknown', { feed });
  if (feed !== null && fillMethod !== 'system') throw new AppError('targets.feed_needs_system');
  if (feed === null && fillMethod === 'system') throw new AppError('targets.system_needs_feed');
  return feed;
}

async function checkIndicator(tx: Tx, zoneId: string, input: Partial<IndicatorInput>, before?: Indicator) {
  const kind = input.kind ?? before?.kind;
  if (kind === 'ratio') {
    for (const code of [input.numeratorCode ?? before?.numeratorCode, input.denominatorCode ?? before?.denominatorCode]) {
      if (!code) throw new AppError('validation.failed', { fields: 'numeratorCode, denominatorCode' });
      const [hit] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.zoneId, zoneId), eq(indicators.code, code)));
      if (!hit) throw new AppError('targets.indicator_unknown', { code });
    }
  }
  if (input.zoneUnitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zoneId), eq(units.id, input.zoneUnitId)));
    if (!u) throw new AppError('not_found', { entity: 'unit' });
  }
}

export async function createIndicator(tx: Tx, audit: Audit, zoneId: string, input: IndicatorInput) {
  const [dup] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.zoneId, zoneId), eq(indicators.code, input.code)));
  if (dup) throw new AppError('conflict.duplicate', { entity: 'indicator', value: input.code });
  const feed = checkFeed(input);
  await checkIndicator(tx, zoneId, input);
  const [row] = await tx.insert(indicators).values({ ...input, feed, zoneId }).returning();
  await audit({ action: 'create', entity: 'indicator', entityId: row!.id, after: row });
  return row!;
}

export async function updateIndicator(tx: Tx, audit: Audit, zoneId: string, id: string, patch: z.infer<typeof indicatorPatch>) {
  const [before] = await tx.select().from(indicators).where(and(eq(indicators.id, id), eq(indicators.zoneId, zoneId)));
  if (!before) throw new AppError('not_found', { entity: 'indicator' });
  checkVersion(patch.version, before.version);
  const feed = checkFeed(patch, before);
  await checkIndicator(tx, zoneId, patch, before);
  const [after] = await tx
    .update(indicators)
    .set({ ...patch, feed, version: before.version + 1 })
    .where(and(eq(indicators.id, id), eq(indicators.version, before.version)))
    .returning();
  if (!after) throw new AppError('conflict.stale');
  await audit({ action: 'update', entity: 'indicator', entityId: id, before, after });
  return after!;
}

export async function indicatorByCode(db: Queryable | ReadDb, zoneId: string, code: string): Promise<Indicator> {
  const [row] = await db.select().from(indicators).where(and(eq(indicators.zoneId, zoneId), eq(indicators.code, code)));
  if (!row) throw new AppError('targets.indicator_unknown', { code });
  return row;
}

// ---------------------------------------------------------------- targets

export const targetInput = z.object({
  indicatorId: z.uuid(),
  /** null: the zone's own target. */
  unitId: z.uuid().nullable(),
  year: z.number().int().min(2000).max(2100),
  floor: decimalString,
  stretch: decimalString.nullable().default(null),
  /** 12 cumulative year-to-date values. */
  monthlyPlan: z.array(decimalString).length(12).nullable().default(null),
});
export type TargetInput = z.infer<typeof targetInput>;
/** The route's body: the version read (no target yet for the indicator, unit and year: 1). */
export const targetUpdate = targetInput.extend({ version });
export type Target = typeof targets.$inferSelect;

export function checkTarget(t: Pick<TargetInput, 'floor' | 'stretch' | 'monthlyPlan'>, higherIsBetter = true) {
  if (t.stretch !== null && t.stretch !== undefined) {
    const below = higherIsBetter ? dec(t.stretch).lt(dec(t.floor)) : dec(t.stretch).gt(dec(t.floor));
    if (below) throw new AppError('targets.stretch_below_floor', { floor: t.floor, stretch: t.stretch });
  }
  if (t.monthlyPlan) {
    for (let i = 1; i < 12; i++) if (dec(t.monthlyPlan[i]!).lt(dec(t.monthlyPlan[i - 1]!))) throw new AppError('targets.plan');
  }
}

/**
 * Sets (inserts or replaces) one target, on the version the user read: none for the
 * indicator, unit and year reads version 1. Seeds and imports send none (not checked,
 * still bumped, so a page that read before them is stale).
 */
export async function upsertTarget(tx: Tx, audit: Audit, zoneId: string, input: TargetInput & { version?: number }, opts: { demo?: boolean } = {}) {
  const [ind] = await tx.select().from(indicators).where(and(eq(indicators.id, input.indicatorId), eq(indicators.zoneId, zoneId)));
  if (!ind) throw new AppError('not_found', { entity: 'indicator' });
  if (input.unitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zoneId), eq(units.id, input.unitId)));
    if (!u) throw new AppError('not_found', { entity: 'unit' });
  }
  checkTarget(input, ind.higherIsBetter);
  const where = and(
    eq(targets.zoneId, zoneId),
    eq(targets.indicatorId, input.indicatorId),
    input.unitId ? eq(targets.unitId, input.unitId) : isNull(targets.unitId),
    eq(targets.year, input.year),
  );
  const [before] = await tx.select().from(targets).where(where);
  const read = before?.version ?? 1;
  if (input.version !== undefined) checkVersion(input.version, read);
  const values = { floor: input.floor, stretch: input.stretch, monthlyPlan: input.monthlyPlan, demo: opts.demo ?? false, updatedAt: new Date(), version: read + 1 };
  // Conditional on the version read: a save in between (even the first) is stale too.
  const [after] = before
    ? await tx.update(targets).set(values).where(and(eq(targets.id, before.id), eq(targets.version, read))).returning()
    : await tx
        .insert(targets)
        .values({ indicatorId: input.indicatorId, unitId: input.unitId, year: input.year, ...values, zoneId })
        .onConflictDoNothing()
        .returning();
  stillCurrent(after);
  await audit({ action: before ? 'update' : 'create', entity: 'target', entityId: after!.id, unitId: input.unitId, before: before ?? null, after });
  return after!;
}

/**
 * Many targets of one zone and year in a few statements (the xlsx import: 10,000 rows
 * one by one cost 50,000 queries). The inputs are already checked against the zone's
 * indicators and units; a target changed by someone else meanwhile fails the whole
 * write (conflict.stale). Every row is audited, before and after, in one statement.
 */
export async function upsertTargets(tx: Tx, audit: Audit, who: AuditWho, year: number, inputs: TargetInput[]): Promise<number> {
  const existing = await tx.select().from(targets).where(and(eq(targets.zoneId, who.zoneId), eq(targets.year, year)));
  const byKey = new Map(existing.map((t) => [`${t.indicatorId}|${t.unitId ?? ''}`, t]));
  const now = new Date().toISOString();
  for (let i = 0; i < inputs.length; i += 1000) {
    const batch = inputs.slice(i, i + 1000).map((t) => ({ input: t, before: byKey.get(`${t.indicatorId}|${t.unitId ?? ''}`) }));
    const row = ({ input: t, before }: (typeof batch)[number]) => ({
      id: before?.id ?? randomUUID(),
      zone_id: who.zoneId,
      indicator_id: t.indicatorId,
      unit_id: t.unitId,
      year,
      floor: t.floor,
      stretch: t.stretch ?? null,
      monthly_plan: t.monthlyPlan ?? null,
      demo: false,
      updated_at: now,
      version: (before?.version ?? 1) + 1,
    });
    const created = batch.filter((b) => !b.before).map(row);
    const updating = batch.filter((b) => b.before);
    const changed = updating.map(row);
    if (created.length) {
      await tx.execute(sql`INSERT INTO targets (id, zone_id, indicator_id, unit_id, year, floor, stretch, monthly_plan, demo, updated_at, version)
        SELECT id, zone_id, indicator_id, unit_id, year, floor, stretch, monthly_plan, demo, updated_at, version
          FROM json_populate_recordset(NULL::targets, ${JSON.stringify(created)}::json)`);
    }
    if (changed.length) {
      // Conditional on the version read, as one target's save is. (The zone as a constant:
      // joined to the JSON's zone_id, the row-level policy made PostgreSQL loop, 4 s a batch.)
      const res = await tx.execute(sql`UPDATE targets t SET floor = v.floor, stretch = v.stretch, monthly_plan = v.monthly_plan, demo = false,
             updated_at = v.updated_at, version = v.version
        FROM json_populate_recordset(NULL::targets, ${JSON.stringify(changed)}::json) v
       WHERE t.id = v.id AND t.version = v.version - 1 AND t.zone_id = ${who.zoneId} RETURNING t.id`);
      const n = Array.isArray(res) ? res.length : (res as { rows: unknown[] }).rows.length;
      if (n !== changed.length) throw new AppError('conflict.stale');
    }
    const after = (r: ReturnType<typeof row>) => ({
      id: r.id, zoneId: r.zone_id, indicatorId: r.indicator_id, unitId: r.unit_id, year, floor: r.floor, stretch: r.stretch,
      monthlyPlan: r.monthly_plan, demo: false, updatedAt: r.updated_at, version: r.version,
    });
    await recordAudits(tx, who, [
      ...created.map((r) => ({ action: 'create', entity: 'target', entityId: r.id, unitId: r.unit_id, before: null, after: after(r) })),
      ...changed.map((r, j) => ({ action: 'update', entity: 'target', entityId: r.id, unitId: r.unit_id, before: updating[j]!.before, after: after(r) })),
    ]);
  }
  await audit({ action: 'import', entity: 'target', after: { year, rows: inputs.length } });
  return inputs.length;
}

export async function deleteTarget(tx: Tx, audit: Audit, zoneId: string, id: string) {
  const [before] = await tx.select().from(targets).where(and(eq(targets.id, id), eq(targets.zoneId, zoneId)));
  if (!before) throw new AppError('not_found', { entity: 'target' });
  await tx.delete(targets).where(eq(targets.id, id));
  await audit({ action: 'delete', entity: 'target', entityId: id, unitId: before.unitId, before });
}

export async function listTargets(
  db: ReadDb,
  zoneId: string,
  q: PageQuery & { year: number; indicatorId?: string; unitId?: string },
) {
  const where = and(
    eq(targets.zoneId, zoneId),
    eq(targets.year, q.year),
    q.indicatorId ? eq(targets.indicatorId, q.indicatorId) : undefined,
    q.unitId ? eq(targets.unitId, q.unitId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: targets.id,
        indicatorId: targets.indicatorId,
        indicatorCode: indicators.code,
        indicatorName: indicators.name,
        measure: indicators.measure,
        unitId: targets.unitId,
        unitName: units.name,
        year: targets.year,
        floor: targets.floor,
        stretch: targets.stretch,
        monthlyPlan: targets.monthlyPlan,
        demo: targets.demo,
        version: targets.version,
      })
      .from(targets)
      .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
      .leftJoin(units, eq(units.id, targets.unitId))
      .where(where)
      .orderBy(asc(indicators.sortOrder), asc(indicators.code), asc(units.sortOrder))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(targets).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Targets of a year for the given indicators (all units and the zone). */
export async function targetsOfYear(db: ReadDb | Queryable, zoneId: string, year: number, indicatorIds?: string[]) {
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.zoneId, zoneId), eq(targets.year, year), indicatorIds ? inArray(targets.indicatorId, indicatorIds) : undefined));
}

// ---------------------------------------------------------------- settings

export const settingsInput = z.object({
  deadlineDay: z.number().int().min(1).max(28),
  remindDaysBefore: z.number().int().min(0).max(20),
  amberPoints: decimalString,
  redPoints: decimalString,
  /** Percent a figure may leave last month's pace before it needs a note (checks.ts). */
  moveWarnPercent: decimalString.default(DEFAULT_MOVE_SHARE),
});
export const settingsUpdate = settingsInput.extend({ version });
/** A zone without a settings row has the defaults at version 1; its first save writes version 2. */
export type TargetSettings = z.infer<typeof settingsInput> & { version: number };
export const DEFAULT_SETTINGS: TargetSettings = { deadlineDay: 5, remindDaysBefore: 2, amberPoints: '10', redPoints: '30', moveWarnPercent: DEFAULT_MOVE_SHARE, version: 1 };

export async function getSettings(db: ReadDb | Queryable, zoneId: string): Promise<TargetSettings> {
  const [row] = await db.select().from(targetSettings).where(eq(targetSettings.zoneId, zoneId));
  if (!row) return DEFAULT_SETTINGS;
  return { deadlineDay: row.deadlineDay, remindDaysBefore: row.remindDaysBefore, amberPoints: row.amberPoints, redPoints: row.redPoints, moveWarnPercent: row.moveWarnPercent, version: row.version };
}

export async function saveSettings(tx: Tx, audit: Audit, zoneId: string, input: z.infer<typeof settingsUpdate>) {
  if (dec(input.redPoints).lt(dec(input.amberPoints)) || dec(input.amberPoints).lt(0) || dec(input.moveWarnPercent).lte(0)) {
    throw new AppError('validation.failed', { fields: 'amberPoints ≤ redPoints' });
  }
  const before = await getSettings(tx, zoneId);
  checkVersion(input.version, before.version);
  const values = { ...input, version: before.version + 1 };
  // Conditional on the version read: a save racing this one (even the zone's first) gets a 409.
  const [saved] = await tx
    .insert(targetSettings)
    .values({ zoneId, ...values })
    .onConflictDoUpdate({ target: targetSettings.zoneId, set: { ...values, updatedAt: new Date() }, setWhere: eq(targetSettings.version, before.version) })
    .returning();
  stillCurrent(saved);
  await audit({ action: 'update', entity: 'target_settings', entityId: zoneId, before, after: input });
  return getSettings(tx, zoneId);
}
