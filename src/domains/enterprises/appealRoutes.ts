// Appeal routes for staff (raise on a visit, assign, handle, answer, statistics)
// and the enterprise user's own routes under /api/my-enterprise.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReadDb } from '../../db/client';
import { appealCategories } from '../../db/schema';
import { requireActor } from '../../server/context';
import { errors, idParams, isoDate } from '../../shared/http';
import { pageQuery } from '../../shared/pagination';
import type { Actor } from '../../shared/policy';
import { assertDeadlineAhead, movedThrough } from '../../shared/loop/store';
import {
  actOnAppeal,
  answerAppeal,
  appealActBody,
  answerInput,
  appealDetail,
  appealInput,
  appealStatistics,
  linkedEnterpriseId,
  listAppeals,
  listMyAppeals,
  myAppealDetail,
  raiseAppeal,
  rateAppeal,
  rateInput,
  staffAppealInput,
  withdrawAppeal,
  withdrawInput,
} from './appeals';
import { appealCountsOf } from './appeals';
import { poolsOf } from './pools';
import { enterpriseDetail, scopeOfNamedEnterprise } from './register';
import { appealDetailBody, appealPage, appealRow, appealStatsBody, appealVersioned, appealView, myAppealDetailBody, myEnterpriseBody } from './schemas';


/** The enterprise an enterprise user's account belongs to, without the staff's internal note. */
export async function myEnterprise(db: ReadDb, actor: Actor) {
  const id = await linkedEnterpriseId(db, actor);
  const [e, pools, appeals] = await Promise.all([enterpriseDetail(db, actor.zoneId, id), poolsOf(db, id), appealCountsOf(db, [id])]);
  const { note: _note, ...rest } = e;
  return { ...rest, pools, appeals: appeals[0] ?? { open: 0, total: 0 } };
}

export async function appealRoutes(app: FastifyInstance) {
  movedThrough('appeal', '/api/enterprise-appeals/{id}/actions');
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprise appeals'];

  api.get(
    '/api/enterprise-appeals',
    {
      config: { action: 'enterprise.read' },
      schema: {
        tags,
        summary: 'Appeals the user may see, with lights against the service standard',
        querystring: pageQuery.extend({
          enterpriseId: z.uuid().optional(),
          category: z.enum(appealCategories).optional(),
          open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
          assigneeUnitId: z.uuid().optional(),
        }),
        response: { 200: appealPage, ...errors },
      },
    },
    async (req) => listAppeals(req.ctx.db, requireActor(req.ctx), req.query, req.ctx.today),
  );
  api.post(
    '/api/enterprise-appeals',
    { config: { action: 'enterprise.write', scope: scopeOfNamedEnterprise }, schema: { tags, summary: 'Raise an appeal for an enterprise (e.g. on a visit)', body: staffAppealInput, response: { 200: appealRow, ...errors } } },
    async (req) => {
      const { enterpriseId, visitId, ...input } = req.body;
      return req.ctx.write((tx, audit) => raiseAppeal(tx, audit, requireActor(req.ctx), input, { enterpriseId, visitId, now: req.ctx.clock() }));
    },
  );
  api.get(
    '/api/enterprise-appeals/stats',
    {
      config: { action: 'enterprise.read' },
      schema: { tags, summary: 'Response and closure times, overdue and satisfaction by department, for appeals raised in a period', querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }), response: { 200: appealStatsBody, ...errors } },
    },
    async (req) => {
      const d = req.ctx.today;
      return appealStatistics(req.ctx.db, requireActor(req.ctx).zoneId, req.query.from ?? `${d.slice(0, 4)}-01-01`, req.query.to ?? d, d);
    },
  );
  api.get(
    '/api/enterprise-appeals/:id',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'One appeal with its history and the actions open to the user', params: idParams, response: { 200: appealDetailBody, ...errors } } },
    async (req) => appealDetail(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today),
  );
  api.post(
    '/api/enterprise-appeals/:id/actions',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'Assign (deadline from the service standard), accept, report done, verify, return, close, reopen', params: idParams, body: appealActBody, response: { 200: appealView, ...errors } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      assertDeadlineAhead(req.body.deadline, req.ctx.today);
      await req.ctx.write((tx, audit) => actOnAppeal(tx, audit, actor, req.params.id, req.body, req.ctx.clock()));
      return (await appealDetail(req.ctx.db, actor, req.params.id, req.ctx.today)).appeal;
    },
  );
  api.post(
    '/api/enterprise-appeals/:id/answer',
    { config: { action: 'enterprise.read' }, schema: { tags, summary: 'The handling unit’s answer (答复) to the enterprise', params: idParams, body: answerInput, response: { 200: appealVersioned, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => answerAppeal(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.clock())),
  );

  // ---------------------------------------------------------------- the enterprise's own
  const self = { action: 'enterprise.self' as const };
  const my = ['my enterprise'];
  api.get(
    '/api/my-enterprise',
    { config: self, schema: { tags: my, summary: 'The enterprise this account belongs to', response: { 200: myEnterpriseBody, ...errors } } },
    async (req) => myEnterprise(req.ctx.db, requireActor(req.ctx)),
  );
  api.get(
    '/api/my-enterprise/appeals',
    { config: self, schema: { tags: my, summary: 'This enterprise’s appeals', querystring: pageQuery, response: { 200: appealPage, ...errors } } },
    async (req) => listMyAppeals(req.ctx.db, requireActor(req.ctx), req.query, req.ctx.today),
  );
  api.post(
    '/api/my-enterprise/appeals',
    { config: self, schema: { tags: my, summary: 'Raise an appeal (用地, 用工, 融资, 审批, 水电气, 物流, other)', body: appealInput, response: { 200: appealRow, ...errors } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      return req.ctx.write(async (tx, audit) => raiseAppeal(tx, audit, actor, req.body, { enterpriseId: await linkedEnterpriseId(tx, actor), now: req.ctx.clock() }));
    },
  );
  api.get(
    '/api/my-enterprise/appeals/:id',
    { config: self, schema: { tags: my, summary: 'One of this enterprise’s appeals with its progress', params: idParams, response: { 200: myAppealDetailBody, ...errors } } },
    async (req) => myAppealDetail(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today),
  );
  api.post(
    '/api/my-enterprise/appeals/:id/rate',
    { config: self, schema: { tags: my, summary: 'Rate a closed appeal: 满意 / 基本满意 / 不满意', params: idParams, body: rateInput, response: { 200: appealVersioned, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => rateAppeal(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.clock())),
  );
  api.post(
    '/api/my-enterprise/appeals/:id/withdraw',
    { config: self, schema: { tags: my, summary: 'Withdraw an appeal not yet assigned', params: idParams, body: withdrawInput, response: { 200: appealVersioned, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => withdrawAppeal(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.clock())),
  );
}
