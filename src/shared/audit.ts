// The audit trail: who, when, which entity, before and after, written in the same
// transaction as the change it records.
import type { Tx } from '../db/client';
import { sql } from 'drizzle-orm';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** How a write records itself: given to the code inside one audited transaction. */
export type Audit = (entry: AuditEntry) => Promise<void>;

export interface AuditWho {
  zoneId: string;
  userId: string | null;
  ip?: string | null;
}

const auditRow = (who: AuditWho, e: AuditEntry) => ({
  zoneId: who.zoneId,
  userId: who.userId,
  ip: who.ip ?? null,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId ?? null,
  unitId: e.unitId ?? null,
  before: toJson(e.before),
  after: toJson(e.after),
});

export async function recordAudit(tx: Tx, who: AuditWho, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(who, e));
}

/**
 * Many entries in one statement, the rows as one JSON parameter (bulk imports:
 * thousands of bound parameters are slow, on PGlite above all). The caller still
 * records one entry through its Audit.
 */
export async function recordAudits(tx: Tx, who: AuditWho, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map((e) => {
    const r = auditRow(who, e);
    return { zone_id: r.zoneId, user_id: r.userId, ip: r.ip, action: r.action, entity: r.entity, entity_id: r.entityId, unit_id: r.unitId, before: r.before, after: r.after };
  });
  await tx.execute(sql`
    INSERT INTO audit_log (zone_id, user_id, ip, action, entity, entity_id, unit_id, before, after)
    SELECT zone_id, user_id, ip, action, entity, entity_id, unit_id, before, after
    FROM json_populate_recordset(NULL::audit_log, ${JSON.stringify(rows)}::json)`);
}

// Dates and numerics as the client sees them; password hashes never.
function toJson(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  return JSON.parse(JSON.stringify(v, (k, val: unknown) => (k === 'passwordHash' ? undefined : val)));
}
