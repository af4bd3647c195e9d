// Feeds that a write in another domain sets off, named here and wired in one place
// (domains/feedWiring.ts). A writer (projects) calls `feedChanged('attraction', …)`
// or `feedChanged('projects', …)` without importing the module that counts it,
// which imports the writer back.
import type { Tx } from '../../db/client';
import type { Audit } from '../../shared/audit';
import type { IsoDate } from '../../shared/calendar';

/** Re-syncs a feed's indicators for the years of `dates` (the dates before and after a write). */
export type FeedTrigger = (tx: Tx, audit: Audit, zoneId: string, dates: (IsoDate | null | undefined)[], today: IsoDate) => Promise<number>;
export type FeedName = 'attraction' | 'projects';

const triggers = new Map<FeedName, FeedTrigger>();

export function registerFeedTrigger(name: FeedName, trigger: FeedTrigger): void {
  triggers.set(name, trigger);
}

/** A missing trigger is a wiring mistake, never a count silently left stale. */
export function feedChanged(name: FeedName, ...args: Parameters<FeedTrigger>): Promise<number> {
  const trigger = triggers.get(name);
  if (!trigger) throw new Error(`feed '${name}' has no trigger: call registerFeeds() (domains/feedWiring.ts) at start-up`);
  return trigger(...args);
}
