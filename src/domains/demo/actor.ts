// The demo seeders act as the zone's own accounts (so their writes are authorised and
// audited like a user's): the actor of a demo account in a zone.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { memberships, users } from '../../db/schema';
import type { Actor } from '../../shared/policy';

export async function demoActor(tx: Tx, zoneId: string, username: string): Promise<Actor> {
  const [m] = await tx
    .select({ userId: users.id, role: memberships.role, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.zoneId, zoneId), eq(users.username, username)));
  if (!m) throw new Error(`demo account ${username} missing`);
  return { userId: m.userId, zoneId, role: m.role, unitId: m.unitId };
}

/** A demo step's time on its day: 10:00 in China. */
export const demoAt = (iso: string): Date => new Date(`${iso}T10:00:00+08:00`);
