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
import { defaultPeriod, drillDown, readCockpit } from './cockpit';
import { judging } from './judging';
import { cockpitAnswer, drillRow } from './schemas';

/** A weak ETag for one cached answer: a digest of what it was computed from. */
const etagOf = (what: string) => `W/"${createHash('sha256').update(what).digest('base64url').slice(0, 22)}"`;

/** How many of a zone’s most recently read cockpits are refreshed after each write to it, the latest read first. */
const REFRESHED = 4;

/**
 * One computed cockpit, sent as it is while its data version is the zone's (`current`), or
 * as the previous answer while a newer one is computed: the same bytes after a freshness
 * mark saying so (`current: false`, its version and time), under an ETag of its own.
 */
class Answer {
  readonly current: JsonBody;
  readonly previous: JsonBody;
  private readonly computedAt = new Date().toISOString();
  /** `json`: the month's answer as UTF-8 JSON (./judging), the freshness mark put first. */
  constructor(
    json: Uint8Array,
    readonly version: string,
    what: string,
  ) {
    this.current = new JsonBody(Buffer.concat([Buffer.from(this.mark(true)), json.subarray(1)]), etagOf(what));
    // The marked copy is made and gzipped (on the thread pool, beside the current one) at once:
    // the next write may come straight after this computation, and a reader then must not wait
    // for its compression, nor (made when first asked for) behind the computation it stands in for.
    this.previous = new JsonBody(Buffer.concat([Buffer.from(this.mark(false)), json.subarray(1)]), etagOf(`${what}|previous`));
  }
  private mark(current: boolean) {
    return `{"freshness":${JSON.stringify({ dataVersion: this.version, current, computedAt: this.computedAt })},`;
  }
}

export async function cockpitRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cockpit'];
  const cache = new CockpitCache<Answer>();
  // The month a leader lands on (no period asked), per zone, day and data version: judging
  // which month is complete reads the zone's whole history (targets/completeness).
  const landing = new CockpitCache();
  // Read here, judged, checked against the response schema (as the serializer would) and
  // serialised on the judging thread (./judging), so that waiting requests (a marked answer,
  // a cached month) are answered meanwhile. Its ETag names the zone, month, date and data
  // version, so a 304 is never an old answer.
  const compute = (db: ReadDb, zoneId: string, period: string, asOf: string, version: string, clock: Clock) => async () => {
    const rows = await readCockpit(db, zoneId, { period, asOf }, clock);
    return new Answer(await judging.call(rows), version, `${zoneId}|${period}|${asOf}|${version}`);
  };

  // Right after a committed write, the months of the zone people were reading are computed
  // afresh under the new data version, so the next reader finds them ready. One who comes
  // meanwhile waits for it (cache.load) — unless it asks for `previous=marked` (the web does):
  // then, if an answer from before the write is cached, it gets that one at once, marked as
  // not current with its data version and time, while the current one is computed (by the
  // refresh, or started by this read when another process wrote); the web shows the mark and
  // asks again until the answer is current. A reader with no earlier answer waits (cache.read).
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = (zoneId: string) => {
    const keys = cache.keys(`${zoneId}|`).slice(-REFRESHED);
    if (keys.length === 0) return;
    refreshing = refreshing
      .then(async () => {
        const version = await zoneDataVersion(app.handle.db, zoneId);
        for (const key of keys.reverse()) {
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
    await cache.idle();
  });
  api.get(
    '/api/cockpit',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'Every indicator of the zone for a month: value, growth, completion, time progress, colour, units and ranks',
        querystring: z.object({
          period: periodString.optional(),
          asOf: isoDate.optional(),
          previous: z
            .literal('marked')
            .optional()
            .describe('While the answer for the current data is computed, send the previous complete one at once, marked (freshness.current false)'),
        }),
        response: { 200: cockpitAnswer, ...errors },
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
      const computeIt = compute(db, zoneId, period, asOf, version, req.ctx.clock);
      const { body, current } = req.query.previous ? await cache.read(key, version, computeIt) : { body: await cache.load(key, version, computeIt), current: true };
      // Also in headers, for clients that read no body (a 304).
      reply.header('x-data-version', body.version).header('x-data-current', String(current));
      // Sent as serialised and gzipped once, without the per-request schema serialisation.
      return sendJson(req, reply, current ? body.current : body.previous);
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
