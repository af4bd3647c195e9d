// 考核排名: schemes, bonuses/deductions, results with explanations, publish, recompute.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { periodKinds, units } from '../../db/schema';
import { requireActor } from '../../server/context';
import { version, versionBody } from '../../shared/input';
import { errors, idParams, okBody } from '../../shared/http';
import { pageOf, pageQuery } from '../../shared/pagination';
import { indicatorsByCode } from './queries';
import { publishScheme, recompute, schemeResults } from './results';
import {
  addAdjustment,
  adjustmentInput,
  createScheme,
  deleteAdjustment,
  deleteScheme,
  getScheme,
  listAdjustments,
  listSchemes,
  schemeInput,
  type SchemeItemConfig,
  updateScheme,
} from './schemes';

/**
 * A scheme item as stored: the output of schemeItemInput (whose string-or-number
 * transforms make it one-way, so it cannot serialise a reply). Typed as the jsonb
 * column's unknown[] for the handlers; checked against SchemeItemConfig below.
 */
const decimalBody = z.string().describe('decimal');
const itemBase = { key: z.string(), name: z.string(), weight: decimalBody };
const schemeItemBody = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('indicator_completion'), indicatorCode: z.string(), tier: z.enum(['floor', 'stretch']), cap: decimalBody, floor: decimalBody }),
  z.object({ ...itemBase, kind: z.literal('growth_rank'), indicatorCode: z.string(), step: decimalBody, minPoints: decimalBody, decimals: z.number().int() }),
  z.object({ ...itemBase, kind: z.literal('milestones_on_time'), whenNone: decimalBody }),
  z.object({ ...itemBase, kind: z.literal('tasks_on_time'), whenNone: decimalBody }),
  z.object({ ...itemBase, kind: z.literal('loops_closed'), loopKinds: z.array(z.enum(['problem', 'appeal', 'hazard'])), whenNone: decimalBody }),
]);
type SchemeItemBody = z.output<typeof schemeItemBody>;
type Assert<T extends true> = T;
export type SchemeItemBodyMatchesInput = Assert<[SchemeItemBody, SchemeItemConfig] extends [SchemeItemConfig, SchemeItemBody] ? true : false>;
const schemeItems: z.ZodType<unknown[]> = z.array(schemeItemBody);

const schemeBody = z.object({
  id: z.string(),
  name: z.string(),
  periodKind: z.enum(periodKinds),
  period: z.string(),
  campaignId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  rankingGroup: z.string(),
  items: schemeItems,
  redFlagPolicy: z.enum(['all_tied', 'unique_only']),
  state: z.enum(['draft', 'published']),
  publishedAt: z.date().nullable(),
  demo: z.boolean(),
  version: z.number(),
});
const itemScoreBody = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.string(),
  weight: z.string(),
  raw: z.string().nullable(),
  rate: z.string(),
  points: z.string(),
  explanation: z.string(),
  evidence: z.array(z.string()),
});
const adjustmentScore = z.object({ points: z.string(), reason: z.string(), explanation: z.string() });
export const resultsBody = z.object({
  schemeId: z.string(),
  state: z.enum(['draft', 'published']),
  asOf: z.string(),
  figureMonth: z.string(),
  previous: z.object({ schemeId: z.string(), name: z.string(), period: z.string() }).nullable(),
  computedAt: z.string().nullable(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      base: z.string(),
      adjustment: z.string(),
      total: z.string(),
      summary: z.string(),
      rank: z.number().nullable(),
      redFlag: z.boolean(),
      prevRank: z.number().nullable(),
      rankChange: z.number().nullable(),
      items: z.array(itemScoreBody),
      adjustments: z.array(adjustmentScore),
    }),
  ),
});
const adjustmentBody = z.object({ id: z.string(), unitId: z.string(), unitName: z.string(), points: z.string(), reason: z.string(), createdAt: z.date() });
const differenceBody = z.object({ unitId: z.string(), unitName: z.string(), field: z.string(), published: z.string(), now: z.string() });
const schemeParams = z.object({ id: z.uuid(), adjustmentId: z.uuid() });

