// Assessment schemes (考核方案): validation, CRUD, and bonuses/deductions with reasons.
// A published scheme is frozen: its items, period and adjustments no longer change.
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { assessmentAdjustments, assessmentSchemes, campaigns, periodKinds, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { dec, sum } from '../../shared/decimal';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import { checkVersion, decimalInput, stillCurrent } from '../../shared/input';
import { offsetOf, paged, type PageQuery } from '../../shared/pagination';
import { can, type Actor } from '../../shared/policy';
import { withKeys } from './itemKeys';
import { parsePeriod } from './periods';
import { existingIndicatorCodes } from './queries';

const decimalText = (min: number, max: number) => decimalInput({ places: 4, digits: 3, min, max, message: `a number between ${min} and ${max}, at most 4 decimals` });

const itemBase = {
  /** Made from the kind and the indicator when left out (itemKeys.ts); kept when given. */
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits, _').optional(),
  name: z.string().trim().min(1).max(40),
  weight: decimalText(0, 100),
};
const indicatorCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const schemeItemInput = z.discriminatedUnion('kind', [
  z.object({
    ...itemBase,
    kind: z.literal('indicator_completion'),
    indicatorCode,
    tier: z.enum(['floor', 'stretch']).default('floor'),
    cap: decimalText(1, 3).default('1.2'),
    floor: decimalText(0, 1).default('0'),
  }),
  z.object({
    ...itemBase,
    kind: z.literal('growth_rank'),
    indicatorCode,
    step: decimalText(0, 100).default('1'),
    minPoints: decimalText(0, 100).default('0'),
    decimals: z.number().int().min(0).max(3).default(1),
  }),
  z.object({ ...itemBase, kind: z.literal('milestones_on_time'), whenNone: decimalText(0, 1).default('1') }),
  z.object({ ...itemBase, kind: z.literal('tasks_on_time'), whenNone: decimalText(0, 1).default('1') }),
  z.object({
    ...itemBase,
    kind: z.literal('loops_closed'),
    loopKinds: z.array(z.enum(['problem', 'appeal', 'hazard'])).min(1).default(['problem', 'appeal']),
    whenNone: decimalText(0, 1).default('1'),
  }),
]);
export type SchemeItemConfig = z.infer<typeof schemeItemInput> & { key: string };
export const itemKinds = ['indicator_completion', 'growth_rank', 'milestones_on_time', 'tasks_on_time', 'loops_closed'] as const;

export const schemeInput = z.object({
  name: z.string().trim().min(1).max(80),
  periodKind: z.enum(periodKinds),
  /** '2022-Q2', '2022-H1', '2022', '2022-07'; for a campaign, a label of its own. */
  period: z.string().trim().min(4).max(40),
  campaignId: z.uuid().nullable().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  rankingGroup: z.string().trim().min(1).max(30),
  items: z.array(schemeItemInput).min(1).max(12).transform(withKeys),
  redFlagPolicy: z.enum(['all_tied', 'unique_only']).default('all_tied'),
});
export type SchemeInput = z.infer<typeof schemeInput>;
export type SchemeRow = typeof assessmentSchemes.$inferSelect;


/** Checks what zod cannot: the period against its kind, the weights, keys, caps, indicators. */
export async function checkScheme(db: ReadDb | Tx, zoneId: string, input: SchemeInput) {
  let start: string;
  let end: string;
  // A campaign of another zone must not be linked (its name and dates would leak into this zone's bulletins).
  if (input.campaignId) {
    const [c] = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, input.campaignId), eq(campaigns.zoneId, zoneId)));
    if (!c) throw new AppError('not_found', { entity: 'campaign' });
  }
  if (input.periodKind === 'campaign') {
    if (!input.startDate || !input.endDate) {
      throw new AppError('assessment.campaign_dates');
    }
    start = input.startDate;
    end = input.endDate;
    if (end < start) throw new AppError('campaigns.dates');
  } else {
    const p = parsePeriod(input.period);
    if (!p || p.kind !== input.periodKind) {
      throw new AppError('assessment.period', { period: input.period });
    }
    start = p.start;
    end = p.end;
  }
  const total = sum(input.items.map((i) => i.weight));
  if (!total.eq(100)) {
    throw new AppError('assessment.weights', { sum: total.toString() });
  }
  const keys = new Set<string>();
  for (const item of input.items) {
    if (keys.has(item.key)) throw new AppError('assessment.item_key', { key: item.key });
    keys.add(item.key);
    if (item.kind === 'growth_rank' && dec(item.minPoints).gt(item.weight)) {
      throw new AppError('assessment.min_points', { item: item.name });
    }
  }
  const codes = [...new Set(input.items.flatMap((i) => ('indicatorCode' in i ? [i.indicatorCode] : [])))];
  if (codes.length) {
    const known = await existingIndicatorCodes(db, zoneId, codes);
    const missing = codes.find((c) => !known.has(c));
    if (missing) throw new AppError('assessment.indicator', { code: missing });
  }
  const [group] = await db
    .select({ n: count() })
    .from(units)
    .where(and(eq(units.zoneId, zoneId), eq(units.rankingGroup, input.rankingGroup)));
  if (!group?.n) {
    throw new AppError('assessment.group', { group: input.rankingGroup });
  }
  return { start, end };
}

