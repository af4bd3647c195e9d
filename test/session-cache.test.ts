// Sessions and zones' data versions kept in memory (src/domains/auth/sessionCache.ts):
// as strict as the database. Within a process a change is seen by the very next
// request, whoever wrote it; in another process once its notification connection hears
// it (db/changes.ts), and a process whose notification connection is down reads the
// database on every request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp, type Client, type TestApp } from './helpers/app';
import { onPostgres } from './helpers/db';
import { openDatabase, type DbHandle } from '../src/db/client';
import { CHANGES_APPLICATION } from '../src/db/changes';
import { buildApp } from '../src/server/app';

let t: TestApp;
let now = Date.now();
let admin: Client;
beforeAll(async () => {
  t = await testApp({ clock: () => new Date(now) });
  admin = await t.signIn('admin');
});
afterAll(async () => t.close());

const me = (app: FastifyInstance, c: Client) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: c.cookie } });
const cockpitTag = async (app: FastifyInstance, c: Client) => {
  const res = await app.inject({ method: 'GET', url: '/api/cockpit?period=2022-06', headers: { cookie: c.cookie } });
  expect(res.statusCode).toBe(200);
  return res.headers.etag;
};
const userId = async (username: string) => (await t.handle.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]))[0]!.id;
const patchUser = async (username: string, patch: object) => {
  const id = await userId(username);
  const res = await admin.send('PATCH', `/api/users/${id}`, { ...patch, version: await t.version('users', id) });
  expect(res.statusCode).toBe(200);
};
/** Signed in, and known in memory: its second request is answered without the database. */
const cached = async (username: string) => {
  const c = await t.signIn(username);
  expect((await me(t.app, c)).statusCode).toBe(200);
  const hits = t.app.sessionCache.stats.hits;
  expect((await me(t.app, c)).statusCode).toBe(200);
  expect(t.app.sessionCache.stats.hits).toBe(hits + 1);
  return c;
};

