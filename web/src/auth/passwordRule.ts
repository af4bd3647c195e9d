import type { Rule } from 'antd/es/form';

/** The server's rule (src/domains/auth/password.ts), checked before sending for a quicker answer. */
export const strongPassword = (message: string): Rule => ({
  validator: (_, value: string | undefined) =>
    !value || (value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value)) ? Promise.resolve() : Promise.reject(new Error(message)),
});
