// The hazard register's server calls (src/domains/hazards/routes.ts) and their shapes.
import { api } from '../api/client';
import type { Page } from '../api/types';
import type { CodeOf, LoopAction } from '../i18n/enumLabels';

export const HAZARD_CATEGORIES = ['safety', 'petition', 'environment'] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];
export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];
/** Working days to rectify by level (src/domains/hazards/rules.ts RECTIFY_WORKDAYS). */
export const RECTIFY_WORKDAYS: Record<HazardLevel, number> = { general: 10, major: 30 };
export type LoopState = CodeOf<'loopState'>;
export type Light = CodeOf<'light'>;

export interface Hazard {
  id: string;
  loopItemId: string;
  unitId: string;
  unitName: string;
  campaignId: string | null;
  campaignName: string | null;
  category: HazardCategory;
  level: HazardLevel;
  foundOn: string;
  dueOn: string;
  location: string;
  title: string;
  detail: string;
  state: LoopState;
  deadline: string;
  closedOn: string | null;
  version: number;
  light: Light;
}
export interface HazardEvent {
  id: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorName: string | null;
  unitName: string | null;
  reason: string | null;
  note: string | null;
  deadline: string | null;
  fileIds: string[];
  at: string;
}
export interface FileInfo {
  id: string;
  name: string;
  mime: string;
  size: number;
}
export interface HazardDetail {
  hazard: Hazard;
  events: HazardEvent[];
  files: FileInfo[];
  allowedActions: { action: LoopAction; requires: string[] }[];
}
export interface Counts {
  added: number;
  rectified: number;
  remaining: number;
  majorRemaining: number;
  overdue: number;
}
export type ClearanceStatus = 'unregistered' | 'cleared' | 'open';
export interface Clearance {
  status: ClearanceStatus;
  registered: number;
  remaining: number;
}
export interface Summary {
  from: string;
  to: string;
  total: Counts;
  clearance: Clearance;
  byUnit: (Counts & { unitId: string; unitName: string })[];
  byCategory: (Counts & { category: HazardCategory })[];
  campaigns: (Clearance & { campaignId: string; name: string; startDate: string; endDate: string })[];
}
export interface HazardFilter {
  category?: HazardCategory;
  level?: HazardLevel;
  unitId?: string;
  campaignId?: string;
  open?: 'true' | 'false';
  overdue?: 'true';
  q?: string;
}
export interface HazardInput {
  title: string;
  detail?: string;
  location?: string;
  category: HazardCategory;
  level: HazardLevel;
  unitId: string;
  foundOn: string;
  campaignId?: string | null;
}
export interface ActInput {
  action: LoopAction;
  reason?: string;
  note?: string;
  assigneeUnitId?: string;
  deadline?: string;
  fileIds?: string[];
  version: number;
}

export const hazardApi = {
  list: (f: HazardFilter & { page: number; pageSize: number }) => api.get<Page<Hazard>>('/api/hazards', { ...f }),
  summary: (p: { from?: string; to?: string } = {}) => api.get<Summary>('/api/hazards/summary', p),
  get: (id: string) => api.get<HazardDetail>(`/api/hazards/${id}`),
  register: (body: HazardInput) => api.post<{ id: string; dueOn: string; state: LoopState }>('/api/hazards', body),
  act: (id: string, body: ActInput) => api.post<Hazard>(`/api/hazards/${id}/actions`, body),
  evidence: (id: string, body: { note: string; fileIds: string[] }) => api.post<{ id: string }>(`/api/hazards/${id}/evidence`, body),
  units: () => api.get<Page<{ id: string; name: string }>>('/api/units', { pageSize: 200 }),
  campaigns: () => api.get<Page<{ id: string; name: string; startDate: string; endDate: string }>>('/api/campaigns', { page: 1, pageSize: 100 }),
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
