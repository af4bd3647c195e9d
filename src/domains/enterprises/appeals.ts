// Appeals (诉求): items of the shared closed loop (kind 'appeal', subject the
// enterprise) with the service standard's due dates, the response, answer and
// closure times and the enterprise's rating kept in enterprise_appeals.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database, ReadDb, Tx } from '../../db/client';
import { appealCategories, enterpriseAccounts, enterpriseAppeals, enterprises, loopEvents, loopItems, satisfactions, units } from '../../db/schema';
import { writeAudited, type Audit } from '../../server/context';
import { addWorkdays, today as chinaToday, type IsoDate } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import { version } from '../../shared/input';
import { escalationLevel, light, SERVICE_STANDARDS, serviceDeadlines, type LoopAction } from '../../shared/loop/machine';
import { actOnItem, addNote, canSeeItem, claimItemVersion, getItem, loopRolesOf, raiseItem, visibleWhere } from '../../shared/loop/store';
import { notify, sendWebhook } from '../../shared/notify';
import { EVENT_KINDS, notifyUnit, unitWebhook } from '../../shared/notifyEvents';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { authorize, type Actor } from '../../shared/policy';
import type { ScheduledJob } from '../../shared/scheduler';
import { pinnedZoneIds } from '../../shared/zoneClock';
import { appealStats, type AppealFacts } from './appealStats';
import { CATEGORY_LABELS } from './labels';
import { loadEnterprise } from './register';

export type Appeal = typeof enterpriseAppeals.$inferSelect;

export const appealInput = z.object({
  title: z.string().trim().min(2).max(200),
  detail: z.string().trim().max(4000).default(''),
  category: z.enum(appealCategories),
  /** A hard case: solve within 25 working days instead of 10. */
  hard: z.boolean().default(false),
});
export const staffAppealInput = appealInput.extend({ enterpriseId: z.uuid(), visitId: z.uuid().optional() });
export const rateInput = z.object({ satisfaction: z.enum(satisfactions), note: z.string().trim().max(1000).optional(), version });
export const answerInput = z.object({ answer: z.string().trim().min(2).max(4000), version });
export const withdrawInput = z.object({ reason: z.string().trim().min(1).max(500), version });
/** An appeal's version is its loop item's: every change to either bumps it. */
type Versioned<T> = Omit<T, 'version'> & { version?: number };

/** The enterprise an enterprise user's account speaks for. */
export async function linkedEnterpriseId(db: ReadDb | Tx, actor: Actor): Promise<string> {
  const [link] = await db
    .select({ id: enterpriseAccounts.enterpriseId })
    .from(enterpriseAccounts)
    .where(and(eq(enterpriseAccounts.zoneId, actor.zoneId), eq(enterpriseAccounts.userId, actor.userId)));
  if (!link) throw new AppError('enterprises.account_unlinked');
  return link.id;
}

interface RaiseOptions {
  enterpriseId: string;
  visitId?: string | null;
  now: Date;
}

/** Raises an appeal for an enterprise: by its own user, or by staff (on a visit). */
export async function raiseAppeal(tx: Tx, audit: Audit, actor: Actor, input: z.infer<typeof appealInput>, opts: RaiseOptions) {
  const e = await loadEnterprise(tx, actor.zoneId, opts.enterpriseId);
  if (actor.role === 'enterprise') {
    if ((await linkedEnterpriseId(tx, actor)) !== e.id) throw new AppError('not_found', { entity: 'enterprise' });
  } else authorize(actor, 'enterprise.write', { unitId: e.unitId });
  const raisedOn = chinaToday(() => opts.now);
  const due = serviceDeadlines(raisedOn, input.hard ? SERVICE_STANDARDS.hard : SERVICE_STANDARDS.normal);
  const item = await raiseItem(tx, audit, actor, {
    kind: 'appeal',
    subjectType: 'enterprise',
    subjectId: e.id,
    category: input.category,
    title: input.title,
    detail: input.detail,
  }, opts.now);
  const [row] = await tx
    .insert(enterpriseAppeals)
    .values({
      zoneId: actor.zoneId,
      enterpriseId: e.id,
      loopItemId: item.id,
      visitId: opts.visitId ?? null,
      category: input.category,
      hard: input.hard,
      raisedAt: opts.now,
      raisedOn,
      ...due,
    })
    .returning();
  await audit({ action: 'create', entity: 'enterprise.appeal', entityId: row!.id, unitId: e.unitId, after: row });
  await notify(tx, {
    zoneId: actor.zoneId,
    kind: 'appeal.raised',
    title: `新诉求：${e.name}（${CATEGORY_LABELS[input.category].zh}）`,
    body: `${input.title}。请于${due.respondBy}前响应。`,
    link: `/enterprises/appeals/${row!.id}`,
    dedupeKey: `appeal:${row!.id}:raised`,
  });
  return row!;
}

