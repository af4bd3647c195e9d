// Enterprises through HTTP: the register (unit-scoped writes, credit codes,
// duplicates, search), xlsx import all-or-nothing with row errors and its speed,
// pools, plans, visits, zone counts, and the policy edges.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleJobs } from '../src/shared/jobs';
import { demoCreditCode } from '../src/domains/demo/enterprises';
import { usccCheckChar } from '../src/domains/enterprises/uscc';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client, damiao: Client, donghuan: Client, leader: Client, viewer: Client, ent: Client;
let unitId: (code: string) => Promise<string>;
const count = async (sql: string) => (await t.handle.query<{ n: number }>(sql))[0]!.n;

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2022-08-20T02:00:00Z') });
  [sup, damiao, donghuan, leader, viewer, ent] = (await Promise.all(
    ['supervisor', 'xz-damiao', 'xz-donghuan', 'leader', 'viewer', 'ent-xcmg'].map((u) => t.signIn(u)),
  )) as Client[] as [Client, Client, Client, Client, Client, Client];
  unitId = async (code) => (await t.handle.query<{ id: string }>(`SELECT u.id FROM units u JOIN zones z ON z.id = u.zone_id WHERE z.code = 'xuzhou' AND u.code = $1`, [code]))[0]!.id;
});
afterAll(async () => t.close());

const code = (n: number) => {
  const first17 = `91320301MB${String(n).padStart(7, '0').replace(/[IOSVZ]/g, '0')}`;
  return first17 + usccCheckChar(first17);
};

async function multipart(c: Client, url: string, name: string, data: Buffer) {
  const boundary = '----gj' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url, payload: body, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function sheet(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业库');
  ws.addRow(['企业名称', '统一社会信用代码', '所在镇街', '产业链', '包挂领导', '年份', '产值(万元)', '税收(万元)', '从业人数', '标签']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function job(id: string) {
  await settleJobs();
  return (await sup.get(`/api/jobs/${id}`)).json();
}

describe('register', () => {
  it('has the demo enterprises the seeds name, searchable by name, tag, chain and unit', async () => {
    const byName = (await viewer.get(`/api/enterprises?q=${encodeURIComponent('徐工')}`)).json();
    expect(byName.items.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['徐工集团', '徐工汉云']));
    const xcmg = byName.items.find((e: { name: string }) => e.name === '徐工集团');
    expect(xcmg).toMatchObject({ year: 2022, outputValue: '10420000.00', unitName: '大庙街道', demo: true });
    expect(xcmg.tags).toEqual(expect.arrayContaining(['high_tech', 'four_above']));
    const giants = (await viewer.get('/api/enterprises?tag=little_giant&pageSize=50')).json();
    expect(giants.items.map((e: { name: string }) => e.name).sort()).toEqual(['天科合达（徐州）', '威拉里新材料', '鑫华半导体'].sort());
    const ic = (await viewer.get(`/api/enterprises?chain=${encodeURIComponent('集成电路及ICT')}&unitId=${await unitId('damiao')}&pageSize=50`)).json();
    expect(ic.items.every((e: { chain: string; unitName: string }) => e.chain === '集成电路及ICT' && e.unitName === '大庙街道')).toBe(true);
    expect(ic.total).toBeGreaterThanOrEqual(3);
    const byCode = (await viewer.get(`/api/enterprises?q=${demoCreditCode(0).toLowerCase()}`)).json();
    expect(byCode.items[0].name).toBe('徐工集团');
  });

  it('lets a sub-district reporter add and edit only enterprises in its own unit', async () => {
    const own = await damiao.send('POST', '/api/enterprises', { name: '徐州测试装备有限公司', creditCode: code(1), unitId: await unitId('damiao'), chain: '工程机械与智能制造' });
    expect(own.statusCode).toBe(200);
    const id = own.json().id;
    // Another sub-district can neither add one in damiao nor change damiao's.
    expect((await donghuan.send('POST', '/api/enterprises', { name: '越界企业', creditCode: code(2), unitId: await unitId('damiao') })).statusCode).toBe(403);
    expect((await donghuan.send('PATCH', `/api/enterprises/${id}`, { name: '改名', version: own.json().version })).statusCode).toBe(403);
    expect((await donghuan.send('PUT', `/api/enterprises/${id}/figures`, { year: 2022, outputValue: '1.00', version: 1 })).statusCode).toBe(403);
    expect((await donghuan.send('POST', `/api/enterprises/${id}/tags`, { tag: 'high_tech', gainedOn: '2022-08-01' })).statusCode).toBe(403);
    // …nor move its own into damiao; the viewer and leader write nothing.
    expect((await viewer.send('PUT', `/api/enterprises/${id}/figures`, { year: 2022, outputValue: '1.00', version: 1 })).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/enterprises', { name: 'x', creditCode: code(3), unitId: await unitId('damiao') })).statusCode).toBe(403);
    const fig = await damiao.send('PUT', `/api/enterprises/${id}/figures`, { year: 2022, outputValue: '1880.50', tax: '60', employees: 45, version: 1 });
    expect(fig.json()).toMatchObject({ outputValue: '1880.50', tax: '60.00', employees: 45 });
    expect(await count(`SELECT count(*)::int AS n FROM enterprises WHERE name = '越界企业' OR name = '改名'`)).toBe(0);
  });

  it('refuses a bad credit code and a duplicate with clear messages, changing nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM audit_log');
    const bad = code(4).slice(0, 17) + (code(4).endsWith('0') ? '1' : '0');
    const r1 = await sup.send('POST', '/api/enterprises', { name: '校验位错误', creditCode: bad, unitId: await unitId('damiao') });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().message).toContain('校验位');
    const r2 = await sup.send('POST', '/api/enterprises', { name: '短码', creditCode: '9132030', unitId: await unitId('damiao') }, { 'x-lang': 'en' });
    expect(r2.json().message).toContain('18 characters');
    const dup = await sup.send('POST', '/api/enterprises', { name: '重复', creditCode: demoCreditCode(0), unitId: await unitId('damiao') });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('徐工集团');
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(before);
  });

  it('keeps tag spans apart and refuses a loss before the gain', async () => {
    const e = (await sup.send('POST', '/api/enterprises', { name: '标签测试', creditCode: code(5), unitId: await unitId('donghuan') })).json();
    const span = (await sup.send('POST', `/api/enterprises/${e.id}/tags`, { tag: 'high_tech', gainedOn: '2019-11-30' })).json();
    expect((await sup.send('POST', `/api/enterprises/${e.id}/tags`, { tag: 'high_tech', gainedOn: '2021-01-01' })).statusCode).toBe(409);
    expect((await sup.send('POST', `/api/enterprises/${e.id}/tags/${span.id}/lose`, { lostOn: '2019-01-01', version: span.version })).statusCode).toBe(400);
    expect((await sup.send('POST', `/api/enterprises/${e.id}/tags/${span.id}/lose`, { lostOn: '2022-11-30', version: span.version })).json().lostOn).toBe('2022-11-30');
    expect((await sup.send('POST', `/api/enterprises/${e.id}/tags`, { tag: 'high_tech', gainedOn: '2023-01-10' })).statusCode).toBe(200);
    const detail = (await leader.get(`/api/enterprises/${e.id}`)).json();
    expect(detail.tags).toHaveLength(2);
  });
});

