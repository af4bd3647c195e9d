// The 系统管理 endpoints (src/domains/system/routes.ts) and their shapes.
import { api } from '../api/client';
import type { Page, Role, UnitKind } from '../api/types';

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  rankingGroup: string;
  sortOrder: number;
  active: boolean;
  /** Sent back on change: a stale one is refused (409) instead of overwriting another's edit. */
  version: number;
}
export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  rankingGroup?: string;
  sortOrder: number;
  active: boolean;
}
export interface UnitQuery {
  page: number;
  pageSize: number;
  search?: string;
  kind?: UnitKind;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  locale: 'zh' | 'en';
  disabled: boolean;
  role: Role;
  unitId: string | null;
  version: number;
  unitName?: string | null;
  /** Also in a zone the signed-in admin does not administer: only role and unit may change here. */
  shared?: boolean;
  createdAt: string;
}
export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: string | null;
}
export interface UserPatch {
  displayName?: string;
  password?: string;
  role?: Role;
  unitId?: string | null;
  disabled?: boolean;
  version: number;
}
export interface UserQuery {
  page: number;
  pageSize: number;
  search?: string;
  role?: Role;
  unitId?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: string | null;
  unitName: string | null;
  userId: string | null;
  username: string | null;
  displayName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
export interface AuditQuery {
  page: number;
  pageSize: number;
  userId?: string;
  unitId?: string;
  entity?: string;
  from?: string;
  to?: string;
}

export const systemApi = {
  units: (q: UnitQuery) => api.get<Page<Unit>>('/api/units', { ...q }),
  createUnit: (input: UnitInput) => api.post<Unit>('/api/units', input),
  updateUnit: (id: string, patch: Partial<UnitInput> & { version: number }) => api.patch<Unit>(`/api/units/${id}`, patch),
  deleteUnit: (id: string) => api.delete<{ ok: true }>(`/api/units/${id}`),

  users: (q: UserQuery) => api.get<Page<User>>('/api/users', { ...q }),
  createUser: (input: UserInput) => api.post<User>('/api/users', input),
  updateUser: (id: string, patch: UserPatch) => api.patch<User>(`/api/users/${id}`, patch),

  audit: (q: AuditQuery) => api.get<Page<AuditEntry>>('/api/audit', { ...q }),
  auditEntities: () => api.get<string[]>('/api/audit/entities'),
};
