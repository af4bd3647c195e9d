// A failed query is logged with its SQL and the kinds of its parameters, never their values.
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { loggableError } from './client';

describe('loggableError', () => {
  it('drops the values of a failed query’s parameters, keeps the SQL, the count and the stack', () => {
    const secret = `机密${'x'.repeat(1024 * 1024)}`;
    const cause = Object.assign(new Error('value too long for type character varying(10)'), { code: '22001' });
    const err = new DrizzleQueryError(`insert into notes (zone_id, text, at) values ($1, $2, $3)`, ['z-1', secret, new Date()], cause);
    expect(err.message).toContain(secret); // what drizzle would have logged
    const safe = loggableError(err) as Error & { code?: string };
    expect(safe.message).not.toContain('机密');
    expect(safe.stack).not.toContain('xxxxxxxx');
    expect(safe.message).toContain('insert into notes (zone_id, text, at) values ($1, $2, $3)');
    expect(safe.message).toContain('3 parameters: string, string, date');
    expect(safe.message).toContain('value too long');
    expect(safe.code).toBe('22001');
    expect(safe.stack).toMatch(/\n {4}at /);
    expect(safe.message.length).toBeLessThan(1500);
  });

  it('cuts long SQL short and leaves other errors alone', () => {
    const long = new DrizzleQueryError(`select ${'a, '.repeat(5000)}b`, [], undefined as unknown as Error);
    expect((loggableError(long) as Error).message.length).toBeLessThan(800);
    const plain = new Error('boom');
    expect(loggableError(plain)).toBe(plain);
  });
});
