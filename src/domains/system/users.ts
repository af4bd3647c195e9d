// Accounts and their membership in a zone. Used by the admin pages, the CLI and the demo.
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { memberships, roles, units, users, type Role } from '../../db/schema';
import type { Audit } from '../../server/context';
import { AppError } from '../../shared/errors';
import { checkVersion, version } from '../../shared/input';
import { offsetOf, paged, type PageQuery } from '../../shared/pagination';
import { hashPassword } from '../auth/password';
import { deleteUserSessions } from '../auth/sessions';

export const userInput = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{2,64}$/, '2–64 letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(60),
  password: z.string().min(1).max(200),
  role: z.enum(roles),
  unitId: z.uuid().nullable().default(null),
  locale: z.enum(['zh', 'en']).default('zh'),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z.object({
  displayName: z.string().trim().min(1).max(60).optional(),
  password: z.string().min(1).max(200).optional(),
  role: z.enum(roles).optional(),
  unitId: z.uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  version,
});
/** The CLI (an operator at the console) changes an account without a version. */
export type UserPatch = Omit<z.infer<typeof userPatch>, 'version'> & { version?: number };

const UNIT_BOUND: Role[] = ['reporter', 'viewer'];

async function checkUnit(tx: Tx, zoneId: string, role: Role, unitId: string | null) {
  if (UNIT_BOUND.includes(role) && !unitId) {
    throw new AppError('validation.failed', { fields: 'unitId: required for this role / 该角色须指定单位' });
  }
  if (unitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.zoneId, zoneId)));
    if (!u) throw new AppError('not_found', { entity: 'unit' });
  }
}

const present = (u: typeof users.$inferSelect, m: typeof memberships.$inferSelect) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  locale: u.locale,
  disabled: u.disabled,
  version: u.version,
  role: m.role,
  unitId: m.unitId,
  createdAt: u.createdAt,
});

/**
 * Creates the account. Usernames are global, so a name taken anywhere is refused with
 * the same conflict whichever zone holds it: nothing is attached and nothing about the
 * other account is told. Only the server-side operator (CLI, demo) passes
 * `attachExisting` to add an existing account to this zone.
 */
export async function createUser(
  tx: Tx,
  audit: Audit,
  zoneId: string,
  input: UserInput,
  opts: { passwordHash?: string; attachExisting?: boolean } = {},
) {
  await checkUnit(tx, zoneId, input.role, input.unitId);
  let [user] = await tx.select().from(users).where(eq(users.username, input.username));
  if (user) {
    const [m] = await tx.select().from(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.zoneId, zoneId)));
    if (m || !opts.attachExisting) throw new AppError('conflict.duplicate', { entity: 'user', value: input.username });
  } else {
    [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        locale: input.locale,
        passwordHash: opts.passwordHash ?? (await hashPassword(input.password, input.username)),
      })
      .returning();
  }
  const [m] = await tx
    .insert(memberships)
    .values({ zoneId, userId: user!.id, role: input.role, unitId: input.unitId })
    .returning();
  const after = present(user!, m!);
  await audit({ action: 'create', entity: 'user', entityId: user!.id, unitId: input.unitId, after });
  return after;
}

/** Who changes an account: an admin signed in (by user id), or the server-side operator. */
export type Authority = { userId: string } | 'operator';

/** The fields of a patch that belong to the membership in this zone; all others change the global account. */
const MEMBERSHIP_FIELDS = new Set<string>(['role', 'unitId']);

/**
 * Accounts that belong to several zones are managed only by an authority over all of
 * them: true when the account is in a zone where `adminId` holds no admin membership.
 */
export async function sharedBeyond(db: ReadDb, adminId: string, userId: string): Promise<boolean> {
  // A function with the owner's rights (migrations/0019): row-level security shows a
  // zone's transaction only its own zone's memberships, and this looks at all of them.
  const res = await db.execute(sql`SELECT gongjian_shared_beyond(${adminId}, ${userId}) AS shared`);
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { shared: boolean }[];
  return Boolean(rows[0]?.shared);
}

export async function updateUser(tx: Tx, audit: Audit, zoneId: string, userId: string, patch: UserPatch, by: Authority) {
  const [row] = await tx
    .select({ u: users, m: memberships })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.zoneId, zoneId)))
    .where(eq(users.id, userId))
    .for('update', { of: users });
  if (!row) throw new AppError('not_found', { entity: 'user' });
  const { version: given, ...fields } = patch;
  if (given !== undefined) checkVersion(given, row.u.version);
  const before = present(row.u, row.m);
  // Deny by default: any field that is not the membership's and differs from the account's
  // current value is a change to the global account.
  const current = row.u as Record<string, unknown>;
  const touchesAccount = Object.entries(fields).some(
    ([k, v]) => v !== undefined && !MEMBERSHIP_FIELDS.has(k) && (k === 'password' || v !== current[k]),
  );
  if (touchesAccount && by !== 'operator' && (await sharedBeyond(tx, by.userId, userId))) throw new AppError('user.shared_account');
  const role = patch.role ?? row.m.role;
  const unitId = patch.unitId !== undefined ? patch.unitId : row.m.unitId;
  await checkUnit(tx, zoneId, role, unitId);
  const [u] = await tx
    .update(users)
    .set({
      displayName: patch.displayName ?? row.u.displayName,
      disabled: patch.disabled ?? row.u.disabled,
      ...(patch.password ? { passwordHash: await hashPassword(patch.password, row.u.username) } : {}),
      version: row.u.version + 1,
    })
    .where(eq(users.id, userId))
    .returning();
  const [m] = await tx.update(memberships).set({ role, unitId }).where(eq(memberships.id, row.m.id)).returning();
  // A new password, a new role or a disabled account ends the sessions in flight.
  if (patch.password || patch.disabled || role !== row.m.role || unitId !== row.m.unitId) await deleteUserSessions(tx, userId);
  const after = present(u!, m!);
  await audit({ action: patch.password ? 'update+password' : 'update', entity: 'user', entityId: userId, unitId, before, after });
  return after;
}

export async function listUsers(db: ReadDb, actor: { zoneId: string; userId: string }, q: PageQuery & { search?: string; role?: Role; unitId?: string }) {
  const zoneId = actor.zoneId;
  const where = and(
    eq(memberships.zoneId, zoneId),
    q.role ? eq(memberships.role, q.role) : undefined,
    q.unitId ? eq(memberships.unitId, q.unitId) : undefined,
    q.search ? or(ilike(users.username, `%${q.search}%`), ilike(users.displayName, `%${q.search}%`)) : undefined,
  );
  const page = await paged(
    q,
    db
      .select({
        u: users,
        m: memberships,
        unitName: units.name,
        // The account is also in a zone the signed-in admin does not administer (see sharedBeyond).
        shared: sql<boolean>`gongjian_shared_beyond(${actor.userId}, ${users.id})`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(units, eq(units.id, memberships.unitId))
      .where(where)
      .orderBy(asc(memberships.role), asc(users.username))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(where),
  );
  return { ...page, items: page.items.map((r) => ({ ...present(r.u, r.m), unitName: r.unitName, shared: Boolean(r.shared) })) };
}

export async function findUserIdInZone(db: ReadDb, zoneId: string, username: string): Promise<string> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.zoneId, zoneId)))
    .where(eq(users.username, username));
  if (!row) throw new AppError('not_found', { entity: `user ${username}` });
  return row.id;
}
