// Enterprises through HTTP on a zone of the test's own (units, staff, reporters), whose
// register is written through the services: fourteen enterprises with their 2022 figures
// and dated tags, four pools with members, a plan with its months, two visits. Then the
// register (search, unit-scoped writes, credit codes, duplicates, tag spans), xlsx import
// all-or-nothing with row errors (in a second zone, so its 3,000 rows leave the first
// zone's pools and counts alone) and export, pools towards the next tier, the zone counts
// from tag dates, the plan against time progress, visits, and the policy edges.
// The demo's own enterprises are checked in demo.test.ts.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseTag } from '../src/db/schema';
import { settleJobs } from '../src/shared/jobs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { creditCode, makeZone, unit, type Zone } from './helpers/factories';

let t: TestApp;
/** The zone of the register; `zi` the zone the imports go to. */
let z: Zone, zi: Zone;
let sup: Client, damiao: Client, donghuan: Client, leader: Client, viewer: Client, ent: Client;
let importer: Client, importDamiao: Client;
const count = async (sql: string, params: unknown[] = []) => (await t.handle.query<{ n: number }>(sql, params))[0]!.n;

const CM = '工程机械与智能制造';
const NE = '新能源新材料';
const IC = '集成电路及ICT';
const BIO = '生物医药';
/** The register on 20 August 2022: unit, chain, 2022 output (万元), tags with the day gained (and lost). */
const REGISTER: Record<string, { unit: string; chain: string; output: string; tags: [EnterpriseTag, string, string?][] }> = {
  恒力重工集团: { unit: 'damiao', chain: CM, output: '10420000', tags: [['high_tech', '2008-12-01'], ['four_above', '2000-01-01'], ['hundred_billion', '2010-12-31']] },
  恒力智联科技: { unit: 'donghuan', chain: CM, output: '85600', tags: [['high_tech', '2018-11-28'], ['listing_reserve', '2021-03-01'], ['four_above', '2017-12-31']] },
  徐州能源集团: { unit: 'jinlonghu', chain: NE, output: '1186000', tags: [['listing_reserve', '2021-03-01'], ['four_above', '2005-12-31'], ['ten_billion', '2012-12-31', '2022-06-30'], ['hundred_billion', '2022-06-30']] },
  硅材半导体: { unit: 'damiao', chain: IC, output: '318000', tags: [['high_tech', '2017-11-17'], ['listing_reserve', '2021-03-01'], ['little_giant', '2022-08-05'], ['four_above', '2016-12-31']] },
  华晶新能源: { unit: 'jinlonghu', chain: NE, output: '128000', tags: [['high_tech', '2022-07-15'], ['four_above', '2019-12-31']] },
  芯瑞电子: { unit: 'damiao', chain: IC, output: '27900', tags: [['listing_reserve', '2021-03-01'], ['four_above', '2020-12-31']] },
  科汉微电子: { unit: 'damiao', chain: IC, output: '11800', tags: [['specialized', '2022-06-30'], ['four_above', '2021-12-31']] },
  天宇碳化硅: { unit: 'damiao', chain: IC, output: '60200', tags: [['high_tech', '2021-11-30'], ['little_giant', '2022-07-26'], ['four_above', '2020-12-31']] },
  威力新材料: { unit: 'donghuan', chain: NE, output: '36400', tags: [['high_tech', '2019-11-22'], ['little_giant', '2022-07-26'], ['listing_reserve', '2021-03-01'], ['four_above', '2019-12-31']] },
  康瑞医药: { unit: 'damiao', chain: BIO, output: '95200', tags: [['high_tech', '2019-11-22'], ['four_above', '2018-12-31']] },
  芯联封测: { unit: 'donghuan', chain: IC, output: '4200', tags: [] },
  润达精密机械: { unit: 'donghuan', chain: CM, output: '1800', tags: [['four_above', '2021-12-31', '2022-06-30']] },
  金科智能装备: { unit: 'jinlonghu', chain: CM, output: '1700', tags: [['four_above', '2021-12-31', '2022-05-31']] },
  宏盛电子: { unit: 'jinlonghu', chain: IC, output: '2600', tags: [['four_above', '2022-03-15']] },
};
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};
const pools: Record<string, string> = {};
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date('2022-08-20T02:00:00Z') });
  const units = [unit('damiao', '大庙街道'), unit('donghuan', '东环街道'), unit('jinlonghu', '金龙湖街道'), unit('ducha', '督查办', 'department')];
  z = await makeZone(t.handle, 'xz', { units, reporters: ['damiao', 'donghuan'] });
  zi = await makeZone(t.handle, 'xi', { units, reporters: ['damiao'] });
  for (const [name, e] of Object.entries(REGISTER)) {
    const row = await z.enterprise(e.unit, name, undefined, { chain: e.chain });
    [ids[name], codes[name]] = [row.id, row.creditCode];
    await z.enterpriseFigures(row.id, 2022, { outputValue: e.output });
    for (const [tag, gainedOn, lostOn] of e.tags) await z.enterpriseTag(row.id, tag, gainedOn, { lostOn });
  }
  // Made out of their listing order: the list follows sortOrder.
  const amount = { 'tier-1b': '100000', 'tier-10b': '1000000', 'tier-100b': '10000000' };
  pools['tier-1b'] = (await z.pool({ code: 'tier-1b', name: '十亿级企业', rules: { minOutput: amount['tier-1b'], maxOutput: amount['tier-10b'] }, goal: { output: amount['tier-10b'] }, sortOrder: 30 })).id;
  pools['tier-10b'] = (await z.pool({ code: 'tier-10b', name: '百亿级企业', rules: { minOutput: amount['tier-10b'], maxOutput: amount['tier-100b'] }, goal: { output: amount['tier-100b'] }, sortOrder: 20 })).id;
  pools['tier-100b'] = (await z.pool({ code: 'tier-100b', name: '千亿级企业', rules: { minOutput: amount['tier-100b'] }, sortOrder: 10 })).id;
  pools['to-high-tech'] = (await z.pool({ code: 'to-high-tech', name: '“小升高”培育库', rules: { minOutput: '2000', noneTags: ['high_tech'] }, goal: { tag: 'high_tech' }, sortOrder: 40 })).id;
  for (const [pool, name] of [['tier-100b', '恒力重工集团'], ['tier-10b', '徐州能源集团'], ['tier-1b', '硅材半导体'], ['tier-1b', '华晶新能源']] as const) {
    await z.poolMember(pools[pool]!, ids[name]!, '2022-03-01');
  }
  // 一企一策: 1200亿 for 2022, cumulative output reported to July.
  await z.enterprisePlan(ids['恒力重工集团']!, 2022, '12000000', ['700000', '1400000', '2200000', '3000000', '3800000', '4600000', '5400000']);
  await z.enterpriseVisit('damiao', ids['硅材半导体']!, { visitedOn: '2022-08-10', visitors: '大庙街道党工委书记', findings: '扩建项目供电容量不足' });
  await z.enterpriseVisit('donghuan', ids['威力新材料']!, { visitedOn: '2022-08-03', visitors: '东环街道分管负责人' });
  await z.enterpriseAccount(ids['恒力重工集团']!, 'ent-hengli');

  [sup, damiao, donghuan, leader, viewer, ent] = (await Promise.all(
    ['supervisor', z.reporter('damiao'), z.reporter('donghuan'), 'leader', 'viewer', 'ent-hengli'].map((u) => t.signIn(u, z.code)),
  )) as [Client, Client, Client, Client, Client, Client];
  [importer, importDamiao] = (await Promise.all(['supervisor', zi.reporter('damiao')].map((u) => t.signIn(u, zi.code)))) as [Client, Client];
}, 120_000);
afterAll(async () => t.close());

