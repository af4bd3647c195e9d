// Project reads: the list with filters and status, one project with its plan,
// forecast, problems, investment and photos, the battle map (Gantt, map, board
// from one query), and the history of every change.
import { and, asc, count, desc, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../../db/client';
import {
  auditLog,
  loopItems,
  projectInvestments,
  projectMilestones,
  projects,
  projectSettings,
  projectUpdates,
  units,
  users,
} from '../../db/schema';
import type { IsoDate } from '../../shared/calendar';
import { dec, sum } from '../../shared/decimal';
import { AppError } from '../../shared/errors';
import { fileInfos } from '../../shared/files';
import { visibleWhere, withLight } from '../../shared/loop/store';
import { can, type Actor } from '../../shared/policy';
import { offsetOf, type PageQuery } from '../../shared/pagination';
import type { ListFilter } from './model';
import { PROJECT_SUBJECT, type ProblemCategory } from './problems';
import { DEFAULT_STAGE_RULES, judgeStageRules, projectStatus, toYuan, type ProjectStatus, type Stage } from './rules';
import { forecast, type PlannedStep } from './schedule';
import { projectScope, seesDrafts, type Project } from './service';
import { serviceChecklist, taskForceOf } from './taskForce';
type Milestone = typeof projectMilestones.$inferSelect;

export async function getSettings(db: ReadDb, zoneId: string) {
  const [s] = await db.select().from(projectSettings).where(eq(projectSettings.zoneId, zoneId));
  return {
    usdRates: s?.usdRates ?? {},
    stageRules: s?.stageRules ?? DEFAULT_STAGE_RULES,
    templates: s?.templates ?? {},
    outline: s?.outline ?? null,
    outlineDemo: s?.outlineDemo ?? false,
    serviceItems: s?.serviceItems ?? [],
    /** No row yet: the defaults, version 1. */
    version: s?.version ?? 1,
  };
}

/** The filter as the actor means it: mine (我的包挂项目) is the actor's own projects as 包挂领导. */
export function ownFilter<F extends ListFilter>(actor: Actor, f: F): F {
  if (!f.mine) return f;
  const { mine: _m, ...rest } = f;
  return { ...rest, leaderUserId: actor.userId } as F;
}

function filterWhere(zoneId: string, f: ListFilter): SQL | undefined {
  return and(
    eq(projects.zoneId, zoneId),
    f.year ? eq(projects.year, f.year) : undefined,
    f.unitId ? eq(projects.responsibleUnitId, f.unitId) : undefined,
    f.chain ? eq(projects.chain, f.chain) : undefined,
    f.leaderUserId ? eq(projects.leaderUserId, f.leaderUserId) : undefined,
    f.category ? eq(projects.category, f.category) : undefined,
    f.stage ? eq(projects.stage, f.stage) : undefined,
    f.keyProject !== undefined ? eq(projects.keyProject, f.keyProject) : undefined,
    f.q ? ilike(projects.name, `%${f.q}%`) : undefined,
  );
}

/** Forecast and stage-rule judgement of one project from its milestones. */
export function judge(p: Project, ms: Milestone[], rules: Awaited<ReturnType<typeof getSettings>>['stageRules'], today: IsoDate) {
  const plan: PlannedStep[] = ms.map((m) => ({
    key: m.key,
    name: m.name,
    department: m.department,
    durationWorkdays: m.durationWorkdays,
    dependsOn: m.dependsOn,
    plannedStart: m.plannedStart,
    plannedEnd: m.plannedEnd,
    needsConfirmation: m.needsConfirmation,
  }));
  const fc = plan.length ? forecast(plan, ms.map((m) => ({ key: m.key, actualStart: m.actualStart, actualEnd: m.actualEnd })), today) : null;
  const stageForecast: Partial<Record<Stage, IsoDate>> = {};
  if (fc) for (const m of ms) if (m.marksStage) stageForecast[m.marksStage] = fc.steps.find((s) => s.key === m.key)!.forecastEnd;
  const findings = judgeStageRules(rules, p.stageDates, stageForecast, today);
  const status: ProjectStatus = projectStatus(fc?.status ?? null, findings);
  return { fc, findings, status };
}

async function namesFor(db: ReadDb, rows: Project[]) {
  const unitIds = [...new Set(rows.map((r) => r.responsibleUnitId))];
  const userIds = [...new Set(rows.flatMap((r) => (r.leaderUserId ? [r.leaderUserId] : [])))];
  const [us, ps] = await Promise.all([
    unitIds.length ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : [],
    userIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [],
  ]);
  return { unit: new Map(us.map((u) => [u.id, u.name])), user: new Map(ps.map((u) => [u.id, u.name])) };
}

async function milestonesOf(db: ReadDb, ids: string[]) {
  if (!ids.length) return new Map<string, Milestone[]>();
  const ms = await db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, ids)).orderBy(asc(projectMilestones.sortOrder));
  const by = new Map<string, Milestone[]>();
  for (const m of ms) by.set(m.projectId, [...(by.get(m.projectId) ?? []), m]);
  return by;
}

