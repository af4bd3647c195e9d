// Reads and writes of 督查督办 through TanStack Query. Every key comes from
// `supervisionKeys`; each write invalidates the whole module (lists, counts and
// the task it touched change together).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supervisionApi, type ConfirmItem, type Grouping, type TaskQuery } from './api';

export const supervisionKeys = {
  all: ['supervision'] as const,
  tasks: (q: TaskQuery) => [...supervisionKeys.all, 'tasks', q] as const,
  summary: (by: Grouping, q: object) => [...supervisionKeys.all, 'summary', by, q] as const,
  task: (id: string) => [...supervisionKeys.all, 'task', id] as const,
  requests: (page: number) => [...supervisionKeys.all, 'requests', page] as const,
  documents: (page: number) => [...supervisionKeys.all, 'documents', page] as const,
  document: (id: string) => [...supervisionKeys.all, 'document', id] as const,
  settings: () => [...supervisionKeys.all, 'settings'] as const,
};

export const useTasks = (q: TaskQuery) => useQuery({ queryKey: supervisionKeys.tasks(q), queryFn: () => supervisionApi.tasks(q), placeholderData: keepPreviousData });
export const useSummary = (by: Grouping, q: Omit<TaskQuery, 'page' | 'pageSize'>) =>
  useQuery({ queryKey: supervisionKeys.summary(by, q), queryFn: () => supervisionApi.summary(by, q), placeholderData: keepPreviousData });
export const useTask = (id: string) => useQuery({ queryKey: supervisionKeys.task(id), queryFn: () => supervisionApi.task(id) });
export const useRequests = (page: number) => useQuery({ queryKey: supervisionKeys.requests(page), queryFn: () => supervisionApi.requests(page, 20) });
export const useDocuments = (page: number) => useQuery({ queryKey: supervisionKeys.documents(page), queryFn: () => supervisionApi.documents(page, 20) });
export const useDocument = (id: string) => useQuery({ queryKey: supervisionKeys.document(id), queryFn: () => supervisionApi.document(id) });

export const useSvSettings = () => useQuery({ queryKey: supervisionKeys.settings(), queryFn: supervisionApi.settings });

/** A write of this module: runs `fn`, then refreshes everything of the module. */
export function useSvMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: supervisionKeys.all }) });
}

export const useConfirm = (documentId: string) => useSvMutation((items: ConfirmItem[]) => supervisionApi.confirm(documentId, items));
