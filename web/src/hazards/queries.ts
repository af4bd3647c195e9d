// Reads and writes of 隐患 through TanStack Query: every key under `hzKeys.all`;
// every write refreshes the whole module (the list, the counts and 清零 change together).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { hazardApi, type HazardFilter } from './api';

export const hzKeys = {
  all: ['hazards'] as const,
  list: (f: object) => [...hzKeys.all, 'list', f] as const,
  one: (id: string) => [...hzKeys.all, 'one', id] as const,
  summary: (p: object) => [...hzKeys.all, 'summary', p] as const,
  units: () => [...hzKeys.all, 'units'] as const,
  campaigns: () => [...hzKeys.all, 'campaigns'] as const,
};

export const useHazards = (f: HazardFilter & { page: number; pageSize: number }) =>
  useQuery({ queryKey: hzKeys.list(f), queryFn: () => hazardApi.list(f), placeholderData: keepPreviousData });
export const useHazard = (id: string) => useQuery({ queryKey: hzKeys.one(id), queryFn: () => hazardApi.get(id) });
/** The counts and 清零 for a period (default: the year to the zone's date); `refetchMs` for a wall that refreshes itself. */
export const useHazardSummary = (p: { from?: string; to?: string } = {}, refetchMs?: number) =>
  useQuery({ queryKey: hzKeys.summary(p), queryFn: () => hazardApi.summary(p), refetchInterval: refetchMs });
export const useHzUnits = () => useQuery({ queryKey: hzKeys.units(), queryFn: hazardApi.units, staleTime: 60_000 });
export const useHzCampaigns = () => useQuery({ queryKey: hzKeys.campaigns(), queryFn: hazardApi.campaigns, staleTime: 60_000 });

/** A write of this module: runs `fn`, then refreshes everything of the module. */
export function useHzMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: hzKeys.all }) });
}
