// Cultivation pools (梯度培育库): entry rules on figures and tags suggest
// candidates; a supervisor adds members; each member's progress towards the
// pool's next tier is measured on the year's figures.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { cultivationPools, enterpriseFigures, enterprises, enterpriseTags, poolMembers, units, type EnterpriseTag } from '../../db/schema';
import type { Audit } from '../../server/context';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import type { Actor } from '../../shared/policy';
import { loadEnterprise, tagsHeld } from './register';
import { goalProgress, matchesRules, type Snapshot } from './rules';
import { checkVersion, decimalInput, patchOf } from '../../shared/input';

const amount = decimalInput({ places: 2, digits: 16, message: 'an amount in 万元' });
export const poolRules = z.object({
  minOutput: amount.optional(),
  maxOutput: amount.optional(),
  minTax: amount.optional(),
  minEmployees: z.number().int().min(0).optional(),
  allTags: z.array(z.enum(enterpriseTags)).max(12).optional(),
  noneTags: z.array(z.enum(enterpriseTags)).max(12).optional(),
});
export const poolGoal = z.object({ output: amount.optional(), tag: z.enum(enterpriseTags).optional() });
export const poolInput = z.object({
  code: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - or _'),
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).default(''),
  rules: poolRules.default({}),
  goal: poolGoal.default({}),
  sortOrder: z.number().int().min(0).max(10000).default(0),
});
export type PoolInput = z.infer<typeof poolInput>;
export const poolPatch = patchOf(poolInput);

export interface EnterpriseSnapshot extends Snapshot {
  id: string;
  name: string;
  unitName: string;
  chain: string;
}

/** Every enterprise of the zone with the year's figures and the tags held on `on`. */
export async function zoneSnapshots(db: ReadDb | Tx, zoneId: string, year: number, on: string, ids?: string[]): Promise<EnterpriseSnapshot[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name, chain: enterprises.chain, unitName: units.name, fig: enterpriseFigures })
    .from(enterprises)
    .innerJoin(units, eq(units.id, enterprises.unitId))
    .leftJoin(enterpriseFigures, and(eq(enterpriseFigures.enterpriseId, enterprises.id), eq(enterpriseFigures.year, year)))
    .where(and(eq(enterprises.zoneId, zoneId), ids ? inArray(enterprises.id, ids) : undefined));
  const tags = await tagsHeld(db, rows.map((r) => r.id), on);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    chain: r.chain,
    unitName: r.unitName,
    outputValue: r.fig?.outputValue ?? null,
    tax: r.fig?.tax ?? null,
    employees: r.fig?.employees ?? null,
    tags: tags.get(r.id) ?? ([] as EnterpriseTag[]),
  }));
}

async function loadPool(db: ReadDb | Tx, zoneId: string, id: string) {
  const [pool] = await db.select().from(cultivationPools).where(and(eq(cultivationPools.zoneId, zoneId), eq(cultivationPools.id, id)));
  if (!pool) throw new AppError('not_found', { entity: 'pool' });
  return pool;
}

export async function listPools(db: ReadDb, zoneId: string, year: number, on: string) {
  const [pools, counts, snaps] = await Promise.all([
    db.select().from(cultivationPools).where(eq(cultivationPools.zoneId, zoneId)).orderBy(asc(cultivationPools.sortOrder), asc(cultivationPools.name)),
    db.select({ poolId: poolMembers.poolId, n: count() }).from(poolMembers).where(eq(poolMembers.zoneId, zoneId)).groupBy(poolMembers.poolId),
    zoneSnapshots(db, zoneId, year, on),
  ]);
  const members = await db.select({ poolId: poolMembers.poolId, enterpriseId: poolMembers.enterpriseId }).from(poolMembers).where(eq(poolMembers.zoneId, zoneId));
  const byId = new Map(snaps.map((s) => [s.id, s]));
  return pools.map((p) => {
    const mine = members.filter((m) => m.poolId === p.id);
    const memberIds = new Set(mine.map((m) => m.enterpriseId));
    const reached = mine.filter((m) => {
      const s = byId.get(m.enterpriseId);
      return s ? goalProgress(s, p.goal).reached : false;
    }).length;
    return {
      ...p,
      members: counts.find((c) => c.poolId === p.id)?.n ?? 0,
      candidates: snaps.filter((s) => !memberIds.has(s.id) && matchesRules(s, p.rules)).length,
      reached,
    };
  });
}

