import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import type { ReadDb } from '../../db/client';
import { auditLog, units, users } from '../../db/schema';
import { offsetOf, paged, type PageQuery } from '../../shared/pagination';

export interface AuditFilter extends PageQuery {
  userId?: string;
  unitId?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: ReadDb, zoneId: string, f: AuditFilter) {
  const where = and(
    eq(auditLog.zoneId, zoneId),
    f.userId ? eq(auditLog.userId, f.userId) : undefined,
    f.unitId ? eq(auditLog.unitId, f.unitId) : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.from ? gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)) : undefined,
    // Days are China Standard Time days; `to` is inclusive.
    f.to ? lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000)) : undefined,
  );
  return paged(
    f,
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        unitId: auditLog.unitId,
        unitName: units.name,
        userId: auditLog.userId,
        username: users.username,
        displayName: users.displayName,
        before: auditLog.before,
        after: auditLog.after,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(units, eq(units.id, auditLog.unitId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(auditLog).where(where),
  );
}

/** Entities that occur in a zone's log, for the filter's choices. */
export async function auditEntities(db: ReadDb, zoneId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).where(eq(auditLog.zoneId, zoneId)).orderBy(auditLog.entity);
  return rows.map((r) => r.entity);
}
