// Source documents and the task breakdown (任务分解): a speech, report or the
// units' pledges is stored, the extractor proposes a draft, the supervisor edits
// it and confirms; each confirmed item becomes a task on the closed loop (or a
// reported figure), linked to its sentence in the document.
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import {
  files,
  supervisionDocumentKinds,
  supervisionDocuments,
  supervisionResults,
  supervisionTasks,
  taskCadences,
  taskPriorities,
  units,
} from '../../db/schema';
import type { Audit } from '../../server/context';
import { dec } from '../../shared/decimal';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import { raiseItem } from '../../shared/loop/store';
import { offsetOf, paged, type PageQuery } from '../../shared/pagination';
import type { Actor } from '../../shared/policy';
import { documentYear, extract, type ExtractedItem } from './extract';
import { possibleDuplicate, type KnownTask } from './duplicates';
import { getSettings } from './settings';
import { readSourceText, UnreadableText } from './sourceText';

export const SUBJECT_TYPE = 'supervision_task';

const decimalInput = z
  .union([z.number().finite(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'a decimal number')])
  .transform((v) => dec(v).toString());

export const documentInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    kind: z.enum(supervisionDocumentKinds),
    year: z.number().int().min(2000).max(2100).optional(),
    /** the day it was given or issued: what periods it can report as over */
    issuedOn: isoDate.optional(),
    body: z.string().max(500_000).optional(),
    fileId: z.uuid().optional(),
  })
  .refine((d) => (d.body?.trim() ? 1 : 0) + (d.fileId ? 1 : 0) === 1, { message: 'give either the text (body) or an uploaded file (fileId)' });
export type DocumentInput = z.infer<typeof documentInput>;

export const confirmItem = z.object({
  kind: z.enum(['task', 'result']),
  text: z.string().trim().min(1).max(2000),
  start: z.number().int().min(0).nullable().optional(),
  end: z.number().int().min(0).nullable().optional(),
  leadUnitId: z.uuid().nullable().optional(),
  supportingUnitIds: z.array(z.uuid()).max(30).default([]),
  leaderName: z.string().trim().max(40).nullable().optional(),
  deadline: isoDate.nullable().optional(),
  quantity: z
    .object({ value: decimalInput, unit: z.string().trim().min(1).max(20), label: z.string().trim().max(100).default(''), atLeast: z.boolean().default(false) })
    .nullable()
    .optional(),
  priority: z.enum(taskPriorities).default('normal'),
  campaign: z.string().trim().max(60).nullable().optional(),
  cadence: z.enum(taskCadences).default('month'),
  indicator: z.string().trim().max(100).nullable().optional(),
  yoy: decimalInput.nullable().optional(),
  period: z.string().trim().max(20).nullable().optional(),
});
export type ConfirmItem = z.infer<typeof confirmItem>;
export const confirmInput = z.object({ items: z.array(confirmItem).min(1).max(500) });

export interface DraftItem extends ExtractedItem {
  /** zone unit ids for `units`, same order; names not matching a unit are left out */
  unitIds: string[];
  /** 牵头单位, 配合单位 and 责任领导 as the text states them (kind 'task'), as zone ids */
  leadUnitId: string | null;
  supportingUnitIds: string[];
  leaderName: string | null;
  /** an existing task of the zone that this item may restate */
  duplicateOf: { id: string; text: string; similarity: number } | null;
}

async function zoneUnits(db: ReadDb | Tx, zoneId: string) {
  return db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.zoneId, zoneId), eq(units.active, true))).orderBy(asc(units.sortOrder));
}

/** The zone's leaders as tasks name them (责任领导), for matching in new texts. */
async function zoneLeaders(db: ReadDb | Tx, zoneId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: supervisionTasks.leaderName })
    .from(supervisionTasks)
    .where(and(eq(supervisionTasks.zoneId, zoneId), isNotNull(supervisionTasks.leaderName)));
  return rows.flatMap((r) => (r.name ? [r.name] : []));
}

async function zoneTasks(db: ReadDb | Tx, zoneId: string): Promise<KnownTask[]> {
  return db.select({ id: supervisionTasks.id, text: supervisionTasks.text }).from(supervisionTasks).where(eq(supervisionTasks.zoneId, zoneId));
}

/**
 * Runs the extractor on a text with the zone's unit and leader names; names are mapped to ids,
 * and each task item is compared with the zone's tasks (a possible duplicate is flagged).
 * `date`: the day the text was given or issued (else the extractor reads it from the text, if there);
 * `documentId`: tasks confirmed from this same document are not duplicates of its own items.
 */
