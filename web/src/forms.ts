import type { FormInstance } from 'antd';

/**
 * The form's values, or null when a field is invalid: antd already shows the
 * messages beside the fields, so the rejection of `validateFields` is expected
 * and must not escape as an unhandled promise rejection. Other errors propagate.
 */
export async function valuesOf<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'errorFields' in err) return null;
    throw err;
  }
}
