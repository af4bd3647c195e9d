// Hazard register routes (隐患动态清零): thin — validate, authorise at the router,
// one service call, inside one audited transaction for writes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hazardCategories, hazardLevels } from '../../db/schema';
import { scopeOfUnit } from '../../server/scope';
import { errors, idParams, isoDate } from '../../shared/http';
import { LOOP_ACTIONS, LOOP_STATES } from '../../shared/loop/machine';
import { eventView } from '../../shared/loop/routes';
import { assertDeadlineAhead, movedThrough } from '../../shared/loop/store';
import { notifyAssigned } from '../../shared/notifyEvents';
import { pageOf, pageQuery } from '../../shared/pagination';
import { requireActor } from '../../shared/policy';
import {
  actOnHazard,
  addEvidence,
  defaultPeriod,
  evidenceInput,
  hazardActInput,
  hazardDetail,
  hazardFilter,
  hazardInput,
  hazardSummary,
  listHazards,
  registerHazard,
  scopeOfHazard,
} from './service';

const hazardBody = z.object({
  id: z.string(),
  zoneId: z.string(),
  loopItemId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  category: z.enum(hazardCategories),
  level: z.enum(hazardLevels),
  foundOn: z.string(),
  dueOn: z.string(),
  location: z.string(),
  createdAt: z.date(),
  title: z.string(),
  detail: z.string(),
  state: z.enum(LOOP_STATES),
  deadline: z.string(),
  closedOn: z.string().nullable(),
  version: z.number(),
  light: z.enum(['green', 'amber', 'red', 'done']),
});
const counts = z.object({ added: z.number(), rectified: z.number(), remaining: z.number(), majorRemaining: z.number(), overdue: z.number() });
const clearanceBody = z.object({ status: z.enum(['unregistered', 'cleared', 'open']), registered: z.number(), remaining: z.number() });
const summaryBody = z.object({
  from: z.string(),
  to: z.string(),
  total: counts,
  clearance: clearanceBody,
  byUnit: z.array(counts.extend({ unitId: z.string(), unitName: z.string() })),
  byCategory: z.array(counts.extend({ category: z.enum(hazardCategories) })),
  campaigns: z.array(clearanceBody.extend({ campaignId: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() })),
});
const detailBody = z.object({
  hazard: hazardBody,
  events: z.array(eventView),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  allowedActions: z.array(z.object({ action: z.enum(LOOP_ACTIONS), requires: z.array(z.string()) })),
  /** Whether this user may add 整改 evidence (POST /api/hazards/{id}/evidence) now. */
  canAddEvidence: z.boolean(),
});
const registered = z.object({ id: z.string(), loopItemId: z.string(), dueOn: z.string(), state: z.enum(LOOP_STATES) });

export async function hazardRoutes(app: FastifyInstance) {
  movedThrough('hazard', '/api/hazards/{id}/actions');
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hazards'];

  api.get(
    '/api/hazards',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'Hazards the user may see (a unit’s accounts: their unit’s), open first, 重大 first', querystring: pageQuery.extend(hazardFilter.shape), response: { 200: pageOf(hazardBody), ...errors } },
    },
    async (req) => listHazards(req.ctx.db, requireActor(req.ctx), req.query, req.ctx.today),
  );
  api.get(
    '/api/hazards/summary',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: '新增 / 已整改 / 剩余 by unit and category for a period (default: the year to the business date), 清零 per campaign',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: summaryBody, ...errors },
      },
    },
    async (req) => {
      const { from, to } = defaultPeriod(req.ctx.today, req.query);
      return hazardSummary(req.ctx.db, requireActor(req.ctx), from, to);
    },
  );
  api.get(
    '/api/hazards/:id',
    { config: { action: 'unitData.read', scope: scopeOfHazard }, schema: { tags, summary: 'One hazard with its history, evidence and the actions open to the user', params: idParams, response: { 200: detailBody, ...errors } } },
    async (req) => hazardDetail(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today),
  );
  api.post(
    '/api/hazards',
    {
      config: { action: 'hazard.write', scope: scopeOfUnit('body') },
      schema: { tags, summary: 'Register a hazard; its deadline follows from its level (一般 10, 重大 30 working days)', body: hazardInput, response: { 200: registered, ...errors } },
    },
    async (req) =>
      req.ctx.write(async (tx, audit) => {
        const { hazard, item } = await registerHazard(tx, audit, requireActor(req.ctx), req.body, req.ctx.today, req.ctx.clock());
        if (item.state === 'assigned') await notifyAssigned(tx, item, req.ctx.today);
        return { id: hazard.id, loopItemId: item.id, dueOn: hazard.dueOn, state: item.state };
      }),
  );
  api.post(
    '/api/hazards/:id/actions',
    {
      config: { action: 'hazard.write', scope: scopeOfHazard },
      schema: { tags, summary: 'Assign (交办), accept, report done with evidence (报结), verify and close (复核销号), return, close, reopen', params: idParams, body: hazardActInput, response: { 200: hazardBody, ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      assertDeadlineAhead(req.body.deadline, req.ctx.today);
      await req.ctx.write(async (tx, audit) => {
        const item = await actOnHazard(tx, audit, actor, req.params.id, req.body, req.ctx.today, req.ctx.clock());
        if (req.body.action === 'assign' || req.body.action === 'reopen') await notifyAssigned(tx, item, req.ctx.today);
      });
      return (await hazardDetail(req.ctx.db, actor, req.params.id, req.ctx.today)).hazard;
    },
  );
  api.post(
    '/api/hazards/:id/evidence',
    {
      config: { action: 'hazard.write', scope: scopeOfHazard },
      schema: { tags, summary: '整改 evidence on an open hazard: a note with at least one photo or document uploaded through /api/files', params: idParams, body: evidenceInput, response: { 200: z.object({ id: z.string() }), ...errors } },
    },
    async (req) => req.ctx.write(async (tx, audit) => ({ id: (await addEvidence(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.clock())).id })),
  );
}
