// The enterprise register (企业库): enterprises with their unit, chain and
// assigned leader, figures by year and dated tags. Writes are authorised on the
// unit the enterprise sits in (a sub-district's reporter keeps its own).
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { enterpriseFigures, enterprises, enterpriseTags, enterpriseTagSpans, units, type EnterpriseTag } from '../../db/schema';
import type { Audit } from '../../server/context';
import { scopeBy } from '../../server/scope';
import type { IsoDate } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { authorize, type Actor } from '../../shared/policy';
import { feedEnterpriseCounts } from './feedIndicators';
import { TAG_LABELS } from './labels';
import { validateUscc } from './uscc';
import { checkVersion, decimalInput, patchOf, stillCurrent, version } from '../../shared/input';

export type Enterprise = typeof enterprises.$inferSelect;
const amount = decimalInput({ places: 2, digits: 16, message: 'a non-negative amount in 万元 with at most 2 decimals' });

export const enterpriseInput = z.object({
  name: z.string().trim().min(1).max(100),
  creditCode: z.string().trim().min(1).max(40),
  unitId: z.uuid(),
  chain: z.string().trim().max(60).default(''),
  leaderName: z.string().trim().max(60).default(''),
  contact: z.string().trim().max(100).default(''),
  note: z.string().trim().max(2000).default(''),
});
export type EnterpriseInput = z.infer<typeof enterpriseInput>;
export const enterprisePatch = patchOf(enterpriseInput);

export const figureInput = z.object({
  year: z.number().int().min(1990).max(2100),
  outputValue: amount.nullable().default(null),
  tax: amount.nullable().default(null),
  employees: z.number().int().min(0).max(10_000_000).nullable().default(null),
});
export type FigureInput = z.infer<typeof figureInput>;
/** The route's body: with the version of the year read (a year not stored yet reads 1, its first save writes 2). */
export const figureUpdate = figureInput.extend({ version });

export const tagInput = z.object({
  tag: z.enum(enterpriseTags),
  gainedOn: isoDate,
  lostOn: isoDate.nullable().default(null),
  note: z.string().trim().max(500).default(''),
});
export type TagInput = z.infer<typeof tagInput>;

/** The canonical credit code, or a clear refusal in both languages. */
export function checkCreditCode(raw: string): string {
  const r = validateUscc(raw);
  if (!r.ok) throw new AppError(r.catalogueCode, r.params);
  return r.normalized;
}

async function assertUnit(tx: Tx | ReadDb, zoneId: string, unitId: string) {
  const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zoneId), eq(units.id, unitId)));
  if (!u) throw new AppError('not_found', { entity: 'unit' });
}

async function assertCodeFree(tx: Tx, zoneId: string, code: string, exceptId?: string) {
  const [hit] = await tx.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.creditCode, code)));
  if (hit && hit.id !== exceptId) throw new AppError('conflict.duplicate', { entity: '统一社会信用代码 / credit code', value: `${code}（${hit.name}）` });
}

/** The enterprise in the actor's zone, or not found; optionally locked for update. */
export async function loadEnterprise(tx: Tx | ReadDb, zoneId: string, id: string): Promise<Enterprise> {
  const [row] = await tx.select().from(enterprises).where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.id, id)));
  if (!row) throw new AppError('not_found', { entity: 'enterprise' });
  return row;
}

async function enterpriseUnit(db: ReadDb, zoneId: string, id: string) {
  const [e] = await db.select({ unitId: enterprises.unitId }).from(enterprises).where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.id, id)));
  return e ? { unitId: e.unitId } : null;
}
/** The router's scope for an enterprise's writes: the unit it sits in (by the path's id, or a body's enterpriseId). */
export const scopeOfEnterprise = scopeBy('enterprise', 'params', 'id', enterpriseUnit);
export const scopeOfNamedEnterprise = scopeBy('enterprise', 'body', 'enterpriseId', enterpriseUnit);