export async function assessmentRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];

  api.get(
    '/api/assessment/options',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'Ranking groups with their units, and the indicators a scheme can use',
        response: {
          200: z.object({
            groups: z.array(z.object({ group: z.string(), units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) })),
            indicators: z.array(z.object({ code: z.string(), name: z.string(), measure: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const rows = await req.ctx.db
        .select({ id: units.id, name: units.name, kind: units.kind, group: units.rankingGroup })
        .from(units)
        .where(and(eq(units.zoneId, actor.zoneId), eq(units.active, true)))
        .orderBy(asc(units.sortOrder));
      const groups = [...new Set(rows.map((r) => r.group))].map((group) => ({
        group,
        units: rows.filter((r) => r.group === group).map(({ id, name, kind }) => ({ id, name, kind })),
      }));
      const indicators = [...(await indicatorsByCode(req.ctx.db, actor.zoneId)).values()]
        .filter((i) => i.kind !== 'ratio')
        .map(({ code, name, measure }) => ({ code, name, measure }));
      return { groups, indicators };
    },
  );

  api.get(
    '/api/assessment/schemes',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'Assessment schemes, newest period first (reporters and viewers see published ones only)',
        querystring: pageQuery.extend({ state: z.enum(['draft', 'published']).optional() }),
        response: { 200: pageOf(schemeBody), ...errors },
      },
    },
    async (req) => listSchemes(req.ctx.db, requireActor(req.ctx), req.query),
  );

  api.post(
    '/api/assessment/schemes',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Create a scheme (draft)', body: schemeInput, response: { 200: schemeBody, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => createScheme(tx, audit, requireActor(req.ctx), req.body)),
  );

  api.get(
    '/api/assessment/schemes/:id',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'One scheme', params: idParams, response: { 200: schemeBody, ...errors } } },
    async (req) => getScheme(req.ctx.db, requireActor(req.ctx), req.params.id),
  );

  api.put(
    '/api/assessment/schemes/:id',
    {
      config: { action: 'config.write' },
      schema: {
        tags,
        summary: 'Change a draft scheme',
        params: idParams,
        body: schemeInput.extend({ version }),
        response: { 200: schemeBody, ...errors },
      },
    },
    async (req) => req.ctx.write((tx, audit) => updateScheme(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );

  api.delete(
    '/api/assessment/schemes/:id',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Delete a draft scheme', params: idParams, response: { 200: okBody, ...errors } } },
    async (req) => {
      await req.ctx.write((tx, audit) => deleteScheme(tx, audit, requireActor(req.ctx), req.params.id));
      return { ok: true as const };
    },
  );

  api.get(
    '/api/assessment/schemes/:id/adjustments',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'Bonuses and deductions of a scheme', params: idParams, response: { 200: z.array(adjustmentBody), ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await getScheme(req.ctx.db, actor, req.params.id);
      return listAdjustments(req.ctx.db, actor.zoneId, req.params.id);
    },
  );

  api.post(
    '/api/assessment/schemes/:id/adjustments',
    {
      config: { action: 'unitData.approve' },
      schema: { tags, summary: 'Add a bonus (+) or deduction (−) with its reason', params: idParams, body: adjustmentInput, response: { 200: adjustmentBody, ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => addAdjustment(tx, audit, requireActor(req.ctx), req.params.id, req.body)),
  );

  api.delete(
    '/api/assessment/schemes/:id/adjustments/:adjustmentId',
    {
      config: { action: 'unitData.approve' },
      schema: { tags, summary: 'Remove a bonus or deduction of a draft scheme', params: schemeParams, response: { 200: okBody, ...errors } },
    },
    async (req) => {
      await req.ctx.write((tx, audit) => deleteAdjustment(tx, audit, requireActor(req.ctx), req.params.id, req.params.adjustmentId));
      return { ok: true as const };
    },
  );

  api.get(
    '/api/assessment/schemes/:id/results',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'Scores item by item with explanations, ranking, red flag, rank change; frozen once published',
        params: idParams,
        response: { 200: resultsBody, ...errors },
      },
    },
    async (req) => schemeResults(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today),
  );

  api.post(
    '/api/assessment/schemes/:id/publish',
    {
      config: { action: 'unitData.approve' },
      schema: { tags, summary: 'Publish and freeze the results', params: idParams, body: versionBody, response: { 200: z.object({ scheme: schemeBody, results: resultsBody }), ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => publishScheme(tx, audit, requireActor(req.ctx), req.params.id, req.ctx.today, req.body.version)),
  );

  api.get(
    '/api/assessment/schemes/:id/recompute',
    {
      config: { action: 'unitData.approve' },
      schema: {
        tags,
        summary: 'Recompute from the data now; for a published scheme, list the differences without overwriting',
        params: idParams,
        response: { 200: z.object({ published: resultsBody.nullable(), current: resultsBody, differences: z.array(differenceBody) }), ...errors },
      },
    },
    async (req) => recompute(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today),
  );
}
