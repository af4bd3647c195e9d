// The 通报 endpoints (src/domains/bulletins/routes.ts) and their shapes.
import { api } from '../api/client';
import type { Page } from '../api/types';
import type { CodeOf } from '../i18n/enumLabels';

export interface BulletinItem {
  id: string;
  periodKind: 'month' | 'quarter' | 'half' | 'year' | 'campaign';
  period: string;
  title: string;
  issueNo: string;
  state: 'draft' | 'published';
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface ZoneFigure {
  code: string;
  name: string;
  measure: string;
  decimals: number;
  value: string;
  yoy: string | null;
  target: string | null;
  completion: string | null;
  expectedShare: string | null;
  gap: string | null;
}
export interface IndicatorTable {
  code: string;
  name: string;
  measure: string;
  decimals: number;
  rows: { unitName: string; value: string | null; yoy: string | null; completion: string | null; expectedShare: string | null; gap: string | null; rank: number | null }[];
}
export interface Content {
  zoneName: string;
  periodLabel: string;
  cumulativeLabel: string;
  figureMonth: string;
  asOf: string;
  timeProgress: string | null;
  zoneFigures: ZoneFigure[];
  indicators: IndicatorTable[];
  projectsBehind: { project: string; unitName: string; milestone: string; due: string; daysLate: number }[];
  /** 批示落实情况: absent or null when no instruction was written in the period. */
  instructions?: {
    total: number;
    closed: number;
    open: number;
    overdue: number;
    items: { text: string; leaderName: string; leadUnitName: string; subjectLabel: string; writtenOn: string; deadline: string; standing: 'closed' | 'open' | 'overdue'; daysOverdue: number }[];
  } | null;
  /** 隐患排查整治情况: absent or null when no hazard was registered by the period's end. */
  hazards?: {
    total: { added: number; rectified: number; remaining: number; majorRemaining: number; overdue: number };
    openUnits: { unitName: string; remaining: number; overdue: number }[];
    campaigns: { name: string; clearance: { status: 'unregistered' | 'cleared' | 'open'; registered: number; remaining: number } }[];
  } | null;
  overdueTasks: { title: string; unitName: string; deadline: string; daysOverdue: number; state: CodeOf<'loopState'> }[];
  ranking: { schemeName: string; rows: { rank: number | null; unitName: string; total: string; rankChange: number | null; redFlag: boolean }[] } | null;
}
export interface Bulletin extends BulletinItem {
  lead: string;
  closing: string;
  copyTo: string[];
  printOffice: string;
  printDate: string | null;
  content: Content;
  version: number;
}
export interface EditInput {
  title: string;
  issueNo: string;
  lead: string;
  closing: string;
  /** 版记. */
  copyTo: string[];
  printOffice: string;
  printDate: string | null;
  version: number;
}
export interface JobState {
  status: 'running' | 'succeeded' | 'failed';
  progress: number;
  message: string;
  result: { bulletinId: string } | null;
  errors: { message: { zh: string; en: string } } | null;
}

export const bulletinsApi = {
  list: (page: number, pageSize: number) => api.get<Page<BulletinItem>>('/api/bulletins', { page, pageSize }),
  get: (id: string) => api.get<Bulletin>(`/api/bulletins/${id}`),
  charts: (id: string) => api.get<{ title: string; svg: string }[]>(`/api/bulletins/${id}/charts`),
  draft: (body: { period: string }) => api.post<{ jobId: string }>('/api/bulletins', body),
  job: (id: string) => api.get<JobState>(`/api/jobs/${id}`),
  update: (id: string, body: EditInput) => api.put<Bulletin>(`/api/bulletins/${id}`, body),
  publish: (id: string, version: number) => api.post<Bulletin>(`/api/bulletins/${id}/publish`, { version }),
  remove: (id: string) => api.delete<{ ok: true }>(`/api/bulletins/${id}`),
  downloadUrl: (id: string, format: 'docx' | 'xlsx') => `/api/bulletins/${id}/download?format=${format}`,
};
