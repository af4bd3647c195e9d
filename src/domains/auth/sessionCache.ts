// Sessions and zones' dates and data versions kept in this process, so that a request
// with a known session costs no database round trip (the lookup of ./sessions is one
// statement, and on two cores it costs as much as answering a cached cockpit).
//
// Exactly as strict as the database, given what the database announces (db/changes.ts,
// migrations/0025): every change to a session, a user, a membership, a zone's row or its
// data version is told at commit; within this process before the writing statement
// returns, to other processes once their listener hears it. A told change drops what it
// touches; expiry is checked against the clock here; a lookup whose reading overlapped a
// change, or a feed that may have missed one (its connection down), keeps nothing and
// every lookup then reads the database until the feed listens again.
import type { ChangeFeed } from '../../db/changes';
import type { IsoDate } from '../../shared/calendar';
import type { Actor } from '../../shared/policy';

/** What a session row says, as read with its user and membership (./sessions lookupSession). */
export interface SessionRow {
  userId: string;
  zoneId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  role: Actor['role'];
  unitId: string | null;
  locale: 'zh' | 'en';
}

export interface ZoneRow {
  pinnedDate: IsoDate | null;
  /** The zone's data version (migrations/0008). */
  version: string;
}

/** A Map kept in order of use: the least recently used entry goes when it is full. */
class Lru<V> {
  readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}

export class SessionCache {
  private readonly sessions: Lru<SessionRow>;
  private readonly zones: Lru<ZoneRow>;
  /** Moves with every change and every change of trust: a reading that saw it move keeps nothing. */
  private generation = 0;
  private readonly unsubscribe: () => void;
  /** Lookups answered from memory and from the database (what tests and the bench observe). */
  readonly stats = { hits: 0, reads: 0 };

  constructor(
    private readonly feed: ChangeFeed,
    capacity = 10_000,
  ) {
    this.sessions = new Lru(capacity);
    this.zones = new Lru(Math.max(16, capacity / 10));
    this.unsubscribe = feed.subscribe({
      change: (payload) => this.drop(payload),
      trust: () => this.clear(),
    });
  }

  /** The session and its zone, if both are known and the feed is trusted. */
  get(sessionId: string): { session: SessionRow; zone: ZoneRow } | undefined {
    if (!this.feed.trusted) return undefined;
    const session = this.sessions.get(sessionId);
    const zone = session && this.zones.get(session.zoneId);
    return zone && { session: session!, zone };
  }

  /** Where a database reading starts: pass it to `keep`. */
  mark(): number {
    this.stats.reads++;
    return this.generation;
  }

  /** Keeps what a reading started at `mark` found, unless a change or a loss of trust came meanwhile. */
  keep(mark: number, sessionId: string, session: SessionRow, zone: ZoneRow): void {
    if (mark !== this.generation || !this.feed.trusted) return;
    this.sessions.set(sessionId, session);
    this.zones.set(session.zoneId, zone);
  }

  close(): void {
    this.unsubscribe();
    this.clear();
  }

  get size(): number {
    return this.sessions.map.size;
  }

  private drop(payload: string): void {
    this.generation++;
    const [kind, id] = [payload.slice(0, 2), payload.slice(2)];
    if (kind === 's:') this.sessions.map.delete(id);
    else if (kind === 'z:') this.zones.map.delete(id);
    else if (kind === 'v:') {
      // A data version told with its value: taken as told (notifications come in commit
      // order; the larger wins should two of one transaction arrive), not read again.
      const at = id.lastIndexOf(':');
      const [zoneId, version] = [id.slice(0, at), id.slice(at + 1)];
      const zone = this.zones.map.get(zoneId);
      if (zone && /^\d+$/.test(version) && BigInt(version) > BigInt(zone.version)) this.zones.map.set(zoneId, { ...zone, version });
      else if (zone && !/^\d+$/.test(version)) this.zones.map.delete(zoneId);
    }
    else if (kind === 'u:') {
      for (const [sid, s] of this.sessions.map) if (s.userId === id) this.sessions.map.delete(sid);
    } else this.clear();
  }

  private clear(): void {
    this.generation++;
    this.sessions.map.clear();
    this.zones.map.clear();
  }
}
