// Committed writes, per zone, for whoever keeps answers derived from a zone's data warm
// (the cockpit refreshes its cached months: src/domains/cockpit/routes.ts). Told after
// the commit, in the process that wrote; other processes see the zone's data version move.
type Listener = (zoneId: string) => void;

const listeners = new Set<Listener>();

/** Calls `listener` after every committed audited write to a zone; returns the unsubscribe. */
export function onZoneWritten(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function zoneWritten(zoneId: string): void {
  for (const l of listeners) l(zoneId);
}
