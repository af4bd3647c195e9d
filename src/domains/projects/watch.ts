// The daily watch over project problems: the shared loop watch (shared/loop/watch.ts)
// with what only problems have — messages naming the project and the problem,
// linking to the project's page, and the loop's own levels (1 overdue, 2 after 7
// days, 3 after 30). Listed in domains/scheduledJobs.ts: one run a day across processes.
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema';
import { schedulerWrite } from '../../server/context';
import { today as todayOf } from '../../shared/calendar';
import { escalationLevel } from '../../shared/loop/machine';
import { watchLoop, type LoopWatch, type WatchedItem, type WatchResult } from '../../shared/loop/watch';
import type { ScheduledJob } from '../../shared/scheduler';
import { PROJECT_SUBJECT } from './problems';

export const PROBLEM_WATCH: LoopWatch = {
  kind: 'problem',
  subjectType: PROJECT_SUBJECT,
  noun: '问题',
  tag: '项目问题',
  dueKind: 'project.problem_due',
  overdueKind: 'project.problem_overdue',
  keyPrefix: 'project-problem',
  describe: async (db, items, today) => {
    const rows = await db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(inArray(projects.id, [...new Set(items.map((i) => i.subjectId!))]));
    const names = new Map(rows.map((p) => [p.id, p.name]));
    const out = new Map<string, WatchedItem>();
    for (const item of items) {
      out.set(item.id, {
        label: `${names.get(item.subjectId!) ?? ''}：${item.title}`,
        link: `/projects/p/${item.subjectId}`,
        level: escalationLevel(item.deadline!, today),
      });
    }
    return out;
  },
};

export function watchProblems(db: Database, now: Date, fetchImpl?: typeof fetch): Promise<WatchResult> {
  return watchLoop(db, now, PROBLEM_WATCH, schedulerWrite, fetchImpl);
}

export const PROBLEM_WATCH_JOB = 'projects.problems';

export const problemWatchJob: ScheduledJob = {
  name: PROBLEM_WATCH_JOB,
  runKey: (now) => todayOf(() => now),
  run: async (db, now) => void (await watchProblems(db, now)),
};
