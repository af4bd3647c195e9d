// Security of accounts: zones cannot reach each other's accounts (issue #13, item 1);
// sign-in throttling, session lifetime, password rule and cookies (item 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit } from './helpers/factories';
import { writeAudited } from '../src/server/context';
import { buildApp } from '../src/server/app';
import { createUser } from '../src/domains/system/users';

let t: TestApp;
// The file's clock: real time plus what the tests move it on by.
let offset = 0;
const later = (ms: number) => (offset += ms);
let haAdmin: Client;
const HA_ADMIN_PASSWORD = 'zone-b-admin-pass-7';
const userId = async (username: string) =>
  (await t.handle.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]))[0]!.id;
const zonesOf = async (username: string) =>
  (
    await t.handle.query<{ code: string }>(
      `SELECT z.code FROM memberships m JOIN zones z ON z.id = m.zone_id JOIN users u ON u.id = m.user_id
       WHERE u.username = $1 ORDER BY 1`,
      [username],
    )
  ).map((r) => r.code);

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date(Date.now() + offset) });
  // Two zones the staff accounts (admin, leader, supervisor, viewer) both belong to.
  const xa = await makeZone(t.handle, 'xa', {
    units: [unit('town1', '东城街道'), unit('town2', '西湖镇', 'town'), unit('jingfa', '经发局', 'department'), unit('caizheng', '财政局', 'department'), unit('zhengqian', '征迁办', 'department'), unit('ducha', '督查办', 'department')],
  });
  await makeZone(t.handle, 'xb', { units: [unit('bochi', '钵池街道'), unit('meicheng', '枚乘街道'), unit('ducha', '督查办', 'department')] });
  await xa.enterprise('town1', '徐州测试账户企业有限公司');
  // An administrator of xb only (the staff `admin` administers both zones).
  const admin = await t.signIn('admin', 'xb');
  const res = await admin.send('POST', '/api/users', { username: 'xb-admin', displayName: '乙区管理员', password: HA_ADMIN_PASSWORD, role: 'admin' });
  expect(res.statusCode).toBe(200);
  haAdmin = await t.signIn('xb-admin', 'xb', HA_ADMIN_PASSWORD);
});
afterAll(async () => t.close());