export async function draftOf(db: ReadDb | Tx, zoneId: string, text: string, { year, date, documentId }: { year?: number; date?: string | null; documentId?: string } = {}) {
  const [list, leaders, known] = [await zoneUnits(db, zoneId), await zoneLeaders(db, zoneId), await zoneTasks(db, zoneId)];
  const others = documentId ? await tasksNotFrom(db, zoneId, documentId, known) : known;
  const byName = new Map(list.map((u) => [u.name, u.id]));
  const idOf = (n: string) => byName.get(n);
  const ids = (names: readonly string[]) => names.map(idOf).filter((x): x is string => !!x);
  const t0 = performance.now();
  const result = extract(text, { year, date: date ?? undefined, units: list.map((u) => u.name), leaders });
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  const items: DraftItem[] = result.items.map((it) => ({
    ...it,
    unitIds: ids(it.units),
    leadUnitId: it.lead ? (idOf(it.lead) ?? null) : null,
    supportingUnitIds: ids(it.supporting ?? []),
    leaderName: it.leader ?? null,
    duplicateOf: it.kind === 'task' ? possibleDuplicate(it.text, others) : null,
  }));
  return { year: result.year, items, ms };
}

async function tasksNotFrom(db: ReadDb | Tx, zoneId: string, documentId: string, known: KnownTask[]) {
  const own = await db
    .select({ id: supervisionTasks.id })
    .from(supervisionTasks)
    .where(and(eq(supervisionTasks.zoneId, zoneId), eq(supervisionTasks.documentId, documentId)));
  const mine = new Set(own.map((r) => r.id));
  return known.filter((k) => !mine.has(k.id));
}

async function fileText(tx: Tx, actor: Actor, fileId: string) {
  const [f] = await tx.select().from(files).where(and(eq(files.id, fileId), eq(files.zoneId, actor.zoneId)));
  if (!f || (f.uploadedBy !== actor.userId && f.unitId !== null)) throw new AppError('not_found', { entity: 'file' });
  try {
    return await readSourceText(f.name, f.data);
  } catch (e) {
    if (e instanceof UnreadableText) throw new AppError('supervision.unreadable', { name: f.name });
    throw e;
  }
}

/**
 * A document's date must be past (`today`: the zone's date), and at most a year from the document's year: a plan may be
 * issued the December before its year, a report the January after.
 */
export function checkIssued(date: string | undefined, year: number | undefined, today: string): void {
  if (!date) return;
  if (date > today) throw new AppError('supervision.issued_after_today', { date, today });
  if (year !== undefined && Math.abs(Number(date.slice(0, 4)) - year) > 1) throw new AppError('supervision.issued_far_from_year', { date, year });
}

export async function createDocument(tx: Tx, audit: Audit, actor: Actor, input: DocumentInput, today: string) {
  const date = input.issuedOn;
  const body = input.fileId ? await fileText(tx, actor, input.fileId) : input.body!;
  if (!body.trim()) throw new AppError('supervision.unreadable', { name: input.title });
  const year = input.year ?? documentYear(body, { date });
  if (!year) throw new AppError('supervision.year_required');
  checkIssued(date, year, today);
  const [doc] = await tx
    .insert(supervisionDocuments)
    .values({ zoneId: actor.zoneId, title: input.title, kind: input.kind, year, issuedOn: date ?? null, body, fileId: input.fileId ?? null, createdBy: actor.userId })
    .returning();
  await audit({ action: 'create', entity: 'supervision.document', entityId: doc!.id, after: { ...doc, body: `${body.length} chars` } });
  return doc!;
}

