// Tasks: lists and views (by unit, leader, campaign, deadline) with lights and
// counts, one task with its history, and what units and the supervisor do with
// it: progress reports, the reason for a delay, requests and decisions.
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import {
  loopItems,
  requestKinds,
  supervisionDelays,
  supervisionDocuments,
  supervisionNotices,
  supervisionProgress,
  supervisionRequests,
  supervisionTasks,
  taskPriorities,
  units,
  users,
} from '../../db/schema';
import type { LoopState } from '../../shared/loop/machine';
import type { Audit } from '../../server/context';
import { scopeBy } from '../../server/scope';
import { today as todayOf } from '../../shared/calendar';
import { dec } from '../../shared/decimal';
import { AppError } from '../../shared/errors';
import { checkVersion, stillCurrent, version } from '../../shared/input';
import { fileInfos } from '../../shared/files';
import { light } from '../../shared/loop/machine';
import { actOnItem, addNote, getItem, visibleWhere } from '../../shared/loop/store';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { authorize, type Actor } from '../../shared/policy';
import { countStandings, periodOf, reportDue, standing, type Counts, type Standing } from './rules';

export const STANDINGS = ['on_time', 'amber', 'late', 'closed'] as const;

export interface TaskFilter extends PageQuery {
  unitId?: string;
  leader?: string;
  campaign?: string;
  origin?: 'task' | 'pledge';
  documentId?: string;
  state?: LoopState;
  standing?: Standing;
  priority?: (typeof taskPriorities)[number];
  q?: string;
  /** deadline month, YYYY-MM */
  month?: string;
}

const lead = units;

function standingWhere(s: Standing, today: string): SQL {
  const open = sql`${loopItems.state} <> 'closed'`;
  const excused = sql`(${supervisionTasks.explained} OR ${supervisionTasks.longTerm})`;
  if (s === 'closed') return eq(loopItems.state, 'closed');
  if (s === 'late') return sql`${open} AND ${loopItems.deadline} < ${today}::date AND NOT ${excused}`;
  if (s === 'amber') return sql`${open} AND ${loopItems.deadline} >= ${today}::date AND ${loopItems.deadline} - ${today}::date <= ${loopItems.amberDays}`;
  return sql`${open} AND (${loopItems.deadline} IS NULL OR ${loopItems.deadline} - ${today}::date > ${loopItems.amberDays} OR (${loopItems.deadline} < ${today}::date AND ${excused}))`;
}

function filterWhere(actor: Actor, f: Omit<TaskFilter, 'page' | 'pageSize' | 'standing'>): SQL {
  return and(
    eq(supervisionTasks.zoneId, actor.zoneId),
    visibleWhere(actor),
    f.unitId ? or(eq(loopItems.assigneeUnitId, f.unitId), sql`${f.unitId}::uuid = ANY(${loopItems.supportingUnitIds})`) : undefined,
    f.leader ? eq(supervisionTasks.leaderName, f.leader) : undefined,
    f.campaign ? eq(supervisionTasks.campaign, f.campaign) : undefined,
    f.origin ? eq(supervisionTasks.origin, f.origin) : undefined,
    f.documentId ? eq(supervisionTasks.documentId, f.documentId) : undefined,
    f.state ? eq(loopItems.state, f.state) : undefined,
    f.priority ? eq(supervisionTasks.priority, f.priority) : undefined,
    f.q ? ilike(supervisionTasks.text, `%${f.q}%`) : undefined,
    f.month ? sql`to_char(${loopItems.deadline}, 'YYYY-MM') = ${f.month}` : undefined,
  )!;
}

const rowCols = {
  task: supervisionTasks,
  state: loopItems.state,
  deadline: loopItems.deadline,
  amberDays: loopItems.amberDays,
  leadUnitId: loopItems.assigneeUnitId,
  supportingUnitIds: loopItems.supportingUnitIds,
  version: loopItems.version,
  closedAt: loopItems.closedAt,
  leadUnitName: lead.name,
};
type Row = { task: typeof supervisionTasks.$inferSelect; state: LoopState; deadline: string | null; amberDays: number; leadUnitId: string | null; supportingUnitIds: string[]; version: number; closedAt: Date | null; leadUnitName: string | null };

