// Sessions live in the database so any API process can serve any request.
// The cookie holds a random token; the table holds only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { loginFailures, memberships, sessions, users } from '../../db/schema';
import type { Actor } from '../../shared/policy';

export const SESSION_COOKIE = 'gj_session';
export const SESSION_HOURS = 12;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  expiresAt: Date;
  locale: 'zh' | 'en';
}

export async function createSession(
  db: Queryable,
  userId: string,
  zoneId: string,
  meta: { ip: string; userAgent?: string },
  now = new Date(),
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    zoneId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

/** The session behind a cookie token, if live, with the actor it speaks for. */
export async function lookupSession(db: Database, token: string, now = new Date()): Promise<SessionInfo | null> {
  const id = sha256(token);
  const [row] = await db
    .select({
      userId: sessions.userId,
      zoneId: sessions.zoneId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      role: memberships.role,
      unitId: memberships.unitId,
      disabled: users.disabled,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.zoneId, sessions.zoneId)))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!row || row.disabled) return null;
  // Sliding expiry: renew once half the lifetime has passed.
  let expiresAt = row.expiresAt;
  if (expiresAt.getTime() - now.getTime() < (SESSION_HOURS * 3600_000) / 2) {
    expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
  }
  return {
    actor: { userId: row.userId, zoneId: row.zoneId, role: row.role, unitId: row.unitId },
    csrfToken: row.csrfToken,
    sessionId: id,
    expiresAt,
    locale: row.locale,
  };
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Database, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

// Throttling: 5 failures for one username, or 50 from one address, within the window lock it.
export const LOCK_WINDOW_MINUTES = 15;
export const MAX_USER_FAILURES = 5;
export const MAX_IP_FAILURES = 50;

/** Minutes until the lock lifts, or 0 when not locked. */
export async function lockMinutes(db: Database, username: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOCK_WINDOW_MINUTES * 60_000);
  const [row] = await db
    .select({
      byUser: sql<number>`count(*) filter (where ${loginFailures.username} = ${username})::int`,
      byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})::int`,
      oldest: sql<Date | string | null>`min(${loginFailures.at}) filter (where ${loginFailures.username} = ${username})`,
    })
    .from(loginFailures)
    .where(gt(loginFailures.at, since));
  if (!row) return 0;
  if (row.byUser < MAX_USER_FAILURES && row.byIp < MAX_IP_FAILURES) return 0;
  const oldest = row.oldest ? new Date(row.oldest) : now;
  const until = oldest.getTime() + LOCK_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
}

export async function recordFailure(db: Database, username: string, ip: string): Promise<void> {
  await db.insert(loginFailures).values({ username, ip });
}

export async function clearFailures(db: Queryable, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.username, username));
}
