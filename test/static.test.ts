// The built web app as the server sends it: each asset precompressed at build time
// (vite.config.ts) and sent as brotli or gzip to browsers that take it; hashed assets
// kept a year, the page asked again each time so a new version is seen at once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { openTestDb, type TestDb } from './helpers/db';

const script = `export const greeting = '攻坚';\n${'console.log(greeting);\n'.repeat(400)}`;
let dir: string;
let handle: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gj-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>攻坚</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'assets/index-abc123.js'), script);
  writeFileSync(join(dir, 'assets/index-abc123.js.gz'), gzipSync(script));
  writeFileSync(join(dir, 'assets/index-abc123.js.br'), brotliCompressSync(script));
  handle = await openTestDb({ start: 'migrated' });
  app = await buildApp({ handle, webDir: dir });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await handle?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the web app as served', () => {
  it('sends brotli, else gzip, else the plain file, always the same script', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(script);
    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(script);
    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(br.headers['content-type']).toMatch(/javascript/);
  });

  it('keeps hashed assets a year and asks again for the page, also on a client-side route', async () => {
    expect((await get('/assets/index-abc123.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/cockpit']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<title>攻坚</title>');
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('still answers an unknown API path with a JSON 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });
});