function present(r: Row, today: string, lastLeadReport: string | null) {
  const t = r.task;
  return {
    id: t.id,
    loopItemId: t.loopItemId,
    documentId: t.documentId,
    sourceStart: t.sourceStart,
    sourceEnd: t.sourceEnd,
    origin: t.origin,
    text: t.text,
    leadUnitId: r.leadUnitId,
    leadUnitName: r.leadUnitName,
    supportingUnitIds: r.supportingUnitIds,
    leaderName: t.leaderName,
    campaign: t.campaign,
    priority: t.priority,
    cadence: t.cadence,
    deadline: r.deadline,
    state: r.state,
    version: r.version,
    light: light(r.deadline, today, r.state, { amberDays: r.amberDays }),
    standing: standing({ state: r.state, deadline: r.deadline, amberDays: r.amberDays, explained: t.explained, longTerm: t.longTerm }, today),
    quantityTarget: t.quantityTarget,
    quantityUnit: t.quantityUnit,
    quantityLabel: t.quantityLabel,
    atLeast: t.atLeast,
    percent: t.percent,
    reached: t.reached,
    slipCount: t.slipCount,
    longTerm: t.longTerm,
    explained: t.explained,
    lastReportAt: t.lastReportAt,
    reportDue: reportDue(r.state, t.cadence, today, lastLeadReport),
    closedAt: r.closedAt,
  };
}
export type TaskView = ReturnType<typeof present>;

function base(db: ReadDb) {
  return db.select(rowCols).from(supervisionTasks).innerJoin(loopItems, eq(loopItems.id, supervisionTasks.loopItemId)).leftJoin(lead, eq(lead.id, loopItems.assigneeUnitId));
}

export async function listTasks(db: ReadDb, actor: Actor, f: TaskFilter, today: string) {
  const where = and(filterWhere(actor, f), f.standing ? standingWhere(f.standing, today) : undefined);
  const [rows, [total]] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(sql`${loopItems.state} = 'closed'`, sql`${loopItems.deadline} ASC NULLS LAST`, asc(supervisionTasks.sourceStart), asc(supervisionTasks.createdAt))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(supervisionTasks).innerJoin(loopItems, eq(loopItems.id, supervisionTasks.loopItemId)).where(where),
  ]);
  const last = await lastLeadReports(db, rows.map((r) => r.task.id));
  return { items: rows.map((r) => present(r, today, last.get(r.task.id) ?? null)), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** The latest reporting period in which each task's lead unit reported. */
async function lastLeadReports(db: ReadDb, taskIds: string[]) {
  if (taskIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ taskId: supervisionProgress.taskId, at: sql<string>`max(${supervisionProgress.period})` })
    .from(supervisionProgress)
    .where(and(inArray(supervisionProgress.taskId, taskIds), eq(supervisionProgress.role, 'lead')))
    .groupBy(supervisionProgress.taskId);
  return new Map(rows.map((r) => [r.taskId, r.at]));
}