/** Reporters and viewers see published schemes only; zone-wide roles see drafts too. */
export const seesDrafts = (actor: Actor) => can(actor, 'unitData.read', {});

export async function listSchemes(db: ReadDb, actor: Actor, q: PageQuery & { state?: 'draft' | 'published' }) {
  const where = and(
    eq(assessmentSchemes.zoneId, actor.zoneId),
    seesDrafts(actor) ? (q.state ? eq(assessmentSchemes.state, q.state) : undefined) : eq(assessmentSchemes.state, 'published'),
  );
  return paged(
    q,
    db.select().from(assessmentSchemes).where(where).orderBy(desc(assessmentSchemes.endDate), asc(assessmentSchemes.name)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(assessmentSchemes).where(where),
  );
}

export async function getScheme(db: ReadDb | Tx, actor: Actor, id: string): Promise<SchemeRow> {
  const [row] = await db.select().from(assessmentSchemes).where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.zoneId, actor.zoneId)));
  if (!row || (row.state !== 'published' && !seesDrafts(actor))) throw new AppError('not_found', { entity: 'scheme' });
  return row;
}

async function assertUniqueName(tx: Tx, zoneId: string, name: string, exceptId?: string) {
  const [hit] = await tx.select({ id: assessmentSchemes.id }).from(assessmentSchemes).where(and(eq(assessmentSchemes.zoneId, zoneId), eq(assessmentSchemes.name, name)));
  if (hit && hit.id !== exceptId) throw new AppError('conflict.duplicate', { entity: '考核方案', value: name });
}

export const frozen = () =>
  new AppError('assessment.published');

export async function createScheme(tx: Tx, audit: Audit, actor: Actor, input: SchemeInput, opts: { demo?: boolean } = {}) {
  const { start, end } = await checkScheme(tx, actor.zoneId, input);
  await assertUniqueName(tx, actor.zoneId, input.name);
  const [row] = await tx
    .insert(assessmentSchemes)
    .values({
      zoneId: actor.zoneId,
      name: input.name,
      periodKind: input.periodKind,
      period: input.period,
      campaignId: input.campaignId ?? null,
      startDate: start,
      endDate: end,
      rankingGroup: input.rankingGroup,
      items: input.items,
      redFlagPolicy: input.redFlagPolicy,
      demo: opts.demo ?? false,
      createdBy: actor.userId || null,
    })
    .returning();
  await audit({ action: 'create', entity: 'assessment_scheme', entityId: row!.id, after: row });
  return row!;
}

