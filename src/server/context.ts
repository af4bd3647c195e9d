// What a handler gets: the signed-in actor, the user's language, a read-only
// database handle, and `write`, the only way to change data. `write` runs one
// transaction and refuses to commit a change that recorded no audit entry.
import type { Database, ReadDb, Tx } from '../db/client';
export type { ReadDb };
import type { Lang } from '../shared/errors';
import { AppError } from '../shared/errors';
import type { Actor } from '../shared/policy';
import { recordAudit, type AuditEntry } from '../shared/audit';


export type Audit = (entry: AuditEntry) => Promise<void>;

export interface Ctx {
  actor: Actor | null;
  lang: Lang;
  ip: string;
  db: ReadDb;
  write<T>(fn: (tx: Tx, audit: Audit) => Promise<T>): Promise<T>;
}

export interface AuthedCtx extends Ctx {
  actor: Actor;
}

export function makeCtx(db: Database, actor: Actor | null, lang: Lang, ip: string): Ctx {
  return {
    actor,
    lang,
    ip,
    db,
    write: (fn) => writeAudited(db, actor, ip, fn),
  };
}

export async function writeAudited<T>(
  db: Database,
  actor: { zoneId: string; userId: string | null } | null,
  ip: string | null,
  fn: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    let audited = 0;
    const audit: Audit = async (entry) => {
      if (!actor) throw new AppError('auth.required');
      audited++;
      await recordAudit(tx, { zoneId: actor.zoneId, userId: actor.userId, ip }, entry);
    };
    const result = await fn(tx, audit);
    if (audited === 0) throw new Error('a write committed no audit entry');
    return result;
  });
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}
