import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { roles, users, zones } from '../../db/schema';
import { AppError } from '../../shared/errors';
import { errors, okBody } from '../../shared/http';
import { abilities, actions, type Actor } from '../../shared/policy';
import { requireActor, writeAudited } from '../../server/context';
import { hashPassword, verifyPassword } from './password';
import { findMembership, login, whoAmI } from './service';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { createSession, deleteSession, deleteUserSessions } from './sessions';
import { clearKey, takeAttempt, throttleKeys } from './throttleStore';

const meBody = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    locale: z.enum(['zh', 'en']),
    role: z.enum(roles),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
  }),
  zone: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  zones: z.array(z.object({ code: z.string(), name: z.string() })),
  abilities: z.record(z.enum(actions as [string, ...string[]]), z.boolean()),
  csrfToken: z.string(),
});

export async function authRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const me = async (actor: Actor, csrfToken: string) => {
    const who = await whoAmI(app.handle.db, actor.userId, actor.zoneId);
    return {
      user: {
        id: who.id,
        username: who.username,
        displayName: who.displayName,
        locale: who.locale,
        role: who.role,
        unitId: who.unitId,
        unitName: who.unitName,
      },
      zone: { id: who.zoneId, code: who.zoneCode, name: who.zoneName },
      zones: who.zones,
      abilities: abilities(actor),
      csrfToken,
    };
  };

  api.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: z.object({
          username: z.string().min(1).max(64),
          password: z.string().min(1).max(200),
          zone: z.string().min(1).max(32).optional(),
        }),
        response: { 200: meBody, ...errors, 429: errors[400] },
      },
    },
    async (req, reply) => {
      const s = await login(app.handle.db, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] }, app.clock());
      setSessionCookie(req, reply, s.token, s.expiresAt, s.issuedAt);
      return me(s.actor, s.csrfToken);
    },
  );

  api.get(
    '/api/auth/me',
    { config: { action: 'self.manage' }, schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meBody, ...errors } } },
    async (req) => me(requireActor(req.ctx), req.session!.csrfToken),
  );

  api.get(
    '/api/auth/zones',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Zones one may sign in to (for the sign-in page)',
        response: { 200: z.array(z.object({ code: z.string(), name: z.string() })) },
      },
    },
    async () => app.handle.db.select({ code: zones.code, name: zones.name }).from(zones).orderBy(zones.code),
  );

  api.post(
    '/api/auth/logout',
    { config: { action: 'self.manage' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okBody, ...errors } } },
    async (req, reply) => {
      await req.ctx.write(async (tx, audit) => {
        await deleteSession(tx, req.session!.sessionId);
        await audit({ action: 'logout', entity: 'session', entityId: req.ctx.actor!.userId });
      });
      clearSessionCookie(req, reply);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/auth/zone',
    {
      config: { action: 'self.manage' },
      schema: {
        tags: ['auth'],
        summary: 'Switch to another zone the user belongs to (a new session)',
        body: z.object({ zone: z.string().min(1).max(32) }),
        response: { 200: meBody, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const target = await findMembership(app.handle.db, actor.userId, req.body.zone);
      const s = await writeAudited(app.handle.db, { zoneId: target.zoneId, userId: actor.userId }, req.ip, async (tx, audit) => {
        await deleteSession(tx, req.session!.sessionId);
        await audit({ action: 'switch-zone', entity: 'session', entityId: actor.userId });
        return createSession(tx, actor.userId, target.zoneId, { ip: req.ip, userAgent: req.headers['user-agent'] }, app.clock());
      });
      setSessionCookie(req, reply, s.token, s.expiresAt, s.issuedAt);
      return me({ userId: actor.userId, zoneId: target.zoneId, role: target.role, unitId: target.unitId }, s.csrfToken);
    },
  );

  api.post(
    '/api/auth/password',
    {
      config: { action: 'self.manage' },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (signs out other sessions)',
        body: z.object({ current: z.string().min(1).max(200), next: z.string().min(1).max(200) }),
        response: { 200: okBody, ...errors, 429: errors[400] },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      // Current-password guesses are throttled like sign-ins (a session left open is no free oracle).
      const guesses = throttleKeys.password(actor.userId);
      await takeAttempt(app.handle.db, [guesses], app.clock());
      const [u] = await app.handle.db.select().from(users).where(eq(users.id, actor.userId));
      if (!u || !(await verifyPassword(u.passwordHash, req.body.current))) throw new AppError('auth.wrong_password');
      await clearKey(app.handle.db, guesses);
      const passwordHash = await hashPassword(req.body.next, u.username);
      const s = await req.ctx.write(async (tx, audit) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
        await deleteUserSessions(tx, actor.userId);
        await audit({ action: 'password', entity: 'user', entityId: actor.userId });
        return createSession(tx, actor.userId, actor.zoneId, { ip: req.ip, userAgent: req.headers['user-agent'] }, app.clock());
      });
      setSessionCookie(req, reply, s.token, s.expiresAt, s.issuedAt);
      return { ok: true as const };
    },
  );

  api.put(
    '/api/auth/locale',
    {
      config: { action: 'self.manage' },
      schema: {
        tags: ['auth'],
        summary: 'Set one’s interface language',
        body: z.object({ locale: z.enum(['zh', 'en']) }),
        response: { 200: okBody, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await req.ctx.write(async (tx, audit) => {
        const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.userId));
        await tx.update(users).set({ locale: req.body.locale }).where(eq(users.id, actor.userId));
        await audit({ action: 'update', entity: 'user', entityId: actor.userId, before, after: req.body });
      });
      return { ok: true as const };
    },
  );
}
