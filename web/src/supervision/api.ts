// The 督查督办 endpoints (src/domains/supervision/routes.ts) and their shapes.
import { api } from '../api/client';
import type { Page } from '../api/types';
import type { CodeOf, LoopAction } from '../i18n/enumLabels';

export type Light = 'green' | 'amber' | 'red' | 'done';
export type Standing = 'on_time' | 'amber' | 'late' | 'closed';
export type LoopState = 'found' | 'assigned' | 'rectifying' | 'verifying' | 'closed' | 'returned';
export type Grouping = 'unit' | 'leader' | 'campaign' | 'deadline';
export type RequestKind = 'reword' | 'explain' | 'long_term';

export interface Task {
  id: string;
  loopItemId: string;
  documentId: string | null;
  origin: 'task' | 'pledge';
  text: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  supportingUnitIds: string[];
  leaderName: string | null;
  campaign: string | null;
  priority: 'normal' | 'high' | 'top';
  cadence: 'dekad' | 'month';
  deadline: string | null;
  state: LoopState;
  version: number;
  light: Light;
  standing: Standing;
  quantityTarget: string | null;
  quantityUnit: string | null;
  quantityLabel: string | null;
  atLeast: boolean;
  percent: string | null;
  reached: string | null;
  slipCount: number;
  longTerm: boolean;
  explained: boolean;
  reportDue: boolean;
}
export interface TaskQuery {
  page: number;
  pageSize: number;
  unitId?: string;
  leader?: string;
  campaign?: string;
  month?: string;
  origin?: 'task' | 'pledge';
  documentId?: string;
  standing?: Standing;
  q?: string;
}
export interface Counts {
  total: number;
  onTime: number;
  amber: number;
  late: number;
  closed: number;
}
export interface Summary {
  by: Grouping;
  groups: (Counts & { key: string | null; label: string | null })[];
  totals: Counts;
}
export interface FileInfo {
  id: string;
  name: string;
  mime: string;
  size: number;
}
export interface Progress {
  id: string;
  unitName: string | null;
  authorName: string | null;
  role: 'lead' | 'supporting';
  period: string;
  body: string;
  percent: string | null;
  reached: string | null;
  files: FileInfo[];
  createdAt: string;
}
export interface TaskRequest {
  id: string;
  taskId: string;
  kind: RequestKind;
  body: string;
  proposedText: string | null;
  unitName?: string | null;
  status: 'pending' | 'approved' | 'rejected';
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
  taskText?: string;
  /** Sent back with the decision: a stale one is refused (409). */
  version: number;
}
export interface Notice {
  id: string;
  number: string;
  requirements: string;
  requiredBy: string;
  issuer: string;
  issuedOn: string;
}
export interface TaskDetail {
  task: Task;
  supportingUnits: { id: string; name: string }[];
  source: { documentId: string; title: string; before: string; text: string; after: string } | null;
  progress: Progress[];
  /** A delay's version is sent back with its reason (a deadline not recorded yet reads 1). */
  delays: { id: string; missedDeadline: string; reason: string | null; version: number }[];
  requests: TaskRequest[];
  notices: Notice[];
  events: { id: string; action: CodeOf<'loopEventAction'>; toState: CodeOf<'loopState'> | null; actorName: string | null; unitName: string | null; reason: string | null; note: string | null; at: string }[];
  allowedActions: { action: LoopAction; requires: string[] }[];
  can: { report: boolean; explainDelay: boolean; request: boolean; issueNotice: boolean; decide: boolean };
}
export interface Quantity {
  value: number;
  unit: string;
  label: string;
  atLeast: boolean;
  upTo?: number;
}
export interface DraftItem {
  kind: 'task' | 'result';
  text: string;
  start: number;
  end: number;
  units: string[];
  unitIds: string[];
  deadline: string | null;
  deadlinePhrase?: string;
  quantities: Quantity[];
  project: { name: string; investment: { value: number; unit: string } } | null;
  indicator?: string;
  yoy?: number;
  period?: string;
  leadUnitId: string | null;
  supportingUnitIds: string[];
  leaderName: string | null;
  duplicateOf: { id: string; text: string; similarity: number } | null;
  rules: string[];
}
export interface Draft {
  year: number | null;
  items: DraftItem[];
  ms: number;
}
export interface SvDocument {
  id: string;
  title: string;
  kind: 'speech' | 'pledge' | 'report';
  year: number;
  body: string;
  createdAt: string;
}
export interface DocumentView {
  document: SvDocument;
  draft: Draft;
  confirmed: { id: string; start: number | null; end: number | null; text: string }[];
  results: { id: string; start: number | null; end: number | null; text: string }[];
}
export interface ConfirmItem {
  kind: 'task' | 'result';
  text: string;
  start: number | null;
  end: number | null;
  leadUnitId?: string | null;
  supportingUnitIds: string[];
  leaderName?: string | null;
  deadline?: string | null;
  quantity?: { value: number; unit: string; label: string; atLeast: boolean } | null;
  priority: 'normal' | 'high' | 'top';
  campaign?: string | null;
  cadence: 'dekad' | 'month';
  indicator?: string | null;
  yoy?: number | null;
  period?: string | null;
}