async function loadAppeal(db: ReadDb | Tx, zoneId: string, id: string): Promise<Appeal> {
  const [row] = await db.select().from(enterpriseAppeals).where(and(eq(enterpriseAppeals.zoneId, zoneId), eq(enterpriseAppeals.id, id)));
  if (!row) throw new AppError('not_found', { entity: 'appeal' });
  return row;
}

export const appealActBody = z.object({
  action: z.enum(['assign', 'accept', 'report_done', 'verify', 'return', 'close', 'reopen']),
  reason: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(4000).optional(),
  assigneeUnitId: z.uuid().optional(),
  deadline: isoDate.optional(),
  version,
});

/**
 * Moves an appeal along the loop. Assigning without a deadline uses the
 * service standard's solve-by day; the first step the department takes is its
 * response, reporting it done counts as the answer if none was given.
 */
export async function actOnAppeal(tx: Tx, audit: Audit, actor: Actor, id: string, input: Versioned<z.infer<typeof appealActBody>>, now: Date) {
  const before = await loadAppeal(tx, actor.zoneId, id);
  const action: LoopAction = input.action;
  let deadline = input.deadline;
  if (action === 'assign' && !deadline) deadline = before.solveBy;
  if (action === 'reopen' && !deadline) {
    deadline = addWorkdays(chinaToday(() => now), (before.hard ? SERVICE_STANDARDS.hard : SERVICE_STANDARDS.normal).solveWorkdays);
  }
  const item = await actOnItem(tx, audit, actor, before.loopItemId, { ...input, action, deadline }, now);
  const patch: Partial<Appeal> = {};
  if ((action === 'accept' || action === 'report_done') && !before.respondedAt) patch.respondedAt = now;
  if (action === 'report_done' && !before.answeredAt) patch.answeredAt = now;
  if (item.state === 'closed') patch.closedAt = now;
  if (action === 'reopen') Object.assign(patch, { closedAt: null, satisfaction: null, ratingNote: null, ratedAt: null });
  if (action === 'reopen' && deadline) patch.solveBy = deadline;
  let after = before;
  if (Object.keys(patch).length) {
    [after] = (await tx.update(enterpriseAppeals).set(patch).where(eq(enterpriseAppeals.id, id)).returning()) as [Appeal];
    await audit({ action: input.action, entity: 'enterprise.appeal', entityId: id, unitId: item.assigneeUnitId, before, after });
  }
  if (action === 'assign' && item.assigneeUnitId) {
    // Once per appeal, unit and day, in-app and on the unit's group robot.
    await notifyUnit(tx, {
      zoneId: actor.zoneId,
      unitId: item.assigneeUnitId,
      kind: EVENT_KINDS.appealAssigned,
      subject: `appeal:${id}`,
      title: `交办诉求：${item.title}`,
      body: `请于${before.respondBy}前响应、${before.answerBy}前答复、${deadline}前办结。`,
      link: `/enterprises/appeals/${id}`,
      day: chinaToday(() => now),
    });
  }
  if (item.state === 'closed') {
    const accounts = await tx.select({ userId: enterpriseAccounts.userId }).from(enterpriseAccounts).where(eq(enterpriseAccounts.enterpriseId, before.enterpriseId));
    for (const a of accounts) {
      await notify(tx, { zoneId: actor.zoneId, userId: a.userId, kind: 'appeal.closed', title: `诉求已办结：${item.title}`, body: '请对办理结果进行评价。', link: `/enterprises/my/appeals/${id}` });
    }
  }
  return after;
}

/** The department's answer (答复) to the enterprise, kept as a note on the loop item too. */
export async function answerAppeal(tx: Tx, audit: Audit, actor: Actor, id: string, input: Versioned<z.infer<typeof answerInput>>, now: Date) {
  const text = input.answer;
  const before = await loadAppeal(tx, actor.zoneId, id);
  const [item] = await tx.select().from(loopItems).where(eq(loopItems.id, before.loopItemId));
  if (!canSeeItem(actor, item!)) throw new AppError('not_found', { entity: 'appeal' });
  const roles = loopRolesOf(actor, item!);
  if (!roles.includes('assignee') && !roles.includes('supervisor')) throw new AppError('enterprises.answer_role');
  const claimed = await claimItemVersion(tx, before.loopItemId, input.version, now);
  await addNote(tx, audit, actor, before.loopItemId, `答复：${text}`, [], now);
  const [after] = await tx
    .update(enterpriseAppeals)
    .set({ answer: text, answeredAt: before.answeredAt ?? now, respondedAt: before.respondedAt ?? now })
    .where(eq(enterpriseAppeals.id, id))
    .returning();
  await audit({ action: 'answer', entity: 'enterprise.appeal', entityId: id, unitId: item!.assigneeUnitId, before, after });
  return { ...after!, version: claimed.version };
}

