// Project writes: create and edit, lay the plan backwards, approve it as the
// baseline, record milestone and stage progress, photos, problems, and monthly
// completed investment (submit → approve). Every function takes the transaction
// and the audit recorder; authorisation by role AND unit happens here, against
// the project's own responsible unit and task force.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import {
  memberships,
  projectInvestments,
  projectMilestones,
  projects,
  projectSettings,
  projectUpdates,
  units,
  type StageDates,
  type TemplateStep,
} from '../../db/schema';
import type { Audit } from '../../server/context';
import { scopeBy } from '../../server/scope';
import type { IsoDate } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { checkVersion } from '../../shared/input';
import { fileInfos } from '../../shared/files';
import { raiseItem } from '../../shared/loop/store';
import { authorize, can, type Actor } from '../../shared/policy';
import type {
  investmentInput,
  investmentReview,
  milestoneUpdate,
  planCheckInput,
  planInput,
  problemInput,
  progressUpdateInput,
  ProjectInput,
  ProjectPatch,
  settingsInput,
} from './model';
import { feedChanged } from '../feeds/triggers';
import { PROJECT_SUBJECT } from './problems';
import { reachedStage, STAGES, type Stage } from './rules';
import { checkBackward, planBackward, ScheduleError, validateTemplate, type Plan } from './schedule';
import { defaultTemplate, type ProjectCategory } from './templates';
import { assertLeader, insertMembers, membersFromUsers } from './members';

export type Project = typeof projects.$inferSelect;

/** The day a project was signed (签约), which dates it in the 招商 counts. */
const signedOn = (dates: StageDates): string | null => dates.signed?.actual ?? null;
/** The days a project started (开工) and went into production (投产), which date it in the 新开工 / 竣工投产 counts. */
const stageDays = (dates: StageDates): (string | null)[] => [dates.started?.actual ?? null, dates.producing?.actual ?? null];

/** After a change of a project's stage dates (or unit): the feeds whose counts it can change, in the same transaction. */
async function feedStageChange(tx: Tx, audit: Audit, zoneId: string, before: Pick<Project, 'stageDates' | 'responsibleUnitId'> | null, after: Pick<Project, 'stageDates' | 'responsibleUnitId'>, today: IsoDate) {
  const was = before ? stageDays(before.stageDates) : [null, null];
  const now = stageDays(after.stageDates);
  const moved = before !== null && before.responsibleUnitId !== after.responsibleUnitId;
  if (!moved && was.join('|') === now.join('|')) return;
  await feedChanged('projects', tx, audit, zoneId, [...was, ...now], today);
}

export function projectScope(p: Pick<Project, 'responsibleUnitId' | 'leaderUserId' | 'taskForceUserIds'>) {
  return { unitId: p.responsibleUnitId, memberIds: [...p.taskForceUserIds, ...(p.leaderUserId ? [p.leaderUserId] : [])] };
}

/** The router's scope for a project's progress and investment routes. */
export const scopeOfProject = scopeBy('project', 'params', 'id', async (db, zoneId, id) => {
  const [p] = await db
    .select({ responsibleUnitId: projects.responsibleUnitId, leaderUserId: projects.leaderUserId, taskForceUserIds: projects.taskForceUserIds })
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.zoneId, zoneId)));
  return p ? projectScope(p) : null;
});

export async function loadProject(tx: Tx, zoneId: string, id: string, lock = false): Promise<Project> {
  const q = tx.select().from(projects).where(and(eq(projects.id, id), eq(projects.zoneId, zoneId)));
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw new AppError('not_found', { entity: 'project' });
  return p;
}

async function assertUnit(tx: Tx, zoneId: string, unitId: string | null | undefined) {
  if (!unitId) return;
  const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.zoneId, zoneId)));
  if (!u) throw new AppError('not_found', { entity: 'unit' });
}

async function assertMembers(tx: Tx, zoneId: string, userIds: string[]) {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return;
  const found = await tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.zoneId, zoneId), inArray(memberships.userId, wanted)));
  if (new Set(found.map((f) => f.id)).size !== wanted.length) throw new AppError('not_found', { entity: 'user' });
}

