// The 系统管理 endpoints (src/domains/system/routes.ts) and their shapes.
import { call, type ApiBody, type ApiOk, type ApiQuery } from '../api/contract';

export type Unit = ApiOk<'/api/units'>['items'][number];
export type UnitInput = ApiBody<'/api/units', 'post'>;
export type UnitQuery = ApiQuery<'/api/units'> & { page: number; pageSize: number };
export type User = ApiOk<'/api/users'>['items'][number];
export type UserInput = ApiBody<'/api/users', 'post'>;
export type UserPatch = ApiBody<'/api/users/{id}', 'patch'>;
export type UserQuery = ApiQuery<'/api/users'> & { page: number; pageSize: number };
export type AuditEntry = ApiOk<'/api/audit'>['items'][number];
export type AuditQuery = ApiQuery<'/api/audit'> & { page: number; pageSize: number };

export const systemApi = {
  units: (query: UnitQuery) => call('get', '/api/units', { query }),
  createUnit: (body: UnitInput) => call('post', '/api/units', { body }),
  updateUnit: (id: string, body: ApiBody<'/api/units/{id}', 'patch'>) => call('patch', '/api/units/{id}', { params: { id }, body }),
  deleteUnit: (id: string) => call('delete', '/api/units/{id}', { params: { id } }),

  users: (query: UserQuery) => call('get', '/api/users', { query }),
  createUser: (body: UserInput) => call('post', '/api/users', { body }),
  updateUser: (id: string, body: UserPatch) => call('patch', '/api/users/{id}', { params: { id }, body }),

  audit: (query: AuditQuery) => call('get', '/api/audit', { query }),
  auditEntities: () => call('get', '/api/audit/entities'),
};
