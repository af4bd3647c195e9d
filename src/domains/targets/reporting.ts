// Monthly reporting (填报 → 审核 → 锁定): a unit's reporter enters year-to-date
// figures with the same period last year; the supervisor approves or returns
// them and locks a published month; changes after the lock are corrections.
// Feeds (API tokens) and other domains (recordSystemFigure) write through here too.
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable, ReadDb, Tx } from '../../db/client';
import { figures, indicators, periodLocks, targets, units, type FigureState, type FillMethod, type IndicatorKind } from '../../db/schema';
import type { Audit } from '../../server/context';
import { AppError } from '../../shared/errors';
import { checkVersion } from '../../shared/input';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { periodEnd } from './progress';
import { decimalString, periodString } from './catalogue';
import { unitsNotApproved } from './completeness';
import { assertSubmittable, notifyReturned } from './reportChecks';

export const figureRowInput = z.object({
  indicatorId: z.uuid(),
  value: decimalString,
  prevYear: decimalString.nullable().default(null),
  note: z.string().trim().max(500).default(''),
  fileIds: z.array(z.uuid()).max(10).default([]),
});
export type FigureRowInput = z.infer<typeof figureRowInput>;

export const saveFiguresInput = z.object({
  /** The reporting unit. Rows of indicators it reports for the whole zone are stored as zone figures. */
  unitId: z.uuid(),
  period: periodString,
  rows: z.array(figureRowInput).min(1).max(500),
  submit: z.boolean().default(false),
});
export type SaveFiguresInput = z.infer<typeof saveFiguresInput>;

export type Figure = typeof figures.$inferSelect;

/** Who writes: a signed-in user, a feed token, or another domain of the system. */
export interface Writer {
  zoneId: string;
  userId: string | null;
  /** May this writer enter figures for this unit? Throws when not. */
  authorizeUnit(unitId: string): void;
  /** Supervisors correct locked months (with a reason); reporters may not. */
  mayCorrect: boolean;
  source: FillMethod;
  sourceName?: string | null;
}

export const STATE_ZH: Record<FigureState, string> = { draft: '草稿', submitted: '已报送', approved: '已审核', returned: '已退回' };
const STATE_EN: Record<FigureState, string> = { draft: 'a draft', submitted: 'submitted', approved: 'approved', returned: 'returned' };
const stateText = (s: FigureState) => ({ zh: STATE_ZH[s], en: STATE_EN[s] });

const unitKey = (unitId: string | null) => unitId ?? 'zone';
const figureKey = (indicatorId: string, unitId: string | null) => `${indicatorId}|${unitKey(unitId)}`;

export async function isLocked(db: ReadDb | Queryable, zoneId: string, period: string): Promise<boolean> {
  const [row] = await db.select({ id: periodLocks.id }).from(periodLocks).where(and(eq(periodLocks.zoneId, zoneId), eq(periodLocks.period, period)));
  return Boolean(row);
}

/** A month can be reported from its last day on (China time). */
export function assertPeriodEnded(period: string, todayIso: string) {
  if (periodEnd(period) > todayIso) throw new AppError('targets.period_future', { period });
}

/**
 * Saves a unit's figures for a month as drafts (or submits them). All rows or
 * none: any refused row refuses the whole batch.
 */