async function assertUniqueName(tx: Tx, zoneId: string, name: string, exceptId?: string) {
  const [hit] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.zoneId, zoneId), eq(projects.name, name)));
  if (hit && hit.id !== exceptId) throw new AppError('conflict.duplicate', { entity: 'project', value: name });
}

function scheduleFailure(err: unknown): never {
  if (err instanceof ScheduleError) throw new AppError(err.code, { ...err.params, keys: err.keys.join(',') });
  throw err;
}

function checkStageDates(dates: StageDates, today: IsoDate) {
  let last: string | null = null;
  for (const s of STAGES) {
    const a = dates[s]?.actual;
    if (!a) continue;
    if (a > today) throw new AppError('project.future_date', { date: a });
    if (last && a < last) throw new AppError('project.stage_order', { stage: s });
    last = a;
  }
}

export interface CreateExtras {
  leadId?: string | null;
  demo?: boolean;
  steps?: TemplateStep[];
  /** False for the demo, whose plans were laid in its history, before any of their steps. */
  checkPlan?: boolean;
}

export async function createProject(tx: Tx, audit: Audit, actor: Actor, input: ProjectInput, today: IsoDate, extras: CreateExtras = {}) {
  await assertUnit(tx, actor.zoneId, input.responsibleUnitId);
  await assertMembers(tx, actor.zoneId, [...input.taskForceUserIds, ...(input.leaderUserId ? [input.leaderUserId] : [])]);
  await assertLeader(tx, actor.zoneId, input.leaderUserId);
  await assertUniqueName(tx, actor.zoneId, input.name);
  checkStageDates(input.stageDates, today);
  const [row] = await tx.insert(projects).values(newProjectValues(actor.zoneId, input, extras)).returning();
  // Accounts named at creation become 专班 members (name from the account, role 成员); PUT /:id/task-force edits them.
  await insertMembers(tx, actor.zoneId, row!.id, await membersFromUsers(tx, actor.zoneId, [...new Set(input.taskForceUserIds)]));
  const { targetDate, compressPlan } = input;
  await audit({ action: 'create', entity: 'project', entityId: row!.id, unitId: row!.responsibleUnitId, after: row });
  // The demo fills its feeds once at the end (feeds/demo.ts).
  if (!extras.demo) {
    await feedChanged('attraction', tx, audit, actor.zoneId, [signedOn(row!.stageDates)], today);
    await feedStageChange(tx, audit, actor.zoneId, null, row!, today);
  }
  if (targetDate) return layPlan(tx, audit, actor, row!, { targetDate, steps: extras.steps, compress: compressPlan ?? false }, extras.checkPlan === false ? null : today);
  return row!;
}

/** The row of a new project, before any plan (the bulk import builds many at once). */
export function newProjectValues(zoneId: string, input: ProjectInput, extras: CreateExtras = {}) {
  const { lng, lat, targetDate: _t, foreignCapital, compressPlan: _c, ...rest } = input;
  return {
    ...rest,
    zoneId,
    lng: lng == null ? null : String(lng),
    lat: lat == null ? null : String(lat),
    leaderUserId: input.leaderUserId ?? null,
    stage: reachedStage(input.stageDates),
    foreignCapital: foreignCapital ?? input.currency === 'USD',
    leadId: extras.leadId ?? null,
    demo: extras.demo ?? false,
  };
}

