// The auth endpoints (src/domains/auth/routes.ts).
import { api, request } from '../api/client';
import type { Me, ZoneRef } from '../api/types';
import type { Lang } from '../i18n/dict';

export interface LoginInput {
  username: string;
  password: string;
  zone?: string;
}

export const authApi = {
  me: () => api.get<Me>('/api/auth/me'),
  zones: () => api.get<ZoneRef[]>('/api/auth/zones'),
  login: (input: LoginInput) => request<Me>('POST', '/api/auth/login', { body: input, expectUnauthorized: true }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  switchZone: (zone: string) => api.post<Me>('/api/auth/zone', { zone }),
  changePassword: (current: string, next: string) => api.post<{ ok: true }>('/api/auth/password', { current, next }),
  setLocale: (locale: Lang) => api.put<{ ok: true }>('/api/auth/locale', { locale }),
};
