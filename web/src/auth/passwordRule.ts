import type { Rule } from 'antd/es/form';
import { isStrongPassword } from '../../../src/domains/auth/passwordPolicy';

/** The server's rule (src/domains/auth/passwordPolicy.ts, the same module), checked before sending for a quicker answer. */
export const strongPassword = (message: string, username?: () => string | undefined): Rule => ({
  validator: (_, value: string | undefined) =>
    !value || isStrongPassword(value, username?.()) ? Promise.resolve() : Promise.reject(new Error(message)),
});