export async function updateProject(tx: Tx, audit: Audit, actor: Actor, id: string, patch: ProjectPatch, today: IsoDate) {
  const before = await loadProject(tx, actor.zoneId, id, true);
  if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict.stale');
  await assertUnit(tx, actor.zoneId, patch.responsibleUnitId);
  await assertMembers(tx, actor.zoneId, patch.leaderUserId ? [patch.leaderUserId] : []);
  if (patch.leaderUserId !== undefined && patch.leaderUserId !== before.leaderUserId) await assertLeader(tx, actor.zoneId, patch.leaderUserId);
  if (patch.name) await assertUniqueName(tx, actor.zoneId, patch.name, id);
  const stageDates = patch.stageDates ?? before.stageDates;
  checkStageDates(stageDates, today);
  const { lng, lat, targetDate: _t, version: _v, compressPlan: _c, ...rest } = patch;
  const [after] = await tx
    .update(projects)
    .set({
      ...rest,
      ...(lng !== undefined ? { lng: lng === null ? null : String(lng) } : {}),
      ...(lat !== undefined ? { lat: lat === null ? null : String(lat) } : {}),
      stage: reachedStage(stageDates),
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(eq(projects.id, id))
    .returning();
  await audit({ action: 'update', entity: 'project', entityId: id, unitId: after!.responsibleUnitId, before, after });
  const counted = (p: Project) => [signedOn(p.stageDates), p.totalInvestment, p.currency, p.foreignCapital, p.responsibleUnitId].join('|');
  if (counted(before) !== counted(after!)) await feedChanged('attraction', tx, audit, actor.zoneId, [signedOn(before.stageDates), signedOn(after!.stageDates)], today);
  await feedStageChange(tx, audit, actor.zoneId, before, after!, today);
  return after!;
}

/** The flow for a category: the zone's own template if it set one, else the default. */
export async function templateFor(tx: ReadDb, zoneId: string, category: ProjectCategory): Promise<TemplateStep[]> {
  const [s] = await tx.select({ templates: projectSettings.templates }).from(projectSettings).where(eq(projectSettings.zoneId, zoneId));
  const own = s?.templates?.[category];
  if (own && own.length) return own;
  return defaultTemplate(category).steps.map((st) => ({ ...st, dependsOn: [...st.dependsOn] }));
}

/** A plan's milestone rows, in the template's order of steps. */
export function planRows(steps: TemplateStep[], plan: Plan) {
  const order = new Map(steps.map((s, i) => [s.key, i]));
  return plan.steps.map((s) => ({
    key: s.key,
    name: s.name,
    department: s.department,
    dependsOn: [...s.dependsOn],
    durationWorkdays: s.durationWorkdays,
    marksStage: (steps.find((x) => x.key === s.key)?.marksStage ?? null) as Stage | null,
    sortOrder: order.get(s.key) ?? 0,
    plannedStart: s.plannedStart,
    plannedEnd: s.plannedEnd,
  }));
}

/** The stage dates' plan follows the milestones that mark each stage. */
export function plannedStageDates(dates: StageDates, rows: ReturnType<typeof planRows>): StageDates {
  const stageDates: StageDates = structuredClone(dates);
  for (const r of rows) if (r.marksStage) stageDates[r.marksStage] = { ...stageDates[r.marksStage], planned: r.plannedEnd };
  return stageDates;
}

/**
 * Lays the flow back from the target date. Checked against `today` (the zone's date;
 * null: a plan laid in the past, as the demo's): 工期不足 lays the compressed proposal
 * when asked to, and open steps that would end before today are marked for confirmation.
 */
async function layPlan(tx: Tx, audit: Audit, actor: Actor, project: Project, input: { targetDate: IsoDate; steps?: TemplateStep[]; compress?: boolean }, today: IsoDate | null) {
  const steps = input.steps ?? (await templateFor(tx, actor.zoneId, project.category));
  const existing = await tx.select().from(projectMilestones).where(eq(projectMilestones.projectId, project.id));
  const done = new Set(existing.filter((m) => m.actualEnd).map((m) => m.key));
  let check;
  try {
    check = today ? checkBackward({ steps }, input.targetDate, today, done) : { plan: planBackward({ steps }, input.targetDate), shortfallWorkdays: 0, compressed: null, needsConfirmation: [] };
  } catch (err) {
    scheduleFailure(err);
  }
  const compressed = input.compress && check.compressed ? check.compressed : null;
  const plan = compressed ? compressed.plan : check.plan;
  const unconfirmed = new Set(today ? plan.steps.filter((s) => !done.has(s.key) && s.plannedEnd < today).map((s) => s.key) : []);
  const old = new Map(existing.map((m) => [m.key, m]));
  const keep = new Set(plan.steps.map((s) => s.key));
  const gone = existing.filter((m) => !keep.has(m.key)).map((m) => m.id);
  if (gone.length) await tx.delete(projectMilestones).where(inArray(projectMilestones.id, gone));
  const rows = planRows(steps, plan);
  for (const { key, ...planned } of rows) {
    const values = { ...planned, needsConfirmation: unconfirmed.has(key) };
    const prev = old.get(key);
    if (prev) await tx.update(projectMilestones).set({ ...values, version: prev.version + 1 }).where(eq(projectMilestones.id, prev.id));
    else await tx.insert(projectMilestones).values({ ...values, zoneId: actor.zoneId, projectId: project.id, key });
  }
  const stageDates = plannedStageDates(project.stageDates, rows);
  const [after] = await tx
    .update(projects)
    .set({ targetDate: plan.targetDate, stageDates, updatedAt: new Date(), version: project.version + 1 })
    .where(eq(projects.id, project.id))
    .returning();
  await audit({
    action: 'plan',
    entity: 'project',
    entityId: project.id,
    unitId: project.responsibleUnitId,
    before: { targetDate: project.targetDate, steps: existing.map((m) => ({ key: m.key, plannedStart: m.plannedStart, plannedEnd: m.plannedEnd })) },
    after: {
      targetDate: plan.targetDate,
      steps: plan.steps.map((m) => ({ key: m.key, plannedStart: m.plannedStart, plannedEnd: m.plannedEnd })),
      ...(check.shortfallWorkdays ? { shortfallWorkdays: check.shortfallWorkdays, compressed: compressed?.steps ?? null } : {}),
      ...(unconfirmed.size ? { needsConfirmation: [...unconfirmed] } : {}),
    },
  });
  return after!;
}

/** Lays (or re-lays) the plan backwards from a target date; actual dates stay. */
export async function planProject(tx: Tx, audit: Audit, actor: Actor, id: string, input: z.infer<typeof planInput> & { version: number }, today: IsoDate) {
  const project = await loadProject(tx, actor.zoneId, id, true);
  checkVersion(input.version, project.version);
  if (input.steps) {
    const v = validateTemplate({ steps: input.steps });
    if (!v.ok) scheduleFailure(new ScheduleError(v.error));
  }
  return layPlan(tx, audit, actor, project, input, today);
}

/** 倒排工期 checked before laying it: 工期不足, the compressed proposal, steps to confirm. */
export async function checkPlan(db: ReadDb, actor: Actor, input: z.infer<typeof planCheckInput>, today: IsoDate) {
  const project = input.projectId ? await loadProject(db as Tx, actor.zoneId, input.projectId, false) : null;
  const category = project?.category ?? input.category;
  if (!category) throw new AppError('validation.failed', { fields: 'category' });
  const steps = input.steps ?? (await templateFor(db, actor.zoneId, category));
  const done = new Set<string>();
  if (project) {
    const ms = await db.select({ key: projectMilestones.key, actualEnd: projectMilestones.actualEnd }).from(projectMilestones).where(eq(projectMilestones.projectId, project.id));
    for (const m of ms) if (m.actualEnd) done.add(m.key);
  }
  let check;
  try {
    check = checkBackward({ steps }, input.targetDate, today, done);
  } catch (err) {
    scheduleFailure(err);
  }
  const brief = (p: Plan) => ({ start: p.start, targetDate: p.targetDate, steps: p.steps.map((s) => ({ key: s.key, name: s.name, durationWorkdays: s.durationWorkdays, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd })) });
  const names = new Map(steps.map((s) => [s.key, s.name]));
  return {
    today,
    shortfallWorkdays: check.shortfallWorkdays,
    plan: brief(check.plan),
    needsConfirmation: check.needsConfirmation.map((key) => ({ key, name: names.get(key) ?? key })),
    compressed: check.compressed ? { fits: check.compressed.fits, factor: check.compressed.factor, steps: check.compressed.steps, plan: brief(check.compressed.plan) } : null,
  };
}

/** Approves the current plan; the first approval is kept as the baseline for good. */
export async function approvePlan(tx: Tx, audit: Audit, actor: Actor, id: string, version?: number) {
  const project = await loadProject(tx, actor.zoneId, id, true);
  if (version !== undefined) checkVersion(version, project.version);
  const ms = await tx.select().from(projectMilestones).where(eq(projectMilestones.projectId, id));
  if (ms.length === 0) throw new AppError('project.no_plan');
  let set = 0;
  for (const m of ms) {
    if (m.baselineEnd) continue;
    set++;
    await tx.update(projectMilestones).set({ baselineStart: m.plannedStart, baselineEnd: m.plannedEnd }).where(eq(projectMilestones.id, m.id));
  }
  const [after] = await tx
    .update(projects)
    .set({ planApprovedAt: project.planApprovedAt ?? new Date(), updatedAt: new Date(), version: project.version + 1 })
    .where(eq(projects.id, id))
    .returning();
  await audit({ action: 'approve_plan', entity: 'project', entityId: id, unitId: project.responsibleUnitId, after: { baselineSet: set } });
  return after!;
}

export async function updateMilestone(
  tx: Tx,
  audit: Audit,
  actor: Actor,
  projectId: string,
  milestoneId: string,
  input: Omit<z.infer<typeof milestoneUpdate>, 'version'> & { version?: number },
  today: IsoDate,
  /** The demo replays its history and fills its feeds once at the end (feeds/demo.ts). */
  opts: { demo?: boolean } = {},
) {
  const project = await loadProject(tx, actor.zoneId, projectId, true);
  authorize(actor, 'project.progress', projectScope(project));
  const [before] = await tx
    .select()
    .from(projectMilestones)
    .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId)));
  if (!before) throw new AppError('not_found', { entity: 'milestone' });
  if (input.version !== undefined) checkVersion(input.version, before.version);
  await assertUnit(tx, actor.zoneId, input.ownerUnitId);
  const actualStart = input.actualStart !== undefined ? input.actualStart : before.actualStart;
  const actualEnd = input.actualEnd !== undefined ? input.actualEnd : before.actualEnd;
  for (const d of [actualStart, actualEnd]) if (d && d > today) throw new AppError('project.future_date', { date: d });
  if (actualStart && actualEnd && actualEnd < actualStart) throw new AppError('project.end_before_start');
  const [after] = await tx
    .update(projectMilestones)
    .set({
      actualStart,
      actualEnd,
      ...(input.ownerUnitId !== undefined ? { ownerUnitId: input.ownerUnitId } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      // Confirmed by hand, or by the actual dates themselves: judged like any step from now on.
      ...(input.confirmed || input.actualStart || input.actualEnd ? { needsConfirmation: false } : {}),
      version: before.version + 1,
    })
    .where(eq(projectMilestones.id, milestoneId))
    .returning();
  await audit({ action: 'milestone', entity: 'project.milestone', entityId: milestoneId, unitId: project.responsibleUnitId, before: { ...before, projectId }, after: { ...after, projectId } });
  // A milestone that marks a stage records the stage's actual date.
  if (before.marksStage && (before.actualEnd ?? null) !== (actualEnd ?? null)) {
    const stageDates: StageDates = structuredClone(project.stageDates);
    stageDates[before.marksStage] = { ...stageDates[before.marksStage], actual: actualEnd ?? null };
    const [p] = await tx
      .update(projects)
      .set({ stageDates, stage: reachedStage(stageDates), updatedAt: new Date(), version: project.version + 1 })
      .where(eq(projects.id, projectId))
      .returning();
    await audit({ action: 'stage', entity: 'project', entityId: projectId, unitId: project.responsibleUnitId, before: { stage: project.stage, stageDates: project.stageDates }, after: { stage: p!.stage, stageDates } });
    if (!opts.demo) {
      if (before.marksStage === 'signed') await feedChanged('attraction', tx, audit, actor.zoneId, [signedOn(project.stageDates), signedOn(stageDates)], today);
      await feedStageChange(tx, audit, actor.zoneId, project, p!, today);
    }
  }
  return after!;
}