export async function saveFigures(
  tx: Tx,
  audit: Audit,
  who: Writer,
  input: SaveFiguresInput,
  opts: { todayIso: string; state?: FigureState; correctionReason?: string | null; demo?: boolean },
): Promise<Figure[]> {
  who.authorizeUnit(input.unitId);
  assertPeriodEnded(input.period, opts.todayIso);
  const [unit] = await tx.select().from(units).where(and(eq(units.zoneId, who.zoneId), eq(units.id, input.unitId)));
  if (!unit) throw new AppError('not_found', { entity: 'unit' });
  const ids = [...new Set(input.rows.map((r) => r.indicatorId))];
  if (ids.length !== input.rows.length) throw new AppError('validation.failed', { fields: 'rows: one row per indicator' });
  const inds = await tx.select().from(indicators).where(and(eq(indicators.zoneId, who.zoneId), inArray(indicators.id, ids)));
  const byId = new Map(inds.map((i) => [i.id, i]));
  const placed = [];
  for (const row of input.rows) {
    const ind = byId.get(row.indicatorId);
    if (!ind) throw new AppError('not_found', { entity: 'indicator' });
    if (ind.kind === 'ratio') throw new AppError('targets.derived', { name: ind.name });
    // Counted from the register and 招商 (feeds/): only a supervisor's correction may touch it.
    if (ind.fillMethod === 'system' && !who.mayCorrect) throw new AppError('targets.system_filled', { name: ind.name });
    if (ind.aggregation === 'zone_reported' && ind.zoneUnitId !== input.unitId) {
      const [owner] = ind.zoneUnitId ? await tx.select({ name: units.name }).from(units).where(eq(units.id, ind.zoneUnitId)) : [];
      throw new AppError('targets.zone_level', { name: ind.name, unit: owner?.name ?? '—' });
    }
    placed.push({ row, ind, unitId: ind.aggregation === 'zone_reported' ? null : input.unitId });
  }
  const locked = await isLocked(tx, who.zoneId, input.period);
  const correction = opts.correctionReason?.trim() || null;
  if (locked && !who.mayCorrect) throw new AppError('targets.period_locked', { period: input.period });
  if (locked && !correction) throw new AppError('targets.correction_reason', { period: input.period });

  const existing = await tx
    .select()
    .from(figures)
    .where(
      and(
        eq(figures.zoneId, who.zoneId),
        eq(figures.period, input.period),
        inArray(figures.indicatorId, ids),
        or(eq(figures.unitId, input.unitId), isNull(figures.unitId)),
      ),
    );
  const before = new Map(existing.map((f) => [figureKey(f.indicatorId, f.unitId), f]));
  const state: FigureState = opts.state ?? (input.submit ? 'submitted' : 'draft');
  // A clerk's submission passes the reporting checks (a drop or a big move needs a note).
  if (state === 'submitted' && who.source === 'manual' && !who.mayCorrect) {
    await assertSubmittable(tx, who.zoneId, input.period, placed.map(({ row, ind, unitId }) => ({ ind, unitId, value: row.value, prevYear: row.prevYear, note: row.note })));
  }
  const now = new Date();
  const out: Figure[] = [];
  const fresh: (typeof figures.$inferInsert)[] = [];
  for (const { row, ind, unitId } of placed) {
    const prev = before.get(figureKey(ind.id, unitId));
    // A reporter cannot overwrite an approved figure: the supervisor returns it first.
    if (prev && prev.state === 'approved' && state !== 'approved') {
      throw new AppError('targets.state', { name: ind.name, state: stateText(prev.state), action: { zh: '修改', en: 'change it' } });
    }
    const values = {
      value: row.value,
      prevYear: row.prevYear,
      note: row.note,
      fileIds: row.fileIds,
      state,
      returnReason: null,
      source: who.source,
      sourceName: who.sourceName ?? null,
      enteredBy: who.userId,
      submittedAt: state === 'draft' ? null : now,
      approvedBy: state === 'approved' ? who.userId : null,
      approvedAt: state === 'approved' ? now : null,
      correctionReason: locked ? correction : (prev?.correctionReason ?? null),
      correctedAt: locked ? now : (prev?.correctedAt ?? null),
      demo: opts.demo ?? false,
      updatedAt: now,
    };
    if (prev) {
      const [after] = await tx
        .update(figures)
        .set({ ...values, version: sql`${figures.version} + 1` })
        .where(eq(figures.id, prev.id))
        .returning();
      out.push(after!);
    } else {
      fresh.push({ ...values, zoneId: who.zoneId, indicatorId: ind.id, unitId, period: input.period });
    }
  }
  // New figures go in with one statement.
  if (fresh.length) out.push(...(await tx.insert(figures).values(fresh).returning()));
  await audit({
    action: locked ? 'correct' : state === 'approved' ? 'record' : input.submit ? 'submit' : 'save',
    entity: 'figures',
    entityId: `${input.period}:${unit.code}`,
    unitId: input.unitId,
    before: existing.length ? existing.map(brief) : null,
    after: { via: who.sourceName ?? who.source, correction, rows: out.map(brief) },
  });
  return out;
}

function brief(f: Figure) {
  return { id: f.id, indicatorId: f.indicatorId, unitId: f.unitId, period: f.period, value: f.value, prevYear: f.prevYear, state: f.state };
}

