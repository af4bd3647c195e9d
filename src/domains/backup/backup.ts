// A zone's full dump: its zone row, the accounts that belong to it and every row
// of every table carrying zone_id, read in one snapshot. Rows travel as
// PostgreSQL's own JSON text and go back through json_populate_recordset, so
// numerics, timestamps and JSON round-trip exactly on PGlite and PostgreSQL alike.
import { chmodSync, createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { DbHandle } from '../../db/client';
import { loadMigrations, migrate } from '../../db/migrate';
import { AppError } from '../../shared/errors';
import type { Progress } from '../../shared/jobs';

type Conn = Pick<DbHandle, 'exec' | 'query'>;

export const FORMAT = 'gongjian-backup';
/** Transient tables: a restored zone starts with nobody signed in and an empty cockpit cache. */
const SKIP = new Set(['sessions', 'login_failures', 'schema_migrations', 'zone_data_versions']);

interface Header {
  format: typeof FORMAT;
  version: 1;
  zone: string;
  schema: number;
  createdAt: string;
}

/** Zone tables in an order where every referenced table comes first. */
export async function zoneTables(conn: Conn): Promise<string[]> {
  const tables = (
    await conn.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.columns
       WHERE column_name = 'zone_id' AND table_schema = current_schema() ORDER BY table_name`,
    )
  )
    .map((r) => r.t)
    .filter((t) => !SKIP.has(t));
  const edges = await conn.query<{ child: string; parent: string }>(
    `SELECT tc.relname AS child, tp.relname AS parent FROM pg_constraint c
     JOIN pg_class tc ON tc.oid = c.conrelid JOIN pg_class tp ON tp.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = tc.relnamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema() AND tc.relname <> tp.relname`,
  );
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (order.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t && tables.includes(e.parent)) visit(e.parent);
    order.push(t);
  };
  tables.forEach(visit);
  return order;
}

const sections = (tables: string[]) => [
  { table: 'zones', where: 'id = $1' },
  { table: 'users', where: 'id IN (SELECT user_id FROM memberships WHERE zone_id = $1)' },
  ...tables.map((table) => ({ table, where: 'zone_id = $1' })),
];

export async function backupZone(
  handle: DbHandle,
  zoneCode: string,
  file: string,
  onProgress?: Progress,
): Promise<Record<string, number>> {
  // A dump holds every account's password hash: readable by its owner only, also
  // when it overwrites an older, more open file (mode applies only to new files).
  const out = createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  await once(out, 'open');
  chmodSync(file, 0o600);
  const counts: Record<string, number> = {};
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await handle.session(async (conn) => {
    await conn.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const [zone] = await conn.query<{ id: string }>('SELECT id FROM zones WHERE code = $1', [zoneCode]);
      if (!zone) throw new AppError('zone.not_found', { zone: zoneCode });
      const schema = Math.max(...loadMigrations().map((m) => m.version));
      const header: Header = { format: FORMAT, version: 1, zone: zoneCode, schema, createdAt: new Date().toISOString() };
      await write(JSON.stringify(header));
      const all = sections(await zoneTables(conn));
      for (const [i, s] of all.entries()) {
        await onProgress?.((100 * i) / all.length, s.table);
        // Sorting by the row's own text makes two dumps of the same data identical.
        const rows = await conn.query<{ j: string }>(
          `SELECT row_to_json(t)::text AS j FROM "${s.table}" t WHERE ${s.where} ORDER BY 1`,
          [zone.id],
        );
        counts[s.table] = rows.length;
        await write(JSON.stringify({ table: s.table, rows: rows.length }));
        for (const r of rows) await write(r.j);
      }
    } finally {
      await conn.exec('COMMIT');
    }
  });
  out.end();
  await once(out, 'finish');
  await onProgress?.(100, 'done');
  return counts;
}

const BATCH = 500;

/** Restores a dump into a database that does not hold the zone; all or nothing. */
export async function restoreZone(
  handle: DbHandle,
  file: string,
  onProgress?: Progress,
): Promise<{ zone: string; counts: Record<string, number> }> {
  await migrate(handle);
  // Progress is the share of the file's bytes read so far (a dump states no total of rows).
  const input = createReadStream(file, { encoding: 'utf8' });
  const size = statSync(file).size || 1;
  const lines = createInterface({ input, crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    return r.done ? undefined : r.value;
  };
  const header = parseJson<Header>(await next(), 'header');
  if (header.format !== FORMAT || header.version !== 1) throw new AppError('backup.invalid', { reason: 'format' });
  const schema = Math.max(...loadMigrations().map((m) => m.version));
  if (header.schema > schema) throw new AppError('backup.invalid', { reason: `schema ${header.schema} > ${schema}` });

  const counts: Record<string, number> = {};
  await handle.session(async (conn) => {
    await conn.exec('BEGIN');
    try {
      const [exists] = await conn.query('SELECT 1 FROM zones WHERE code = $1', [header.zone]);
      if (exists) throw new AppError('backup.not_empty', { zone: header.zone });
      const known = new Set(['zones', 'users', ...(await zoneTables(conn))]);
      for (let line = await next(); line !== undefined; line = await next()) {
        if (!line.trim()) continue;
        const sec = parseJson<{ table: string; rows: number }>(line, 'section');
        if (!known.has(sec.table)) throw new AppError('backup.invalid', { reason: `unknown table ${sec.table}` });
        await onProgress?.((100 * input.bytesRead) / size, sec.table);
        let batch: string[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const conflict = sec.table === 'users' ? ' ON CONFLICT (id) DO NOTHING' : '';
          await conn.query(
            `INSERT INTO "${sec.table}" OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::"${sec.table}", $1::json)${conflict}`,
            [`[${batch.join(',')}]`],
          );
          batch = [];
        };
        for (let i = 0; i < sec.rows; i++) {
          const row = await next();
          if (row === undefined) throw new AppError('backup.invalid', { reason: `truncated in ${sec.table}` });
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        counts[sec.table] = sec.rows;
      }
      await conn.exec('COMMIT');
      await onProgress?.(100, 'done');
    } catch (err) {
      await conn.exec('ROLLBACK');
      throw err;
    }
  });
  return { zone: header.zone, counts };
}

function parseJson<T>(line: string | undefined, what: string): T {
  try {
    if (line === undefined) throw new Error('missing');
    return JSON.parse(line) as T;
  } catch {
    throw new AppError('backup.invalid', { reason: what });
  }
}