/** A stage's actual (or planned) date set by hand: 签约 and 达效 have no milestone of their own in every flow. */
export async function setStageDate(
  tx: Tx,
  audit: Audit,
  actor: Actor,
  projectId: string,
  input: { stage: Stage; planned?: string | null; actual?: string | null; version: number },
  today: IsoDate,
) {
  const project = await loadProject(tx, actor.zoneId, projectId, true);
  checkVersion(input.version, project.version);
  authorize(actor, 'project.progress', projectScope(project));
  const stageDates: StageDates = structuredClone(project.stageDates);
  stageDates[input.stage] = {
    ...stageDates[input.stage],
    ...(input.planned !== undefined ? { planned: input.planned } : {}),
    ...(input.actual !== undefined ? { actual: input.actual } : {}),
  };
  checkStageDates(stageDates, today);
  const [p] = await tx
    .update(projects)
    .set({ stageDates, stage: reachedStage(stageDates), updatedAt: new Date(), version: project.version + 1 })
    .where(eq(projects.id, projectId))
    .returning();
  await audit({ action: 'stage', entity: 'project', entityId: projectId, unitId: project.responsibleUnitId, before: { stage: project.stage, stageDates: project.stageDates }, after: { stage: p!.stage, stageDates } });
  if (input.stage === 'signed') await feedChanged('attraction', tx, audit, actor.zoneId, [signedOn(project.stageDates), signedOn(stageDates)], today);
  await feedStageChange(tx, audit, actor.zoneId, project, p!, today);
  return p!;
}

