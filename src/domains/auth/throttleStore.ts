// Throttle counters in the database: every key of an attempt is taken in one
// transaction under row locks (in a fixed order, so two attempts cannot deadlock),
// so parallel tries see each other and cannot together exceed a limit.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { authKnownIps, authThrottle } from '../../db/schema';
import { AppError } from '../../shared/errors';
import { POLICIES, step, type ThrottlePolicy, type ThrottleState } from './throttle';

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export const throttleKeys = {
  pair: (username: string, ip: string): ThrottleKey => ({ key: `pair:${username.toLowerCase()}\n${ip}`, policy: POLICIES.pair }),
  user: (username: string): ThrottleKey => ({ key: `user:${username.toLowerCase()}`, policy: POLICIES.user }),
  ip: (ip: string): ThrottleKey => ({ key: `ip:${ip}`, policy: POLICIES.ip }),
  password: (userId: string): ThrottleKey => ({ key: `password:${userId}`, policy: POLICIES.password }),
};

/** Takes one attempt from every key, or none and throws auth.locked / auth.slow_down with the wait. */
export async function takeAttempt(db: Database, keys: ThrottleKey[], now: Date): Promise<void> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  const waitMs = await db.transaction(async (tx) => {
    await tx
      .insert(authThrottle)
      .values(sorted.map((k) => ({ key: k.key, attempts: 0, windowStart: now })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(authThrottle)
      .where(inArray(authThrottle.key, sorted.map((k) => k.key)))
      .orderBy(authThrottle.key)
      .for('update');
    const byKey = new Map(rows.map((r) => [r.key, r as ThrottleState]));
    const steps = sorted.map((k) => ({ k, s: step(byKey.get(k.key) ?? null, now, k.policy) }));
    const refused = steps.map((x) => (x.s.allowed ? 0 : x.s.retryAfterMs));
    // A refused try is not counted anywhere: waiting is never made longer by trying.
    if (refused.some((ms) => ms > 0)) return Math.max(...refused);
    for (const { k, s } of steps) if (s.allowed) await tx.update(authThrottle).set(s.next).where(eq(authThrottle.key, k.key));
    return 0;
  });
  if (waitMs <= 0) return;
  if (waitMs >= 60_000) throw new AppError('auth.locked', { minutes: Math.ceil(waitMs / 60_000) });
  throw new AppError('auth.slow_down', { seconds: Math.ceil(waitMs / 1000) });
}

/** After a success: the key starts afresh. */
export async function clearKey(db: Queryable, k: ThrottleKey): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, k.key));
}

/** After a success: the attempt is given back (shared keys: the address, the username). */
export async function refundKey(db: Queryable, k: ThrottleKey): Promise<void> {
  await db
    .update(authThrottle)
    .set({ attempts: sql`GREATEST(${authThrottle.attempts} - 1, 0)` })
    .where(eq(authThrottle.key, k.key));
}

/** How long an address stays "known" for an account after a successful sign-in from it. */
const KNOWN_DAYS = 30;

export async function isKnownIp(db: Queryable, userId: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - KNOWN_DAYS * 86_400_000);
  const [row] = await db
    .select({ ip: authKnownIps.ip })
    .from(authKnownIps)
    .where(and(eq(authKnownIps.userId, userId), eq(authKnownIps.ip, ip), gt(authKnownIps.lastAt, since)));
  return Boolean(row);
}

export async function rememberIp(db: Queryable, userId: string, ip: string, now: Date): Promise<void> {
  await db
    .insert(authKnownIps)
    .values({ userId, ip, lastAt: now })
    .onConflictDoUpdate({ target: [authKnownIps.userId, authKnownIps.ip], set: { lastAt: now } });
}

/** Drops counters whose window ended a day ago (the scheduler's housekeeping). */
export async function purgeThrottle(db: Database, now: Date): Promise<void> {
  await db.delete(authThrottle).where(sql`${authThrottle.windowStart} < ${new Date(now.getTime() - 86_400_000)}`);
}
