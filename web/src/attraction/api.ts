// 招商引资's server calls and the shapes they return.
import { call, type ApiBody, type ApiOk, type ApiQuery } from '../api/contract';

export const LEAD_STAGES = ['clue', 'negotiating', 'signed', 'landed'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export const CONTACT_KINDS = ['visit', 'call', 'meeting', 'inspection', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type Currency = 'CNY' | 'USD';
export type Category = 'industrial' | 'urban' | 'livelihood';

/** A lead as listed (with its unit's name and number of contacts). */
export type Lead = ApiOk<'/api/attraction/leads'>['items'][number];
export type LeadDetail = ApiOk<'/api/attraction/leads/{id}'>;
export type Contact = LeadDetail['contacts'][number];
export type LeadInput = ApiBody<'/api/attraction/leads', 'post'>;
export type Counts = ApiOk<'/api/attraction/counts'>;
export type MonthCount = Counts['months'][number];
export type LeadFilter = Pick<ApiQuery<'/api/attraction/leads'>, 'stage' | 'unitId' | 'chain' | 'q'>;
export type Unit = ApiOk<'/api/units'>['items'][number];

export const attractionApi = {
  leads: (query: ApiQuery<'/api/attraction/leads'>) => call('get', '/api/attraction/leads', { query }),
  lead: (id: string) => call('get', '/api/attraction/leads/{id}', { params: { id } }),
  create: (body: LeadInput) => call('post', '/api/attraction/leads', { body }),
  update: (id: string, body: ApiBody<'/api/attraction/leads/{id}', 'patch'>) => call('patch', '/api/attraction/leads/{id}', { params: { id }, body }),
  move: (id: string, body: ApiBody<'/api/attraction/leads/{id}/stage', 'post'>) => call('post', '/api/attraction/leads/{id}/stage', { params: { id }, body }),
  contact: (id: string, body: ApiBody<'/api/attraction/leads/{id}/contacts', 'post'>) => call('post', '/api/attraction/leads/{id}/contacts', { params: { id }, body }),
  convert: (id: string, body: ApiBody<'/api/attraction/leads/{id}/convert', 'post'>) => call('post', '/api/attraction/leads/{id}/convert', { params: { id }, body }),
  counts: (year?: number) => call('get', '/api/attraction/counts', { query: { year } }),
  units: () => call('get', '/api/units', { query: { pageSize: 200 } }),
};
