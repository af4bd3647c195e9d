// One database handle for both engines: PGlite (embedded, a data folder or memory)
// and PostgreSQL (DATABASE_URL). Same Drizzle schema, same SQL, same migrations.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import * as schema from './schema';
import { lockDataFolder } from './folderLock';
import { limits } from '../shared/limits';
import { zoneSetupSql } from './zoneDb';
import { pgliteChanges, postgresChanges, type ChangeFeed } from './changes';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Reads accept either; writes take a Tx so that they always run inside one. */
export type Queryable = Database | Tx;
/** Reads only: selects and relational queries; what a GET handler is given. */
export type ReadDb = Pick<Database, 'select' | 'selectDistinct' | '$count' | 'query' | 'execute'>;

export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  engine: Engine;
  db: Database;
  /** Runs a multi-statement SQL script (migrations, schema set-up). */
  exec(script: string): Promise<void>;
  /** Raw parameterised query, rows as objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Reads as one zone's tenant (row-level security, migrations/0019): each statement
   * runs in a short transaction of its own that first takes the tenant role and sets
   * app.zone_id, so it sees only that zone's rows. What a signed-in request reads with.
   */
  zoneDb(zoneId: string): ReadDb;
  /** Runs fn on one dedicated connection (session-level locks need one). */
  session<T>(fn: (conn: Pick<DbHandle, 'exec' | 'query'>) => Promise<T>): Promise<T>;
  /** Committed changes to sessions, zones' dates and data versions (./changes): what in-memory copies follow. */
  changes: ChangeFeed;
  /** PGlite only: the whole data folder as a tarball (tests clone prepared databases from it). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… for a server; otherwise PGlite. */
  url?: string;
  /** PGlite data folder; undefined means in memory. */
  dataDir?: string;
  /** PostgreSQL only: a schema to work in (tests use a fresh one each). */
  searchPath?: string;
  /** PGlite only: start from this data-folder tarball (see DbHandle.dumpDataDir). */
  loadDataDir?: Blob;
  /** PostgreSQL only: how soon a lost notification connection (./changes) is tried again, in ms (doubling to 10 s). */
  changesRetryMs?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.url) return openPostgres(opts.url, opts.searchPath, opts.changesRetryMs);
  // A data folder is never shared between processes (see ./folderLock).
  const unlock = opts.dataDir ? lockDataFolder(opts.dataDir) : () => undefined;
  let client: PGlite;
  try {
    client = await PGlite.create(opts.dataDir ?? 'memory://', opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  } catch (e) {
    unlock();
    throw e;
  }
  const inTurn = turns();
  const db = drizzlePglite({ client: takingTurns(client, inTurn), schema }) as unknown as Database;
  const changes = await pgliteChanges(client);
  const conn = {
    exec: async (script: string) => {
      await client.exec(script);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
  };
  // One Drizzle instance per zone (a handful), over a client whose every query is a
  // transaction of that zone's tenant. Drizzle only calls `query` for reads.
  const zoneDb = perZone((setup) => {
    const zoneClient = {
      query: (text: string, params?: unknown[], opts?: object) =>
        inTurn(() =>
          client.transaction(async (tx) => {
            await tx.exec(setup);
            return tx.query(text, params, opts);
          }),
        ),
    };
    return drizzlePglite({ client: zoneClient as unknown as PGlite, schema }) as unknown as Database;
  });
  // PGlite is one connection already.
  return {
    engine: 'pglite',
    db,
    zoneDb,
    changes,
    ...conn,
    session: (fn) => fn(conn),
    dumpDataDir: () => client.dumpDataDir('none'),
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * A failed query as it may be logged: the SQL, cut short, and the parameters' count
 * and types, never their values (a parameter can be a megabyte of someone's data).
 */
export function loggableError(err: unknown): unknown {
  if (!(err instanceof DrizzleQueryError)) return err;
  const kinds = err.params.map((p) =>
    p === null || p === undefined ? 'null' : Array.isArray(p) ? 'array' : p instanceof Date ? 'date' : Buffer.isBuffer(p) ? 'bytes' : typeof p,
  );
  const sqlText = err.query.length > limits.logSqlChars ? `${err.query.slice(0, limits.logSqlChars)}…` : err.query;
  const cause = err.cause as { message?: string; code?: string } | undefined;
  const safe = new Error(
    `Failed query: ${sqlText} [${kinds.length} parameters: ${kinds.join(', ').slice(0, 200)}]` +
      (cause?.message ? ` — ${cause.message.slice(0, limits.logSqlChars)}` : ''),
  );
  safe.name = 'DrizzleQueryError';
  // Keep where it happened: the original stack without its message (which holds the values).
  const frames = (err.stack ?? '').split('\n').filter((l) => l.startsWith('    at ') && l.length < 300);
  safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join('\n');
  return Object.assign(safe, cause?.code ? { code: cause.code } : {});
}

/**
 * Runs PGlite's reads one at a time, each after a turn of the event loop. PGlite runs a
 * query to its end on this thread (WASM: nothing to wait on), and queries queued together
 * (the cockpit's nine, ~30–90 ms in all) ran back to back, holding every request behind
 * them, even one answered from memory (a cached or marked answer). With a turn before each,
 * such a request waits for one query at most. A zone reader's read (a short transaction of
 * its own) is queued too; a writer's transaction is not (the connection is its own until it
 * ends; PGlite makes any read issued meanwhile wait for it, queued here or not).
 */
function turns(): <T>(read: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (read) => {
    const mine = last.then(() => nextTurn()).then(read);
    last = mine.catch(() => undefined);
    return mine;
  };
}

/** PGlite whose `query` (what Drizzle calls outside a transaction) takes its turn (`turns`). */
function takingTurns(client: PGlite, inTurn: ReturnType<typeof turns>): PGlite {
  const query = (...args: Parameters<PGlite['query']>) => inTurn(() => client.query(...args));
  return new Proxy(client, {
    // PGlite's methods use private fields: called on the client itself, not on the proxy.
    get: (target, key) => {
      if (key === 'query') return query;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** A cache of one reader per zone: zones are few, and a reader holds no connection. */
function perZone(make: (setupSql: string) => Database): (zoneId: string) => ReadDb {
  const readers = new Map<string, ReadDb>();
  return (zoneId) => {
    let reader = readers.get(zoneId);
    if (!reader) {
      reader = make(zoneSetupSql(zoneId));
      readers.set(zoneId, reader);
    }
    return reader;
  };
}

async function openPostgres(url: string, searchPath?: string, changesRetryMs?: number): Promise<DbHandle> {
  const config = { connectionString: url, ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}) };
  const changes = postgresChanges(config, changesRetryMs);
  const pool = new pg.Pool({
    ...config,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    // pg-pool awaits it before handing the connection out (its types say void).
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: changes.onConnect,
  });
  // A connection the server drops (restart, failover, an administrator) must not end the
  // process: the query using it fails with the error, the pool replaces it, and we log it.
  // pg only listens for this on idle connections, so every connection gets a listener.
  const lost = (err: Error) => console.error(`database connection lost: ${err.message}`);
  pool.on('connect', (client) => client.on('error', lost));
  pool.on('error', () => undefined); // an idle connection's error: already logged by `lost`
  if (searchPath) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${searchPath}"`);
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  // As for PGlite: every query of a zone's reader is a transaction of that zone's tenant,
  // on a connection of the pool (BEGIN and the settings in one round trip).
  const zoneDb = perZone((setup) => {
    const zoneClient = {
      query: async (...args: Parameters<pg.PoolClient['query']>) => {
        const c = await pool.connect();
        let broken: Error | undefined;
        try {
          await c.query(`BEGIN; ${setup}`);
          const result = await (c.query as (...a: unknown[]) => Promise<unknown>)(...args);
          await c.query('COMMIT');
          return result;
        } catch (e) {
          await c.query('ROLLBACK').catch((err: Error) => (broken = err));
          throw e;
        } finally {
          c.release(broken);
        }
      },
    };
    return drizzlePg({ client: zoneClient as unknown as pg.Pool, schema }) as unknown as Database;
  });
  return {
    engine: 'postgres',
    db,
    zoneDb,
    changes: changes.feed,
    exec: async (script) => {
      await pool.query(script);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    session: async (fn) => {
      const c = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await c.query(script);
          },
          query: async <T>(text: string, params: unknown[] = []) => (await c.query(text, params)).rows as T[],
        });
      } finally {
        c.release();
      }
    },
    close: async () => {
      await changes.close();
      await pool.end();
    },
  };
}
