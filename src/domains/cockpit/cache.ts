// Computed cockpits kept per API process. An entry is valid while its zone's data
// version (migrations/0008: bumped at commit by any write the cockpit reads) is the
// one read *before* the cockpit was computed, so a write committed meanwhile can only
// cost a recomputation, never serve stale figures. Other processes' writes move the
// same counter, so every machine of a deployment invalidates alike.
import { eq } from 'drizzle-orm';
import type { ReadDb } from '../../db/client';
import { zoneDataVersions } from '../../db/schema';

export async function zoneDataVersion(db: ReadDb, zoneId: string): Promise<string> {
  const [row] = await db.select({ version: zoneDataVersions.version }).from(zoneDataVersions).where(eq(zoneDataVersions.zoneId, zoneId));
  return String(row?.version ?? 0);
}

/** A small LRU of serialised bodies; the least recently read entry goes first. */
export class CockpitCache {
  private readonly entries = new Map<string, { version: string; body: string }>();
  constructor(private readonly capacity = 256) {}

  get(key: string, version: string): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.version !== version) return undefined;
    this.entries.set(key, e);
    return e.body;
  }

  set(key: string, version: string, body: string): void {
    this.entries.delete(key);
    this.entries.set(key, { version, body });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
