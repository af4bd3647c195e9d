// 领导批示: a leader writes an instruction on a bulletin, an indicator of a month, a
// project problem or an enterprise appeal; it becomes an item of the shared closed
// loop (kind 'instruction') assigned at once (交办) to the lead unit, with supporting
// units and a deadline. The addressed units sign (accept), report (notes, report_done)
// and the supervisor or the writing leader closes it (verify) — all through the
// generic loop routes; this file adds the instruction's own row (subject, period,
// leader, the zone's dates) and the reads that join them.
import { and, arrayContains, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { bulletins, enterpriseAppeals, indicators, instructions, instructionSubjects, loopItems, units, users, type InstructionSubject } from '../../db/schema';
import type { Audit } from '../../shared/audit';
import { today as todayOf } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import { allowedActions, light, overdueDays, type LoopAction } from '../../shared/loop/machine';
import { assertDeadlineAhead, loopRolesOf, raiseItem, visibleWhere, type LoopItem } from '../../shared/loop/store';
import { offsetOf, paged, type PageQuery } from '../../shared/pagination';
import { authorize, type Actor } from '../../shared/policy';
import { summarise, SUBJECT_LABELS, type InstructionsSummary, type PeriodInstruction } from './rules';

export const instructionInput = z.object({
  subjectType: z.enum(instructionSubjects),
  subjectId: z.uuid(),
  /** The indicator's month: required for an indicator, refused for the rest. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period.month').optional(),
  text: z.string().trim().min(2).max(2000),
  leadUnitId: z.uuid(),
  supportingUnitIds: z.array(z.uuid()).max(20).default([]),
  deadline: isoDate,
});
export type InstructionInput = z.infer<typeof instructionInput>;

const brief = (text: string, max = 100) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/** The object's name in the actor's zone, or 404: a bulletin's title, an indicator's name, a problem's or appeal's title. */
async function subjectTitle(db: ReadDb | Tx, zoneId: string, type: InstructionSubject, id: string): Promise<string> {
  const rows =
    type === 'bulletin'
      ? await db.select({ t: bulletins.title }).from(bulletins).where(and(eq(bulletins.id, id), eq(bulletins.zoneId, zoneId)))
      : type === 'indicator'
        ? await db.select({ t: indicators.name }).from(indicators).where(and(eq(indicators.id, id), eq(indicators.zoneId, zoneId)))
        : type === 'problem'
          ? await db.select({ t: loopItems.title }).from(loopItems).where(and(eq(loopItems.id, id), eq(loopItems.zoneId, zoneId), eq(loopItems.kind, 'problem')))
          : await db
              .select({ t: loopItems.title })
              .from(enterpriseAppeals)
              .innerJoin(loopItems, eq(loopItems.id, enterpriseAppeals.loopItemId))
              .where(and(eq(enterpriseAppeals.id, id), eq(enterpriseAppeals.zoneId, zoneId)));
  if (!rows[0]) throw new AppError('not_found', { entity: type });
  return rows[0].t;
}

/** A leader writes an instruction: checked, raised on the loop and assigned to the lead unit, audited — or nothing changes. */
/** Written on the zone's day: `now` is its clock (a zone replaying history writes on its pinned day). */
export async function writeInstruction(tx: Tx, audit: Audit, actor: Actor, input: InstructionInput, now: Date) {
  const today = todayOf(() => now);
  authorize(actor, 'instruction.write');
  assertDeadlineAhead(input.deadline, today);
  if ((input.subjectType === 'indicator') !== (input.period !== undefined)) throw new AppError('instruction.period');
  if (input.supportingUnitIds.includes(input.leadUnitId)) throw new AppError('instruction.lead_supporting');
  const subject = await subjectTitle(tx, actor.zoneId, input.subjectType, input.subjectId);
  const item = await raiseItem(tx, audit, actor, {
    kind: 'instruction',
    title: brief(input.text),
    detail: input.text,
    category: input.subjectType,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    assigneeUnitId: input.leadUnitId,
    supportingUnitIds: [...new Set(input.supportingUnitIds)],
    deadline: input.deadline,
  }, now);
  const [row] = await tx
    .insert(instructions)
    .values({
      zoneId: actor.zoneId,
      loopItemId: item.id,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      period: input.period ?? null,
      leaderId: actor.userId,
      writtenOn: today,
    })
    .returning();
  await audit({ action: 'create', entity: 'instruction', entityId: row!.id, unitId: input.leadUnitId, after: { ...row, text: input.text, subject, deadline: input.deadline, supportingUnitIds: item.supportingUnitIds } });
  return { instruction: row!, item };
}

/** After a loop step (generic route): keeps the zone's date of 办结, cleared when reopened. */
export async function instructionMoved(tx: Tx, audit: Audit, item: LoopItem, _action: LoopAction, today: string): Promise<void> {
  const [before] = await tx.select().from(instructions).where(eq(instructions.loopItemId, item.id));
  if (!before) return;
  const closedOn = item.state === 'closed' ? (before.closedOn ?? today) : null;
  if (closedOn === before.closedOn) return;
  const [after] = await tx.update(instructions).set({ closedOn }).where(eq(instructions.id, before.id)).returning();
  await audit({ action: item.state === 'closed' ? 'close' : 'reopen', entity: 'instruction', entityId: before.id, unitId: item.assigneeUnitId, before, after });
}

export interface InstructionFilter extends PageQuery {
  subjectType?: InstructionSubject;
  subjectId?: string;
  period?: string;
  /** The signed-in leader's own (我的批示). */
  mine?: boolean;
  /** Open instructions addressed to the actor's unit (lead or supporting): the unit's to-do. */
  todo?: boolean;
}

/** Instructions the actor may see (the loop's rule: zone-wide roles all; a unit its own), newest first, with state, light and overdue days. */
export async function listInstructions(db: ReadDb, actor: Actor, f: InstructionFilter, today: string) {
  const unit = actor.unitId;
  const where = and(
    visibleWhere(actor),
    eq(loopItems.kind, 'instruction'),
    f.subjectType ? eq(instructions.subjectType, f.subjectType) : undefined,
    f.subjectId ? eq(instructions.subjectId, f.subjectId) : undefined,
    f.period ? eq(instructions.period, f.period) : undefined,
    f.mine ? eq(instructions.leaderId, actor.userId) : undefined,
    f.todo
      ? and(sql`${loopItems.state} <> 'closed'`, unit ? or(eq(loopItems.assigneeUnitId, unit), arrayContains(loopItems.supportingUnitIds, [unit])) : sql`false`)
      : undefined,
  ) as SQL;
  const base = db
    .select({ ins: instructions, item: loopItems, leaderName: users.displayName, leadUnitName: units.name })
    .from(instructions)
    .innerJoin(loopItems, eq(loopItems.id, instructions.loopItemId))
    .leftJoin(users, eq(users.id, instructions.leaderId))
    .leftJoin(units, eq(units.id, loopItems.assigneeUnitId))
    .where(where)
    .orderBy(sql`${loopItems.state} = 'closed'`, desc(instructions.writtenOn), desc(instructions.createdAt))
    .limit(f.pageSize)
    .offset(offsetOf(f));
  const counted = db.select({ n: count() }).from(instructions).innerJoin(loopItems, eq(loopItems.id, instructions.loopItemId)).where(where);
  const page = await paged(f, base, counted);
  const titles = await subjectTitles(db, actor.zoneId, page.items.map((r) => r.ins));
  const unitIds = [...new Set(page.items.flatMap((r) => r.item.supportingUnitIds))];
  const names = new Map(
    unitIds.length ? (await db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.zoneId, actor.zoneId), inArray(units.id, unitIds)))).map((u) => [u.id, u.name]) : [],
  );
  return {
    ...page,
    items: page.items.map(({ ins, item, leaderName, leadUnitName }) => ({
      id: ins.id,
      itemId: item.id,
      subjectType: ins.subjectType,
      subjectId: ins.subjectId,
      subjectTitle: titles.get(ins.subjectId) ?? '',
      period: ins.period,
      text: item.detail || item.title,
      leaderId: ins.leaderId,
      leaderName: leaderName ?? '',
      leadUnitId: item.assigneeUnitId,
      leadUnitName: leadUnitName ?? '',
      supportingUnits: item.supportingUnitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      deadline: item.deadline,
      state: item.state,
      light: light(item.deadline, today, item.state, { amberDays: item.amberDays }),
      overdueDays: item.state !== 'closed' && item.deadline ? overdueDays(item.deadline, today) : 0,
      writtenOn: ins.writtenOn,
      closedOn: ins.closedOn,
      version: item.version,
      actions: allowedActions(item.state, loopRolesOf(actor, item)).map((t) => t.action),
    })),
  };
}