async function sheet(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业库');
  ws.addRow(['企业名称', '统一社会信用代码', '所在镇街', '产业链', '包挂领导', '年份', '产值(万元)', '税收(万元)', '从业人数', '标签']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function job(id: string) {
  await settleJobs();
  return (await importer.get(`/api/jobs/${id}`)).json();
}

/** The code with its check character wrong. */
const badCheck = (code: string) => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');

describe('register', () => {
  it('is searchable by name, tag, chain and unit, and by a credit code in lower case', async () => {
    const byName = (await viewer.get(`/api/enterprises?q=${encodeURIComponent('恒力')}`)).json();
    expect(names(byName.items)).toEqual(['恒力重工集团', '恒力智联科技']); // by output, the larger first
    const hengli = byName.items[0];
    expect(hengli).toMatchObject({ year: 2022, outputValue: '10420000.00', unitName: '大庙街道', chain: CM, demo: false });
    expect([...hengli.tags].sort()).toEqual(['four_above', 'high_tech', 'hundred_billion']);
    const giants = (await viewer.get('/api/enterprises?tag=little_giant&pageSize=50')).json();
    expect(names(giants.items).sort()).toEqual(['天宇碳化硅', '威力新材料', '硅材半导体'].sort());
    // 集成电路 in 大庙街道: not 芯联封测 (东环) nor 宏盛电子 (金龙湖).
    const ic = (await viewer.get(`/api/enterprises?chain=${encodeURIComponent(IC)}&unitId=${z.unitId('damiao')}&pageSize=50`)).json();
    expect(ic.total).toBe(4);
    expect(names(ic.items)).toEqual(['硅材半导体', '天宇碳化硅', '芯瑞电子', '科汉微电子']);
    const byCode = (await viewer.get(`/api/enterprises?q=${codes['恒力重工集团']!.toLowerCase()}`)).json();
    expect(names(byCode.items)).toEqual(['恒力重工集团']);
  });

  it('lets a sub-district reporter add and edit only enterprises in its own unit', async () => {
    const own = await damiao.send('POST', '/api/enterprises', { name: '徐州测试装备有限公司', creditCode: creditCode(101), unitId: z.unitId('damiao'), chain: CM });
    expect(own.statusCode).toBe(200);
    const id = own.json().id;
    // Another sub-district can neither add one in damiao nor change damiao's.
    expect((await donghuan.send('POST', '/api/enterprises', { name: '越界企业', creditCode: creditCode(102), unitId: z.unitId('damiao') })).statusCode).toBe(403);
    expect((await donghuan.send('PATCH', `/api/enterprises/${id}`, { name: '改名', version: own.json().version })).statusCode).toBe(403);
    expect((await donghuan.send('PUT', `/api/enterprises/${id}/figures`, { year: 2022, outputValue: '1.00', version: 1 })).statusCode).toBe(403);
    expect((await donghuan.send('POST', `/api/enterprises/${id}/tags`, { tag: 'high_tech', gainedOn: '2022-08-01' })).statusCode).toBe(403);
    // …nor move its own into damiao; the viewer and leader write nothing.
    expect((await viewer.send('PUT', `/api/enterprises/${id}/figures`, { year: 2022, outputValue: '1.00', version: 1 })).statusCode).toBe(403);
    expect((await leader.send('POST', '/api/enterprises', { name: 'x', creditCode: creditCode(103), unitId: z.unitId('damiao') })).statusCode).toBe(403);
    const fig = await damiao.send('PUT', `/api/enterprises/${id}/figures`, { year: 2022, outputValue: '1880.50', tax: '60', employees: 45, version: 1 });
    expect(fig.json()).toMatchObject({ outputValue: '1880.50', tax: '60.00', employees: 45 });
    expect(await count(`SELECT count(*)::int AS n FROM enterprises WHERE name = '越界企业' OR name = '改名'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM enterprise_tags WHERE enterprise_id = $1`, [id])).toBe(0);
  });

  it('refuses a bad credit code and a duplicate with clear messages, changing nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM audit_log');
    const enterprisesBefore = await count('SELECT count(*)::int AS n FROM enterprises');
    const r1 = await sup.send('POST', '/api/enterprises', { name: '校验位错误', creditCode: badCheck(creditCode(104)), unitId: z.unitId('damiao') });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().message).toContain('校验位');
    const r2 = await sup.send('POST', '/api/enterprises', { name: '短码', creditCode: '9132030', unitId: z.unitId('damiao') }, { 'x-lang': 'en' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().message).toContain('18 characters');
    const dup = await sup.send('POST', '/api/enterprises', { name: '重复', creditCode: codes['恒力重工集团'], unitId: z.unitId('donghuan') });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('恒力重工集团');
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM enterprises')).toBe(enterprisesBefore);
  });

  it('keeps tag spans apart and refuses a loss before the gain', async () => {
    const e = (await sup.send('POST', '/api/enterprises', { name: '标签测试', creditCode: creditCode(105), unitId: z.unitId('donghuan') })).json();
    const span = (await sup.send('POST', `/api/enterprises/${e.id}/tags`, { tag: 'high_tech', gainedOn: '2019-11-30' })).json();
    expect((await sup.send('POST', `/api/enterprises/${e.id}/tags`, { tag: 'high_tech', gainedOn: '2021-01-01' })).statusCode).toBe(409);
    expect((await sup.send('POST', `/api/enterprises/${e.id}/tags/${span.id}/lose`, { lostOn: '2019-01-01', version: span.version })).statusCode).toBe(400);
    expect((await sup.send('POST', `/api/enterprises/${e.id}/tags/${span.id}/lose`, { lostOn: '2022-11-30', version: span.version })).json().lostOn).toBe('2022-11-30');
    expect((await sup.send('POST', `/api/enterprises/${e.id}/tags`, { tag: 'high_tech', gainedOn: '2023-01-10' })).statusCode).toBe(200);
    const detail = (await leader.get(`/api/enterprises/${e.id}`)).json();
    expect(detail.tags.map((s: { gainedOn: string; lostOn: string | null }) => [s.gainedOn, s.lostOn])).toEqual([
      ['2019-11-30', '2022-11-30'],
      ['2023-01-10', null],
    ]);
  });
});

