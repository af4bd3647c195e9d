// The enterprise domain's server calls and the shapes they return: the register,
// zone counts, cultivation pools, one-enterprise plans, visits, appeals and the
// enterprise user's own routes (/api/my-enterprise).
import { api, ApiError, queryString, type QueryValue } from '../api/client';
import type { Page } from '../api/types';
import type { CodeOf, LoopAction } from '../i18n/enumLabels';

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
export type LoopState = 'found' | 'assigned' | 'rectifying' | 'verifying' | 'closed' | 'returned';
export type Light = 'green' | 'amber' | 'red' | 'done';
export type ProgressStatus = 'ahead' | 'on_track' | 'slightly_behind' | 'far_behind';

export interface Enterprise {
  id: string;
  name: string;
  creditCode: string;
  unitId: string;
  unitName: string;
  chain: string;
  leaderName: string;
  contact: string;
  note: string;
  demo: boolean;
  version: number;
}
export interface EnterpriseRow extends Enterprise {
  year: number;
  outputValue: string | null;
  tax: string | null;
  employees: number | null;
  tags: EnterpriseTag[];
}
export interface Figure {
  id: string;
  year: number;
  outputValue: string | null;
  tax: string | null;
  employees: number | null;
  version: number;
}
export interface TagSpan {
  id: string;
  tag: EnterpriseTag;
  gainedOn: string;
  lostOn: string | null;
  note: string;
  /** Sent back when marking it lost: a stale one is refused (409). */
  version: number;
}
export interface Plan {
  id: string;
  enterpriseId: string;
  year: number;
  targetOutput: string;
  measures: string;
  leaderName: string;
}
export interface EnterpriseDetail extends Enterprise {
  figures: Figure[];
  tags: TagSpan[];
  pools: { id: string; name: string; addedOn: string }[];
  plans: Plan[];
  appeals: { open: number; total: number };
  accounts?: { id: string; username: string; displayName: string; disabled: boolean }[];
}

export interface Filters {
  q?: string;
  tag?: EnterpriseTag;
  chain?: string;
  unitId?: string;
  year?: number;
}
export interface EnterpriseInput {
  name: string;
  creditCode: string;
  unitId: string;
  chain?: string;
  leaderName?: string;
  contact?: string;
  note?: string;
}

export interface ZoneCount {
  indicatorCode: string;
  tag: EnterpriseTag;
  measure: 'net' | 'gained';
  zh: string;
  en: string;
  before: number;
  after: number;
  gained: number;
  lost: number;
  net: number;
  value: number;
}

export interface PoolRules {
  minOutput?: string;
  maxOutput?: string;
  minTax?: string;
  minEmployees?: number;
  allTags?: EnterpriseTag[];
  noneTags?: EnterpriseTag[];
}
export interface PoolGoal {
  output?: string;
  tag?: EnterpriseTag;
}
export interface Pool {
  id: string;
  code: string;
  name: string;
  description: string;
  rules: PoolRules;
  goal: PoolGoal;
  members: number;
  candidates: number;
  reached: number;
}
export interface GoalProgress {
  percent: string | null;
  gap: string | null;
  tagHeld: boolean | null;
  reached: boolean;
}
export interface Snapshot {
  id: string;
  name: string;
  unitName: string;
  chain: string;
  outputValue: string | null;
  tax: string | null;
  employees: number | null;
  tags: EnterpriseTag[];
  progress: GoalProgress;
}
export interface PoolDetail {
  today: string;
  pool: Omit<Pool, 'members' | 'candidates' | 'reached'>;
  year: number;
  members: (Snapshot & { addedOn: string; note: string; meetsRules: boolean })[];
  candidates: Snapshot[];
}

export interface Assessment {
  actual: string | null;
  target: string | null;
  completion: string | null;
  expectedShare: string | null;
  gap: string | null;
  status: ProgressStatus | null;
  yoy: string | null;
}
export interface PlanRow extends Plan {
  enterpriseName: string;
  unitId: string;
  unitName: string;
  month: number | null;
  actual: string | null;
  assessment: Assessment | null;
}
export interface PlanDetail extends Plan {
  enterpriseName: string;
  unitId: string;
  /** A month's version is sent back with its next save (a month not reported yet reads 1). */
  months: { month: number; output: string; note: string; version: number; assessment: Assessment }[];
}

export interface Visit {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  visitedOn: string;
  visitors: string;
  unitName: string | null;
  findings: string;
}

export interface Appeal {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  category: AppealCategory;
  hard: boolean;
  title: string;
  detail: string;
  state: LoopState;
  light: Light;
  deadline: string | null;
  escalation: number;
  version: number;
  assigneeUnitId: string | null;
  assigneeName: string | null;
  raisedAt: string;
  raisedOn: string;
  respondBy: string;
  answerBy: string;
  solveBy: string;
  respondedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  answer: string | null;
  satisfaction: Satisfaction | null;
  ratingNote: string | null;
}
export interface LoopEvent {
  id?: string;
  action: CodeOf<'loopEventAction'>;
  at: string;
  actorName?: string | null;
  unitName: string | null;
  reason: string | null;
  note: string | null;
}
export interface AppealDetail {
  appeal: Appeal;
  events: LoopEvent[];
  allowedActions: { action: LoopAction; requires: string[] }[];
  canAnswer: boolean;
}
export interface MyAppealDetail {
  appeal: Appeal;
  events: LoopEvent[];
  canRate: boolean;
  canWithdraw: boolean;
}
export interface UnitStats {
  unitId: string | null;
  unitName: string | null;
  total: number;
  open: number;
  closed: number;
  respondedOnTime: number;
  overdue: number;
  avgResponseHours: string | null;
  avgClosureDays: string | null;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionRate: string | null;
}
export interface AppealStatistics {
  from: string;
  to: string;
  byUnit: UnitStats[];
  total: UnitStats;
  byCategory: { category: AppealCategory; count: number }[];
}
export interface AppealInput {
  title: string;
  detail?: string;
  category: AppealCategory;
  hard?: boolean;
}
export interface JobState {
  status: 'running' | 'succeeded' | 'failed';
  progress: number;
  result: { created?: number; updated?: number; rows?: number } | null;
  errors: { message: { zh: string; en: string }; details: { row: number; column?: string; value?: string; message: { zh: string; en: string } }[] | null } | null;
}
export interface Unit {
  id: string;
  name: string;
  kind: string;
}