export async function rateAppeal(tx: Tx, audit: Audit, actor: Actor, id: string, input: Versioned<z.infer<typeof rateInput>>, now: Date) {
  const before = await loadAppeal(tx, actor.zoneId, id);
  if ((await linkedEnterpriseId(tx, actor)) !== before.enterpriseId) throw new AppError('not_found', { entity: 'appeal' });
  const claimed = await claimItemVersion(tx, before.loopItemId, input.version, now);
  if (!before.closedAt) throw new AppError('enterprises.rate_closed_only');
  if (before.satisfaction) throw new AppError('enterprises.rated');
  const [after] = await tx
    .update(enterpriseAppeals)
    .set({ satisfaction: input.satisfaction, ratingNote: input.note ?? null, ratedAt: now })
    .where(eq(enterpriseAppeals.id, id))
    .returning();
  await audit({ action: 'rate', entity: 'enterprise.appeal', entityId: id, before, after });
  return { ...after!, version: claimed.version };
}

/** The enterprise withdraws an appeal it raised that nobody has taken on yet. */
export async function withdrawAppeal(tx: Tx, audit: Audit, actor: Actor, id: string, input: z.infer<typeof withdrawInput>, now: Date) {
  const before = await loadAppeal(tx, actor.zoneId, id);
  if ((await linkedEnterpriseId(tx, actor)) !== before.enterpriseId) throw new AppError('not_found', { entity: 'appeal' });
  const item = await actOnItem(tx, audit, actor, before.loopItemId, { action: 'close', reason: input.reason, version: input.version }, now);
  const [after] = await tx.update(enterpriseAppeals).set({ closedAt: now }).where(eq(enterpriseAppeals.id, id)).returning();
  await audit({ action: 'withdraw', entity: 'enterprise.appeal', entityId: id, before, after });
  return { ...after!, version: item.version };
}

const assignee = alias(units, 'assignee');

export interface AppealFilter extends PageQuery {
  enterpriseId?: string;
  category?: (typeof appealCategories)[number];
  open?: boolean;
  assigneeUnitId?: string;
}

function appealWhere(zoneId: string, f: Omit<AppealFilter, 'page' | 'pageSize'>, extra?: SQL): SQL {
  return and(
    eq(enterpriseAppeals.zoneId, zoneId),
    extra,
    f.enterpriseId ? eq(enterpriseAppeals.enterpriseId, f.enterpriseId) : undefined,
    f.category ? eq(enterpriseAppeals.category, f.category) : undefined,
    f.open === true ? sql`${loopItems.state} <> 'closed'` : f.open === false ? eq(loopItems.state, 'closed') : undefined,
    f.assigneeUnitId ? eq(loopItems.assigneeUnitId, f.assigneeUnitId) : undefined,
  )!;
}