describe('xlsx import and export', () => {
  const inImportZone = (where: string) => count(`SELECT count(*)::int AS n FROM enterprises e WHERE e.zone_id = $1 AND ${where}`, [zi.id]);
  const tagsInImportZone = () => count(`SELECT count(*)::int AS n FROM enterprise_tags t JOIN enterprises e ON e.id = t.enterprise_id WHERE e.zone_id = $1 AND e.name LIKE '徐州批量企业%'`, [zi.id]);

  it('imports 3,000 rows in one go and re-imports them as updates', async () => {
    // Every tenth row has two tags: 300 × 2 spans.
    const rows = Array.from({ length: 3000 }, (_, i) => [`徐州批量企业${i}有限公司`, creditCode(10000 + i), i % 2 ? '东环街道' : 'jinlonghu', NE, '', 2022, `${1000 + i}.5`, '12', 30, i % 10 === 0 ? `四上(2022-0${1 + (i % 8)}-01)、高企(2021-11-30)` : '']);
    const started = Date.now();
    const res = await importer.upload('/api/enterprises/import', '企业库.xlsx', await sheet(rows));
    expect(res.statusCode).toBe(200);
    const j = await job(res.json().jobId);
    expect(j.status).toBe('succeeded');
    expect(j.result).toMatchObject({ rows: 3000, created: 3000, updated: 0 });
    console.log(`import of 3,000 rows: ${Date.now() - started} ms end to end (${j.result.ms} ms in the job) on ${t.handle.engine}`);
    expect(await inImportZone(`e.name LIKE '徐州批量企业%'`)).toBe(3000);
    expect(await inImportZone(`e.unit_id = '${zi.unitId('donghuan')}'`)).toBe(1500);
    expect(await tagsInImportZone()).toBe(600);
    // The same sheet again updates: nothing doubles.
    const again = await job((await importer.upload('/api/enterprises/import', 'again.xlsx', await sheet(rows.slice(0, 50).map((r) => r.map((c, k) => (k === 6 ? '9999' : c)))))).json().jobId);
    expect(again.result).toMatchObject({ rows: 50, created: 0, updated: 50 });
    expect(await inImportZone(`e.name LIKE '徐州批量企业%'`)).toBe(3000);
    expect(await tagsInImportZone()).toBe(600);
    expect((await importer.get(`/api/enterprises?q=${creditCode(10000)}`)).json().items.map((e: { outputValue: string }) => e.outputValue)).toEqual(['9999.00']);
    expect((await importer.get(`/api/enterprises?q=${creditCode(10050)}`)).json().items.map((e: { outputValue: string }) => e.outputValue)).toEqual(['1050.50']);
  }, 60_000);

  it('writes nothing when any row is bad, and lists every bad row', async () => {
    const before = await count('SELECT count(*)::int AS n FROM enterprises');
    const data = await sheet([
      ['好企业甲', creditCode(20000), '大庙街道', '', '', 2022, '100', '', '', ''],
      ['坏校验位', badCheck(creditCode(20001)), '大庙街道', '', '', 2022, '100', '', '', ''],
      ['含字母O', '91320301MA1O000000', '大庙街道', '', '', '', '', '', '', ''],
      ['重复代码', creditCode(20000), '大庙街道', '', '', '', '', '', '', ''],
      ['无此街道', creditCode(20002), '火星街道', '', '', '', '', '', '', ''],
      ['错标签', creditCode(20003), '大庙街道', '', '', '', '', '', '', '高企'],
    ]);
    const j = await job((await importer.upload('/api/enterprises/import', 'bad.xlsx', data)).json().jobId);
    expect(j.status).toBe('failed');
    expect(j.errors.code).toBe('import.failed');
    expect(j.errors.details.map((d: { row: number }) => d.row)).toEqual([3, 4, 5, 6, 7]);
    expect(j.errors.details[0].message.zh).toContain('校验位');
    expect(j.errors.details[1].message.zh).toContain('第12位');
    expect(await count('SELECT count(*)::int AS n FROM enterprises')).toBe(before);
    expect(await inImportZone(`e.name = '好企业甲'`)).toBe(0);
  });

  it('refuses imports from reporters and non-xlsx files', async () => {
    const data = await sheet([['x', creditCode(30000), '大庙街道', '', '', '', '', '', '', '']]);
    expect((await importDamiao.upload('/api/enterprises/import', 'a.xlsx', data)).statusCode).toBe(403);
    expect((await importer.upload('/api/enterprises/import', 'a.xlsx', Buffer.from('not a zip'))).statusCode).toBe(415);
    expect(await inImportZone(`e.name = 'x'`)).toBe(0);
  });

  it('exports the filtered register and the template as xlsx that reads back', async () => {
    const res = await viewer.get('/api/enterprises/export?tag=listing_reserve');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().filter((r): r is ExcelJS.CellValue[] => Array.isArray(r)).map((r) => r.slice(1).map((c) => (c === null || c === undefined ? '' : String(c))));
    const header = rows.findIndex((r) => r[0] === '企业名称*');
    expect(header).toBeGreaterThanOrEqual(0);
    const body = rows.slice(header + 1);
    // Those holding 上市后备 on 20 August, not 康瑞医药 (no such tag).
    expect(body.map((r) => r[0]).sort()).toEqual(['徐州能源集团', '恒力智联科技', '威力新材料', '硅材半导体', '芯瑞电子'].sort());
    expect(body.find((r) => r[0] === '恒力智联科技')!.slice(1, 4)).toEqual([codes['恒力智联科技'], '东环街道', CM]);
    expect((await viewer.get('/api/enterprises/template')).statusCode).toBe(200);
  });
});

