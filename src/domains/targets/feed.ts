// Figures that come from elsewhere, so that nobody counts twice:
// - other domains of Gongjian (projects signed, enterprises added) call
//   `recordSystemFigure` inside their own transaction;
// - other systems (统计, 税务) post to the token-authenticated feed route, which
//   writes through the same service as a reporter (see ./tokens and ./routes).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { figures, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { AppError } from '../../shared/errors';
import { indicatorByCode, decimalString, periodString } from './catalogue';
import { isLocked } from './reporting';

const systemFigureInput = z.object({
  zoneId: z.uuid(),
  indicatorCode: z.string().min(1).max(40),
  unitId: z.uuid().nullable(),
  period: periodString,
  value: decimalString,
  prevYear: decimalString.nullable().optional(),
  source: z.string().trim().min(1).max(40),
});

/**
 * Upserts one figure as approved, marked system-filled with its source, audited.
 * In a locked month the change is recorded as a correction with the source as reason.
 */
export async function recordSystemFigure(
  tx: Tx,
  audit: Audit,
  input: {
    zoneId: string;
    indicatorCode: string;
    unitId: string | null /* null = zone level */;
    period: string /* 'YYYY-MM' */;
    value: string;
    prevYear?: string | null;
    source: string /* e.g. 'attraction', 'enterprises' */;
  },
): Promise<void> {
  const parsed = systemFigureInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation.failed', { fields: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  const v = parsed.data;
  const ind = await indicatorByCode(tx, v.zoneId, v.indicatorCode);
  if (ind.kind === 'ratio') throw new AppError('targets.derived', { name: ind.name });
  if (v.unitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, v.zoneId), eq(units.id, v.unitId)));
    if (!u) throw new AppError('not_found', { entity: 'unit' });
  }
  const locked = await isLocked(tx, v.zoneId, v.period);
  const where = and(
    eq(figures.zoneId, v.zoneId),
    eq(figures.indicatorId, ind.id),
    v.unitId ? eq(figures.unitId, v.unitId) : isNull(figures.unitId),
    eq(figures.period, v.period),
  );
  const [before] = await tx.select().from(figures).where(where);
  // A correction changes a figure that stood when the month was locked; a system
  // figure arriving for the first time is not one.
  const correction = locked && before !== undefined;
  const now = new Date();
  const values = {
    value: v.value,
    // Keep a previous-year figure someone entered when the system does not know it.
    prevYear: v.prevYear === undefined ? (before?.prevYear ?? null) : v.prevYear,
    state: 'approved' as const,
    returnReason: null,
    source: 'system' as const,
    sourceName: v.source,
    enteredBy: null,
    submittedAt: now,
    approvedBy: null,
    approvedAt: now,
    correctionReason: correction ? `系统更新（${v.source}）` : (before?.correctionReason ?? null),
    correctedAt: correction ? now : (before?.correctedAt ?? null),
    updatedAt: now,
  };
  const [after] = before
    ? await tx
        .update(figures)
        .set({ ...values, version: sql`${figures.version} + 1` })
        .where(eq(figures.id, before.id))
        .returning()
    : await tx.insert(figures).values({ ...values, zoneId: v.zoneId, indicatorId: ind.id, unitId: v.unitId, period: v.period }).returning();
  await audit({
    action: correction ? 'correct' : 'record',
    entity: 'figure',
    entityId: after!.id,
    unitId: v.unitId,
    before: before ?? null,
    after: { ...after, via: `system:${v.source}` },
  });
}