export const GROUPINGS = ['unit', 'leader', 'campaign', 'deadline'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Counts on time / amber / late / closed per unit, leader, campaign or deadline month, plus the total. */
export async function summary(db: ReadDb, actor: Actor, by: Grouping, f: Omit<TaskFilter, 'page' | 'pageSize'>, today: string) {
  const key =
    by === 'unit'
      ? sql<string | null>`${loopItems.assigneeUnitId}::text`
      : by === 'leader'
        ? sql<string | null>`${supervisionTasks.leaderName}`
        : by === 'campaign'
          ? sql<string | null>`${supervisionTasks.campaign}`
          : sql<string | null>`to_char(${loopItems.deadline}, 'YYYY-MM')`;
  const label = by === 'unit' ? sql<string | null>`max(${lead.name})` : sql<string | null>`${key}`;
  const n = (s: Standing) => sql<number>`(count(*) FILTER (WHERE ${standingWhere(s, today)}))::int`;
  const rows = await db
    .select({ key, label, sort: by === 'unit' ? sql<number>`min(${lead.sortOrder})` : sql<number>`0`, total: sql<number>`count(*)::int`, onTime: n('on_time'), amber: n('amber'), late: n('late'), closed: n('closed') })
    .from(supervisionTasks)
    .innerJoin(loopItems, eq(loopItems.id, supervisionTasks.loopItemId))
    .leftJoin(lead, eq(lead.id, loopItems.assigneeUnitId))
    .where(filterWhere(actor, f))
    .groupBy(key);
  const groups = rows
    .map(({ sort, ...r }) => ({ ...r, sort }))
    .sort((a, b) => (by === 'unit' ? a.sort - b.sort : String(a.key ?? '\uffff').localeCompare(String(b.key ?? '\uffff'))))
    .map(({ sort: _s, ...r }) => r);
  const totals: Counts = groups.reduce(
    (c, g) => ({ total: c.total + g.total, onTime: c.onTime + g.onTime, amber: c.amber + g.amber, late: c.late + g.late, closed: c.closed + g.closed }),
    countStandings([]),
  );
  return { by, groups, totals };
}

async function loadTask(db: ReadDb | Tx, actor: Actor, id: string) {
  const [row] = await base(db as ReadDb).where(and(eq(supervisionTasks.id, id), filterWhere(actor, {})));
  if (!row) throw new AppError('not_found', { entity: 'task' });
  return row;
}

export async function getTask(db: ReadDb, actor: Actor, id: string, today: string) {
  const row = await loadTask(db, actor, id);
  const t = row.task;
  const [loop, progress, delays, requests, notices, supporting, doc] = await Promise.all([
    getItem(db, actor, t.loopItemId, today),
    db
      .select({ p: supervisionProgress, unitName: units.name, authorName: users.displayName })
      .from(supervisionProgress)
      .leftJoin(units, eq(units.id, supervisionProgress.unitId))
      .leftJoin(users, eq(users.id, supervisionProgress.authorId))
      .where(eq(supervisionProgress.taskId, id))
      .orderBy(desc(supervisionProgress.createdAt)),
    db.select().from(supervisionDelays).where(eq(supervisionDelays.taskId, id)).orderBy(asc(supervisionDelays.missedDeadline)),
    db
      .select({ r: supervisionRequests, unitName: units.name })
      .from(supervisionRequests)
      .leftJoin(units, eq(units.id, supervisionRequests.unitId))
      .where(eq(supervisionRequests.taskId, id))
      .orderBy(desc(supervisionRequests.createdAt)),
    db.select().from(supervisionNotices).where(eq(supervisionNotices.taskId, id)).orderBy(asc(supervisionNotices.seq)),
    row.supportingUnitIds.length ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, row.supportingUnitIds)) : Promise.resolve([]),
    t.documentId ? db.select({ id: supervisionDocuments.id, title: supervisionDocuments.title, body: supervisionDocuments.body }).from(supervisionDocuments).where(eq(supervisionDocuments.id, t.documentId)) : Promise.resolve([]),
  ]);
  const allFiles = await fileInfos(db, actor, [...new Set(progress.flatMap((p) => p.p.fileIds))]);
  const fileById = new Map(allFiles.map((f) => [f.id, f]));
  const lastLead = progress.find((p) => p.p.role === 'lead');
  const d = doc[0];
  const source =
    d && t.sourceStart !== null && t.sourceEnd !== null
      ? {
          documentId: d.id,
          title: d.title,
          before: d.body.slice(Math.max(0, t.sourceStart - 80), t.sourceStart),
          text: d.body.slice(t.sourceStart, t.sourceEnd),
          after: d.body.slice(t.sourceEnd, t.sourceEnd + 80),
        }
      : null;
  const mine = involvement(actor, row);
  return {
    task: present(row, today, lastLead?.p.period ?? null),
    supportingUnits: row.supportingUnitIds.map((uid) => supporting.find((s) => s.id === uid) ?? { id: uid, name: '' }),
    source,
    progress: progress.map((p) => ({
      id: p.p.id,
      unitId: p.p.unitId,
      unitName: p.unitName,
      authorName: p.authorName,
      role: p.p.role,
      period: p.p.period,
      body: p.p.body,
      percent: p.p.percent,
      reached: p.p.reached,
      files: p.p.fileIds.map((f) => fileById.get(f)).filter((f): f is NonNullable<typeof f> => !!f),
      createdAt: p.p.createdAt,
    })),
    delays: delays.map(({ zoneId: _z, reasonBy: _b, ...x }) => x),
    requests: requests.map((r) => ({ ...r.r, unitName: r.unitName })),
    notices: notices.map(({ zoneId: _z, issuedBy: _b, ...n }) => n),
    events: loop.events,
    allowedActions: loop.allowedActions,
    can: {
      report: mine !== null && row.state !== 'closed',
      explainDelay: mine === 'lead' && row.state !== 'closed' && !!row.deadline && row.deadline < today,
      request: mine === 'lead' && row.state !== 'closed',
      issueNotice: actor.role === 'supervisor' && row.state !== 'closed' && !!row.deadline && row.deadline < today,
      decide: actor.role === 'supervisor',
    },
  };
}

