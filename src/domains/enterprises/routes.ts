// Enterprise routes: the register (with xlsx import/export), zone counts,
// cultivation pools, one-enterprise plans and visits. Appeals and the
// enterprise users' own routes are in appealRoutes.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReadDb } from '../../db/client';
import { enterpriseTags } from '../../db/schema';
import { requireActor } from '../../server/context';
import { AppError } from '../../shared/errors';
import { sniffType } from '../../shared/files';
import { errors, idParams, isoDate, okBody } from '../../shared/http';
import { version } from '../../shared/input';
import { startJob } from '../../shared/jobs';
import { pageQuery } from '../../shared/pagination';
import { accountInput, createEnterpriseAccount, listEnterpriseAccounts } from './accounts';
import { appealCountsOf } from './appeals';
import { resyncYear, syncBody, syncResponse } from '../feeds/sync';
import { zoneCounts } from './counts';
import { enterpriseFeed } from './feedIndicators';
import { plansOf, actualInput, createPlan, listPlans, planDetail, planInput, planPatch, scopeOfPlan, setActual, updatePlan } from './plans';
import { scopeOfEnterprise, scopeOfNamedEnterprise } from './register';
import { scopeOfUnit } from '../../server/scope';
import { addMember, createPool, listPools, memberInput, poolDetail, poolInput, poolPatch, poolsOf, removeMember, updatePool } from './pools';
import {
  addTag,
  createEnterprise,
  deleteTag,
  enterpriseDetail,
  enterpriseInput,
  enterprisePatch,
  figureUpdate,
  listChains,
  listEnterprises,
  loseTag,
  setFigures,
  tagInput,
  updateEnterprise,
} from './register';
import {
  accountBody,
  actualRow,
  countsBody,
  enterpriseDetailBody,
  enterprisePageBody,
  enterpriseRow,
  figureRow,
  memberRow,
  planDetailBody,
  planList,
  planRow,
  poolDetailBody,
  poolList,
  poolRow,
  tagSpanRow,
  visitPage,
  visitRow,
} from './schemas';
import { exportRegister, importRegister, templateBuffer } from './sheet';
import { createVisit, listVisits, visitInput } from './visits';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const spanParams = z.object({ id: z.uuid(), spanId: z.uuid() });

/** One enterprise's page: the register entry with its pools, plans, appeal counts and accounts. */
export async function enterprisePage(db: ReadDb, zoneId: string, id: string) {
  const e = await enterpriseDetail(db, zoneId, id);
  const [pools, plans, appeals, accounts] = await Promise.all([
    poolsOf(db, e.id),
    plansOf(db, e.id),
    appealCountsOf(db, [e.id]),
    listEnterpriseAccounts(db, zoneId, e.id),
  ]);
  return { ...e, pools, plans, appeals: appeals[0] ?? { open: 0, total: 0 }, accounts };
}

