// Reads of the cockpit through TanStack Query.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { cockpitApi } from './api';

export const cockpitKeys = {
  all: ['cockpit'] as const,
  month: (period: string | undefined) => [...cockpitKeys.all, 'month', period ?? 'default'] as const,
  dekads: () => [...cockpitKeys.all, 'dekads'] as const,
  drill: (indicatorId: string, unitId: string | null, year: number) => [...cockpitKeys.all, 'drill', indicatorId, unitId, year] as const,
};

/** While the answer shown is the one from before a write (marked), it is asked for again this often. */
const UNTIL_CURRENT_MS = 1000;

/**
 * The cockpit of a month (the server's default month when none is chosen); `refetchMs` for the
 * big screen. Right after a write the server may answer with the previous complete answer,
 * marked not current (FreshnessMark): asked again every second until it is current.
 */
export const useCockpit = (period: string | undefined, refetchMs?: number, enabled = true) =>
  useQuery({
    enabled,
    queryKey: cockpitKeys.month(period),
    queryFn: () => cockpitApi.get(period),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && !q.state.data.freshness.current ? Math.min(UNTIL_CURRENT_MS, refetchMs ?? UNTIL_CURRENT_MS) : refetchMs),
    refetchIntervalInBackground: Boolean(refetchMs),
  });

export const useDrill = (q: { indicatorId: string; unitId: string | null; year: number } | null) =>
  useQuery({
    queryKey: cockpitKeys.drill(q?.indicatorId ?? '', q?.unitId ?? null, q?.year ?? 0),
    queryFn: () => cockpitApi.drill(q!),
    enabled: Boolean(q),
  });
