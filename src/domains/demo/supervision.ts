// Demo supervision for Xuzhou 2022, as of 5 September 2022: the tasks of seed
// 003 confirmed from the extractor's draft with lead units assigned, the units'
// pledges of seed 000 (units from the section headings, the pledging secretaries
// as assigned leaders), some progress, one task overdue with its 督办单, one
// verified and closed. Deadlines, quantities, projects and names are the seeds';
// lead-unit choices for seed 003, progress texts, delay reasons and the
// notice's requirements are demo and say so ("演示").
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { memberships, supervisionTasks, units, users } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { actOnItem } from '../../shared/loop/store';
import type { Actor } from '../../shared/policy';
import type { DemoZone } from './zones';
import { demoAt } from './actor';
import { confirmItems, createDocument, draftOf, type ConfirmItem } from '../supervision/documents';
import { issueNotice } from '../supervision/notices';
import { scanDueTasks } from '../supervision/scan';
import { explainDelay, loadTask, reportProgress } from '../supervision/tasks';

/** The demo's "today": three weeks into the 100-day push. */
export const DEMO_DAY = '2022-09-05';
const CAMPAIGN = '冲刺100天';
const seedText = (n: string) => readFileSync(new URL(`./texts/seed-${n}.txt`, import.meta.url), 'utf8');

/** Pledging unit → its party secretary, as seed 000 names them. */
const SECRETARIES: Record<string, string> = {
  大庙街道: '刘雷',
  大黄山街道: '郑再武',
  东环街道: '韩召坤',
  金山桥街道: '彭齐凯',
  金龙湖街道: '贾群',
};

/** Demo lead unit for a seed-003 task, by what it is about. */
function leadFor(text: string): string {
  if (/征收|拆迁|征迁/.test(text)) return '征迁办';
  if (/招引|签约|招商/.test(text)) return '招商局';
  if (/民生实事|学校|安置房/.test(text)) return '重大办';
  if (/上市/.test(text)) return '地方金融监管局';
  if (/项目|基地|晶片|硅料/.test(text)) return '重大办';
  return '经发局';
}

