// Reads and writes of 企业 through TanStack Query: every key under `entKeys.all`;
// every write refreshes the whole module (register, pools, counts and appeals change together).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { entApi, type AppealCategory, type Filters } from './api';

export const entKeys = {
  all: ['enterprises'] as const,
  list: (f: object) => [...entKeys.all, 'list', f] as const,
  one: (id: string) => [...entKeys.all, 'one', id] as const,
  chains: () => [...entKeys.all, 'chains'] as const,
  units: () => [...entKeys.all, 'units'] as const,
  counts: (year?: number) => [...entKeys.all, 'counts', year] as const,
  pools: (year?: number) => [...entKeys.all, 'pools', year] as const,
  pool: (id: string) => [...entKeys.all, 'pool', id] as const,
  plans: (year?: number) => [...entKeys.all, 'plans', year] as const,
  plan: (id: string) => [...entKeys.all, 'plan', id] as const,
  visits: (f: object) => [...entKeys.all, 'visits', f] as const,
  appeals: (f: object) => [...entKeys.all, 'appeals', f] as const,
  appeal: (id: string) => [...entKeys.all, 'appeal', id] as const,
  stats: (f: object) => [...entKeys.all, 'stats', f] as const,
  my: () => [...entKeys.all, 'my'] as const,
  myAppeals: (f: object) => [...entKeys.all, 'myAppeals', f] as const,
  myAppeal: (id: string) => [...entKeys.all, 'myAppeal', id] as const,
};

export const useEnterpriseList = (f: Filters & { page: number; pageSize: number }) =>
  useQuery({ queryKey: entKeys.list(f), queryFn: () => entApi.list(f), placeholderData: keepPreviousData });
export const useEnterprise = (id: string) => useQuery({ queryKey: entKeys.one(id), queryFn: () => entApi.get(id) });
export const useChains = () => useQuery({ queryKey: entKeys.chains(), queryFn: entApi.chains, staleTime: 60_000 });
export const useUnits = () => useQuery({ queryKey: entKeys.units(), queryFn: entApi.units, staleTime: 60_000 });
export const useCounts = (year?: number) => useQuery({ queryKey: entKeys.counts(year), queryFn: () => entApi.counts(year) });
export const usePools = (year?: number) => useQuery({ queryKey: entKeys.pools(year), queryFn: () => entApi.pools(year) });
export const usePool = (id: string) => useQuery({ queryKey: entKeys.pool(id), queryFn: () => entApi.pool(id) });
export const usePlans = (year?: number) => useQuery({ queryKey: entKeys.plans(year), queryFn: () => entApi.plans(year) });
export const usePlan = (id: string) => useQuery({ queryKey: entKeys.plan(id), queryFn: () => entApi.plan(id) });
export const useVisits = (f: { enterpriseId?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: entKeys.visits(f), queryFn: () => entApi.visits(f), placeholderData: keepPreviousData });
export const useAppeals = (f: { enterpriseId?: string; category?: AppealCategory; open?: 'true' | 'false'; assigneeUnitId?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: entKeys.appeals(f), queryFn: () => entApi.appeals(f), placeholderData: keepPreviousData });
export const useAppeal = (id: string) => useQuery({ queryKey: entKeys.appeal(id), queryFn: () => entApi.appeal(id) });
export const useStats = (f: { from?: string; to?: string }) => useQuery({ queryKey: entKeys.stats(f), queryFn: () => entApi.stats(f) });
export const useMyEnterprise = () => useQuery({ queryKey: entKeys.my(), queryFn: entApi.my });
export const useMyAppeals = (f: { page: number; pageSize: number }) =>
  useQuery({ queryKey: entKeys.myAppeals(f), queryFn: () => entApi.myAppeals(f), placeholderData: keepPreviousData });
export const useMyAppeal = (id: string) => useQuery({ queryKey: entKeys.myAppeal(id), queryFn: () => entApi.myAppeal(id) });

/** A write of this module: runs `fn`, then refreshes everything of the module. */
export function useEntMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: entKeys.all }) });
}
