// The enterprise domain's server calls and the shapes they return: the register,
// zone counts, cultivation pools, one-enterprise plans, visits, appeals and the
// enterprise user's own routes (/api/my-enterprise).
// The shapes are the server's own (web/src/api/schema.d.ts, generated from
// src/domains/enterprises/schemas.ts).
import { ApiError, queryString, type QueryValue } from '../api/client';
import { call, type ApiBody, type ApiOk, type ApiQuery } from '../api/contract';

export const TAGS = [
  'high_tech',
  'above_size',
  'four_above',
  'specialized',
  'little_giant',
  'single_champion',
  'listing_reserve',
  'listed',
  'cloud_star',
  'smart_workshop',
  'hundred_billion',
  'ten_billion',
] as const;
export type EnterpriseTag = (typeof TAGS)[number];
export const CATEGORIES = ['land', 'labour', 'finance', 'approval', 'utilities', 'logistics', 'other'] as const;
export type AppealCategory = (typeof CATEGORIES)[number];
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export type EnterpriseRow = ApiOk<'/api/enterprises'>['items'][number];
export type Enterprise = ApiOk<'/api/enterprises', 'post'>;
export type EnterpriseDetail = ApiOk<'/api/enterprises/{id}'>;
export type Figure = EnterpriseDetail['figures'][number];
export type TagSpan = EnterpriseDetail['tags'][number];
export type Filters = Omit<ApiQuery<'/api/enterprises'>, 'page' | 'pageSize'>;
export type EnterpriseInput = ApiBody<'/api/enterprises', 'post'>;

export type ZoneCount = ApiOk<'/api/enterprise-counts'>['counts'][number];

export type Pool = ApiOk<'/api/enterprise-pools'>[number];
export type PoolRules = Pool['rules'];
export type PoolGoal = Pool['goal'];
export type PoolDetail = ApiOk<'/api/enterprise-pools/{id}'>;
export type Snapshot = PoolDetail['candidates'][number];
export type GoalProgress = Snapshot['progress'];

export type Plan = ApiOk<'/api/enterprise-plans', 'post'>;
export type PlanRow = ApiOk<'/api/enterprise-plans'>[number];
export type PlanDetail = ApiOk<'/api/enterprise-plans/{id}'>;
export type Assessment = PlanDetail['months'][number]['assessment'];
export type ProgressStatus = NonNullable<Assessment['status']>;

export type Visit = ApiOk<'/api/enterprise-visits'>['items'][number];

export type Appeal = ApiOk<'/api/enterprise-appeals'>['items'][number];
export type LoopState = Appeal['state'];
export type Light = Appeal['light'];
export type AppealDetail = ApiOk<'/api/enterprise-appeals/{id}'>;
export type MyAppealDetail = ApiOk<'/api/my-enterprise/appeals/{id}'>;
/** A history line as both views give it; the enterprise's own view has no ids or actor names. */
export type LoopEvent = MyAppealDetail['events'][number] & Partial<Pick<AppealDetail['events'][number], 'id' | 'actorName'>>;
export type LoopAction = AppealDetail['allowedActions'][number]['action'];
export type ActInput = ApiBody<'/api/enterprise-appeals/{id}/actions', 'post'>;
export type AppealStatistics = ApiOk<'/api/enterprise-appeals/stats'>;
export type UnitStats = AppealStatistics['total'];
export type AppealInput = ApiBody<'/api/my-enterprise/appeals', 'post'>;
export type JobState = ApiOk<'/api/jobs/{id}'>;
export type Unit = ApiOk<'/api/units'>['items'][number];

/** Multipart upload (the register's xlsx) with the session's CSRF token. */
export async function uploadFile<T>(path: string, file: File, csrf: string, lang: string): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrf, 'x-lang': lang } });
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, data.code ?? `http.${res.status}`, data.message ?? `HTTP ${res.status}`);
  return data as T;
}

