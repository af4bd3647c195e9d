// 一项目一专班, 包挂领导 and the zone's service standard (issue 16, part 6; migrations/0023).
// The 专班 is a list of people (name, role, unit, phone, optional account), replaced as a
// whole with the project's version; projects.task_force_user_ids mirrors the linked
// accounts, which the policy's project scope reads (who may record progress). The 包挂领导
// is an account with the leader role in the zone. The service standard (e.g. "五个一"
// 服务制度) is a list of items in the zone's project settings, each checked per project
// with a date, who and a note.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { projects, projectServiceChecks, projectSettings, projectTaskForce, units, users, type ServiceItem } from '../../db/schema';
import type { Audit } from '../../server/context';
import type { IsoDate } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { checkVersion } from '../../shared/input';
import { authorize, type Actor } from '../../shared/policy';
import type { TaskForceMemberInput } from './model';
import { checkMembers, insertMembers, linked } from './members';
import { loadProject, projectScope } from './service';

/** Replaces a project's 专班 (the project's version), audited with the list before and after. */
export async function replaceTaskForce(tx: Tx, audit: Audit, actor: Actor, projectId: string, input: { members: TaskForceMemberInput[]; version: number }) {
  const project = await loadProject(tx, actor.zoneId, projectId, true);
  authorize(actor, 'project.progress', projectScope(project));
  checkVersion(input.version, project.version);
  await checkMembers(tx, actor.zoneId, input.members);
  const before = await tx.select().from(projectTaskForce).where(eq(projectTaskForce.projectId, projectId)).orderBy(asc(projectTaskForce.sortOrder));
  await tx.delete(projectTaskForce).where(eq(projectTaskForce.projectId, projectId));
  const after = await insertMembers(tx, actor.zoneId, projectId, input.members);
  const [row] = await tx
    .update(projects)
    .set({ taskForceUserIds: linked(input.members), updatedAt: new Date(), version: project.version + 1 })
    .where(eq(projects.id, projectId))
    .returning();
  await audit({
    action: 'task_force',
    entity: 'project',
    entityId: projectId,
    unitId: project.responsibleUnitId,
    before: { members: before.map(brief) },
    after: { members: after.map(brief) },
  });
  return row!;
}

const brief = (m: typeof projectTaskForce.$inferSelect) => ({ name: m.name, role: m.role, unitId: m.unitId, phone: m.phone, userId: m.userId });

/** The zone's service standard (empty: the zone has none). */
export async function serviceItemsOf(db: ReadDb, zoneId: string): Promise<ServiceItem[]> {
  const [s] = await db.select({ items: projectSettings.serviceItems }).from(projectSettings).where(eq(projectSettings.zoneId, zoneId));
  return s?.items ?? [];
}

/** Checks (doneOn) or unchecks (null) one item of the standard on a project; the check's own version (0: never checked). */
export async function checkServiceItem(
  tx: Tx,
  audit: Audit,
  actor: Actor,
  projectId: string,
  itemKey: string,
  input: { doneOn: IsoDate | null; note: string; version: number },
  today: IsoDate,
) {
  const project = await loadProject(tx, actor.zoneId, projectId, true);
  authorize(actor, 'project.progress', projectScope(project));
  const items = await serviceItemsOf(tx, actor.zoneId);
  if (!items.some((i) => i.key === itemKey)) throw new AppError('project.service_item_unknown', { key: itemKey });
  if (input.doneOn && input.doneOn > today) throw new AppError('project.future_date', { date: input.doneOn });
  const [before] = await tx
    .select()
    .from(projectServiceChecks)
    .where(and(eq(projectServiceChecks.projectId, projectId), eq(projectServiceChecks.itemKey, itemKey)))
    .for('update');
  checkVersion(input.version, before?.version ?? 0);
  let after: typeof projectServiceChecks.$inferSelect | null = null;
  if (input.doneOn === null) {
    if (before) await tx.delete(projectServiceChecks).where(eq(projectServiceChecks.id, before.id));
  } else if (before) {
    [after] = (await tx
      .update(projectServiceChecks)
      .set({ doneOn: input.doneOn, note: input.note, checkedBy: actor.userId, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(projectServiceChecks.id, before.id))
      .returning()) as [typeof projectServiceChecks.$inferSelect];
  } else {
    [after] = (await tx
      .insert(projectServiceChecks)
      .values({ zoneId: actor.zoneId, projectId, itemKey, doneOn: input.doneOn, note: input.note, checkedBy: actor.userId })
      .returning()) as [typeof projectServiceChecks.$inferSelect];
  }
  await audit({ action: 'service_check', entity: 'project.service_check', entityId: after?.id ?? before?.id ?? projectId, unitId: project.responsibleUnitId, before: before ?? null, after: after ?? { projectId, itemKey, doneOn: null } });
  return { itemKey, checked: after !== null, version: after?.version ?? 0 };
}

/** The 专班 of some projects, in order, with unit names. */
export async function taskForceOf(db: ReadDb, projectIds: string[]) {
  if (!projectIds.length) return new Map<string, TaskForceView[]>();
  const rows = await db
    .select({ m: projectTaskForce, unitName: units.name })
    .from(projectTaskForce)
    .leftJoin(units, eq(units.id, projectTaskForce.unitId))
    .where(inArray(projectTaskForce.projectId, projectIds))
    .orderBy(asc(projectTaskForce.sortOrder), asc(projectTaskForce.createdAt));
  const by = new Map<string, TaskForceView[]>();
  for (const r of rows) {
    const v: TaskForceView = { id: r.m.id, name: r.m.name, role: r.m.role, unitId: r.m.unitId, unitName: r.unitName, phone: r.m.phone, userId: r.m.userId };
    by.set(r.m.projectId, [...(by.get(r.m.projectId) ?? []), v]);
  }
  return by;
}
export interface TaskForceView {
  id: string;
  name: string;
  role: (typeof projectTaskForce.$inferSelect)['role'];
  unitId: string | null;
  unitName: string | null;
  phone: string;
  userId: string | null;
}

/** The standard's items with this project's checks (who checked, when, note). */
export async function serviceChecklist(db: ReadDb, zoneId: string, projectId: string) {
  return (await serviceChecklists(db, zoneId, [projectId])).get(projectId)!;
}

/** The same checklist for several projects at once (the Excel export). */
export async function serviceChecklists(db: ReadDb, zoneId: string, projectIds: string[]) {
  const items = await serviceItemsOf(db, zoneId);
  const checks = projectIds.length
    ? await db
        .select({ c: projectServiceChecks, byName: users.displayName })
        .from(projectServiceChecks)
        .leftJoin(users, eq(users.id, projectServiceChecks.checkedBy))
        .where(and(eq(projectServiceChecks.zoneId, zoneId), inArray(projectServiceChecks.projectId, projectIds)))
    : [];
  const by = new Map(checks.map((c) => [`${c.c.projectId}|${c.c.itemKey}`, c]));
  return new Map(
    projectIds.map((projectId) => [
      projectId,
      items.map((i) => {
        const c = by.get(`${projectId}|${i.key}`);
        return {
          key: i.key,
          name: i.name,
          hint: i.hint ?? null,
          doneOn: c?.c.doneOn ?? null,
          checkedByName: c ? (c.byName ?? null) : null,
          note: c?.c.note ?? '',
          version: c?.c.version ?? 0,
        };
      }),
    ]),
  );
}
