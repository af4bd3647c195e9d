// The 考核 endpoints (src/domains/assessment/routes.ts) and their shapes.
import { api } from '../api/client';
import type { Page } from '../api/types';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'campaign';
export type ItemKind = 'indicator_completion' | 'growth_rank' | 'milestones_on_time' | 'tasks_on_time' | 'loops_closed';
export const itemKinds: ItemKind[] = ['indicator_completion', 'growth_rank', 'milestones_on_time', 'tasks_on_time', 'loops_closed'];

export interface SchemeItem {
  key: string;
  name: string;
  kind: ItemKind;
  weight: string;
  indicatorCode?: string;
  tier?: 'floor' | 'stretch';
  cap?: string;
  floor?: string;
  step?: string;
  minPoints?: string;
  decimals?: number;
  whenNone?: string;
  loopKinds?: ('problem' | 'appeal' | 'hazard')[];
}

export interface Scheme {
  id: string;
  name: string;
  periodKind: PeriodKind;
  period: string;
  campaignId: string | null;
  startDate: string;
  endDate: string;
  rankingGroup: string;
  items: SchemeItem[];
  redFlagPolicy: 'all_tied' | 'unique_only';
  state: 'draft' | 'published';
  publishedAt: string | null;
  demo: boolean;
  version: number;
}
export type SchemeInput = Pick<Scheme, 'name' | 'periodKind' | 'period' | 'rankingGroup' | 'items' | 'redFlagPolicy'> & {
  startDate?: string;
  endDate?: string;
  version?: number;
};

export interface ItemScore {
  key: string;
  name: string;
  kind: ItemKind;
  weight: string;
  raw: string | null;
  rate: string;
  points: string;
  explanation: string;
  evidence: string[];
}
export interface UnitResult {
  unitId: string;
  unitName: string;
  base: string;
  adjustment: string;
  total: string;
  /** How the total came about (why it may pass the full marks). */
  summary: string;
  rank: number | null;
  redFlag: boolean;
  prevRank: number | null;
  rankChange: number | null;
  items: ItemScore[];
  adjustments: { points: string; reason: string; explanation: string }[];
}
export interface Results {
  schemeId: string;
  state: 'draft' | 'published';
  asOf: string;
  figureMonth: string;
  previous: { schemeId: string; name: string; period: string } | null;
  computedAt: string | null;
  units: UnitResult[];
}
export interface Difference {
  unitId: string;
  unitName: string;
  field: string;
  published: string;
  now: string;
}
export interface Adjustment {
  id: string;
  unitId: string;
  unitName: string;
  points: string;
  reason: string;
  createdAt: string;
}
export interface Options {
  groups: { group: string; units: { id: string; name: string; kind: string }[] }[];
  indicators: { code: string; name: string; measure: string }[];
}

const base = '/api/assessment';
export const assessmentApi = {
  options: () => api.get<Options>(`${base}/options`),
  schemes: (page: number, pageSize: number) => api.get<Page<Scheme>>(`${base}/schemes`, { page, pageSize }),
  scheme: (id: string) => api.get<Scheme>(`${base}/schemes/${id}`),
  create: (body: SchemeInput) => api.post<Scheme>(`${base}/schemes`, body),
  update: (id: string, body: SchemeInput & { version: number }) => api.put<Scheme>(`${base}/schemes/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`${base}/schemes/${id}`),
  results: (id: string) => api.get<Results>(`${base}/schemes/${id}/results`),
  publish: (id: string, version: number) => api.post<{ scheme: Scheme; results: Results }>(`${base}/schemes/${id}/publish`, { version }),
  recompute: (id: string) => api.get<{ published: Results | null; current: Results; differences: Difference[] }>(`${base}/schemes/${id}/recompute`),
  adjustments: (id: string) => api.get<Adjustment[]>(`${base}/schemes/${id}/adjustments`),
  addAdjustment: (id: string, body: { unitId: string; points: string; reason: string }) => api.post<Adjustment>(`${base}/schemes/${id}/adjustments`, body),
  removeAdjustment: (id: string, adjustmentId: string) => api.delete<{ ok: true }>(`${base}/schemes/${id}/adjustments/${adjustmentId}`),
};