/** 形象进度: a dated note with photos already uploaded through /api/files. */
export async function addProgressUpdate(tx: Tx, audit: Audit, actor: Actor, projectId: string, input: z.infer<typeof progressUpdateInput>, today: IsoDate) {
  const project = await loadProject(tx, actor.zoneId, projectId);
  authorize(actor, 'project.progress', projectScope(project));
  if (input.onDate > today) throw new AppError('project.future_date', { date: input.onDate });
  const infos = await fileInfos(tx, actor, input.fileIds);
  if (infos.length !== new Set(input.fileIds).size) throw new AppError('not_found', { entity: 'file' });
  const notImage = infos.find((f) => !f.mime.startsWith('image/'));
  if (notImage) throw new AppError('project.photo_type', { name: notImage.name });
  const [row] = await tx
    .insert(projectUpdates)
    .values({ zoneId: actor.zoneId, projectId, onDate: input.onDate, text: input.text, fileIds: input.fileIds, createdBy: actor.userId })
    .returning();
  await audit({ action: 'progress', entity: 'project.update', entityId: row!.id, unitId: project.responsibleUnitId, after: { ...row, projectId } });
  return row!;
}

/** Raises a problem of the project into the shared closed loop. */
export async function raiseProblem(tx: Tx, audit: Audit, actor: Actor, projectId: string, input: z.infer<typeof problemInput>, now: Date) {
  const project = await loadProject(tx, actor.zoneId, projectId);
  authorize(actor, 'project.progress', projectScope(project));
  return raiseItem(tx, audit, actor, {
    kind: 'problem',
    title: input.title,
    detail: input.detail,
    category: input.category,
    subjectType: PROJECT_SUBJECT,
    subjectId: project.id,
    raisedUnitId: project.responsibleUnitId,
    assigneeUnitId: input.assigneeUnitId ?? null,
    deadline: input.deadline ?? null,
  }, now);
}

