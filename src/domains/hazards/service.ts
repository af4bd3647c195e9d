// The hazard register (隐患动态清零): each hazard is an item of the shared closed
// loop (kind 'hazard', subject 'hazard') with its own row in `hazards` for category,
// level, unit, found day, the deadline its level gives, location and campaign.
// Every write goes through the loop's raiseItem / actOnItem / noteOn inside the
// caller's audited transaction; reads apply one visibility rule (zone-wide roles
// see all, a unit's accounts their unit's).
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { campaigns, hazardCategories, hazardLevels, hazards, loopItems, units, type HazardCategory, type HazardLevel } from '../../db/schema';
import type { Audit } from '../../shared/audit';
import { AppError } from '../../shared/errors';
import { fileInfos } from '../../shared/files';
import { isoDate } from '../../shared/http';
import { version } from '../../shared/input';
import { light, type LoopAction } from '../../shared/loop/machine';
import { actOnItem, getItem, noteOn, raiseItem, type LoopItem } from '../../shared/loop/store';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { authorize, can, type Actor } from '../../shared/policy';
import { scopeBy } from '../../server/scope';
import { clearance, hazardCounts, rectifyDeadline, type HazardFact, type HazardSection } from './rules';

export const HAZARD_SUBJECT = 'hazard';
const ZONE_WIDE = ['admin', 'leader', 'supervisor'];

export const hazardInput = z.object({
  title: z.string().trim().min(2).max(200),
  detail: z.string().trim().max(4000).default(''),
  category: z.enum(hazardCategories),
  level: z.enum(hazardLevels),
  unitId: z.uuid(),
  foundOn: isoDate,
  location: z.string().trim().max(200).default(''),
  campaignId: z.uuid().nullable().optional(),
});

export const hazardActInput = z.object({
  action: z.enum(['assign', 'accept', 'report_done', 'verify', 'return', 'close', 'reopen']),
  reason: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(4000).optional(),
  /** Reassigning may name another unit; by default the hazard's own. */
  assigneeUnitId: z.uuid().optional(),
  /** By default the deadline the level gives (reopen: counted from the business date). */
  deadline: isoDate.optional(),
  /** 整改 evidence: photos or documents uploaded through /api/files. */
  fileIds: z.array(z.uuid()).max(20).optional(),
  version,
});

export const evidenceInput = z.object({ note: z.string().trim().min(1).max(4000), fileIds: z.array(z.uuid()).max(20).default([]) });

export const hazardFilter = z.object({
  category: z.enum(hazardCategories).optional(),
  level: z.enum(hazardLevels).optional(),
  unitId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  overdue: z.enum(['true']).transform(() => true).optional(),
  q: z.string().max(100).optional(),
});
export type HazardFilter = z.infer<typeof hazardFilter> & PageQuery;

/** What 整改 evidence may be: photos, PDF and Word documents (already sniffed on upload). */
const EVIDENCE_TYPES = ['image/', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];

export type Hazard = typeof hazards.$inferSelect;
/** A hazard's version is its loop item's; demo seeding acts without one. */
type Versioned<T> = Omit<T, 'version'> & { version?: number };

/** The router's scope for one hazard: its responsible unit. */
export const scopeOfHazard = scopeBy('hazard', 'params', 'id', async (db, zoneId, id) => {
  const [h] = await db.select({ unitId: hazards.unitId }).from(hazards).where(and(eq(hazards.id, id), eq(hazards.zoneId, zoneId)));
  return h ? { unitId: h.unitId } : null;
});

/** Zone-wide roles see every hazard; a unit's accounts see only their unit's. */
function visible(actor: Actor): SQL {
  const zone = eq(hazards.zoneId, actor.zoneId);
  if (ZONE_WIDE.includes(actor.role)) return zone;
  return and(zone, actor.unitId ? eq(hazards.unitId, actor.unitId) : sql`false`)!;
}

async function loadHazard(db: ReadDb | Tx, actor: Actor, id: string): Promise<Hazard> {
  const [h] = await db.select().from(hazards).where(and(eq(hazards.id, id), visible(actor)));
  if (!h) throw new AppError('not_found', { entity: 'hazard' });
  return h;
}

