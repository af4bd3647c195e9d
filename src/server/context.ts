// What a handler gets: the signed-in actor, the user's language, a read-only
// database handle, and `write`, the only way to change data. `write` runs one
// transaction and refuses to commit a change that recorded no audit entry.
import type { Database, ReadDb, Tx } from '../db/client';
export type { ReadDb };
import type { Lang } from '../shared/errors';
import { AppError } from '../shared/errors';
import { requireActor, type Actor } from '../shared/policy';
import { recordAudit, type Audit } from '../shared/audit';
import { today, type Clock, type IsoDate } from '../shared/calendar';
import type { ZoneDate } from '../shared/zoneClock';
import { zoneWritten } from '../shared/zoneWrites';
import type { AuditedWrite } from '../shared/loop/watch';
import { enterZone } from '../db/zoneDb';

// Handlers take these from here with the context they belong to; they live in shared/.
export { requireActor, type Audit };

export interface Ctx {
  actor: Actor | null;
  lang: Lang;
  ip: string;
  db: ReadDb;
  /** The zone's clock for business judgements (pinned date or today); app.clock stays for sessions and audit. */
  clock: Clock;
  /** The zone's working date: its pinned date, or today in China. */
  today: IsoDate;
  /** Set when the zone replays history (e.g. the demo zones). */
  pinnedDate: IsoDate | null;
  write<T>(fn: (tx: Tx, audit: Audit) => Promise<T>): Promise<T>;
}

export interface AuthedCtx extends Ctx {
  actor: Actor;
}

/** `reads`: what handlers read with; for a signed-in actor, the zone's tenant reader (DbHandle.zoneDb). */
export function makeCtx(db: Database, actor: Actor | null, lang: Lang, ip: string, zone: ZoneDate | Clock, reads: ReadDb = db): Ctx {
  const date = typeof zone === 'function' ? { clock: zone, today: today(zone), pinnedDate: null } : zone;
  return {
    actor,
    lang,
    ip,
    db: reads,
    clock: date.clock,
    today: date.today,
    pinnedDate: date.pinnedDate,
    write: (fn) => writeAudited(db, actor, ip, fn),
  };
}

export async function writeAudited<T>(
  db: Database,
  actor: { zoneId: string; userId: string | null } | null,
  ip: string | null,
  fn: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  const result = await db.transaction(async (tx) => {
    // Row-level security (migrations/0019): the whole transaction acts as the tenant
    // role of the actor's zone, so a query that forgets its zone filter sees and
    // writes nothing of another zone. Both settings end with the transaction.
    if (actor) await enterZone(tx, actor.zoneId);
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
  if (actor) zoneWritten(actor.zoneId);
  return result;
}

/** A scheduled job's audited write in one zone: no user, recorded as 'scheduler' (shared/loop/watch.ts takes it as its AuditedWrite). */
export const schedulerWrite: AuditedWrite = (db, zoneId, fn) => writeAudited(db, { zoneId, userId: null }, 'scheduler', fn);