export async function updateScheme(tx: Tx, audit: Audit, actor: Actor, id: string, input: SchemeInput & { version: number }) {
  const before = await getScheme(tx, actor, id);
  if (before.state === 'published') throw frozen();
  checkVersion(input.version, before.version);
  const { start, end } = await checkScheme(tx, actor.zoneId, input);
  await assertUniqueName(tx, actor.zoneId, input.name, id);
  const [after] = await tx
    .update(assessmentSchemes)
    .set({
      name: input.name,
      periodKind: input.periodKind,
      period: input.period,
      campaignId: input.campaignId ?? null,
      startDate: start,
      endDate: end,
      rankingGroup: input.rankingGroup,
      items: input.items,
      redFlagPolicy: input.redFlagPolicy,
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.version, before.version)))
    .returning();
  stillCurrent(after);
  await audit({ action: 'update', entity: 'assessment_scheme', entityId: id, before, after });
  return after!;
}

export async function deleteScheme(tx: Tx, audit: Audit, actor: Actor, id: string) {
  const before = await getScheme(tx, actor, id);
  if (before.state === 'published') throw frozen();
  await tx.delete(assessmentSchemes).where(eq(assessmentSchemes.id, id));
  await audit({ action: 'delete', entity: 'assessment_scheme', entityId: id, before });
}

// ---------------------------------------------------------------- adjustments

export const adjustmentInput = z.object({
  unitId: z.uuid(),
  points: decimalText(-100, 100).refine((v) => !dec(v).isZero(), 'not 0').refine((v) => dec(v).decimalPlaces() <= 2, 'at most 2 decimals'),
  reason: z.string().trim().min(2).max(200),
});

export async function listAdjustments(db: ReadDb | Tx, zoneId: string, schemeId: string) {
  return db
    .select({
      id: assessmentAdjustments.id,
      unitId: assessmentAdjustments.unitId,
      unitName: units.name,
      points: assessmentAdjustments.points,
      reason: assessmentAdjustments.reason,
      createdAt: assessmentAdjustments.createdAt,
    })
    .from(assessmentAdjustments)
    .innerJoin(units, eq(units.id, assessmentAdjustments.unitId))
    .where(and(eq(assessmentAdjustments.zoneId, zoneId), eq(assessmentAdjustments.schemeId, schemeId)))
    .orderBy(asc(assessmentAdjustments.createdAt));
}

export async function addAdjustment(tx: Tx, audit: Audit, actor: Actor, schemeId: string, input: z.infer<typeof adjustmentInput>) {
  const scheme = await getScheme(tx, actor, schemeId);
  if (scheme.state === 'published') throw frozen();
  const [unit] = await tx.select().from(units).where(and(eq(units.id, input.unitId), eq(units.zoneId, actor.zoneId)));
  if (!unit) throw new AppError('not_found', { entity: 'unit' });
  if (unit.rankingGroup !== scheme.rankingGroup) {
    throw new AppError('assessment.unit_group', { unit: unit.name });
  }
  const [row] = await tx
    .insert(assessmentAdjustments)
    .values({ zoneId: actor.zoneId, schemeId, unitId: unit.id, points: input.points, reason: input.reason, createdBy: actor.userId || null })
    .returning();
  await audit({ action: 'create', entity: 'assessment_adjustment', entityId: row!.id, unitId: unit.id, after: row });
  return { ...row!, unitName: unit.name };
}

export async function deleteAdjustment(tx: Tx, audit: Audit, actor: Actor, schemeId: string, id: string) {
  const scheme = await getScheme(tx, actor, schemeId);
  if (scheme.state === 'published') throw frozen();
  const [before] = await tx
    .select()
    .from(assessmentAdjustments)
    .where(and(eq(assessmentAdjustments.id, id), eq(assessmentAdjustments.schemeId, schemeId), eq(assessmentAdjustments.zoneId, actor.zoneId)));
  if (!before) throw new AppError('not_found', { entity: 'adjustment' });
  await tx.delete(assessmentAdjustments).where(eq(assessmentAdjustments.id, id));
  await audit({ action: 'delete', entity: 'assessment_adjustment', entityId: id, unitId: before.unitId, before });
}