/** The figures a unit has in a month: its own and the zone figures it reports. */
async function unitScopeFigures(tx: Queryable, zoneId: string, unitId: string, period: string) {
  return tx
    .select({ f: figures, zoneUnitId: indicators.zoneUnitId, name: indicators.name, ind: indicators })
    .from(figures)
    .innerJoin(indicators, eq(indicators.id, figures.indicatorId))
    .where(
      and(
        eq(figures.zoneId, zoneId),
        eq(figures.period, period),
        or(eq(figures.unitId, unitId), and(isNull(figures.unitId), eq(indicators.zoneUnitId, unitId))),
      ),
    );
}

/** Submits every draft or returned figure of the unit for the month. */
export async function submitUnit(tx: Tx, audit: Audit, who: Writer, unitId: string, period: string) {
  who.authorizeUnit(unitId);
  if (await isLocked(tx, who.zoneId, period)) throw new AppError('targets.period_locked', { period });
  const rows = (await unitScopeFigures(tx, who.zoneId, unitId, period)).filter((r) => r.f.state === 'draft' || r.f.state === 'returned');
  if (rows.length === 0) throw new AppError('targets.nothing', { action: '报送' });
  await assertSubmittable(tx, who.zoneId, period, rows.map((r) => ({ ind: r.ind, unitId: r.f.unitId, value: r.f.value, prevYear: r.f.prevYear, note: r.f.note })));
  const ids = rows.map((r) => r.f.id);
  await tx
    .update(figures)
    .set({ state: 'submitted', submittedAt: new Date(), returnReason: null, version: sql`${figures.version} + 1` })
    .where(inArray(figures.id, ids));
  await audit({ action: 'submit', entity: 'figures', entityId: `${period}`, unitId, after: { ids } });
  return ids.length;
}

/** Approves or returns submitted figures (supervisor). */
export async function reviewFigures(
  tx: Tx,
  audit: Audit,
  actor: { zoneId: string; userId: string },
  input: { figures: { id: string; version: number }[]; decision: 'approve' | 'return'; reason?: string | null },
  day?: string,
) {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'return' && !reason) throw new AppError('targets.return_reason');
  const ids = input.figures.map((f) => f.id);
  const seen = new Map(input.figures.map((f) => [f.id, f.version]));
  const rows = await tx
    .select({ f: figures, name: indicators.name, zoneUnitId: indicators.zoneUnitId })
    .from(figures)
    .innerJoin(indicators, eq(indicators.id, figures.indicatorId))
    .where(and(eq(figures.zoneId, actor.zoneId), inArray(figures.id, ids)))
    .for('update', { of: figures });
  if (rows.length !== seen.size) throw new AppError('not_found', { entity: 'figure' });
  for (const r of rows) {
    // The supervisor judges the value they read: one changed since is refused, not approved unseen.
    checkVersion(seen.get(r.f.id)!, r.f.version);
    // Approving takes a submitted figure; returning also reopens an approved one, until the month is locked.
    const returnable = input.decision === 'return' && r.f.state === 'approved';
    if (returnable && (await isLocked(tx, actor.zoneId, r.f.period))) throw new AppError('targets.period_locked', { period: r.f.period });
    if (r.f.state !== 'submitted' && !returnable) {
      throw new AppError('targets.state', {
        name: r.name,
        state: stateText(r.f.state),
        action: input.decision === 'approve' ? { zh: '审核通过', en: 'approve it' } : { zh: '退回', en: 'return it' },
      });
    }
  }
  const now = new Date();
  await tx
    .update(figures)
    .set(
      input.decision === 'approve'
        ? { state: 'approved', approvedBy: actor.userId, approvedAt: now, version: sql`${figures.version} + 1` }
        : { state: 'returned', returnReason: reason, version: sql`${figures.version} + 1` },
    )
    .where(inArray(figures.id, ids));
  for (const r of rows) {
    await audit({
      action: input.decision,
      entity: 'figure',
      entityId: r.f.id,
      unitId: r.f.unitId,
      before: brief(r.f),
      after: { state: input.decision === 'approve' ? 'approved' : 'returned', reason },
    });
  }
  if (input.decision === 'return') await notifyReturned(tx, actor.zoneId, rows, reason!, day);
  return rows.length;
}

