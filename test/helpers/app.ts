// An app on a fresh database with the demo zones, and a signed-in client per user.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { openTestDb, unpinZones } from './db';

import { DEMO_PASSWORD } from './templateNames';

export { DEMO_PASSWORD };

export interface TestApp {
  app: FastifyInstance;
  handle: Awaited<ReturnType<typeof openTestDb>>;
  signIn(username: string, zone?: string, password?: string): Promise<Client>;
  /** A row's current version, as a client that had just read it would send it. */
  version(table: string, id: string): Promise<number>;
  close(): Promise<void>;
}

export interface Client {
  cookie: string;
  csrf: string;
  me: { user: { id: string; role: string; unitId: string | null }; zone: { id: string; code: string } };
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** POST one file as multipart field "file". */
  upload(url: string, name: string, data: Buffer): Promise<LightMyRequestResponse>;
}

export async function testApp(opts: { demo?: boolean; clock?: () => Date } = {}): Promise<TestApp> {
  const handle = await openTestDb({ start: opts.demo === false ? 'migrated' : 'demo' });
  if (opts.clock) await unpinZones(handle);
  const app = await buildApp({ handle, clock: opts.clock });
  await app.ready();
  return {
    app,
    handle,
    signIn: (username, zone = 'xuzhou', password = DEMO_PASSWORD) => signIn(app, username, zone, password),
    version: async (table, id) => (await handle.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0]!.version,
    async close() {
      await app.close();
      await handle.drop();
    },
  };
}

export async function signIn(app: FastifyInstance, username: string, zone: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, zone } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = res.json();
  return {
    cookie,
    csrf: me.csrfToken,
    me,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    send: (method, url, body, headers = {}) =>
      app.inject({ method, url, payload: body as object, headers: { cookie, 'x-csrf-token': me.csrfToken, ...headers } }),
    upload: (url, name, data) => {
      const boundary = `----gj${Math.random().toString(16).slice(2)}`;
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({ method: 'POST', url, payload, headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    },
  };
}
