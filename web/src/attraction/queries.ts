// Reads and writes of 招商 through TanStack Query; every write refreshes the module
// (and the projects module, which a conversion adds to).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { attractionApi, type LeadFilter } from './api';

export const atKeys = {
  all: ['attraction'] as const,
  leads: (f: object) => [...atKeys.all, 'leads', f] as const,
  lead: (id: string) => [...atKeys.all, 'lead', id] as const,
  counts: (year?: number) => [...atKeys.all, 'counts', year] as const,
  units: () => [...atKeys.all, 'units'] as const,
};

export const useLeads = (f: LeadFilter & { page: number; pageSize: number }) =>
  useQuery({ queryKey: atKeys.leads(f), queryFn: () => attractionApi.leads(f), placeholderData: keepPreviousData });
export const useLead = (id: string) => useQuery({ queryKey: atKeys.lead(id), queryFn: () => attractionApi.lead(id) });
export const useCounts = (year?: number) => useQuery({ queryKey: atKeys.counts(year), queryFn: () => attractionApi.counts(year) });
export const useUnits = () => useQuery({ queryKey: atKeys.units(), queryFn: attractionApi.units, staleTime: 60_000 });

export function useAtMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: atKeys.all });
      await qc.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