export const entApi = {
  list: (f: Filters & { page: number; pageSize: number }) => call('get', '/api/enterprises', { query: f }),
  chains: () => call('get', '/api/enterprises/chains'),
  get: (id: string) => call('get', '/api/enterprises/{id}', { params: { id } }),
  create: (body: EnterpriseInput) => call('post', '/api/enterprises', { body }),
  update: (id: string, body: ApiBody<'/api/enterprises/{id}', 'patch'>) => call('patch', '/api/enterprises/{id}', { params: { id }, body }),
  setFigures: (id: string, body: ApiBody<'/api/enterprises/{id}/figures', 'put'>) => call('put', '/api/enterprises/{id}/figures', { params: { id }, body }),
  addTag: (id: string, body: ApiBody<'/api/enterprises/{id}/tags', 'post'>) => call('post', '/api/enterprises/{id}/tags', { params: { id }, body }),
  loseTag: (id: string, spanId: string, lostOn: string, version: number) => call('post', '/api/enterprises/{id}/tags/{spanId}/lose', { params: { id, spanId }, body: { lostOn, version } }),
  addAccount: (id: string, body: ApiBody<'/api/enterprises/{id}/accounts', 'post'>) => call('post', '/api/enterprises/{id}/accounts', { params: { id }, body }),
  exportUrl: (f: Filters) => `/api/enterprises/export${queryString(f as Record<string, QueryValue>)}`,
  templateUrl: '/api/enterprises/template',
  job: (id: string) => call('get', '/api/jobs/{id}', { params: { id } }),
  counts: (year?: number) => call('get', '/api/enterprise-counts', { query: { year } }),
  pools: (year?: number) => call('get', '/api/enterprise-pools', { query: { year } }),
  pool: (id: string, year?: number) => call('get', '/api/enterprise-pools/{id}', { params: { id }, query: { year } }),
  addMember: (id: string, body: ApiBody<'/api/enterprise-pools/{id}/members', 'post'>) => call('post', '/api/enterprise-pools/{id}/members', { params: { id }, body }),
  removeMember: (id: string, enterpriseId: string) => call('delete', '/api/enterprise-pools/{id}/members/{enterpriseId}', { params: { id, enterpriseId } }),
  plans: (year?: number) => call('get', '/api/enterprise-plans', { query: { year } }),
  plan: (id: string) => call('get', '/api/enterprise-plans/{id}', { params: { id } }),
  createPlan: (body: ApiBody<'/api/enterprise-plans', 'post'>) => call('post', '/api/enterprise-plans', { body }),
  setActual: (id: string, month: number, body: ApiBody<'/api/enterprise-plans/{id}/actuals/{month}', 'put'>) =>
    call('put', '/api/enterprise-plans/{id}/actuals/{month}', { params: { id, month }, body }),
  visits: (f: ApiQuery<'/api/enterprise-visits'>) => call('get', '/api/enterprise-visits', { query: f }),
  createVisit: (body: ApiBody<'/api/enterprise-visits', 'post'>) => call('post', '/api/enterprise-visits', { body }),
  appeals: (f: ApiQuery<'/api/enterprise-appeals'>) => call('get', '/api/enterprise-appeals', { query: f }),
  appeal: (id: string) => call('get', '/api/enterprise-appeals/{id}', { params: { id } }),
  raiseAppeal: (body: ApiBody<'/api/enterprise-appeals', 'post'>) => call('post', '/api/enterprise-appeals', { body }),
  act: (id: string, body: ActInput) => call('post', '/api/enterprise-appeals/{id}/actions', { params: { id }, body }),
  answer: (id: string, answer: string, version: number) => call('post', '/api/enterprise-appeals/{id}/answer', { params: { id }, body: { answer, version } }),
  stats: (f: ApiQuery<'/api/enterprise-appeals/stats'>) => call('get', '/api/enterprise-appeals/stats', { query: f }),
  units: () => call('get', '/api/units', { query: { pageSize: 200 } }),
  my: () => call('get', '/api/my-enterprise'),
  myAppeals: (f: ApiQuery<'/api/my-enterprise/appeals'>) => call('get', '/api/my-enterprise/appeals', { query: f }),
  myAppeal: (id: string) => call('get', '/api/my-enterprise/appeals/{id}', { params: { id } }),
  myRaise: (body: AppealInput) => call('post', '/api/my-enterprise/appeals', { body }),
  myRate: (id: string, body: ApiBody<'/api/my-enterprise/appeals/{id}/rate', 'post'>) => call('post', '/api/my-enterprise/appeals/{id}/rate', { params: { id }, body }),
  myWithdraw: (id: string, reason: string, version: number) => call('post', '/api/my-enterprise/appeals/{id}/withdraw', { params: { id }, body: { reason, version } }),
};
