// Demo: the Xuzhou zone's 2022 quarterly competition (三百劳动竞赛-like) among its
// six towns/sub-districts. The seeds name the units and the competition, not
// each unit's tasks: the tasks and problems here are plausible demo records
// (detail "演示数据", category "demo"), walked through the closed loop by the
// loop's own services and then dated back into their quarter.
import { and, eq } from 'drizzle-orm';
import type { DbHandle, Tx } from '../../db/client';
import { units } from '../../db/schema';
import { writeAudited, type Audit } from '../../server/context';
import { actOnItem, raiseItem } from '../../shared/loop/store';
import type { Actor } from '../../shared/policy';
import type { DemoZone } from './zones';
import { demoActor, demoAt } from './actor';
import { seedBulletinSettings } from './bulletins';
import { publishScheme } from '../assessment/results';
import { addAdjustment, createScheme, type SchemeInput } from '../assessment/schemes';

/** Per unit and quarter: tasks [on time, late, open] and problems [closed, open]. */
const PLAN: Record<string, Record<'Q2' | 'Q3', { tasks: [number, number, number]; problems: [number, number] }>> = {
  damiao: { Q2: { tasks: [2, 1, 0], problems: [1, 1] }, Q3: { tasks: [3, 0, 0], problems: [2, 0] } },
  dahuangshan: { Q2: { tasks: [2, 0, 1], problems: [2, 0] }, Q3: { tasks: [2, 1, 0], problems: [1, 1] } },
  donghuan: { Q2: { tasks: [3, 0, 0], problems: [2, 0] }, Q3: { tasks: [2, 0, 1], problems: [1, 1] } },
  jinshanqiao: { Q2: { tasks: [2, 0, 1], problems: [1, 1] }, Q3: { tasks: [2, 1, 0], problems: [2, 0] } },
  jinlonghu: { Q2: { tasks: [1, 2, 0], problems: [1, 1] }, Q3: { tasks: [1, 1, 1], problems: [1, 1] } },
  xuzhuang: { Q2: { tasks: [2, 1, 0], problems: [0, 2] }, Q3: { tasks: [1, 2, 0], problems: [2, 0] } },
};

const TASK_TITLES = ['重点项目征迁交地', '规上企业走访全覆盖', '安全生产隐患排查整治', '民生实事项目推进', '人居环境整治提升'];
const PROBLEM_TITLES = ['项目施工用电配套滞后', '道路配套未贯通', '企业用工需求对接'];

const QUARTERS = {
  Q2: { start: '2022-04-01', deadlines: ['2022-04-30', '2022-05-20', '2022-05-31', '2022-06-15', '2022-06-30'] },
  Q3: { start: '2022-07-01', deadlines: ['2022-07-31', '2022-08-15', '2022-08-31', '2022-09-15', '2022-09-30'] },
} as const;

const addDaysIso = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function demoScheme(period: 'Q2' | 'Q3'): SchemeInput {
  const label = period === 'Q2' ? '二' : '三';
  return {
    name: `2022年${label}季度“三百”劳动竞赛（镇街）`,
    periodKind: 'quarter',
    period: `2022-${period}`,
    rankingGroup: 'territorial',
    redFlagPolicy: 'all_tied',
    items: [
      { key: 'tasks', name: '督办任务按时完成', kind: 'tasks_on_time', weight: '60', whenNone: '1' },
      { key: 'loops', name: '问题诉求闭环销号', kind: 'loops_closed', weight: '40', loopKinds: ['problem', 'appeal'], whenNone: '1' },
    ],
  };
}


/** One demo loop item, raised, worked and (optionally) closed on `closedOn`, dated back. */
export async function demoLoopItem(
  tx: Tx,
  audit: Audit,
  sup: Actor,
  reporter: Actor,
  input: { kind: 'task' | 'problem'; title: string; raisedOn: string; deadline: string; closedOn: string | null },
) {
  const item = await raiseItem(tx, audit, sup, {
    kind: input.kind,
    title: input.title,
    detail: '演示数据',
    category: 'demo',
    assigneeUnitId: reporter.unitId,
    deadline: input.deadline,
  }, demoAt(input.raisedOn));
  if (input.closedOn) {
    await actOnItem(tx, audit, reporter, item.id, { action: 'report_done' }, demoAt(input.closedOn));
    await actOnItem(tx, audit, sup, item.id, { action: 'verify' }, demoAt(input.closedOn));
  }
  return item.id;
}

export async function seedAssessment(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  const who = { zoneId, userId: null };
  await writeAudited(handle.db, who, null, (tx, audit) => seedBulletinSettings(tx, audit, zone, zoneId));
  if (zone.code !== 'xuzhou') return;
  await writeAudited(handle.db, who, null, async (tx, audit) => {
    const sup = await demoActor(tx, zoneId, 'supervisor');
    for (const [code, quarters] of Object.entries(PLAN)) {
      const reporter = await demoActor(tx, zoneId, `${zone.prefix}-${code}`);
      for (const q of ['Q2', 'Q3'] as const) {
        const { tasks, problems } = quarters[q];
        const { start, deadlines } = QUARTERS[q];
        const [onTime, late, open] = tasks;
        let n = 0;
        const task = async (closedOffset: number | null) => {
          const deadline = deadlines[n % deadlines.length]!;
          const title = `${q === 'Q2' ? '二' : '三'}季度${TASK_TITLES[n % TASK_TITLES.length]}（${n + 1}）`;
          n++;
          await demoLoopItem(tx, audit, sup, reporter, {
            kind: 'task',
            title,
            raisedOn: start,
            deadline,
            closedOn: closedOffset === null ? null : addDaysIso(deadline, closedOffset),
          });
        };
        for (let i = 0; i < onTime; i++) await task(-3);
        for (let i = 0; i < late; i++) await task(6);
        for (let i = 0; i < open; i++) await task(null);
        const [closed, stillOpen] = problems;
        for (let i = 0; i < closed + stillOpen; i++) {
          await demoLoopItem(tx, audit, sup, reporter, {
            kind: 'problem',
            title: `${PROBLEM_TITLES[i % PROBLEM_TITLES.length]}（${q}-${i + 1}）`,
            raisedOn: addDaysIso(start, 10 + i * 7),
            deadline: addDaysIso(start, 40 + i * 7),
            closedOn: i < closed ? addDaysIso(start, 30 + i * 7) : null,
          });
        }
      }
    }
    const unitId = async (code: string) =>
      (await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zoneId), eq(units.code, code))))[0]!.id;
    // Q2: published; Q3: published with a bonus and a deduction; both as of their quarter's end.
    const q2 = await createScheme(tx, audit, sup, demoScheme('Q2'), { demo: true });
    await publishScheme(tx, audit, sup, q2.id, '2022-07-10');
    const q3 = await createScheme(tx, audit, sup, demoScheme('Q3'), { demo: true });
    await addAdjustment(tx, audit, sup, q3.id, { unitId: await unitId('jinshanqiao'), points: '2', reason: '获市重点产业项目推进“流动红旗”（演示）' });
    await addAdjustment(tx, audit, sup, q3.id, { unitId: await unitId('xuzhuang'), points: '-1', reason: '安全生产工作被市级通报（演示）' });
    await publishScheme(tx, audit, sup, q3.id, '2022-10-10');
  });
}
