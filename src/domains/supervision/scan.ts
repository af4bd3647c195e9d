// The daily scan for due-soon and overdue tasks, run once a day however many
// server processes run (the scheduler claims the day's run in the database).
// Each warning is raised once per task, day and light; a red task's missed
// deadline is recorded (its slip count); the zone's group robot gets one
// message per zone listing the new warnings.
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { loopItems, supervisionTasks, units } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { today as todayOf } from '../../shared/calendar';
import { dueItems } from '../../shared/loop/store';
import { light } from '../../shared/loop/machine';
import { notify, sendWebhook } from '../../shared/notify';
import { unitWebhook } from '../../shared/notifyEvents';
import type { ScheduledJob } from '../../shared/scheduler';
import { pinnedZoneIds } from '../../shared/zoneClock';
import { SUBJECT_TYPE } from './documents';
import { daysLate, zhDate } from './rules';
import { recordSlip } from './tasks';

export interface ScanResult {
  today: string;
  amber: number;
  red: number;
  notified: number;
  webhooks: number;
}

export async function scanDueTasks(db: Database, now: Date, fetchImpl?: typeof fetch): Promise<ScanResult> {
  const today = todayOf(() => now);
  const pinned = await pinnedZoneIds(db); // a zone replaying history gets no reminders
  const due = (await dueItems(db, today)).filter((i) => i.kind === 'task' && i.subjectType === SUBJECT_TYPE && !pinned.has(i.zoneId));
  const result: ScanResult = { today, amber: 0, red: 0, notified: 0, webhooks: 0 };
  if (due.length === 0) return result;
  const tasks = await db
    .select({ id: supervisionTasks.id, loopItemId: supervisionTasks.loopItemId, longTerm: supervisionTasks.longTerm, explained: supervisionTasks.explained, unitName: units.name })
    .from(supervisionTasks)
    .innerJoin(loopItems, eq(loopItems.id, supervisionTasks.loopItemId))
    .leftJoin(units, eq(units.id, loopItems.assigneeUnitId))
    .where(inArray(supervisionTasks.loopItemId, due.map((d) => d.id)));
  const byItem = new Map(tasks.map((t) => [t.loopItemId, t]));
  const zones = [...new Set(due.map((d) => d.zoneId))];
  for (const zoneId of zones) {
    const lines: string[] = [];
    await writeAudited(db, { zoneId, userId: null }, 'scheduler', async (tx, audit) => {
      let wrote = false;
      for (const item of due.filter((d) => d.zoneId === zoneId)) {
        const task = byItem.get(item.id);
        if (!task || task.longTerm || !item.deadline) continue;
        const l = light(item.deadline, today, item.state, { amberDays: item.amberDays });
        if (l !== 'red' && l !== 'amber') continue;
        if (l === 'red') {
          result.red++;
          if (!task.explained && (await recordSlip(tx, audit, zoneId, task.id, item.deadline, now))) wrote = true;
        } else result.amber++;
        const title =
          l === 'red'
            ? `任务逾期${daysLate(item.deadline, today)}天：${item.title.slice(0, 40)}`
            : `任务将于${zhDate(item.deadline)}到期：${item.title.slice(0, 40)}`;
        const base = { zoneId, kind: `supervision.${l}`, level: l === 'red' ? ('danger' as const) : ('warning' as const), title, link: `/supervision/tasks/${task.id}` };
        const toUnit = await notify(tx, { ...base, unitId: item.assigneeUnitId, body: `牵头单位：${task.unitName ?? ''}`, dedupeKey: `supervision:${task.id}:${today}:${l}` });
        const toOffice = l === 'red' && (await notify(tx, { ...base, body: `牵头单位：${task.unitName ?? ''}`, dedupeKey: `supervision:${task.id}:${today}:${l}:office` }));
        if (toUnit) {
          result.notified++;
          await unitWebhook(tx, zoneId, item.assigneeUnitId, `【督查督办】${title}`, fetchImpl);
          lines.push(`${l === 'red' ? '🔴' : '🟡'} ${task.unitName ?? ''}：${title}`);
        }
        if (toOffice) result.notified++;
      }
      // An audited write needs its entry even when only notifications were raised.
      if (!wrote) await audit({ action: 'scan', entity: 'supervision.scan', entityId: today, after: { amber: result.amber, red: result.red } });
    });
    if (lines.length && (await sendWebhook(db, zoneId, [`【督查督办】${zhDate(today)}预警`, ...lines].join('\n'), fetchImpl))) result.webhooks++;
  }
  return result;
}

export const SCAN_JOB = 'supervision.scan';

export const taskScanJob: ScheduledJob = {
  name: SCAN_JOB,
  runKey: (now) => todayOf(() => now),
  run: async (db, now) => void (await scanDueTasks(db, now)),
};