describe('accounts across zones', () => {
  it('creating a user with a username taken in another zone attaches nothing and reads like any other conflict', async () => {
    const body = (username: string) => ({ username, displayName: 'x', password: 'Fresh-pass-42', role: 'leader' });
    const elsewhere = await haAdmin.send('POST', '/api/users', body('xa-town1'));
    const here = await haAdmin.send('POST', '/api/users', body('xb-bochi'));
    expect(elsewhere.statusCode).toBe(409);
    expect(here.statusCode).toBe(409);
    // The same code and the same message, but for the name itself: nothing tells the zones apart.
    expect(elsewhere.json().code).toBe(here.json().code);
    expect(elsewhere.json().message.replace('xa-town1', 'NAME')).toBe(here.json().message.replace('xb-bochi', 'NAME'));
    expect(await zonesOf('xa-town1')).toEqual(['xa']);
    // The account still signs in with its own password only.
    await expect(t.signIn('xa-town1', 'xa', 'Fresh-pass-42')).rejects.toThrow(/401/);
  });

  it('an enterprise account cannot take over an existing username either', async () => {
    const sup = await t.signIn('supervisor', 'xa');
    const [e] = await t.handle.query<{ id: string }>(
      `SELECT e.id FROM enterprises e JOIN zones z ON z.id = e.zone_id WHERE z.code = 'xa' LIMIT 1`,
    );
    const res = await sup.send('POST', `/api/enterprises/${e!.id}/accounts`, { username: 'xb-meicheng', displayName: 'x', password: 'Fresh-pass-42' });
    expect(res.statusCode).toBe(409);
    expect(await zonesOf('xb-meicheng')).toEqual(['xb']);
  });

  it('an admin of one zone cannot change the account of a user who also belongs to another zone', async () => {
    const supervisor = await userId('supervisor');
    for (const patch of [{ password: 'Takeover-pass-9' }, { disabled: true }, { displayName: '改名' }]) {
      const res = await haAdmin.send('PATCH', `/api/users/${supervisor}`, { ...patch, version: await t.version('users', supervisor) });
      expect(res.statusCode, JSON.stringify(patch)).toBe(403);
      expect(res.json().code).toBe('user.shared_account');
    }
    // Nothing changed: the account signs in to xa with its own password, under its own name.
    const sup = await t.signIn('supervisor', 'xa');
    expect((await sup.get('/api/auth/me')).json().user.displayName).not.toBe('改名');
    await expect(t.signIn('supervisor', 'xa', 'Takeover-pass-9')).rejects.toThrow(/401/);
  });

  it('an admin of one zone still changes the membership in that zone', async () => {
    const supervisor = await userId('supervisor');
    const current = (await haAdmin.get('/api/users?search=supervisor')).json().items[0];
    // Sending the unchanged name back (as the web form does) is no change to the account.
    const res = await haAdmin.send('PATCH', `/api/users/${supervisor}`, { role: 'leader', displayName: current.displayName, version: await t.version('users', supervisor) });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('leader');
    const back = await haAdmin.send('PATCH', `/api/users/${supervisor}`, { role: 'supervisor', version: await t.version('users', supervisor) });
    expect(back.statusCode).toBe(200);
  });

  it('an admin of every zone of the account changes it; an admin of its only zone too', async () => {
    const both = await t.signIn('admin', 'xb');
    const supervisor = await userId('supervisor');
    expect((await both.send('PATCH', `/api/users/${supervisor}`, { displayName: '督查办（两区）', version: await t.version('users', supervisor) })).statusCode).toBe(200);
    const bochi = await userId('xb-bochi');
    expect((await haAdmin.send('PATCH', `/api/users/${bochi}`, { password: 'Bochi-new-pass-3', version: await t.version('users', bochi) })).statusCode).toBe(200);
    await expect(t.signIn('xb-bochi', 'xb', 'Bochi-new-pass-3')).resolves.toBeTruthy();
  });

  it('the list says which accounts are shared with zones one does not administer', async () => {
    const items = (await haAdmin.get('/api/users?pageSize=100')).json().items as { username: string; shared: boolean }[];
    expect(items.find((u) => u.username === 'supervisor')!.shared).toBe(true);
    expect(items.find((u) => u.username === 'xb-bochi')!.shared).toBe(false);
    const both = await t.signIn('admin', 'xb');
    const all = (await both.get('/api/users?pageSize=100')).json().items as { username: string; shared: boolean }[];
    expect(all.find((u) => u.username === 'supervisor')!.shared).toBe(false);
  });

  it('the server-side operator (CLI) may still add an existing account to another zone', async () => {
    const [hz] = await t.handle.query<{ id: string }>(`SELECT id FROM zones WHERE code = 'xb'`);
    await writeAudited(t.handle.db, { zoneId: hz!.id, userId: null }, 'cli', (tx, audit) =>
      createUser(tx, audit, hz!.id, { username: 'xa-town1', displayName: 'x', password: DEMO_PASSWORD, role: 'leader', unitId: null, locale: 'zh' }, { attachExisting: true }),
    );
    expect(await zonesOf('xa-town1')).toEqual(['xa', 'xb']);
  });
});

const login = (username: string, password: string, ip: string, zone = 'xa') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, zone }, remoteAddress: ip });

