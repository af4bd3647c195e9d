// The daily watch over project problems, run once a day however many server
// processes run (the scheduler claims the day's run in the database). An open
// problem past its deadline escalates (1 overdue, 2 after 7 days, 3 after 30:
// the shared loop's levels); each new level is recorded on the loop item
// (audited) and told to the responsible department and to the supervisors, and
// from level 2 to the zone's group robot. A problem nearing its deadline warns
// the department once. What the department is told also goes to its own group
// robot, if it has one. Dedupe keys make a rerun repeat nothing.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { loopItems, projects, units } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { today as todayOf, type IsoDate } from '../../shared/calendar';
import { escalationLevel, light, overdueDays } from '../../shared/loop/machine';
import { dueItems } from '../../shared/loop/store';
import { notify, sendWebhook } from '../../shared/notify';
import { unitWebhook } from '../../shared/notifyEvents';
import type { ScheduledJob } from '../../shared/scheduler';
import { pinnedZoneIds } from '../../shared/zoneClock';
import { PROJECT_SUBJECT } from './problems';

export interface WatchResult {
  today: IsoDate;
  amber: number;
  escalated: number;
  notified: number;
  webhooks: number;
}

/** Thrown to roll back a run that found the item changed under it. */
const SKIP = Symbol('skip');
const LEVEL_ZH = ['', '逾期', '二级督办', '三级督办'] as const;

export async function watchProblems(db: Database, now: Date, fetchImpl?: typeof fetch): Promise<WatchResult> {
  const today = todayOf(() => now);
  const result: WatchResult = { today, amber: 0, escalated: 0, notified: 0, webhooks: 0 };
  const pinned = await pinnedZoneIds(db); // a zone replaying history gets no reminders
  const due = (await dueItems(db, today)).filter((i) => i.kind === 'problem' && i.subjectType === PROJECT_SUBJECT && i.deadline && !pinned.has(i.zoneId));
  if (due.length === 0) return result;
  const names = new Map(
    (
      await db
        .select({ id: projects.id, name: projects.name })
        .from(projects)
        .where(inArray(projects.id, [...new Set(due.map((d) => d.subjectId!))]))
    ).map((p) => [p.id, p.name]),
  );
  const unitNames = new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.zoneId, [...new Set(due.map((d) => d.zoneId))]))).map((u) => [u.id, u.name]));

  for (const item of due) {
    const deadline = item.deadline!;
    const project = names.get(item.subjectId!) ?? '';
    const label = `${project}：${item.title}`;
    const link = `/projects/p/${item.subjectId}`;
    const unitName = item.assigneeUnitId ? (unitNames.get(item.assigneeUnitId) ?? '') : '';
    if (light(deadline, today, item.state, { amberDays: item.amberDays }) === 'amber') {
      const dueTitle = `问题将于${deadline}到期：${label}`;
      const sent = await notify(db, {
        zoneId: item.zoneId,
        unitId: item.assigneeUnitId,
        kind: 'project.problem_due',
        level: 'warning',
        title: dueTitle.slice(0, 200),
        body: `责任单位：${unitName}`,
        link,
        dedupeKey: `project-problem:${item.id}:due:${deadline}`,
      });
      result.amber++;
      if (sent) {
        result.notified++;
        await unitWebhook(db, item.zoneId, item.assigneeUnitId, `【项目问题】${dueTitle}`, fetchImpl);
      }
      continue;
    }
    const level = escalationLevel(deadline, today);
    if (level <= item.escalation) continue;
    const late = overdueDays(deadline, today);
    const title = `问题${LEVEL_ZH[level]}（逾期${late}天）：${label}`.slice(0, 200);
    const body = `责任单位：${unitName || '未交办'}；整改时限${deadline}。`;
    let toUnit = false;
    const raised = await writeAudited(db, { zoneId: item.zoneId, userId: null }, 'scheduler', async (tx, audit) => {
      // Only this run raises the level: a concurrent action that changed the item wins.
      const moved = await tx
        .update(loopItems)
        .set({ escalation: level })
        .where(and(eq(loopItems.id, item.id), eq(loopItems.version, item.version), sql`${loopItems.state} <> 'closed'`))
        .returning({ id: loopItems.id });
      if (moved.length === 0) throw SKIP;
      await audit({ action: 'escalate', entity: 'loop.problem', entityId: item.id, unitId: item.assigneeUnitId, before: { escalation: item.escalation }, after: { escalation: level, overdueDays: late } });
      const base = { zoneId: item.zoneId, kind: 'project.problem_overdue', level: 'danger' as const, title, body, link };
      if (await notify(tx, { ...base, dedupeKey: `project-problem:${item.id}:esc:${level}` })) result.notified++;
      toUnit = Boolean(item.assigneeUnitId) && (await notify(tx, { ...base, unitId: item.assigneeUnitId, dedupeKey: `project-problem:${item.id}:esc:${level}:unit` }));
      if (toUnit) result.notified++;
      result.escalated++;
      return true;
    }).catch((e: unknown) => {
      if (e === SKIP) return false;
      throw e;
    });
    // The robots are told once the level is committed, never from inside the transaction.
    if (raised && toUnit) await unitWebhook(db, item.zoneId, item.assigneeUnitId, `【项目问题】${title}\n${body}`, fetchImpl);
    if (raised && level >= 2 && (await sendWebhook(db, item.zoneId, `【项目问题督办】${title}\n${body}`, fetchImpl))) result.webhooks++;
  }
  return result;
}

export const PROBLEM_WATCH_JOB = 'projects.problems';

export const problemWatchJob: ScheduledJob = {
  name: PROBLEM_WATCH_JOB,
  runKey: (now) => todayOf(() => now),
  run: async (db, now) => void (await watchProblems(db, now)),
};
