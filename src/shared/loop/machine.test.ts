import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar';
import {
  LOOP_ACTIONS,
  LOOP_STATES,
  LOOP_TRANSITIONS,
  SERVICE_STANDARDS,
  allowedActions,
  escalationLevel,
  isLoopError,
  isOpen,
  light,
  serviceDeadlines,
  transition,
  type LoopRole,
  type LoopState,
} from './machine';

const ALL_ROLES: LoopRole[] = ['supervisor', 'assignee', 'raiser'];
const FULL_INPUT = { reason: '复核不通过：现场仍有积水', assignee: '住建局', deadline: '2023-08-31' };

describe('transition', () => {
  it('walks the happy path to 销号', () => {
    let s: LoopState | null = null;
    const steps: [Parameters<typeof transition>[1], LoopRole][] = [
      ['raise', 'raiser'],
      ['assign', 'supervisor'],
      ['accept', 'assignee'],
      ['report_done', 'assignee'],
      ['verify', 'supervisor'],
    ];
    const seen: LoopState[] = [];
    for (const [action, role] of steps) {
      const next = transition(s, action, role, FULL_INPUT);
      if (isLoopError(next)) throw new Error(next.message.en);
      seen.push((s = next));
    }
    expect(seen).toEqual(['found', 'assigned', 'rectifying', 'verifying', 'closed']);
  });

  it('sends a failed check back for rework', () => {
    expect(transition('verifying', 'return', 'supervisor', { reason: '未整改到位' })).toBe('returned');
    expect(transition('returned', 'accept', 'assignee')).toBe('rectifying');
  });

  it('lets the assigned unit decline and the supervisor reassign', () => {
    expect(transition('assigned', 'return', 'assignee', { reason: '不属于本单位职责' })).toBe('returned');
    expect(transition('returned', 'assign', 'supervisor', { assignee: '自然资源和规划局', deadline: '2023-09-30' })).toBe(
      'assigned',
    );
  });

  it('always needs a reason to return, close or reopen', () => {
    for (const rule of LOOP_TRANSITIONS.filter((r) => ['return', 'close', 'reopen'].includes(r.action))) {
      expect(rule.requires, `${rule.from} ${rule.action}`).toContain('reason');
      const r = transition(rule.from, rule.action, rule.roles, { ...FULL_INPUT, reason: '  ' });
      expect(r).toMatchObject({ code: 'loop.reason_required' });
    }
  });

  it('needs an assignee and a deadline to assign', () => {
    expect(transition('found', 'assign', 'supervisor', { deadline: '2023-08-31' })).toMatchObject({
      code: 'loop.assignee_required',
    });
    expect(transition('found', 'assign', 'supervisor', { assignee: '住建局' })).toMatchObject({
      code: 'loop.deadline_required',
    });
    expect(transition('closed', 'reopen', 'supervisor', { reason: '问题反弹', deadline: '8月底前' })).toMatchObject({
      code: 'loop.deadline_required',
    });
  });

  it('rejects impossible moves with a bilingual error', () => {
    const r = transition('found', 'verify', 'supervisor');
    expect(r).toMatchObject({ code: 'loop.invalid_transition' });
    if (isLoopError(r)) {
      expect(r.message.zh).toContain('待交办');
      expect(r.message.en).toContain('found');
    }
    expect(transition('closed', 'close', 'supervisor', FULL_INPUT)).toMatchObject({ code: 'loop.invalid_transition' });
  });

  it('rejects the wrong role', () => {
    expect(transition('verifying', 'verify', 'assignee')).toMatchObject({ code: 'loop.not_allowed' });
    expect(transition('assigned', 'accept', ['raiser', 'supervisor'])).toMatchObject({ code: 'loop.not_allowed' });
    expect(transition('verifying', 'verify', ['assignee', 'supervisor'])).toBe('closed');
  });

  it('has at most one rule per state and action', () => {
    const keys = LOOP_TRANSITIONS.map((r) => `${r.from}:${r.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reaches every state from creation, and 销号 from every state', () => {
    const reach = (from: LoopState | null) => {
      const seen = new Set<LoopState | null>([from]);
      const queue = [from];
      for (let s = queue.shift(); s !== undefined; s = queue.shift())
        for (const r of LOOP_TRANSITIONS.filter((x) => x.from === s)) {
          if (seen.has(r.to)) continue;
          seen.add(r.to);
          queue.push(r.to);
        }
      return seen;
    };
    expect([...reach(null)].filter(Boolean).sort()).toEqual([...LOOP_STATES].sort());
    for (const s of LOOP_STATES) expect(reach(s).has('closed'), s).toBe(true);
  });

  it('property: allowedActions lists exactly the actions transition accepts', () => {
    const stateArb = fc.constantFrom<LoopState | null>(null, ...LOOP_STATES);
    const rolesArb = fc.subarray(ALL_ROLES);
    fc.assert(
      fc.property(stateArb, rolesArb, fc.constantFrom(...LOOP_ACTIONS), (state, roles, action) => {
        const offered = allowedActions(state, roles).some((r) => r.action === action);
        const result = transition(state, action, roles, FULL_INPUT);
        expect(!isLoopError(result)).toBe(offered);
        if (!isLoopError(result)) expect(LOOP_STATES).toContain(result);
      }),
    );
  });

  it('property: any random walk of accepted actions stays within the states', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...LOOP_ACTIONS), fc.constantFrom(...ALL_ROLES)), { maxLength: 30 }), (moves) => {
        let s: LoopState | null = null;
        for (const [action, role] of moves) {
          const next = transition(s, action, role, FULL_INPUT);
          if (!isLoopError(next)) s = next;
        }
        expect(s === null || LOOP_STATES.includes(s)).toBe(true);
      }),
    );
  });

  it('counts everything but closed as open', () => {
    expect(LOOP_STATES.filter(isOpen)).not.toContain('closed');
    expect(LOOP_STATES.filter(isOpen)).toHaveLength(5);
  });
});

describe('light', () => {
  it('green, amber from 3 days before, red once overdue, done when closed', () => {
    expect(light('2023-08-31', '2023-08-27', 'rectifying')).toBe('green');
    expect(light('2023-08-31', '2023-08-28', 'rectifying')).toBe('amber');
    expect(light('2023-08-31', '2023-08-31', 'rectifying')).toBe('amber');
    expect(light('2023-08-31', '2023-09-01', 'rectifying')).toBe('red');
    expect(light('2023-08-31', '2023-09-01', 'closed')).toBe('done');
    expect(light('2023-08-31', '2023-08-24', 'assigned', { amberDays: 7 })).toBe('amber');
    expect(light(null, '2023-09-01', 'found')).toBe('green');
  });

  it('property: an open item only gets worse as days pass', () => {
    const rank = { green: 0, amber: 1, red: 2, done: 3 };
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 60 }), fc.integer({ min: 0, max: 30 }), (offset, step) => {
        const deadline = '2023-08-31';
        const a = light(deadline, addDays(deadline, offset), 'rectifying');
        const b = light(deadline, addDays(deadline, offset + step), 'rectifying');
        expect(rank[b]).toBeGreaterThanOrEqual(rank[a]);
      }),
    );
  });
});

describe('escalationLevel', () => {
  it('0 on time, 1 overdue, 2 after 7 days, 3 after 30', () => {
    expect(escalationLevel('2023-08-31', '2023-08-31')).toBe(0);
    expect(escalationLevel('2023-08-31', '2023-09-01')).toBe(1);
    expect(escalationLevel('2023-08-31', '2023-09-07')).toBe(1);
    expect(escalationLevel('2023-08-31', '2023-09-08')).toBe(2);
    expect(escalationLevel('2023-08-31', '2023-09-30')).toBe(2);
    expect(escalationLevel('2023-08-31', '2023-10-01')).toBe(3);
    expect(escalationLevel('2023-08-31', '2023-09-04', { level2AfterDays: 3, level3AfterDays: 10 })).toBe(2);
  });

  it('property: never decreases as days pass', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 90 }), fc.integer({ min: 0, max: 40 }), (offset, step) => {
        const d = '2023-08-31';
        expect(escalationLevel(d, addDays(d, offset + step))).toBeGreaterThanOrEqual(escalationLevel(d, addDays(d, offset)));
      }),
    );
  });
});

describe('serviceDeadlines', () => {
  it('counts Zaozhuang working days from the day raised', () => {
    // Raised Thursday 2023-09-28, right before the Mid-Autumn/National Day break.
    expect(serviceDeadlines('2023-09-28')).toEqual({
      respondBy: '2023-10-07',
      answerBy: '2023-10-08',
      solveBy: '2023-10-18',
    });
    expect(serviceDeadlines('2023-09-28', SERVICE_STANDARDS.hard).solveBy).toBe('2023-11-08');
  });

  it('an appeal raised on a holiday is due the first working day after', () => {
    expect(serviceDeadlines('2022-10-03').respondBy).toBe('2022-10-08');
  });
});
