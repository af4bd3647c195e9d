// The signed-in zone's business date and the periods holding its data
// (GET /api/zone). Every year picker offers `years[domain]` (data years plus the
// current one) and defaults to the zone's date, so no page hides data behind
// the calendar year; a demo zone is pinned where its data ends.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { PickerKind } from '../../../src/domains/system/periodChoices';

export type PeriodDomain = 'projects' | 'attraction' | 'enterprises' | 'plans' | 'figures' | 'assessment' | 'bulletins' | 'supervision';

export interface ZoneInfo {
  code: string;
  name: string;
  demo: boolean;
  /** Set when the zone replays history; null: today in China. */
  pinnedDate: string | null;
  /** The pinned date's version, sent back when changing it (a stale one is refused). */
  version: number;
  /** The zone's working date. */
  today: string;
  firstDataDate: string | null;
  hasData: boolean;
  years: Record<PeriodDomain, number[]>;
  /** Months holding figures plus the current one (the latest ended), newest first. */
  months: string[];
  /** Per picker kind: the periods holding data plus the current one, newest first. */
  periods: Record<PickerKind, string[]>;
  /** What the zone holds yet: a page whose part is empty says what to do first (shell/ZoneEmpty). */
  has: Record<'indicators' | 'targets' | 'approvedFigures' | 'projects' | 'tasks' | 'enterprises' | 'leads' | 'schemes' | 'bulletins', boolean>;
}

export const zoneKey = ['zone'] as const;

export const useZone = () => useQuery({ queryKey: zoneKey, queryFn: () => api.get<ZoneInfo>('/api/zone'), staleTime: 60_000 });

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
