import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { POLICIES, step, type ThrottlePolicy, type ThrottleState } from './throttle';

/** Runs attempts at the given times; counts those allowed. */
function run(p: ThrottlePolicy, times: number[]) {
  let s: ThrottleState | null = null;
  const allowed: number[] = [];
  for (const t of times) {
    const r = step(s, new Date(t), p);
    if (r.allowed) {
      s = r.next;
      allowed.push(t);
    } else {
      expect(r.retryAfterMs).toBeGreaterThan(0);
    }
  }
  return allowed;
}

describe('throttle step', () => {
  it('a lock key allows at most `limit` attempts in any one window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_600_000 }), { maxLength: 200 }), (raw) => {
        const times = [...raw].sort((a, b) => a - b);
        const allowed = run(POLICIES.pair, times);
        // Windows start at an allowed attempt; count the attempts allowed within each.
        for (const start of allowed) {
          const inside = allowed.filter((t) => t >= start && t < start + POLICIES.pair.windowMs);
          expect(inside.length).toBeLessThanOrEqual(2 * POLICIES.pair.limit);
        }
      }),
    );
  });

  it('locks a pair after five tries until the window ends', () => {
    const allowed = run(POLICIES.pair, [0, 1, 2, 3, 4, 5, 6, 14 * 60_000, 15 * 60_000]);
    expect(allowed).toEqual([0, 1, 2, 3, 4, 15 * 60_000]);
  });

  it('never makes a username wait longer than the ceiling, however many tries came before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (n) => {
        let s: ThrottleState | null = null;
        let t = 0;
        for (let i = 0; i < n; i++) {
          const r = step(s, new Date(t), POLICIES.user);
          if (r.allowed) s = r.next;
          else t += r.retryAfterMs;
          t += 10;
        }
        const r = step(s, new Date(t), POLICIES.user);
        const wait = r.allowed ? 0 : r.retryAfterMs;
        expect(wait).toBeLessThanOrEqual(POLICIES.user.maxDelayMs);
      }),
    );
  });

  it('doubles the username delay past the free tries', () => {
    let s: ThrottleState | null = null;
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const r = step(s, new Date(0), POLICIES.user);
      if (!r.allowed) throw new Error('refused early');
      s = r.next;
      waits.push(s.blockedUntil ? s.blockedUntil.getTime() : 0);
      s = { ...s, blockedUntil: null };
    }
    expect(waits.slice(9)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });
});
