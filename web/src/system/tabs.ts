// 系统管理's tabs and who sees them: read by the module (which tab opens first) and by
// the page (which tabs to draw), kept apart so neither imports the other.
import type { ModuleContext } from '../shell/moduleTypes';
import type { DictKey } from '../i18n/dict';
import type { Action } from '../api/types';

export interface SystemTab {
  key: 'units' | 'users' | 'audit' | 'zone';
  labelKey: DictKey;
  /** The ability that shows the tab. */
  action: Action;
}

/** Units are readable by everyone in the zone, but the tab belongs to those who administer something. */
export const systemTabs: SystemTab[] = [
  { key: 'units', labelKey: 'system.units', action: 'zone.read' },
  { key: 'users', labelKey: 'system.users', action: 'user.manage' },
  { key: 'audit', labelKey: 'system.audit', action: 'audit.read' },
  { key: 'zone', labelKey: 'zone.tab', action: 'zone.manage' },
];

/** Abilities that make 系统管理 worth showing at all. */
const adminActions: Action[] = ['unit.manage', 'user.manage', 'audit.read'];

export const systemVisible = (ctx: Pick<ModuleContext, 'can'>) => adminActions.some((a) => ctx.can(a));
export const systemTabsFor = (ctx: Pick<ModuleContext, 'can'>) => systemTabs.filter((tab) => ctx.can(tab.action));
