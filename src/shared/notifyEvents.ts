// Notifications that reach the right people once: an event about an object (a
// figure returned, a problem or task assigned — 交办 —, an appeal assigned, a
// deadline near) goes in-app to every account of the responsible unit and to
// the unit's own group robot. Each is keyed by kind + object + recipient + day
// (notifications are unique per zone and key), so a repeated step or scan sends
// nothing new; the bell groups what remains by its subject (notifyGroups.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { enterpriseAppeals, loopItems, supervisionTasks, unitWebhooks, type LoopKind } from '../db/schema';
import { today } from './calendar';
import { notify, sendWebhook } from './notify';

/** Notification kinds raised here (labels: web shell and audit screens). */
export const EVENT_KINDS = {
  figureReturned: 'targets.returned',
  problemAssigned: 'project.problem_assigned',
  taskAssigned: 'supervision.task_assigned',
  hazardAssigned: 'loop.hazard_assigned',
  appealAssigned: 'appeal.assigned',
  instructionAssigned: 'instruction.assigned',
} as const;

export interface UnitEvent {
  zoneId: string;
  unitId: string;
  kind: string;
  /** The object: 'supervision.task:<id>'. Repeats about it show once in the bell. */
  subject: string;
  /** What is deduplicated, when finer than the subject (one returned figure of a month's). */
  object?: string;
  title: string;
  body?: string;
  link?: string | null;
  level?: 'info' | 'warning' | 'danger';
  /** China's date of the event (default today): one notice per object, unit and day. */
  day?: string;
}

export const eventKey = (e: Pick<UnitEvent, 'kind' | 'subject' | 'object' | 'unitId'>, day: string) => `${e.kind}:${e.object ?? e.subject}:unit:${e.unitId}:${day}`;

/** In-app to the unit's accounts, once per key; a new one also goes to the unit's group robot. */
export async function notifyUnit(db: Queryable, e: UnitEvent, fetchImpl?: typeof fetch): Promise<boolean> {
  const sent = await notify(db, {
    zoneId: e.zoneId,
    unitId: e.unitId,
    kind: e.kind,
    level: e.level ?? 'warning',
    title: e.title,
    body: e.body ?? '',
    link: e.link ?? null,
    subject: e.subject,
    dedupeKey: eventKey(e, e.day ?? today()),
  });
  if (sent) await unitWebhook(db, e.zoneId, e.unitId, `【攻坚】${e.title}${e.body ? `\n${e.body}` : ''}`, fetchImpl);
  return sent;
}

/** Posts to the unit's own group robot, if it has one, through the zone's send path; never throws. */
export async function unitWebhook(db: Queryable, zoneId: string, unitId: string | null | undefined, text: string, fetchImpl?: typeof fetch): Promise<boolean> {
  if (!unitId) return false;
  const [hook] = await db.select({ url: unitWebhooks.url }).from(unitWebhooks).where(and(eq(unitWebhooks.zoneId, zoneId), eq(unitWebhooks.unitId, unitId)));
  if (!hook) return false;
  return sendWebhook(db, zoneId, text, fetchImpl, hook.url);
}

interface AssignedItem {
  id: string;
  zoneId: string;
  kind: LoopKind;
  title: string;
  subjectType: string | null;
  subjectId: string | null;
  assigneeUnitId: string | null;
  deadline: string | null;
  state: string;
}

/** Where the web app shows a loop item (by the domain that raised it). */
async function loopLink(db: Queryable, item: AssignedItem): Promise<string | null> {
  if (item.subjectType === 'project' && item.subjectId) return `/projects/p/${item.subjectId}`;
  if (item.subjectType === 'hazard' && item.subjectId) return `/hazards/${item.subjectId}`;
  if (item.kind === 'task') {
    const [task] = await db.select({ id: supervisionTasks.id }).from(supervisionTasks).where(eq(supervisionTasks.loopItemId, item.id));
    return task ? `/supervision/tasks/${task.id}` : null;
  }
  if (item.kind === 'instruction') return `/instructions/todo`;
  if (item.kind === 'appeal') {
    const [a] = await db.select({ id: enterpriseAppeals.id }).from(enterpriseAppeals).where(eq(enterpriseAppeals.loopItemId, item.id));
    return a ? `/enterprises/appeals/${a.id}` : null;
  }
  return null;
}

const ASSIGNED: Record<Exclude<LoopKind, 'appeal'>, { kind: string; zh: string }> = {
  problem: { kind: EVENT_KINDS.problemAssigned, zh: '交办项目问题' },
  task: { kind: EVENT_KINDS.taskAssigned, zh: '交办督办任务' },
  hazard: { kind: EVENT_KINDS.hazardAssigned, zh: '交办隐患整改' },
  instruction: { kind: EVENT_KINDS.instructionAssigned, zh: '领导批示' },
};
const zhDate = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * 交办 of a loop item (assign, reassign, reopen) → the assigned unit. Called by
 * the routes where a person assigns (demo builders stay quiet). Appeals are
 * worded by their domain (service-standard deadlines) through notifyUnit.
 */
export async function notifyAssigned(db: Queryable, item: AssignedItem, day?: string, fetchImpl?: typeof fetch): Promise<boolean> {
  if (!item.assigneeUnitId || item.kind === 'appeal' || item.state !== 'assigned') return false;
  const what = ASSIGNED[item.kind];
  return notifyUnit(
    db,
    {
      zoneId: item.zoneId,
      unitId: item.assigneeUnitId,
      kind: what.kind,
      subject: `loop:${item.id}`,
      title: `${what.zh}：${item.title.slice(0, 60)}`,
      body: item.deadline ? `请于${zhDate(item.deadline)}前办结。` : '',
      link: await loopLink(db, item),
      day,
    },
    fetchImpl,
  );
}

/** 交办 of the items about these subjects (the tasks a confirmed document created). */
export async function notifyAssignedSubjects(db: Queryable, zoneId: string, subjectType: string, subjectIds: string[], day?: string) {
  if (subjectIds.length === 0) return 0;
  const items = await db
    .select()
    .from(loopItems)
    .where(and(eq(loopItems.zoneId, zoneId), eq(loopItems.subjectType, subjectType), inArray(loopItems.subjectId, subjectIds)));
  let n = 0;
  for (const item of items) if (await notifyAssigned(db, item, day)) n++;
  return n;
}
