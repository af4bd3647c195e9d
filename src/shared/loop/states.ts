// The closed loop's states and actions, alone in a leaf module (it imports nothing) so
// that the database schema can type its columns without depending on the loop's logic.
export const LOOP_STATES = ['found', 'assigned', 'rectifying', 'verifying', 'closed', 'returned'] as const;
export type LoopState = (typeof LOOP_STATES)[number];

export const LOOP_ACTIONS = ['raise', 'assign', 'accept', 'report_done', 'verify', 'return', 'close', 'reopen'] as const;
export type LoopAction = (typeof LOOP_ACTIONS)[number];
/** What a loop event records: an action, or a progress note (store.ts addNote). */
export const LOOP_EVENT_ACTIONS = [...LOOP_ACTIONS, 'note'] as const;
export type LoopEventAction = (typeof LOOP_EVENT_ACTIONS)[number];
