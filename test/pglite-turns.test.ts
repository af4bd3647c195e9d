// PGlite runs each query to its end on the event loop. Reads queued together must leave a
// turn of the loop between them (db/client.ts takingTurns), or a request needing no query
// waits for all of them.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../src/db/client';

describe('PGlite reads take turns with the event loop', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openDatabase({});
  });
  afterAll(() => h.close());

  it('a request arriving while reads are queued runs before the second of them, not after all', async () => {
    const order: string[] = [];
    const read = (n: number) => h.db.execute(sql`SELECT count(*) FROM generate_series(1, 200000) g WHERE g % ${n} = 0`).then(() => order.push(`read ${n}`));
    const reads = [read(1), read(2), read(3), read(4)];
    setImmediate(() => order.push('other request'));
    await Promise.all(reads);
    // Back to back (no turns), the other request came after all four reads had settled.
    expect(order.slice(0, 2)).toContain('other request');
    expect(order.filter((o) => o.startsWith('read'))).toEqual(['read 1', 'read 2', 'read 3', 'read 4']);
  });

  it('a failed read does not stop the reads queued after it', async () => {
    const failed = h.db.execute(sql`SELECT 1 / 0`);
    const after = h.db.execute(sql`SELECT 41 + 1 AS n`);
    await expect(failed).rejects.toThrow();
    const res = (await after) as unknown as { rows: { n: number }[] };
    expect(res.rows[0]!.n).toBe(42);
  });
});
