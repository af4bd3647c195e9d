import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn('admin');
});
afterAll(async () => t.close());

describe('units', () => {
  it('list the demo zone’s units, paginated on the server', async () => {
    const page1 = (await admin.get('/api/units?pageSize=5')).json();
    expect(page1.total).toBe(16);
    expect(page1.items).toHaveLength(5);
    expect(page1.items[0].name).toBe('大庙街道');
    const towns = (await admin.get('/api/units?kind=town')).json();
    expect(towns.items.map((u: { name: string }) => u.name)).toEqual(['徐庄镇']);
  });

  it('are created, changed and audited with before and after', async () => {
    const created = await admin.send('POST', '/api/units', { code: 'kfq', name: '高新园区', kind: 'area' });
    expect(created.statusCode).toBe(200);
    const unit = created.json();
    expect(unit.rankingGroup).toBe('functional');
    const changed = await admin.send('PATCH', `/api/units/${unit.id}`, { name: '高新技术园区', version: unit.version });
    expect(changed.json().name).toBe('高新技术园区');
    const audit = (await admin.get(`/api/audit?entity=unit&entityId=${unit.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit.items[0].before.name).toBe('高新园区');
    expect(audit.items[0].after.name).toBe('高新技术园区');
    expect(audit.items[0].username).toBe('admin');
  });

  it('refuse duplicates with a message naming the value', async () => {
    const res = await admin.send('POST', '/api/units', { code: 'dup', name: '大庙街道', kind: 'subdistrict' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('单位已存在：大庙街道');
  });

  it('cannot be deleted while accounts belong to them', async () => {
    const [u] = await t.handle.query<{ id: string }>(`SELECT id FROM units WHERE code = 'damiao' LIMIT 1`);
    const res = await admin.send('DELETE', `/api/units/${u!.id}`);
    expect(res.statusCode).toBe(409);
  });
});

describe('users', () => {
  it('need a unit for unit-bound roles', async () => {
    const res = await admin.send('POST', '/api/users', { username: 'nounit', displayName: 'x', password: 'Abc-pass-2345', role: 'reporter' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('unitId');
  });

  it('are created, disabled (ending their sessions) and searchable', async () => {
    const unit = (await admin.get('/api/units?search=donghuan')).json().items[0];
    const res = await admin.send('POST', '/api/users', {
      username: 'dh2',
      displayName: '东环第二填报员',
      password: 'Abc-pass-2345',
      role: 'reporter',
      unitId: unit.id,
    });
    expect(res.statusCode).toBe(200);
    const dh2 = await t.signIn('dh2', 'xuzhou', 'Abc-pass-2345');
    expect(dh2.me.user.unitId).toBe(unit.id);
    expect((await admin.send('PATCH', `/api/users/${res.json().id}`, { disabled: true, version: res.json().version })).json().disabled).toBe(true);
    expect((await dh2.get('/api/auth/me')).statusCode).toBe(401);
    await expect(t.signIn('dh2', 'xuzhou', 'Abc-pass-2345')).rejects.toThrow(/403/);
    const found = (await admin.get('/api/users?search=dh2')).json();
    expect(found.total).toBe(1);
    expect(found.items[0].unitName).toBe('东环街道');
  });

  it('audit entries never carry password hashes', async () => {
    const rows = await t.handle.query<{ after: unknown }>(`SELECT after FROM audit_log WHERE entity = 'user'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('argon2');
  });
});

describe('audit log', () => {
  it('filters by user, unit, entity and time', async () => {
    const byEntity = (await admin.get('/api/audit?entity=session')).json();
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
