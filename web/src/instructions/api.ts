// The 领导批示 endpoints (src/domains/instructions/routes.ts); signing, reporting and
// closing go through the closed loop's own routes. The shapes are the server's own
// (web/src/api/schema.d.ts, generated from its route schemas).
import { call, type ApiBody, type ApiOk, type ApiQuery } from '../api/contract';

export type Instruction = ApiOk<'/api/instructions'>['items'][number];
export type InstructionSubject = Instruction['subjectType'];
export type InstructionState = Instruction['state'];
export type InstructionAction = Instruction['actions'][number];
/** `mine` / `todo` travel as 'true' | 'false', as the server reads them. */
export type InstructionQuery = ApiQuery<'/api/instructions'>;
export type WriteInput = ApiBody<'/api/instructions', 'post'>;

export const instructionsApi = {
  list: (q: InstructionQuery) => call('get', '/api/instructions', { query: { pageSize: 100, ...q } }),
  write: (input: WriteInput) => call('post', '/api/instructions', { body: input }),
  act: (id: string, body: ApiBody<'/api/loop/items/{id}/actions', 'post'>) => call('post', '/api/loop/items/{id}/actions', { params: { id }, body }),
  note: (id: string, note: string) => call('post', '/api/loop/items/{id}/notes', { params: { id }, body: { note } }),
  units: () => call('get', '/api/units', { query: { pageSize: 200 } }),
};
