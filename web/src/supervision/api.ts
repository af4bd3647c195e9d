// The 督查督办 endpoints (src/domains/supervision/routes.ts); the shapes are the server's
// own (web/src/api/schema.d.ts, generated from its route schemas).
import { call, type ApiBody, type ApiOk, type ApiQuery } from '../api/contract';

export type Task = ApiOk<'/api/supervision/tasks'>['items'][number];
export type Light = Task['light'];
export type Standing = Task['standing'];
export type LoopState = Task['state'];
export type TaskQuery = ApiQuery<'/api/supervision/tasks'> & { page: number; pageSize: number };
export type Summary = ApiOk<'/api/supervision/summary'>;
export type Grouping = Summary['by'];
export type Counts = Summary['totals'];
export type TaskDetail = ApiOk<'/api/supervision/tasks/{id}'>;
export type Progress = TaskDetail['progress'][number];
export type FileInfo = Pick<Progress['files'][number], 'id' | 'name' | 'mime' | 'size'>;
/** A request as the task shows it; the list of pending ones adds the task's text. */
export type TaskRequest = TaskDetail['requests'][number] & Partial<Pick<ApiOk<'/api/supervision/requests'>['items'][number], 'taskText'>>;
export type LoopAction = TaskDetail['allowedActions'][number]['action'];
export type RequestKind = TaskRequest['kind'];
export type Notice = TaskDetail['notices'][number];
export type DocumentView = ApiOk<'/api/supervision/documents/{id}'>;
export type SvDocument = DocumentView['document'];
export type Draft = DocumentView['draft'];
export type DraftItem = Draft['items'][number];
export type Quantity = DraftItem['quantities'][number];
export type ConfirmItem = ApiBody<'/api/supervision/documents/{id}/confirm', 'post'>['items'][number];
export type SvSettings = ApiOk<'/api/supervision/settings'>;

export const supervisionApi = {
  settings: () => call('get', '/api/supervision/settings'),
  saveSettings: (body: ApiBody<'/api/supervision/settings', 'put'>) => call('put', '/api/supervision/settings', { body }),
  tasks: (q: TaskQuery) => call('get', '/api/supervision/tasks', { query: q }),
  summary: (by: Grouping, q: Omit<TaskQuery, 'page' | 'pageSize'>) => call('get', '/api/supervision/summary', { query: { by, ...q } }),
  task: (id: string) => call('get', '/api/supervision/tasks/{id}', { params: { id } }),
  progress: (id: string, body: ApiBody<'/api/supervision/tasks/{id}/progress', 'post'>) => call('post', '/api/supervision/tasks/{id}/progress', { params: { id }, body }),
  delayReason: (id: string, reason: string, version: number) => call('post', '/api/supervision/tasks/{id}/delay-reason', { params: { id }, body: { reason, version } }),
  request: (id: string, body: ApiBody<'/api/supervision/tasks/{id}/requests', 'post'>) => call('post', '/api/supervision/tasks/{id}/requests', { params: { id }, body }),
  requests: (page: number, pageSize: number) => call('get', '/api/supervision/requests', { query: { page, pageSize } }),
  decide: (id: string, body: ApiBody<'/api/supervision/requests/{id}/decision', 'post'>) => call('post', '/api/supervision/requests/{id}/decision', { params: { id }, body }),
  issueNotice: (id: string, body: ApiBody<'/api/supervision/tasks/{id}/notices', 'post'>) => call('post', '/api/supervision/tasks/{id}/notices', { params: { id }, body }),
  act: (id: string, body: ApiBody<'/api/loop/items/{id}/actions', 'post'>) => call('post', '/api/loop/items/{id}/actions', { params: { id }, body }),
  documents: (page: number, pageSize: number) => call('get', '/api/supervision/documents', { query: { page, pageSize } }),
  createDocument: (body: ApiBody<'/api/supervision/documents', 'post'>) => call('post', '/api/supervision/documents', { body }),
  document: (id: string) => call('get', '/api/supervision/documents/{id}', { params: { id } }),
  confirm: (id: string, items: ConfirmItem[]) => call('post', '/api/supervision/documents/{id}/confirm', { params: { id }, body: { items } }),
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
