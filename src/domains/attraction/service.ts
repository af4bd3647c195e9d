// 招商引资: leads (线索 → 在谈 → 签约 → 落地) with their contact log; a signed lead
// becomes a project without retyping. The counts the zone reports are in ./signings.
import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { attractionContacts, attractionLeads, contactKinds, currencies, leadStages, projectCategories, units, users } from '../../db/schema';
import type { Audit } from '../../server/context';
import { scopeBy } from '../../server/scope';
import type { IsoDate } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { checkVersion, patchOf, version } from '../../shared/input';
import { isoDate } from '../../shared/http';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import { authorize, can, type Actor } from '../../shared/policy';
import { amount } from '../projects/model';
import { createProject } from '../projects/service';
import { feedAttractionCounts } from './feedIndicators';

export type Lead = typeof attractionLeads.$inferSelect;

export const leadInput = z.object({
  name: z.string().trim().min(1).max(100),
  investor: z.string().trim().max(100).default(''),
  source: z.string().trim().max(60).default(''),
  team: z.string().trim().max(60).default(''),
  unitId: z.uuid(),
  chain: z.string().trim().max(40).default(''),
  category: z.enum(projectCategories).default('industrial'),
  currency: z.enum(currencies).default('CNY'),
  expectedInvestment: amount,
  foreignCapital: z.boolean().optional(),
});
export const leadPatch = patchOf(leadInput);
export const stageInput = z.object({ stage: z.enum(leadStages), signedOn: isoDate.nullable().optional(), version });
export const contactInput = z.object({ onDate: isoDate, kind: z.enum(contactKinds).default('visit'), note: z.string().trim().min(1).max(2000) });
export const convertInput = z.object({
  responsibleUnitId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  targetDate: isoDate.nullable().optional(),
  keyProject: z.boolean().default(false),
  version,
});
/** The demo seeds leads without reading them first; every route sends the version. */
type Versioned<T> = Omit<T, 'version'> & { version?: number };

/** With `lock`, the row stays locked to the end of the transaction, so the version checked is the one updated. */
async function loadLead(tx: ReadDb | Tx, zoneId: string, id: string, lock = false): Promise<Lead> {
  const q = tx.select().from(attractionLeads).where(and(eq(attractionLeads.id, id), eq(attractionLeads.zoneId, zoneId)));
  const [l] = lock ? await q.for('update') : await q;
  if (!l) throw new AppError('not_found', { entity: 'lead' });
  return l;
}

/** A lead is the handling unit's business: zone-wide roles and that unit's people read it. */
function assertRead(actor: Actor, lead: Lead) {
  if (!can(actor, 'unitData.read', { unitId: lead.unitId })) throw new AppError('not_found', { entity: 'lead' });
}

async function assertUnit(tx: Tx, zoneId: string, unitId: string) {
  const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.zoneId, zoneId)));
  if (!u) throw new AppError('not_found', { entity: 'unit' });
}

/** The router's scope for a lead's writes: its handling unit; a lead the actor may not read is not found (as assertRead). */
export const scopeOfLead = scopeBy('lead', 'params', 'id', async (db, zoneId, id, actor) => {
  const [l] = await db.select({ unitId: attractionLeads.unitId }).from(attractionLeads).where(and(eq(attractionLeads.zoneId, zoneId), eq(attractionLeads.id, id)));
  return l && can(actor, 'unitData.read', { unitId: l.unitId }) ? { unitId: l.unitId } : null;
});

export async function createLead(tx: Tx, audit: Audit, actor: Actor, input: z.infer<typeof leadInput>, extras: { demo?: boolean } = {}) {
  authorize(actor, 'attraction.write', { unitId: input.unitId });
  await assertUnit(tx, actor.zoneId, input.unitId);
  const [dup] = await tx.select({ id: attractionLeads.id }).from(attractionLeads).where(and(eq(attractionLeads.zoneId, actor.zoneId), eq(attractionLeads.name, input.name)));
  if (dup) throw new AppError('conflict.duplicate', { entity: 'lead', value: input.name });
  const [row] = await tx
    .insert(attractionLeads)
    .values({ ...input, foreignCapital: input.foreignCapital ?? input.currency === 'USD', zoneId: actor.zoneId, createdBy: actor.userId, demo: extras.demo ?? false })
    .returning();
  await audit({ action: 'create', entity: 'lead', entityId: row!.id, unitId: row!.unitId, after: row });
  return row!;
}

export async function updateLead(tx: Tx, audit: Audit, actor: Actor, id: string, patch: z.infer<typeof leadPatch>, today: IsoDate) {
  const before = await loadLead(tx, actor.zoneId, id, true);
  assertRead(actor, before);
  authorize(actor, 'attraction.write', { unitId: before.unitId });
  if (patch.unitId) {
    authorize(actor, 'attraction.write', { unitId: patch.unitId });
    await assertUnit(tx, actor.zoneId, patch.unitId);
  }
  checkVersion(patch.version, before.version);
  const { version: _v, ...rest } = patch;
  const [after] = await tx.update(attractionLeads).set({ ...rest, updatedAt: new Date(), version: before.version + 1 }).where(eq(attractionLeads.id, id)).returning();
  await audit({ action: 'update', entity: 'lead', entityId: id, unitId: after!.unitId, before, after });
  // A signed lead's amount, currency, unit or foreign flag is in the counts.
  if (!before.projectId) await feedAttractionCounts(tx, audit, actor.zoneId, [before.signedOn], today);
  return after!;
}

