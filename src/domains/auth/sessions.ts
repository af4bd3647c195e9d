// Sessions live in the database so any API process can serve any request.
// The cookie holds a random token; the table holds only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { memberships, sessions, users, zoneDataVersions, zones } from '../../db/schema';
import type { IsoDate } from '../../shared/calendar';
import type { Actor } from '../../shared/policy';
import type { SessionCache, SessionRow, ZoneRow } from './sessionCache';

export const SESSION_COOKIE = 'gj_session';
/** Idle timeout: a session unused this long ends; use renews it. */
export const SESSION_HOURS = 12;
/** Absolute lifetime: however busy, a session ends this long after sign-in. */
export const SESSION_MAX_DAYS = 7;

const HOUR = 3600_000;
const maxAge = (createdAt: Date) => new Date(createdAt.getTime() + SESSION_MAX_DAYS * 24 * HOUR);
/** The idle deadline from `now`, never past the absolute one. */
const deadline = (createdAt: Date, now: Date) => new Date(Math.min(now.getTime() + SESSION_HOURS * HOUR, maxAge(createdAt).getTime()));

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  expiresAt: Date;
  /** The expiry moved with this request: the cookie should be sent again. */
  renewed: boolean;
  locale: 'zh' | 'en';
  /** The zone's pinned working date (shared/zoneClock), read with the session. */
  pinnedDate: IsoDate | null;
  /**
   * The zone's data version (migrations/0008) as this request began, read with the
   * session in the same statement, or known in memory and current up to the changes
   * announced (./sessionCache): before anything of the zone is read, which is what a
   * cached answer is checked against (cockpit/cache.ts) without another round trip.
   */
  zoneDataVersion: string;
}

export async function createSession(
  db: Queryable,
  userId: string,
  zoneId: string,
  meta: { ip: string; userAgent?: string },
  now = new Date(),
): Promise<{ token: string; csrfToken: string; expiresAt: Date; issuedAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = deadline(now, now);
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    zoneId,
    csrfToken,
    createdAt: now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt, issuedAt: now };
}

/**
 * The session behind a cookie token, if live, with the actor it speaks for. With a
 * cache (./sessionCache), a session and zone known in memory cost no round trip; the
 * checks are the same either way.
 */
export async function lookupSession(db: Database, token: string, now = new Date(), cache?: SessionCache): Promise<SessionInfo | null> {
  const id = sha256(token);
  const known = cache?.get(id);
  if (known) {
    const { session, zone } = known;
    // Expired (idle or absolute): refused here as the database would. Due for renewal: the database renews it.
    if (now.getTime() >= session.expiresAt.getTime() || now >= maxAge(session.createdAt)) return null;
    if (!renewalDue(session.expiresAt, now)) {
      cache!.stats.hits++;
      return info(id, session, zone, session.expiresAt, false);
    }
  }
  const mark = cache?.mark() ?? 0;
  const [row] = await db
    .select({
      userId: sessions.userId,
      zoneId: sessions.zoneId,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      role: memberships.role,
      unitId: memberships.unitId,
      disabled: users.disabled,
      locale: users.locale,
      pinnedDate: zones.pinnedDate,
      zoneDataVersion: zoneDataVersions.version,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(zones, eq(zones.id, sessions.zoneId))
    .leftJoin(zoneDataVersions, eq(zoneDataVersions.zoneId, sessions.zoneId))
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.zoneId, sessions.zoneId)))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!row || row.disabled || now >= maxAge(row.createdAt)) return null;
  const zone: ZoneRow = { pinnedDate: row.pinnedDate, version: String(row.zoneDataVersion ?? 0) };
  // Sliding expiry: renew once half the idle time has passed, up to the absolute lifetime.
  if (renewalDue(row.expiresAt, now)) {
    const next = deadline(row.createdAt, now);
    if (next.getTime() > row.expiresAt.getTime()) {
      // The update is announced (migrations/0025): what this reading found is not kept.
      await db.update(sessions).set({ expiresAt: next }).where(eq(sessions.id, id));
      return info(id, row, zone, next, true);
    }
  }
  cache?.keep(mark, id, row, zone);
  return info(id, row, zone, row.expiresAt, false);
}

const renewalDue = (expiresAt: Date, now: Date) => expiresAt.getTime() - now.getTime() < (SESSION_HOURS * HOUR) / 2;

function info(sessionId: string, s: SessionRow, zone: ZoneRow, expiresAt: Date, renewed: boolean): SessionInfo {
  return {
    actor: { userId: s.userId, zoneId: s.zoneId, role: s.role, unitId: s.unitId },
    csrfToken: s.csrfToken,
    sessionId,
    expiresAt,
    renewed,
    locale: s.locale,
    pinnedDate: zone.pinnedDate,
    zoneDataVersion: zone.version,
  };
}

// Through a function with the owner's rights (migrations/0019): a zone's transaction
// sees only its zone's sessions, but switching zones ends the session of the zone
// left, and a new password or a disabled account ends the user's sessions everywhere.
export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.execute(sql`SELECT gongjian_end_sessions(${sessionId}, NULL)`);
}

export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.execute(sql`SELECT gongjian_end_sessions(NULL, ${userId})`);
}

export async function purgeExpiredSessions(db: Database, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