export async function seedSupervision(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  if (zone.code !== 'xuzhou') return;
  const unitRows = await handle.db.select({ id: units.id, name: units.name, code: units.code }).from(units).where(eq(units.zoneId, zoneId));
  const unitId = (name: string) => unitRows.find((u) => u.name === name)!.id;
  const actorOf = async (username: string): Promise<Actor> => {
    const [m] = await handle.db
      .select({ userId: users.id, role: memberships.role, unitId: memberships.unitId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.zoneId, zoneId), eq(users.username, username)));
    return { userId: m!.userId, zoneId, role: m!.role, unitId: m!.unitId };
  };
  const sup = await actorOf('supervisor');
  const reporter = (unitName: string) => actorOf(`${zone.prefix}-${unitRows.find((u) => u.name === unitName)!.code}`);
  const write = <T>(fn: Parameters<typeof writeAudited<T>>[3]) => writeAudited(handle.db, { zoneId, userId: null }, null, fn);

  // Seed 003: the leader's speech, broken into tasks.
  const speech = await write((tx, audit) => createDocument(tx, audit, sup, { title: '经开区党工委工作会议（冲刺100天、奋力保全年）', kind: 'speech', year: 2022, issuedOn: '2022-08-14', body: seedText('003') }, DEMO_DAY));
  const d3 = await draftOf(handle.db, zoneId, speech.body, { year: 2022, date: speech.issuedOn });
  const seen = new Set<string>();
  const speechItems: ConfirmItem[] = [];
  for (const it of d3.items) {
    if (it.kind !== 'task' || seen.has(it.text) || it.rules.includes('deadline:campaign')) continue;
    if (!it.deadline && it.quantities.length === 0 && !it.project) continue;
    seen.add(it.text);
    const lead = leadFor(it.text);
    const q = it.quantities[0];
    speechItems.push({
      kind: 'task',
      text: it.text,
      start: it.start,
      end: it.end,
      leadUnitId: unitId(lead),
      supportingUnitIds: lead === '经发局' ? [] : [unitId('经发局')],
      leaderName: '张克',
      deadline: it.deadline ?? '2022-12-31',
      quantity: q ? { value: String(q.value), unit: q.unit, label: q.label, atLeast: q.atLeast } : null,
      priority: it.deadline && it.deadline <= '2022-10-31' ? 'high' : it.project ? 'top' : 'normal',
      campaign: CAMPAIGN,
      cadence: it.deadline && it.deadline <= '2022-10-31' ? 'dekad' : 'month',
    });
  }
  // Confirmed the day after the meeting of 14 August; the pledges a few days on.
  const speechTasks = await write((tx, audit) => confirmItems(tx, audit, sup, speech.id, speechItems, demoAt('2022-08-15')));

  // Seed 000: the units' pledges; each pledge is its own unit's task.
  const pledges = await write((tx, audit) => createDocument(tx, audit, sup, { title: '各镇（街）贯彻落实经开区党工委工作会议精神表态', kind: 'pledge', year: 2022, body: seedText('000') }, DEMO_DAY));
  const d0 = await draftOf(handle.db, zoneId, pledges.body, { year: 2022 });
  const pledgeItems: ConfirmItem[] = d0.items
    .filter((it) => it.kind === 'task' && it.unitIds.length > 0)
    .map((it) => {
      const q = it.quantities[0];
      return {
        kind: 'task',
        text: it.text,
        start: it.start,
        end: it.end,
        leadUnitId: it.unitIds[0]!,
        supportingUnitIds: [],
        leaderName: SECRETARIES[it.units[0]!] ?? null,
        deadline: it.deadline ?? '2022-12-31',
        quantity: q ? { value: String(q.value), unit: q.unit, label: q.label, atLeast: q.atLeast } : null,
        priority: 'normal',
        campaign: CAMPAIGN,
        cadence: 'month',
      };
    });
  await write((tx, audit) => confirmItems(tx, audit, sup, pledges.id, pledgeItems, demoAt('2022-08-18')));

  const byText = async (needle: string) => {
    for (const id of speechTasks.tasks) {
      const row = await loadTask(handle.db, sup, id);
      if (row.task.text.includes(needle)) return row;
    }
    throw new Error(`demo: no task with ${needle}`);
  };

  // 8月底前: the innovation centre is late; the lead explains, the office presses (督办单).
  const huizhi = await byText('江苏汇智');
  const jingfa = await reporter('经发局');
  await write((tx, audit) => reportProgress(tx, audit, jingfa, huizhi.task.id, { body: '创新中心主体装修完成，检测设备安装调试中（演示）', percent: 80, fileIds: [] }, demoAt('2022-08-25')));
  await write((tx, audit) => explainDelay(tx, audit, jingfa, huizhi.task.id, '进口检测设备到货延迟，预计9月中旬完成安装（演示）', 1, demoAt(DEMO_DAY)));
  await write((tx, audit) =>
    issueNotice(tx, audit, sup, huizhi.task.id, { requirements: '倒排设备安装调试计划，明确到日（演示）\n每三日报送一次进展（演示）\n9月15日前完成建设并报送验收材料（演示）', requiredBy: '2022-09-15' }, demoAt(DEMO_DAY)),
  );

  // 10月底前: the e窗 platform reached 450 items early; verified and closed (销号).
  const ewin = await byText('450项');
  await write((tx, audit) => reportProgress(tx, audit, jingfa, ewin.task.id, { body: '“e窗”平台已上线应用事项450项（演示）', percent: 100, reached: '450', fileIds: [] }, demoAt('2022-09-02')));
  await write((tx, audit) => actOnItem(tx, audit, jingfa, ewin.task.loopItemId, { action: 'report_done', note: '已完成，请复核（演示）' }, demoAt('2022-09-02')));
  await write((tx, audit) => actOnItem(tx, audit, sup, ewin.task.loopItemId, { action: 'verify', note: '经核查平台事项清单，予以销号（演示）' }, demoAt('2022-09-02')));

  // Some progress on the pledges and the projects.
  const some = [
    { unit: '金龙湖街道', needle: '税收', body: '1-8月税收完成8.9亿元（演示）', percent: 74 },
    { unit: '金山桥街道', needle: '亿元以上项目', body: '已签约亿元以上项目2个（演示）', reached: '2' },
    { unit: '大黄山街道', needle: '民生工程', body: '11件民生工程已完工6件（演示）', percent: 55 },
  ];
  for (const s of some) {
    const actor = await reporter(s.unit);
    const all = await handle.db.select().from(supervisionTasks).where(eq(supervisionTasks.zoneId, zoneId));
    const task = all.find((t) => t.text.includes(s.needle) && t.origin === 'pledge');
    if (!task) continue;
    await write((tx, audit) => reportProgress(tx, audit, actor, task.id, { body: s.body, percent: s.percent ?? null, reached: s.reached ?? null, fileIds: [] }, demoAt('2022-09-01')));
  }
  // The day's scan: amber and red warnings in the app.
  await scanDueTasks(handle.db, new Date(`${DEMO_DAY}T01:00:00Z`), async () => new Response('{}'));
}