/** The part the actor's unit plays in a task: lead, supporting, or none. */
function involvement(actor: Actor, row: Pick<Row, 'leadUnitId' | 'supportingUnitIds'>): 'lead' | 'supporting' | null {
  if (actor.role !== 'reporter' || !actor.unitId) return null;
  if (row.leadUnitId === actor.unitId) return 'lead';
  if (row.supportingUnitIds.includes(actor.unitId)) return 'supporting';
  return null;
}

/** The router's scope for a task's writes: the actor's unit when it leads or supports the task, else the lead unit. */
export const scopeOfTask = scopeBy('task', 'params', 'id', async (db, _zoneId, id, actor) => {
  const [row] = await base(db).where(and(eq(supervisionTasks.id, id), filterWhere(actor, {})));
  return row ? { unitId: involvement(actor, row) ? actor.unitId : row.leadUnitId } : null;
});

async function lockTask(tx: Tx, actor: Actor, id: string) {
  const row = await loadTask(tx, actor, id);
  await tx.select({ id: supervisionTasks.id }).from(supervisionTasks).where(eq(supervisionTasks.id, id)).for('update');
  return row;
}

function requireInvolved(actor: Actor, row: Row, leadOnly: boolean): 'lead' | 'supporting' {
  const part = involvement(actor, row);
  // The unit check is the policy's: a reporter writes for their own unit only.
  authorize(actor, 'unitData.write', { unitId: part ? actor.unitId : row.leadUnitId });
  if (!part) throw new AppError('supervision.not_involved');
  if (leadOnly && part !== 'lead') throw new AppError('supervision.lead_only');
  return part;
}

