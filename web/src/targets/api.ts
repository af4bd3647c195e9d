// The 指标目标 endpoints (src/domains/targets/routes.ts, campaigns/routes.ts) and their shapes.
import { ApiError, queryString } from '../api/client';
import { call, type ApiBody, type ApiOk, type ApiQuery } from '../api/contract';

export const KINDS = ['flow', 'stock', 'count', 'ratio'] as const;
export const AGGREGATIONS = ['sum', 'zone_reported'] as const;
export const FILL_METHODS = ['manual', 'feed', 'system'] as const;
export const PROGRESS_MODES = ['days', 'months'] as const;
export const RHYTHMS = ['month', 'dekad'] as const;
export type FigureState = 'draft' | 'submitted' | 'approved' | 'returned';

export type Indicator = ApiOk<'/api/targets/indicators'>['items'][number];
export type IndicatorInput = ApiBody<'/api/targets/indicators', 'post'>;
/** A count an indicator can be bound to (src/domains/feeds/keys.ts). */
export type FeedKey = ApiOk<'/api/feeds/keys'>['items'][number];
export type Target = ApiOk<'/api/targets/targets'>['items'][number];
export type ReportForm = ApiOk<'/api/targets/report'>;
export type FormRow = ReportForm['rows'][number];
export type FigureRowInput = ApiBody<'/api/targets/report', 'put'>['rows'][number];
export type Unreported = ApiOk<'/api/targets/report/submit', 'post'>['unreported'];
/** A unit's dekad (旬) figures of a month (GET /api/targets/dekads). */
export type DekadForm = ApiOk<'/api/targets/dekads'>;
export type DekadRow = DekadForm['rows'][number];
export type DekadInput = ApiBody<'/api/targets/dekads', 'put'>;
export type FigureItem = ApiOk<'/api/targets/figures'>['items'][number];
export type Missing = ApiOk<'/api/targets/missing'>;
export type Campaign = ApiOk<'/api/campaigns'>['items'][number];
export type CampaignDetail = ApiOk<'/api/campaigns/{id}'>;
export type CampaignInput = ApiBody<'/api/campaigns', 'post'>;
export type Unit = ApiOk<'/api/units'>['items'][number];
/** 报送规则 (PUT /api/targets/settings); the points and percents are decimal strings. */
export type ReportSettings = ApiOk<'/api/targets/settings'>;
/** A unit with its own group robot; the address comes back masked (it is a secret). */
export type UnitRobot = ApiOk<'/api/notifications/unit-webhooks'>[number];
export type JobState = ApiOk<'/api/jobs/{id}'>;

export const targetsApi = {
  indicators: () => call('get', '/api/targets/indicators', { query: { pageSize: 200 } }),
  feedKeys: () => call('get', '/api/feeds/keys'),
  createIndicator: (body: IndicatorInput) => call('post', '/api/targets/indicators', { body }),
  updateIndicator: (id: string, body: ApiBody<'/api/targets/indicators/{id}', 'patch'>) => call('patch', '/api/targets/indicators/{id}', { params: { id }, body }),
  targets: (query: ApiQuery<'/api/targets/targets'>) => call('get', '/api/targets/targets', { query }),
  setTarget: (body: ApiBody<'/api/targets/targets', 'put'>) => call('put', '/api/targets/targets', { body }),
  deleteTarget: (id: string) => call('delete', '/api/targets/targets/{id}', { params: { id } }),
  exportUrl: (year: number) => `/api/targets/targets/export${queryString({ year })}`,
  report: (unitId: string, period: string) => call('get', '/api/targets/report', { query: { unitId, period } }),
  saveReport: (body: ApiBody<'/api/targets/report', 'put'>) => call('put', '/api/targets/report', { body }),
  dekads: (unitId: string, period: string) => call('get', '/api/targets/dekads', { query: { unitId, period } }),
  saveDekads: (body: DekadInput) => call('put', '/api/targets/dekads', { body }),
  submit: (unitId: string, period: string) => call('post', '/api/targets/report/submit', { body: { unitId, period } }),
  templateUrl: (unitId: string, period: string) => `/api/targets/report/template${queryString({ unitId, period })}`,
  figures: (query: ApiQuery<'/api/targets/figures'>) => call('get', '/api/targets/figures', { query }),
  review: (body: ApiBody<'/api/targets/figures/review', 'post'>) => call('post', '/api/targets/figures/review', { body }),
  correct: (body: ApiBody<'/api/targets/figures/correct', 'post'>) => call('post', '/api/targets/figures/correct', { body }),
  /** With units not all approved the server answers 409 targets.lock_missing_units, naming them; confirm with a reason. */
  lock: (period: string, confirm?: { confirmMissing: true; reason: string }) => call('post', '/api/targets/periods/{period}/lock', { params: { period }, body: confirm ?? {} }),
  missing: (period: string) => call('get', '/api/targets/missing', { query: { period } }),
  units: () => call('get', '/api/units', { query: { pageSize: 200 } }),
  settings: () => call('get', '/api/targets/settings'),
  saveSettings: (body: ApiBody<'/api/targets/settings', 'put'>) => call('put', '/api/targets/settings', { body }),
  robots: () => call('get', '/api/notifications/unit-webhooks'),
  setRobot: ({ unitId, url, version }: { unitId: string; url: string | null; version: number }) =>
    call('put', '/api/notifications/unit-webhooks/{unitId}', { params: { unitId }, body: { url, version } }),
  job: (id: string) => call('get', '/api/jobs/{id}', { params: { id } }),
  campaigns: (page: number) => call('get', '/api/campaigns', { query: { page, pageSize: 20 } }),
  campaign: (id: string, period?: string) => call('get', '/api/campaigns/{id}', { params: { id }, query: { period } }),
  candidates: (type: 'project' | 'task', search: string) => call('get', '/api/campaigns/candidates', { query: { type, search } }),
  createCampaign: (body: CampaignInput) => call('post', '/api/campaigns', { body }),
  updateCampaign: (id: string, version: number, body: CampaignInput) => call('put', '/api/campaigns/{id}', { params: { id }, body: { ...body, version } }),
  deleteCampaign: (id: string) => call('delete', '/api/campaigns/{id}', { params: { id } }),
};

/** Multipart upload with the session's CSRF token. */
export async function upload<T>(path: string, file: File, csrf: string, lang: string): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrf, 'x-lang': lang } });
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, data.code ?? `http.${res.status}`, data.message ?? `HTTP ${res.status}`);
  return data as T;
}