export async function createEnterprise(tx: Tx, audit: Audit, actor: Actor, input: EnterpriseInput, opts: { demo?: boolean } = {}) {
  authorize(actor, 'enterprise.write', { unitId: input.unitId });
  const creditCode = checkCreditCode(input.creditCode);
  await assertUnit(tx, actor.zoneId, input.unitId);
  await assertCodeFree(tx, actor.zoneId, creditCode);
  const [row] = await tx.insert(enterprises).values({ ...input, creditCode, zoneId: actor.zoneId, demo: opts.demo ?? false }).returning();
  await audit({ action: 'create', entity: 'enterprise', entityId: row!.id, unitId: row!.unitId, after: row });
  return row!;
}

/**
 * Writes that can change the zone counts take `today` and feed the matching
 * indicators in the same transaction (./feedIndicators); `null` is for a
 * caller that re-syncs the counts itself afterwards (the demo build).
 */
type FeedDay = IsoDate | null;

async function feed(tx: Tx, audit: Audit, zoneId: string, dates: (string | null)[], today: FeedDay) {
  if (today) await feedEnterpriseCounts(tx, audit, zoneId, dates, today);
}

export async function updateEnterprise(tx: Tx, audit: Audit, actor: Actor, id: string, patch: z.infer<typeof enterprisePatch>, today: FeedDay) {
  const before = await loadEnterprise(tx, actor.zoneId, id);
  authorize(actor, 'enterprise.write', { unitId: before.unitId });
  if (patch.unitId && patch.unitId !== before.unitId) {
    authorize(actor, 'enterprise.write', { unitId: patch.unitId });
    await assertUnit(tx, actor.zoneId, patch.unitId);
  }
  checkVersion(patch.version, before.version);
  const { version: _v, ...rest } = patch;
  const creditCode = rest.creditCode !== undefined ? checkCreditCode(rest.creditCode) : undefined;
  if (creditCode) await assertCodeFree(tx, actor.zoneId, creditCode, id);
  const [after] = await tx
    .update(enterprises)
    .set({ ...rest, ...(creditCode ? { creditCode } : {}), updatedAt: new Date(), version: before.version + 1 })
    .where(eq(enterprises.id, id))
    .returning();
  await audit({ action: 'update', entity: 'enterprise', entityId: id, unitId: after!.unitId, before, after });
  // Moved to another unit: its tags now count there.
  if (after!.unitId !== before.unitId) {
    const spans = await tx.select({ gainedOn: enterpriseTagSpans.gainedOn, lostOn: enterpriseTagSpans.lostOn }).from(enterpriseTagSpans).where(eq(enterpriseTagSpans.enterpriseId, id));
    await feed(tx, audit, actor.zoneId, spans.flatMap((s) => [s.gainedOn, s.lostOn]), today);
  }
  return after!;
}

/** A year's figures; `version` (from a user) is checked, the demo build sends none. */
export async function setFigures(tx: Tx, audit: Audit, actor: Actor, enterpriseId: string, input: FigureInput & { version?: number }, opts: { demo?: boolean } = {}) {
  const e = await loadEnterprise(tx, actor.zoneId, enterpriseId);
  authorize(actor, 'enterprise.write', { unitId: e.unitId });
  const [before] = await tx.select().from(enterpriseFigures).where(and(eq(enterpriseFigures.enterpriseId, enterpriseId), eq(enterpriseFigures.year, input.year)));
  const read = before?.version ?? 1;
  if (input.version !== undefined) checkVersion(input.version, read);
  const values = { outputValue: input.outputValue, tax: input.tax, employees: input.employees, demo: opts.demo ?? false, version: read + 1 };
  // Conditional on the version read: a save in between (even the year's first) is stale too.
  const [saved] = await tx
    .insert(enterpriseFigures)
    .values({ ...values, zoneId: actor.zoneId, enterpriseId, year: input.year })
    .onConflictDoUpdate({ target: [enterpriseFigures.enterpriseId, enterpriseFigures.year], set: values, setWhere: eq(enterpriseFigures.version, read) })
    .returning();
  const after = stillCurrent(saved);
  await audit({ action: before ? 'update' : 'create', entity: 'enterprise.figures', entityId: enterpriseId, unitId: e.unitId, before: before ?? null, after });
  return after;
}

