// A brand-new zone: units and the demo staff's memberships, nothing else — no
// indicators, figures, projects, tasks, enterprises or leads. The demo staff accounts
// (admin, leader, supervisor, viewer) are attached with their roles, so tests sign in
// to it with the demo password; `${code}-town1` reports for the first unit.
import { randomUUID } from 'node:crypto';
import { zones } from '../../src/db/schema';
import type { DbHandle } from '../../src/db/client';
import { writeAudited } from '../../src/server/context';
import { createUnit } from '../../src/domains/system/units';
import { createUser } from '../../src/domains/system/users';
import { demoStaff } from '../../src/domains/demo/zones';
import { DEMO_PASSWORD } from './templateNames';

export async function createEmptyZone(handle: DbHandle, code: string, name = '新建经开区'): Promise<string> {
  const zoneId = randomUUID();
  await writeAudited(handle.db, { zoneId, userId: null }, null, async (tx, audit) => {
    const [z] = await tx.insert(zones).values({ id: zoneId, code, name, settings: {} }).returning();
    await audit({ action: 'create', entity: 'zone', entityId: zoneId, after: z });
    const made = new Map<string, string>();
    for (const [i, u] of [
      { code: 'town1', name: '东城街道', kind: 'subdistrict' as const },
      { code: 'town2', name: '西湖镇', kind: 'town' as const },
      { code: 'ducha', name: '督查办', kind: 'department' as const },
    ].entries()) {
      made.set(u.code, (await createUnit(tx, audit, zoneId, { ...u, sortOrder: (i + 1) * 10, active: true })).id);
    }
    for (const s of demoStaff) {
      const unitId = 'unit' in s ? made.get(s.unit)! : s.role === 'viewer' ? made.get('town1')! : null;
      await createUser(tx, audit, zoneId, { username: s.username, displayName: s.displayName, password: DEMO_PASSWORD, role: s.role, unitId, locale: 'zh' }, { attachExisting: true });
    }
    await createUser(tx, audit, zoneId, { username: `${code}-town1`, displayName: '东城街道填报员', password: DEMO_PASSWORD, role: 'reporter', unitId: made.get('town1')!, locale: 'zh' });
  });
  return zoneId;
}
