// Authorization at the router: every /api route names its action, and a route
// whose answer depends on whose record it touches names a scope loader too. The
// server runs both before validation and before the handler (see app.ts), so a
// service never has to remember the unit check (services may repeat it).
import type { FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { units } from '../db/schema';
import type { ReadDb } from '../db/client';
import { AppError } from '../shared/errors';
import { authorize, type Action, type Actor, type Scope } from '../shared/policy';

/**
 * Finds the unit (and named members) of the record a request touches, in the
 * actor's zone; null when there is no such record there (answered 404). It reads
 * the raw request: validation has not run yet.
 */
export interface ScopeLoader {
  /** The entity named in the 404. */
  entity: string;
  load(db: ReadDb, actor: Actor, req: FastifyRequest): Promise<Scope | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A field of the raw params, query or body when it is a well-formed id. */
export function rawId(req: FastifyRequest, from: 'params' | 'query' | 'body', key: string): string | undefined {
  const v = (req[from] as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' && UUID.test(v) ? v : undefined;
}

/**
 * A loader keyed by one id of the request. A missing or malformed id names no
 * record: the scope is "no unit", so only roles allowed regardless of unit pass
 * (and validation then answers 400).
 */
export function scopeBy(entity: string, from: 'params' | 'query' | 'body', key: string, find: (db: ReadDb, zoneId: string, id: string, actor: Actor) => Promise<Scope | null>): ScopeLoader {
  return {
    entity,
    load: async (db, actor, req) => {
      const id = rawId(req, from, key);
      return id ? find(db, actor.zoneId, id, actor) : { unitId: null };
    },
  };
}

/** A unit named in the request (the unit a record is created for): it must be the zone's. */
export const scopeOfUnit = (from: 'query' | 'body', key = 'unitId'): ScopeLoader =>
  scopeBy('unit', from, key, async (db, zoneId, id) => {
    const [u] = await db.select({ id: units.id }).from(units).where(and(eq(units.id, id), eq(units.zoneId, zoneId)));
    return u ? { unitId: u.id } : null;
  });

/** The one check of a route: its action, with the scope its loader finds. */
export async function authorizeRoute(db: ReadDb, actor: Actor, req: FastifyRequest, action: Action, loader?: ScopeLoader): Promise<void> {
  if (!loader) return authorize(actor, action);
  const scope = await loader.load(db, actor, req);
  if (!scope) throw new AppError('not_found', { entity: loader.entity });
  authorize(actor, action, scope);
}