describe('xlsx import and export', () => {
  it('imports 3,000 rows in one go, fast, and re-imports as updates', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`徐州批量企业${i}有限公司`, code(10000 + i), i % 2 ? '东环街道' : 'jinlonghu', '新能源新材料', '', 2022, `${1000 + i}.5`, '12', 30, i % 10 === 0 ? `四上(2022-0${1 + (i % 8)}-01)、高企(2021-11-30)` : '']);
    const data = await sheet(rows);
    const started = Date.now();
    const res = await multipart(sup, '/api/enterprises/import', '企业库.xlsx', data);
    expect(res.statusCode).toBe(200);
    const j = await job(res.json().jobId);
    const ms = Date.now() - started;
    expect(j.status).toBe('succeeded');
    expect(j.result).toMatchObject({ rows: 3000, created: 3000, updated: 0 });
    console.log(`import of 3,000 rows: ${ms} ms end to end (${j.result.ms} ms in the job) on ${t.handle.engine}`);
    expect(ms).toBeLessThan(30_000);
    expect(await count(`SELECT count(*)::int AS n FROM enterprises WHERE name LIKE '徐州批量企业%'`)).toBe(3000);
    expect(await count(`SELECT count(*)::int AS n FROM enterprise_tags t JOIN enterprises e ON e.id = t.enterprise_id WHERE e.name LIKE '徐州批量企业%'`)).toBe(600);
    // The same sheet again updates: nothing doubles.
    const again = await job((await multipart(sup, '/api/enterprises/import', 'again.xlsx', await sheet(rows.slice(0, 50).map((r) => { const c = [...r]; c[6] = '9999'; return c; })))).json().jobId);
    expect(again.result).toMatchObject({ created: 0, updated: 50 });
    expect(await count(`SELECT count(*)::int AS n FROM enterprise_tags t JOIN enterprises e ON e.id = t.enterprise_id WHERE e.name LIKE '徐州批量企业%'`)).toBe(600);
    const one = (await sup.get(`/api/enterprises?q=${code(10000)}`)).json().items[0];
    expect(one.outputValue).toBe('9999.00');
  }, 60_000);

  it('writes nothing when any row is bad, and lists every bad row', async () => {
    const before = await count('SELECT count(*)::int AS n FROM enterprises');
    const badCheck = code(20001).slice(0, 17) + (code(20001).endsWith('0') ? '1' : '0');
    const data = await sheet([
      ['好企业甲', code(20000), '大庙街道', '', '', 2022, '100', '', '', ''],
      ['坏校验位', badCheck, '大庙街道', '', '', 2022, '100', '', '', ''],
      ['含字母O', '91320301MA1O000000', '大庙街道', '', '', '', '', '', '', ''],
      ['重复代码', code(20000), '大庙街道', '', '', '', '', '', '', ''],
      ['无此街道', code(20002), '火星街道', '', '', '', '', '', '', ''],
      ['错标签', code(20003), '大庙街道', '', '', '', '', '', '', '高企'],
    ]);
    const j = await job((await multipart(sup, '/api/enterprises/import', 'bad.xlsx', data)).json().jobId);
    expect(j.status).toBe('failed');
    expect(j.errors.code).toBe('import.failed');
    const rows = j.errors.details.map((d: { row: number }) => d.row);
    expect(rows).toEqual([3, 4, 5, 6, 7]);
    expect(j.errors.details[0].message.zh).toContain('校验位');
    expect(j.errors.details[1].message.zh).toContain('第12位');
    expect(await count('SELECT count(*)::int AS n FROM enterprises')).toBe(before);
  });

  it('refuses imports from reporters and non-xlsx files', async () => {
    const data = await sheet([['x', code(30000), '大庙街道', '', '', '', '', '', '', '']]);
    expect((await multipart(damiao, '/api/enterprises/import', 'a.xlsx', data)).statusCode).toBe(403);
    expect((await multipart(sup, '/api/enterprises/import', 'a.xlsx', Buffer.from('not a zip'))).statusCode).toBe(415);
  });

  it('exports the filtered register and the template as xlsx that reads back', async () => {
    const res = await viewer.get('/api/enterprises/export?tag=listing_reserve');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets[0]!.getColumn(1).values.map(String);
    expect(names).toEqual(expect.arrayContaining(['徐工汉云', '徐矿能源', '鑫华半导体']));
    expect(names).not.toContain('复星医药（徐州）');
    expect((await viewer.get('/api/enterprises/template')).statusCode).toBe(200);
  });
});

