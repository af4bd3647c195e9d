// The hazard register's server calls (src/domains/hazards/routes.ts); the shapes are the
// server's own (web/src/api/schema.d.ts, generated from its route schemas).
import { call, type ApiBody, type ApiOk, type ApiQuery } from '../api/contract';
import type { CodeOf } from '../i18n/enumLabels';

export const HAZARD_CATEGORIES = ['safety', 'petition', 'environment'] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];
export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];
/** Working days to rectify by level (src/domains/hazards/rules.ts RECTIFY_WORKDAYS). */
export const RECTIFY_WORKDAYS: Record<HazardLevel, number> = { general: 10, major: 30 };
export type LoopState = CodeOf<'loopState'>;
export type Light = CodeOf<'light'>;

export type Hazard = ApiOk<'/api/hazards'>['items'][number];
export type HazardDetail = ApiOk<'/api/hazards/{id}'>;
export type HazardEvent = HazardDetail['events'][number];
export type FileInfo = HazardDetail['files'][number];
export type Summary = ApiOk<'/api/hazards/summary'>;
export type Counts = Summary['total'];
export type Clearance = Summary['clearance'];
export type ClearanceStatus = Clearance['status'];
export type HazardFilter = Omit<ApiQuery<'/api/hazards'>, 'page' | 'pageSize'>;
export type HazardInput = ApiBody<'/api/hazards', 'post'>;
export type ActInput = ApiBody<'/api/hazards/{id}/actions', 'post'>;

export const hazardApi = {
  list: (f: HazardFilter & { page: number; pageSize: number }) => call('get', '/api/hazards', { query: f }),
  summary: (p: ApiQuery<'/api/hazards/summary'> = {}) => call('get', '/api/hazards/summary', { query: p }),
  get: (id: string) => call('get', '/api/hazards/{id}', { params: { id } }),
  register: (body: HazardInput) => call('post', '/api/hazards', { body }),
  act: (id: string, body: ActInput) => call('post', '/api/hazards/{id}/actions', { params: { id }, body }),
  evidence: (id: string, body: ApiBody<'/api/hazards/{id}/evidence', 'post'>) => call('post', '/api/hazards/{id}/evidence', { params: { id }, body }),
  units: () => call('get', '/api/units', { query: { pageSize: 200 } }),
  campaigns: () => call('get', '/api/campaigns', { query: { page: 1, pageSize: 100 } }),
};

/** One upload through /api/files (multipart), as task progress and appeals do. */
export async function uploadFile(file: File, csrf: string | null): Promise<FileInfo> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch('/api/files', { method: 'POST', body: form, headers: csrf ? { 'x-csrf-token': csrf } : {} });
  const json = await res.json();
  if (!res.ok) throw new Error(json.message ?? res.statusText);
  return json as FileInfo;
}
