// The 指标目标 endpoints (src/domains/targets/routes.ts, campaigns/routes.ts) and their shapes.
import { api, ApiError, queryString } from '../api/client';
import type { Page } from '../api/types';
import type { IndicatorRow } from '../cockpit/api';
import type { CodeOf } from '../i18n/enumLabels';

export const KINDS = ['flow', 'stock', 'count', 'ratio'] as const;
export const AGGREGATIONS = ['sum', 'zone_reported'] as const;
export const FILL_METHODS = ['manual', 'feed', 'system'] as const;
export const PROGRESS_MODES = ['days', 'months'] as const;
export type FigureState = 'draft' | 'submitted' | 'approved' | 'returned';

export interface Indicator {
  id: string;
  code: string;
  name: string;
  measure: string;
  kind: (typeof KINDS)[number];
  higherIsBetter: boolean;
  aggregation: (typeof AGGREGATIONS)[number];
  decimals: number;
  fillMethod: (typeof FILL_METHODS)[number];
  progressMode: (typeof PROGRESS_MODES)[number];
  numeratorCode: string | null;
  denominatorCode: string | null;
  zoneUnitId: string | null;
  parentCode: string | null;
  sortOrder: number;
  active: boolean;
  /** The count that fills a system-filled indicator: a key of GET /api/feeds/keys. */
  feed: string | null;
  version: number;
}
export type IndicatorInput = Omit<Indicator, 'id' | 'version'>;

/** A count an indicator can be bound to (src/domains/feeds/keys.ts). */
export interface FeedKey {
  key: string;
  source: 'enterprises' | 'attraction' | 'projects';
  zh: string;
  en: string;
  measure: string;
}

export interface Target {
  id: string;
  indicatorId: string;
  indicatorCode: string;
  indicatorName: string;
  measure: string;
  unitId: string | null;
  unitName: string | null;
  year: number;
  floor: string;
  stretch: string | null;
  monthlyPlan: string[] | null;
  demo: boolean;
  /** Sent back on save: a stale one is refused (409); no target yet reads 1. */
  version: number;
}

export interface FormRow {
  indicatorId: string;
  code: string;
  name: string;
  measure: string;
  kind: CodeOf<'indicatorKind'>;
  decimals: number;
  fillMethod: CodeOf<'fillMethod'>;
  level: 'unit' | 'zone';
  floor: string | null;
  stretch: string | null;
  /** For the live checks (src/domains/targets/checks.ts): last month's year to date, time progress. */
  higherIsBetter?: boolean;
  prevMonth?: string | null;
  expectedShare?: string | null;
  figure: {
    id: string;
    value: string;
    prevYear: string | null;
    note: string;
    fileIds: string[];
    state: FigureState;
    returnReason: string | null;
    source: CodeOf<'fillMethod'>;
    sourceName: string | null;
    correctionReason: string | null;
  } | null;
}
export interface ReportForm {
  unitId: string;
  period: string;
  locked: boolean;
  deadline: string;
  /** Percent a figure may leave last month's pace before it needs a note. */
  moveShare?: string;
  rows: FormRow[];
}
export type Unreported = { indicatorId: string; code: string; name: string }[];
export interface FigureRowInput {
  indicatorId: string;
  value: string;
  prevYear: string | null;
  note: string;
  fileIds: string[];
}

export interface FigureItem {
  id: string;
  period: string;
  indicatorId: string;
  indicatorName: string;
  measure: string;
  decimals: number;
  unitId: string | null;
  reportingUnitId: string | null;
  unitName: string | null;
  value: string;
  prevYear: string | null;
  note: string;
  state: FigureState;
  returnReason: string | null;
  source: CodeOf<'fillMethod'>;
  sourceName: string | null;
  correctionReason: string | null;
  updatedAt: string;
  /** Review sends it back, so a value changed after the supervisor read it is not approved unseen. */
  version: number;
}

export interface Missing {
  period: string;
  deadline: string;
  overdue: boolean;
  units: { unitId: string; unitName: string; unitCode: string; owed: number; missing: number }[];
}

export interface Campaign {
  id: string;
  name: string;
  description: string;
  startDate: string;
  endDate: string;
  phase: 'upcoming' | 'running' | 'ended';
  daysLeft: number;
  daysToStart: number;
  totalDays: number;
  elapsedShare: string;
  /** Sent back on change: a stale one is refused (409) instead of overwriting another's change. */
  version: number;
}
export interface CampaignDetail extends Campaign {
  indicatorIds: string[];
  items: { id: string; itemType: 'project' | 'task'; itemId: string; title: string; exists: boolean; status: string | null; deadline: string | null }[];
  period: string | null;
  indicators: IndicatorRow[];
}
export interface CampaignInput {
  name: string;
  description: string;
  startDate: string;
  endDate: string;
  indicatorIds: string[];
  items: { itemType: 'project' | 'task'; itemId: string; title: string }[];
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  active: boolean;
}

