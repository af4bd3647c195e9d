// Reads of the cockpit through TanStack Query.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { cockpitApi } from './api';

export const cockpitKeys = {
  all: ['cockpit'] as const,
  month: (period: string | undefined) => [...cockpitKeys.all, 'month', period ?? 'default'] as const,
  dekads: () => [...cockpitKeys.all, 'dekads'] as const,
  drill: (indicatorId: string, unitId: string | null, year: number) => [...cockpitKeys.all, 'drill', indicatorId, unitId, year] as const,
};

/** The cockpit of a month (the server's default month when none is chosen); `refetchMs` for the big screen. */
export const useCockpit = (period: string | undefined, refetchMs?: number, enabled = true) =>
  useQuery({
    enabled,
    queryKey: cockpitKeys.month(period),
    queryFn: () => cockpitApi.get(period),
    placeholderData: keepPreviousData,
    refetchInterval: refetchMs,
    refetchIntervalInBackground: Boolean(refetchMs),
  });

export const useDrill = (q: { indicatorId: string; unitId: string | null; year: number } | null) =>
  useQuery({
    queryKey: cockpitKeys.drill(q?.indicatorId ?? '', q?.unitId ?? null, q?.year ?? 0),
    queryFn: () => cockpitApi.drill(q!),
    enabled: Boolean(q),
  });