async function appealPage(db: ReadDb, where: SQL, f: PageQuery, today: IsoDate) {
  const base = db
    .select({ a: enterpriseAppeals, item: loopItems, enterpriseName: enterprises.name, assigneeName: assignee.name })
    .from(enterpriseAppeals)
    .innerJoin(loopItems, eq(loopItems.id, enterpriseAppeals.loopItemId))
    .innerJoin(enterprises, eq(enterprises.id, enterpriseAppeals.enterpriseId))
    .leftJoin(assignee, eq(assignee.id, loopItems.assigneeUnitId))
    .where(where);
  const [rows, [total]] = await Promise.all([
    base.orderBy(sql`${loopItems.state} = 'closed'`, desc(enterpriseAppeals.raisedAt)).limit(f.pageSize).offset(offsetOf(f)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(enterpriseAppeals)
      .innerJoin(loopItems, eq(loopItems.id, enterpriseAppeals.loopItemId))
      .where(where),
  ]);
  return { items: rows.map((r) => present(r, today)), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

type Row = { a: Appeal; item: typeof loopItems.$inferSelect; enterpriseName: string; assigneeName: string | null };
function present(r: Row, today: IsoDate) {
  return {
    ...r.a,
    title: r.item.title,
    detail: r.item.detail,
    state: r.item.state,
    deadline: r.item.deadline,
    escalation: r.item.escalation,
    version: r.item.version,
    assigneeUnitId: r.item.assigneeUnitId,
    assigneeName: r.assigneeName,
    enterpriseName: r.enterpriseName,
    light: light(r.item.deadline ?? r.a.solveBy, today, r.item.state, { amberDays: r.item.amberDays }),
  };
}

/** Appeals the staff member may see (the loop's visibility rule). */
export function listAppeals(db: ReadDb, actor: Actor, f: AppealFilter, today: IsoDate) {
  return appealPage(db, appealWhere(actor.zoneId, f, visibleWhere(actor)), f, today);
}

/** An enterprise user's own appeals, whoever raised them. */
export async function listMyAppeals(db: ReadDb, actor: Actor, f: PageQuery, today: IsoDate) {
  const enterpriseId = await linkedEnterpriseId(db, actor);
  return appealPage(db, appealWhere(actor.zoneId, { enterpriseId }), f, today);
}

async function rowOf(db: ReadDb, zoneId: string, id: string): Promise<Row> {
  const [r] = await db
    .select({ a: enterpriseAppeals, item: loopItems, enterpriseName: enterprises.name, assigneeName: assignee.name })
    .from(enterpriseAppeals)
    .innerJoin(loopItems, eq(loopItems.id, enterpriseAppeals.loopItemId))
    .innerJoin(enterprises, eq(enterprises.id, enterpriseAppeals.enterpriseId))
    .leftJoin(assignee, eq(assignee.id, loopItems.assigneeUnitId))
    .where(and(eq(enterpriseAppeals.zoneId, zoneId), eq(enterpriseAppeals.id, id)));
  if (!r) throw new AppError('not_found', { entity: 'appeal' });
  return r;
}

/** Staff view: the appeal, its loop history and the actions open to this user. */
export async function appealDetail(db: ReadDb, actor: Actor, id: string, today: IsoDate) {
  const r = await rowOf(db, actor.zoneId, id);
  const loop = await getItem(db, actor, r.a.loopItemId, today);
  const roles = loopRolesOf(actor, r.item);
  return { appeal: present(r, today), events: loop.events, allowedActions: loop.allowedActions, canAnswer: roles.includes('assignee') || roles.includes('supervisor') };
}

/** Enterprise view of its own appeal: the history without internal ids, and what it may do. */
export async function myAppealDetail(db: ReadDb, actor: Actor, id: string, today: IsoDate) {
  const enterpriseId = await linkedEnterpriseId(db, actor);
  const r = await rowOf(db, actor.zoneId, id);
  if (r.a.enterpriseId !== enterpriseId) throw new AppError('not_found', { entity: 'appeal' });
  const events = await db
    .select({ action: loopEvents.action, at: loopEvents.at, unitName: units.name, note: loopEvents.note, reason: loopEvents.reason })
    .from(loopEvents)
    .leftJoin(units, eq(units.id, loopEvents.actorUnitId))
    .where(eq(loopEvents.itemId, r.a.loopItemId))
    .orderBy(asc(loopEvents.at));
  return {
    appeal: present(r, today),
    events,
    canRate: r.item.state === 'closed' && !r.a.satisfaction,
    canWithdraw: r.item.state === 'found' && r.item.raisedBy === actor.userId,
  };
}

/** Statistics over appeals raised in [from, to]: per handling department and in total. */
export async function appealStatistics(db: ReadDb, zoneId: string, from: IsoDate, to: IsoDate, today: IsoDate) {
  const rows = await db
    .select({ a: enterpriseAppeals, state: loopItems.state, unitId: loopItems.assigneeUnitId, unitName: assignee.name })
    .from(enterpriseAppeals)
    .innerJoin(loopItems, eq(loopItems.id, enterpriseAppeals.loopItemId))
    .leftJoin(assignee, eq(assignee.id, loopItems.assigneeUnitId))
    .where(and(eq(enterpriseAppeals.zoneId, zoneId), sql`${enterpriseAppeals.raisedOn} BETWEEN ${from}::date AND ${to}::date`));
  const facts: AppealFacts[] = rows.map((r) => ({
    unitId: r.unitId,
    unitName: r.unitName,
    closed: r.state === 'closed',
    raisedAt: r.a.raisedAt,
    respondBy: r.a.respondBy,
    solveBy: r.a.solveBy,
    respondedAt: r.a.respondedAt,
    closedAt: r.a.closedAt,
    satisfaction: r.a.satisfaction,
  }));
  const byCategory = appealCategories.map((c) => ({ category: c, count: rows.filter((r) => r.a.category === c).length }));
  return { from, to, ...appealStats(facts, today), byCategory };
}

/**
 * The daily watch: a late response or answer warns the handling unit (or the
 * supervisors while unassigned); a solve-by day passed raises the loop item's
 * escalation level and tells the supervisors, and the zone's group robot from
 * level 2. Notifications carry dedupe keys, so a rerun repeats nothing.
 */
export async function watchAppeals(db: Database, today: IsoDate): Promise<number> {
  const rows = await db
    .select({ a: enterpriseAppeals, item: loopItems, enterpriseName: enterprises.name })
    .from(enterpriseAppeals)
    .innerJoin(loopItems, eq(loopItems.id, enterpriseAppeals.loopItemId))
    .innerJoin(enterprises, eq(enterprises.id, enterpriseAppeals.enterpriseId))
    .where(sql`${loopItems.state} <> 'closed'`);
  let sent = 0;
  const pinned = await pinnedZoneIds(db); // a zone replaying history gets no reminders
  for (const { a, item, enterpriseName } of rows) {
    if (pinned.has(a.zoneId)) continue;
    const who = { zoneId: a.zoneId, unitId: item.assigneeUnitId };
    const label = `${enterpriseName}：${item.title}`;
    // A late response and a late answer: told in the app and to the unit's robot, once each.
    const lateSteps = [
      { late: !a.respondedAt && today > a.respondBy, kind: 'appeal.respond_late', what: '响应', by: a.respondBy, key: 'respond' },
      { late: !a.answeredAt && today > a.answerBy, kind: 'appeal.answer_late', what: '答复', by: a.answerBy, key: 'answer' },
    ] as const;
    for (const step of lateSteps.filter((s) => s.late)) {
      const title = `诉求超时未${step.what}：${label}`;
      const body = `应于${step.by}前${step.what}`;
      if (await notify(db, { ...who, kind: step.kind, level: 'warning', title, body, link: `/enterprises/appeals/${a.id}`, dedupeKey: `appeal:${a.id}:${step.key}` })) {
        sent++;
        await unitWebhook(db, a.zoneId, item.assigneeUnitId, `【诉求】${title}（${body}）`);
      }
    }
    const level = escalationLevel(item.deadline ?? a.solveBy, today);
    if (level > item.escalation) {
      const title = `诉求逾期${level > 1 ? `（${level}级督办）` : ''}：${label}`;
      const body = `办结时限${item.deadline ?? a.solveBy}，已逾期。`;
      const toUnit = await writeAudited(db, { zoneId: a.zoneId, userId: null }, null, async (tx, audit) => {
        await tx.update(loopItems).set({ escalation: level }).where(eq(loopItems.id, item.id));
        await audit({ action: 'escalate', entity: 'loop.appeal', entityId: item.id, unitId: item.assigneeUnitId, before: { escalation: item.escalation }, after: { escalation: level } });
        await notify(tx, { zoneId: a.zoneId, kind: 'appeal.overdue', level: 'danger', title, body, link: `/enterprises/appeals/${a.id}`, dedupeKey: `appeal:${a.id}:esc:${level}` });
        return Boolean(item.assigneeUnitId) && (await notify(tx, { ...who, kind: 'appeal.overdue', level: 'danger', title, body, link: `/enterprises/appeals/${a.id}`, dedupeKey: `appeal:${a.id}:esc:${level}:unit` }));
      });
      sent++;
      // The unit's own robot hears of it after the level is committed.
      if (toUnit) await unitWebhook(db, a.zoneId, item.assigneeUnitId, `【诉求】${title}\n${body}`);
      if (level >= 2) await sendWebhook(db, a.zoneId, `【诉求督办】${label} 已逾期，办结时限${item.deadline ?? a.solveBy}。`);
    }
  }
  return sent;
}

// Once a day, in whichever process claims it first.
export const appealWatchJob: ScheduledJob = {
  name: 'enterprises.appeal-watch',
  runKey: (now) => chinaToday(() => now),
  run: async (db, now) => void (await watchAppeals(db, chinaToday(() => now))),
};

/** Appeals of some enterprises, counted by state, for the register's detail page. */
export async function appealCountsOf(db: ReadDb, enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return [];
  return db
    .select({ enterpriseId: enterpriseAppeals.enterpriseId, open: sql<number>`(count(*) FILTER (WHERE ${loopItems.state} <> 'closed'))::int`, total: sql<number>`count(*)::int` })
    .from(enterpriseAppeals)
    .innerJoin(loopItems, eq(loopItems.id, enterpriseAppeals.loopItemId))
    .where(inArray(enterpriseAppeals.enterpriseId, enterpriseIds))
    .groupBy(enterpriseAppeals.enterpriseId);
}

