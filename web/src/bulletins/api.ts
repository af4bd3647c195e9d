// The 通报 endpoints (src/domains/bulletins/routes.ts); the shapes are the server's own
// (web/src/api/schema.d.ts, generated from src/domains/bulletins/schemas.ts).
import { call, type ApiBody, type ApiOk } from '../api/contract';

export type BulletinItem = ApiOk<'/api/bulletins'>['items'][number];
export type Bulletin = ApiOk<'/api/bulletins/{id}'>;
export type Content = Bulletin['content'];
export type ZoneFigure = Content['zoneFigures'][number];
export type IndicatorTable = Content['indicators'][number];
export type EditInput = ApiBody<'/api/bulletins/{id}', 'put'>;
export type JobState = ApiOk<'/api/jobs/{id}'>;

export const bulletinsApi = {
  list: (page: number, pageSize: number) => call('get', '/api/bulletins', { query: { page, pageSize } }),
  get: (id: string) => call('get', '/api/bulletins/{id}', { params: { id } }),
  charts: (id: string) => call('get', '/api/bulletins/{id}/charts', { params: { id } }),
  draft: (body: ApiBody<'/api/bulletins', 'post'>) => call('post', '/api/bulletins', { body }),
  job: (id: string) => call('get', '/api/jobs/{id}', { params: { id } }),
  update: (id: string, body: EditInput) => call('put', '/api/bulletins/{id}', { params: { id }, body }),
  publish: (id: string, version: number) => call('post', '/api/bulletins/{id}/publish', { params: { id }, body: { version } }),
  remove: (id: string) => call('delete', '/api/bulletins/{id}', { params: { id } }),
  downloadUrl: (id: string, format: 'docx' | 'xlsx') => `/api/bulletins/${id}/download?format=${format}`,
};
