// 攻坚行动: a time-boxed push ("冲刺100天、奋力保全年") with a subset of
// indicators and a list of projects and tasks. Projects and tasks belong to
// other domains: membership is generic (type + id); what exists is read live.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { campaignIndicators, campaignItems, campaigns, campaignItemTypes, hazards, indicators } from '../../db/schema';
import type { Audit } from '../../server/context';
import { isoDate } from '../../shared/http';
import { AppError } from '../../shared/errors';
import { checkVersion, stillCurrent, version } from '../../shared/input';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { campaignClock } from './clock';

export const campaignItemInput = z.object({
  itemType: z.enum(campaignItemTypes),
  itemId: z.uuid(),
  title: z.string().trim().min(1).max(200),
});
export const campaignInput = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(2000).default(''),
  startDate: isoDate,
  endDate: isoDate,
  indicatorIds: z.array(z.uuid()).max(200).default([]),
  items: z.array(campaignItemInput).max(500).default([]),
});
export type CampaignInput = z.infer<typeof campaignInput>;
/** A change carries the version the user read (a stale one is refused). */
export const campaignUpdate = campaignInput.extend({ version });

async function setMembers(tx: Tx, zoneId: string, campaignId: string, input: Pick<CampaignInput, 'indicatorIds' | 'items'>) {
  const ids = [...new Set(input.indicatorIds)];
  if (ids.length) {
    const found = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.zoneId, zoneId), inArray(indicators.id, ids)));
    if (found.length !== ids.length) throw new AppError('not_found', { entity: 'indicator' });
  }
  await tx.delete(campaignIndicators).where(eq(campaignIndicators.campaignId, campaignId));
  await tx.delete(campaignItems).where(eq(campaignItems.campaignId, campaignId));
  if (ids.length) await tx.insert(campaignIndicators).values(ids.map((indicatorId) => ({ zoneId, campaignId, indicatorId })));
  const seen = new Set<string>();
  const items = input.items.filter((i) => !seen.has(`${i.itemType}:${i.itemId}`) && seen.add(`${i.itemType}:${i.itemId}`));
  await assertItemsInZone(tx, zoneId, items);
  if (items.length) await tx.insert(campaignItems).values(items.map((i) => ({ ...i, zoneId, campaignId })));
}

export async function createCampaign(tx: Tx, audit: Audit, zoneId: string, input: CampaignInput) {
  if (input.endDate < input.startDate) throw new AppError('campaigns.dates');
  const [row] = await tx
    .insert(campaigns)
    .values({ zoneId, name: input.name, description: input.description, startDate: input.startDate, endDate: input.endDate })
    .returning();
  await setMembers(tx, zoneId, row!.id, input);
  await audit({ action: 'create', entity: 'campaign', entityId: row!.id, after: input });
  return row!;
}

export async function updateCampaign(tx: Tx, audit: Audit, zoneId: string, id: string, input: z.infer<typeof campaignUpdate>) {
  if (input.endDate < input.startDate) throw new AppError('campaigns.dates');
  const [before] = await tx.select().from(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.zoneId, zoneId)));
  if (!before) throw new AppError('not_found', { entity: 'campaign' });
  checkVersion(input.version, before.version);
  // Conditional on the version checked, before the members change.
  const row = stillCurrent(
    (
      await tx
        .update(campaigns)
        .set({ name: input.name, description: input.description, startDate: input.startDate, endDate: input.endDate, version: before.version + 1 })
        .where(and(eq(campaigns.id, id), eq(campaigns.version, before.version)))
        .returning()
    )[0],
  );
  await setMembers(tx, zoneId, id, input);
  await audit({ action: 'update', entity: 'campaign', entityId: id, before, after: input });
  return row;
}

export async function deleteCampaign(tx: Tx, audit: Audit, zoneId: string, id: string) {
  const [before] = await tx.select().from(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.zoneId, zoneId)));
  if (!before) throw new AppError('not_found', { entity: 'campaign' });
  // Hazards registered under it carry its 清零 record: such a campaign stays.
  const [used] = await tx.select({ id: hazards.id }).from(hazards).where(eq(hazards.campaignId, id)).limit(1);
  if (used) throw new AppError('conflict.in_use', { entity: 'campaign' });
  await tx.delete(campaignIndicators).where(eq(campaignIndicators.campaignId, id));
  await tx.delete(campaignItems).where(eq(campaignItems.campaignId, id));
  await tx.delete(campaigns).where(eq(campaigns.id, id));
  await audit({ action: 'delete', entity: 'campaign', entityId: id, before });
}

