// 驾驶舱 / 数据大屏: one zone's month, and the drill-down to a unit's reported rows.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/context';
import { errors, isoDate } from '../../shared/http';
import { can } from '../../shared/policy';
import { periodString } from '../targets/catalogue';
import { periodEnd } from '../targets/progress';
import { onZoneWritten } from '../../shared/zoneWrites';
import type { ReadDb } from '../../db/client';
import { today, type Clock } from '../../shared/calendar';
import { CockpitCache, zoneDataVersion } from './cache';
import { JsonBody, sendJson } from '../../shared/jsonBody';
import { defaultPeriod, drillDown, loadCockpit } from './cockpit';
import { cockpitBody, drillRow } from './schemas';

/** A weak ETag for one cached answer: a digest of what it was computed from. */
const etagOf = (what: string) => `W/"${createHash('sha256').update(what).digest('base64url').slice(0, 22)}"`;

/** How many of a zone's most recently read cockpits are refreshed after each write to it. */
const REFRESHED = 4;

export async function cockpitRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cockpit'];
  const cache = new CockpitCache<JsonBody>();
  // The month a leader lands on (no period asked), per zone, day and data version: judging
  // which month is complete reads the zone's whole history (targets/completeness).
  const landing = new CockpitCache();
  // Checked against the response schema once, when computed, as the serializer would; its
  // ETag names the zone, month, date and data version, so a 304 is never an old answer.
  const compute = (db: ReadDb, zoneId: string, period: string, asOf: string, version: string, clock: Clock) => async () =>
    new JsonBody(JSON.stringify(cockpitBody.parse(await loadCockpit(db, zoneId, { period, asOf }, clock))), etagOf(`${zoneId}|${period}|${asOf}|${version}`));

  // Right after a committed write, the months of the zone people were reading are computed
  // afresh under the new data version, so the next reader finds them ready; one who comes
  // during the refresh waits for it (cache.load), never gets the answer from before the write.
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = (zoneId: string) => {
    const keys = cache.keys(`${zoneId}|`).slice(-REFRESHED);
    if (keys.length === 0) return;
    refreshing = refreshing
      .then(async () => {
        const version = await zoneDataVersion(app.handle.db, zoneId);
        for (const key of keys) {
          const [, period, asOf] = key.split('|') as [string, string, string];
          await cache.load(key, version, compute(app.handle.db, zoneId, period, asOf, version, app.clock));
        }
      })
      .catch((err: unknown) => app.log.warn({ err, zoneId }, 'cockpit refresh after a write failed; the next reader computes it'));
  };
  const unsubscribe = onZoneWritten(refresh);
  app.addHook('onClose', async () => {
    unsubscribe();
    await refreshing;
  });
  api.get(
    '/api/cockpit',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'Every indicator of the zone for a month: value, growth, completion, time progress, colour, units and ranks',
        querystring: z.object({ period: periodString.optional(), asOf: isoDate.optional() }),
        response: { 200: cockpitBody, ...errors },
      },
    },
    async (req, reply) => {
      const { db } = req.ctx;
      const zoneId = requireActor(req.ctx).zoneId;
      // Read before any figure (see ./cache): with the session, at the start of this request
      // (auth/sessions.ts), so a cached answer costs no query of its own.
      const version = req.session?.zoneDataVersion ?? (await zoneDataVersion(db, zoneId));
      const period = req.query.period ?? (await landing.load(`${zoneId}|${today(req.ctx.clock)}`, version, () => defaultPeriod(db, zoneId, req.ctx.clock)));
      // The as-of date made explicit, so "no date" and "the month's end" share one entry.
      const asOf = req.query.asOf ?? periodEnd(period);
      const key = `${zoneId}|${period}|${asOf}`;
      const body = await cache.load(key, version, compute(db, zoneId, period, asOf, version, req.ctx.clock));
      // Sent as serialised and gzipped once, without the per-request schema serialisation.
      return sendJson(req, reply, body);
    },
  );
  api.get(
    '/api/cockpit/drill',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'The months of one unit’s (or the zone’s) figures for an indicator; drafts only for those who may read the unit',
        querystring: z.object({ indicatorId: z.uuid(), unitId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.array(drillRow), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const unitId = req.query.unitId ?? null;
      const includeUnapproved = unitId ? can(actor, 'unitData.read', { unitId }) : can(actor, 'unitData.approve');
      return drillDown(req.ctx.db, actor.zoneId, { indicatorId: req.query.indicatorId, unitId, year: req.query.year, includeUnapproved });
    },
  );
}
