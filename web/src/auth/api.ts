// The auth endpoints (src/domains/auth/routes.ts).
import { request } from '../api/client';
import { call, type ApiBody } from '../api/contract';
import type { Me } from '../api/types';
import type { Lang } from '../i18n/dict';

export type LoginInput = ApiBody<'/api/auth/login', 'post'>;

export const authApi = {
  me: () => call('get', '/api/auth/me'),
  zones: () => call('get', '/api/auth/zones'),
  login: (body: LoginInput) => request<Me>('POST', '/api/auth/login', { body, expectUnauthorized: true }),
  logout: () => call('post', '/api/auth/logout'),
  switchZone: (zone: string) => call('post', '/api/auth/zone', { body: { zone } }),
  changePassword: (current: string, next: string) => call('post', '/api/auth/password', { body: { current, next } }),
  setLocale: (locale: Lang) => call('put', '/api/auth/locale', { body: { locale } }),
};
