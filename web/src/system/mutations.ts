// Writes of 系统管理. Each one invalidates its own lists and the audit log, which
// gained an entry with it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { systemApi, type UnitInput, type UserInput, type UserPatch } from './api';
import { systemKeys } from './queries';

function useInvalidate(...keys: (readonly unknown[])[]) {
  const qc = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey }))).then(() => undefined);
}

export function useCreateUnit() {
  const onSuccess = useInvalidate(systemKeys.units(), systemKeys.audit());
  return useMutation({ mutationFn: (input: UnitInput) => systemApi.createUnit(input), onSuccess });
}

export function useUpdateUnit() {
  const onSuccess = useInvalidate(systemKeys.units(), systemKeys.users(), systemKeys.audit());
  return useMutation({ mutationFn: (v: { id: string; patch: Partial<UnitInput> & { version: number } }) => systemApi.updateUnit(v.id, v.patch), onSuccess });
}

export function useDeleteUnit() {
  const onSuccess = useInvalidate(systemKeys.units(), systemKeys.audit());
  return useMutation({ mutationFn: (id: string) => systemApi.deleteUnit(id), onSuccess });
}

export function useCreateUser() {
  const onSuccess = useInvalidate(systemKeys.users(), systemKeys.audit());
  return useMutation({ mutationFn: (input: UserInput) => systemApi.createUser(input), onSuccess });
}

export function useUpdateUser() {
  const onSuccess = useInvalidate(systemKeys.users(), systemKeys.audit());
  return useMutation({ mutationFn: (v: { id: string; patch: UserPatch }) => systemApi.updateUser(v.id, v.patch), onSuccess });
}
