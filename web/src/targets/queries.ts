// Reads and writes of 指标目标 through TanStack Query. A write refreshes this
// module and the cockpit (its figures change with every approval).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cockpitKeys } from '../cockpit/queries';
import { targetsApi, type FigureState } from './api';

export const targetKeys = {
  all: ['targets'] as const,
  indicators: () => [...targetKeys.all, 'indicators'] as const,
  feedKeys: () => [...targetKeys.all, 'feedKeys'] as const,
  targets: (q: object) => [...targetKeys.all, 'targets', q] as const,
  report: (unitId: string, period: string) => [...targetKeys.all, 'report', unitId, period] as const,
  dekads: (unitId: string, period: string) => [...targetKeys.all, 'dekads', unitId, period] as const,
  figures: (q: object) => [...targetKeys.all, 'figures', q] as const,
  missing: (period: string) => [...targetKeys.all, 'missing', period] as const,
  units: () => [...targetKeys.all, 'units'] as const,
  settings: () => [...targetKeys.all, 'settings'] as const,
  robots: () => [...targetKeys.all, 'robots'] as const,
  campaigns: (page: number) => [...targetKeys.all, 'campaigns', page] as const,
  campaign: (id: string, period?: string) => [...targetKeys.all, 'campaign', id, period ?? ''] as const,
};

export const useIndicators = () => useQuery({ queryKey: targetKeys.indicators(), queryFn: targetsApi.indicators });
/** The counts a system-filled indicator can be bound to: fixed by the server's code, read once. */
export const useFeedKeys = () => useQuery({ queryKey: targetKeys.feedKeys(), queryFn: targetsApi.feedKeys, staleTime: Infinity });
export const useTargets = (q: { year: number; page: number; pageSize: number; indicatorId?: string; unitId?: string }) =>
  useQuery({ queryKey: targetKeys.targets(q), queryFn: () => targetsApi.targets(q), placeholderData: keepPreviousData });
export const useReport = (unitId: string | null, period: string) =>
  useQuery({ queryKey: targetKeys.report(unitId ?? '', period), queryFn: () => targetsApi.report(unitId!, period), enabled: Boolean(unitId) });
export const useDekads = (unitId: string | null, period: string) =>
  useQuery({ queryKey: targetKeys.dekads(unitId ?? '', period), queryFn: () => targetsApi.dekads(unitId!, period), enabled: Boolean(unitId) });
export const useFigures = (q: { period: string; page: number; pageSize: number; state?: FigureState; unitId?: string }) =>
  useQuery({ queryKey: targetKeys.figures(q), queryFn: () => targetsApi.figures(q), placeholderData: keepPreviousData });
export const useMissing = (period: string) => useQuery({ queryKey: targetKeys.missing(period), queryFn: () => targetsApi.missing(period) });
export const useUnits = () => useQuery({ queryKey: targetKeys.units(), queryFn: targetsApi.units, staleTime: 60_000 });
export const useReportSettings = () => useQuery({ queryKey: targetKeys.settings(), queryFn: targetsApi.settings });
export const useRobots = () => useQuery({ queryKey: targetKeys.robots(), queryFn: targetsApi.robots });
export const useCampaigns = (page: number) => useQuery({ queryKey: targetKeys.campaigns(page), queryFn: () => targetsApi.campaigns(page), placeholderData: keepPreviousData });
export const useCampaign = (id: string | null, period?: string) =>
  useQuery({ queryKey: targetKeys.campaign(id ?? '', period), queryFn: () => targetsApi.campaign(id!, period), enabled: Boolean(id) });

/** A write of this module: runs `fn`, then refreshes the module and the cockpit. */
export function useTgMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: targetKeys.all }), qc.invalidateQueries({ queryKey: cockpitKeys.all })]);
    },
  });
}
