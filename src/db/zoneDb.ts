// Row-level security (migrations/0019_tenant_rls.sql): the role a zone's work runs as,
// and how a transaction becomes that zone's.
import { sql, type SQL } from 'drizzle-orm';

/** A transaction (db/client.ts Tx), named by what is used of it: client.ts imports this file. */
type Tx = { execute(query: SQL): PromiseLike<unknown> };

export const TENANT_ROLE = 'gongjian_tenant';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The statements that make the current transaction act for one zone (the id is checked, then inlined). */
export function zoneSetupSql(zoneId: string): string {
  if (!UUID.test(zoneId)) throw new Error('not a zone id');
  return `SELECT set_config('role', '${TENANT_ROLE}', true), set_config('app.zone_id', '${zoneId}', true)`;
}

/** Inside a transaction: act as the tenant role of this zone until it ends. */
export async function enterZone(tx: Tx, zoneId: string): Promise<void> {
  if (!UUID.test(zoneId)) throw new Error('not a zone id');
  // set_config('role', …, true) is SET LOCAL ROLE: one round trip for both.
  await tx.execute(sql`SELECT set_config('role', ${TENANT_ROLE}, true), set_config('app.zone_id', ${zoneId}, true)`);
}
