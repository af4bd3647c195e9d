import type { I18n } from '../i18n';
import type { AuditEntry } from './api';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './auditCatalogue';

/** The action in the reader's language; an unknown code (an older entry) as it was stored. */
export const actionLabel = (i18n: Pick<I18n, 'lang'>, action: string) => AUDIT_ACTIONS[action]?.[i18n.lang] ?? action;
export const entityLabel = (i18n: Pick<I18n, 'lang'>, entity: string) => AUDIT_ENTITIES[entity]?.[i18n.lang] ?? entity;

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