export async function listCampaigns(db: ReadDb, zoneId: string, q: PageQuery, asOf: string) {
  const where = eq(campaigns.zoneId, zoneId);
  const [rows, [total]] = await Promise.all([
    db.select().from(campaigns).where(where).orderBy(desc(campaigns.endDate)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return {
    items: rows.map((c) => ({ ...c, ...campaignClock(c.startDate, c.endDate, asOf) })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export interface LiveItem {
  id: string;
  itemType: 'project' | 'task';
  itemId: string;
  title: string;
  /** False when the project or task no longer exists (or its domain is not installed). */
  exists: boolean;
  status: string | null;
  deadline: string | null;
}

async function hasTable(db: ReadDb, name: string): Promise<boolean> {
  const res = await db.execute<{ t: string | null }>(sql`SELECT to_regclass(${name})::text AS t`);
  const rows = (Array.isArray(res) ? res : (res as unknown as { rows: { t: string | null }[] }).rows) as { t: string | null }[];
  return Boolean(rows[0]?.t);
}

/**
 * No project or task a campaign lists belongs to another zone. (One that does not
 * exist, or no longer, may stay listed: the campaign shows it as gone.)
 */
async function assertItemsInZone(tx: Tx, zoneId: string, items: { itemType: string; itemId: string }[]) {
  for (const [type, table] of [['project', 'projects'], ['task', 'supervision_tasks']] as const) {
    const ids = items.filter((i) => i.itemType === type).map((i) => i.itemId);
    if (!ids.length) continue;
    // A zone's transaction cannot see other zones' rows (row-level security), so an
    // owner-rights function counts them (migrations/0019_tenant_rls.sql).
    const res = await tx.execute(
      sql`SELECT gongjian_ids_elsewhere(${table}, ${zoneId}, ARRAY[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]) AS n`,
    );
    if (rowsOf<{ n: number }>(res)[0]?.n !== 0) throw new AppError('not_found', { entity: type });
  }
}

function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/** The campaign's items with what their own domains say about them now. */
async function liveItems(db: ReadDb, zoneId: string, campaignId: string): Promise<LiveItem[]> {
  const items = await db.select().from(campaignItems).where(eq(campaignItems.campaignId, campaignId)).orderBy(asc(campaignItems.itemType), asc(campaignItems.title));
  const live = new Map<string, { title: string; status: string | null; deadline: string | null }>();
  const projectIds = items.filter((i) => i.itemType === 'project').map((i) => i.itemId);
  const taskIds = items.filter((i) => i.itemType === 'task').map((i) => i.itemId);
  if (projectIds.length && (await hasTable(db, 'projects'))) {
    const res = await db.execute(
      sql`SELECT id::text AS id, name AS title, stage AS status, target_date::text AS deadline FROM projects WHERE zone_id = ${zoneId} AND id IN (${sql.join(projectIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
    );
    for (const r of rowsOf<{ id: string; title: string; status: string; deadline: string | null }>(res)) live.set(`project:${r.id}`, r);
  }
  if (taskIds.length && (await hasTable(db, 'supervision_tasks'))) {
    const res = await db.execute(
      sql`SELECT t.id::text AS id, t.text AS title, l.state AS status, l.deadline::text AS deadline FROM supervision_tasks t JOIN loop_items l ON l.id = t.loop_item_id WHERE t.zone_id = ${zoneId} AND t.id IN (${sql.join(taskIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
    );
    for (const r of rowsOf<{ id: string; title: string; status: string; deadline: string | null }>(res)) live.set(`task:${r.id}`, r);
  }
  return items.map((i) => {
    const l = live.get(`${i.itemType}:${i.itemId}`);
    return { id: i.id, itemType: i.itemType, itemId: i.itemId, title: l?.title ?? i.title, exists: Boolean(l), status: l?.status ?? null, deadline: l?.deadline ?? null };
  });
}

export async function getCampaign(db: ReadDb, zoneId: string, id: string, asOf: string) {
  const [c] = await db.select().from(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.zoneId, zoneId)));
  if (!c) throw new AppError('not_found', { entity: 'campaign' });
  const [inds, items] = await Promise.all([
    db.select({ indicatorId: campaignIndicators.indicatorId }).from(campaignIndicators).where(eq(campaignIndicators.campaignId, id)),
    liveItems(db, zoneId, id),
  ]);
  return { ...c, ...campaignClock(c.startDate, c.endDate, asOf), indicatorIds: inds.map((i) => i.indicatorId), items };
}

/** Projects and tasks that exist now, to add to a campaign. */
export async function candidates(db: ReadDb, zoneId: string, type: 'project' | 'task', search: string) {
  const like = `%${search}%`;
  if (type === 'project') {
    if (!(await hasTable(db, 'projects'))) return [];
    return rowsOf<{ itemId: string; title: string; status: string }>(
      await db.execute(sql`SELECT id::text AS "itemId", name AS title, stage AS status FROM projects WHERE zone_id = ${zoneId} AND name ILIKE ${like} ORDER BY name LIMIT 50`),
    );
  }
  if (!(await hasTable(db, 'supervision_tasks'))) return [];
  return rowsOf<{ itemId: string; title: string; status: string }>(
    await db.execute(
      sql`SELECT t.id::text AS "itemId", t.text AS title, l.state AS status FROM supervision_tasks t JOIN loop_items l ON l.id = t.loop_item_id WHERE t.zone_id = ${zoneId} AND t.text ILIKE ${like} ORDER BY t.created_at DESC LIMIT 50`,
    ),
  );
}
