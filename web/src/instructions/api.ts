// The 领导批示 endpoints (src/domains/instructions/routes.ts); signing, reporting and
// closing go through the closed loop's own routes.
import { api } from '../api/client';
import type { Page } from '../api/types';

export type InstructionSubject = 'bulletin' | 'indicator' | 'problem' | 'appeal';
export type InstructionState = 'found' | 'assigned' | 'rectifying' | 'verifying' | 'closed' | 'returned';
export type InstructionAction = 'raise' | 'assign' | 'accept' | 'report_done' | 'verify' | 'return' | 'close' | 'reopen';

export interface Instruction {
  id: string;
  itemId: string;
  subjectType: InstructionSubject;
  subjectId: string;
  subjectTitle: string;
  period: string | null;
  text: string;
  leaderId: string;
  leaderName: string;
  leadUnitId: string | null;
  leadUnitName: string;
  supportingUnits: { id: string; name: string }[];
  deadline: string | null;
  state: InstructionState;
  light: 'green' | 'amber' | 'red' | 'done';
  overdueDays: number;
  writtenOn: string;
  closedOn: string | null;
  version: number;
  actions: InstructionAction[];
}

export interface InstructionQuery {
  subjectType?: InstructionSubject;
  subjectId?: string;
  period?: string;
  mine?: boolean;
  todo?: boolean;
  page?: number;
  pageSize?: number;
}

export interface WriteInput {
  subjectType: InstructionSubject;
  subjectId: string;
  period?: string;
  text: string;
  leadUnitId: string;
  supportingUnitIds: string[];
  deadline: string;
}

export const instructionsApi = {
  list: (q: InstructionQuery) => api.get<Page<Instruction>>('/api/instructions', { pageSize: 100, ...q }),
  write: (input: WriteInput) => api.post<{ id: string; itemId: string }>('/api/instructions', input),
  act: (itemId: string, body: { action: InstructionAction; reason?: string; version: number }) => api.post<unknown>(`/api/loop/items/${itemId}/actions`, body),
  note: (itemId: string, note: string) => api.post<unknown>(`/api/loop/items/${itemId}/notes`, { note }),
  units: () => api.get<Page<{ id: string; name: string }>>('/api/units', { pageSize: 200 }),
};