describe('sign-in throttling', () => {
  it('parallel tries cannot outrun the limit', async () => {
    const tries = await Promise.all(Array.from({ length: 40 }, () => login('xa-jingfa', 'Wrong-guess-1', '10.0.0.40')));
    const evaluated = tries.filter((r) => r.statusCode === 401).length;
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(tries.filter((r) => r.statusCode === 429)).toHaveLength(40 - evaluated);
  });

  it('guesses from many addresses never lock the owner out', async () => {
    expect((await login('viewer', DEMO_PASSWORD, '10.9.9.9')).statusCode).toBe(200);
    for (let ip = 1; ip <= 30; ip++) {
      for (let i = 0; i < 5; i++) await login('viewer', `Guess-${ip}-${i}x`, `10.66.0.${ip}`);
    }
    // From an address the account signed in from before: at once.
    expect((await login('viewer', DEMO_PASSWORD, '10.9.9.9')).statusCode).toBe(200);
    // From a new address: at most a short, bounded wait — never a lock.
    const fresh = await login('viewer', DEMO_PASSWORD, '10.7.7.7');
    if (fresh.statusCode !== 200) {
      expect(fresh.statusCode).toBe(429);
      expect(fresh.json().code).toBe('auth.slow_down');
      later(61_000);
      expect((await login('viewer', DEMO_PASSWORD, '10.7.7.7')).statusCode).toBe(200);
    }
    // The guessers' own addresses stay locked for this username.
    expect((await login('viewer', DEMO_PASSWORD, '10.66.0.1')).json().code).toBe('auth.locked');
  });

  it('an office behind one address is slowed for minutes, not locked for long', async () => {
    for (let i = 1; i <= 50; i++) await login(`ghost-${i}`, 'Wrong-guess-1', '10.5.5.5');
    const blocked = await login('leader', DEMO_PASSWORD, '10.5.5.5');
    expect(blocked.statusCode).toBe(429);
    expect(Number(/(\d+)/.exec(blocked.json().message)![1])).toBeLessThanOrEqual(5);
    later(5 * 60_000);
    expect((await login('leader', DEMO_PASSWORD, '10.5.5.5')).statusCode).toBe(200);
  });

  it('throttles current-password guesses when changing a password', async () => {
    const c = await t.signIn('xa-caizheng', 'xa');
    for (let i = 0; i < 5; i++) {
      expect((await c.send('POST', '/api/auth/password', { current: `Guess-${i}-pass`, next: 'Caizheng-new-77' })).json().code).toBe('auth.wrong_password');
    }
    const res = await c.send('POST', '/api/auth/password', { current: DEMO_PASSWORD, next: 'Caizheng-new-77' });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('auth.locked');
  });

  it('refuses weak passwords: common ones, short ones, the username', async () => {
    const c = await t.signIn('xa-zhengqian', 'xa');
    for (const next of ['password1', '12345678', 'Password123', 'xa-zhengqian-1']) {
      const res = await c.send('POST', '/api/auth/password', { current: DEMO_PASSWORD, next });
      expect(res.json().code, next).toBe('auth.weak_password');
    }
  });
});

describe('sessions', () => {
  it('end seven days after sign-in however busy, and their cookie never outlives that', async () => {
    const c = await t.signIn('leader', 'xa');
    const signedIn = Date.now() + offset;
    let seen = 0;
    while (Date.now() + offset < signedIn + 7 * 86_400_000 - 3 * 3600_000) {
      later(5 * 3600_000);
      const res = await c.get('/api/auth/me');
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((x) => x.name === 'gj_session');
      if (cookie) {
        seen++;
        expect((Date.now() + offset + cookie.maxAge! * 1000) - signedIn).toBeLessThanOrEqual(7 * 86_400_000 + 1000);
      }
    }
    expect(seen).toBeGreaterThan(0);
    later(4 * 3600_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('the session cookie', () => {
  const cookieOf = async (env: Record<string, string | undefined>, headers: Record<string, string> = {}) => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    const app = await buildApp({ handle: t.handle });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: DEMO_PASSWORD, zone: 'xa' }, headers });
      expect(res.statusCode).toBe(200);
      return res.cookies.find((x) => x.name === 'gj_session')!;
    } finally {
      await app.close();
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };

  it('is Secure when the request came over HTTPS through a trusted proxy', async () => {
    expect((await cookieOf({ TRUST_PROXY: '1', COOKIE_SECURE: undefined }, { 'x-forwarded-proto': 'https' })).secure).toBe(true);
    expect((await cookieOf({ TRUST_PROXY: '1', COOKIE_SECURE: undefined })).secure).toBeFalsy();
    // An untrusted client cannot claim HTTPS.
    expect((await cookieOf({ TRUST_PROXY: undefined, COOKIE_SECURE: undefined }, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });

  it('is Secure by default in production, unless COOKIE_SECURE=0', async () => {
    expect((await cookieOf({ NODE_ENV: 'production', COOKIE_SECURE: undefined })).secure).toBe(true);
    expect((await cookieOf({ NODE_ENV: 'production', COOKIE_SECURE: '0' })).secure).toBeFalsy();
  });
});