export async function listDocuments(db: ReadDb, actor: Actor, q: PageQuery) {
  const where = eq(supervisionDocuments.zoneId, actor.zoneId);
  const cols = {
    id: supervisionDocuments.id,
    title: supervisionDocuments.title,
    kind: supervisionDocuments.kind,
    year: supervisionDocuments.year,
    issuedOn: supervisionDocuments.issuedOn,
    createdAt: supervisionDocuments.createdAt,
  };
  const page = await paged(
    q,
    db.select(cols).from(supervisionDocuments).where(where).orderBy(desc(supervisionDocuments.createdAt)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(supervisionDocuments).where(where),
  );
  const ids = page.items.map((d) => d.id);
  const counts = ids.length
    ? await db
        .select({ documentId: supervisionTasks.documentId, n: count() })
        .from(supervisionTasks)
        .where(inArray(supervisionTasks.documentId, ids))
        .groupBy(supervisionTasks.documentId)
    : [];
  const n = new Map(counts.map((c) => [c.documentId, c.n]));
  return { ...page, items: page.items.map((d) => ({ ...d, taskCount: n.get(d.id) ?? 0 })) };
}

export async function getDocument(db: ReadDb, actor: Actor, id: string) {
  const [doc] = await db.select().from(supervisionDocuments).where(and(eq(supervisionDocuments.id, id), eq(supervisionDocuments.zoneId, actor.zoneId)));
  if (!doc) throw new AppError('not_found', { entity: 'document' });
  const draft = await draftOf(db, actor.zoneId, doc.body, { year: doc.year, date: doc.issuedOn, documentId: doc.id });
  const confirmed = await db
    .select({ id: supervisionTasks.id, start: supervisionTasks.sourceStart, end: supervisionTasks.sourceEnd, text: supervisionTasks.text })
    .from(supervisionTasks)
    .where(eq(supervisionTasks.documentId, id))
    .orderBy(asc(supervisionTasks.sourceStart));
  const results = await db
    .select({ id: supervisionResults.id, start: supervisionResults.sourceStart, end: supervisionResults.sourceEnd, text: supervisionResults.text })
    .from(supervisionResults)
    .where(eq(supervisionResults.documentId, id))
    .orderBy(asc(supervisionResults.sourceStart));
  const { fileId: _f, createdBy: _c, ...rest } = doc;
  return { document: rest, draft, confirmed, results };
}

/**
 * Confirms reviewed items in one transaction: all become tasks (or results), or
 * none do. Tasks are raised on the closed loop and assigned at once (交办) to
 * the lead unit with the zone's amber lead time.
 */
export async function confirmItems(tx: Tx, audit: Audit, actor: Actor, documentId: string, items: ConfirmItem[], now: Date) {
  const [doc] = await tx.select().from(supervisionDocuments).where(and(eq(supervisionDocuments.id, documentId), eq(supervisionDocuments.zoneId, actor.zoneId)));
  if (!doc) throw new AppError('not_found', { entity: 'document' });
  const { amberDays } = await getSettings(tx, actor.zoneId);
  const origin = doc.kind === 'pledge' ? 'pledge' : 'task';
  const created: { tasks: string[]; results: string[] } = { tasks: [], results: [] };
  for (const [i, it] of items.entries()) {
    const row = i + 1;
    const start = it.start ?? null;
    const end = it.end ?? null;
    if ((start === null) !== (end === null) || (start !== null && end !== null && (end < start || end > doc.body.length))) {
      throw new AppError('supervision.source_range', { row });
    }
    if (it.kind === 'result') {
      const [r] = await tx
        .insert(supervisionResults)
        .values({
          zoneId: actor.zoneId,
          documentId,
          sourceStart: start ?? 0,
          sourceEnd: end ?? 0,
          text: it.text,
          indicator: it.indicator?.trim() || it.quantity?.label || it.text.slice(0, 40),
          value: it.quantity?.value ?? null,
          unit: it.quantity?.unit ?? null,
          yoy: it.yoy ?? null,
          period: it.period ?? null,
          unitId: it.leadUnitId ?? null,
        })
        .returning();
      await audit({ action: 'create', entity: 'supervision.result', entityId: r!.id, unitId: r!.unitId, after: r });
      created.results.push(r!.id);
      continue;
    }
    if (!it.leadUnitId || !it.deadline) throw new AppError('supervision.lead_required', { row });
    const taskId = randomUUID();
    const supporting = [...new Set(it.supportingUnitIds.filter((u) => u !== it.leadUnitId))];
    const item = await raiseItem(tx, audit, actor, {
      kind: 'task',
      title: it.text,
      detail: start !== null && end !== null ? doc.body.slice(start, end) : '',
      category: origin,
      subjectType: SUBJECT_TYPE,
      subjectId: taskId,
      assigneeUnitId: it.leadUnitId,
      supportingUnitIds: supporting,
      deadline: it.deadline,
      amberDays,
    }, now);
    const [task] = await tx
      .insert(supervisionTasks)
      .values({
        id: taskId,
        zoneId: actor.zoneId,
        loopItemId: item.id,
        documentId,
        sourceStart: start,
        sourceEnd: end,
        origin,
        text: it.text,
        quantityTarget: it.quantity?.value ?? null,
        quantityUnit: it.quantity?.unit ?? null,
        quantityLabel: it.quantity?.label || null,
        atLeast: it.quantity?.atLeast ?? false,
        priority: it.priority,
        leaderName: it.leaderName?.trim() || null,
        campaign: it.campaign?.trim() || null,
        cadence: it.cadence,
      })
      .returning();
    await audit({ action: 'create', entity: 'supervision.task', entityId: taskId, unitId: it.leadUnitId, after: task });
    created.tasks.push(taskId);
  }
  return created;
}
