// 攻坚行动: campaigns with their countdown and progress view.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/context';
import { errors, idParams, isoDate, okBody } from '../../shared/http';
import { pageOf, pageQuery } from '../../shared/pagination';
import { loadCockpit } from '../cockpit/cockpit';
import { campaignBody, campaignDetail, campaignRow } from '../targets/schemas';
import { campaignInput, campaignUpdate, candidates, createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns';


export async function campaignRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  const asOfQuery = z.object({ asOf: isoDate.optional() });

  api.get(
    '/api/campaigns',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'Campaigns with their countdown on a date (default today)', querystring: pageQuery.extend(asOfQuery.shape), response: { 200: pageOf(campaignBody), ...errors } },
    },
    async (req) => listCampaigns(req.ctx.db, requireActor(req.ctx).zoneId, req.query, req.query.asOf ?? req.ctx.today),
  );
  api.get(
    '/api/campaigns/candidates',
    {
      config: { action: 'config.write' },
      schema: {
        tags,
        summary: 'Projects or tasks that exist now, to add to a campaign',
        querystring: z.object({ type: z.enum(['project', 'task']), search: z.string().max(60).default('') }),
        response: { 200: z.array(z.object({ itemId: z.string(), title: z.string(), status: z.string().nullable() })), ...errors },
      },
    },
    async (req) => candidates(req.ctx.db, requireActor(req.ctx).zoneId, req.query.type, req.query.search),
  );
  api.get(
    '/api/campaigns/:id',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'A campaign: countdown, its indicators in the cockpit form for a month, its projects and tasks',
        params: idParams,
        querystring: asOfQuery.extend({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional() }),
        response: { 200: campaignDetail, ...errors },
      },
    },
    async (req) => {
      const zoneId = requireActor(req.ctx).zoneId;
      const campaign = await getCampaign(req.ctx.db, zoneId, req.params.id, req.query.asOf ?? req.ctx.today);
      const cockpit = campaign.indicatorIds.length
        ? await loadCockpit(req.ctx.db, zoneId, { period: req.query.period, indicatorIds: campaign.indicatorIds }, req.ctx.clock)
        : null;
      // Counted down from the cockpit's date when no date is asked for, so a past year's campaign reads as it did then.
      const clock = req.query.asOf || !cockpit ? campaign : await getCampaign(req.ctx.db, zoneId, req.params.id, cockpit.asOf);
      return { ...clock, period: cockpit?.period ?? null, indicators: cockpit?.indicators ?? [] };
    },
  );
  api.post(
    '/api/campaigns',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Create a campaign', body: campaignInput, response: { 200: campaignRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => createCampaign(tx, audit, requireActor(req.ctx).zoneId, req.body)),
  );
  api.put(
    '/api/campaigns/:id',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Change a campaign (with the version read)', params: idParams, body: campaignUpdate, response: { 200: campaignRow, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => updateCampaign(tx, audit, requireActor(req.ctx).zoneId, req.params.id, req.body)),
  );
  api.delete(
    '/api/campaigns/:id',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Delete a campaign', params: idParams, response: { 200: okBody, ...errors } } },
    async (req) => {
      await req.ctx.write((tx, audit) => deleteCampaign(tx, audit, requireActor(req.ctx).zoneId, req.params.id));
      return { ok: true as const };
    },
  );
}
