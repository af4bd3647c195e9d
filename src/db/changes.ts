// Committed changes to what API processes keep in memory (sessions, a zone's pinned date
// and data version), as announced by the database (migrations/0025) on one channel.
// PostgreSQL delivers a notification only after its transaction commits, to every
// connection listening on the database, in commit order. Two kinds of listeners:
// - every connection of the pool LISTENs, so a transaction of this process hears its own
//   changes before its COMMIT (or autocommitted statement) returns: within a process a
//   change is seen by the very next request, whoever wrote it;
// - one dedicated connection per process hears everyone's, also while the pool is idle.
//   While it is down, the feed is not trusted: a process may have missed a change, so it
//   must read the database until the connection is back and listening again.
// PGlite is one connection in this process: it hears everything, before the write returns.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export const CHANGES_CHANNEL = 'gongjian_cache';
/** The dedicated listener's application_name (pg_stat_activity). */
export const CHANGES_APPLICATION = 'gongjian-changes';

export interface ChangeListener {
  /** A committed change: `s:<session id>`, `u:<user id>`, `z:<zone id>`, `v:<zone id>:<data version>`, or `*` (everything). */
  change(payload: string): void;
  /** Whether every change committed from now on will be told; on false, changes may have been missed. */
  trust(trusted: boolean): void;
}

export interface ChangeFeed {
  /** Starts listening (PostgreSQL: the dedicated connection) on the first subscriber. */
  subscribe(listener: ChangeListener): () => void;
  readonly trusted: boolean;
}

class Hub implements ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  trusted = false;
  constructor(private readonly start: () => void = () => undefined) {}

  subscribe(listener: ChangeListener): () => void {
    const first = this.listeners.size === 0;
    this.listeners.add(listener);
    if (first) this.start();
    return () => this.listeners.delete(listener);
  }

  emit(payload: string): void {
    for (const l of this.listeners) l.change(payload);
  }

  setTrusted(trusted: boolean): void {
    if (this.trusted === trusted) return;
    this.trusted = trusted;
    for (const l of this.listeners) l.trust(trusted);
  }
}

/** PGlite: its one connection listens; nothing can drop it while the process runs. */
export async function pgliteChanges(client: PGlite): Promise<ChangeFeed> {
  const hub = new Hub();
  await client.listen(CHANGES_CHANNEL, (payload) => hub.emit(payload));
  hub.trusted = true;
  return hub;
}

export interface PostgresChanges {
  feed: ChangeFeed;
  /** The pool's onConnect: the connection LISTENs, and tells what it hears. */
  onConnect(client: pg.ClientBase): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL: the pool's connections and one dedicated connection, reconnected after `retryMs` (doubling to 10 s). */
export function postgresChanges(config: pg.ClientConfig, retryMs = 250): PostgresChanges {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = retryMs;
  const hear = (n: pg.Notification) => {
    if (n.channel === CHANGES_CHANNEL) hub.emit(n.payload ?? '*');
  };
  const connect = () => {
    if (closed) return;
    const c = new pg.Client({ ...config, application_name: CHANGES_APPLICATION });
    client = c;
    let lost = false;
    const drop = () => {
      if (lost) return;
      lost = true;
      hub.setTrusted(false);
      if (client === c) client = null;
      c.end().catch(() => undefined);
      if (closed) return;
      timer = setTimeout(connect, delay);
      timer.unref();
      delay = Math.min(delay * 2, 10_000);
    };
    c.on('error', (err) => {
      if (!closed) console.error(`database notification connection lost: ${err.message}`);
      drop();
    });
    c.on('end', drop);
    c.on('notification', hear);
    c.connect()
      .then(() => c.query(`LISTEN ${CHANGES_CHANNEL}`))
      .then(() => {
        if (lost || closed) return;
        delay = retryMs;
        hub.setTrusted(true);
      })
      .catch(drop);
  };
  const hub = new Hub(connect);
  return {
    feed: hub,
    onConnect: async (c) => {
      c.on('notification', hear);
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    },
    close: async () => {
      closed = true;
      clearTimeout(timer);
      hub.setTrusted(false);
      await client?.end().catch(() => undefined);
    },
  };
}
