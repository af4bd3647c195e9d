// The one closed loop (闭环) shared by project problems, supervision tasks, hazards
// and enterprise appeals: found → assigned (交办) → rectifying (整改) → verifying
// (复核) → closed (销号), with `returned` (退回) as the side track. Pure functions:
// the caller stores the state, the actor's roles and the audit trail.
import { addWorkdays, daysBetween, isIsoDate, type IsoDate } from '../calendar';
import { textsOf, type Params, type Texts } from '../errors';

import type { LoopAction, LoopState } from './states';
export { LOOP_ACTIONS, LOOP_EVENT_ACTIONS, LOOP_STATES, type LoopAction, type LoopEventAction, type LoopState } from './states';

/** supervisor = 督查办 / the handling office; assignee = a member of the assigned unit; raiser = who raised it. */
export type LoopRole = 'supervisor' | 'assignee' | 'raiser';

/** What the caller must supply with an action, besides the actor. */
export type LoopInputField = 'reason' | 'assignee' | 'deadline';

export interface LoopTransition {
  /** null: the item does not exist yet (only `raise`). */
  from: LoopState | null;
  action: LoopAction;
  to: LoopState;
  roles: readonly LoopRole[];
  requires: readonly LoopInputField[];
}

const t = (
  from: LoopState | null,
  action: LoopAction,
  to: LoopState,
  roles: LoopRole[],
  requires: LoopInputField[] = [],
): LoopTransition => ({ from, action, to, roles, requires });

/**
 * The transition table. `returned` is one state for both ways back: the verifier
 * rejecting the fix, or the raiser/assignee being sent back. From there whoever
 * holds the item next moves it on (the raiser resubmits, the supervisor
 * reassigns, the assignee resumes). Every step back or sideways needs a reason so
 * the audit trail says why.
 */
export const LOOP_TRANSITIONS: readonly LoopTransition[] = [
  t(null, 'raise', 'found', ['raiser', 'supervisor']),
  // Supervisor triages what was raised.
  t('found', 'assign', 'assigned', ['supervisor'], ['assignee', 'deadline']),
  t('found', 'return', 'returned', ['supervisor'], ['reason']), // unclear: back to the raiser
  t('found', 'close', 'closed', ['supervisor', 'raiser'], ['reason']), // duplicate, not a problem, withdrawn
  // The assigned unit takes it on, fixes it at once (马上办), or declines it.
  t('assigned', 'accept', 'rectifying', ['assignee']),
  t('assigned', 'report_done', 'verifying', ['assignee']),
  t('assigned', 'return', 'returned', ['assignee'], ['reason']), // not this unit's responsibility
  t('assigned', 'assign', 'assigned', ['supervisor'], ['assignee', 'deadline']), // reassign or new deadline
  t('rectifying', 'report_done', 'verifying', ['assignee']),
  // 复核: pass closes it (销号), fail sends it back for more rectification.
  t('verifying', 'verify', 'closed', ['supervisor']),
  t('verifying', 'return', 'returned', ['supervisor'], ['reason']),
  // Picking a returned item up again.
  t('returned', 'raise', 'found', ['raiser']), // raiser amends and resubmits
  t('returned', 'assign', 'assigned', ['supervisor'], ['assignee', 'deadline']),
  t('returned', 'accept', 'rectifying', ['assignee']), // rework after a failed check
  t('returned', 'close', 'closed', ['supervisor', 'raiser'], ['reason']),
  // A closed problem that comes back goes to the same unit with a new deadline.
  t('closed', 'reopen', 'assigned', ['supervisor'], ['reason', 'deadline']),
];

