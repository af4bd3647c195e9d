// Reads and writes of 领导批示 through TanStack Query; every write refreshes every list of them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { instructionsApi, type InstructionQuery } from './api';

export const instructionKeys = {
  all: ['instructions'] as const,
  list: (q: InstructionQuery) => [...instructionKeys.all, 'list', q] as const,
  units: ['instructions', 'units'] as const,
};

export const useInstructions = (q: InstructionQuery, enabled = true) => useQuery({ queryKey: instructionKeys.list(q), queryFn: () => instructionsApi.list(q), enabled });
export const useUnitChoices = (enabled: boolean) => useQuery({ queryKey: instructionKeys.units, queryFn: () => instructionsApi.units(), enabled, staleTime: 60_000 });

export function useInMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: instructionKeys.all }) });
}
