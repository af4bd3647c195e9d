import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduledJobs } from './scheduledJobs';

describe('scheduled jobs are named in one place', () => {
  it('lists each job once, under its own name', () => {
    const names = scheduledJobs.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['jobs.expire', 'targets.reminders', 'enterprises.appeal-watch']),
    );
  });

  it('every job a module defines is in the list (no job left out, none registered on import)', () => {
    const defined: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) {
          for (const m of readFileSync(p, 'utf8').matchAll(/export const (\w+): ScheduledJob = /g)) defined.push(m[1]!);
        }
      }
    };
    walk(join(import.meta.dirname, '..'));
    expect(defined.length).toBe(scheduledJobs.length);
  });
});
