// The audit trail: who, when, which entity, before and after, written in the same
// transaction as the change it records.
import type { Tx } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditWho {
  zoneId: string;
  userId: string | null;
  ip?: string | null;
}

export async function recordAudit(tx: Tx, who: AuditWho, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
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
}

// Dates and numerics as the client sees them; password hashes never.
function toJson(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  return JSON.parse(JSON.stringify(v, (k, val: unknown) => (k === 'passwordHash' ? undefined : val)));
}