export const lockInput = z.object({
  /** Lock although units have not all been approved (they are named in the 409 that asks for this). */
  confirmMissing: z.boolean().default(false),
  reason: z.string().trim().max(500).default(''),
});

export async function lockPeriod(tx: Tx, audit: Audit, actor: { zoneId: string; userId: string }, period: string, todayIso: string, confirm: z.infer<typeof lockInput> = { confirmMissing: false, reason: '' }) {
  assertPeriodEnded(period, todayIso);
  if (await isLocked(tx, actor.zoneId, period)) throw new AppError('conflict.duplicate', { entity: 'lock', value: period });
  // Publishing a month with units missing is a decision: named, confirmed and explained.
  const missing = await unitsNotApproved(tx, actor.zoneId, period);
  if (missing.length && !(confirm.confirmMissing && confirm.reason)) {
    throw new AppError('targets.lock_missing_units', { period, count: missing.length, units: missing.map((u) => u.unitName).join('、') });
  }
  const [pending] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(figures)
    .where(and(eq(figures.zoneId, actor.zoneId), eq(figures.period, period), eq(figures.state, 'submitted')));
  const [row] = await tx.insert(periodLocks).values({ zoneId: actor.zoneId, period, lockedBy: actor.userId }).returning();
  const incomplete = missing.length ? { missingUnits: missing.map((u) => u.unitName), reason: confirm.reason } : {};
  await audit({ action: 'lock', entity: 'period', entityId: period, after: { ...row, pendingReview: pending?.n ?? 0, ...incomplete } });
  return row!;
}

// ---------------------------------------------------------------- reads

export type FormRow = {
  indicatorId: string;
  code: string;
  name: string;
  measure: string;
  kind: IndicatorKind;
  decimals: number;
  fillMethod: FillMethod;
  level: 'unit' | 'zone';
  floor: string | null;
  stretch: string | null;
  figure: {
    id: string;
    value: string;
    prevYear: string | null;
    note: string;
    fileIds: string[];
    state: FigureState;
    returnReason: string | null;
    source: FillMethod;
    sourceName: string | null;
    correctionReason: string | null;
    updatedAt: Date;
  } | null;
};

/**
 * A unit's reporting form for a month: the indicators it reports (those it has a
 * target for in the year, or a figure already) and the zone figures it is
 * responsible for, each with its current figure.
 */
export async function reportForm(db: ReadDb, zoneId: string, unitId: string, period: string) {
  const year = Number(period.slice(0, 4));
  const [inds, tgs, figs, locked] = await Promise.all([
    db.select().from(indicators).where(and(eq(indicators.zoneId, zoneId), eq(indicators.active, true))).orderBy(asc(indicators.sortOrder), asc(indicators.code)),
    db.select().from(targets).where(and(eq(targets.zoneId, zoneId), eq(targets.year, year), or(eq(targets.unitId, unitId), isNull(targets.unitId)))),
    unitScopeFigures(db as Queryable, zoneId, unitId, period),
    isLocked(db, zoneId, period),
  ]);
  const tgt = new Map(tgs.map((t) => [figureKey(t.indicatorId, t.unitId), t]));
  const fig = new Map(figs.map((r) => [figureKey(r.f.indicatorId, r.f.unitId), r.f]));
  const rows: FormRow[] = [];
  for (const ind of inds) {
    if (ind.kind === 'ratio') continue;
    let level: 'unit' | 'zone' | null = null;
    if (ind.aggregation === 'zone_reported' && ind.zoneUnitId === unitId) level = 'zone';
    else if (ind.aggregation === 'sum' && (tgt.has(figureKey(ind.id, unitId)) || fig.has(figureKey(ind.id, unitId)))) level = 'unit';
    if (!level) continue;
    const key = figureKey(ind.id, level === 'zone' ? null : unitId);
    const t = tgt.get(key);
    const f = fig.get(key);
    rows.push({
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      measure: ind.measure,
      kind: ind.kind,
      decimals: ind.decimals,
      fillMethod: ind.fillMethod,
      level,
      floor: t?.floor ?? null,
      stretch: t?.stretch ?? null,
      figure: f
        ? {
            id: f.id,
            value: f.value,
            prevYear: f.prevYear,
            note: f.note,
            fileIds: f.fileIds,
            state: f.state,
            returnReason: f.returnReason,
            source: f.source,
            sourceName: f.sourceName,
            correctionReason: f.correctionReason,
            updatedAt: f.updatedAt,
          }
        : null,
    });
  }
  return { unitId, period, locked, rows };
}