export const progressInput = z
  .object({
    body: z.string().trim().min(1).max(4000),
    percent: z.number().min(0).max(100).nullable().optional(),
    reached: z
      .union([z.number().finite().min(0), z.string().trim().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal')])
      .transform((v) => dec(v).toString())
      .nullable()
      .optional(),
    fileIds: z.array(z.uuid()).max(20).default([]),
  });
export type ProgressInput = z.infer<typeof progressInput>;

/**
 * A progress report by the lead or a supporting unit. The lead's first report
 * takes an assigned task on (签收, → in progress); its percent and quantity
 * become the task's. The report is also a note on the loop item's history.
 */
// Every write here takes `now`, the zone's clock (ctx.clock()), and judges on its day: a zone replaying history
// (pinned) reports, explains and decides on its pinned day, as the closed loop does (shared/loop/store.ts).
export async function reportProgress(tx: Tx, audit: Audit, actor: Actor, id: string, input: ProgressInput, now: Date) {
  const row = await lockTask(tx, actor, id);
  const part = requireInvolved(actor, row, false);
  if (row.state === 'closed' || row.state === 'verifying') throw new AppError('supervision.closed');
  if (input.fileIds.length) {
    const ok = await fileInfos(tx as unknown as ReadDb, actor, input.fileIds);
    if (ok.length !== new Set(input.fileIds).size) throw new AppError('supervision.files');
  }
  const [p] = await tx
    .insert(supervisionProgress)
    .values({
      zoneId: actor.zoneId,
      taskId: id,
      unitId: actor.unitId!,
      authorId: actor.userId,
      role: part,
      period: periodOf(todayOf(() => now), row.task.cadence),
      body: input.body,
      percent: input.percent === null || input.percent === undefined ? null : String(input.percent),
      reached: input.reached ?? null,
      fileIds: input.fileIds,
      createdAt: now,
    })
    .returning();
  await audit({ action: 'report', entity: 'supervision.progress', entityId: p!.id, unitId: actor.unitId, after: p });
  if (part === 'lead') {
    const [after] = await tx
      .update(supervisionTasks)
      .set({
        percent: p!.percent ?? row.task.percent,
        reached: p!.reached ?? row.task.reached,
        lastReportAt: p!.createdAt,
      })
      .where(eq(supervisionTasks.id, id))
      .returning();
    await audit({ action: 'update', entity: 'supervision.task', entityId: id, unitId: actor.unitId, before: row.task, after });
    if (row.state === 'assigned' || row.state === 'returned') await actOnItem(tx, audit, actor, row.task.loopItemId, { action: 'accept' }, now);
  }
  const pct = p!.percent !== null ? `（${p!.percent}%）` : '';
  await addNote(tx, audit, actor, row.task.loopItemId, `进度${pct}：${input.body}`, input.fileIds, now);
  return p!;
}

/** Records a missed deadline once; the slip count is the number of missed deadlines. */
export async function recordSlip(tx: Tx, audit: Audit, zoneId: string, taskId: string, deadline: string, now: Date) {
  const inserted = await tx
    .insert(supervisionDelays)
    .values({ zoneId, taskId, missedDeadline: deadline, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) return false;
  const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(supervisionDelays).where(eq(supervisionDelays.taskId, taskId));
  await tx.update(supervisionTasks).set({ slipCount: n }).where(eq(supervisionTasks.id, taskId));
  await audit({ action: 'slip', entity: 'supervision.task', entityId: taskId, after: { missedDeadline: deadline, slipCount: n } });
  return true;
}

/**
 * The lead unit gives the reason a late task missed its deadline, on the version of that
 * deadline's delay it read (none recorded yet reads version 1).
 */
export async function explainDelay(tx: Tx, audit: Audit, actor: Actor, id: string, reason: string, version: number, now: Date) {
  const today = todayOf(() => now);
  const row = await lockTask(tx, actor, id);
  requireInvolved(actor, row, true);
  if (row.state === 'closed') throw new AppError('supervision.closed');
  if (!row.deadline || row.deadline >= today) throw new AppError('supervision.not_late', { deadline: row.deadline ?? '' });
  await recordSlip(tx, audit, actor.zoneId, id, row.deadline, now);
  const [before] = await tx.select().from(supervisionDelays).where(and(eq(supervisionDelays.taskId, id), eq(supervisionDelays.missedDeadline, row.deadline)));
  checkVersion(version, before!.version);
  const after = stillCurrent(
    (
      await tx
        .update(supervisionDelays)
        .set({ reason, reasonBy: actor.userId, reasonAt: now, version: before!.version + 1 })
        .where(and(eq(supervisionDelays.id, before!.id), eq(supervisionDelays.version, before!.version)))
        .returning()
    )[0],
  );
  await audit({ action: 'explain', entity: 'supervision.delay', entityId: after.id, unitId: actor.unitId, before, after });
  return after;
}

export const requestInput = z.object({
  kind: z.enum(requestKinds),
  body: z.string().trim().min(1).max(2000),
  proposedText: z.string().trim().max(2000).optional(),
});

export async function makeRequest(tx: Tx, audit: Audit, actor: Actor, id: string, input: z.infer<typeof requestInput>, now: Date) {
  const row = await lockTask(tx, actor, id);
  requireInvolved(actor, row, true);
  if (row.state === 'closed') throw new AppError('supervision.closed');
  if (input.kind === 'reword' && !input.proposedText) throw new AppError('supervision.proposed_text');
  const [pending] = await tx
    .select({ id: supervisionRequests.id })
    .from(supervisionRequests)
    .where(and(eq(supervisionRequests.taskId, id), eq(supervisionRequests.kind, input.kind), eq(supervisionRequests.status, 'pending')));
  if (pending) throw new AppError('supervision.request_pending');
  const [r] = await tx
    .insert(supervisionRequests)
    .values({ zoneId: actor.zoneId, taskId: id, kind: input.kind, body: input.body, proposedText: input.kind === 'reword' ? input.proposedText! : null, unitId: actor.unitId!, requestedBy: actor.userId, createdAt: now })
    .returning();
  await audit({ action: 'request', entity: 'supervision.request', entityId: r!.id, unitId: actor.unitId, after: r });
  return r!;
}

export const decisionInput = z.object({ approve: z.boolean(), note: z.string().trim().min(1).max(2000), version });

/** The supervisor decides a request; an approval rewords the task, accepts the explanation or makes it long-term. */
export async function decideRequest(tx: Tx, audit: Audit, actor: Actor, requestId: string, input: z.infer<typeof decisionInput>, now: Date) {
  const [req] = await tx
    .select()
    .from(supervisionRequests)
    .where(and(eq(supervisionRequests.id, requestId), eq(supervisionRequests.zoneId, actor.zoneId)))
    .for('update');
  if (!req) throw new AppError('not_found', { entity: 'request' });
  if (req.status !== 'pending') throw new AppError('supervision.request_decided');
  // Locked above, so the version checked is the one replaced.
  checkVersion(input.version, req.version);
  const [after] = await tx
    .update(supervisionRequests)
    .set({ status: input.approve ? 'approved' : 'rejected', decisionNote: input.note, decidedBy: actor.userId, decidedAt: now, version: req.version + 1 })
    .where(eq(supervisionRequests.id, requestId))
    .returning();
  await audit({ action: input.approve ? 'approve' : 'reject', entity: 'supervision.request', entityId: requestId, unitId: req.unitId, before: req, after });
  if (input.approve) {
    const [task] = await tx.select().from(supervisionTasks).where(eq(supervisionTasks.id, req.taskId));
    const patch =
      req.kind === 'reword' ? { text: req.proposedText! } : req.kind === 'explain' ? { explained: true } : { longTerm: true };
    const [changed] = await tx.update(supervisionTasks).set(patch).where(eq(supervisionTasks.id, req.taskId)).returning();
    if (req.kind === 'reword') {
      // The loop item's title is the task's wording.
      await tx.update(loopItems).set({ title: req.proposedText!, updatedAt: now }).where(eq(loopItems.id, task!.loopItemId));
    }
    await audit({ action: `request.${req.kind}`, entity: 'supervision.task', entityId: req.taskId, unitId: req.unitId, before: task, after: changed });
  }
  return after!;
}

export async function pendingRequests(db: ReadDb, actor: Actor, q: PageQuery) {
  const where = and(eq(supervisionRequests.zoneId, actor.zoneId), eq(supervisionRequests.status, 'pending'), visibleWhere(actor));
  const [rows, [total]] = await Promise.all([
    db
      .select({ r: supervisionRequests, unitName: units.name, taskText: supervisionTasks.text })
      .from(supervisionRequests)
      .innerJoin(supervisionTasks, eq(supervisionTasks.id, supervisionRequests.taskId))
      .innerJoin(loopItems, eq(loopItems.id, supervisionTasks.loopItemId))
      .leftJoin(units, eq(units.id, supervisionRequests.unitId))
      .where(where)
      .orderBy(asc(supervisionRequests.createdAt))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: count() })
      .from(supervisionRequests)
      .innerJoin(supervisionTasks, eq(supervisionTasks.id, supervisionRequests.taskId))
      .innerJoin(loopItems, eq(loopItems.id, supervisionTasks.loopItemId))
      .where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.r, unitName: r.unitName, taskText: r.taskText })), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export { loadTask };
