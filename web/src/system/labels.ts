// How 系统管理's codes are shown: kinds, ranking groups and roles in the user's language.
import type { Role, UnitKind } from '../api/types';
import type { I18n } from '../i18n';

export const kindColor: Record<UnitKind, string> = {
  town: 'orange',
  subdistrict: 'volcano',
  department: 'blue',
  enterprise_group: 'purple',
  area: 'cyan',
};

export const roleColor: Record<Role, string> = {
  admin: 'red',
  leader: 'gold',
  supervisor: 'orange',
  reporter: 'blue',
  viewer: 'default',
  enterprise: 'green',
};

/** The two ranking groups the server assigns by default; any other name is shown as written. */
export const rankingGroups = ['territorial', 'functional'] as const;
export const defaultRankingGroup = (kind: UnitKind) => (kind === 'town' || kind === 'subdistrict' ? 'territorial' : 'functional');

export const rankingGroupLabel = (i18n: Pick<I18n, 'tMaybe'>, group: string) => i18n.tMaybe(`group.${group}`, group);
