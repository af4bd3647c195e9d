// The daily watch over the hazard register (隐患动态清零): the shared loop watch
// (shared/loop/watch.ts) with what only hazards have — the rule of levels
// (rules.ts, hazardEscalation: a 重大隐患 goes to 二级督办 on its first day
// overdue), and messages naming the hazard, its level and unit, linking to
// /hazards/<id>. Listed in domains/scheduledJobs.ts: one run a day across processes.
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { hazards } from '../../db/schema';
import { schedulerWrite } from '../../server/context';
import { today as todayOf } from '../../shared/calendar';
import { watchLoop, type LoopWatch, type WatchedItem, type WatchResult } from '../../shared/loop/watch';
import type { ScheduledJob } from '../../shared/scheduler';
import { hazardEscalation } from './rules';
import { HAZARD_SUBJECT } from './service';

export const HAZARD_LEVEL_ZH = { general: '一般隐患', major: '重大隐患' } as const;

/** The notification kinds the watch sends: due soon (amber), overdue and every escalation. The bell labels them (web i18n `notice.*`). */
export const HAZARD_NOTICE_KINDS = ['hazard.due', 'hazard.overdue'] as const;

export const HAZARD_WATCH: LoopWatch = {
  kind: 'hazard',
  subjectType: HAZARD_SUBJECT,
  noun: '隐患',
  tag: '隐患整改',
  dueKind: HAZARD_NOTICE_KINDS[0],
  overdueKind: HAZARD_NOTICE_KINDS[1],
  keyPrefix: 'hazard',
  describe: async (db, items, today) => {
    const rows = await db
      .select({ id: hazards.id, loopItemId: hazards.loopItemId, level: hazards.level })
      .from(hazards)
      .where(inArray(hazards.loopItemId, items.map((i) => i.id)));
    const out = new Map<string, WatchedItem>();
    for (const h of rows) {
      const item = items.find((i) => i.id === h.loopItemId)!;
      out.set(h.loopItemId, {
        label: `${item.title}（${HAZARD_LEVEL_ZH[h.level]}）`,
        link: `/hazards/${h.id}`,
        level: hazardEscalation(h.level, item.deadline!, today),
      });
    }
    return out;
  },
};

export function watchHazards(db: Database, now: Date, fetchImpl?: typeof fetch): Promise<WatchResult> {
  return watchLoop(db, now, HAZARD_WATCH, schedulerWrite, fetchImpl);
}

export const HAZARD_WATCH_JOB = 'hazards.watch';

export const hazardWatchJob: ScheduledJob = {
  name: HAZARD_WATCH_JOB,
  runKey: (now) => todayOf(() => now),
  run: async (db, now) => void (await watchHazards(db, now)),
};
