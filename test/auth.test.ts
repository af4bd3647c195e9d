// Sign-in, sessions and the server's own answers, on two zones the test makes: the staff
// accounts (admin, leader, supervisor, viewer) belong to both, each reporter to its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, testApp, type TestApp } from './helpers/app';
import { makeZone, unit } from './helpers/factories';
import { hashPassword } from '../src/domains/auth/password';
import { buildApp } from '../src/server/app';

let t: TestApp;
const DUCHA = unit('ducha', '督查办', 'department');
beforeAll(async () => {
  t = await testApp({ demo: false });
  await makeZone(t.handle, 'north', { units: [unit('damiao', '大庙街道'), unit('donghuan', '东环街道'), DUCHA] });
  await makeZone(t.handle, 'south', { units: [unit('meicheng', '枚乘街道'), DUCHA] });
}, 120_000);
afterAll(async () => t.close());

const login = (body: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers });

describe('sign-in', () => {
  it('hashes passwords with argon2id', async () => {
    expect(await hashPassword('Abc-pass-2345')).toMatch(/^\$argon2id\$/);
  });

  it('signs in and sets an HttpOnly, SameSite session cookie', async () => {
    const res = await login({ username: 'leader', password: DEMO_PASSWORD, zone: 'north' });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'gj_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    // A lifetime, not a date: the browser's clock counts it (12 hours).
    expect(c.maxAge).toBe(12 * 3600);
    expect(c.expires).toBeUndefined();
    expect(res.json().zone.code).toBe('north');
    expect(res.json().user.role).toBe('leader');
  });

  it('asks for the zone when an account belongs to several, and not otherwise', async () => {
    const res = await login({ username: 'leader', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('auth.zone_required');
    const rep = await login({ username: 'north-damiao', password: DEMO_PASSWORD });
    expect(rep.statusCode).toBe(200);
    expect(rep.json().user.unitName).toBe('大庙街道');
    const wrongZone = await login({ username: 'north-damiao', password: DEMO_PASSWORD, zone: 'south' });
    expect(wrongZone.json().code).toBe('auth.no_membership');
  });

  it('answers a wrong password in the user’s language', async () => {
    const zh = await login({ username: 'viewer', password: 'nope', zone: 'north' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    const en = await login({ username: 'viewer', password: 'nope', zone: 'north' }, { 'accept-language': 'en-US' });
    expect(en.json().message).toBe('Wrong username or password');
  });

  it('locks an account after five failures, with a clear message', async () => {
    for (let i = 0; i < 5; i++) await login({ username: 'north-donghuan', password: 'wrong' });
    const res = await login({ username: 'north-donghuan', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('auth.locked');
    expect(res.json().message).toMatch(/登录失败次数过多，请在\d+分钟后再试/);
  });

  it('names the invalid field', async () => {
    const res = await login({ username: '', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    expect(res.json().message).toContain('username');
  });
});

describe('sessions', () => {
  it('require a session for API routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.required');
  });

  it('require the CSRF token on cookie-authenticated writes', async () => {
    const admin = await t.signIn('admin', 'north');
    const body = { code: 'csrf1', name: 'CSRF测试', kind: 'area' };
    const noToken = await admin.send('POST', '/api/units', body, { 'x-csrf-token': '' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('auth.csrf');
    const units = await admin.get('/api/units?search=csrf1');
    expect(units.json().total).toBe(0);
    expect((await admin.send('POST', '/api/units', body)).statusCode).toBe(200);
  });

  it('end on logout', async () => {
    const c = await t.signIn('viewer', 'north');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.send('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expire', async () => {
    const c = await t.signIn('viewer', 'north');
    await t.handle.query(`UPDATE sessions SET expires_at = now() - interval '1 minute'`);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('switch zone for an account of several zones', async () => {
    const c = await t.signIn('supervisor', 'north');
    const res = await c.send('POST', '/api/auth/zone', { zone: 'south' });
    expect(res.statusCode).toBe(200);
    expect(res.json().zone.code).toBe('south');
    const rep = await t.signIn('north-damiao', 'north');
    expect((await rep.send('POST', '/api/auth/zone', { zone: 'south' })).json().code).toBe('auth.no_membership');
  });

  it('change a password only with the current one, ending other sessions', async () => {
    const a = await t.signIn('south-meicheng', 'south');
    const b = await t.signIn('south-meicheng', 'south');
    expect((await a.send('POST', '/api/auth/password', { current: 'bad', next: 'newpass123' })).json().code).toBe('auth.wrong_password');
    expect((await a.send('POST', '/api/auth/password', { current: DEMO_PASSWORD, next: 'short' })).json().code).toBe('auth.weak_password');
    expect((await a.send('POST', '/api/auth/password', { current: DEMO_PASSWORD, next: 'newpass123' })).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    await expect(t.signIn('south-meicheng', 'south', 'newpass123')).resolves.toBeTruthy();
  });
});

describe('the server', () => {
  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('reports its database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('never shows a stack trace', async () => {
    const broken = await buildApp({
      handle: { ...t.handle, query: async () => Promise.reject(new Error('secret internals at /src/x.ts:1')) },
    });
    const res = await broken.inject({ method: 'GET', url: '/api/health' });
    await broken.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'internal', message: '服务器内部错误，请稍后再试' });
  });

  it('documents every route in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/auth/login', '/api/units', '/api/users', '/api/audit', '/api/health']) expect(paths).toContain(p);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
  });
});
