// The closed loop, persisted: one table of items whatever domain raised them, an
// event per step, the pure machine deciding every transition. Domains (project
// problems, supervision tasks, enterprise appeals) raise items here and keep
// their own detail in their own tables.
import { and, arrayContains, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { loopEvents, loopItems, units, users, type LoopKind } from '../../db/schema';
import type { Audit } from '../audit';
import { AppError } from '../errors';
import { offsetOf, paged, type PageQuery } from '../pagination';
import type { Actor } from '../policy';
import {
  allowedActions,
  isLoopError,
  light,
  transition,
  type Light,
  type LoopAction,
  type LoopError,
  type LoopRole,
  type LoopState,
} from './machine';

export type LoopItem = typeof loopItems.$inferSelect;
const ZONE_WIDE = ['admin', 'leader', 'supervisor'];

export interface RaiseInput {
  kind: LoopKind;
  title: string;
  detail?: string;
  category?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  raisedUnitId?: string | null;
  assigneeUnitId?: string | null;
  supportingUnitIds?: string[];
  deadline?: string | null;
  amberDays?: number;
}

export interface ActInput {
  action: LoopAction;
  reason?: string | null;
  note?: string | null;
  assigneeUnitId?: string | null;
  deadline?: string | null;
  fileIds?: string[];
  /** The version the user saw; a stale one is refused rather than overwritten. */
  version?: number;
}

/** The parts this actor plays for an item: supervisor, assignee, raiser. */
export function loopRolesOf(actor: Actor, item: Pick<LoopItem, 'raisedBy' | 'raisedUnitId' | 'assigneeUnitId'>): LoopRole[] {
  const roles: LoopRole[] = [];
  if (actor.role === 'supervisor') roles.push('supervisor');
  // A leader oversees what they raised (their instructions, 领导批示): they may close it as the office does.
  if (actor.role === 'leader' && item.raisedBy === actor.userId) roles.push('supervisor');
  const unitBound = actor.role === 'reporter';
  if (unitBound && actor.unitId && actor.unitId === item.assigneeUnitId) roles.push('assignee');
  if (item.raisedBy === actor.userId || (unitBound && actor.unitId && actor.unitId === item.raisedUnitId)) roles.push('raiser');
  return roles;
}

export function canSeeItem(actor: Actor, item: Pick<LoopItem, 'zoneId' | 'raisedBy' | 'raisedUnitId' | 'assigneeUnitId' | 'supportingUnitIds'>): boolean {
  if (item.zoneId !== actor.zoneId) return false;
  if (ZONE_WIDE.includes(actor.role)) return true;
  if (item.raisedBy === actor.userId) return true;
  const u = actor.unitId;
  return !!u && (item.raisedUnitId === u || item.assigneeUnitId === u || item.supportingUnitIds.includes(u));
}

/** The same rule as canSeeItem, as SQL for lists. */
export function visibleWhere(actor: Actor): SQL {
  const zone = eq(loopItems.zoneId, actor.zoneId);
  if (ZONE_WIDE.includes(actor.role)) return zone;
  const u = actor.unitId;
  const mine = eq(loopItems.raisedBy, actor.userId);
  if (!u) return and(zone, mine)!;
  return and(
    zone,
    or(mine, eq(loopItems.raisedUnitId, u), eq(loopItems.assigneeUnitId, u), arrayContains(loopItems.supportingUnitIds, [u])),
  )!;
}

function fail(e: LoopError): never {
  throw new AppError(e.code, e.params);
}

async function assertUnits(tx: Tx, zoneId: string, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return;
  const found = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zoneId), inArray(units.id, wanted)));
  if (found.length !== wanted.length) throw new AppError('not_found', { entity: 'unit' });
}

// Every write here takes `now`, the zone's clock (ctx.clock()): a zone replaying history
// (pinned) raises, moves and closes its items on its pinned day, so lateness and the
// period counts (assessment, hazards, appeals) judge them on that day. Audit keeps real time.