/** Approved completed investment (亿元) per project for a year. */
async function completedOf(db: ReadDb, ids: string[], year: number | null) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ projectId: projectInvestments.projectId, amount: projectInvestments.amount, period: projectInvestments.period })
    .from(projectInvestments)
    .where(and(inArray(projectInvestments.projectId, ids), eq(projectInvestments.status, 'approved'), year ? like(projectInvestments.period, `${year}-%`) : undefined));
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.projectId, [...(by.get(r.projectId) ?? []), r.amount]);
  return new Map([...by].map(([k, v]) => [k, sum(v).toString()]));
}

async function openProblemsOf(db: ReadDb, zoneId: string, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await db
    .select({ id: loopItems.subjectId, n: count() })
    .from(loopItems)
    .where(and(eq(loopItems.zoneId, zoneId), eq(loopItems.subjectType, PROJECT_SUBJECT), inArray(loopItems.subjectId, ids), sql`${loopItems.state} <> 'closed'`))
    .groupBy(loopItems.subjectId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

async function present(db: ReadDb, actor: Actor, rows: Project[], today: IsoDate) {
  const settings = await getSettings(db, actor.zoneId);
  const ids = rows.map((r) => r.id);
  const [names, msBy, done, problems, teams] = await Promise.all([
    namesFor(db, rows),
    milestonesOf(db, ids),
    completedOf(db, ids, null),
    openProblemsOf(db, actor.zoneId, ids),
    taskForceOf(db, ids),
  ]);
  return rows.map((p) => {
    const ms = msBy.get(p.id) ?? [];
    const { fc, findings, status } = judge(p, ms, settings.stageRules, today);
    return {
      ...p,
      lng: p.lng === null ? null : Number(p.lng),
      lat: p.lat === null ? null : Number(p.lat),
      responsibleUnitName: names.unit.get(p.responsibleUnitId) ?? '',
      leaderName: p.leaderUserId ? (names.user.get(p.leaderUserId) ?? null) : null,
      taskForce: teams.get(p.id) ?? [],
      totalInvestmentYuan: toYuan(p.totalInvestment, p.currency, settings.usdRates[String(p.year)]),
      completedInvestment: done.get(p.id) ?? '0',
      openProblems: problems.get(p.id) ?? 0,
      status,
      slipDays: fc?.totalSlipDays ?? 0,
      forecastCompletion: fc?.forecastCompletion ?? null,
      findings: findings.map(({ rule: _r, ...f }) => f),
      milestones: ms.map((m) => {
        const f = fc?.steps.find((s) => s.key === m.key);
        return { ...m, forecastStart: f?.forecastStart ?? m.plannedStart, forecastEnd: f?.forecastEnd ?? m.plannedEnd, slipDays: f?.slipDays ?? 0, status: f?.status ?? 'on_time' };
      }),
    };
  });
}

export async function listProjects(db: ReadDb, actor: Actor, f: ListFilter & PageQuery, today: IsoDate) {
  const where = filterWhere(actor.zoneId, f);
  const [rows, [total]] = await Promise.all([
    db.select().from(projects).where(where).orderBy(desc(projects.keyProject), asc(projects.createdAt), asc(projects.name)).limit(f.pageSize).offset(offsetOf(f)),
    db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where),
  ]);
  const items = await present(db, actor, rows, today);
  return { items, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** Everything the battle map draws (Gantt, map, board), for at most 500 projects. */
export async function battleMap(db: ReadDb, actor: Actor, f: ListFilter, today: IsoDate) {
  const rows = await db.select().from(projects).where(filterWhere(actor.zoneId, f)).orderBy(desc(projects.keyProject), asc(projects.createdAt)).limit(500);
  const items = await present(db, actor, rows, today);
  const settings = await getSettings(db, actor.zoneId);
  const counts = { done: 0, on_time: 0, at_risk: 0, behind: 0 } as Record<ProjectStatus, number>;
  for (const p of items) counts[p.status]++;
  return { today, projects: items, counts, outline: settings.outline, outlineDemo: settings.outlineDemo };
}

export async function getProject(db: ReadDb, actor: Actor, id: string, today: IsoDate) {
  const [p] = await db.select().from(projects).where(and(eq(projects.id, id), eq(projects.zoneId, actor.zoneId)));
  if (!p) throw new AppError('not_found', { entity: 'project' });
  const [view] = await present(db, actor, [p], today);
  const drafts = seesDrafts(actor, p.responsibleUnitId);
  const [inv, upd, probs, checklist] = await Promise.all([
    db
      .select()
      .from(projectInvestments)
      .where(and(eq(projectInvestments.projectId, id), drafts ? undefined : eq(projectInvestments.status, 'approved')))
      .orderBy(asc(projectInvestments.period)),
    db.select().from(projectUpdates).where(eq(projectUpdates.projectId, id)).orderBy(desc(projectUpdates.onDate), desc(projectUpdates.createdAt)).limit(50),
    db
      .select({ item: loopItems, assigneeName: units.name })
      .from(loopItems)
      .leftJoin(units, eq(units.id, loopItems.assigneeUnitId))
      .where(and(visibleWhere(actor), eq(loopItems.subjectType, PROJECT_SUBJECT), eq(loopItems.subjectId, id)))
      .orderBy(sql`${loopItems.state} = 'closed'`, desc(loopItems.createdAt)),
    serviceChecklist(db, actor.zoneId, id),
  ]);
  const files = await fileInfos(db, actor, [...new Set(upd.flatMap((u) => u.fileIds))]);
  const fileById = new Map(files.map((f) => [f.id, f]));
  const lit = withLight(today);
  const scope = projectScope(p);
  const yearDone = inv.filter((i) => i.status === 'approved' && i.period.startsWith(`${p.year}-`)).map((i) => i.amount);
  return {
    project: view!,
    investments: inv,
    completedThisYear: sum(yearDone).toString(),
    planShare: dec(p.annualPlan).gt(0) ? dec(sum(yearDone)).div(p.annualPlan).mul(100).toDecimalPlaces(1).toString() : null,
    updates: upd.map((u) => ({ ...u, files: u.fileIds.map((fid) => fileById.get(fid)).filter((x): x is NonNullable<typeof x> => !!x) })),
    // Problems with their lights, as far as the loop lets this user see them; the loop decides who may act.
    // A project's problems are raised only through POST /:id/problems, whose category is one of PROBLEM_CATEGORIES.
    problems: probs.map((r) => ({ ...lit(r.item), category: r.item.category as ProblemCategory | null, assigneeName: r.assigneeName })),
    /** The zone's service standard ("五个一") with this project's checks. */
    serviceChecklist: checklist,
    can: {
      edit: can(actor, 'config.write'),
      approvePlan: can(actor, 'unitData.approve'),
      progress: can(actor, 'project.progress', scope),
      report: can(actor, 'unitData.write', { unitId: p.responsibleUnitId }),
      approveInvestment: can(actor, 'unitData.approve'),
    },
  };
}

/** Every audited change of the project and its milestones, investment and photos, newest first. */
export async function projectHistory(db: ReadDb, actor: Actor, id: string, q: PageQuery) {
  const [p] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.id, id), eq(projects.zoneId, actor.zoneId)));
  if (!p) throw new AppError('not_found', { entity: 'project' });
  const where = and(
    eq(auditLog.zoneId, actor.zoneId),
    or(
      and(eq(auditLog.entity, 'project'), eq(auditLog.entityId, id)),
      and(like(auditLog.entity, 'project.%'), or(sql`${auditLog.after}->>'projectId' = ${id}`, sql`${auditLog.before}->>'projectId' = ${id}`)),
    ),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ e: auditLog, username: users.displayName })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(where)
      .orderBy(desc(auditLog.at))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.e, actorName: r.username })), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Distinct chains in use, for filters. */
export async function chainsInUse(db: ReadDb, zoneId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ chain: projects.chain }).from(projects).where(eq(projects.zoneId, zoneId)).orderBy(asc(projects.chain));
  return rows.map((r) => r.chain).filter(Boolean);
}