function overlaps(a: { gainedOn: string; lostOn: string | null }, b: { gainedOn: string; lostOn: string | null }) {
  const aEnd = a.lostOn ?? '9999-12-31';
  const bEnd = b.lostOn ?? '9999-12-31';
  return a.gainedOn < bEnd && b.gainedOn < aEnd;
}

export async function addTag(tx: Tx, audit: Audit, actor: Actor, enterpriseId: string, input: TagInput, today: FeedDay) {
  const e = await loadEnterprise(tx, actor.zoneId, enterpriseId);
  authorize(actor, 'enterprise.write', { unitId: e.unitId });
  if (input.lostOn && input.lostOn < input.gainedOn) throw new AppError('enterprises.tag_dates');
  const existing = await tx.select().from(enterpriseTagSpans).where(and(eq(enterpriseTagSpans.enterpriseId, enterpriseId), eq(enterpriseTagSpans.tag, input.tag)));
  const clash = existing.find((s) => overlaps(s, input));
  if (clash) throw new AppError('enterprises.tag_overlap', { tag: TAG_LABELS[input.tag].zh, date: clash.gainedOn });
  const [row] = await tx.insert(enterpriseTagSpans).values({ ...input, zoneId: actor.zoneId, enterpriseId }).returning();
  await audit({ action: 'create', entity: 'enterprise.tag', entityId: row!.id, unitId: e.unitId, after: row });
  await feed(tx, audit, actor.zoneId, [row!.gainedOn, row!.lostOn], today);
  return row!;
}

/** Records that a held tag was lost (e.g. high-tech status not renewed). */
export async function loseTag(tx: Tx, audit: Audit, actor: Actor, enterpriseId: string, spanId: string, input: { lostOn: string; version: number }, today: FeedDay) {
  const { lostOn } = input;
  const e = await loadEnterprise(tx, actor.zoneId, enterpriseId);
  authorize(actor, 'enterprise.write', { unitId: e.unitId });
  const [before] = await tx.select().from(enterpriseTagSpans).where(and(eq(enterpriseTagSpans.id, spanId), eq(enterpriseTagSpans.enterpriseId, enterpriseId)));
  if (!before) throw new AppError('not_found', { entity: 'tag' });
  if (lostOn < before.gainedOn) throw new AppError('enterprises.tag_dates');
  checkVersion(input.version, before.version);
  const after = stillCurrent(
    (
      await tx
        .update(enterpriseTagSpans)
        .set({ lostOn, version: before.version + 1 })
        .where(and(eq(enterpriseTagSpans.id, spanId), eq(enterpriseTagSpans.version, before.version)))
        .returning()
    )[0],
  );
  await audit({ action: 'update', entity: 'enterprise.tag', entityId: spanId, unitId: e.unitId, before, after });
  await feed(tx, audit, actor.zoneId, [before.lostOn, lostOn], today);
  return after;
}

export async function deleteTag(tx: Tx, audit: Audit, actor: Actor, enterpriseId: string, spanId: string, today: FeedDay) {
  const e = await loadEnterprise(tx, actor.zoneId, enterpriseId);
  authorize(actor, 'enterprise.write', { unitId: e.unitId });
  const [before] = await tx.delete(enterpriseTagSpans).where(and(eq(enterpriseTagSpans.id, spanId), eq(enterpriseTagSpans.enterpriseId, enterpriseId))).returning();
  if (!before) throw new AppError('not_found', { entity: 'tag' });
  await audit({ action: 'delete', entity: 'enterprise.tag', entityId: spanId, unitId: e.unitId, before });
  await feed(tx, audit, actor.zoneId, [before.gainedOn, before.lostOn], today);
}

