// The signed-in zone's business date and the periods holding its data
// (GET /api/zone). Every year picker offers `years[domain]` (data years plus the
// current one) and defaults to the zone's date, so no page hides data behind
// the calendar year; a demo zone is pinned where its data ends.
import { useQuery } from '@tanstack/react-query';
import { call, type ApiOk } from '../api/contract';

/** GET /api/zone, as the server's schema states it (src/domains/system/zoneRoutes.ts). */
export type ZoneInfo = ApiOk<'/api/zone'>;
export type PeriodDomain = keyof ZoneInfo['years'];

export const zoneKey = ['zone'] as const;

export const useZone = () => useQuery({ queryKey: zoneKey, queryFn: () => call('get', '/api/zone'), staleTime: 60_000 });

/** The zone's current year, once known. */
export function useZoneYear(): number | undefined {
  const zone = useZone();
  return zone.data ? Number(zone.data.today.slice(0, 4)) : undefined;
}

/** Options for a year picker of one domain; `also` adds a year on show (e.g. the one chosen). */
export function useYearOptions(domain: PeriodDomain, also?: number): { value: number; label: string }[] {
  const zone = useZone();
  const years = new Set(zone.data?.years[domain] ?? []);
  if (also !== undefined) years.add(also);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }));
}
