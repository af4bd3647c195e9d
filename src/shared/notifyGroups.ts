// The bell's view of notifications: repeats about one object (a task overdue day
// after day, the figures of a month returned one by one) are one entry with their
// count — "督办任务逾期 ×3" — never the same task twice. An object is the
// notification's subject, or else its kind and link; a notification with neither
// stands alone. Also where a unit's own group robot is configured.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb } from '../db/client';
import { notifications, units, unitWebhooks } from '../db/schema';
import { requireActor } from './policy';
import { AppError } from './errors';
import { checkVersion, stillCurrent, version } from './input';
import { errors, okBody } from './http';
import { mine } from './notify';
import { shownWebhook, webhookToStore } from './webhookUrl';
import { offsetOf, pageOf, pageQuery, type PageQuery } from './pagination';
import type { Actor } from './policy';

/** The key repeats share (SQL). */
export const groupKey = sql<string>`coalesce(${notifications.subject}, ${notifications.kind} || '|' || ${notifications.link}, ${notifications.id}::text)`;

const groupBody = z.object({
  key: z.string(),
  id: z.string(),
  kind: z.string(),
  level: z.enum(['info', 'warning', 'danger']),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  /** How many notifications the entry stands for, and how many of them are unread. */
  count: z.number(),
  unread: z.number(),
});

type GroupRow = { key: string; id: string; kind: string; level: 'info' | 'warning' | 'danger'; title: string; body: string; link: string | null; created_at: string | Date; count: number; unread: number };

/** Newest notification of each group, newest groups first, with the unread-group count. */
export async function listGroups(db: ReadDb, actor: Actor, q: PageQuery) {
  const res = await db.execute(sql`
    WITH mine AS (
      SELECT ${groupKey} AS key, ${notifications.id} AS id, ${notifications.kind} AS kind, ${notifications.level} AS level,
             ${notifications.title} AS title, ${notifications.body} AS body, ${notifications.link} AS link,
             ${notifications.createdAt} AS created_at, ${notifications.readAt} AS read_at
        FROM ${notifications} WHERE ${mine(actor)}
    ), grouped AS (
      SELECT *, row_number() OVER (PARTITION BY key ORDER BY created_at DESC, id) AS rn,
             count(*) OVER (PARTITION BY key)::int AS count,
             (count(*) FILTER (WHERE read_at IS NULL) OVER (PARTITION BY key))::int AS unread
        FROM mine
    )
    SELECT key, id, kind, level, title, body, link, created_at, count, unread,
           (count(*) OVER ())::int AS total, (count(*) FILTER (WHERE unread > 0) OVER ())::int AS unread_groups
      FROM grouped WHERE rn = 1
     ORDER BY created_at DESC, id
     LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`);
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as (GroupRow & { total: number; unread_groups: number })[];
  // Past the last page the window counts are gone: count again.
  let total = rows[0]?.total ?? 0;
  let unread = rows[0]?.unread_groups ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const again = await listGroups(db, actor, { ...q, page: 1, pageSize: 1 });
    total = again.total;
    unread = again.unread;
  }
  const items = rows.map((r) => ({ key: r.key, id: r.id, kind: r.kind, level: r.level, title: r.title, body: r.body, link: r.link, createdAt: new Date(r.created_at), count: r.count, unread: r.unread }));
  return { items, total, page: q.page, pageSize: q.pageSize, unread };
}

/** A unit's robot; `version` is sent back to change it (a unit without one reads version 1). */
const webhookBody = z.object({ unitId: z.string(), unitName: z.string(), url: z.string(), version: z.number() });

export async function notificationGroupRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  api.get(
    '/api/notifications/groups',
    {
      config: { action: 'self.manage' },
      schema: {
        tags,
        summary: 'My notifications for the bell: repeats about one object as one entry with its count; unread counts entries',
        querystring: pageQuery,
        response: { 200: pageOf(groupBody).extend({ unread: z.number() }), ...errors },
      },
    },
    async (req) => listGroups(req.ctx.db, requireActor(req.ctx), req.query),
  );
  api.post(
    '/api/notifications/groups/read',
    {
      config: { action: 'self.manage' },
      schema: { tags, summary: 'Mark every notification of one bell entry as read', body: z.object({ key: z.string().min(1).max(300) }), response: { 200: okBody, ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await req.ctx.write(async (tx, audit) => {
        await tx.update(notifications).set({ readAt: new Date() }).where(and(mine(actor), isNull(notifications.readAt), sql`${groupKey} = ${req.body.key}`));
        await audit({ action: 'read-group', entity: 'notification', entityId: req.body.key.slice(0, 200) });
      });
      return { ok: true as const };
    },
  );

  // ------------------------------------------------------------ a unit's group robot
  api.get(
    '/api/notifications/unit-webhooks',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Units with their own group robot (the address is a secret)', response: { 200: z.array(webhookBody), ...errors } } },
    async (req) => {
      const rows = await req.ctx.db
        .select({ unitId: unitWebhooks.unitId, unitName: units.name, url: unitWebhooks.url, version: unitWebhooks.version })
        .from(unitWebhooks)
        .innerJoin(units, eq(units.id, unitWebhooks.unitId))
        .where(eq(unitWebhooks.zoneId, requireActor(req.ctx).zoneId))
        .orderBy(units.sortOrder);
      // the address is a secret: sealed at rest, shown masked
      return rows.map((r) => ({ ...r, url: shownWebhook(r.url) }));
    },
  );
  api.put(
    '/api/notifications/unit-webhooks/:unitId',
    {
      config: { action: 'config.write' },
      schema: {
        tags,
        summary: 'Set (url) or remove (null) a unit’s group robot: returned figures, 交办 and deadline warnings of the unit go there too',
        params: z.object({ unitId: z.uuid() }),
        body: z.object({ url: z.url({ protocol: /^https?$/ }).max(500).nullable(), version }),
        response: { 200: okBody.extend({ version: z.number().describe('The next version to send (1 once removed)') }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const next = await req.ctx.write(async (tx, audit) => {
        const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, actor.zoneId), eq(units.id, req.params.unitId)));
        if (!u) throw new AppError('not_found', { entity: 'unit' });
        const [current] = await tx.select({ url: unitWebhooks.url, version: unitWebhooks.version }).from(unitWebhooks).where(eq(unitWebhooks.unitId, u.id));
        // No robot reads version 1, as the list shows it.
        const read = current?.version ?? 1;
        checkVersion(req.body.version, read);
        const url = req.body.url ? webhookToStore(req.body.url, current?.url) : null;
        // Conditional on the version checked: a save in between (even the unit's first) is stale too.
        let version = 1;
        if (url) {
          const [saved] = await tx
            .insert(unitWebhooks)
            .values({ unitId: u.id, zoneId: actor.zoneId, url, version: read + 1 })
            .onConflictDoUpdate({ target: unitWebhooks.unitId, set: { url, version: read + 1, updatedAt: new Date() }, setWhere: eq(unitWebhooks.version, read) })
            .returning({ version: unitWebhooks.version });
          version = stillCurrent(saved).version;
        } else if (current) {
          stillCurrent((await tx.delete(unitWebhooks).where(and(eq(unitWebhooks.unitId, u.id), eq(unitWebhooks.version, read))).returning({ id: unitWebhooks.unitId }))[0]);
        }
        // The address itself stays out of the audit log: it is a secret.
        await audit({ action: req.body.url ? 'set-webhook' : 'remove-webhook', entity: 'unit', entityId: u.id, unitId: u.id });
        return version;
      });
      return { ok: true as const, version: next };
    },
  );
}
