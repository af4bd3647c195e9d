// The 考核 endpoints (src/domains/assessment/routes.ts) and their shapes.
import { call, type ApiBody, type ApiOk } from '../api/contract';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'campaign';
export type ItemKind = 'indicator_completion' | 'growth_rank' | 'milestones_on_time' | 'tasks_on_time' | 'loops_closed';
export const itemKinds: ItemKind[] = ['indicator_completion', 'growth_rank', 'milestones_on_time', 'tasks_on_time', 'loops_closed'];

export type Scheme = ApiOk<'/api/assessment/schemes/{id}'>;
export type SchemeItem = Scheme['items'][number];
export type SchemeInput = ApiBody<'/api/assessment/schemes', 'post'>;
export type Results = ApiOk<'/api/assessment/schemes/{id}/results'>;
export type UnitResult = Results['units'][number];
export type ItemScore = UnitResult['items'][number];
export type Difference = ApiOk<'/api/assessment/schemes/{id}/recompute'>['differences'][number];
export type Adjustment = ApiOk<'/api/assessment/schemes/{id}/adjustments'>[number];
export type Options = ApiOk<'/api/assessment/options'>;

export const assessmentApi = {
  options: () => call('get', '/api/assessment/options'),
  schemes: (page: number, pageSize: number) => call('get', '/api/assessment/schemes', { query: { page, pageSize } }),
  scheme: (id: string) => call('get', '/api/assessment/schemes/{id}', { params: { id } }),
  create: (body: SchemeInput) => call('post', '/api/assessment/schemes', { body }),
  update: (id: string, body: ApiBody<'/api/assessment/schemes/{id}', 'put'>) => call('put', '/api/assessment/schemes/{id}', { params: { id }, body }),
  remove: (id: string) => call('delete', '/api/assessment/schemes/{id}', { params: { id } }),
  results: (id: string) => call('get', '/api/assessment/schemes/{id}/results', { params: { id } }),
  publish: (id: string, version: number) => call('post', '/api/assessment/schemes/{id}/publish', { params: { id }, body: { version } }),
  recompute: (id: string) => call('get', '/api/assessment/schemes/{id}/recompute', { params: { id } }),
  adjustments: (id: string) => call('get', '/api/assessment/schemes/{id}/adjustments', { params: { id } }),
  addAdjustment: (id: string, body: ApiBody<'/api/assessment/schemes/{id}/adjustments', 'post'>) => call('post', '/api/assessment/schemes/{id}/adjustments', { params: { id }, body }),
  removeAdjustment: (id: string, adjustmentId: string) => call('delete', '/api/assessment/schemes/{id}/adjustments/{adjustmentId}', { params: { id, adjustmentId } }),
};
