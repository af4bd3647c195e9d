// The signed-in zone: its working date (pinned or today), the periods holding its
// data, and the administrator's control over the pinned date.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/context';
import { isIsoDate } from '../../shared/calendar';
import { errors, isoDate } from '../../shared/http';
import { version } from '../../shared/input';
import { periodDomains, setPinnedDate, zoneInfo, zoneParts, type ZonePart } from './zone';
import { pickerKinds, type PickerKind } from './periodChoices';

const years = z.object(Object.fromEntries(periodDomains.map((d) => [d, z.array(z.number())])) as Record<(typeof periodDomains)[number], z.ZodArray<z.ZodNumber>>);
const zoneBody = z.object({
  code: z.string(),
  name: z.string(),
  demo: z.boolean(),
  pinnedDate: z.string().nullable().describe('The date the zone replays history as of; null: today in China'),
  version: z.number().describe('The pinned date’s version, sent back when changing it'),
  today: z.string().describe("The zone's working date: every business judgement is made as of it"),
  firstDataDate: z.string().nullable(),
  hasData: z.boolean(),
  years: years.describe('Per domain: the years that hold data plus the current one, newest first'),
  months: z.array(z.string()).describe('Months holding figures plus the current one (the latest ended), newest first'),
  periods: z
    .object(Object.fromEntries(pickerKinds.map((k) => [k, z.array(z.string())])) as Record<PickerKind, z.ZodArray<z.ZodString>>)
    .describe('Per picker kind (month, quarter, half, year): the periods holding figures, bulletins or schemes, plus the current one, newest first'),
  has: z
    .object(Object.fromEntries(zoneParts.map((k) => [k, z.boolean()])) as Record<ZonePart, z.ZodBoolean>)
    .describe('What the zone holds yet (indicators, targets, approved figures, projects, tasks, enterprises, leads, schemes, bulletins): a page whose part is empty says what to do first'),
});

export async function zoneRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['system'];

  api.get(
    '/api/zone',
    { config: { action: 'self.manage' }, schema: { tags, summary: "The signed-in zone: its business date and the periods holding its data", response: { 200: zoneBody, ...errors } } },
    async (req) => zoneInfo(req.ctx.db, requireActor(req.ctx).zoneId, req.ctx),
  );

  api.put(
    '/api/zone/pinned-date',
    {
      config: { action: 'zone.manage' },
      schema: {
        tags,
        summary: 'Pin the zone to a business date (a zone replaying history), or clear it (null: today)',
        body: z.object({ pinnedDate: isoDate.refine(isIsoDate, 'not a calendar date').nullable(), version }),
        response: { 200: z.object({ pinnedDate: z.string().nullable(), version: z.number() }), ...errors },
      },
    },
    async (req) => {
      const zoneId = requireActor(req.ctx).zoneId;
      return req.ctx.write((tx, audit) => setPinnedDate(tx, audit, zoneId, req.body.pinnedDate, req.body.version, app.clock));
    },
  );
}