export async function enterpriseRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];
  const year = (req: FastifyRequest) => Number(req.ctx.today.slice(0, 4));
  const filters = z.object({
    q: z.string().trim().max(60).optional(),
    tag: z.enum(enterpriseTags).optional(),
    chain: z.string().max(60).optional(),
    unitId: z.uuid().optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
  });

  // ---------------------------------------------------------------- register
  api.get(
    '/api/enterprises',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'Search the register by name, credit code, tag, chain, unit; figures of a year', querystring: pageQuery.extend(filters.shape), response: { 200: enterprisePageBody, ...errors } } },
    async (req) => listEnterprises(req.ctx.db, requireActor(req.ctx).zoneId, { ...req.query, year: req.query.year ?? year(req) }, req.ctx.today),
  );
  api.get(
    '/api/enterprises/chains',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'Industry chains in the register', response: { 200: z.array(z.string()), ...errors } } },
    async (req) => listChains(req.ctx.db, requireActor(req.ctx).zoneId),
  );
  api.get(
    '/api/enterprises/template',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'The import template (xlsx)' } },
    async (_req, reply) => reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('企业库导入模板.xlsx')}`).send(await templateBuffer()),
  );
  api.get(
    '/api/enterprises/export',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'The register (filtered) as xlsx', querystring: filters } },
    async (req, reply) => {
      const buf = await exportRegister(req.ctx.db, requireActor(req.ctx).zoneId, { ...req.query, year: req.query.year ?? year(req) }, req.ctx.today);
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('企业库.xlsx')}`).send(buf);
    },
  );
  api.post(
    '/api/enterprises/import',
    {
      config: { action: 'enterprise.manage' },
      schema: { tags, summary: 'Import the register from xlsx (multipart "file"): a background job, all-or-nothing with row errors', consumes: ['multipart/form-data'], response: { 200: z.object({ jobId: z.string() }), ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const part = await req.file().catch(() => undefined);
      if (!part) throw new AppError('validation.failed', { fields: 'file' });
      const data = await part.toBuffer();
      sniffType(part.filename, data, ['xlsx']);
      const jobId = await startJob(app.handle.db, actor, 'enterprises.import', (progress) => importRegister(app.handle.db, actor, data, progress, req.ctx.today));
      return { jobId };
    },
  );
  api.post(
    '/api/enterprises',
    { config: { action: 'enterprise.write', scope: scopeOfUnit('body') }, schema: { tags, summary: 'Add an enterprise (credit code checked, duplicates refused)', body: enterpriseInput, response: { 200: enterpriseRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => createEnterprise(tx, audit, requireActor(req.ctx), req.body)),
  );
  api.get(
    '/api/enterprises/:id',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'One enterprise: figures by year, tag history, pools, plans, appeals', params: idParams, response: { 200: enterpriseDetailBody, ...errors } } },
    async (req) => enterprisePage(req.ctx.db, requireActor(req.ctx).zoneId, req.params.id),
  );
  api.patch(
    '/api/enterprises/:id',
    { config: { action: 'enterprise.write', scope: scopeOfEnterprise }, schema: { tags, summary: 'Change an enterprise', params: idParams, body: enterprisePatch, response: { 200: enterpriseRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => updateEnterprise(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );
  api.put(
    '/api/enterprises/:id/figures',
    { config: { action: 'enterprise.write', scope: scopeOfEnterprise }, schema: { tags, summary: 'Set a year’s output value, tax (万元) and employees', params: idParams, body: figureUpdate, response: { 200: figureRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => setFigures(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );
  api.post(
    '/api/enterprises/:id/tags',
    { config: { action: 'enterprise.write', scope: scopeOfEnterprise }, schema: { tags, summary: 'Record a tag with the date it was gained (and lost)', params: idParams, body: tagInput, response: { 200: tagSpanRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => addTag(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );
  api.post(
    '/api/enterprises/:id/tags/:spanId/lose',
    { config: { action: 'enterprise.write', scope: scopeOfEnterprise }, schema: { tags, summary: 'Record the date a tag was lost (with the version read)', params: spanParams, body: z.object({ lostOn: isoDate, version }), response: { 200: tagSpanRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => loseTag(tx, audit, requireActor(req.ctx), req.params.id, req.params.spanId, req.body, req.ctx.today)),
  );
  api.delete(
    '/api/enterprises/:id/tags/:spanId',
    { config: { action: 'enterprise.write', scope: scopeOfEnterprise }, schema: { tags, summary: 'Delete a tag entered by mistake', params: spanParams, response: { 200: okBody, ...errors } } },
    async (req) => {
      await req.ctx.write((tx, audit) => deleteTag(tx, audit, requireActor(req.ctx), req.params.id, req.params.spanId, req.ctx.today));
      return { ok: true as const };
    },
  );
  api.post(
    '/api/enterprises/:id/accounts',
    { config: { action: 'enterprise.manage' }, schema: { tags, summary: 'Create an enterprise user account for this enterprise', params: idParams, body: accountInput, response: { 200: accountBody, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => createEnterpriseAccount(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );

  api.get(
    '/api/enterprise-counts',
    {
      config: { action: 'enterprise.read' },
      schema: { tags, summary: 'Zone counts from tag dates (净增"四上", 新增百亿元企业, 净增高企, 新增"小巨人"…) for a year up to a date', querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100).optional(), asOf: isoDate.optional() }), response: { 200: countsBody, ...errors } },
    },
    async (req) => zoneCounts(req.ctx.db, requireActor(req.ctx).zoneId, req.query.year ?? year(req), req.query.asOf ?? req.ctx.today),
  );

  api.post(
    '/api/enterprise-counts/sync',
    {
      config: { action: 'enterprise.manage' },
      schema: { tags, summary: '重新同步: recompute every month of a year (default this year) from the register into the system-filled indicators; writes only what differs', body: syncBody, response: { 200: syncResponse, ...errors } },
    },
    async (req) => resyncYear(req.ctx.db, req.ctx.write, requireActor(req.ctx).zoneId, enterpriseFeed, req.body?.year ?? year(req), req.ctx.today),
  );

  // ---------------------------------------------------------------- pools
  const yearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
  api.get(
    '/api/enterprise-pools',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'Cultivation pools with members, suggested candidates and members at the next tier', querystring: yearQuery, response: { 200: poolList, ...errors } } },
    async (req) => listPools(req.ctx.db, requireActor(req.ctx).zoneId, req.query.year ?? year(req), req.ctx.today),
  );
  api.post(
    '/api/enterprise-pools',
    { config: { action: 'enterprise.manage' }, schema: { tags, summary: 'Create a pool with entry rules and a next-tier goal', body: poolInput, response: { 200: poolRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => createPool(tx, audit, requireActor(req.ctx), req.body)),
  );
  api.get(
    '/api/enterprise-pools/:id',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'Members with progress to the next tier, and candidates the rules suggest', params: idParams, querystring: yearQuery, response: { 200: poolDetailBody, ...errors } } },
    async (req) => ({ ...(await poolDetail(req.ctx.db, requireActor(req.ctx).zoneId, req.params.id, req.query.year ?? year(req), req.ctx.today)), today: req.ctx.today }),
  );
  api.patch(
    '/api/enterprise-pools/:id',
    { config: { action: 'enterprise.manage' }, schema: { tags, summary: 'Change a pool', params: idParams, body: poolPatch, response: { 200: poolRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => updatePool(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );
  api.post(
    '/api/enterprise-pools/:id/members',
    { config: { action: 'enterprise.manage' }, schema: { tags, summary: 'Add an enterprise to a pool', params: idParams, body: memberInput, response: { 200: memberRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => addMember(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );
  api.delete(
    '/api/enterprise-pools/:id/members/:enterpriseId',
    { config: { action: 'enterprise.manage' }, schema: { tags, summary: 'Take an enterprise out of a pool', params: z.object({ id: z.uuid(), enterpriseId: z.uuid() }), response: { 200: okBody, ...errors } } },
    async (req) => {
      await req.ctx.write((tx, audit) => removeMember(tx, audit, requireActor(req.ctx), req.params.id, req.params.enterpriseId));
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- plans
  api.get(
    '/api/enterprise-plans',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'One-enterprise plans of a year, judged against time progress', querystring: yearQuery, response: { 200: planList, ...errors } } },
    async (req) => listPlans(req.ctx.db, requireActor(req.ctx).zoneId, req.query.year ?? year(req)),
  );
  api.post(
    '/api/enterprise-plans',
    { config: { action: 'enterprise.manage' }, schema: { tags, summary: 'Set a one-enterprise plan (output target in 万元, measures, assigned leader)', body: planInput, response: { 200: planRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => createPlan(tx, audit, requireActor(req.ctx), req.body)),
  );
  api.get(
    '/api/enterprise-plans/:id',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'A plan with its monthly actuals and their judgement', params: idParams, response: { 200: planDetailBody, ...errors } } },
    async (req) => planDetail(req.ctx.db, requireActor(req.ctx).zoneId, req.params.id),
  );
  api.patch(
    '/api/enterprise-plans/:id',
    { config: { action: 'enterprise.manage' }, schema: { tags, summary: 'Change a plan', params: idParams, body: planPatch, response: { 200: planRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => updatePlan(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );
  api.put(
    '/api/enterprise-plans/:id/actuals/:month',
    {
      config: { action: 'enterprise.write', scope: scopeOfPlan },
      schema: { tags, summary: 'Report the cumulative output to a month (1-m月累计, 万元)', params: z.object({ id: z.uuid(), month: z.coerce.number().int().min(1).max(12) }), body: actualInput, response: { 200: actualRow, ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => setActual(tx, audit, requireActor(req.ctx), req.params.id, req.params.month, req.body)),
  );

  // ---------------------------------------------------------------- visits
  api.get(
    '/api/enterprise-visits',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'Visits, newest first', querystring: pageQuery.extend({ enterpriseId: z.uuid().optional() }), response: { 200: visitPage, ...errors } } },
    async (req) => listVisits(req.ctx.db, requireActor(req.ctx).zoneId, req.query),
  );
  api.post(
    '/api/enterprise-visits',
    { config: { action: 'enterprise.write', scope: scopeOfNamedEnterprise }, schema: { tags, summary: 'Log a visit: who, when, what was found', body: visitInput, response: { 200: visitRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => createVisit(tx, audit, requireActor(req.ctx), req.body)),
  );
}