/** Figures awaiting or past review, for the supervisor (paginated). */
export async function listFigures(
  db: ReadDb,
  zoneId: string,
  q: PageQuery & { period: string; state?: FigureState; unitId?: string; indicatorId?: string },
) {
  const where = and(
    eq(figures.zoneId, zoneId),
    eq(figures.period, q.period),
    q.state ? eq(figures.state, q.state) : undefined,
    q.unitId ? or(eq(figures.unitId, q.unitId), and(isNull(figures.unitId), eq(indicators.zoneUnitId, q.unitId))) : undefined,
    q.indicatorId ? eq(figures.indicatorId, q.indicatorId) : undefined,
  );
  const reporting = sql<string | null>`coalesce(${figures.unitId}, ${indicators.zoneUnitId})`;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: figures.id,
        period: figures.period,
        indicatorId: figures.indicatorId,
        indicatorCode: indicators.code,
        indicatorName: indicators.name,
        measure: indicators.measure,
        decimals: indicators.decimals,
        unitId: figures.unitId,
        reportingUnitId: reporting,
        unitName: sql<string | null>`(SELECT name FROM units WHERE id = ${reporting})`,
        value: figures.value,
        prevYear: figures.prevYear,
        note: figures.note,
        state: figures.state,
        returnReason: figures.returnReason,
        source: figures.source,
        sourceName: figures.sourceName,
        correctionReason: figures.correctionReason,
        updatedAt: figures.updatedAt,
        version: figures.version,
      })
      .from(figures)
      .innerJoin(indicators, eq(indicators.id, figures.indicatorId))
      .where(where)
      .orderBy(asc(indicators.sortOrder), asc(indicators.code), sql`${reporting} NULLS FIRST`)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(figures)
      .innerJoin(indicators, eq(indicators.id, figures.indicatorId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/**
 * Units that still owe figures for a month: every unit with a target for an
 * indicator (or responsible for a zone figure) whose figure is missing or not yet
 * submitted.
 */
export async function missingReports(db: ReadDb | Queryable, zoneId: string, period: string) {
  const year = Number(period.slice(0, 4));
  const rows = await db.execute<{ unit_id: string; unit_name: string; unit_code: string; owed: number; missing: number }>(sql`
    WITH owed AS (
      SELECT t.unit_id, t.indicator_id, t.unit_id AS fig_unit
        FROM targets t JOIN indicators i ON i.id = t.indicator_id
       WHERE t.zone_id = ${zoneId} AND t.year = ${year} AND t.unit_id IS NOT NULL
         AND i.active AND i.kind <> 'ratio' AND i.aggregation = 'sum' AND i.fill_method = 'manual'
      UNION
      SELECT i.zone_unit_id, i.id, NULL::uuid
        FROM indicators i
       WHERE i.zone_id = ${zoneId} AND i.active AND i.kind <> 'ratio' AND i.aggregation = 'zone_reported'
         AND i.zone_unit_id IS NOT NULL AND i.fill_method = 'manual'
         AND EXISTS (SELECT 1 FROM targets z WHERE z.indicator_id = i.id AND z.unit_id IS NULL AND z.year = ${year})
    )
    SELECT u.id AS unit_id, u.name AS unit_name, u.code AS unit_code, count(*)::int AS owed,
           count(*) FILTER (WHERE f.id IS NULL OR f.state IN ('draft','returned'))::int AS missing
      FROM owed o
      JOIN units u ON u.id = o.unit_id
      LEFT JOIN figures f ON f.zone_id = ${zoneId} AND f.period = ${period} AND f.indicator_id = o.indicator_id
                         AND f.unit_id IS NOT DISTINCT FROM o.fig_unit
     GROUP BY u.id, u.name, u.code, u.sort_order
    HAVING count(*) FILTER (WHERE f.id IS NULL OR f.state IN ('draft','returned')) > 0
     ORDER BY u.sort_order`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: typeof rows }).rows;
  return (list as unknown as { unit_id: string; unit_name: string; unit_code: string; owed: number; missing: number }[]).map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitCode: r.unit_code,
    owed: r.owed,
    missing: r.missing,
  }));
}