/** Monthly completed investment: the responsible unit's reporters save a draft or submit. */
export async function saveInvestment(tx: Tx, audit: Audit, actor: Actor, projectId: string, input: z.infer<typeof investmentInput>, today: IsoDate, opts: { demo?: boolean } = {}) {
  const project = await loadProject(tx, actor.zoneId, projectId);
  authorize(actor, 'unitData.write', { unitId: project.responsibleUnitId });
  if (input.period > today.slice(0, 7)) throw new AppError('project.future_period', { period: input.period });
  const [before] = await tx
    .select()
    .from(projectInvestments)
    .where(and(eq(projectInvestments.projectId, projectId), eq(projectInvestments.period, input.period)))
    .for('update');
  if (before && (before.status === 'approved' || before.status === 'submitted')) throw new AppError('project.investment_locked', { period: input.period });
  const values = {
    amount: input.amount,
    note: input.note,
    status: input.submit ? ('submitted' as const) : ('draft' as const),
    submittedBy: input.submit ? actor.userId : null,
    submittedAt: input.submit ? new Date() : null,
    returnReason: null,
    demo: opts.demo ?? false,
  };
  const [row] = before
    ? await tx.update(projectInvestments).set({ ...values, version: before.version + 1 }).where(eq(projectInvestments.id, before.id)).returning()
    : await tx
        .insert(projectInvestments)
        .values({ ...values, zoneId: actor.zoneId, projectId, unitId: project.responsibleUnitId, period: input.period })
        .returning();
  await audit({ action: input.submit ? 'submit' : 'save', entity: 'project.investment', entityId: row!.id, unitId: project.responsibleUnitId, before, after: row });
  return row!;
}