/**
 * An item's next event time: `now`, or a millisecond after its latest event when that is not
 * earlier, so its history (ordered by time) keeps the order the steps were taken in, even when
 * several share one instant (one transaction, or a clock that does not move, as in tests).
 */
const eventAt = (itemId: string, now: Date): SQL =>
  sql`greatest(${now.toISOString()}::timestamptz, (SELECT max(e.at) + interval '1 millisecond' FROM loop_events e WHERE e.item_id = ${itemId}::uuid))`;

export async function raiseItem(tx: Tx, audit: Audit, actor: Actor, input: RaiseInput, now: Date): Promise<LoopItem> {
  await assertUnits(tx, actor.zoneId, [input.raisedUnitId, input.assigneeUnitId, ...(input.supportingUnitIds ?? [])]);
  const roles: LoopRole[] = actor.role === 'supervisor' ? ['supervisor', 'raiser'] : ['raiser'];
  const found = transition(null, 'raise', roles);
  if (isLoopError(found)) fail(found);
  const [item] = await tx
    .insert(loopItems)
    .values({
      zoneId: actor.zoneId,
      kind: input.kind,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      category: input.category ?? null,
      title: input.title,
      detail: input.detail ?? '',
      state: found,
      raisedBy: actor.userId,
      raisedUnitId: input.raisedUnitId ?? (actor.role === 'reporter' ? actor.unitId : null),
      supportingUnitIds: input.supportingUnitIds ?? [],
      amberDays: input.amberDays ?? 3,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(loopEvents).values({ zoneId: actor.zoneId, itemId: item!.id, action: 'raise', toState: found, actorId: actor.userId, actorUnitId: actor.unitId, at: now });
  await audit({ action: 'raise', entity: `loop.${input.kind}`, entityId: item!.id, unitId: item!.raisedUnitId, after: item });
  // Whoever oversees the item (a supervisor, a leader's own instruction) assigns at once (交办) when raising with an assignee and deadline.
  if (input.assigneeUnitId && input.deadline && loopRolesOf(actor, item!).includes('supervisor')) {
    return actOnItem(tx, audit, actor, item!.id, { action: 'assign', assigneeUnitId: input.assigneeUnitId, deadline: input.deadline }, now);
  }
  return item!;
}

export async function actOnItem(tx: Tx, audit: Audit, actor: Actor, itemId: string, input: ActInput, now: Date): Promise<LoopItem> {
  const [before] = await tx.select().from(loopItems).where(and(eq(loopItems.id, itemId), eq(loopItems.zoneId, actor.zoneId))).for('update');
  if (!before || !canSeeItem(actor, before)) throw new AppError('not_found', { entity: 'item' });
  if (input.version !== undefined && input.version !== before.version) throw new AppError('conflict.stale');
  await assertUnits(tx, actor.zoneId, [input.assigneeUnitId]);
  const next = transition(before.state, input.action, loopRolesOf(actor, before), {
    reason: input.reason ?? undefined,
    assignee: input.assigneeUnitId ?? undefined,
    deadline: input.deadline ?? undefined,
  });
  if (isLoopError(next)) fail(next);
  const reassign = input.action === 'assign' || input.action === 'reopen';
  const [after] = await tx
    .update(loopItems)
    .set({
      state: next,
      assigneeUnitId: reassign ? (input.assigneeUnitId ?? before.assigneeUnitId) : before.assigneeUnitId,
      deadline: reassign ? (input.deadline ?? before.deadline) : before.deadline,
      escalation: reassign ? 0 : before.escalation,
      closedAt: next === 'closed' ? now : null,
      updatedAt: now,
      version: before.version + 1,
    })
    .where(eq(loopItems.id, itemId))
    .returning();
  await tx.insert(loopEvents).values({
    zoneId: actor.zoneId,
    itemId,
    action: input.action,
    fromState: before.state,
    toState: next,
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    reason: input.reason ?? null,
    note: input.note ?? null,
    assigneeUnitId: reassign ? (input.assigneeUnitId ?? null) : null,
    deadline: reassign ? (input.deadline ?? null) : null,
    fileIds: input.fileIds ?? [],
    at: eventAt(itemId, now),
  });
  await audit({ action: input.action, entity: `loop.${before.kind}`, entityId: itemId, unitId: after!.assigneeUnitId, before, after });
  return after!;
}

/**
 * Claims the item for a change kept beside it (an appeal's answer or rating): refuses a
 * stale version and bumps it, so the next writer who read the old one gets a 409.
 * Without a version (demo seeding) it only bumps.
 */
export async function claimItemVersion(tx: Tx, itemId: string, version: number | undefined, now: Date): Promise<LoopItem> {
  const [after] = await tx
    .update(loopItems)
    .set({ version: sql`${loopItems.version} + 1`, updatedAt: now })
    .where(and(eq(loopItems.id, itemId), version === undefined ? undefined : eq(loopItems.version, version)))
    .returning();
  if (!after) throw new AppError('conflict.stale');
  return after;
}

/** Progress notes (with evidence) from the assignee or a supporting unit; the state stays. */
export async function addNote(tx: Tx, audit: Audit, actor: Actor, itemId: string, note: string, fileIds: string[], now: Date) {
  const [item] = await tx.select().from(loopItems).where(and(eq(loopItems.id, itemId), eq(loopItems.zoneId, actor.zoneId)));
  return noteOn(tx, audit, actor, item, note, fileIds, now);
}

/** addNote on an item its caller has already read (e.g. locked with its own checks). */
export async function noteOn(tx: Tx, audit: Audit, actor: Actor, item: LoopItem | undefined, note: string, fileIds: string[], now: Date) {
  if (!item || item.zoneId !== actor.zoneId || !canSeeItem(actor, item)) throw new AppError('not_found', { entity: 'item' });
  if (actor.role === 'viewer' || actor.role === 'leader') throw new AppError('policy.forbidden');
  const [ev] = await tx
    .insert(loopEvents)
    .values({ zoneId: actor.zoneId, itemId: item.id, action: 'note', fromState: item.state, toState: item.state, actorId: actor.userId, actorUnitId: actor.unitId, note, fileIds, at: eventAt(item.id, now) })
    .returning();
  await audit({ action: 'note', entity: `loop.${item.kind}`, entityId: item.id, unitId: actor.unitId, after: ev });
  return ev!;
}

/**
 * What a domain keeps beside its items when one moves (the zone's date an instruction
 * was closed): run by the generic action route inside the same transaction.
 */
export type AfterLoopAction = (tx: Tx, audit: Audit, item: LoopItem, action: LoopAction, today: string) => Promise<void>;
const afterActions = new Map<LoopKind, AfterLoopAction>();
export function onLoopAction(kind: LoopKind, fn: AfterLoopAction): void {
  afterActions.set(kind, fn);
}
export async function afterLoopAction(tx: Tx, audit: Audit, item: LoopItem, action: LoopAction, today: string): Promise<void> {
  await afterActions.get(item.kind)?.(tx, audit, item, action, today);
}

/**
 * Kinds whose moves carry their domain's rules (a hazard's 报结 needs evidence, an
 * appeal's first step is its response time): the generic action route refuses them and
 * names the domain's own route instead, so no rule can be walked around.
 */
const ownRoutes = new Map<LoopKind, string>();
export function movedThrough(kind: LoopKind, route: string): void {
  ownRoutes.set(kind, route);
}
/** Before the generic route moves an item: one the actor cannot see stays a 404, one with a route of its own is sent there. */
export async function assertGenericMove(db: ReadDb, actor: Actor, id: string): Promise<void> {
  const [item] = await db.select().from(loopItems).where(and(eq(loopItems.id, id), eq(loopItems.zoneId, actor.zoneId)));
  if (!item || !canSeeItem(actor, item)) throw new AppError('not_found', { entity: 'item' });
  const route = ownRoutes.get(item.kind);
  if (route) throw new AppError('loop.own_route', { route });
}

/** A deadline set when assigning or reopening lies on or after the zone's date. */
export function assertDeadlineAhead(deadline: string | null | undefined, today: string): void {
  if (deadline && deadline < today) throw new AppError('loop.past_deadline', { date: deadline, today });
}

export interface ItemFilter extends PageQuery {
  kind?: LoopKind;
  state?: LoopState;
  open?: boolean;
  unitId?: string;
  subjectType?: string;
  subjectId?: string;
  q?: string;
  light?: Light;
}

export const withLight = (today: string) => (item: LoopItem) => ({
  ...item,
  light: light(item.deadline, today, item.state, { amberDays: item.amberDays }),
});

function lightWhere(l: Light, today: string): SQL {
  const open = sql`${loopItems.state} <> 'closed'`;
  if (l === 'done') return eq(loopItems.state, 'closed');
  if (l === 'red') return sql`${open} AND ${loopItems.deadline} < ${today}::date`;
  if (l === 'amber') return sql`${open} AND ${loopItems.deadline} >= ${today}::date AND ${loopItems.deadline} - ${today}::date <= ${loopItems.amberDays}`;
  return sql`${open} AND (${loopItems.deadline} IS NULL OR ${loopItems.deadline} - ${today}::date > ${loopItems.amberDays})`;
}

export async function listItems(db: ReadDb, actor: Actor, f: ItemFilter, today: string) {
  const where = and(
    visibleWhere(actor),
    f.kind ? eq(loopItems.kind, f.kind) : undefined,
    f.state ? eq(loopItems.state, f.state) : undefined,
    f.open === true ? sql`${loopItems.state} <> 'closed'` : f.open === false ? eq(loopItems.state, 'closed') : undefined,
    f.unitId ? or(eq(loopItems.assigneeUnitId, f.unitId), eq(loopItems.raisedUnitId, f.unitId), arrayContains(loopItems.supportingUnitIds, [f.unitId])) : undefined,
    f.subjectType ? eq(loopItems.subjectType, f.subjectType) : undefined,
    f.subjectId ? eq(loopItems.subjectId, f.subjectId) : undefined,
    f.q ? ilike(loopItems.title, `%${f.q}%`) : undefined,
    f.light ? lightWhere(f.light, today) : undefined,
  );
  const page = await paged(
    f,
    db
      .select({ item: loopItems, assigneeName: units.name })
      .from(loopItems)
      .leftJoin(units, eq(units.id, loopItems.assigneeUnitId))
      .where(where)
      .orderBy(sql`${loopItems.state} = 'closed'`, sql`${loopItems.deadline} ASC NULLS LAST`, desc(loopItems.createdAt))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(loopItems).where(where),
  );
  const lit = withLight(today);
  return { ...page, items: page.items.map((r) => ({ ...lit(r.item), assigneeName: r.assigneeName })) };
}

export async function getItem(db: ReadDb, actor: Actor, id: string, today: string) {
  const [item] = await db.select().from(loopItems).where(and(eq(loopItems.id, id), eq(loopItems.zoneId, actor.zoneId)));
  if (!item || !canSeeItem(actor, item)) throw new AppError('not_found', { entity: 'item' });
  const events = await db
    .select({ event: loopEvents, actorName: users.displayName, unitName: units.name })
    .from(loopEvents)
    .leftJoin(users, eq(users.id, loopEvents.actorId))
    .leftJoin(units, eq(units.id, loopEvents.actorUnitId))
    .where(eq(loopEvents.itemId, id))
    .orderBy(loopEvents.at);
  return {
    item: withLight(today)(item),
    events: events.map((e) => ({ ...e.event, actorName: e.actorName, unitName: e.unitName })),
    allowedActions: allowedActions(item.state, loopRolesOf(actor, item)).map((t) => ({ action: t.action, requires: [...t.requires] })),
  };
}

/** Open items whose light is amber or red today, across zones; for the scheduled job. */
export async function dueItems(db: ReadDb, today: string): Promise<LoopItem[]> {
  return db
    .select()
    .from(loopItems)
    .where(and(sql`${loopItems.state} <> 'closed'`, sql`${loopItems.deadline} - ${today}::date <= ${loopItems.amberDays}`))
    .orderBy(loopItems.zoneId, loopItems.deadline);
}