describe('pools, counts, plans, visits', () => {
  it('suggests candidates by the rules and tracks members towards the next tier', async () => {
    const pools = (await viewer.get('/api/enterprise-pools')).json();
    expect(pools.map((p: { code: string }) => p.code)).toEqual(['tier-100b', 'tier-10b', 'tier-1b', 'to-high-tech', 'to-above-size', 'listing']);
    const tier10b = pools.find((p: { code: string }) => p.code === 'tier-10b');
    const detail = (await viewer.get(`/api/enterprise-pools/${tier10b.id}`)).json();
    // 徐矿能源 (118.6亿元) is the member: 11.9% of the way to 1000亿元.
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['徐矿能源']);
    expect(detail.members[0].progress).toMatchObject({ percent: '11.9', gap: '8814000.00', reached: false });
    const tier1b = pools.find((p: { code: string }) => p.code === 'tier-1b');
    const d1 = (await viewer.get(`/api/enterprise-pools/${tier1b.id}`)).json();
    // 鑫华 (31.8亿) and 华恒 (12.85亿) are members; none of the others above 10亿 is left out.
    expect(d1.members.map((m: { name: string }) => m.name).sort()).toEqual(['华恒新能源', '鑫华半导体'].sort());
    expect(d1.candidates).toEqual([]);
    const hightech = (await viewer.get(`/api/enterprise-pools/${pools.find((p: { code: string }) => p.code === 'to-high-tech').id}`)).json();
    expect(hightech.candidates.every((c: { tags: string[] }) => !c.tags.includes('high_tech'))).toBe(true);
    expect(hightech.candidates.length).toBeGreaterThan(0);
    // Adding a candidate makes it a member; only supervisors may.
    const cand = hightech.candidates[0];
    expect((await damiao.send('POST', `/api/enterprise-pools/${hightech.pool.id}/members`, { enterpriseId: cand.id, addedOn: '2022-08-20' })).statusCode).toBe(403);
    expect((await sup.send('POST', `/api/enterprise-pools/${hightech.pool.id}/members`, { enterpriseId: cand.id, addedOn: '2022-08-20' })).statusCode).toBe(200);
    expect((await sup.send('POST', `/api/enterprise-pools/${hightech.pool.id}/members`, { enterpriseId: cand.id, addedOn: '2022-08-20' })).statusCode).toBe(409);
    const after = (await viewer.get(`/api/enterprise-pools/${hightech.pool.id}`)).json();
    expect(after.members.map((m: { id: string }) => m.id)).toContain(cand.id);
    expect(after.candidates.map((m: { id: string }) => m.id)).not.toContain(cand.id);
  });

  it('counts the zone figures from tag dates', async () => {
    const c = (await viewer.get('/api/enterprise-counts?year=2022&asOf=2022-08-20')).json();
    const by = (code: string) => c.counts.find((x: { indicatorCode: string }) => x.indicatorCode === code);
    expect(by('new_hundred_billion')).toMatchObject({ value: 1, gained: 1 });
    expect(by('new_little_giant')).toMatchObject({ value: 3 });
    // A span lost in the year counts against the net figure.
    const fourAbove = by('net_four_above');
    expect(fourAbove.value).toBe(fourAbove.after - fourAbove.before);
    expect(fourAbove.lost).toBeGreaterThanOrEqual(2);
    // Before any gain in 2022 nothing is new.
    const jan = (await viewer.get('/api/enterprise-counts?year=2022&asOf=2022-01-01')).json();
    expect(jan.counts.find((x: { indicatorCode: string }) => x.indicatorCode === 'new_little_giant').value).toBe(0);
  });

  it('judges a one-enterprise plan against time progress', async () => {
    const plans = (await leader.get('/api/enterprise-plans?year=2022')).json();
    const xcmg = plans.find((p: { enterpriseName: string }) => p.enterpriseName === '徐工集团');
    // 638.00亿 of 1100.00亿 by July: 58.0% against 58.3% time progress.
    expect(xcmg).toMatchObject({ month: 7, actual: '6380000.00' });
    expect(xcmg.assessment).toMatchObject({ completion: '58.0', expectedShare: '58.3', gap: '-0.3', status: 'on_track' });
    // A reporter of the enterprise's unit reports August; another unit may not; the total cannot fall.
    expect((await donghuan.send('PUT', `/api/enterprise-plans/${xcmg.id}/actuals/8`, { output: '7300000', version: 1 })).statusCode).toBe(403);
    expect((await damiao.send('PUT', `/api/enterprise-plans/${xcmg.id}/actuals/8`, { output: '6000000', version: 1 })).statusCode).toBe(400);
    expect((await damiao.send('PUT', `/api/enterprise-plans/${xcmg.id}/actuals/8`, { output: '7300000', version: 1 })).statusCode).toBe(200);
    const d = (await leader.get(`/api/enterprise-plans/${xcmg.id}`)).json();
    expect(d.months.at(-1)).toMatchObject({ month: 8, assessment: { completion: '66.4', expectedShare: '66.7', status: 'on_track' } });
  });

  it('logs visits for own-unit enterprises only', async () => {
    const list = (await viewer.get('/api/enterprise-visits')).json();
    expect(list.total).toBeGreaterThanOrEqual(3);
    const xh = (await viewer.get(`/api/enterprises?q=${encodeURIComponent('鑫华')}`)).json().items[0];
    expect((await donghuan.send('POST', '/api/enterprise-visits', { enterpriseId: xh.id, visitedOn: '2022-08-19', visitors: '东环街道' })).statusCode).toBe(403);
    const ok = await damiao.send('POST', '/api/enterprise-visits', { enterpriseId: xh.id, visitedOn: '2022-08-19', visitors: '大庙街道经济服务中心', findings: '了解扩建进度' });
    expect(ok.json()).toMatchObject({ unitId: await unitId('damiao') });
  });

  it('keeps enterprise users out of every staff route', async () => {
    for (const url of ['/api/enterprises', '/api/enterprise-pools', '/api/enterprise-plans', '/api/enterprise-visits', '/api/enterprise-appeals', '/api/enterprise-counts', '/api/loop/items', '/api/units']) {
      expect((await ent.get(url)).statusCode, url).toBe(403);
    }
  });
});