/** The names of the objects instructions are written on, in four queries at most. */
async function subjectTitles(db: ReadDb, zoneId: string, rows: { subjectType: InstructionSubject; subjectId: string }[]): Promise<Map<string, string>> {
  const ids = (t: InstructionSubject) => [...new Set(rows.filter((r) => r.subjectType === t).map((r) => r.subjectId))];
  const out = new Map<string, string>();
  const put = (xs: { id: string; t: string }[]) => xs.forEach((x) => out.set(x.id, x.t));
  const [b, i, p, a] = [ids('bulletin'), ids('indicator'), ids('problem'), ids('appeal')];
  if (b.length) put(await db.select({ id: bulletins.id, t: bulletins.title }).from(bulletins).where(and(eq(bulletins.zoneId, zoneId), inArray(bulletins.id, b))));
  if (i.length) put(await db.select({ id: indicators.id, t: indicators.name }).from(indicators).where(and(eq(indicators.zoneId, zoneId), inArray(indicators.id, i))));
  if (p.length) put(await db.select({ id: loopItems.id, t: loopItems.title }).from(loopItems).where(and(eq(loopItems.zoneId, zoneId), inArray(loopItems.id, p))));
  if (a.length) {
    put(
      await db
        .select({ id: enterpriseAppeals.id, t: loopItems.title })
        .from(enterpriseAppeals)
        .innerJoin(loopItems, eq(loopItems.id, enterpriseAppeals.loopItemId))
        .where(and(eq(enterpriseAppeals.zoneId, zoneId), inArray(enterpriseAppeals.id, a))),
    );
  }
  return out;
}

