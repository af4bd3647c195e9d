// Builds the demo zones from the seeds. A zone that exists already is left as it
// is, so a second start changes nothing; `resetPasswords` (the `demo` command)
// sets every demo account to the password asked for.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { memberships, users, zones, type Role } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { hashPassword, verifyPassword } from '../auth/password';
import { deleteUserSessions } from '../auth/sessions';
import { createUnit } from '../system/units';
import { createUser } from '../system/users';
import { demoStaff, demoZones, type DemoZone } from './zones';
import { seeders } from './seeders';
import { registerFeeds } from '../feedWiring';
import type { Progress } from '../../shared/jobs';
import { enterpriseDemoAccounts } from './enterprises';

export interface DemoAccount {
  username: string;
  role: Role;
  zones: string[];
  unit?: string;
}


export async function buildDemo(
  handle: DbHandle,
  password: string,
  opts: { resetPasswords?: boolean; onProgress?: Progress } = {},
): Promise<{ created: string[]; accounts: DemoAccount[] }> {
  registerFeeds(); // the demo writes through the services, without a server
  const created: string[] = [];
  const steps = demoZones.length * (seeders.length + 1);
  const step = async (done: number, label: string) => opts.onProgress?.((100 * done) / steps, label);
  for (const [z, zone] of demoZones.entries()) {
    const [existing] = await handle.db.select({ id: zones.id }).from(zones).where(eq(zones.code, zone.code));
    if (existing) continue;
    const first = z * (seeders.length + 1);
    await step(first, `${zone.code} units`);
    const zoneId = await createDemoZone(handle, zone, password);
    for (const [i, seed] of seeders.entries()) {
      await step(first + 1 + i, `${zone.code} ${seed.name.replace(/^seed/, '').toLowerCase()}`);
      await seed(handle, zone, zoneId);
    }
    created.push(zone.code);
  }
  await step(steps, 'done');
  const accounts = demoAccounts();
  if (opts.resetPasswords) await resetPasswords(handle, accounts.map((a) => a.username), password);
  return { created, accounts };
}

async function createDemoZone(handle: DbHandle, zone: DemoZone, password: string): Promise<string> {
  const zoneId = randomUUID();
  await writeAudited(handle.db, { zoneId, userId: null }, null, async (tx, audit) => {
    const [z] = await tx
      .insert(zones)
      .values({ id: zoneId, code: zone.code, name: zone.name, settings: { demo: true, year: zone.year }, pinnedDate: zone.pinnedDate })
      .returning();
    await audit({ action: 'create', entity: 'zone', entityId: zoneId, after: z });
    const unitIds = new Map<string, string>();
    for (const [i, u] of zone.units.entries()) {
      const row = await createUnit(tx, audit, zoneId, { code: u.code, name: u.name, kind: u.kind, sortOrder: (i + 1) * 10, active: true });
      unitIds.set(u.code, row.id);
    }
    // An account already made for the other demo zone only gains a membership.
    for (const s of demoStaff) {
      const unitCode = 'unit' in s ? s.unit : s.role === 'viewer' ? zone.viewerUnit : undefined;
      const unitId = unitCode ? unitIds.get(unitCode)! : null;
      await createUser(tx, audit, zoneId, { username: s.username, displayName: s.displayName, password, role: s.role, unitId, locale: 'zh' }, { attachExisting: true });
    }
    for (const u of zone.units) {
      await createUser(tx, audit, zoneId, {
        username: `${zone.prefix}-${u.code}`,
        displayName: `${u.name}填报员`,
        password,
        role: 'reporter',
        unitId: unitIds.get(u.code)!,
        locale: 'zh',
      });
    }
  });
  return zoneId;
}

export function demoAccounts(): DemoAccount[] {
  const all = demoZones.map((z) => z.code);
  const staff: DemoAccount[] = demoStaff.map((s) => ({ username: s.username, role: s.role, zones: all }));
  const reporters = demoZones.flatMap((z) =>
    z.units.map((u) => ({ username: `${z.prefix}-${u.code}`, role: 'reporter' as const, zones: [z.code], unit: u.name })),
  );
  return [...staff, ...reporters, ...enterpriseDemoAccounts];
}

async function resetPasswords(handle: DbHandle, usernames: string[], password: string) {
  const rows = await handle.db
    .select({ id: users.id, hash: users.passwordHash, zoneId: memberships.zoneId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(inArray(users.username, usernames));
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    if (await verifyPassword(r.hash, password)) continue;
    const passwordHash = await hashPassword(password);
    await writeAudited(handle.db, { zoneId: r.zoneId, userId: null }, null, async (tx, audit) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, r.id));
      await deleteUserSessions(tx, r.id);
      await audit({ action: 'password', entity: 'user', entityId: r.id });
    });
  }
}
