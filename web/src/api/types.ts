// Shapes of the server's answers that several domains use.
import type { ApiOk } from './contract';

export const roles = ['admin', 'leader', 'supervisor', 'reporter', 'viewer', 'enterprise'] as const;
export type Role = (typeof roles)[number];

export const unitKinds = ['town', 'subdistrict', 'department', 'enterprise_group', 'area'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Policy actions the server sends as `abilities`; see src/shared/policy.ts. */
export type Action =
  | 'self.manage'
  | 'zone.read'
  | 'unit.manage'
  | 'user.manage'
  | 'zone.manage'
  | 'audit.read'
  | 'unitData.read'
  | 'unitData.write'
  | 'unitData.approve'
  | 'config.write'
  | 'zoneData.read'
  | 'enterprise.read'
  | 'enterprise.manage'
  | 'instruction.write'
  | 'hazard.write';

export type Abilities = Partial<Record<Action, boolean>>;

export interface ZoneRef {
  code: string;
  name: string;
}

/** The signed-in user, the zone and what they may do (GET /api/auth/me). */
export type Me = ApiOk<'/api/auth/me'>;

/** The envelope of every server-paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
