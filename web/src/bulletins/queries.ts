// Reads and writes of 通报 through TanStack Query; every write refreshes the whole module.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bulletinsApi } from './api';

export const bulletinKeys = {
  all: ['bulletins'] as const,
  list: (page: number) => [...bulletinKeys.all, 'list', page] as const,
  one: (id: string) => [...bulletinKeys.all, 'one', id] as const,
  charts: (id: string) => [...bulletinKeys.all, 'charts', id] as const,
};

export const useBulletins = (page: number) => useQuery({ queryKey: bulletinKeys.list(page), queryFn: () => bulletinsApi.list(page, 20), placeholderData: keepPreviousData });
export const useBulletin = (id: string) => useQuery({ queryKey: bulletinKeys.one(id), queryFn: () => bulletinsApi.get(id) });
export const useCharts = (id: string) => useQuery({ queryKey: bulletinKeys.charts(id), queryFn: () => bulletinsApi.charts(id), staleTime: Infinity });

export function useBuMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: bulletinKeys.all }) });
}
