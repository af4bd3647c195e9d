// Visits (走访): who went, when, what they found; appeals may be raised on a visit.
import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { enterprises, enterpriseVisits, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { authorize, type Actor } from '../../shared/policy';
import { loadEnterprise } from './register';

export const visitInput = z.object({
  enterpriseId: z.uuid(),
  visitedOn: isoDate,
  visitors: z.string().trim().min(1).max(200),
  unitId: z.uuid().nullable().optional(),
  findings: z.string().trim().max(4000).default(''),
});
export type VisitInput = z.infer<typeof visitInput>;

export async function createVisit(tx: Tx, audit: Audit, actor: Actor, input: VisitInput) {
  const e = await loadEnterprise(tx, actor.zoneId, input.enterpriseId);
  authorize(actor, 'enterprise.write', { unitId: e.unitId });
  const unitId = input.unitId ?? actor.unitId ?? null;
  if (unitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, actor.zoneId), eq(units.id, unitId)));
    if (!u) throw new AppError('not_found', { entity: 'unit' });
  }
  const [row] = await tx
    .insert(enterpriseVisits)
    .values({ zoneId: actor.zoneId, enterpriseId: e.id, visitedOn: input.visitedOn, visitors: input.visitors, unitId, findings: input.findings, createdBy: actor.userId })
    .returning();
  await audit({ action: 'create', entity: 'enterprise.visit', entityId: row!.id, unitId: e.unitId, after: row });
  return row!;
}

export async function listVisits(db: ReadDb, zoneId: string, f: PageQuery & { enterpriseId?: string }) {
  const where = and(eq(enterpriseVisits.zoneId, zoneId), f.enterpriseId ? eq(enterpriseVisits.enterpriseId, f.enterpriseId) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({ v: enterpriseVisits, enterpriseName: enterprises.name, unitName: units.name })
      .from(enterpriseVisits)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseVisits.enterpriseId))
      .leftJoin(units, eq(units.id, enterpriseVisits.unitId))
      .where(where)
      .orderBy(desc(enterpriseVisits.visitedOn), desc(enterpriseVisits.createdAt))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(enterpriseVisits).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.v, enterpriseName: r.enterpriseName, unitName: r.unitName })), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}