export async function reviewInvestment(tx: Tx, audit: Audit, actor: Actor, id: string, input: Omit<z.infer<typeof investmentReview>, 'version'> & { version?: number }) {
  const [before] = await tx
    .select()
    .from(projectInvestments)
    .where(and(eq(projectInvestments.id, id), eq(projectInvestments.zoneId, actor.zoneId)))
    .for('update');
  if (!before) throw new AppError('not_found', { entity: 'investment' });
  if (input.version !== undefined) checkVersion(input.version, before.version);
  if (before.status !== 'submitted') throw new AppError('project.investment_not_submitted');
  if (input.action === 'return' && !input.reason) throw new AppError('project.reason_required');
  const [after] = await tx
    .update(projectInvestments)
    .set(
      input.action === 'approve'
        ? { status: 'approved', approvedBy: actor.userId, approvedAt: new Date(), version: before.version + 1 }
        : { status: 'returned', returnReason: input.reason ?? null, version: before.version + 1 },
    )
    .where(eq(projectInvestments.id, id))
    .returning();
  await audit({ action: input.action, entity: 'project.investment', entityId: id, unitId: before.unitId, before, after });
  return after!;
}

export async function saveSettings(
  tx: Tx,
  audit: Audit,
  actor: Actor,
  input: z.infer<typeof settingsInput> & { outline?: Record<string, unknown> | null; outlineDemo?: boolean; version?: number },
) {
  const keys = (input.serviceItems ?? []).map((i) => i.key);
  if (new Set(keys).size !== keys.length) throw new AppError('validation.failed', { fields: `serviceItems.key: ${keys.find((k, i) => keys.indexOf(k) !== i)} twice` });
  for (const [cat, steps] of Object.entries(input.templates ?? {})) {
    const v = validateTemplate({ steps: steps! });
    if (!v.ok) throw new AppError(v.error.code, { ...v.error.params, category: cat });
  }
  const [before] = await tx.select().from(projectSettings).where(eq(projectSettings.zoneId, actor.zoneId)).for('update');
  // No row yet reads as version 1 (see getSettings); a racing first save meets the unique zone_id.
  const current = before?.version ?? 1;
  if (input.version !== undefined) checkVersion(input.version, current);
  const values = {
    version: current + 1,
    ...(input.usdRates ? { usdRates: input.usdRates } : {}),
    ...(input.stageRules ? { stageRules: input.stageRules } : {}),
    ...(input.templates ? { templates: { ...(before?.templates ?? {}), ...input.templates } } : {}),
    ...(input.outline !== undefined ? { outline: input.outline, outlineDemo: input.outlineDemo ?? false } : {}),
    ...(input.serviceItems ? { serviceItems: input.serviceItems } : {}),
    updatedAt: new Date(),
  };
  const [after] = before
    ? await tx.update(projectSettings).set(values).where(eq(projectSettings.id, before.id)).returning()
    : await tx.insert(projectSettings).values({ ...values, zoneId: actor.zoneId }).returning();
  await audit({ action: 'update', entity: 'project.settings', entityId: after!.id, before: before ? { ...before, outline: before.outline ? '(GeoJSON)' : null } : null, after: { ...after, outline: after!.outline ? '(GeoJSON)' : null } });
  return after!;
}

/** Whether the actor may see a unit's unapproved investment figures. */
export const seesDrafts = (actor: Actor, unitId: string) => can(actor, 'unitData.read', { unitId });