/**
 * 批示落实情况 of a bulletin: the instructions written from `start` to `asOf` (the
 * zone's dates), judged at `asOf`; null when there are none (the section is left out).
 */
export async function instructionsOfPeriod(db: ReadDb | Tx, zoneId: string, start: string, asOf: string): Promise<InstructionsSummary | null> {
  const rows = await db
    .select({ ins: instructions, item: loopItems, leaderName: users.displayName, leadUnitName: units.name })
    .from(instructions)
    .innerJoin(loopItems, eq(loopItems.id, instructions.loopItemId))
    .leftJoin(users, eq(users.id, instructions.leaderId))
    .leftJoin(units, eq(units.id, loopItems.assigneeUnitId))
    .where(and(eq(instructions.zoneId, zoneId), sql`${instructions.writtenOn} >= ${start}::date`, sql`${instructions.writtenOn} <= ${asOf}::date`))
    .orderBy(instructions.writtenOn)
    .limit(200);
  const facts: PeriodInstruction[] = rows.map(({ ins, item, leaderName, leadUnitName }) => ({
    text: item.detail || item.title,
    leaderName: leaderName ?? '',
    leadUnitName: leadUnitName ?? '',
    subjectLabel: SUBJECT_LABELS[ins.subjectType].zh,
    writtenOn: ins.writtenOn,
    deadline: item.deadline ?? ins.writtenOn,
    closedOn: ins.closedOn,
  }));
  return summarise(facts, asOf);
}
