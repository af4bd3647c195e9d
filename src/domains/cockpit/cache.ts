// Computed cockpits kept per API process. An entry is valid while its zone's data
// version (migrations/0008: bumped at commit by any write the cockpit reads) is the
// one read *before* the cockpit was computed, so a write committed meanwhile can only
// cost a recomputation, never serve stale figures. Other processes' writes move the
// same counter, so every machine of a deployment invalidates alike. A cockpit being
// computed is computed once: readers of the same key and version wait for it (`load`).
// A reader who finds only an answer of an older version gets that one at once, with
// its version, while the current one is computed (`read`); the route marks it as not
// current (./routes), so an old answer is never taken for the fresh one.
import { eq } from 'drizzle-orm';
import type { ReadDb } from '../../db/client';
import { zoneDataVersions } from '../../db/schema';

export async function zoneDataVersion(db: ReadDb, zoneId: string): Promise<string> {
  const [row] = await db.select({ version: zoneDataVersions.version }).from(zoneDataVersions).where(eq(zoneDataVersions.zoneId, zoneId));
  return String(row?.version ?? 0);
}

/** A small LRU of computed answers (serialised bodies); the least recently read entry goes first. */
export class CockpitCache<T = string> {
  private readonly entries = new Map<string, { version: string; body: T }>();
  private readonly flights = new Map<string, { version: string; body: Promise<T> }>();
  constructor(private readonly capacity = 256) {}

  /** The body of `key` at `version`: cached, or computed once however many ask meanwhile. */
  load(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.get(key, version);
    if (hit !== undefined) return Promise.resolve(hit);
    const flying = this.flights.get(key);
    if (flying?.version === version) return flying.body;
    const body = compute().then((b) => {
      this.set(key, version, b);
      return b;
    });
    const settle = () => {
      if (this.flights.get(key)?.body === body) this.flights.delete(key);
    };
    body.then(settle, settle);
    this.flights.set(key, { version, body });
    return body;
  }

  /**
   * The answer of `key` at `version` (or of a newer one) if cached; else, when an answer of an
   * older version is cached, that one at once (`current: false`) while the current one is
   * computed (or joined) in the background; else the current one, waited for.
   */
  async read(key: string, version: string, compute: () => Promise<T>): Promise<{ body: T; version: string; current: boolean }> {
    const e = this.entries.get(key);
    if (e && !olderVersion(e.version, version)) {
      this.touch(key, e);
      return { body: e.body, version: e.version, current: true };
    }
    const fresh = this.load(key, version, compute);
    if (!e) return { body: await fresh, version, current: true };
    fresh.catch(() => undefined); // a failure is the next reader's to retry (see load)
    return { body: e.body, version: e.version, current: false };
  }

  /** Settles once nothing is being computed (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.flights.size > 0) await Promise.allSettled([...this.flights.values()].map((f) => f.body));
  }

  /** Keys cached or being computed that start with `prefix`, most recently read last. */
  keys(prefix: string): string[] {
    return [...new Set([...this.entries.keys(), ...this.flights.keys()])].filter((k) => k.startsWith(prefix));
  }

  /** The entry of `key` at exactly `version`; one of another version stays (the previous answer) until replaced. */
  get(key: string, version: string): T | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    this.touch(key, e);
    return e.body;
  }

  private touch(key: string, e: { version: string; body: T }) {
    this.entries.delete(key);
    this.entries.set(key, e);
  }

  set(key: string, version: string, body: T): void {
    this.entries.delete(key);
    this.entries.set(key, { version, body });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Data versions are the counter's decimal text. */
const olderVersion = (a: string, b: string) => BigInt(a) < BigInt(b);
