// 以旬保月: a unit's dekad (旬) figures of dekad indicators, year to date at the
// dekad's end. Who may write is decided exactly as for the month (./reporting.ts's
// Writer); every write is one audited transaction, refused whole on any bad row.
// Rules: ./dekad.ts (closed dekads only, a year to date never falls); the month's
// figure is checked against its 下旬 by the reporting checks (./checks.ts).
import { and, asc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { dekadFigures, indicators, targets, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { sum } from '../../shared/decimal';
import { AppError } from '../../shared/errors';
import { checkVersion } from '../../shared/input';
import { assessFigure } from './assess';
import { decimalString, getSettings, periodString, type Indicator } from './catalogue';
import { closedDekads, dekadDrop, dekadEnd, dekadExpectedShare, dekadLabel, isDekadClosed, latestClosedDekad, type DekadNo, type DekadRef } from './dekad';
import { isLocked, reportForm, type Writer } from './reporting';

export const dekadNo = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const saveDekadInput = z.object({
  /** The reporting unit; rows of indicators it reports for the whole zone are stored as zone figures. */
  unitId: z.uuid(),
  period: periodString,
  dekad: dekadNo,
  rows: z
    .array(
      z.object({
        indicatorId: z.uuid(),
        value: decimalString,
        note: z.string().trim().max(500).default(''),
        /** The version read, when the figure existed (a stale one is refused). */
        version: z.number().int().min(1).optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type SaveDekadInput = z.infer<typeof saveDekadInput>;
export type DekadFigure = typeof dekadFigures.$inferSelect;

const key = (indicatorId: string, unitId: string | null) => `${indicatorId}|${unitId ?? 'zone'}`;

/** The indicator, and the unit its figure is stored under (null: a zone figure), or a refusal. */
async function placeRow(tx: Tx | ReadDb, who: Writer, ind: Indicator | undefined, unitId: string) {
  if (!ind) throw new AppError('not_found', { entity: 'indicator' });
  if (ind.rhythm !== 'dekad' || ind.kind === 'ratio') throw new AppError('targets.not_dekad', { name: ind.name });
  if (ind.fillMethod === 'system' && !who.mayCorrect) throw new AppError('targets.system_filled', { name: ind.name });
  if (ind.aggregation === 'zone_reported' && ind.zoneUnitId !== unitId) {
    const [owner] = ind.zoneUnitId ? await tx.select({ name: units.name }).from(units).where(eq(units.id, ind.zoneUnitId)) : [];
    throw new AppError('targets.zone_level', { name: ind.name, unit: owner?.name ?? '—' });
  }
  return ind.aggregation === 'zone_reported' ? null : unitId;
}

/** Saves a unit's figures of one dekad (insert or replace). All rows or none. */
export async function saveDekadFigures(tx: Tx, audit: Audit, who: Writer, input: SaveDekadInput, opts: { todayIso: string; demo?: boolean }): Promise<DekadFigure[]> {
  who.authorizeUnit(input.unitId);
  const ref: DekadRef = { period: input.period, dekad: input.dekad as DekadNo };
  if (!isDekadClosed(ref, opts.todayIso)) throw new AppError('targets.dekad_future', { dekad: dekadLabel(ref), end: dekadEnd(ref.period, ref.dekad) });
  const [unit] = await tx.select().from(units).where(and(eq(units.zoneId, who.zoneId), eq(units.id, input.unitId)));
  if (!unit) throw new AppError('not_found', { entity: 'unit' });
  const ids = [...new Set(input.rows.map((r) => r.indicatorId))];
  if (ids.length !== input.rows.length) throw new AppError('validation.failed', { fields: 'rows: one row per indicator' });
  if (await isLocked(tx, who.zoneId, input.period) && !who.mayCorrect) throw new AppError('targets.period_locked', { period: input.period });
  const inds = await tx.select().from(indicators).where(and(eq(indicators.zoneId, who.zoneId), inArray(indicators.id, ids)));
  const byId = new Map(inds.map((i) => [i.id, i]));
  const placed = [];
  for (const row of input.rows) {
    const ind = byId.get(row.indicatorId);
    placed.push({ row, ind: ind!, unitId: await placeRow(tx, who, ind, input.unitId) });
  }
  // The year's dekad figures of these indicators (this unit's and the zone's), locked against a parallel save.
  const year = await tx
    .select()
    .from(dekadFigures)
    .where(
      and(
        eq(dekadFigures.zoneId, who.zoneId),
        like(dekadFigures.period, `${input.period.slice(0, 4)}-%`),
        inArray(dekadFigures.indicatorId, ids),
        or(eq(dekadFigures.unitId, input.unitId), isNull(dekadFigures.unitId)),
      ),
    )
    .for('update');
  const same = (f: DekadFigure) => f.period === input.period && f.dekad === input.dekad;
  const before = year.filter(same);
  const beforeBy = new Map(before.map((f) => [key(f.indicatorId, f.unitId), f]));
  const now = new Date();
  const out: DekadFigure[] = [];
  const fresh: (typeof dekadFigures.$inferInsert)[] = [];
  for (const { row, ind, unitId } of placed) {
    const prev = beforeBy.get(key(ind.id, unitId));
    if (prev && row.version !== undefined) checkVersion(row.version, prev.version);
    const others = year.filter((f) => f.indicatorId === ind.id && f.unitId === unitId && !same(f)).map((f) => ({ period: f.period, dekad: f.dekad as DekadNo, value: f.value }));
    const drop = dekadDrop(ind.kind, ref, row.value, others, ind.decimals);
    if (drop) throw new AppError('targets.dekad_drop', { name: ind.name, reason: drop });
    const values = { value: row.value, note: row.note, enteredBy: who.userId, demo: opts.demo ?? false, updatedAt: now };
    if (prev) {
      const [after] = await tx
        .update(dekadFigures)
        .set({ ...values, version: sql`${dekadFigures.version} + 1` })
        .where(eq(dekadFigures.id, prev.id))
        .returning();
      out.push(after!);
    } else {
      fresh.push({ ...values, zoneId: who.zoneId, indicatorId: ind.id, unitId, period: input.period, dekad: input.dekad as DekadNo });
    }
  }
  // New figures go in with one statement, as monthly ones do.
  if (fresh.length) out.push(...(await tx.insert(dekadFigures).values(fresh).returning()));
  await audit({
    action: 'record',
    entity: 'dekad_figures',
    entityId: `${input.period}-${input.dekad}:${unit.code}`,
    unitId: input.unitId,
    before: before.length ? before.map(brief) : null,
    after: { via: who.sourceName ?? who.source, rows: out.map(brief) },
  });
  return out;
}

function brief(f: DekadFigure) {
  return { id: f.id, indicatorId: f.indicatorId, unitId: f.unitId, period: f.period, dekad: f.dekad, value: f.value, note: f.note };
}

/**
 * A unit's dekad form for a month: its dekad indicators (those of its monthly form
 * marked 'dekad', system-filled ones aside), and for each closed dekad of the month
 * the figure with completion and time progress at the dekad's end. A dekad after the
 * zone's date is not offered (`open` lists the closed ones).
 */
export async function dekadForm(db: ReadDb, zoneId: string, unitId: string, period: string, todayIso: string) {
  const form = await reportForm(db, zoneId, unitId, period);
  const ids = form.rows.map((r) => r.indicatorId);
  const inds = ids.length ? await db.select().from(indicators).where(and(eq(indicators.zoneId, zoneId), inArray(indicators.id, ids), eq(indicators.rhythm, 'dekad'))) : [];
  const byId = new Map(inds.map((i) => [i.id, i]));
  const rows = form.rows.filter((r) => byId.has(r.indicatorId) && r.fillMethod !== 'system');
  const year = Number(period.slice(0, 4));
  const [figs, tgs, locked] = await Promise.all([
    rows.length
      ? db
          .select()
          .from(dekadFigures)
          .where(and(eq(dekadFigures.zoneId, zoneId), like(dekadFigures.period, `${year}-%`), inArray(dekadFigures.indicatorId, rows.map((r) => r.indicatorId)), or(eq(dekadFigures.unitId, unitId), isNull(dekadFigures.unitId))))
      : Promise.resolve([] as DekadFigure[]),
    rows.length
      ? db.select().from(targets).where(and(eq(targets.zoneId, zoneId), eq(targets.year, year), inArray(targets.indicatorId, rows.map((r) => r.indicatorId)), or(eq(targets.unitId, unitId), isNull(targets.unitId))))
      : Promise.resolve([]),
    isLocked(db, zoneId, period),
  ]);
  const open = closedDekads(period, todayIso);
  return {
    unitId,
    period,
    locked,
    open,
    latest: latestClosedDekad(todayIso),
    rows: rows.map((r) => {
      const ind = byId.get(r.indicatorId)!;
      const figUnit = r.level === 'zone' ? null : unitId;
      const t = tgs.find((x) => x.indicatorId === ind.id && x.unitId === figUnit);
      const mine = figs.filter((f) => f.indicatorId === ind.id && f.unitId === figUnit);
      // The year's last dekad figure before this month: what 上旬 may not fall below.
      const earlier = mine.filter((f) => f.period < period).sort((a, b) => (a.period + a.dekad < b.period + b.dekad ? 1 : -1))[0];
      return {
        indicatorId: ind.id,
        code: ind.code,
        name: ind.name,
        measure: ind.measure,
        kind: ind.kind,
        decimals: ind.decimals,
        level: r.level,
        floor: t?.floor ?? null,
        before: earlier ? { period: earlier.period, dekad: earlier.dekad, value: earlier.value } : null,
        dekads: ([1, 2, 3] as DekadNo[]).map((d) => {
          const f = mine.find((x) => x.period === period && x.dekad === d);
          const share = ind.higherIsBetter ? dekadExpectedShare({ period, dekad: d }, t?.monthlyPlan ? 'plan' : ind.progressMode, t?.monthlyPlan ? { cumulative: t.monthlyPlan } : null, t?.floor) : null;
          const a = assessFigure({ actual: f?.value ?? null, target: t?.floor ?? null, expectedShare: share, decimals: ind.decimals, lowerIsBetter: !ind.higherIsBetter });
          return {
            dekad: d,
            end: dekadEnd(period, d),
            open: open.includes(d),
            expectedShare: a.expectedShare,
            completion: a.completion,
            gap: a.gap,
            figure: f ? { id: f.id, value: f.value, note: f.note, version: f.version, updatedAt: f.updatedAt } : null,
          };
        }),
      };
    }),
  };
}

/**
 * 旬进度 for the cockpit: each active dekad indicator at the zone's latest closed
 * dekad, the zone's year to date with completion and time progress. A summed
 * indicator is totalled only when every unit owing it (a target in the year) has
 * reported the dekad; otherwise it says who is missing and gives no total.
 */
export async function dekadProgress(db: ReadDb, zoneId: string, todayIso: string) {
  const ref = latestClosedDekad(todayIso);
  const year = Number(ref.period.slice(0, 4));
  const inds = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.zoneId, zoneId), eq(indicators.active, true), eq(indicators.rhythm, 'dekad')))
    .orderBy(asc(indicators.sortOrder), asc(indicators.code));
  const live = inds.filter((i) => i.kind !== 'ratio');
  if (live.length === 0) return { ...ref, end: dekadEnd(ref.period, ref.dekad), thresholds: null, items: [] };
  const ids = live.map((i) => i.id);
  const [figs, tgs, us, settings] = await Promise.all([
    db.select().from(dekadFigures).where(and(eq(dekadFigures.zoneId, zoneId), eq(dekadFigures.period, ref.period), eq(dekadFigures.dekad, ref.dekad), inArray(dekadFigures.indicatorId, ids))),
    db.select().from(targets).where(and(eq(targets.zoneId, zoneId), eq(targets.year, year), inArray(targets.indicatorId, ids))),
    db.select({ id: units.id, name: units.name, active: units.active }).from(units).where(eq(units.zoneId, zoneId)).orderBy(asc(units.sortOrder)),
    getSettings(db, zoneId),
  ]);
  const thresholds = { amber: Number(settings.amberPoints), red: Number(settings.redPoints) };
  const items = live.map((ind) => {
    const own = tgs.filter((t) => t.indicatorId === ind.id);
    const zoneT = own.find((t) => t.unitId === null);
    let value: string | null = null;
    let coverage: { reported: number; expected: number; missingUnitNames: string[] } | null = null;
    let floor: string | null = zoneT?.floor ?? null;
    let plan: string[] | null = zoneT?.monthlyPlan ?? null;
    if (ind.aggregation === 'zone_reported') {
      value = figs.find((f) => f.indicatorId === ind.id && f.unitId === null)?.value ?? null;
    } else {
      const owing = us.filter((u) => u.active && own.some((t) => t.unitId === u.id));
      const got = new Map(figs.filter((f) => f.indicatorId === ind.id && f.unitId !== null).map((f) => [f.unitId!, f.value]));
      const missing = owing.filter((u) => !got.has(u.id));
      coverage = { reported: owing.length - missing.length, expected: owing.length, missingUnitNames: missing.map((u) => u.name) };
      // Never a partial sum shown as a total.
      value = owing.length > 0 && missing.length === 0 ? sum(owing.map((u) => got.get(u.id)!)).toString() : null;
      if (!zoneT) {
        const parts = own.filter((t) => t.unitId !== null);
        floor = parts.length ? sum(parts.map((p) => p.floor)).toString() : null;
        plan = parts.length && parts.every((p) => p.monthlyPlan) ? Array.from({ length: 12 }, (_, i) => sum(parts.map((p) => p.monthlyPlan![i]!)).toString()) : null;
      }
    }
    const share = ind.higherIsBetter ? dekadExpectedShare(ref, plan ? 'plan' : ind.progressMode, plan ? { cumulative: plan } : null, floor) : null;
    const a = assessFigure({ actual: value, target: floor, expectedShare: share, decimals: ind.decimals, lowerIsBetter: !ind.higherIsBetter, thresholds });
    return {
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      measure: ind.measure,
      decimals: ind.decimals,
      value: a.actual,
      floor: a.target,
      completion: a.completion,
      expectedShare: a.expectedShare,
      gap: a.gap,
      status: a.status,
      coverage,
    };
  });
  return { ...ref, end: dekadEnd(ref.period, ref.dekad), thresholds: { amber: settings.amberPoints, red: settings.redPoints }, items };
}

/**
 * Units that have not reported a dekad: for each dekad indicator (manual, not a
 * ratio) the units with a target for it in the year, and the responsible unit of a
 * zone-reported one with a zone target, without a figure for that dekad.
 */
export async function missingDekadReports(db: ReadDb, zoneId: string, ref: DekadRef) {
  const year = Number(ref.period.slice(0, 4));
  const inds = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.zoneId, zoneId), eq(indicators.active, true), eq(indicators.rhythm, 'dekad'), eq(indicators.fillMethod, 'manual')));
  const live = inds.filter((i) => i.kind !== 'ratio');
  if (live.length === 0) return [];
  const ids = live.map((i) => i.id);
  const [tgs, figs, us] = await Promise.all([
    db.select({ indicatorId: targets.indicatorId, unitId: targets.unitId }).from(targets).where(and(eq(targets.zoneId, zoneId), eq(targets.year, year), inArray(targets.indicatorId, ids))),
    db.select({ indicatorId: dekadFigures.indicatorId, unitId: dekadFigures.unitId }).from(dekadFigures).where(and(eq(dekadFigures.zoneId, zoneId), eq(dekadFigures.period, ref.period), eq(dekadFigures.dekad, ref.dekad), inArray(dekadFigures.indicatorId, ids))),
    db.select({ id: units.id, name: units.name, active: units.active }).from(units).where(eq(units.zoneId, zoneId)).orderBy(asc(units.sortOrder)),
  ]);
  const have = new Set(figs.map((f) => key(f.indicatorId, f.unitId)));
  const owed = new Map<string, { owed: number; missing: number }>();
  const owe = (unitId: string, figKey: string) => {
    const o = owed.get(unitId) ?? { owed: 0, missing: 0 };
    o.owed++;
    if (!have.has(figKey)) o.missing++;
    owed.set(unitId, o);
  };
  for (const ind of live) {
    if (ind.aggregation === 'zone_reported') {
      if (ind.zoneUnitId && tgs.some((t) => t.indicatorId === ind.id && t.unitId === null)) owe(ind.zoneUnitId, key(ind.id, null));
    } else {
      for (const t of tgs) if (t.indicatorId === ind.id && t.unitId) owe(t.unitId, key(ind.id, t.unitId));
    }
  }
  return us
    .filter((u) => u.active && (owed.get(u.id)?.missing ?? 0) > 0)
    .map((u) => ({ unitId: u.id, unitName: u.name, ...owed.get(u.id)! }));
}