export const LOOP_STATE_LABELS: Record<LoopState, { zh: string; en: string }> = {
  found: { zh: '待交办', en: 'Raised' },
  assigned: { zh: '已交办', en: 'Assigned' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  verifying: { zh: '待复核', en: 'Awaiting verification' },
  closed: { zh: '已销号', en: 'Closed' },
  returned: { zh: '已退回', en: 'Returned' },
};

export const LOOP_ACTION_LABELS: Record<LoopAction, { zh: string; en: string }> = {
  raise: { zh: '提交', en: 'Raise' },
  assign: { zh: '交办', en: 'Assign' },
  accept: { zh: '签收整改', en: 'Accept' },
  report_done: { zh: '报结', en: 'Report done' },
  verify: { zh: '复核销号', en: 'Verify and close' },
  return: { zh: '退回', en: 'Return' },
  close: { zh: '关闭', en: 'Close' },
  reopen: { zh: '重新交办', en: 'Reopen' },
};

export type LoopErrorCode =
  | 'loop.invalid_transition'
  | 'loop.not_allowed'
  | 'loop.reason_required'
  | 'loop.assignee_required'
  | 'loop.deadline_required';

export interface LoopError {
  code: LoopErrorCode;
  /** The catalogue message's parameters (shared/errors.ts). */
  params: Params;
  message: Texts;
}

const loopError = (code: LoopErrorCode, params: Params = {}): LoopError => ({ code, params, message: textsOf(code, params) });

export interface LoopInput {
  reason?: string | null;
  /** Id or name of the assigned unit. */
  assignee?: string | null;
  deadline?: IsoDate | null;
}

export function isLoopError(value: LoopState | LoopError): value is LoopError {
  return typeof value === 'object';
}

const roleLabel: Record<LoopRole, string> = { supervisor: '督办人', assignee: '承办单位', raiser: '提出人' };
const stateZh = (s: LoopState | null) => (s ? LOOP_STATE_LABELS[s].zh : '新建');

function roleList(roles: LoopRole | readonly LoopRole[]): readonly LoopRole[] {
  return typeof roles === 'string' ? [roles] : roles;
}

/**
 * The next state, or why not. Checks, in order: the action exists from this
 * state, one of the actor's roles may take it, and the required input is there.
 */
export function transition(
  state: LoopState | null,
  action: LoopAction,
  actor: LoopRole | readonly LoopRole[],
  input: LoopInput = {},
): LoopState | LoopError {
  const rule = LOOP_TRANSITIONS.find((r) => r.from === state && r.action === action);
  // English names the codes, as the API does; Chinese the labels people see.
  const act = { zh: LOOP_ACTION_LABELS[action]?.zh ?? action, en: action };
  if (!rule) return loopError('loop.invalid_transition', { state: { zh: stateZh(state), en: state ?? 'new' }, action: act });
  const roles = roleList(actor);
  if (!rule.roles.some((r) => roles.includes(r))) {
    return loopError('loop.not_allowed', { roles: { zh: rule.roles.map((r) => roleLabel[r]).join('或'), en: rule.roles.join(' or ') }, action: act });
  }
  if (rule.requires.includes('reason') && !input.reason?.trim()) return loopError('loop.reason_required', { action: act });
  if (rule.requires.includes('assignee') && !input.assignee?.trim()) return loopError('loop.assignee_required');
  if (rule.requires.includes('deadline') && !isIsoDate(input.deadline)) return loopError('loop.deadline_required');
  return rule.to;
}

/** The transitions an actor with these roles can take now, for the UI's buttons. */
export function allowedActions(state: LoopState | null, actorRoles: LoopRole | readonly LoopRole[]): LoopTransition[] {
  const roles = roleList(actorRoles);
  return LOOP_TRANSITIONS.filter((r) => r.from === state && r.roles.some((role) => roles.includes(role)));
}

/** Open items count towards "动态清零" (the open list at zero). */
export function isOpen(state: LoopState): boolean {
  return state !== 'closed';
}

export type Light = 'green' | 'amber' | 'red' | 'done';

/**
 * Traffic light against the deadline: amber from `amberDays` calendar days before it
 * (Xi'an's rule is 3), red once past it; closed items are 'done'. No deadline yet
 * (found, returned) is green: nothing can be late before a deadline is set.
 */
export function light(
  deadline: IsoDate | null | undefined,
  today: IsoDate,
  state: LoopState,
  { amberDays = 3 }: { amberDays?: number } = {},
): Light {
  if (state === 'closed') return 'done';
  if (!deadline) return 'green';
  const left = daysBetween(today, deadline);
  if (left < 0) return 'red';
  return left <= amberDays ? 'amber' : 'green';
}

/** Calendar days past the deadline (0 when not overdue). */
export function overdueDays(deadline: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(deadline, today));
}

export interface EscalationOptions {
  /** Overdue by more than this many calendar days → level 2. */
  level2AfterDays?: number;
  /** Overdue by more than this many calendar days → level 3. */
  level3AfterDays?: number;
}

/** 0 not overdue, 1 overdue, 2 overdue > 7 days, 3 overdue > 30 days (thresholds configurable). */
export function escalationLevel(
  deadline: IsoDate,
  today: IsoDate,
  { level2AfterDays = 7, level3AfterDays = 30 }: EscalationOptions = {},
): 0 | 1 | 2 | 3 {
  const late = overdueDays(deadline, today);
  if (late > level3AfterDays) return 3;
  if (late > level2AfterDays) return 2;
  return late > 0 ? 1 : 0;
}

/** Appeal service standard, in working days from the day it was raised. */
export interface ServiceStandard {
  respondWorkdays: number;
  answerWorkdays: number;
  solveWorkdays: number;
}

/** Zaozhuang: respond within 1 working day, answer within 2, solve within 10 (25 for hard cases). */
export const SERVICE_STANDARDS = {
  normal: { respondWorkdays: 1, answerWorkdays: 2, solveWorkdays: 10 },
  hard: { respondWorkdays: 1, answerWorkdays: 2, solveWorkdays: 25 },
} as const satisfies Record<string, ServiceStandard>;

export interface ServiceDeadlines {
  respondBy: IsoDate;
  answerBy: IsoDate;
  solveBy: IsoDate;
}

/**
 * Due dates for an appeal. The day it is raised does not count: raised on a
 * working day, "within 1 working day" is the next working day; raised on a
 * weekend or holiday, it is the first working day after.
 */
export function serviceDeadlines(
  raisedOn: IsoDate,
  standard: ServiceStandard = SERVICE_STANDARDS.normal,
): ServiceDeadlines {
  return {
    respondBy: addWorkdays(raisedOn, standard.respondWorkdays),
    answerBy: addWorkdays(raisedOn, standard.answerWorkdays),
    solveBy: addWorkdays(raisedOn, standard.solveWorkdays),
  };
}