describe('within one process, a change is seen by the very next request', () => {
  it('sign-out', async () => {
    const c = await cached('viewer');
    expect((await c.send('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await me(t.app, c)).statusCode).toBe(401);
  });

  it('a password set by an administrator, and a disabled account', async () => {
    const c = await cached('xz-damiao');
    await patchUser('xz-damiao', { password: 'Fresh-pass-4242' });
    expect((await me(t.app, c)).statusCode).toBe(401);
    await expect(t.signIn('xz-damiao')).rejects.toThrow(/401/);
    const e = await t.signIn('xz-damiao', 'xuzhou', 'Fresh-pass-4242');
    expect((await me(t.app, e)).statusCode).toBe(200);
    await patchUser('xz-damiao', { disabled: true });
    expect((await me(t.app, e)).statusCode).toBe(401);
  });

  it('a role changed: the sessions end, and a membership changed underneath is acted on at once', async () => {
    const c = await cached('supervisor');
    await patchUser('supervisor', { role: 'viewer' });
    expect((await me(t.app, c)).statusCode).toBe(401);
    const d = await cached('supervisor');
    const before = (await me(t.app, d)).json().abilities;
    await t.handle.query(`UPDATE memberships SET role = 'supervisor' WHERE user_id = $1`, [await userId('supervisor')]);
    const after = (await me(t.app, d)).json().abilities;
    expect(after).not.toEqual(before);
    expect(after['audit.read']).toBe(true);
  });

  it('any writer, even a statement outside the app (the database announces it at commit)', async () => {
    const c = await cached('leader');
    const tag = await cockpitTag(t.app, c);
    await t.handle.query(`UPDATE figures SET value = value + 1 WHERE id = (SELECT id FROM figures ORDER BY id LIMIT 1)`);
    expect(await cockpitTag(t.app, c)).not.toBe(tag);
    await t.handle.query(`UPDATE zones SET pinned_date = '2022-07-31' WHERE code = 'xuzhou'`);
    expect((await c.get('/api/zone')).json().pinnedDate).toBe('2022-07-31');
    await t.handle.query(`UPDATE zones SET pinned_date = NULL WHERE code = 'xuzhou'`);
    await t.handle.query(`UPDATE users SET disabled = true WHERE username = 'leader'`);
    expect((await me(t.app, c)).statusCode).toBe(401);
    await t.handle.query(`UPDATE users SET disabled = false WHERE username = 'leader'`);
  });

  it('a data version is told with its value: the read after a write needs no database read for it', async () => {
    const c = await cached('leader');
    const tag = await cockpitTag(t.app, c);
    const { reads } = t.app.sessionCache.stats;
    const [before] = await t.handle.query<{ version: string }>(`SELECT version::text FROM zone_data_versions WHERE zone_id = (SELECT id FROM zones WHERE code = 'xuzhou')`);
    await t.handle.query(`UPDATE figures SET value = value + 1 WHERE id = (SELECT id FROM figures ORDER BY id LIMIT 1)`);
    const [after] = await t.handle.query<{ version: string }>(`SELECT version::text FROM zone_data_versions WHERE zone_id = (SELECT id FROM zones WHERE code = 'xuzhou')`);
    expect(BigInt(after!.version)).toBeGreaterThan(BigInt(before!.version));
    const next = await cockpitTag(t.app, c);
    expect(next).not.toBe(tag);
    expect(t.app.sessionCache.stats.reads).toBe(reads);
    // …and the version it took is the committed one: an answer computed under it is the one a fresh session gets.
    expect(await cockpitTag(t.app, await t.signIn('leader'))).toBe(next);
  });

  it('a write rolled back changes nothing and drops nothing', async () => {
    const c = await cached('admin');
    const hits = t.app.sessionCache.stats.hits;
    await t.handle.exec(`BEGIN; UPDATE users SET disabled = true; ROLLBACK;`);
    expect((await me(t.app, c)).statusCode).toBe(200);
    expect(t.app.sessionCache.stats.hits).toBe(hits + 1);
  });

  it('expiry is checked against the clock, in memory', async () => {
    const c = await cached('admin');
    now += 12 * 3600_000 + 1000; // idle past its 12 hours, not renewed meanwhile
    try {
      expect((await me(t.app, c)).statusCode).toBe(401);
    } finally {
      now = Date.now();
    }
  });
});

describe.skipIf(!onPostgres)('two API processes on one database', () => {
  let other: DbHandle;
  let b: FastifyInstance;
  beforeAll(async () => {
    // A second handle plays the second process: its own pool and notification connection.
    other = await openDatabase({ url: t.handle.url, changesRetryMs: 3000 });
    b = await buildApp({ handle: other, clock: () => new Date(now) });
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await other?.close();
  });
  const knownInB = async (c: Client) => {
    await expect.poll(() => other.changes.trusted, { timeout: 10_000 }).toBe(true); // listening
    expect((await me(b, c)).statusCode).toBe(200);
    const hits = b.sessionCache.stats.hits;
    expect((await me(b, c)).statusCode).toBe(200);
    expect(b.sessionCache.stats.hits).toBe(hits + 1);
  };

  it('a sign-out in one is seen by the other once it hears of it', async () => {
    const c = await t.signIn('viewer');
    await knownInB(c);
    expect((await c.send('POST', '/api/auth/logout')).statusCode).toBe(200);
    await expect.poll(async () => (await me(b, c)).statusCode, { timeout: 10_000 }).toBe(401);
  });

  it('an account disabled in one is refused by the other', async () => {
    const c = await t.signIn('xz-donghuan');
    await knownInB(c);
    await patchUser('xz-donghuan', { disabled: true });
    await expect.poll(async () => (await me(b, c)).statusCode, { timeout: 10_000 }).toBe(401);
  });

  it('the cockpit after a write in one is computed afresh in the other', async () => {
    const c = await t.signIn('leader');
    await knownInB(c);
    const tag = await cockpitTag(b, c);
    expect(await cockpitTag(b, c)).toBe(tag);
    await t.handle.query(`UPDATE figures SET value = value + 1 WHERE id = (SELECT id FROM figures ORDER BY id LIMIT 1)`);
    await expect.poll(() => cockpitTag(b, c), { timeout: 10_000 }).not.toBe(tag);
    expect(await cockpitTag(t.app, c)).toBe(await cockpitTag(b, c));
  });

  it('with its notification connection lost, a process reads the database until it listens again', async () => {
    const c = await t.signIn('leader');
    await knownInB(c);
    await t.handle.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
      CHANGES_APPLICATION,
    ]);
    await expect.poll(() => other.changes.trusted, { timeout: 10_000 }).toBe(false);
    const { hits, reads } = b.sessionCache.stats;
    expect((await me(b, c)).statusCode).toBe(200);
    expect((await me(b, c)).statusCode).toBe(200);
    // Retried after 3 s: both requests fell in the gap, and neither was answered from memory.
    expect(other.changes.trusted).toBe(false);
    expect(b.sessionCache.stats).toEqual({ hits, reads: reads + 2 });
    await expect.poll(() => other.changes.trusted, { timeout: 20_000 }).toBe(true);
    await knownInB(c);
    // Listening again: a change is heard as before.
    expect((await c.send('POST', '/api/auth/logout')).statusCode).toBe(200);
    await expect.poll(async () => (await me(b, c)).statusCode, { timeout: 10_000 }).toBe(401);
  });
});
