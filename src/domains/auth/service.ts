// Signing in: throttled (throttle.ts, docs/security.md), constant-work for unknown
// users, one session per sign-in.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { memberships, units, users, zones } from '../../db/schema';
import { AppError } from '../../shared/errors';
import type { Actor } from '../../shared/policy';
import { writeAudited } from '../../server/context';
import { dummyHash, verifyPassword } from './password';
import { createSession } from './sessions';
import { clearKey, isKnownIp, purgeThrottle, refundKey, rememberIp, takeAttempt, throttleKeys } from './throttleStore';

export interface LoginInput {
  username: string;
  password: string;
  zone?: string;
}

export async function login(db: Database, input: LoginInput, meta: { ip: string; userAgent?: string }, now = new Date()) {
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  // The attempt is counted before the password is checked, so parallel tries cannot
  // outrun the limit. The slower per-username delay spares addresses the account
  // signed in from before: a stranger's guesses cannot keep its owner out.
  const pair = throttleKeys.pair(input.username, meta.ip);
  const byUser = throttleKeys.user(input.username);
  const byIp = throttleKeys.ip(meta.ip);
  const known = user ? await isKnownIp(db, user.id, meta.ip, now) : false;
  await takeAttempt(db, known ? [pair, byIp] : [pair, byUser, byIp], now);

  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) throw new AppError('auth.invalid_credentials');
  await clearKey(db, pair);
  await refundKey(db, byIp);
  if (!known) await refundKey(db, byUser);
  await purgeThrottle(db, now);
  if (user.disabled) throw new AppError('auth.disabled');

  const zoneRows = await db
    .select({ zoneId: zones.id, code: zones.code, role: memberships.role, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(zones, eq(zones.id, memberships.zoneId))
    .where(eq(memberships.userId, user.id))
    .orderBy(zones.code);
  const zone = input.zone ? zoneRows.find((z) => z.code === input.zone) : zoneRows.length === 1 ? zoneRows[0] : undefined;
  if (!zone) throw new AppError(input.zone || zoneRows.length === 0 ? 'auth.no_membership' : 'auth.zone_required');

  return writeAudited(db, { zoneId: zone.zoneId, userId: user.id }, meta.ip, async (tx, audit) => {
    await rememberIp(tx, user.id, meta.ip, now);
    const session = await createSession(tx, user.id, zone.zoneId, meta, now);
    await audit({ action: 'login', entity: 'session', entityId: user.id });
    const actor: Actor = { userId: user.id, zoneId: zone.zoneId, role: zone.role, unitId: zone.unitId };
    return { ...session, actor };
  });
}

/** Everything the client needs to know about the signed-in user. */
export async function whoAmI(db: Database, userId: string, zoneId: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      locale: users.locale,
      role: memberships.role,
      unitId: memberships.unitId,
      unitName: units.name,
      zoneId: zones.id,
      zoneCode: zones.code,
      zoneName: zones.name,
    })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.zoneId, zoneId)))
    .innerJoin(zones, eq(zones.id, memberships.zoneId))
    .leftJoin(units, eq(units.id, memberships.unitId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('auth.required');
  const zoneList = await db
    .select({ code: zones.code, name: zones.name })
    .from(memberships)
    .innerJoin(zones, eq(zones.id, memberships.zoneId))
    .where(eq(memberships.userId, userId))
    .orderBy(zones.code);
  return { ...row, zones: zoneList };
}

export async function findMembership(db: Database, userId: string, zoneCode: string) {
  const [m] = await db
    .select({ zoneId: zones.id, role: memberships.role, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(zones, eq(zones.id, memberships.zoneId))
    .where(and(eq(memberships.userId, userId), eq(zones.code, zoneCode)));
  if (!m) throw new AppError('auth.no_membership');
  return m;
}
