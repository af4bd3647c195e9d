// Supervision notices (督办单) on late tasks: numbered per zone and year
// (经开督〔2022〕3号), sent to the lead unit as an in-app notification and to the
// zone's group robot, printable as a Word document.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { supervisionDelays, supervisionDocuments, supervisionNotices, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { today as todayOf } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import { notify, sendWebhook } from '../../shared/notify';
import type { Actor } from '../../shared/policy';
import { noticeDocx, type NoticeData } from './noticeDoc';
import { daysLate, noticeNumber, zhDate } from './rules';
import { getSettings } from './settings';
import { loadTask, recordSlip } from './tasks';

export const noticeInput = z.object({
  requirements: z.string().trim().min(1).max(4000),
  requiredBy: isoDate,
});

/** Issued on the zone's day (`now`: its clock; a zone replaying history issues on its pinned day). */
export async function issueNotice(tx: Tx, audit: Audit, actor: Actor, taskId: string, input: z.infer<typeof noticeInput>, now: Date) {
  const today = todayOf(() => now);
  const row = await loadTask(tx, actor, taskId);
  if (row.state === 'closed') throw new AppError('supervision.closed');
  if (!row.deadline || row.deadline >= today) throw new AppError('supervision.not_late', { deadline: row.deadline ?? '' });
  if (input.requiredBy < today) throw new AppError('validation.failed', { fields: 'requiredBy: 不早于业务日期 / not before the business date' });
  await recordSlip(tx, audit, actor.zoneId, taskId, row.deadline, now);
  const settings = await getSettings(tx, actor.zoneId);
  const year = Number(today.slice(0, 4));
  // Serialise numbering per zone and year: a transaction-scoped advisory lock.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`supervision-notice:${actor.zoneId}:${year}`}))`);
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${supervisionNotices.seq}), 0)::int` })
    .from(supervisionNotices)
    .where(and(eq(supervisionNotices.zoneId, actor.zoneId), eq(supervisionNotices.year, year)));
  const seq = (last?.seq ?? 0) + 1;
  const [n] = await tx
    .insert(supervisionNotices)
    .values({
      zoneId: actor.zoneId,
      taskId,
      year,
      seq,
      number: noticeNumber(settings.noticePrefix, year, seq),
      unitId: row.leadUnitId!,
      requirements: input.requirements,
      requiredBy: input.requiredBy,
      issuer: settings.issuer,
      issuedOn: today,
      issuedBy: actor.userId,
      createdAt: now,
    })
    .returning();
  await audit({ action: 'issue', entity: 'supervision.notice', entityId: n!.id, unitId: n!.unitId, after: n });
  const title = `督办单 ${n!.number}：${row.task.text.slice(0, 40)}`;
  await notify(tx, {
    zoneId: actor.zoneId,
    unitId: n!.unitId,
    kind: 'supervision.notice',
    level: 'danger',
    title,
    body: `办结时限${zhDate(row.deadline)}，已逾期${daysLate(row.deadline, today)}天。请于${zhDate(input.requiredBy)}前报送办理情况。`,
    link: `/supervision/tasks/${taskId}`,
    dedupeKey: `supervision.notice:${n!.id}`,
  });
  return n!;
}

/** Sends the notice to the zone's group robot (outside the transaction: a robot being down changes nothing). */
export async function announceNotice(db: ReadDb, zoneId: string, n: { number: string; unitId: string }, taskText: string, fetchImpl?: typeof fetch) {
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, n.unitId));
  return sendWebhook(db as never, zoneId, `【督办】${n.number}：请${u?.name ?? ''}抓紧办理“${taskText}”。`, fetchImpl);
}

export async function noticeDocument(db: ReadDb, actor: Actor, noticeId: string, today: string) {
  const [n] = await db.select().from(supervisionNotices).where(and(eq(supervisionNotices.id, noticeId), eq(supervisionNotices.zoneId, actor.zoneId)));
  if (!n) throw new AppError('not_found', { entity: 'notice' });
  const row = await loadTask(db, actor, n.taskId); // visibility: the same as the task's
  const names = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [n.unitId, ...row.supportingUnitIds]));
  const nameOf = (id: string) => names.find((u) => u.id === id)?.name ?? '';
  const [doc] = row.task.documentId
    ? await db.select({ title: supervisionDocuments.title }).from(supervisionDocuments).where(eq(supervisionDocuments.id, row.task.documentId))
    : [];
  const [delay] = await db
    .select({ reason: supervisionDelays.reason })
    .from(supervisionDelays)
    .where(and(eq(supervisionDelays.taskId, n.taskId), eq(supervisionDelays.missedDeadline, row.deadline ?? '1900-01-01')));
  const data: NoticeData = {
    number: n.number,
    issuer: n.issuer,
    unitName: nameOf(n.unitId),
    taskText: row.task.text,
    sourceTitle: doc?.title ?? null,
    deadline: row.deadline!,
    daysLate: daysLate(row.deadline, n.issuedOn),
    slipCount: row.task.slipCount,
    delayReason: delay?.reason ?? null,
    supportingUnits: row.supportingUnitIds.map(nameOf).filter(Boolean),
    leaderName: row.task.leaderName,
    requirements: n.requirements,
    requiredBy: n.requiredBy,
    issuedOn: n.issuedOn,
    copyTo: row.task.leaderName ? [`${row.task.leaderName}同志`] : [],
  };
  void today;
  return { file: await noticeDocx(data), name: `督办单-${n.number}.docx` };
}