describe('pools, counts, plans, visits', () => {
  it('suggests candidates by the rules and tracks members towards the next tier', async () => {
    const list = (await viewer.get('/api/enterprise-pools')).json();
    expect(list.map((p: { code: string; members: number; candidates: number }) => [p.code, p.members, p.candidates])).toEqual([
      ['tier-100b', 1, 0],
      ['tier-10b', 1, 0],
      ['tier-1b', 2, 0],
      ['to-high-tech', 0, 5],
    ]);
    const detail = (await viewer.get(`/api/enterprise-pools/${pools['tier-10b']}`)).json();
    // 徐州能源集团 (118.6亿元) is the member: 11.9% of the way to 1000亿元, 881.4亿 short.
    expect(names(detail.members)).toEqual(['徐州能源集团']);
    expect(detail.members[0].progress).toMatchObject({ percent: '11.9', gap: '8814000.00', reached: false });
    const d1 = (await viewer.get(`/api/enterprise-pools/${pools['tier-1b']}`)).json();
    // 硅材 (31.8亿) and 华晶 (12.8亿) are members, the nearer first; nobody else is above 10亿.
    expect(d1.members.map((m: { name: string; progress: { percent: string; gap: string } }) => [m.name, m.progress.percent, m.progress.gap])).toEqual([
      ['硅材半导体', '31.8', '682000.00'],
      ['华晶新能源', '12.8', '872000.00'],
    ]);
    expect(d1.candidates).toEqual([]);
    // 小升高: 2000万 or more and not 高企 on 20 August (华晶 became one in July; 润达 and 金科 are too small), the largest first.
    const hightech = (await viewer.get(`/api/enterprise-pools/${pools['to-high-tech']}`)).json();
    expect(names(hightech.candidates)).toEqual(['徐州能源集团', '芯瑞电子', '科汉微电子', '芯联封测', '宏盛电子']);
    // Adding a candidate makes it a member; only supervisors may.
    const cand = ids['芯瑞电子']!;
    const add = (c: Client) => c.send('POST', `/api/enterprise-pools/${pools['to-high-tech']}/members`, { enterpriseId: cand, addedOn: '2022-08-20' });
    expect((await add(damiao)).statusCode).toBe(403);
    expect((await add(sup)).statusCode).toBe(200);
    expect((await add(sup)).statusCode).toBe(409);
    const after = (await viewer.get(`/api/enterprise-pools/${pools['to-high-tech']}`)).json();
    expect(after.members.map((m: { id: string; addedOn: string }) => [m.id, m.addedOn])).toEqual([[cand, '2022-08-20']]);
    expect(after.members[0].progress).toMatchObject({ percent: null, tagHeld: false, reached: false });
    expect(names(after.candidates)).toEqual(['徐州能源集团', '科汉微电子', '芯联封测', '宏盛电子']);
  });

  it('counts the zone figures from tag dates', async () => {
    const c = (await viewer.get('/api/enterprise-counts?year=2022&asOf=2022-08-20')).json();
    const by = (code: string) => c.counts.find((x: { indicatorCode: string }) => x.indicatorCode === code);
    // 徐州能源集团 became a 百亿 enterprise on 30 June; 恒力 has been one since 2010.
    expect(by('new_hundred_billion')).toMatchObject({ value: 1, gained: 1, before: 1, after: 2 });
    expect(by('new_little_giant')).toMatchObject({ value: 3, before: 0, after: 3 });
    // 四上: twelve held it at the end of 2021; 宏盛 gained it, 润达 and 金科 lost it: net −1.
    expect(by('net_four_above')).toMatchObject({ before: 12, after: 11, gained: 1, lost: 2, value: -1 });
    // 高企: 华晶 since 15 July.
    expect(by('net_high_tech')).toMatchObject({ value: 1, gained: 1, lost: 0 });
    // On 1 August only 天宇 and 威力 (26 July) are new little giants; 硅材 came on the 5th.
    const aug1 = (await viewer.get('/api/enterprise-counts?year=2022&asOf=2022-08-01')).json();
    expect(aug1.counts.find((x: { indicatorCode: string }) => x.indicatorCode === 'new_little_giant').value).toBe(2);
    // Before any gain or loss in 2022 nothing is new.
    const jan = (await viewer.get('/api/enterprise-counts?year=2022&asOf=2022-01-01')).json();
    const inJan = (code: string) => jan.counts.find((x: { indicatorCode: string }) => x.indicatorCode === code).value;
    expect([inJan('new_little_giant'), inJan('net_four_above'), inJan('new_hundred_billion')]).toEqual([0, 0, 0]);
  });

  it('judges a one-enterprise plan against time progress', async () => {
    const plans = (await leader.get('/api/enterprise-plans?year=2022')).json();
    expect(plans.map((p: { enterpriseName: string }) => p.enterpriseName)).toEqual(['恒力重工集团']);
    const plan = plans[0];
    // 540亿 of 1200亿 by July: 45.0% against 58.3% time progress (7/12), 13.3 points behind.
    expect(plan).toMatchObject({ month: 7, actual: '5400000.00', unitName: '大庙街道' });
    expect(plan.assessment).toMatchObject({ completion: '45.0', expectedShare: '58.3', gap: '-13.3', status: 'slightly_behind' });
    // A reporter of the enterprise's unit reports August; another unit may not; the total cannot fall.
    expect((await donghuan.send('PUT', `/api/enterprise-plans/${plan.id}/actuals/8`, { output: '7200000', version: 1 })).statusCode).toBe(403);
    expect((await damiao.send('PUT', `/api/enterprise-plans/${plan.id}/actuals/8`, { output: '5000000', version: 1 })).statusCode).toBe(400);
    expect((await damiao.send('PUT', `/api/enterprise-plans/${plan.id}/actuals/8`, { output: '7200000', version: 1 })).statusCode).toBe(200);
    // 720亿 by August: 60.0% against 66.7%, back on track.
    const d = (await leader.get(`/api/enterprise-plans/${plan.id}`)).json();
    expect(d.months).toHaveLength(8);
    expect(d.months.at(-1)).toMatchObject({ month: 8, output: '7200000.00', assessment: { completion: '60.0', expectedShare: '66.7', gap: '-6.7', status: 'on_track' } });
  });

  it('logs visits for own-unit enterprises only', async () => {
    const visits = async () => (await viewer.get('/api/enterprise-visits')).json();
    const list = await visits();
    expect(list.total).toBe(2);
    expect(list.items.map((v: { enterpriseName: string; unitName: string; visitedOn: string }) => [v.enterpriseName, v.unitName, v.visitedOn])).toEqual([
      ['硅材半导体', '大庙街道', '2022-08-10'],
      ['威力新材料', '东环街道', '2022-08-03'],
    ]);
    const xh = ids['硅材半导体']!;
    expect((await donghuan.send('POST', '/api/enterprise-visits', { enterpriseId: xh, visitedOn: '2022-08-19', visitors: '东环街道' })).statusCode).toBe(403);
    const ok = await damiao.send('POST', '/api/enterprise-visits', { enterpriseId: xh, visitedOn: '2022-08-19', visitors: '大庙街道经济服务中心', findings: '了解扩建进度' });
    expect(ok.json()).toMatchObject({ enterpriseId: xh, unitId: z.unitId('damiao') });
    const now = await visits();
    expect(now.total).toBe(3);
    expect(now.items[0]).toMatchObject({ id: ok.json().id, visitedOn: '2022-08-19', visitors: '大庙街道经济服务中心' });
  });

  it('keeps enterprise users out of every staff route', async () => {
    // Signed in and served on its own enterprise's route…
    const mine = await ent.get('/api/my-enterprise');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ name: '恒力重工集团' });
    // …and refused on every staff one.
    for (const url of ['/api/enterprises', '/api/enterprise-pools', '/api/enterprise-plans', '/api/enterprise-visits', '/api/enterprise-appeals', '/api/enterprise-counts', '/api/loop/items', '/api/units']) {
      expect((await ent.get(url)).statusCode, url).toBe(403);
    }
  });
});
