// 招商引资 routes: leads, their stage and contact log, conversion of a signed lead
// into a project, and the counts that feed the zone's indicators.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/context';
import { errors, idParams } from '../../shared/http';
import { pageQuery } from '../../shared/pagination';
import { resyncYear, syncBody, syncResponse } from '../feeds/sync';
import { attractionFeed } from './feedIndicators';
import { attractionCounts } from './signings';
import { contactBody, convertBody, countsBody, leadBody, leadDetail, leadPage } from './schemas';
import {
  addContact,
  contactInput,
  convertInput,
  convertLead,
  createLead,
  getLead,
  leadFilter,
  leadInput,
  leadPatch,
  listLeads,
  moveLead,
  stageInput,
  updateLead,
} from './service';
import { scopeOfLead } from './service';
import { scopeOfUnit } from '../../server/scope';

/** The 200 response with the standard errors. */
const ok = <T extends z.ZodType>(body: T) => ({ 200: body, ...errors });

export async function attractionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['attraction'];

  api.get(
    '/api/attraction/leads',
    { config: { action: 'zone.read' }, schema: { tags, summary: 'Leads: all for zone-wide roles, the own unit’s for reporters and viewers', querystring: pageQuery.merge(leadFilter), response: ok(leadPage) } },
    async (req) => listLeads(req.ctx.db, requireActor(req.ctx), req.query),
  );
  api.post(
    '/api/attraction/leads',
    { config: { action: 'attraction.write', scope: scopeOfUnit('body') }, schema: { tags, summary: 'Record a lead (supervisors, or reporters of the handling unit)', body: leadInput, response: ok(leadBody) } },
    async (req) => req.ctx.write((tx, audit) => createLead(tx, audit, requireActor(req.ctx), req.body)),
  );
  api.get(
    '/api/attraction/counts',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'Signed projects ≥1亿元, foreign-capital projects and their planned investment, by month and year to date (default: this year)', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: ok(countsBody) },
    },
    async (req) => ({ ...(await attractionCounts(req.ctx.db, requireActor(req.ctx).zoneId, req.query.year ?? Number(req.ctx.today.slice(0, 4)))), today: req.ctx.today }),
  );
  api.post(
    '/api/attraction/counts/sync',
    {
      config: { action: 'config.write' },
      schema: { tags, summary: '重新同步: recompute every month of a year (default this year) from leads and projects into the system-filled indicators; writes only what differs', body: syncBody, response: { 200: syncResponse, ...errors } },
    },
    async (req) => resyncYear(req.ctx.db, req.ctx.write, requireActor(req.ctx).zoneId, attractionFeed, req.body?.year ?? Number(req.ctx.today.slice(0, 4)), req.ctx.today),
  );
  api.get(
    '/api/attraction/leads/:id',
    { config: { action: 'zone.read' }, schema: { tags, summary: 'One lead with its contact log', params: idParams, response: ok(leadDetail) } },
    async (req) => ({ ...(await getLead(req.ctx.db, requireActor(req.ctx), req.params.id)), today: req.ctx.today }),
  );
  api.patch(
    '/api/attraction/leads/:id',
    { config: { action: 'attraction.write', scope: scopeOfLead }, schema: { tags, summary: 'Change a lead', params: idParams, body: leadPatch, response: ok(leadBody) } },
    async (req) => req.ctx.write((tx, audit) => updateLead(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );
  api.post(
    '/api/attraction/leads/:id/stage',
    { config: { action: 'attraction.write', scope: scopeOfLead }, schema: { tags, summary: 'Move a lead: 线索 → 在谈 → 签约 (with the signing date) → 落地', params: idParams, body: stageInput, response: ok(leadBody) } },
    async (req) => req.ctx.write((tx, audit) => moveLead(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );
  api.post(
    '/api/attraction/leads/:id/contacts',
    { config: { action: 'attraction.write', scope: scopeOfLead }, schema: { tags, summary: 'Log a contact (visit, call, meeting, inspection)', params: idParams, body: contactInput, response: ok(contactBody) } },
    async (req) => req.ctx.write((tx, audit) => addContact(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );
  api.post(
    '/api/attraction/leads/:id/convert',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Make a signed lead a project without retyping', params: idParams, body: convertInput, response: ok(convertBody) } },
    async (req) => req.ctx.write((tx, audit) => convertLead(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.today)),
  );
}