export interface SvSettings {
  amberDays: number;
  noticePrefix: string;
  issuer: string;
  webhookUrl: string | null;
  version: number;
}

const base = '/api/supervision';
export const supervisionApi = {
  settings: () => api.get<SvSettings>(`${base}/settings`),
  saveSettings: (body: SvSettings) => api.put<SvSettings>(`${base}/settings`, body),
  tasks: (q: TaskQuery) => api.get<Page<Task>>(`${base}/tasks`, { ...q }),
  summary: (by: Grouping, q: Omit<TaskQuery, 'page' | 'pageSize'>) => api.get<Summary>(`${base}/summary`, { by, ...q }),
  task: (id: string) => api.get<TaskDetail>(`${base}/tasks/${id}`),
  progress: (id: string, body: { body: string; percent?: number | null; reached?: string | null; fileIds: string[] }) => api.post(`${base}/tasks/${id}/progress`, body),
  delayReason: (id: string, reason: string, version: number) => api.post(`${base}/tasks/${id}/delay-reason`, { reason, version }),
  request: (id: string, body: { kind: RequestKind; body: string; proposedText?: string }) => api.post(`${base}/tasks/${id}/requests`, body),
  requests: (page: number, pageSize: number) => api.get<Page<TaskRequest>>(`${base}/requests`, { page, pageSize }),
  decide: (id: string, body: { approve: boolean; note: string; version: number }) => api.post(`${base}/requests/${id}/decision`, body),
  issueNotice: (id: string, body: { requirements: string; requiredBy: string }) => api.post<Notice>(`${base}/tasks/${id}/notices`, body),
  act: (loopItemId: string, body: { action: string; reason?: string; note?: string; version: number }) => api.post(`/api/loop/items/${loopItemId}/actions`, body),
  documents: (page: number, pageSize: number) => api.get<Page<{ id: string; title: string; kind: SvDocument['kind']; year: number; createdAt: string; taskCount: number }>>(`${base}/documents`, { page, pageSize }),
  createDocument: (body: { title: string; kind: SvDocument['kind']; year?: number; body?: string; fileId?: string }) => api.post<{ document: SvDocument; draft: Draft }>(`${base}/documents`, body),
  document: (id: string) => api.get<DocumentView>(`${base}/documents/${id}`),
  confirm: (id: string, items: ConfirmItem[]) => api.post<{ tasks: string[]; results: string[] }>(`${base}/documents/${id}/confirm`, { items }),
};

/** Uploads one file through /api/files (multipart); returns its id and name. */
export async function uploadFile(file: File, csrf: string | null): Promise<FileInfo> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch('/api/files', { method: 'POST', body: form, headers: csrf ? { 'x-csrf-token': csrf } : {} });
  const json = await res.json();
  if (!res.ok) throw new Error(json.message ?? res.statusText);
  return json as FileInfo;
}
