// The projects domain's server calls and the shapes they return.
import { api, ApiError, queryString, type QueryValue } from '../api/client';
import { call, type ApiBody, type ApiOk } from '../api/contract';
import type { CodeOf, LoopAction } from '../i18n/enumLabels';

export type Stage = 'negotiating' | 'signed' | 'started' | 'producing' | 'at_capacity';
export const STAGES: Stage[] = ['negotiating', 'signed', 'started', 'producing', 'at_capacity'];
export type Status = 'done' | 'on_time' | 'at_risk' | 'behind';
export type Category = 'industrial' | 'urban' | 'livelihood';
export type Light = 'green' | 'amber' | 'red' | 'done';

export interface Milestone {
  id: string;
  key: string;
  name: string;
  department: string;
  ownerUnitId: string | null;
  dependsOn: string[];
  durationWorkdays: number;
  marksStage: Stage | null;
  plannedStart: string;
  plannedEnd: string;
  baselineStart: string | null;
  baselineEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  forecastStart: string;
  forecastEnd: string;
  slipDays: number;
  status: Status;
  note: string;
  /** Planned in the past when the plan was laid: to be confirmed, not late. */
  needsConfirmation: boolean;
  version: number;
}

export interface Finding {
  stage: Stage;
  dueBy: string;
  expected: string | null;
  status: 'met' | 'on_track' | 'behind';
  message: { zh: string; en: string };
}

export interface Project {
  id: string;
  name: string;
  category: Category;
  chain: string;
  keyProject: boolean;
  year: number;
  currency: 'CNY' | 'USD';
  totalInvestment: string;
  totalInvestmentYuan: string | null;
  annualPlan: string;
  completedInvestment: string;
  responsibleUnitId: string;
  responsibleUnitName: string;
  leaderUserId: string | null;
  leaderName: string | null;
  /** 专班 members (name, role, unit, phone, optional account). */
  taskForce: TaskForceMember[];
  lng: number | null;
  lat: number | null;
  stage: Stage;
  stageDates: Partial<Record<Stage, { planned?: string | null; actual?: string | null }>>;
  targetDate: string | null;
  planApprovedAt: string | null;
  foreignCapital: boolean;
  note: string;
  demo: boolean;
  status: Status;
  slipDays: number;
  forecastCompletion: string | null;
  openProblems: number;
  findings: Finding[];
  milestones: Milestone[];
  version: number;
}

export interface ProblemItem {
  id: string;
  title: string;
  detail: string;
  category: CodeOf<'problemCategory'> | null;
  state: CodeOf<'loopState'>;
  light: Light;
  deadline: string | null;
  assigneeName: string | null;
  /** 0 not overdue; 1 overdue, 2 and 3 escalated by the daily watch. */
  escalation: number;
  version: number;
}

export interface Investment {
  id: string;
  period: string;
  amount: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  note: string;
  returnReason: string | null;
  demo: boolean;
  version: number;
}