/** 报送规则 (PUT /api/targets/settings); the points and percents are decimal strings. */
export interface ReportSettings {
  deadlineDay: number;
  remindDaysBefore: number;
  amberPoints: string;
  redPoints: string;
  moveWarnPercent: string;
  /** Sent back on save: a stale one is refused (409) instead of overwriting another's change. */
  version: number;
}

/** A unit with its own group robot; the address comes back masked (it is a secret). */
export interface UnitRobot {
  unitId: string;
  unitName: string;
  url: string;
  /** Sent back to change or remove it; a unit without a robot reads version 1. */
  version: number;
}

export interface JobState {
  status: 'running' | 'succeeded' | 'failed';
  progress: number;
  message: string;
  result: { imported?: number; created?: number; updated?: number } | null;
  errors: { message: { zh: string; en: string }; details: { row: number; column?: string; value?: string; message: { zh: string; en: string } }[] | null } | null;
}

/** Multipart upload with the session's CSRF token. */
export async function upload<T>(path: string, file: File, csrf: string, lang: string): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrf, 'x-lang': lang } });
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, data.code ?? `http.${res.status}`, data.message ?? `HTTP ${res.status}`);
  return data as T;
}

export const targetsApi = {
  indicators: () => api.get<Page<Indicator>>('/api/targets/indicators', { pageSize: 200 }),
  feedKeys: () => api.get<{ items: FeedKey[] }>('/api/feeds/keys'),
  createIndicator: (body: IndicatorInput) => api.post<Indicator>('/api/targets/indicators', body),
  updateIndicator: (id: string, body: Partial<IndicatorInput> & { version: number }) => api.patch<Indicator>(`/api/targets/indicators/${id}`, body),
  targets: (q: { year: number; page: number; pageSize: number; indicatorId?: string; unitId?: string }) => api.get<Page<Target>>('/api/targets/targets', q),
  setTarget: (body: { indicatorId: string; unitId: string | null; year: number; floor: string; stretch: string | null; monthlyPlan: string[] | null; version: number }) => api.put<Target>('/api/targets/targets', body),
  deleteTarget: (id: string) => api.delete(`/api/targets/targets/${id}`),
  exportUrl: (year: number) => `/api/targets/targets/export${queryString({ year })}`,
  report: (unitId: string, period: string) => api.get<ReportForm>('/api/targets/report', { unitId, period }),
  saveReport: (body: { unitId: string; period: string; rows: FigureRowInput[]; submit: boolean }) => api.put<{ saved: number; unreported?: Unreported }>('/api/targets/report', body),
  submit: (unitId: string, period: string) => api.post<{ submitted: number; unreported: Unreported }>('/api/targets/report/submit', { unitId, period }),
  templateUrl: (unitId: string, period: string) => `/api/targets/report/template${queryString({ unitId, period })}`,
  figures: (q: { period: string; page: number; pageSize: number; state?: FigureState; unitId?: string }) =>
    api.get<Page<FigureItem> & { locked: boolean }>('/api/targets/figures', q),
  review: (body: { figures: { id: string; version: number }[]; decision: 'approve' | 'return'; reason?: string }) => api.post<{ reviewed: number }>('/api/targets/figures/review', body),
  correct: (body: { unitId: string; period: string; rows: FigureRowInput[]; reason?: string }) => api.post<{ saved: number }>('/api/targets/figures/correct', body),
  /** With units not all approved the server answers 409 targets.lock_missing_units, naming them; confirm with a reason. */
  lock: (period: string, confirm?: { confirmMissing: true; reason: string }) => api.post(`/api/targets/periods/${period}/lock`, confirm ?? {}),
  missing: (period: string) => api.get<Missing>('/api/targets/missing', { period }),
  units: () => api.get<Page<Unit>>('/api/units', { pageSize: 200 }),
  settings: () => api.get<ReportSettings>('/api/targets/settings'),
  saveSettings: (body: ReportSettings) => api.put<ReportSettings>('/api/targets/settings', body),
  robots: () => api.get<UnitRobot[]>('/api/notifications/unit-webhooks'),
  setRobot: ({ unitId, url, version }: { unitId: string; url: string | null; version: number }) => api.put(`/api/notifications/unit-webhooks/${unitId}`, { url, version }),
  job: (id: string) => api.get<JobState>(`/api/jobs/${id}`),
  campaigns: (page: number) => api.get<Page<Campaign>>('/api/campaigns', { page, pageSize: 20 }),
  campaign: (id: string, period?: string) => api.get<CampaignDetail>(`/api/campaigns/${id}`, { period }),
  candidates: (type: 'project' | 'task', search: string) => api.get<{ itemId: string; title: string; status: string | null }[]>('/api/campaigns/candidates', { type, search }),
  createCampaign: (body: CampaignInput) => api.post<Campaign>('/api/campaigns', body),
  updateCampaign: (id: string, version: number, body: CampaignInput) => api.put<Campaign>(`/api/campaigns/${id}`, { ...body, version }),
  deleteCampaign: (id: string) => api.delete(`/api/campaigns/${id}`),
};
