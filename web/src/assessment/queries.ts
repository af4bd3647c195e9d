// Reads and writes of 考核 through TanStack Query; every write refreshes the whole module.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { assessmentApi } from './api';

export const assessmentKeys = {
  all: ['assessment'] as const,
  options: () => [...assessmentKeys.all, 'options'] as const,
  schemes: (page: number) => [...assessmentKeys.all, 'schemes', page] as const,
  scheme: (id: string) => [...assessmentKeys.all, 'scheme', id] as const,
  results: (id: string) => [...assessmentKeys.all, 'results', id] as const,
  adjustments: (id: string) => [...assessmentKeys.all, 'adjustments', id] as const,
};

export const useOptions = () => useQuery({ queryKey: assessmentKeys.options(), queryFn: assessmentApi.options, staleTime: 60_000 });
export const useSchemes = (page: number) => useQuery({ queryKey: assessmentKeys.schemes(page), queryFn: () => assessmentApi.schemes(page, 10), placeholderData: keepPreviousData });
export const useScheme = (id: string) => useQuery({ queryKey: assessmentKeys.scheme(id), queryFn: () => assessmentApi.scheme(id) });
export const useResults = (id: string) => useQuery({ queryKey: assessmentKeys.results(id), queryFn: () => assessmentApi.results(id) });
export const useAdjustments = (id: string, enabled: boolean) =>
  useQuery({ queryKey: assessmentKeys.adjustments(id), queryFn: () => assessmentApi.adjustments(id), enabled });

export function useAsMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.all }) });
}
