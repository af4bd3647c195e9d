// Reads of 系统管理 through TanStack Query. Every key comes from `systemKeys`, so a
// mutation invalidates exactly what it changed (see mutations.ts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/session';
import { systemApi, type AuditQuery, type UnitQuery, type UserQuery } from './api';

export const systemKeys = {
  all: ['system'] as const,
  units: () => [...systemKeys.all, 'units'] as const,
  unitList: (q: UnitQuery) => [...systemKeys.units(), 'list', q] as const,
  unitOptions: () => [...systemKeys.units(), 'options'] as const,
  users: () => [...systemKeys.all, 'users'] as const,
  userList: (q: UserQuery) => [...systemKeys.users(), 'list', q] as const,
  userOptions: () => [...systemKeys.users(), 'options'] as const,
  audit: () => [...systemKeys.all, 'audit'] as const,
  auditList: (q: AuditQuery) => [...systemKeys.audit(), 'list', q] as const,
  auditEntities: () => [...systemKeys.audit(), 'entities'] as const,
};

export const useUnitList = (q: UnitQuery) =>
  useQuery({ queryKey: systemKeys.unitList(q), queryFn: () => systemApi.units(q), placeholderData: keepPreviousData });

/** Every unit of the zone, for pickers (a zone has tens of units, not thousands). */
export function useUnitOptions() {
  const { can } = useSession();
  return useQuery({
    queryKey: systemKeys.unitOptions(),
    queryFn: () => systemApi.units({ page: 1, pageSize: 500 }).then((p) => p.items),
    enabled: can('zone.read'),
    staleTime: 60_000,
  });
}

export const useUserList = (q: UserQuery) =>
  useQuery({ queryKey: systemKeys.userList(q), queryFn: () => systemApi.users(q), placeholderData: keepPreviousData });

/** Accounts for the audit log's user filter; only for those who may list accounts. */
export function useUserOptions() {
  const { can } = useSession();
  return useQuery({
    queryKey: systemKeys.userOptions(),
    queryFn: () => systemApi.users({ page: 1, pageSize: 500 }).then((p) => p.items),
    enabled: can('user.manage'),
    staleTime: 60_000,
  });
}

export const useAuditList = (q: AuditQuery) =>
  useQuery({ queryKey: systemKeys.auditList(q), queryFn: () => systemApi.audit(q), placeholderData: keepPreviousData });

export const useAuditEntities = () => useQuery({ queryKey: systemKeys.auditEntities(), queryFn: systemApi.auditEntities });
