import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts a server error on the form field it is about, when that can be told:
 * a duplicate names the value, a weak password is the password's, a missing unit the unit's.
 * Returns false when the error belongs to the form as a whole.
 */
export function applyServerError(form: FormInstance, err: unknown, duplicateFields: string[]): boolean {
  if (!(err instanceof ApiError)) return false;
  const set = (name: string) => {
    form.setFields([{ name, errors: [err.message] }]);
    return true;
  };
  if (err.code === 'conflict.duplicate') {
    const field = duplicateFields.find((f) => {
      const v: unknown = form.getFieldValue(f);
      return typeof v === 'string' && v.trim() !== '' && err.message.includes(v.trim());
    });
    if (field) return set(field);
  }
  if (err.code === 'auth.weak_password' && form.getFieldInstance('password')) return set('password');
  if (err.code === 'validation.failed') {
    for (const f of Object.keys(form.getFieldsValue(true) as object)) {
      if (new RegExp(`\\b${f}\\b`).test(err.message)) return set(f);
    }
  }
  return false;
}
