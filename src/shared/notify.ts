// In-app notifications (to a user, to a unit's accounts, or to the supervisors)
// and, where the zone configures one, a group-robot webhook (DingTalk, WeCom).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../db/client';
import { notifications, zones } from '../db/schema';
import { AppError } from './errors';
import { requireActor } from './policy';
import { errors, idParams, okBody } from './http';
import { postJson, viaFetch, type Outbound } from './outbound';
import { unseal } from './secrets';
import { pageOf, pageQuery, offsetOf } from './pagination';
import type { Actor } from './policy';

export interface NotificationInput {
  zoneId: string;
  userId?: string | null;
  unitId?: string | null;
  kind: string;
  level?: 'info' | 'warning' | 'danger';
  title: string;
  body?: string;
  link?: string | null;
  /** The same key is sent once: repeated scans do not repeat a warning. */
  dedupeKey?: string;
  /** The object it is about; the bell groups repeats on it (notifyGroups.ts). */
  subject?: string | null;
}

/** Records a notification; false when its dedupe key was sent already. */
export async function notify(db: Queryable, n: NotificationInput): Promise<boolean> {
  const rows = await db
    .insert(notifications)
    .values({ ...n, level: n.level ?? 'info', body: n.body ?? '', userId: n.userId ?? null, unitId: n.unitId ?? null, link: n.link ?? null, dedupeKey: n.dedupeKey ?? null })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length === 1;
}

/**
 * Posts a text message to the zone's group robot, if it has one; never throws. The URL
 * is stored sealed (secrets.ts) and goes out only to a public address (outbound.ts).
 * `via` replaces the network in tests: an Outbound (resolver + poster), or a fetch.
 * `to`: a unit's own robot (its stored, sealed URL; notifyEvents.ts) instead of the zone's.
 */
export async function sendWebhook(db: Queryable, zoneId: string, text: string, via?: Outbound | typeof fetch, to?: string): Promise<boolean> {
  let stored = to;
  if (!stored) {
    const [zone] = await db.select({ settings: zones.settings }).from(zones).where(eq(zones.id, zoneId));
    stored = (zone?.settings as { webhookUrl?: string } | undefined)?.webhookUrl;
  }
  if (!stored) return false;
  let url: string;
  try {
    url = unseal(stored);
  } catch {
    return false; // sealed with another key: see docs/security.md
  }
  // Both DingTalk and WeCom robots accept this shape.
  return postJson(url, { msgtype: 'text', text: { content: text } }, typeof via === 'function' ? viaFetch(via) : via);
}

export function mine(actor: Actor): SQL {
  const toSupervisors = ['supervisor', 'leader', 'admin'].includes(actor.role)
    ? and(isNull(notifications.userId), isNull(notifications.unitId))
    : undefined;
  return and(
    eq(notifications.zoneId, actor.zoneId),
    or(eq(notifications.userId, actor.userId), actor.unitId ? eq(notifications.unitId, actor.unitId) : undefined, toSupervisors),
  )!;
}

const notificationBody = z.object({
  id: z.string(),
  kind: z.string(),
  level: z.enum(['info', 'warning', 'danger']),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export async function notificationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  api.get(
    '/api/notifications',
    {
      config: { action: 'self.manage' },
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: pageQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: pageOf(notificationBody).extend({ unread: z.number() }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const where = and(mine(actor), req.query.unread === 'true' ? isNull(notifications.readAt) : undefined);
      const [items, [total], [unread]] = await Promise.all([
        req.ctx.db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(req.query.pageSize).offset(offsetOf(req.query)),
        req.ctx.db.select({ n: count() }).from(notifications).where(where),
        req.ctx.db.select({ n: count() }).from(notifications).where(and(mine(actor), isNull(notifications.readAt))),
      ]);
      return { items, total: total?.n ?? 0, page: req.query.page, pageSize: req.query.pageSize, unread: unread?.n ?? 0 };
    },
  );
  api.post(
    '/api/notifications/:id/read',
    { config: { action: 'self.manage' }, schema: { tags, summary: 'Mark one as read', params: idParams, response: { 200: okBody, ...errors } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      await req.ctx.write(async (tx, audit) => {
        const marked = await tx.update(notifications).set({ readAt: new Date() }).where(and(mine(actor), eq(notifications.id, req.params.id))).returning({ id: notifications.id });
        // Someone else's (or another zone's) notification is not found, not silently "read".
        if (marked.length === 0) throw new AppError('not_found', { entity: 'notification' });
        await audit({ action: 'read', entity: 'notification', entityId: req.params.id });
      });
      return { ok: true as const };
    },
  );
  api.post(
    '/api/notifications/read-all',
    { config: { action: 'self.manage' }, schema: { tags, summary: 'Mark all of mine as read', response: { 200: okBody, ...errors } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      await req.ctx.write(async (tx, audit) => {
        await tx.update(notifications).set({ readAt: sql`now()` }).where(and(mine(actor), isNull(notifications.readAt)));
        await audit({ action: 'read-all', entity: 'notification' });
      });
      return { ok: true as const };
    },
  );
}
