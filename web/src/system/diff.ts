// Before/after of an audit entry as rows: one per field, marked when it changed.

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  inBefore: boolean;
  inAfter: boolean;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stable comparison of JSON values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return false;
}

/** Names first, then what describes the record, then ids and timestamps; others keep their order. */
const fieldOrder = [
  'name',
  'displayName',
  'username',
  'code',
  'kind',
  'role',
  'unitName',
  'rankingGroup',
  'sortOrder',
  'active',
  'disabled',
  'locale',
];
const lateFields = ['id', 'zoneId', 'unitId', 'userId', 'createdAt', 'updatedAt'];
const rank = (f: string) => {
  const i = fieldOrder.indexOf(f);
  if (i >= 0) return i;
  const j = lateFields.indexOf(f);
  return j >= 0 ? 1000 + j : 500;
};

/** Rows in a readable order: known fields first (see fieldOrder), ids last. */
export const orderRows = (rows: DiffRow[]) => [...rows].sort((a, b) => rank(a.field) - rank(b.field));

/** Rows in the order fields first appear (before, then after). Non-object values become one row. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if ((before != null && !isRecord(before)) || (after != null && !isRecord(after))) {
    return [{ field: '', before, after, inBefore: before != null, inAfter: after != null, changed: !sameValue(before, after) }];
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const inBefore = before != null && field in b;
    const inAfter = after != null && field in a;
    // A field recorded on one side only is a change when both sides were recorded (create/delete show all).
    const changed = inBefore && inAfter ? !sameValue(b[field], a[field]) : true;
    return { field, before: b[field], after: a[field], inBefore, inAfter, changed };
  });
}