export interface EnterpriseFilter extends PageQuery {
  q?: string;
  tag?: EnterpriseTag;
  chain?: string;
  unitId?: string;
  year: number;
}

/** Tags held on a date, as SQL. */
export const heldSql = (on: string) =>
  sql`${enterpriseTagSpans.gainedOn} <= ${on}::date AND (${enterpriseTagSpans.lostOn} IS NULL OR ${enterpriseTagSpans.lostOn} > ${on}::date)`;

/** Current tags of some enterprises, by enterprise id. */
export async function tagsHeld(db: ReadDb | Tx, ids: string[], on: string): Promise<Map<string, EnterpriseTag[]>> {
  const out = new Map<string, EnterpriseTag[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: enterpriseTagSpans.enterpriseId, tag: enterpriseTagSpans.tag })
    .from(enterpriseTagSpans)
    .where(and(inArray(enterpriseTagSpans.enterpriseId, ids), heldSql(on)));
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.tag]);
  return out;
}

export function filterWhere(zoneId: string, f: Omit<EnterpriseFilter, 'page' | 'pageSize' | 'year'>, on: string): SQL {
  return and(
    eq(enterprises.zoneId, zoneId),
    f.q ? or(ilike(enterprises.name, `%${f.q}%`), ilike(enterprises.creditCode, `%${f.q.toUpperCase()}%`)) : undefined,
    f.chain ? eq(enterprises.chain, f.chain) : undefined,
    f.unitId ? eq(enterprises.unitId, f.unitId) : undefined,
    f.tag
      ? sql`EXISTS (SELECT 1 FROM ${enterpriseTagSpans} WHERE ${enterpriseTagSpans.enterpriseId} = ${enterprises.id} AND ${enterpriseTagSpans.tag} = ${f.tag} AND ${heldSql(on)})`
      : undefined,
  )!;
}

export async function listEnterprises(db: ReadDb, zoneId: string, f: EnterpriseFilter, on: string) {
  const where = filterWhere(zoneId, f, on);
  const [rows, [total]] = await Promise.all([
    db
      .select({ e: enterprises, unitName: units.name, fig: enterpriseFigures })
      .from(enterprises)
      .innerJoin(units, eq(units.id, enterprises.unitId))
      .leftJoin(enterpriseFigures, and(eq(enterpriseFigures.enterpriseId, enterprises.id), eq(enterpriseFigures.year, f.year)))
      .where(where)
      .orderBy(sql`${enterpriseFigures.outputValue} DESC NULLS LAST`, asc(enterprises.name))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  const tags = await tagsHeld(db, rows.map((r) => r.e.id), on);
  return {
    items: rows.map((r) => ({
      ...r.e,
      unitName: r.unitName,
      year: f.year,
      outputValue: r.fig?.outputValue ?? null,
      tax: r.fig?.tax ?? null,
      employees: r.fig?.employees ?? null,
      tags: tags.get(r.e.id) ?? [],
    })),
    total: total?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** Distinct industry chains of the zone, for the filter. */
export async function listChains(db: ReadDb, zoneId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ chain: enterprises.chain }).from(enterprises).where(and(eq(enterprises.zoneId, zoneId), sql`${enterprises.chain} <> ''`)).orderBy(enterprises.chain);
  return rows.map((r) => r.chain);
}

export async function enterpriseDetail(db: ReadDb, zoneId: string, id: string) {
  const e = await loadEnterprise(db, zoneId, id);
  const [[unit], figures, tags] = await Promise.all([
    db.select({ name: units.name }).from(units).where(eq(units.id, e.unitId)),
    db.select().from(enterpriseFigures).where(eq(enterpriseFigures.enterpriseId, id)).orderBy(asc(enterpriseFigures.year)),
    db.select().from(enterpriseTagSpans).where(eq(enterpriseTagSpans.enterpriseId, id)).orderBy(asc(enterpriseTagSpans.gainedOn)),
  ]);
  return { ...e, unitName: unit?.name ?? '', figures, tags };
}