const q = (f: object) => f as Record<string, QueryValue>;

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
  list: (f: Filters & { page: number; pageSize: number }) => api.get<Page<EnterpriseRow>>('/api/enterprises', q(f)),
  chains: () => api.get<string[]>('/api/enterprises/chains'),
  get: (id: string) => api.get<EnterpriseDetail>(`/api/enterprises/${id}`),
  create: (body: EnterpriseInput) => api.post<Enterprise>('/api/enterprises', body),
  update: (id: string, body: Partial<EnterpriseInput> & { version: number }) => api.patch<Enterprise>(`/api/enterprises/${id}`, body),
  setFigures: (id: string, body: { year: number; outputValue: string | null; tax: string | null; employees: number | null; version: number }) => api.put(`/api/enterprises/${id}/figures`, body),
  addTag: (id: string, body: { tag: EnterpriseTag; gainedOn: string; lostOn?: string | null; note?: string }) => api.post(`/api/enterprises/${id}/tags`, body),
  loseTag: (id: string, spanId: string, lostOn: string, version: number) => api.post(`/api/enterprises/${id}/tags/${spanId}/lose`, { lostOn, version }),
  addAccount: (id: string, body: { username: string; displayName: string; password: string }) => api.post(`/api/enterprises/${id}/accounts`, body),
  exportUrl: (f: Filters) => `/api/enterprises/export${queryString(q(f))}`,
  templateUrl: '/api/enterprises/template',
  job: (id: string) => api.get<JobState>(`/api/jobs/${id}`),
  counts: (year?: number) => api.get<{ year: number; from: string; to: string; counts: ZoneCount[] }>('/api/enterprise-counts', q({ year })),
  pools: (year?: number) => api.get<Pool[]>('/api/enterprise-pools', q({ year })),
  pool: (id: string, year?: number) => api.get<PoolDetail>(`/api/enterprise-pools/${id}`, q({ year })),
  addMember: (poolId: string, body: { enterpriseId: string; addedOn: string; note?: string }) => api.post(`/api/enterprise-pools/${poolId}/members`, body),
  removeMember: (poolId: string, enterpriseId: string) => api.delete(`/api/enterprise-pools/${poolId}/members/${enterpriseId}`),
  plans: (year?: number) => api.get<PlanRow[]>('/api/enterprise-plans', q({ year })),
  plan: (id: string) => api.get<PlanDetail>(`/api/enterprise-plans/${id}`),
  createPlan: (body: { enterpriseId: string; year: number; targetOutput: string; measures?: string; leaderName?: string }) => api.post<Plan>('/api/enterprise-plans', body),
  setActual: (id: string, month: number, body: { output: string; note?: string; version: number }) => api.put(`/api/enterprise-plans/${id}/actuals/${month}`, body),
  visits: (f: { enterpriseId?: string; page: number; pageSize: number }) => api.get<Page<Visit>>('/api/enterprise-visits', q(f)),
  createVisit: (body: { enterpriseId: string; visitedOn: string; visitors: string; findings?: string }) => api.post<Visit>('/api/enterprise-visits', body),
  appeals: (f: { enterpriseId?: string; category?: AppealCategory; open?: 'true' | 'false'; assigneeUnitId?: string; page: number; pageSize: number }) => api.get<Page<Appeal>>('/api/enterprise-appeals', q(f)),
  appeal: (id: string) => api.get<AppealDetail>(`/api/enterprise-appeals/${id}`),
  raiseAppeal: (body: AppealInput & { enterpriseId: string; visitId?: string }) => api.post<Appeal>('/api/enterprise-appeals', body),
  act: (id: string, body: { action: string; reason?: string; note?: string; assigneeUnitId?: string; deadline?: string; version: number }) => api.post<Appeal>(`/api/enterprise-appeals/${id}/actions`, body),
  answer: (id: string, answer: string, version: number) => api.post(`/api/enterprise-appeals/${id}/answer`, { answer, version }),
  stats: (f: { from?: string; to?: string }) => api.get<AppealStatistics>('/api/enterprise-appeals/stats', q(f)),
  units: () => api.get<Page<Unit>>('/api/units', { pageSize: 200 }),
  my: () => api.get<EnterpriseDetail>('/api/my-enterprise'),
  myAppeals: (f: { page: number; pageSize: number }) => api.get<Page<Appeal>>('/api/my-enterprise/appeals', q(f)),
  myAppeal: (id: string) => api.get<MyAppealDetail>(`/api/my-enterprise/appeals/${id}`),
  myRaise: (body: AppealInput) => api.post<Appeal>('/api/my-enterprise/appeals', body),
  myRate: (id: string, body: { satisfaction: Satisfaction; note?: string; version: number }) => api.post(`/api/my-enterprise/appeals/${id}/rate`, body),
  myWithdraw: (id: string, reason: string, version: number) => api.post(`/api/my-enterprise/appeals/${id}/withdraw`, { reason, version }),
};
