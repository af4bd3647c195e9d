// One enterprise, one plan (一企一策): the year's output target, measures and
// assigned leader; monthly cumulative actuals judged against time progress.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { enterprisePlans, enterprises, planActuals, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { scopeBy } from '../../server/scope';
import { AppError } from '../../shared/errors';
import { authorize, type Actor } from '../../shared/policy';
import { loadEnterprise } from './register';
import { assessPlan } from './rules';
import { checkVersion, decimalInput, patchOf, stillCurrent, version } from '../../shared/input';

const amount = decimalInput({ places: 2, digits: 16, message: 'an amount in 万元 with at most 2 decimals' });
export const planInput = z.object({
  enterpriseId: z.uuid(),
  year: z.number().int().min(1990).max(2100),
  targetOutput: amount.refine((v) => Number(v) > 0, 'must be above 0'),
  measures: z.string().trim().max(4000).default(''),
  leaderName: z.string().trim().max(60).default(''),
});
export type PlanInput = z.infer<typeof planInput>;
export const planPatch = patchOf(planInput.omit({ enterpriseId: true, year: true }));
/** With the version of the month read: a month not reported yet reads version 1, its first save writes 2. */
export const actualInput = z.object({ output: amount, note: z.string().trim().max(500).default(''), version });

/** The router's scope for a plan's actuals: the unit of the plan's enterprise. */
export const scopeOfPlan = scopeBy('plan', 'params', 'id', async (db, zoneId, id) => {
  const [row] = await db
    .select({ unitId: enterprises.unitId })
    .from(enterprisePlans)
    .innerJoin(enterprises, eq(enterprises.id, enterprisePlans.enterpriseId))
    .where(and(eq(enterprisePlans.zoneId, zoneId), eq(enterprisePlans.id, id)));
  return row ? { unitId: row.unitId } : null;
});

async function loadPlan(db: ReadDb | Tx, zoneId: string, id: string) {
  const [plan] = await db.select().from(enterprisePlans).where(and(eq(enterprisePlans.zoneId, zoneId), eq(enterprisePlans.id, id)));
  if (!plan) throw new AppError('not_found', { entity: 'plan' });
  return plan;
}

export async function createPlan(tx: Tx, audit: Audit, actor: Actor, input: PlanInput, opts: { demo?: boolean } = {}) {
  const e = await loadEnterprise(tx, actor.zoneId, input.enterpriseId);
  const [dup] = await tx.select({ id: enterprisePlans.id }).from(enterprisePlans).where(and(eq(enterprisePlans.enterpriseId, e.id), eq(enterprisePlans.year, input.year)));
  if (dup) throw new AppError('conflict.duplicate', { entity: '一企一策 / plan', value: `${e.name} ${input.year}` });
  const [row] = await tx.insert(enterprisePlans).values({ ...input, zoneId: actor.zoneId, demo: opts.demo ?? false }).returning();
  await audit({ action: 'create', entity: 'enterprise.plan', entityId: row!.id, unitId: e.unitId, after: row });
  return row!;
}

export async function updatePlan(tx: Tx, audit: Audit, actor: Actor, id: string, patch: z.infer<typeof planPatch>) {
  const before = await loadPlan(tx, actor.zoneId, id);
  checkVersion(patch.version, before.version);
  const [after] = await tx
    .update(enterprisePlans)
    .set({ ...patch, version: before.version + 1 })
    .where(and(eq(enterprisePlans.id, id), eq(enterprisePlans.version, before.version)))
    .returning();
  if (!after) throw new AppError('conflict.stale');
  await audit({ action: 'update', entity: 'enterprise.plan', entityId: id, before, after });
  return after!;
}

/** Cumulative output to month m: never below the month before, never above the month after. */
export async function setActual(tx: Tx, audit: Audit, actor: Actor, planId: string, month: number, input: z.infer<typeof actualInput>) {
  const plan = await loadPlan(tx, actor.zoneId, planId);
  const e = await loadEnterprise(tx, actor.zoneId, plan.enterpriseId);
  authorize(actor, 'enterprise.write', { unitId: e.unitId });
  const all = await tx.select().from(planActuals).where(eq(planActuals.planId, planId)).orderBy(asc(planActuals.month));
  const prev = all.filter((a) => a.month < month).at(-1);
  const next = all.find((a) => a.month > month);
  if (prev && Number(input.output) < Number(prev.output)) throw new AppError('enterprises.actual_decrease', { prev: prev.output });
  if (next && Number(input.output) > Number(next.output)) throw new AppError('enterprises.actual_decrease', { prev: input.output });
  const before = all.find((a) => a.month === month);
  const read = before?.version ?? 1;
  checkVersion(input.version, read);
  const values = { output: input.output, note: input.note, version: read + 1 };
  // Conditional on the version checked: a save in between (even the month's first) is stale too.
  const [saved] = await tx
    .insert(planActuals)
    .values({ ...values, zoneId: actor.zoneId, planId, month })
    .onConflictDoUpdate({ target: [planActuals.planId, planActuals.month], set: values, setWhere: eq(planActuals.version, read) })
    .returning();
  const after = stillCurrent(saved);
  await audit({ action: before ? 'update' : 'create', entity: 'enterprise.plan_actual', entityId: after.id, unitId: e.unitId, before: before ?? null, after });
  return after;
}

/** Plans of a year with the latest month reported and its judgement. */
export async function listPlans(db: ReadDb, zoneId: string, year: number) {
  const plans = await db
    .select({ plan: enterprisePlans, enterpriseName: enterprises.name, unitId: enterprises.unitId, unitName: units.name })
    .from(enterprisePlans)
    .innerJoin(enterprises, eq(enterprises.id, enterprisePlans.enterpriseId))
    .innerJoin(units, eq(units.id, enterprises.unitId))
    .where(and(eq(enterprisePlans.zoneId, zoneId), eq(enterprisePlans.year, year)))
    .orderBy(asc(enterprises.name));
  const ids = plans.map((p) => p.plan.id);
  const actuals = ids.length ? await db.select().from(planActuals).where(inArray(planActuals.planId, ids)) : [];
  return plans.map((p) => {
    const latest = actuals.filter((a) => a.planId === p.plan.id).sort((a, b) => b.month - a.month)[0];
    return {
      ...p.plan,
      enterpriseName: p.enterpriseName,
      unitId: p.unitId,
      unitName: p.unitName,
      month: latest?.month ?? null,
      actual: latest?.output ?? null,
      assessment: latest ? assessPlan(p.plan.targetOutput, latest.output, year, latest.month) : null,
    };
  });
}

export async function planDetail(db: ReadDb, zoneId: string, id: string) {
  const plan = await loadPlan(db, zoneId, id);
  const e = await loadEnterprise(db, zoneId, plan.enterpriseId);
  const actuals = await db.select().from(planActuals).where(eq(planActuals.planId, id)).orderBy(asc(planActuals.month));
  return {
    ...plan,
    enterpriseName: e.name,
    unitId: e.unitId,
    months: actuals.map((a) => ({ month: a.month, output: a.output, note: a.note, version: a.version, assessment: assessPlan(plan.targetOutput, a.output, plan.year, a.month) })),
  };
}

export async function plansOf(db: ReadDb, enterpriseId: string) {
  return db.select().from(enterprisePlans).where(eq(enterprisePlans.enterpriseId, enterpriseId)).orderBy(asc(enterprisePlans.year));
}
