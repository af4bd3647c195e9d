// 项目 routes: register, backward plans, progress by the task force, monthly
// investment (submit → approve), problems into the shared loop, the battle map,
// the zone's project settings, and Excel in and out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, projectInvestments, projects, units, users } from '../../db/schema';
import { requireActor } from '../../server/context';
import { CockpitCache, zoneDataVersion } from '../cockpit/cache';
import { JsonBody, sendJson } from '../../shared/jsonBody';
import { AppError } from '../../shared/errors';
import { errors, idParams } from '../../shared/http';
import { versionBody } from '../../shared/input';
import { startJob } from '../../shared/jobs';
import { notifyAssigned } from '../../shared/notifyEvents';
import { pageQuery } from '../../shared/pagination';
import {
  investmentInput,
  investmentReview,
  listFilter,
  milestoneUpdate,
  planCheckInput,
  planUpdate,
  stageInput,
  problemInput,
  progressUpdateInput,
  projectInput,
  projectPatch,
  settingsUpdate,
  serviceCheckInput,
  taskForceUpdate,
} from './model';
import { resyncYear, syncBody, syncResponse } from '../feeds/sync';
import { projectFeed } from './feedIndicators';
import { importProjects, exportProjects, projectTemplate } from './sheet';
import {
  addProgressUpdate,
  approvePlan,
  checkPlan,
  createProject,
  planProject,
  raiseProblem,
  reviewInvestment,
  saveInvestment,
  saveSettings,
  setStageDate,
  templateFor,
  updateMilestone,
  updateProject,
} from './service';
import {
  battleMapBody,
  historyPage,
  serviceCheckRow,
  investmentQueue,
  investmentRow,
  milestoneRow,
  optionsBody,
  planCheckBody,
  problemRow,
  projectDetail,
  projectPage,
  projectRow,
  settingsBody,
  settingsRow,
  templatesBody,
  updateRow,
} from './schemas';
import { battleMap, chainsInUse, getProject, getSettings, listProjects, ownFilter, projectHistory } from './views';
import { checkServiceItem, replaceTaskForce, serviceChecklists } from './taskForce';
import { projectCategories } from '../../db/schema';
import { asFeatureCollection, outlineBody, parseOutline } from './outline';
import { scopeOfProject } from './service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The 200 response with the standard errors. */
const ok = <T extends z.ZodType>(body: T) => ({ 200: body, ...errors });