export async function moveLead(tx: Tx, audit: Audit, actor: Actor, id: string, input: Versioned<z.infer<typeof stageInput>>, today: IsoDate) {
  const before = await loadLead(tx, actor.zoneId, id, true);
  assertRead(actor, before);
  authorize(actor, 'attraction.write', { unitId: before.unitId });
  if (input.version !== undefined) checkVersion(input.version, before.version);
  const signed = input.stage === 'signed' || input.stage === 'landed';
  const signedOn = signed ? (input.signedOn ?? before.signedOn) : null;
  if (signed && !signedOn) throw new AppError('attraction.signed_date_required');
  if (signedOn && signedOn > today) throw new AppError('project.future_date', { date: signedOn });
  const [after] = await tx
    .update(attractionLeads)
    .set({ stage: input.stage, signedOn, updatedAt: new Date(), version: before.version + 1 })
    .where(eq(attractionLeads.id, id))
    .returning();
  await audit({ action: 'stage', entity: 'lead', entityId: id, unitId: before.unitId, before: { stage: before.stage, signedOn: before.signedOn }, after: { stage: after!.stage, signedOn } });
  if (!before.projectId) await feedAttractionCounts(tx, audit, actor.zoneId, [before.signedOn, signedOn], today);
  return after!;
}

export async function addContact(tx: Tx, audit: Audit, actor: Actor, leadId: string, input: z.infer<typeof contactInput>, today: IsoDate) {
  const lead = await loadLead(tx, actor.zoneId, leadId);
  assertRead(actor, lead);
  authorize(actor, 'attraction.write', { unitId: lead.unitId });
  if (input.onDate > today) throw new AppError('project.future_date', { date: input.onDate });
  const [row] = await tx.insert(attractionContacts).values({ ...input, zoneId: actor.zoneId, leadId, createdBy: actor.userId }).returning();
  await audit({ action: 'contact', entity: 'lead.contact', entityId: row!.id, unitId: lead.unitId, after: { ...row, leadId } });
  return row!;
}

/** A signed lead becomes a project with its name, chain, category, investment and signing date; the lead is then 落地. */
export async function convertLead(tx: Tx, audit: Audit, actor: Actor, leadId: string, input: z.infer<typeof convertInput>, today: IsoDate) {
  const lead = await loadLead(tx, actor.zoneId, leadId, true);
  checkVersion(input.version, lead.version);
  if (lead.projectId) throw new AppError('attraction.already_converted');
  if (lead.stage !== 'signed' || !lead.signedOn) throw new AppError('attraction.not_signed');
  const project = await createProject(
    tx,
    audit,
    actor,
    {
      name: lead.name,
      category: lead.category,
      chain: lead.chain,
      keyProject: input.keyProject,
      year: input.year ?? Number(lead.signedOn.slice(0, 4)),
      currency: lead.currency,
      totalInvestment: lead.expectedInvestment,
      annualPlan: '0',
      responsibleUnitId: input.responsibleUnitId ?? lead.unitId,
      taskForceUserIds: [],
      stageDates: { signed: { actual: lead.signedOn } },
      targetDate: input.targetDate ?? null,
      foreignCapital: lead.foreignCapital,
      note: lead.investor ? `投资方：${lead.investor}` : '',
    },
    today,
    { leadId: lead.id, demo: lead.demo },
  );
  const [after] = await tx
    .update(attractionLeads)
    .set({ stage: 'landed', projectId: project.id, updatedAt: new Date(), version: lead.version + 1 })
    .where(eq(attractionLeads.id, leadId))
    .returning();
  await audit({ action: 'convert', entity: 'lead', entityId: leadId, unitId: lead.unitId, before: lead, after });
  // The signing is now counted as the project's (its responsible unit may differ).
  await feedAttractionCounts(tx, audit, actor.zoneId, [lead.signedOn], today);
  return { lead: after!, project };
}

export const leadFilter = z.object({
  stage: z.enum(leadStages).optional(),
  unitId: z.uuid().optional(),
  chain: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
});

export async function listLeads(db: ReadDb, actor: Actor, f: z.infer<typeof leadFilter> & PageQuery) {
  const zoneWide = ['admin', 'leader', 'supervisor'].includes(actor.role);
  if (!zoneWide && !actor.unitId) return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
  const where = and(
    eq(attractionLeads.zoneId, actor.zoneId),
    zoneWide ? undefined : eq(attractionLeads.unitId, actor.unitId!),
    f.stage ? eq(attractionLeads.stage, f.stage) : undefined,
    f.unitId ? eq(attractionLeads.unitId, f.unitId) : undefined,
    f.chain ? eq(attractionLeads.chain, f.chain) : undefined,
    f.q ? ilike(attractionLeads.name, `%${f.q}%`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ lead: attractionLeads, unitName: units.name, contacts: sql<number>`(SELECT count(*)::int FROM attraction_contacts c WHERE c.lead_id = ${attractionLeads.id})` })
      .from(attractionLeads)
      .innerJoin(units, eq(units.id, attractionLeads.unitId))
      .where(where)
      .orderBy(desc(attractionLeads.updatedAt), asc(attractionLeads.name))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: sql<number>`count(*)::int` }).from(attractionLeads).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.lead, unitName: r.unitName, contacts: r.contacts })), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function getLead(db: ReadDb, actor: Actor, id: string) {
  const lead = await loadLead(db, actor.zoneId, id);
  assertRead(actor, lead);
  const contacts = await db
    .select({ c: attractionContacts, by: users.displayName })
    .from(attractionContacts)
    .leftJoin(users, eq(users.id, attractionContacts.createdBy))
    .where(eq(attractionContacts.leadId, id))
    .orderBy(desc(attractionContacts.onDate), desc(attractionContacts.createdAt));
  return { lead, contacts: contacts.map((r) => ({ ...r.c, by: r.by })), canWrite: can(actor, 'attraction.write', { unitId: lead.unitId }) };
}
