// Units of a zone: towns, sub-districts, departments, state companies, areas.
// `rankingGroup` keeps towns/sub-districts apart from departments in rankings.
import { and, asc, count, eq, ilike, max, or } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { memberships, unitKinds, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { AppError } from '../../shared/errors';
import { checkVersion, patchOf } from '../../shared/input';
import { offsetOf, paged, type PageQuery } from '../../shared/pagination';

export const unitInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, - or _'),
  name: z.string().trim().min(1).max(60),
  kind: z.enum(unitKinds),
  rankingGroup: z.string().trim().min(1).max(30).optional(),
  /** Left out, the unit goes last: ten after the zone's highest order. */
  sortOrder: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().default(true),
});
export type UnitInput = z.infer<typeof unitInput>;
export const unitPatch = patchOf(unitInput);
export type UnitPatch = z.infer<typeof unitPatch>;

/** Towns and sub-districts compete with each other; departments and the rest with theirs. */
export const defaultRankingGroup = (kind: UnitInput['kind']) =>
  kind === 'town' || kind === 'subdistrict' ? 'territorial' : 'functional';

export async function listUnits(db: ReadDb, zoneId: string, q: PageQuery & { search?: string; kind?: string }) {
  const where = and(
    eq(units.zoneId, zoneId),
    q.kind ? eq(units.kind, q.kind as UnitInput['kind']) : undefined,
    q.search ? or(ilike(units.name, `%${q.search}%`), ilike(units.code, `%${q.search}%`)) : undefined,
  );
  return paged(
    q,
    db.select().from(units).where(where).orderBy(asc(units.sortOrder), asc(units.name)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(units).where(where),
  );
}

async function assertUnique(tx: Tx, zoneId: string, input: Partial<UnitInput>, exceptId?: string) {
  for (const field of ['code', 'name'] as const) {
    const value = input[field];
    if (!value) continue;
    const [hit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zoneId), eq(units[field], value)));
    if (hit && hit.id !== exceptId) throw new AppError('conflict.duplicate', { entity: 'unit', value });
  }
}

async function nextSortOrder(tx: Tx, zoneId: string): Promise<number> {
  const [row] = await tx.select({ top: max(units.sortOrder) }).from(units).where(eq(units.zoneId, zoneId));
  return Math.min((row?.top ?? 0) + 10, 100000);
}

export async function createUnit(tx: Tx, audit: Audit, zoneId: string, input: UnitInput) {
  await assertUnique(tx, zoneId, input);
  const sortOrder = input.sortOrder ?? (await nextSortOrder(tx, zoneId));
  const [row] = await tx
    .insert(units)
    .values({ ...input, sortOrder, zoneId, rankingGroup: input.rankingGroup ?? defaultRankingGroup(input.kind) })
    .returning();
  await audit({ action: 'create', entity: 'unit', entityId: row!.id, unitId: row!.id, after: row });
  return row!;
}

export async function updateUnit(tx: Tx, audit: Audit, zoneId: string, id: string, patch: UnitPatch) {
  const [before] = await tx.select().from(units).where(and(eq(units.id, id), eq(units.zoneId, zoneId)));
  if (!before) throw new AppError('not_found', { entity: 'unit' });
  checkVersion(patch.version, before.version);
  await assertUnique(tx, zoneId, patch, id);
  const [after] = await tx
    .update(units)
    .set({ ...patch, version: before.version + 1 })
    .where(and(eq(units.id, id), eq(units.version, before.version)))
    .returning();
  if (!after) throw new AppError('conflict.stale');
  await audit({ action: 'update', entity: 'unit', entityId: id, unitId: id, before, after });
  return after!;
}

export async function deleteUnit(tx: Tx, audit: Audit, zoneId: string, id: string) {
  const [before] = await tx.select().from(units).where(and(eq(units.id, id), eq(units.zoneId, zoneId)));
  if (!before) throw new AppError('not_found', { entity: 'unit' });
  const [used] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.unitId, id));
  if ((used?.n ?? 0) > 0) throw new AppError('conflict.in_use', { entity: before.name });
  try {
    await tx.delete(units).where(eq(units.id, id));
  } catch {
    // Referenced by records of a later domain: keep it, deactivate instead.
    throw new AppError('conflict.in_use', { entity: before.name });
  }
  await audit({ action: 'delete', entity: 'unit', entityId: id, before });
}