export async function poolDetail(db: ReadDb, zoneId: string, id: string, year: number, on: string) {
  const pool = await loadPool(db, zoneId, id);
  const [members, snaps] = await Promise.all([
    db.select().from(poolMembers).where(eq(poolMembers.poolId, id)),
    zoneSnapshots(db, zoneId, year, on),
  ]);
  const byId = new Map(snaps.map((s) => [s.id, s]));
  const memberIds = new Set(members.map((m) => m.enterpriseId));
  const rows = members
    .map((m) => {
      const s = byId.get(m.enterpriseId)!;
      return { ...s, addedOn: m.addedOn, note: m.note, meetsRules: matchesRules(s, pool.rules), progress: goalProgress(s, pool.goal) };
    })
    .sort((a, b) => Number(b.progress.percent ?? -1) - Number(a.progress.percent ?? -1) || a.name.localeCompare(b.name, 'zh'));
  const candidates = snaps
    .filter((s) => !memberIds.has(s.id) && matchesRules(s, pool.rules))
    .map((s) => ({ ...s, progress: goalProgress(s, pool.goal) }))
    .sort((a, b) => Number(b.outputValue ?? -1) - Number(a.outputValue ?? -1));
  return { pool, year, members: rows, candidates };
}

export async function createPool(tx: Tx, audit: Audit, actor: Actor, input: PoolInput) {
  const [dup] = await tx.select({ id: cultivationPools.id }).from(cultivationPools).where(and(eq(cultivationPools.zoneId, actor.zoneId), eq(cultivationPools.code, input.code)));
  if (dup) throw new AppError('conflict.duplicate', { entity: 'pool', value: input.code });
  const [row] = await tx.insert(cultivationPools).values({ ...input, zoneId: actor.zoneId }).returning();
  await audit({ action: 'create', entity: 'enterprise.pool', entityId: row!.id, after: row });
  return row!;
}

export async function updatePool(tx: Tx, audit: Audit, actor: Actor, id: string, patch: z.infer<typeof poolPatch>) {
  const before = await loadPool(tx, actor.zoneId, id);
  checkVersion(patch.version, before.version);
  if (patch.code && patch.code !== before.code) {
    const [dup] = await tx.select({ id: cultivationPools.id }).from(cultivationPools).where(and(eq(cultivationPools.zoneId, actor.zoneId), eq(cultivationPools.code, patch.code)));
    if (dup) throw new AppError('conflict.duplicate', { entity: 'pool', value: patch.code });
  }
  const [after] = await tx
    .update(cultivationPools)
    .set({ ...patch, version: before.version + 1 })
    .where(and(eq(cultivationPools.id, id), eq(cultivationPools.version, before.version)))
    .returning();
  if (!after) throw new AppError('conflict.stale');
  await audit({ action: 'update', entity: 'enterprise.pool', entityId: id, before, after });
  return after!;
}

export const memberInput = z.object({ enterpriseId: z.uuid(), addedOn: isoDate, note: z.string().trim().max(500).default('') });

export async function addMember(tx: Tx, audit: Audit, actor: Actor, poolId: string, input: z.infer<typeof memberInput>) {
  await loadPool(tx, actor.zoneId, poolId);
  const e = await loadEnterprise(tx, actor.zoneId, input.enterpriseId);
  const [dup] = await tx.select({ id: poolMembers.id }).from(poolMembers).where(and(eq(poolMembers.poolId, poolId), eq(poolMembers.enterpriseId, e.id)));
  if (dup) throw new AppError('conflict.duplicate', { entity: 'pool member', value: e.name });
  const [row] = await tx.insert(poolMembers).values({ zoneId: actor.zoneId, poolId, enterpriseId: e.id, addedOn: input.addedOn, note: input.note, addedBy: actor.userId }).returning();
  await audit({ action: 'create', entity: 'enterprise.pool_member', entityId: row!.id, unitId: e.unitId, after: row });
  return row!;
}

export async function removeMember(tx: Tx, audit: Audit, actor: Actor, poolId: string, enterpriseId: string) {
  await loadPool(tx, actor.zoneId, poolId);
  const [before] = await tx.delete(poolMembers).where(and(eq(poolMembers.poolId, poolId), eq(poolMembers.enterpriseId, enterpriseId), eq(poolMembers.zoneId, actor.zoneId))).returning();
  if (!before) throw new AppError('enterprises.not_member');
  await audit({ action: 'delete', entity: 'enterprise.pool_member', entityId: before.id, before });
}

/** The pools an enterprise belongs to, for its page. */
export async function poolsOf(db: ReadDb, enterpriseId: string) {
  return db
    .select({ id: cultivationPools.id, name: cultivationPools.name, addedOn: poolMembers.addedOn })
    .from(poolMembers)
    .innerJoin(cultivationPools, eq(cultivationPools.id, poolMembers.poolId))
    .where(eq(poolMembers.enterpriseId, enterpriseId))
    .orderBy(asc(cultivationPools.sortOrder));
}
