// Demo 领导批示: a few instructions of Xuzhou's leader, worded after seed 003 ("冲刺
// 100天": its projects and figures), written, signed, reported and closed through the
// services on dates before the zone's pinned date (2022-08-31), then dated back to them.
import { and, eq } from 'drizzle-orm';
import type { DbHandle, Tx } from '../../db/client';
import { indicators, loopItems, units } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { actOnItem, addNote } from '../../shared/loop/store';
import type { DemoZone } from './zones';
import { demoActor, demoAt } from './actor';
import { instructionMoved, writeInstruction } from '../instructions/service';

interface DemoInstruction {
  on: { indicator: string; period: string } | { problem: string };
  text: string;
  lead: string;
  supporting?: string[];
  writtenOn: string;
  deadline: string;
  /** How far it got: signed (签收), reported done (落实反馈), closed (办结) on that date. */
  signedOn?: string;
  report?: { on: string; note: string };
  closedOn?: string;
}

const DEMO: Record<string, DemoInstruction[]> = {
  xuzhou: [
    {
      on: { indicator: 'fai', period: '2022-07' },
      text: '固定资产投资慢于序时进度，请经发局牵头，会同金龙湖街道、大庙街道逐个梳理在建项目，本周内拿出赶超方案。',
      lead: 'jingfa',
      supporting: ['jinlonghu', 'damiao'],
      writtenOn: '2022-08-08',
      deadline: '2022-08-12',
      signedOn: '2022-08-08',
      report: { on: '2022-08-11', note: '已逐个梳理在建项目26个，形成“冲刺100天”固定资产投资赶超方案，报区领导审定。' },
      closedOn: '2022-08-12',
    },
    {
      on: { problem: '二期用地征迁扫尾未完成，影响净地交付' },
      text: '请征迁办牵头、重大办配合，8月底前完成二期用地征迁扫尾，确保中能4.6万吨颗粒硅项目净地交付。',
      lead: 'zhengqian',
      supporting: ['zhongda'],
      writtenOn: '2022-08-16',
      deadline: '2022-08-31',
      signedOn: '2022-08-17',
    },
    {
      on: { problem: '110千伏专线供电配套需提前至10月底前送电' },
      text: '请经发局协调供电公司倒排工期，8月25日前明确送电节点，确保弘元新材料光伏基地10月底前送电。',
      lead: 'jingfa',
      writtenOn: '2022-08-05',
      deadline: '2022-08-25',
      signedOn: '2022-08-05',
    },
  ],
  // Huai'an has none: its 2023 1–6月 bulletin reproduces seed 001, which reports no instruction.
};



async function subjectOf(tx: Tx, zoneId: string, d: DemoInstruction) {
  if ('indicator' in d.on) {
    const [i] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.zoneId, zoneId), eq(indicators.code, d.on.indicator)));
    return i ? { subjectType: 'indicator' as const, subjectId: i.id, period: d.on.period } : null;
  }
  const [p] = await tx
    .select({ id: loopItems.id })
    .from(loopItems)
    .where(and(eq(loopItems.zoneId, zoneId), eq(loopItems.kind, 'problem'), eq(loopItems.title, d.on.problem)));
  return p ? { subjectType: 'problem' as const, subjectId: p.id } : null;
}

export async function seedInstructions(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  const list = DEMO[zone.code] ?? [];
  if (!list.length) return;
  await writeAudited(handle.db, { zoneId, userId: null }, null, async (tx, audit) => {
    const leader = await demoActor(tx, zoneId, 'leader');
    const sup = await demoActor(tx, zoneId, 'supervisor');
    const unitId = async (code: string) => (await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zoneId), eq(units.code, code))))[0]!.id;
    for (const d of list) {
      const subject = await subjectOf(tx, zoneId, d);
      if (!subject) continue;
      const { item } = await writeInstruction(
        tx,
        audit,
        leader,
        { ...subject, text: d.text, leadUnitId: await unitId(d.lead), supportingUnitIds: await Promise.all((d.supporting ?? []).map(unitId)), deadline: d.deadline },
        demoAt(d.writtenOn),
      );
      // Each step on its own day (the loop stamps the time it is given).
      const handler = await demoActor(tx, zoneId, `${zone.prefix}-${d.lead}`);
      if (d.signedOn) await actOnItem(tx, audit, handler, item.id, { action: 'accept' }, demoAt(d.signedOn));
      if (d.report) {
        await addNote(tx, audit, handler, item.id, d.report.note, [], demoAt(d.report.on));
        await actOnItem(tx, audit, handler, item.id, { action: 'report_done' }, demoAt(d.report.on));
      }
      if (d.closedOn) {
        const closed = await actOnItem(tx, audit, sup, item.id, { action: 'verify' }, demoAt(d.closedOn));
        await instructionMoved(tx, audit, closed, 'verify', d.closedOn);
      }
    }
  });
}
