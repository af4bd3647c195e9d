// The projects domain's server calls (src/domains/projects/routes.ts); the shapes are the
// server's own (web/src/api/schema.d.ts, generated from its route schemas). Multipart
// uploads (photos, the Excel import) and the Excel export stay on fetch and plain URLs.
import { ApiError, queryString, type QueryValue } from '../api/client';
import { call, type ApiBody, type ApiOk, type ApiQuery } from '../api/contract';

export const STAGES = ['negotiating', 'signed', 'started', 'producing', 'at_capacity'] as const;
export type Stage = (typeof STAGES)[number];
export type Category = 'industrial' | 'urban' | 'livelihood';

export type ProjectDetail = ApiOk<'/api/projects/{id}'>;
export type Project = ProjectDetail['project'];
export type Status = Project['status'];
export type Milestone = Project['milestones'][number];
export type Finding = Project['findings'][number];
export type ProblemItem = ProjectDetail['problems'][number];
export type Light = ProblemItem['light'];
export type Investment = ProjectDetail['investments'][number];
export type ProgressUpdate = ProjectDetail['updates'][number];
export type FileInfo = ProgressUpdate['files'][number];

export type TaskForceMember = Project['taskForce'][number];
export type TaskForceRole = TaskForceMember['role'];
export const TASK_FORCE_ROLES: TaskForceRole[] = ['lead', 'deputy', 'member', 'liaison'];
export type TaskForceInput = ApiBody<'/api/projects/{id}/task-force', 'put'>;
export type ServiceCheck = ProjectDetail['serviceChecklist'][number];
export type ServiceItem = ApiOk<'/api/projects/settings'>['serviceItems'][number];
/** A Chinese mobile or landline, as the server checks it (src/domains/projects/model.ts PHONE). */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** 专班 and the service standard. */
export const peopleApi = {
  taskForce: (id: string, body: TaskForceInput) => call('put', '/api/projects/{id}/task-force', { params: { id }, body }),
  check: (id: string, key: string, body: ApiBody<'/api/projects/{id}/service-checks/{key}', 'put'>) =>
    call('put', '/api/projects/{id}/service-checks/{key}', { params: { id, key }, body }),
  saveServiceItems: (serviceItems: ServiceItem[], version: number) => call('put', '/api/projects/settings', { body: { serviceItems, version } }),
};

export type BattleMap = ApiOk<'/api/projects/battle-map'>;
/** The zone outline as stored: a GeoJSON FeatureCollection, free-form to the contract (the map library reads it). */
export type GeoJson = NonNullable<BattleMap['outline']>;
/** An outline file as uploaded; the server checks it. */
export type OutlineFile = ApiBody<'/api/projects/settings/outline', 'put'>;
export type Settings = ApiOk<'/api/projects/settings'>;
export type SettingsInput = ApiBody<'/api/projects/settings', 'put'>;
export type StageRule = Settings['stageRules'][number];
export type TemplateStep = NonNullable<Settings['templates'][Category]>[number];
/** The list's filters (the battle map takes the same). */
export type Filters = ApiQuery<'/api/projects/battle-map'>;
export type Options = ApiOk<'/api/projects/options'>;
export type Unit = ApiOk<'/api/units'>['items'][number];
export type ProjectInput = ApiBody<'/api/projects', 'post'>;
export type ProjectPatch = ApiBody<'/api/projects/{id}', 'patch'>;
export type MilestoneInput = ApiBody<'/api/projects/{id}/milestones/{milestoneId}', 'patch'>;
export type ProblemInput = ApiBody<'/api/projects/{id}/problems', 'post'>;
export type InvestmentInput = ApiBody<'/api/projects/{id}/investments', 'post'>;
export type InvestmentReview = ApiBody<'/api/projects/investments/{id}/review', 'post'>;
export type UpdateInput = ApiBody<'/api/projects/{id}/updates', 'post'>;
export type PlanCheckInput = ApiBody<'/api/projects/plan-check', 'post'>;
export type PlanCheck = ApiOk<'/api/projects/plan-check', 'post'>;
export type HistoryEntry = ApiOk<'/api/projects/{id}/history'>['items'][number];
/** A step on the loop, on the item's version as read. */
export type LoopActInput = ApiBody<'/api/loop/items/{id}/actions', 'post'>;
export type LoopDetail = ApiOk<'/api/loop/items/{id}'>;
export type JobState = ApiOk<'/api/jobs/{id}'>;

/** Multipart uploads (photos, Excel): the JSON client does not make them; the session's CSRF token goes along. */
export async function uploadFile<T>(path: string, file: File, csrf: string, lang: string): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrf, 'x-lang': lang } });
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, data.code ?? `http.${res.status}`, data.message ?? `HTTP ${res.status}`);
  return data as T;
}

export const projectsApi = {
  list: (f: Filters & { page: number; pageSize: number }) => call('get', '/api/projects', { query: f }),
  battleMap: (f: Filters) => call('get', '/api/projects/battle-map', { query: f }),
  options: () => call('get', '/api/projects/options'),
  units: () => call('get', '/api/units', { query: { pageSize: 200 } }),
  get: (id: string) => call('get', '/api/projects/{id}', { params: { id } }),
  create: (body: ProjectInput) => call('post', '/api/projects', { body }),
  /** 倒排工期 checked against today: 工期不足, the compressed proposal, steps already past. */
  planCheck: (body: PlanCheckInput) => call('post', '/api/projects/plan-check', { body }),
  update: (id: string, body: ProjectPatch) => call('patch', '/api/projects/{id}', { params: { id }, body }),
  plan: (id: string, targetDate: string, version: number) => call('put', '/api/projects/{id}/plan', { params: { id }, body: { targetDate, version } }),
  approvePlan: (id: string, version: number) => call('post', '/api/projects/{id}/plan/approve', { params: { id }, body: { version } }),
  /** `version` is the milestone's. */
  milestone: (id: string, milestoneId: string, body: MilestoneInput) =>
    call('patch', '/api/projects/{id}/milestones/{milestoneId}', { params: { id, milestoneId }, body }),
  raiseProblem: (id: string, body: ProblemInput) => call('post', '/api/projects/{id}/problems', { params: { id }, body }),
  loopItem: (id: string) => call('get', '/api/loop/items/{id}', { params: { id } }),
  loopAct: (id: string, body: LoopActInput) => call('post', '/api/loop/items/{id}/actions', { params: { id }, body }),
  saveInvestment: (id: string, body: InvestmentInput) => call('post', '/api/projects/{id}/investments', { params: { id }, body }),
  reviewInvestment: (id: string, body: InvestmentReview) => call('post', '/api/projects/investments/{id}/review', { params: { id }, body }),
  addUpdate: (id: string, body: UpdateInput) => call('post', '/api/projects/{id}/updates', { params: { id }, body }),
  history: (id: string) => call('get', '/api/projects/{id}/history', { params: { id }, query: { pageSize: 50 } }),
  job: (id: string) => call('get', '/api/jobs/{id}', { params: { id } }),
  settings: () => call('get', '/api/projects/settings'),
  saveSettings: (body: SettingsInput) => call('put', '/api/projects/settings', { body }),
  saveOutline: (geojson: OutlineFile) => call('put', '/api/projects/settings/outline', { body: geojson }),
  templates: () => call('get', '/api/projects/templates'),
  exportUrl: (f: Filters) => `/api/projects/export.xlsx${queryString(f as Record<string, QueryValue>)}`,
};