export async function projectRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  // The list and the battle map are the same for everyone in a zone: computed once
  // per change of the zone's data (migrations 0008, 0013) and day, not per request.
  const views = new CockpitCache<JsonBody>();
  const cached = async (req: FastifyRequest, reply: FastifyReply, zoneId: string, key: string, schema: z.ZodType, compute: () => Promise<unknown>) => {
    const version = await zoneDataVersion(req.ctx.db, zoneId); // read before the data: a racing write costs a recomputation
    let body = views.get(`${zoneId}|${key}`, version);
    if (body === undefined) {
      body = new JsonBody(JSON.stringify(schema.parse(await compute())));
      views.set(`${zoneId}|${key}`, version, body);
    }
    return sendJson(req, reply, body);
  };

  api.get(
    '/api/projects',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'Projects with status, forecast and completed investment; filters by unit, chain, leader, category, stage', querystring: pageQuery.merge(listFilter), response: ok(projectPage) },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const q = ownFilter(actor, req.query);
      return cached(req, reply, actor.zoneId, `list|${req.ctx.today}|${JSON.stringify(q)}`, projectPage, () => listProjects(req.ctx.db, actor, q, req.ctx.today));
    },
  );

  api.get(
    '/api/projects/battle-map',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: '挂图作战: every matching project (≤500) with milestones, forecast, status, location, and the zone outline', querystring: listFilter, response: ok(battleMapBody) },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const q = ownFilter(actor, req.query);
      return cached(req, reply, actor.zoneId, `map|${req.ctx.today}|${JSON.stringify(q)}`, battleMapBody, () => battleMap(req.ctx.db, actor, q, req.ctx.today));
    },
  );

  api.get(
    '/api/projects/options',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'Choices for filters and forms: chains in use, leaders, people for task forces', response: ok(optionsBody) },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const people = await req.ctx.db
        .select({ id: users.id, name: users.displayName, role: memberships.role, unitName: units.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(units, eq(units.id, memberships.unitId))
        .where(and(eq(memberships.zoneId, actor.zoneId), eq(users.disabled, false)))
        .orderBy(asc(users.displayName));
      return {
        today: req.ctx.today,
        chains: await chainsInUse(req.ctx.db, actor.zoneId),
        people: people.filter((p) => ['leader', 'supervisor', 'reporter'].includes(p.role)),
      };
    },
  );

  api.get(
    '/api/projects/settings',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'USD rates by year, stage rules, milestone templates and the zone outline', response: ok(settingsBody) } },
    async (req) => getSettings(req.ctx.db, requireActor(req.ctx).zoneId),
  );

  api.put(
    '/api/projects/settings',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Set USD rates, stage rules (当年签约当年开工, "765"-style month limits) and per-category templates', body: settingsUpdate, response: ok(settingsRow) } },
    async (req) => req.ctx.write((tx, audit) => saveSettings(tx, audit, requireActor(req.ctx), req.body)),
  );

  api.put(
    '/api/projects/settings/outline',
    {
      config: { action: 'config.write' },
      schema: { tags, summary: 'Upload the zone outline (GeoJSON polygons) the map draws; no online tiles are used', body: outlineBody, response: ok(z.object({ ok: z.literal(true), features: z.number().int() })) },
    },
    async (req) => {
      const fc = asFeatureCollection(parseOutline(req.body));
      await req.ctx.write((tx, audit) => saveSettings(tx, audit, requireActor(req.ctx), { outline: fc, outlineDemo: false }));
      return { ok: true as const, features: fc.features.length };
    },
  );

  api.get(
    '/api/projects/templates',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'The milestone flow used for each category', response: ok(templatesBody) } },
    async (req) => {
      const zoneId = requireActor(req.ctx).zoneId;
      const out = {} as z.output<typeof templatesBody>;
      for (const c of projectCategories) out[c] = await templateFor(req.ctx.db, zoneId, c);
      return out;
    },
  );

  api.post(
    '/api/projects',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Create a project; with a target date its plan is laid backwards at once', body: projectInput, response: ok(projectRow) } },
    async (req) => req.ctx.write((tx, audit) => createProject(tx, audit, requireActor(req.ctx), req.body, req.ctx.today)),
  );

  api.post(
    '/api/projects/counts/sync',
    {
      config: { action: 'config.write' },
      schema: { tags, summary: '重新同步: recompute every month of a year (default this year) of the 新开工 / 竣工投产 counts into the indicators bound to them; writes only what differs', body: syncBody, response: ok(syncResponse) },
    },
    async (req) => resyncYear(req.ctx.db, req.ctx.write, requireActor(req.ctx).zoneId, projectFeed, req.body?.year ?? Number(req.ctx.today.slice(0, 4)), req.ctx.today),
  );

  api.get(
    '/api/projects/export.xlsx',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'The filtered project list as Excel, with sheets 专班 (every member) and 服务标准落实 (each project’s service checks)', querystring: listFilter } },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const list = await listProjects(req.ctx.db, actor, { ...ownFilter(actor, req.query), page: 1, pageSize: 5000 }, req.ctx.today);
      const checks = await serviceChecklists(req.ctx.db, actor.zoneId, list.items.map((p) => p.id));
      const buf = await exportProjects(list.items, checks);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('项目清单.xlsx')}`)
        .send(buf);
    },
  );

  api.get(
    '/api/projects/template.xlsx',
    { config: { action: 'config.write' }, schema: { tags, summary: 'The import template' } },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('项目导入模板.xlsx')}`)
        .send(await projectTemplate()),
  );

  api.post(
    '/api/projects/import',
    {
      config: { action: 'config.write' },
      schema: { tags, summary: 'Import a project list (xlsx, multipart field "file"); all or nothing; poll GET /api/jobs/:id for the row errors', consumes: ['multipart/form-data'], response: ok(z.object({ jobId: z.string() })) },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const part = await req.file().catch(() => undefined);
      if (!part) throw new AppError('validation.failed', { fields: 'file' });
      const data = await part.toBuffer();
      const now = req.ctx.today;
      const jobId = await startJob(app.handle.db, actor, 'projects.import', (progress) => importProjects(app.handle.db, actor, data, now, progress));
      return { jobId };
    },
  );

  api.get(
    '/api/projects/investments',
    {
      config: { action: 'unitData.approve' },
      schema: { tags, summary: 'Submitted monthly investment figures awaiting approval', querystring: pageQuery, response: ok(investmentQueue) },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const where = and(eq(projectInvestments.zoneId, actor.zoneId), eq(projectInvestments.status, 'submitted'));
      const rows = await req.ctx.db
        .select({ inv: projectInvestments, projectName: projects.name, unitName: units.name })
        .from(projectInvestments)
        .innerJoin(projects, eq(projects.id, projectInvestments.projectId))
        .innerJoin(units, eq(units.id, projectInvestments.unitId))
        .where(where)
        .orderBy(asc(projectInvestments.period))
        .limit(req.query.pageSize)
        .offset((req.query.page - 1) * req.query.pageSize);
      return { items: rows.map((r) => ({ ...r.inv, projectName: r.projectName, unitName: r.unitName })), page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  api.post(
    '/api/projects/investments/:id/review',
    { config: { action: 'unitData.approve' }, schema: { tags, summary: 'Approve or return a submitted monthly figure', params: idParams, body: investmentReview, response: ok(investmentRow) } },
    async (req) => req.ctx.write((tx, audit) => reviewInvestment(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );

  api.get(
    '/api/projects/:id',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'One project: plan with baseline and forecast, stage rules, problems, investment, photos, and what the user may do', params: idParams, response: ok(projectDetail) } },
    async (req) => getProject(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today),
  );

  api.patch(
    '/api/projects/:id',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Change a project', params: idParams, body: projectPatch, response: ok(projectRow) } },
    async (req) => req.ctx.write((tx, audit) => updateProject(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );

  api.get(
    '/api/projects/:id/history',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'Every change of the project, newest first', params: idParams, querystring: pageQuery, response: ok(historyPage) } },
    async (req) => projectHistory(req.ctx.db, requireActor(req.ctx), req.params.id, req.query),
  );

  api.put(
    '/api/projects/:id/plan',
    { config: { action: 'config.write' }, schema: { tags, summary: '倒排工期: lay the milestones backwards from a target date in working days', params: idParams, body: planUpdate, response: ok(projectRow) } },
    async (req) => req.ctx.write((tx, audit) => planProject(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );

  api.post(
    '/api/projects/plan-check',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: '倒排工期 checked against today: 工期不足 in working days, a compressed proposal, steps already past', body: planCheckInput, response: ok(planCheckBody) } },
    async (req) => checkPlan(req.ctx.db, requireActor(req.ctx), req.body, req.ctx.today),
  );

  api.post(
    '/api/projects/:id/plan/approve',
    { config: { action: 'unitData.approve' }, schema: { tags, summary: 'Approve the plan; the first approved plan is kept as the baseline', params: idParams, body: versionBody, response: ok(projectRow) } },
    async (req) => req.ctx.write((tx, audit) => approvePlan(tx, audit, requireActor(req.ctx), req.params.id, req.body.version)),
  );

  const milestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });
  api.patch(
    '/api/projects/:id/milestones/:milestoneId',
    {
      config: { action: 'project.progress', scope: scopeOfProject },
      schema: { tags, summary: 'Record a milestone’s actual dates, owner or note (task force, assigned leader, responsible unit, supervisors)', params: milestoneParams, body: milestoneUpdate, response: ok(milestoneRow) },
    },
    async (req) => req.ctx.write((tx, audit) => updateMilestone(tx, audit, requireActor(req.ctx), req.params.id, req.params.milestoneId, req.body, req.ctx.today)),
  );

  api.post(
    '/api/projects/:id/stage',
    {
      config: { action: 'project.progress', scope: scopeOfProject },
      schema: {
        tags,
        summary: 'Set a stage’s planned or actual date (签约, 开工, 投产, 达效)',
        params: idParams,
        body: stageInput,
        response: ok(projectRow),
      },
    },
    async (req) => req.ctx.write((tx, audit) => setStageDate(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );

  api.post(
    '/api/projects/:id/updates',
    {
      config: { action: 'project.progress', scope: scopeOfProject },
      schema: { tags, summary: '形象进度: a dated note with photos uploaded through /api/files', params: idParams, body: progressUpdateInput, response: ok(updateRow) },
    },
    async (req) => req.ctx.write((tx, audit) => addProgressUpdate(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );

  api.post(
    '/api/projects/:id/problems',
    {
      config: { action: 'project.progress', scope: scopeOfProject },
      schema: { tags, summary: 'Raise a problem (环评, 能耗, 供水…) into the shared closed loop; it moves through /api/loop/items', params: idParams, body: problemInput, response: ok(problemRow) },
    },
    async (req) =>
      req.ctx.write(async (tx, audit) => {
        const item = await raiseProblem(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.clock());
        await notifyAssigned(tx, item, req.ctx.today); // raised with an assignee: 交办 at once
        return item;
      }),
  );

  api.put(
    '/api/projects/:id/task-force',
    {
      config: { action: 'project.progress', scope: scopeOfProject },
      schema: {
        tags,
        summary: '一项目一专班: replace the task force (name, role 组长/副组长/成员/联络员, unit, phone, account) with the project’s version (task force, assigned leader, responsible unit, supervisors)',
        params: idParams,
        body: taskForceUpdate,
        response: ok(projectRow),
      },
    },
    async (req) => req.ctx.write((tx, audit) => replaceTaskForce(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );

  const itemParams = z.object({ id: z.uuid(), key: z.string().regex(/^[a-z0-9_]{1,40}$/) });
  api.put(
    '/api/projects/:id/service-checks/:key',
    {
      config: { action: 'project.progress', scope: scopeOfProject },
      schema: {
        tags,
        summary: 'Check (doneOn) or uncheck (null) an item of the zone’s service standard ("五个一") on a project; version: the check’s, 0 when never checked',
        params: itemParams,
        body: serviceCheckInput,
        response: ok(serviceCheckRow),
      },
    },
    async (req) => req.ctx.write((tx, audit) => checkServiceItem(tx, audit, requireActor(req.ctx), req.params.id, req.params.key, req.body, req.ctx.today)),
  );

  api.post(
    '/api/projects/:id/investments',
    {
      config: { action: 'unitData.write', scope: scopeOfProject },
      schema: { tags, summary: 'Save or submit the month’s completed investment (reporters of the responsible unit)', params: idParams, body: investmentInput, response: ok(investmentRow) },
    },
    async (req) => req.ctx.write((tx, audit) => saveInvestment(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );
}
