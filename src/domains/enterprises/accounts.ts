// Enterprise users: an account with the `enterprise` role, linked to exactly one
// enterprise; it sees that enterprise and its appeals, nothing else.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { enterpriseAccounts, users } from '../../db/schema';
import type { Audit } from '../../server/context';
import type { Actor } from '../../shared/policy';
import { createUser } from '../system/users';
import { loadEnterprise } from './register';

export const accountInput = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{2,64}$/, '2–64 letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(60),
  password: z.string().min(8).max(200),
});

export async function createEnterpriseAccount(tx: Tx, audit: Audit, actor: Actor, enterpriseId: string, input: z.infer<typeof accountInput>, passwordHash?: string) {
  const e = await loadEnterprise(tx, actor.zoneId, enterpriseId);
  const user = await createUser(tx, audit, actor.zoneId, { ...input, role: 'enterprise', unitId: null, locale: 'zh' }, { passwordHash });
  const [link] = await tx.insert(enterpriseAccounts).values({ zoneId: actor.zoneId, userId: user.id, enterpriseId: e.id }).returning();
  await audit({ action: 'create', entity: 'enterprise.account', entityId: link!.id, unitId: e.unitId, after: { ...link, username: user.username } });
  return { id: user.id, username: user.username, displayName: user.displayName };
}

export async function listEnterpriseAccounts(db: ReadDb, zoneId: string, enterpriseId: string) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled })
    .from(enterpriseAccounts)
    .innerJoin(users, eq(users.id, enterpriseAccounts.userId))
    .where(and(eq(enterpriseAccounts.zoneId, zoneId), eq(enterpriseAccounts.enterpriseId, enterpriseId)));
}
