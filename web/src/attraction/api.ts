// 招商引资's server calls and the shapes they return.
import { api, type QueryValue } from '../api/client';
import type { Page } from '../api/types';

export const LEAD_STAGES = ['clue', 'negotiating', 'signed', 'landed'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export const CONTACT_KINDS = ['visit', 'call', 'meeting', 'inspection', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type Currency = 'CNY' | 'USD';
export type Category = 'industrial' | 'urban' | 'livelihood';

export interface Lead {
  id: string;
  name: string;
  investor: string;
  source: string;
  team: string;
  unitId: string;
  unitName?: string;
  chain: string;
  category: Category;
  currency: Currency;
  expectedInvestment: string;
  foreignCapital: boolean;
  stage: LeadStage;
  signedOn: string | null;
  projectId: string | null;
  demo: boolean;
  contacts?: number;
  updatedAt: string;
  version: number;
}
export interface Contact {
  id: string;
  onDate: string;
  kind: ContactKind;
  note: string;
  by: string | null;
}
export interface LeadDetail {
  today: string;
  lead: Lead;
  contacts: Contact[];
  canWrite: boolean;
}
export interface LeadInput {
  name: string;
  investor?: string;
  source?: string;
  team?: string;
  unitId: string;
  chain?: string;
  category?: Category;
  currency?: Currency;
  expectedInvestment: string;
  foreignCapital?: boolean;
}
export interface MonthCount {
  month: number;
  signedLarge: number;
  signedLargeInvestmentYuan: string | null;
  foreignProjects: number;
  foreignInvestmentUsd: string;
  foreignInvestmentYuan: string | null;
}
export interface Counts {
  today: string;
  year: number;
  usdRate: string | null;
  months: MonthCount[];
  ytd: MonthCount[];
}
export interface LeadFilter {
  stage?: LeadStage;
  unitId?: string;
  chain?: string;
  q?: string;
}
export interface Unit {
  id: string;
  name: string;
  kind: string;
}

const q = (f: object) => f as Record<string, QueryValue>;

export const attractionApi = {
  leads: (f: LeadFilter & { page: number; pageSize: number }) => api.get<Page<Lead>>('/api/attraction/leads', q(f)),
  lead: (id: string) => api.get<LeadDetail>(`/api/attraction/leads/${id}`),
  create: (body: LeadInput) => api.post<Lead>('/api/attraction/leads', body),
  update: (id: string, body: Partial<LeadInput> & { version: number }) => api.patch<Lead>(`/api/attraction/leads/${id}`, body),
  move: (id: string, body: { stage: LeadStage; signedOn?: string | null; version: number }) => api.post<Lead>(`/api/attraction/leads/${id}/stage`, body),
  contact: (id: string, body: { onDate: string; kind: ContactKind; note: string }) => api.post(`/api/attraction/leads/${id}/contacts`, body),
  convert: (id: string, body: { responsibleUnitId?: string; targetDate?: string | null; keyProject?: boolean; version: number }) =>
    api.post<{ lead: Lead; project: { id: string; name: string } }>(`/api/attraction/leads/${id}/convert`, body),
  counts: (year?: number) => api.get<Counts>('/api/attraction/counts', { year }),
  units: () => api.get<Page<Unit>>('/api/units', { pageSize: 200 }),
};