export interface FileInfo {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export interface ProgressUpdate {
  id: string;
  onDate: string;
  text: string;
  files: FileInfo[];
}

export interface ProjectDetail {
  project: Project;
  investments: Investment[];
  completedThisYear: string;
  planShare: string | null;
  updates: ProgressUpdate[];
  problems: ProblemItem[];
  /** The zone's service standard ("五个一") with this project's checks. */
  serviceChecklist: ServiceCheck[];
  can: { edit: boolean; approvePlan: boolean; progress: boolean; report: boolean; approveInvestment: boolean };
}

export type TaskForceMember = ApiOk<'/api/projects/{id}'>['project']['taskForce'][number];
export type TaskForceRole = TaskForceMember['role'];
export const TASK_FORCE_ROLES: TaskForceRole[] = ['lead', 'deputy', 'member', 'liaison'];
export type TaskForceInput = ApiBody<'/api/projects/{id}/task-force', 'put'>;
export type ServiceCheck = ApiOk<'/api/projects/{id}'>['serviceChecklist'][number];
export type ServiceItem = ApiOk<'/api/projects/settings'>['serviceItems'][number];
/** A Chinese mobile or landline, as the server checks it (src/domains/projects/model.ts PHONE). */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** 专班 and the service standard: on the generated contract. */
export const peopleApi = {
  taskForce: (id: string, body: TaskForceInput) => call('put', '/api/projects/{id}/task-force', { params: { id }, body }),
  check: (id: string, key: string, body: ApiBody<'/api/projects/{id}/service-checks/{key}', 'put'>) =>
    call('put', '/api/projects/{id}/service-checks/{key}', { params: { id, key }, body }),
  saveServiceItems: (serviceItems: ServiceItem[], version: number) => call('put', '/api/projects/settings', { body: { serviceItems, version } }),
};

export interface BattleMap {
  today: string;
  projects: Project[];
  counts: Record<Status, number>;
  outline: GeoJson | null;
  outlineDemo: boolean;
}

export type GeoJson = { type: 'FeatureCollection'; features: unknown[] };

export type StageRule = { kind: 'same_year'; stages: Stage[] } | { kind: 'months'; from: Stage; to: Stage; months: number };

export interface TemplateStep {
  key: string;
  name: string;
  durationWorkdays: number;
  dependsOn: string[];
  department: string;
  marksStage?: Stage;
}

export interface Settings {
  usdRates: Record<string, string>;
  stageRules: StageRule[];
  templates: Partial<Record<Category, TemplateStep[]>>;
  outline: GeoJson | null;
  outlineDemo: boolean;
  serviceItems: ServiceItem[];
  version: number;
}

export interface Filters {
  /** 我的包挂项目: the signed-in leader's projects. */
  mine?: 'true';
  year?: number;
  unitId?: string;
  chain?: string;
  leaderUserId?: string;
  category?: Category;
  stage?: Stage;
  q?: string;
}

export interface Options {
  today: string;
  chains: string[];
  people: { id: string; name: string; role: string; unitName: string | null }[];
}

export interface Unit {
  id: string;
  name: string;
  kind: string;
}

/** A step on the loop, on the item's version as read. */
export interface LoopActInput {
  action: string;
  assigneeUnitId?: string;
  deadline?: string;
  reason?: string;
  version: number;
}

export interface LoopDetail {
  item: ProblemItem;
  events: { id: string; action: CodeOf<'loopEventAction'>; fromState: string | null; at: string; actorName: string | null; unitName: string | null; reason: string | null; note: string | null }[];
  allowedActions: { action: LoopAction; requires: string[] }[];
}

export interface JobState {
  status: 'running' | 'succeeded' | 'failed';
  progress: number;
  result: { created: number } | null;
  errors: { message: { zh: string; en: string }; details: { row: number; column?: string; value?: string; message: { zh: string; en: string } }[] | null } | null;
}

const q = (f: Filters) => f as Record<string, QueryValue>;

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
  list: (f: Filters & { page: number; pageSize: number }) => api.get<{ items: Project[]; total: number }>('/api/projects', q(f)),
  battleMap: (f: Filters) => api.get<BattleMap>('/api/projects/battle-map', q(f)),
  options: () => api.get<Options>('/api/projects/options'),
  units: () => api.get<{ items: Unit[] }>('/api/units', { pageSize: 200 }),
  get: (id: string) => api.get<ProjectDetail>(`/api/projects/${id}`),
  create: (body: object) => api.post<{ id: string }>('/api/projects', body),
  /** 倒排工期 checked against today: 工期不足, the compressed proposal, steps already past. */
  planCheck: (body: { targetDate: string; category?: string; projectId?: string }) => api.post<PlanCheck>('/api/projects/plan-check', body),
  update: (id: string, body: { version: number }) => api.patch<{ id: string }>(`/api/projects/${id}`, body),
  plan: (id: string, targetDate: string, version: number) => api.put(`/api/projects/${id}/plan`, { targetDate, version }),
  approvePlan: (id: string, version: number) => api.post(`/api/projects/${id}/plan/approve`, { version }),
  /** `version` is the milestone's. */
  milestone: (id: string, milestoneId: string, body: { version: number }) => api.patch(`/api/projects/${id}/milestones/${milestoneId}`, body),
  raiseProblem: (id: string, body: object) => api.post(`/api/projects/${id}/problems`, body),
  loopItem: (id: string) => api.get<LoopDetail>(`/api/loop/items/${id}`),
  loopAct: (id: string, body: LoopActInput) => api.post(`/api/loop/items/${id}/actions`, body),
  saveInvestment: (id: string, body: object) => api.post(`/api/projects/${id}/investments`, body),
  reviewInvestment: (id: string, body: { action: 'approve' | 'return'; reason?: string; version: number }) => api.post(`/api/projects/investments/${id}/review`, body),
  addUpdate: (id: string, body: object) => api.post(`/api/projects/${id}/updates`, body),
  history: (id: string) => api.get<{ items: { id: string; at: string; action: string; entity: string; actorName: string | null }[] }>(`/api/projects/${id}/history`, { pageSize: 50 }),
  job: (id: string) => api.get<JobState>(`/api/jobs/${id}`),
  settings: () => api.get<Settings>('/api/projects/settings'),
  saveSettings: (body: { usdRates?: Record<string, string>; stageRules?: StageRule[]; templates?: Partial<Record<Category, TemplateStep[]>>; version: number }) => api.put('/api/projects/settings', body),
  saveOutline: (geojson: unknown) => api.put<{ ok: true; features: number }>('/api/projects/settings/outline', geojson),
  templates: () => api.get<Record<Category, TemplateStep[]>>('/api/projects/templates'),
  exportUrl: (f: Filters) => `/api/projects/export.xlsx${queryString(q(f))}`,
};

export interface PlanCheck {
  today: string;
  shortfallWorkdays: number;
  plan: { start: string; targetDate: string };
  needsConfirmation: { key: string; name: string }[];
  compressed: { fits: boolean; factor: number; steps: { key: string; name: string; fromWorkdays: number; toWorkdays: number }[]; plan: { start: string; targetDate: string } } | null;
}