async function checkEvidence(tx: Tx, actor: Actor, fileIds: string[]) {
  if (fileIds.length === 0) return;
  const infos = await fileInfos(tx, actor, fileIds);
  if (infos.length !== new Set(fileIds).size) throw new AppError('not_found', { entity: 'file' });
  const bad = infos.find((f) => !EVIDENCE_TYPES.some((t) => f.mime.startsWith(t)));
  if (bad) throw new AppError('hazard.evidence_type', { name: bad.name });
}

/**
 * Registers a hazard: the rectification deadline follows from its level. A
 * supervisor's hazard is assigned (交办) to the unit at once; a unit's own report
 * waits for the supervisor to assign it (待交办), with that deadline proposed.
 */
export async function registerHazard(tx: Tx, audit: Audit, actor: Actor, input: z.infer<typeof hazardInput>, today: string, now: Date) {
  authorize(actor, 'hazard.write', { unitId: input.unitId });
  if (input.foundOn > today) throw new AppError('hazard.future_found', { date: input.foundOn, today });
  if (input.campaignId) {
    const [c] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, input.campaignId), eq(campaigns.zoneId, actor.zoneId)));
    if (!c) throw new AppError('not_found', { entity: 'campaign' });
  }
  const dueOn = rectifyDeadline(input.foundOn, input.level);
  const id = randomUUID();
  const item = await raiseItem(tx, audit, actor, {
    kind: 'hazard',
    subjectType: HAZARD_SUBJECT,
    subjectId: id,
    category: input.category,
    title: input.title,
    detail: input.detail,
    raisedUnitId: input.unitId,
    assigneeUnitId: input.unitId,
    deadline: dueOn,
  }, now);
  const [row] = await tx
    .insert(hazards)
    .values({
      id,
      zoneId: actor.zoneId,
      loopItemId: item.id,
      unitId: input.unitId,
      campaignId: input.campaignId ?? null,
      category: input.category,
      level: input.level,
      foundOn: input.foundOn,
      dueOn,
      location: input.location,
    })
    .returning();
  await audit({ action: 'create', entity: 'hazard', entityId: id, unitId: input.unitId, after: row });
  return { hazard: row!, item };
}

/**
 * Moves a hazard along the loop. 交办 defaults to the hazard's unit and the
 * deadline its level gave; 报结 (report done) needs 整改 evidence; 复核销号 is
 * the supervisor's (the loop machine decides who may take each step). `now` is the
 * zone's clock.
 */
export async function actOnHazard(tx: Tx, audit: Audit, actor: Actor, id: string, input: Versioned<z.infer<typeof hazardActInput>>, today: string, now: Date) {
  const before = await loadHazard(tx, actor, id);
  authorize(actor, 'hazard.write', { unitId: before.unitId });
  const fileIds = input.fileIds ?? [];
  if (input.action === 'report_done' && fileIds.length === 0) throw new AppError('hazard.evidence_required');
  await checkEvidence(tx, actor, fileIds);
  const action: LoopAction = input.action;
  let deadline = input.deadline;
  if (action === 'assign' && !deadline) deadline = before.dueOn;
  if (action === 'reopen' && !deadline) deadline = rectifyDeadline(today, before.level);
  const assigneeUnitId = action === 'assign' || action === 'reopen' ? (input.assigneeUnitId ?? before.unitId) : undefined;
  const item = await actOnItem(tx, audit, actor, before.loopItemId, { ...input, action, deadline, assigneeUnitId, fileIds }, now);
  if (item.assigneeUnitId && item.assigneeUnitId !== before.unitId) {
    // Handed to another unit: the hazard is that unit's now (its counts, its reporters).
    const [after] = await tx.update(hazards).set({ unitId: item.assigneeUnitId }).where(eq(hazards.id, id)).returning();
    await audit({ action: 'reassign', entity: 'hazard', entityId: id, unitId: item.assigneeUnitId, before, after });
  }
  return item;
}

/** Who may add 整改 evidence, and when: hazard.write on its unit, while it is open. The detail's button asks the same. */
function evidenceAllowed(actor: Actor, unitId: string, state: LoopItem['state']): boolean {
  return state !== 'closed' && can(actor, 'hazard.write', { unitId });
}

/**
 * 整改 evidence on its own (a note with at least one photo or document); the state
 * stays. A hazard already 销号 keeps the record it was closed on.
 */
