import type { I18n } from '../i18n';
import type { AuditEntry } from './api';

export const actionLabel = (i18n: Pick<I18n, 'tMaybe'>, action: string) => i18n.tMaybe(`auditAction.${action}`, action);
export const entityLabel = (i18n: Pick<I18n, 'tMaybe'>, entity: string) => i18n.tMaybe(`auditEntity.${entity}`, entity);

const colors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  'update+password': 'geekblue',
  delete: 'red',
  login: 'default',
  logout: 'default',
  password: 'purple',
  'switch-zone': 'cyan',
};
export const actionColor = (action: string) => colors[action] ?? 'default';

/** The name of what the entry is about, read from its recorded data (a unit's or user's name). */
export function subjectName(e: Pick<AuditEntry, 'before' | 'after'>): string | null {
  for (const side of [e.after, e.before]) {
    if (side && typeof side === 'object' && !Array.isArray(side)) {
      const r = side as Record<string, unknown>;
      for (const k of ['name', 'displayName', 'username']) if (typeof r[k] === 'string' && r[k]) return r[k] as string;
    }
  }
  return null;
}
