// Reads and writes of 项目 through TanStack Query: every key from `projectKeys`;
// every write refreshes the whole module (lists, battle map and the project change together).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { projectsApi, type Filters } from './api';

export const projectKeys = {
  all: ['projects'] as const,
  list: (f: object) => [...projectKeys.all, 'list', f] as const,
  map: (f: Filters) => [...projectKeys.all, 'map', f] as const,
  one: (id: string) => [...projectKeys.all, 'one', id] as const,
  history: (id: string) => [...projectKeys.all, 'history', id] as const,
  options: () => [...projectKeys.all, 'options'] as const,
  units: () => [...projectKeys.all, 'units'] as const,
  loop: (id: string) => [...projectKeys.all, 'loop', id] as const,
  settings: () => [...projectKeys.all, 'settings'] as const,
  templates: () => [...projectKeys.all, 'templates'] as const,
};

export const useProjectList = (f: Filters & { page: number; pageSize: number }) =>
  useQuery({ queryKey: projectKeys.list(f), queryFn: () => projectsApi.list(f), placeholderData: keepPreviousData });
export const useBattleMap = (f: Filters) => useQuery({ queryKey: projectKeys.map(f), queryFn: () => projectsApi.battleMap(f), placeholderData: keepPreviousData });
export const useProject = (id: string) => useQuery({ queryKey: projectKeys.one(id), queryFn: () => projectsApi.get(id) });
export const useHistory = (id: string) => useQuery({ queryKey: projectKeys.history(id), queryFn: () => projectsApi.history(id) });
export const useOptions = () => useQuery({ queryKey: projectKeys.options(), queryFn: projectsApi.options, staleTime: 60_000 });
export const useUnits = () => useQuery({ queryKey: projectKeys.units(), queryFn: projectsApi.units, staleTime: 60_000 });
export const useLoopItem = (id: string | null) => useQuery({ queryKey: projectKeys.loop(id ?? ''), queryFn: () => projectsApi.loopItem(id!), enabled: !!id });

export const useSettings = () => useQuery({ queryKey: projectKeys.settings(), queryFn: projectsApi.settings });
export const useTemplates = () => useQuery({ queryKey: projectKeys.templates(), queryFn: projectsApi.templates });

/** A write of this module: runs `fn`, then refreshes everything of the module. */
export function usePMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }) });
}
