// 系统管理 through HTTP: units (paginated, created, changed, refused, kept while in use),
// users (unit-bound roles, disabled accounts losing their sessions) and the audit log's
// filters, on a zone the test makes (its seven units and accounts), not the demo's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

let t: TestApp;
let z: Zone;
let admin: Client;
// Listed by sort order: 大庙街道 first, the one town fourth, the department last.
const UNITS = [
  unit('damiao', '大庙街道'),
  unit('donghuan', '东环街道'),
  unit('jinlong', '金龙湖街道'),
  unit('xuzhuang', '徐庄镇', 'town'),
  unit('zoulou', '邹楼街道'),
  unit('gaoxin', '高新区', 'area'),
  unit('ducha', '督查办', 'department'),
];
beforeAll(async () => {
  t = await testApp({ demo: false });
  z = await makeZone(t.handle, 'sys', { name: '系统测试区', units: UNITS });
  admin = await t.signIn('admin', z.code);
}, 120_000);
afterAll(async () => t.close());

describe('units', () => {
  it('list the zone’s units, paginated on the server', async () => {
    const page1 = (await admin.get('/api/units?pageSize=5')).json();
    expect(page1.total).toBe(7);
    expect(page1.items.map((u: { name: string }) => u.name)).toEqual(['大庙街道', '东环街道', '金龙湖街道', '徐庄镇', '邹楼街道']);
    const page2 = (await admin.get('/api/units?pageSize=5&page=2')).json();
    expect(page2.items.map((u: { name: string }) => u.name)).toEqual(['高新区', '督查办']);
    const towns = (await admin.get('/api/units?kind=town')).json();
    expect(towns.items.map((u: { name: string }) => u.name)).toEqual(['徐庄镇']);
  });

  it('are created, changed and audited with before and after', async () => {
    const created = await admin.send('POST', '/api/units', { code: 'kfq', name: '高新园区', kind: 'area' });
    expect(created.statusCode).toBe(200);
    const u = created.json();
    expect(u.rankingGroup).toBe('functional');
    // No order given: it goes after the last of the seven (70), not before them all.
    expect(u.sortOrder).toBe(80);
    const placed = (await admin.send('POST', '/api/units', { code: 'top', name: '置顶单位', kind: 'area', sortOrder: 0 })).json();
    expect(placed.sortOrder).toBe(0);
    // Unused, it can be deleted (its own audit entry does not hold it), and its history stays.
    expect((await admin.send('DELETE', `/api/units/${placed.id}`)).statusCode).toBe(200);
    const history = (await admin.get(`/api/audit?entity=unit&entityId=${placed.id}`)).json();
    expect(history.items.map((a: { action: string }) => a.action)).toEqual(['delete', 'create']);
    const changed = await admin.send('PATCH', `/api/units/${u.id}`, { name: '高新技术园区', version: u.version });
    expect(changed.json().name).toBe('高新技术园区');
    const audit = (await admin.get(`/api/audit?entity=unit&entityId=${u.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit.items[0].before.name).toBe('高新园区');
    expect(audit.items[0].after.name).toBe('高新技术园区');
    expect(audit.items[0].username).toBe('admin');
    expect((await admin.get('/api/units?pageSize=100')).json().total).toBe(8);
  });

  it('refuse duplicates with a message naming the value, adding nothing', async () => {
    const res = await admin.send('POST', '/api/units', { code: 'dup', name: '大庙街道', kind: 'subdistrict' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('单位已存在：大庙街道');
    expect((await admin.get('/api/units?search=dup')).json().total).toBe(0);
  });

  it('cannot be deleted while accounts belong to them', async () => {
    const res = await admin.send('DELETE', `/api/units/${z.unitId('damiao')}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('大庙街道仍在使用中，不能删除');
    expect((await admin.get('/api/units?search=damiao')).json().total).toBe(1);
  });
});

describe('users', () => {
  it('need a unit for unit-bound roles', async () => {
    const res = await admin.send('POST', '/api/users', { username: 'nounit', displayName: 'x', password: 'Abc-pass-2345', role: 'reporter' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('unitId');
  });

  it('are created, disabled (ending their sessions) and searchable', async () => {
    const res = await admin.send('POST', '/api/users', {
      username: 'dh2',
      displayName: '东环第二填报员',
      password: 'Abc-pass-2345',
      role: 'reporter',
      unitId: z.unitId('donghuan'),
    });
    expect(res.statusCode).toBe(200);
    const dh2 = await t.signIn('dh2', z.code, 'Abc-pass-2345');
    expect(dh2.me.user.unitId).toBe(z.unitId('donghuan'));
    expect((await admin.send('PATCH', `/api/users/${res.json().id}`, { disabled: true, version: res.json().version })).json().disabled).toBe(true);
    expect((await dh2.get('/api/auth/me')).statusCode).toBe(401);
    await expect(t.signIn('dh2', z.code, 'Abc-pass-2345')).rejects.toThrow(/403/);
    const found = (await admin.get('/api/users?search=dh2')).json();
    expect(found.total).toBe(1);
    expect(found.items[0].unitName).toBe('东环街道');
  });

  it('audit entries never carry password hashes', async () => {
    const rows = await t.handle.query<{ after: unknown }>(`SELECT after FROM audit_log WHERE entity = 'user'`);
    // The zone's four staff and seven reporters, then dh2 created and disabled.
    expect(rows).toHaveLength(13);
    expect(JSON.stringify(rows)).not.toContain('argon2');
  });
});

describe('audit log', () => {
  it('filters by user, unit, entity and time', async () => {
    const byEntity = (await admin.get('/api/audit?entity=session')).json();
    expect(byEntity.total).toBeGreaterThan(0);
    expect(byEntity.items.every((a: { entity: string }) => a.entity === 'session')).toBe(true);
    const byUser = (await admin.get(`/api/audit?userId=${admin.me.user.id}&pageSize=100`)).json();
    expect(byUser.total).toBeGreaterThan(0);
    expect(byUser.items.every((a: { username: string }) => a.username === 'admin')).toBe(true);
    const future = (await admin.get('/api/audit?from=2999-01-01')).json();
    expect(future.total).toBe(0);
    const entities = (await admin.get('/api/audit/entities')).json();
    expect(entities).toEqual(expect.arrayContaining(['unit', 'user', 'zone', 'session']));
  });
});
