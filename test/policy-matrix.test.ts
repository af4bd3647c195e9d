// Role × action × own/other unit, first as the rule table, then through HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, can, type Action, type Actor } from '../src/shared/policy';
import { roles, type Role } from '../src/db/schema';
import { testApp, type Client, type TestApp } from './helpers/app';

const OWN = 'unit-own';
const OTHER = 'unit-other';
const actor = (role: Role): Actor => ({ userId: 'u', zoneId: 'z', role, unitId: ['reporter', 'viewer', 'enterprise'].includes(role) ? OWN : null });

// Y = allowed for own and other unit; O = own unit only; N = never.
const expected: Record<Action, Record<Role, 'Y' | 'O' | 'N'>> = {
  'self.manage': { admin: 'Y', leader: 'Y', supervisor: 'Y', reporter: 'Y', viewer: 'Y', enterprise: 'Y' },
  'zone.read': { admin: 'Y', leader: 'Y', supervisor: 'Y', reporter: 'Y', viewer: 'Y', enterprise: 'N' },
  'unit.manage': { admin: 'Y', leader: 'N', supervisor: 'N', reporter: 'N', viewer: 'N', enterprise: 'N' },
  'user.manage': { admin: 'Y', leader: 'N', supervisor: 'N', reporter: 'N', viewer: 'N', enterprise: 'N' },
  'zone.manage': { admin: 'Y', leader: 'N', supervisor: 'N', reporter: 'N', viewer: 'N', enterprise: 'N' },
  'audit.read': { admin: 'Y', leader: 'Y', supervisor: 'Y', reporter: 'N', viewer: 'N', enterprise: 'N' },
  'file.upload': { admin: 'Y', leader: 'N', supervisor: 'Y', reporter: 'Y', viewer: 'N', enterprise: 'N' },
  'unitData.read': { admin: 'Y', leader: 'Y', supervisor: 'Y', reporter: 'O', viewer: 'O', enterprise: 'N' },
  'unitData.write': { admin: 'N', leader: 'N', supervisor: 'N', reporter: 'O', viewer: 'N', enterprise: 'N' },
  'unitData.approve': { admin: 'N', leader: 'N', supervisor: 'Y', reporter: 'N', viewer: 'N', enterprise: 'N' },
  'config.write': { admin: 'Y', leader: 'N', supervisor: 'Y', reporter: 'N', viewer: 'N', enterprise: 'N' },
  'zoneData.read': { admin: 'Y', leader: 'Y', supervisor: 'Y', reporter: 'Y', viewer: 'Y', enterprise: 'N' },
  'project.progress': { admin: 'N', leader: 'N', supervisor: 'Y', reporter: 'O', viewer: 'N', enterprise: 'N' },
  'attraction.write': { admin: 'N', leader: 'N', supervisor: 'Y', reporter: 'O', viewer: 'N', enterprise: 'N' },
  'hazard.write': { admin: 'N', leader: 'N', supervisor: 'Y', reporter: 'O', viewer: 'N', enterprise: 'N' },
  'enterprise.read': { admin: 'Y', leader: 'Y', supervisor: 'Y', reporter: 'Y', viewer: 'Y', enterprise: 'N' },
  'enterprise.write': { admin: 'Y', leader: 'N', supervisor: 'Y', reporter: 'O', viewer: 'N', enterprise: 'N' },
  'enterprise.manage': { admin: 'Y', leader: 'N', supervisor: 'Y', reporter: 'N', viewer: 'N', enterprise: 'N' },
  'instruction.write': { admin: 'N', leader: 'Y', supervisor: 'N', reporter: 'N', viewer: 'N', enterprise: 'N' },
  'enterprise.self': { admin: 'N', leader: 'N', supervisor: 'N', reporter: 'N', viewer: 'N', enterprise: 'Y' },
};

describe('policy table', () => {
  it('covers every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });
  for (const action of actions) {
    for (const role of roles) {
      it(`${role} ${action}`, () => {
        const want = expected[action][role];
        expect(can(actor(role), action, { unitId: OWN })).toBe(want !== 'N');
        expect(can(actor(role), action, { unitId: OTHER })).toBe(want === 'Y');
      });
    }
  }
});

describe('project.progress: the task force and the assigned leader', () => {
  const member = (role: Role): Actor => ({ ...actor(role), userId: 'tf' });
  it('lets a task-force member or the assigned leader update a project of another unit', () => {
    for (const role of ['leader', 'reporter'] as const) {
      expect(can(member(role), 'project.progress', { unitId: OTHER, memberIds: ['tf'] })).toBe(true);
      expect(can(member(role), 'project.progress', { unitId: OTHER, memberIds: ['someone-else'] })).toBe(false);
    }
  });
  it('never lets a viewer, admin or enterprise in, even when named', () => {
    for (const role of ['viewer', 'admin', 'enterprise'] as const) {
      expect(can(member(role), 'project.progress', { unitId: OTHER, memberIds: ['tf'] })).toBe(false);
    }
  });
});

describe('policy through HTTP', () => {
  let t: TestApp;
  const clients = {} as Record<string, Client>;
  beforeAll(async () => {
    t = await testApp();
    for (const u of ['admin', 'leader', 'supervisor', 'viewer', 'xz-damiao']) clients[u] = await t.signIn(u);
  });
  afterAll(async () => t.close());

  const matrix: { name: string; call: (c: Client, i: number) => Promise<{ statusCode: number }>; allowed: string[] }[] = [
    { name: 'list units', call: (c) => c.get('/api/units'), allowed: ['admin', 'leader', 'supervisor', 'viewer', 'xz-damiao'] },
    {
      name: 'create unit',
      call: (c, i) => c.send('POST', '/api/units', { code: `m${i}`, name: `矩阵${i}`, kind: 'area' }),
      allowed: ['admin'],
    },
    { name: 'list users', call: (c) => c.get('/api/users'), allowed: ['admin'] },
    {
      name: 'create user',
      call: (c, i) => c.send('POST', '/api/users', { username: `mx${i}`, displayName: 'x', password: 'Abc-pass-2345', role: 'leader' }),
      allowed: ['admin'],
    },
    { name: 'read audit', call: (c) => c.get('/api/audit'), allowed: ['admin', 'leader', 'supervisor'] },
  ];

  let i = 0;
  for (const row of matrix) {
    for (const who of ['admin', 'leader', 'supervisor', 'viewer', 'xz-damiao']) {
      it(`${who} → ${row.name}`, async () => {
        const res = await row.call(clients[who]!, i++);
        expect(res.statusCode).toBe(row.allowed.includes(who) ? 200 : 403);
      });
    }
  }

  it('a refused write changes nothing and leaves no audit entry', async () => {
    const before = await t.handle.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const res = await clients['xz-damiao']!.send('POST', '/api/units', { code: 'no', name: '不可', kind: 'area' });
    expect(res.statusCode).toBe(403);
    const after = await t.handle.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await t.handle.query(`SELECT 1 FROM units WHERE code = 'no'`)).toEqual([]);
  });

  it('another zone’s records are out of reach', async () => {
    const admin = clients.admin!;
    const [other] = await t.handle.query<{ id: string }>(
      `SELECT u.id FROM units u JOIN zones z ON z.id = u.zone_id WHERE z.code = 'huaian' LIMIT 1`,
    );
    const res = await admin.send('PATCH', `/api/units/${other!.id}`, { name: '越界', version: 1 });
    expect(res.statusCode).toBe(404);
    const list = (await admin.get('/api/units?pageSize=100')).json();
    expect(list.items.map((u: { name: string }) => u.name)).not.toContain('钵池街道');
  });
});
