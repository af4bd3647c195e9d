// Sign-in throttling, the pure part: one counter per key in a fixed window; an
// attempt is counted before the password is checked, so a try in flight already
// uses up its allowance. Past the limit a key is either locked to the end of its
// window ('lock') or made to wait a delay that doubles up to a ceiling ('delay').
// The policy is explained in docs/security.md.

export interface ThrottlePolicy {
  /** Attempts allowed in a window before the key is locked or delayed. */
  limit: number;
  windowMs: number;
  mode: 'lock' | 'delay';
  /** 'delay' mode: the first delay past the limit, doubling to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface ThrottleState {
  attempts: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

export type Step = { allowed: true; next: ThrottleState } | { allowed: false; retryAfterMs: number };

const MINUTE = 60_000;

export const POLICIES = {
  /** One username from one address: 5 tries per 15 minutes, then locked to the window's end. */
  pair: { limit: 5, windowMs: 15 * MINUTE, mode: 'lock' },
  /** One username from anywhere: 10 free tries per 15 minutes, then 1 s, 2 s, 4 s … at most 60 s apart. */
  user: { limit: 10, windowMs: 15 * MINUTE, mode: 'delay', baseDelayMs: 1000, maxDelayMs: MINUTE },
  /** One address (perhaps a whole office behind NAT): 50 failures per 5 minutes, then locked to the window's end. */
  ip: { limit: 50, windowMs: 5 * MINUTE, mode: 'lock' },
  /** Current-password guesses of one signed-in user: 5 per 15 minutes. */
  password: { limit: 5, windowMs: 15 * MINUTE, mode: 'lock' },
} satisfies Record<string, ThrottlePolicy>;

/** Takes one attempt from a key's allowance at `now`, or says how long to wait. */
export function step(state: ThrottleState | null, now: Date, p: ThrottlePolicy): Step {
  const t = now.getTime();
  const fresh = !state || t >= state.windowStart.getTime() + p.windowMs;
  const s: ThrottleState = fresh ? { attempts: 0, windowStart: now, blockedUntil: null } : state;
  if (s.blockedUntil && t < s.blockedUntil.getTime()) return { allowed: false, retryAfterMs: s.blockedUntil.getTime() - t };
  const attempts = s.attempts + 1;
  let blockedUntil: Date | null = null;
  if (attempts >= p.limit) {
    blockedUntil =
      p.mode === 'lock'
        ? new Date(s.windowStart.getTime() + p.windowMs)
        : new Date(t + Math.min(p.maxDelayMs ?? MINUTE, (p.baseDelayMs ?? 1000) * 2 ** (attempts - p.limit)));
  }
  return { allowed: true, next: { attempts, windowStart: s.windowStart, blockedUntil } };
}
