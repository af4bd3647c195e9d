// Input types that mean what they say (issue 13): every finding reproduced over HTTP.
// Impossible dates, NUL on every write route of the OpenAPI document, PATCH that keeps
// what it was not given, version required on every update, strict GeoJSON, finite
// decimals, foreign ids of another zone, and how uploaded files are served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScheme } from '../src/domains/demo/assessment';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client, admin: Client, jinlonghu: Client;

const ZONE = `(SELECT id FROM zones WHERE code = 'xuzhou')`;
async function one<T>(sql: string, params: unknown[] = []) {
  return (await t.handle.query<T>(sql, params))[0]!;
}
const row = (table: string, id: string) => one<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]);

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2022-08-20T02:00:00Z') });
  [sup, admin, jinlonghu] = (await Promise.all(['supervisor', 'admin', 'xz-jinlonghu'].map((u) => t.signIn(u)))) as [Client, Client, Client];
}, 120_000);
afterAll(async () => t.close());

describe('one impossible date no longer breaks a module', () => {
  it('refuses 2022-02-30 on a stage date, and the project pages keep answering', async () => {
    const p = await one<{ id: string }>(`SELECT p.id FROM projects p JOIN units u ON u.id = p.responsible_unit_id WHERE p.zone_id = ${ZONE} AND u.code = 'jinlonghu' LIMIT 1`);
    const res = await jinlonghu.send('POST', `/api/projects/${p.id}/stage`, { stage: 'signed', actual: '2022-02-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    for (const url of ['/api/projects', '/api/projects/battle-map', `/api/projects/${p.id}`]) expect((await sup.get(url)).statusCode, url).toBe(200);
  });

  it('refuses impossible dates in queries and in other domains’ bodies', async () => {
    for (const url of ['/api/cockpit?asOf=2022-02-30', '/api/campaigns?asOf=2022-13-01', '/api/enterprise-counts?asOf=2022-04-31']) {
      expect((await sup.get(url)).statusCode, url).toBe(400);
    }
    const lead = await one<{ id: string }>(`SELECT id FROM attraction_leads WHERE zone_id = ${ZONE} LIMIT 1`);
    expect((await sup.send('POST', `/api/attraction/leads/${lead.id}/contacts`, { onDate: '2022-02-29', note: '拜访' })).statusCode).toBe(400);
    // A real leap day is a date.
    expect((await sup.send('POST', `/api/attraction/leads/${lead.id}/contacts`, { onDate: '2020-02-29', note: '拜访' })).statusCode).toBe(200);
  });
});

describe('NUL is refused on every write route', () => {
  it('answers 400, never 500, for a NUL anywhere in the body of each write route of the OpenAPI document', async () => {
    const doc = (await sup.get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE', path })),
    );
    expect(writes.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const { method, path } of writes) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await sup.send(method, url, { name: 'a\u0000b', nested: [{ note: '\u0000' }] });
      if (res.statusCode !== 400 || !res.json().message.includes('NUL')) wrong.push(`${method} ${path} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses NUL in a query string too', async () => {
    expect((await sup.get('/api/projects?q=%00')).statusCode).toBe(400);
  });
});

describe('PATCH changes only what it is given', () => {
  // Each entity: a row with non-default values, one field patched, every other column unchanged.
  const cases: { name: string; table: string; url: string; pick: string; prepare: string; patch: Record<string, unknown>; changed: string[] }[] = [
    {
      name: 'project',
      table: 'projects',
      url: '/api/projects',
      pick: `SELECT id FROM projects WHERE zone_id = ${ZONE} AND cardinality(task_force_user_ids) > 0 LIMIT 1`,
      prepare: `UPDATE projects SET key_project = true, chain = '新能源', note = '保留', currency = 'USD' WHERE id = $1`,
      patch: { name: '改名后的项目（测试）' },
      changed: ['name'],
    },
    { name: 'unit', table: 'units', url: '/api/units', pick: `SELECT id FROM units WHERE zone_id = ${ZONE} AND code = 'jinlonghu'`, prepare: `UPDATE units SET sort_order = 77, active = false WHERE id = $1`, patch: { name: '金龙湖街道（测试）' }, changed: ['name'] },
    {
      name: 'indicator',
      table: 'indicators',
      url: '/api/targets/indicators',
      pick: `SELECT id FROM indicators WHERE zone_id = ${ZONE} AND kind <> 'ratio' LIMIT 1`,
      prepare: `UPDATE indicators SET decimals = 4, sort_order = 55, higher_is_better = false, progress_mode = 'months' WHERE id = $1`,
      patch: { name: '改名指标' },
      changed: ['name'],
    },
    {
      name: 'enterprise',
      table: 'enterprises',
      url: '/api/enterprises',
      pick: `SELECT id FROM enterprises WHERE zone_id = ${ZONE} LIMIT 1`,
      prepare: `UPDATE enterprises SET chain = '集成电路', leader_name = '张三', contact = '13800000000', note = '保留' WHERE id = $1`,
      patch: { name: '改名企业有限公司' },
      changed: ['name'],
    },
    {
      name: 'pool',
      table: 'cultivation_pools',
      url: '/api/enterprise-pools',
      pick: `SELECT id FROM cultivation_pools WHERE zone_id = ${ZONE} LIMIT 1`,
      prepare: `UPDATE cultivation_pools SET description = '保留', sort_order = 9 WHERE id = $1`,
      patch: { name: '改名培育库' },
      changed: ['name'],
    },
    {
      name: 'plan',
      table: 'enterprise_plans',
      url: '/api/enterprise-plans',
      pick: `SELECT id FROM enterprise_plans WHERE zone_id = ${ZONE} LIMIT 1`,
      prepare: `UPDATE enterprise_plans SET measures = '保留的措施', leader_name = '李四' WHERE id = $1`,
      patch: { targetOutput: '12345.67' },
      changed: ['target_output'],
    },
    {
      name: 'lead',
      table: 'attraction_leads',
      url: '/api/attraction/leads',
      pick: `SELECT id FROM attraction_leads WHERE zone_id = ${ZONE} LIMIT 1`,
      prepare: `UPDATE attraction_leads SET investor = '某集团', source = '以商招商', team = '一组', chain = '新能源', category = 'urban', currency = 'USD' WHERE id = $1`,
      patch: { name: '改名线索' },
      changed: ['name'],
    },
  ];

  for (const c of cases) {
    it(`${c.name}: one field patched, every other one kept`, async () => {
      const { id } = await one<{ id: string }>(c.pick);
      await t.handle.query(c.prepare, [id]);
      const before = await row(c.table, id);
      const res = await (c.table === 'units' ? admin : sup).send('PATCH', `${c.url}/${id}`, { ...c.patch, version: before.version });
      expect(res.statusCode, res.body).toBe(200);
      const after = await row(c.table, id);
      const skip = new Set([...c.changed, 'version', 'updated_at']);
      const keep = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => !skip.has(k)).map(([k, v]) => [k, JSON.stringify(v)]));
      expect(keep(after)).toEqual(keep(before));
      expect(after.version).toBe((before.version as number) + 1);
    });
  }
});

describe('version is required on every update', () => {
  it('refuses a PATCH without a version (400) and one with a stale version (409, in both languages)', async () => {
    const { id } = await one<{ id: string }>(`SELECT id FROM projects WHERE zone_id = ${ZONE} LIMIT 1`);
    const { version } = await row('projects', id);
    expect((await sup.send('PATCH', `/api/projects/${id}`, { note: 'x' })).statusCode).toBe(400);
    const stale = await sup.send('PATCH', `/api/projects/${id}`, { note: 'x', version: (version as number) - 1 || 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ code: 'conflict.stale', message: '数据已被他人修改，请刷新后重试' });
    const en = await sup.send('PATCH', `/api/projects/${id}`, { note: 'x', version: 999 }, { 'x-lang': 'en' });
    expect(en.json().message).toBe('Someone else changed this; reload and try again');
  });

  it('needs a version on units, indicators, pools, plans, enterprises, leads, schemes and bulletins', async () => {
    const unit = await one<{ id: string }>(`SELECT id FROM units WHERE zone_id = ${ZONE} AND code = 'jinlonghu'`);
    expect((await admin.send('PATCH', `/api/units/${unit.id}`, { sortOrder: 3 })).statusCode).toBe(400);
    expect((await admin.send('PATCH', `/api/units/${unit.id}`, { sortOrder: 3, version: 1000 })).statusCode).toBe(409);
    for (const [table, url] of [
      ['indicators', '/api/targets/indicators'],
      ['cultivation_pools', '/api/enterprise-pools'],
      ['enterprise_plans', '/api/enterprise-plans'],
      ['enterprises', '/api/enterprises'],
      ['attraction_leads', '/api/attraction/leads'],
    ] as const) {
      const { id } = await one<{ id: string }>(`SELECT id FROM ${table} WHERE zone_id = ${ZONE} LIMIT 1`);
      expect((await sup.send('PATCH', `${url}/${id}`, {})).statusCode, url).toBe(400);
      expect((await sup.send('PATCH', `${url}/${id}`, { version: 1000 })).statusCode, url).toBe(409);
    }
    const body = { ...demoScheme('Q3'), name: '不带版本的修改' };
    const scheme = (await sup.send('POST', '/api/assessment/schemes', body)).json();
    expect((await sup.send('PUT', `/api/assessment/schemes/${scheme.id}`, body)).statusCode).toBe(400);
    expect((await sup.send('PUT', `/api/assessment/schemes/${scheme.id}`, { ...body, version: 1000 })).statusCode).toBe(409);
  });

  it('figure review judges the version the supervisor read: a value changed since is not approved', async () => {
    const f = await one<{ id: string; version: number; period: string }>(
      `UPDATE figures SET state = 'submitted' WHERE id = (SELECT id FROM figures WHERE zone_id = ${ZONE} AND state = 'approved' AND period = '2022-07' LIMIT 1) RETURNING id, version, period`,
    );
    await t.handle.query(`DELETE FROM period_locks WHERE period = $1`, [f.period]).catch(() => undefined);
    expect((await sup.send('POST', '/api/targets/figures/review', { ids: [f.id], decision: 'approve' })).statusCode).toBe(400);
    // The unit changes the value after the supervisor's page was loaded.
    await t.handle.query(`UPDATE figures SET value = value + 1, version = version + 1 WHERE id = $1`, [f.id]);
    const stale = await sup.send('POST', '/api/targets/figures/review', { figures: [{ id: f.id, version: f.version }], decision: 'approve' });
    expect(stale.statusCode).toBe(409);
    expect((await row('figures', f.id)).state).toBe('submitted');
    const fresh = await sup.send('POST', '/api/targets/figures/review', { figures: [{ id: f.id, version: f.version + 1 }], decision: 'approve' });
    expect(fresh.json()).toEqual({ reviewed: 1 });
  });
});

describe('the zone outline is strict GeoJSON', () => {
  const square = [[[117.2, 34.2], [117.5, 34.2], [117.5, 34.4], [117.2, 34.2]]];
  it('refuses non-numeric, out-of-range or open outlines and keeps the map working', async () => {
    const bad = [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[['a', 'b'], [1, 2], [3, 4], ['a', 'b']]] } },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[500, 34], [117.5, 34.2], [117.5, 34.4], [500, 34]]] } },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[117.2, 34.2], [117.5, 34.2], [117.5, 34.4], [117.3, 34.3]]] } },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[117.2, 34.2], [117.5, 34.2], [117.2, 34.2]]] } },
      { type: 'FeatureCollection', features: [] },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [117, 34] } },
      { type: 'Polygon', coordinates: [Array.from({ length: 100_001 }, (_, i) => (i === 0 || i === 100_000 ? [117, 34] : [117 + i / 1e6, 34]))] },
    ];
    for (const g of bad) expect((await sup.send('PUT', '/api/projects/settings/outline', g)).json().code).toBe('project.outline_invalid');
    const ok = await sup.send('PUT', '/api/projects/settings/outline', { type: 'MultiPolygon', coordinates: [square] });
    expect(ok.json()).toEqual({ ok: true, features: 1 });
    const map = (await sup.get('/api/projects/battle-map')).json();
    expect(map.outline.features[0]).toMatchObject({ type: 'Feature', properties: { name: 'area-1' }, geometry: { type: 'MultiPolygon' } });
  });
});

describe('numbers are finite, bounded decimals', () => {
  it('refuses weight "NaN", "" and "Infinity" with a 400', async () => {
    const base = { ...demoScheme('Q3'), name: '权重测试' };
    for (const weight of ['NaN', '', 'Infinity', '1e3', '-0x1']) {
      const res = await sup.send('POST', '/api/assessment/schemes', { ...base, items: base.items.map((i, n) => (n === 0 ? { ...i, weight } : i)) });
      expect(res.statusCode, weight).toBe(400);
    }
  });

  it('refuses an amount the database cannot hold', async () => {
    const lead = await one<{ id: string; version: number }>(`SELECT id, version FROM attraction_leads WHERE zone_id = ${ZONE} LIMIT 1`);
    expect((await sup.send('PATCH', `/api/attraction/leads/${lead.id}`, { expectedInvestment: '1'.repeat(30), version: lead.version })).statusCode).toBe(400);
  });
});

describe('foreign ids belong to the actor’s zone', () => {
  it('refuses a scheme that links another zone’s campaign', async () => {
    const other = await one<{ id: string }>(`INSERT INTO campaigns (zone_id, name, start_date, end_date) VALUES ((SELECT id FROM zones WHERE code = 'huaian'), '他区行动', '2022-07-01', '2022-09-30') RETURNING id`);
    const res = await sup.send('POST', '/api/assessment/schemes', { ...demoScheme('Q3'), name: '跨区方案', campaignId: other.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it('refuses a campaign listing another zone’s project', async () => {
    // The supervisor works for both zones: in 淮安 they may not list a 徐州 project.
    const xuzhouProject = await one<{ id: string }>(`SELECT id FROM projects WHERE zone_id = ${ZONE} LIMIT 1`);
    const inHuaian = await t.signIn('supervisor', 'huaian');
    const body = { name: '跨区项目行动', startDate: '2023-07-01', endDate: '2023-09-30', items: [{ itemType: 'project', itemId: xuzhouProject.id, title: '他区项目' }] };
    expect((await inHuaian.send('POST', '/api/campaigns', body)).statusCode).toBe(404);
    expect((await sup.send('POST', '/api/campaigns', body)).statusCode).toBe(200);
  });
});

describe('uploaded files are served safely', () => {
  const upload = async (name: string, data: Buffer) => (await sup.upload('/api/files', name, data)).json().id as string;
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5a0e6b00000000049454e44ae426082', 'hex');

  it('sends a PDF (which may carry JavaScript) as an attachment, sandboxed and not sniffed', async () => {
    const id = await upload('evil.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n'));
    const res = await sup.get(`/api/files/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/sandbox/);
  });

  it('shows a PNG inline, still sandboxed', async () => {
    const res = await sup.get(`/api/files/${await upload('photo.png', PNG)}`);
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    expect(res.headers['content-security-policy']).toMatch(/sandbox/);
  });
});