export async function addEvidence(tx: Tx, audit: Audit, actor: Actor, id: string, input: z.infer<typeof evidenceInput>, now: Date) {
  const h = await loadHazard(tx, actor, id);
  const [item] = await tx.select().from(loopItems).where(eq(loopItems.id, h.loopItemId)).for('update');
  if (!item) throw new AppError('not_found', { entity: 'hazard' });
  if (!evidenceAllowed(actor, h.unitId, item.state)) {
    authorize(actor, 'hazard.write', { unitId: h.unitId }); // refused for the right reason
    throw new AppError('hazard.closed');
  }
  if (input.fileIds.length === 0) throw new AppError('hazard.evidence_files');
  await checkEvidence(tx, actor, input.fileIds);
  return noteOn(tx, audit, actor, item, input.note, input.fileIds, now);
}

const closedOn = sql<string | null>`to_char(${loopItems.closedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
const deadlineInForce = sql<string>`coalesce(${loopItems.deadline}, ${hazards.dueOn})::text`;

const rowSelect = {
  h: hazards,
  title: loopItems.title,
  detail: loopItems.detail,
  state: loopItems.state,
  deadline: deadlineInForce,
  closedOn,
  version: loopItems.version,
  unitName: units.name,
  campaignName: campaigns.name,
};
type Row = { h: Hazard; title: string; detail: string; state: (typeof loopItems.$inferSelect)['state']; deadline: string; closedOn: string | null; version: number; unitName: string; campaignName: string | null };

function present(r: Row, today: string) {
  return {
    ...r.h,
    title: r.title,
    detail: r.detail,
    state: r.state,
    deadline: r.deadline,
    closedOn: r.closedOn,
    version: r.version,
    unitName: r.unitName,
    campaignName: r.campaignName,
    light: light(r.deadline, today, r.state),
  };
}

function baseQuery(db: ReadDb) {
  return db
    .select(rowSelect)
    .from(hazards)
    .innerJoin(loopItems, eq(loopItems.id, hazards.loopItemId))
    .innerJoin(units, eq(units.id, hazards.unitId))
    .leftJoin(campaigns, eq(campaigns.id, hazards.campaignId));
}

export async function listHazards(db: ReadDb, actor: Actor, f: HazardFilter, today: string) {
  const where = and(
    visible(actor),
    f.category ? eq(hazards.category, f.category) : undefined,
    f.level ? eq(hazards.level, f.level) : undefined,
    f.unitId ? eq(hazards.unitId, f.unitId) : undefined,
    f.campaignId ? eq(hazards.campaignId, f.campaignId) : undefined,
    f.open === true ? sql`${loopItems.state} <> 'closed'` : f.open === false ? eq(loopItems.state, 'closed') : undefined,
    f.overdue ? sql`${loopItems.state} <> 'closed' AND coalesce(${loopItems.deadline}, ${hazards.dueOn}) < ${today}::date` : undefined,
    f.q ? sql`${loopItems.title} ILIKE ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(sql`${loopItems.state} = 'closed'`, sql`${hazards.level} = 'general'`, sql`coalesce(${loopItems.deadline}, ${hazards.dueOn})`, desc(hazards.createdAt))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: sql<number>`count(*)::int` }).from(hazards).innerJoin(loopItems, eq(loopItems.id, hazards.loopItemId)).where(where),
  ]);
  return { items: rows.map((r) => present(r as Row, today)), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** One hazard with its loop history (evidence files named) and what the user may do. */
export async function hazardDetail(db: ReadDb, actor: Actor, id: string, today: string) {
  const h = await loadHazard(db, actor, id);
  const [r] = await baseQuery(db).where(eq(hazards.id, h.id));
  const loop = await getItem(db, actor, h.loopItemId, today);
  const files = await fileInfos(db, actor, [...new Set(loop.events.flatMap((e) => e.fileIds))]);
  const canAddEvidence = evidenceAllowed(actor, h.unitId, r!.state);
  return { hazard: present(r as Row, today), events: loop.events, files, allowedActions: loop.allowedActions, canAddEvidence };
}

/**
 * Counts 新增 / 已整改 / 剩余 by unit for [from, to], and 清零 per campaign as of
 * `to`: 已清零 only when hazards were registered and none is open; 未登记隐患 when
 * none ever was. A unit's accounts get their own unit only.
 */
export async function hazardSummary(db: ReadDb, actor: Actor, from: string, to: string) {
  if (from > to) throw new AppError('hazard.period', { from, to });
  const facts = await factsOf(db, visible(actor), to);
  const { total, byUnit } = hazardCounts(facts, from, to);
  const unitRows = await db
    .select({ id: units.id, name: units.name, sort: units.sortOrder })
    .from(units)
    .where(and(eq(units.zoneId, actor.zoneId), byUnit.size ? inArray(units.id, [...byUnit.keys()]) : sql`false`))
    .orderBy(units.sortOrder, units.name);
  const campaignRows = await db
    .select({ id: campaigns.id, name: campaigns.name, startDate: campaigns.startDate, endDate: campaigns.endDate })
    .from(campaigns)
    .where(eq(campaigns.zoneId, actor.zoneId))
    .orderBy(desc(campaigns.endDate));
  return {
    from,
    to,
    total,
    clearance: clearance(facts, to),
    byUnit: unitRows.map((u) => ({ unitId: u.id, unitName: u.name, ...byUnit.get(u.id)! })),
    byCategory: hazardCategories.map((c) => ({ category: c, ...hazardCounts(facts.filter((f) => f.category === c), from, to).total })),
    campaigns: campaignRows.map((c) => ({ campaignId: c.id, name: c.name, startDate: c.startDate, endDate: c.endDate, ...clearance(facts.filter((f) => f.campaignId === c.id), to) })),
  };
}

type Fact = HazardFact & { campaignId: string | null; category: HazardCategory };

/** The hazards found by `to` that `where` selects, as the counting rules read them. */
async function factsOf(db: ReadDb | Tx, where: SQL, to: string): Promise<Fact[]> {
  const rows = await db
    .select({ unitId: hazards.unitId, level: hazards.level, foundOn: hazards.foundOn, deadline: deadlineInForce, closedOn, campaignId: hazards.campaignId, category: hazards.category })
    .from(hazards)
    .innerJoin(loopItems, eq(loopItems.id, hazards.loopItemId))
    .where(and(where, sql`${hazards.foundOn} <= ${to}::date`));
  return rows.map((r) => ({ ...r, level: r.level as HazardLevel }));
}

/**
 * The whole zone's hazards for a bulletin of [from, asOf]: null when none was registered
 * by `asOf` (the section is left out rather than claim 清零 of nothing). Campaigns are
 * those running in the period, each judged at `asOf` or its own end if earlier.
 */
export async function hazardsOfPeriod(db: ReadDb | Tx, zoneId: string, from: string, asOf: string): Promise<HazardSection | null> {
  const facts = await factsOf(db, eq(hazards.zoneId, zoneId), asOf);
  if (facts.length === 0) return null;
  const { total, byUnit } = hazardCounts(facts, from, asOf);
  const open = [...byUnit].filter(([, c]) => c.remaining > 0);
  const names = open.length ? await db.select({ id: units.id, name: units.name, sort: units.sortOrder }).from(units).where(inArray(units.id, open.map(([id]) => id))) : [];
  const nameOf = new Map(names.map((u) => [u.id, u]));
  const running = await db
    .select({ id: campaigns.id, name: campaigns.name, endDate: campaigns.endDate })
    .from(campaigns)
    .where(and(eq(campaigns.zoneId, zoneId), sql`${campaigns.startDate} <= ${asOf}::date`, sql`${campaigns.endDate} >= ${from}::date`))
    .orderBy(campaigns.startDate);
  return {
    from,
    asOf,
    total,
    openUnits: open
      .map(([id, c]) => ({ unitName: nameOf.get(id)?.name ?? '', remaining: c.remaining, overdue: c.overdue, sort: nameOf.get(id)?.sort ?? 0 }))
      .sort((a, b) => b.remaining - a.remaining || a.sort - b.sort)
      .map(({ sort: _sort, ...u }) => u),
    campaigns: running.map((c) => {
      const at = c.endDate < asOf ? c.endDate : asOf;
      return { name: c.name, clearance: clearance(facts.filter((f) => f.campaignId === c.id), at) };
    }),
  };
}

/** The default period: the year of the business date, to that date. */
export function defaultPeriod(today: string, q: { from?: string; to?: string }) {
  const to = q.to ?? today;
  return { from: q.from ?? `${to.slice(0, 4)}-01-01`, to };
}
