// The closed loop's states, alone in a leaf module (it imports nothing) so that the
// database schema can type its column without depending on the loop's logic.
export const LOOP_STATES = ['found', 'assigned', 'rectifying', 'verifying', 'closed', 'returned'] as const;
export type LoopState = (typeof LOOP_STATES)[number];
