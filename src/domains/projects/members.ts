// 专班 members and the 包挂领导 checked against the zone (migrations/0023); used by the
// project writes (service.ts) and the task-force writes (taskForce.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { memberships, projectTaskForce, units, users } from '../../db/schema';
import { AppError } from '../../shared/errors';
import { PHONE, type TaskForceMemberInput } from './model';

/** The 包挂领导 must be an account with the leader role in the zone (400 otherwise). */
export async function assertLeader(tx: ReadDb, zoneId: string, userId: string | null | undefined) {
  if (!userId) return;
  const [m] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.zoneId, zoneId), eq(memberships.userId, userId), eq(users.disabled, false)));
  if (m?.role !== 'leader') throw new AppError('project.leader_not_leader');
}

/** Checks every member against the zone: phone format, unit and account of this zone. */
export async function checkMembers(tx: Tx, zoneId: string, members: TaskForceMemberInput[]) {
  for (const m of members) if (m.phone && !PHONE.test(m.phone)) throw new AppError('project.phone_invalid', { phone: m.phone });
  const unitIds = [...new Set(members.map((m) => m.unitId).filter((x): x is string => !!x))];
  if (unitIds.length) {
    const found = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zoneId), inArray(units.id, unitIds)));
    if (found.length !== unitIds.length) throw new AppError('not_found', { entity: 'unit' });
  }
  const userIds = [...new Set(members.map((m) => m.userId).filter((x): x is string => !!x))];
  if (userIds.length) {
    const found = await tx.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.zoneId, zoneId), inArray(memberships.userId, userIds)));
    if (new Set(found.map((f) => f.id)).size !== userIds.length) throw new AppError('not_found', { entity: 'user' });
  }
}

export const linked = (members: { userId?: string | null }[]) => [...new Set(members.map((m) => m.userId).filter((x): x is string => !!x))];

/** Member rows for accounts (a new project given taskForceUserIds): name from the user, role 成员, unit from the membership. */
export async function membersFromUsers(tx: Tx, zoneId: string, userIds: string[]): Promise<TaskForceMemberInput[]> {
  if (!userIds.length) return [];
  const rows = await tx
    .select({ id: users.id, name: users.displayName, unitId: memberships.unitId })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.zoneId, zoneId)))
    .where(inArray(users.id, userIds));
  const by = new Map(rows.map((r) => [r.id, r]));
  return userIds.flatMap((id) => {
    const r = by.get(id);
    return r ? [{ name: r.name.slice(0, 40), role: 'member' as const, unitId: r.unitId, phone: '', userId: id }] : [];
  });
}

/** Inserts member rows for a project (no checks: callers have checked them). */
export async function insertMembers(tx: Tx, zoneId: string, projectId: string, members: TaskForceMemberInput[]) {
  if (!members.length) return [];
  return tx
    .insert(projectTaskForce)
    .values(members.map((m, i) => ({ zoneId, projectId, name: m.name, role: m.role, unitId: m.unitId ?? null, phone: m.phone ?? '', userId: m.userId ?? null, sortOrder: i })))
    .returning();
}

