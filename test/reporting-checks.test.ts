// Reporting checks through HTTP (issue #11, item 4): the form carries what the
// checks need; a submission with a year-to-date drop or a big move needs a note;
// a word for a number is refused with a reason; a partial submission names what
// is unreported; the xlsx import follows the same rules (blank = not reported),
// all or nothing; exports write numbers as numbers with the indicator's decimals.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleJobs } from '../src/shared/jobs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

const NOW = new Date('2022-10-08T02:00:00Z'); // September is due
const P = '2022-09';
let t: TestApp;
let sup: Client, donghuan: Client;
let unitId: string;
type Row = { indicatorId: string; code: string; name: string; decimals: number; prevMonth: string | null; expectedShare: string | null; floor: string | null; figure: { state: string } | null };
let rows: Row[];
const row = (code: string) => rows.find((r) => r.code === code)!;

/** A zone of two sub-districts with three flows, targets for 2022 and East Ring's August approved. */
async function reportingZone(handle: TestApp['handle'], code: string): Promise<Zone> {
  const z = await makeZone(handle, code, { units: [unit('donghuan', '东环街道'), unit('jinshanqiao', '金山桥街道'), unit('ducha', '督查办', 'department')] });
  const gbr = await z.indicator({ code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow' });
  const tax = await z.indicator({ code: 'tax', name: '税收收入', measure: '亿元', kind: 'flow', parentCode: 'gbr' });
  const fai = await z.indicator({ code: 'fai', name: '固定资产投资', measure: '亿元', kind: 'flow' });
  for (const u of ['donghuan', 'jinshanqiao']) for (const [ind, floor] of [[gbr, '6'], [tax, '5'], [fai, '36']] as const) await z.target(ind, u, 2022, floor);
  await z.figures('donghuan', '2022-08', { [gbr.id]: '4.00', [tax.id]: '3.20', [fai.id]: '24.00' });
  return z;
}

beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => NOW });
  const z = await reportingZone(t.handle, 'rczone');
  [sup, donghuan] = await Promise.all([t.signIn('supervisor', z.code), t.signIn(z.reporter('donghuan'), z.code)]);
  unitId = donghuan.me.user.unitId!;
  const form = (await donghuan.get(`/api/targets/report?unitId=${unitId}&period=${P}`)).json();
  rows = form.rows;
});
afterAll(async () => t.close());

const count = async () => (await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM figures WHERE period = $1 AND unit_id = $2`, [P, unitId]))[0]!.n;
const put = (body: object, headers?: Record<string, string>) => donghuan.send('PUT', '/api/targets/report', { unitId, period: P, ...body }, headers);
const times = (v: string, f: number) => (Number(v) * f).toFixed(2);

describe('the reporting form', () => {
  it('carries last month’s figure, time progress and the zone’s move share for the live checks', async () => {
    const form = (await donghuan.get(`/api/targets/report?unitId=${unitId}&period=${P}`)).json();
    expect(form.moveShare).toBe('50');
    expect(row('gbr').prevMonth).toBe('4.00');
    expect(row('fai').floor).toBe('36');
    // 30 September by days: 273/365.
    expect(row('gbr').expectedShare).toBe('74.8');
    expect(rows.every((r) => r.figure === null || r.figure.state !== 'submitted')).toBe(true);
  });
});

describe('submitting', () => {
  it('refuses a word for a number with the reason, in both languages', async () => {
    const res = await put({ rows: [{ indicatorId: row('gbr').indicatorId, value: 'abc' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('请输入数字，如 12.34');
    expect((await put({ rows: [{ indicatorId: row('gbr').indicatorId, value: 'abc' }] }, { 'x-lang': 'en' })).json().message).toContain('Enter a number such as 12.34');
  });

  it('refuses a year to date below last month’s without a note, and takes it with one', async () => {
    const gbr = row('gbr');
    const drop = times(gbr.prevMonth!, 0.9);
    const before = await count();
    const refused = await put({ rows: [{ indicatorId: gbr.indicatorId, value: drop }], submit: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'targets.check_note' });
    expect(refused.json().message).toContain('低于上月累计');
    expect((await put({ rows: [{ indicatorId: gbr.indicatorId, value: drop }], submit: true }, { 'x-lang': 'en' })).json().message).toContain('below last month');
    expect(await count()).toBe(before);
    // A draft may hold it while the clerk asks around; submitting the drafts is refused again.
    expect((await put({ rows: [{ indicatorId: gbr.indicatorId, value: drop }] })).json()).toEqual({ saved: 1 });
    const submitDrafts = await donghuan.send('POST', '/api/targets/report/submit', { unitId, period: P });
    expect(submitDrafts.json().code).toBe('targets.check_note');
    const ok = await put({ rows: [{ indicatorId: gbr.indicatorId, value: drop, note: '退库3000万元' }], submit: true });
    expect(ok.statusCode).toBe(200);
    // A partial submission answers with what is still unreported.
    const left = ok.json().unreported.map((u: { code: string }) => u.code);
    expect(left).not.toContain('gbr');
    expect(left).toEqual(expect.arrayContaining(['tax', 'fai']));
  });

  it('refuses a move beyond the zone’s share without a note; the share is a setting', async () => {
    const tax = row('tax');
    const tenfold = times(tax.prevMonth!, 10);
    const refused = await put({ rows: [{ indicatorId: tax.indicatorId, value: tenfold }], submit: true });
    expect(refused.json().code).toBe('targets.check_note');
    expect(refused.json().message).toMatch(/相差[\d.]+%，超过50%/);
    const settings = (await sup.get('/api/targets/settings')).json();
    expect((await sup.send('PUT', '/api/targets/settings', { ...settings, moveWarnPercent: '0' })).statusCode).toBe(400);
    expect((await sup.send('PUT', '/api/targets/settings', { ...settings, moveWarnPercent: '1000' })).json().moveWarnPercent).toBe('1000');
    expect((await put({ rows: [{ indicatorId: tax.indicatorId, value: tenfold }], submit: true })).statusCode).toBe(200);
    await sup.send('PUT', '/api/targets/settings', { ...settings, version: (await sup.get('/api/targets/settings')).json().version });
  });

  it('lets a pace-keeping figure through without a note', async () => {
    const fai = row('fai');
    const res = await put({ rows: [{ indicatorId: fai.indicatorId, value: times(fai.prevMonth!, 9 / 8) }], submit: true });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('xlsx', () => {
  it('writes the template’s numbers as numbers with the indicator’s decimals', async () => {
    const res = await donghuan.get(`/api/targets/report/template?unitId=${unitId}&period=${P}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    let cell: ExcelJS.Cell | null = null;
    wb.worksheets[0]!.eachRow((r) => {
      if (r.getCell(1).value === 'gbr') cell = r.getCell(4);
    });
    expect(typeof cell!.value).toBe('number');
    expect(cell!.numFmt).toBe('0.' + '0'.repeat(row('gbr').decimals));
    const targets = await sup.get('/api/targets/targets/export?year=2022');
    const tw = new ExcelJS.Workbook();
    await tw.xlsx.load(targets.rawPayload as unknown as ArrayBuffer);
    let floor: ExcelJS.Cell | null = null;
    tw.worksheets[0]!.eachRow((r) => {
      if (r.getCell(1).value === 'gbr' && r.getCell(3).value === '东环街道') floor = r.getCell(4);
    });
    expect(typeof floor!.value).toBe('number');
    expect(floor!.numFmt).toMatch(/^0(\.0+)?$/);
  });

  it('imports as the form does: a blank value is not reported; a drop without a note is a row error; all or nothing', async () => {
    // November 2022 for a fresh month, October's figures come from the import.
    const t2 = await testApp({ demo: false, clock: () => new Date('2022-12-02T02:00:00Z') });
    try {
      const z2 = await reportingZone(t2.handle, 'rczone');
      const rep = await t2.signIn(z2.reporter('jinshanqiao'), z2.code);
      const u = rep.me.user.unitId!;
      const load = async (period: string) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await rep.get(`/api/targets/report/template?unitId=${u}&period=${period}`)).rawPayload as unknown as ArrayBuffer);
        return wb;
      };
      const uploadOn = async (url: string, data: Buffer) => {
        const res = await rep.upload(url, 'x.xlsx', data);
        await settleJobs();
        return (await rep.get(`/api/jobs/${res.json().jobId}`)).json();
      };
      // October: gbr 100, tax blank (not reported), fai 50.
      const oct = await load('2022-10');
      const rowsOf = (wb: ExcelJS.Workbook) => {
        const m = new Map<string, ExcelJS.Row>();
        wb.worksheets[0]!.eachRow((r) => {
          const c = String(r.getCell(1).value ?? '');
          if (/^[a-z_]+$/.test(c)) m.set(c, r);
        });
        return m;
      };
      const o = rowsOf(oct);
      for (const r of o.values()) r.getCell(4).value = null;
      o.get('gbr')!.getCell(4).value = 100;
      o.get('fai')!.getCell(4).value = 50;
      const first = await uploadOn(`/api/targets/report/import?unitId=${u}&period=2022-10&submit=true`, Buffer.from(await oct.xlsx.writeBuffer()));
      expect(first).toMatchObject({ status: 'succeeded', result: { imported: 2 } });
      const saved = await t2.handle.query<{ code: string }>(`SELECT i.code FROM figures f JOIN indicators i ON i.id = f.indicator_id WHERE f.period = '2022-10' AND f.unit_id = $1 ORDER BY i.code`, [u]);
      expect(saved.map((s) => s.code)).toEqual(['fai', 'gbr']);

      // November: gbr falls below October without a note, fai is a word — two row errors, nothing saved.
      const nov = await load('2022-11');
      const n = rowsOf(nov);
      n.get('gbr')!.getCell(4).value = 90;
      n.get('fai')!.getCell(4).value = '五十五';
      const failed = await uploadOn(`/api/targets/report/import?unitId=${u}&period=2022-11&submit=true`, Buffer.from(await nov.xlsx.writeBuffer()));
      expect(failed.status).toBe('failed');
      const details = failed.errors.details as { row: number; column: string; message: { zh: string } }[];
      expect(details.find((d) => d.row === n.get('gbr')!.number)).toMatchObject({ column: '备注', message: { zh: expect.stringContaining('低于上月累计100.00') } });
      expect(details.find((d) => d.row === n.get('fai')!.number)?.message.zh).toContain('“本年累计”应为数字');
      expect((await t2.handle.query(`SELECT 1 FROM figures WHERE period = '2022-11' AND unit_id = $1`, [u])).length).toBe(0);
      // With the note and a number it goes in; as a draft no note is needed.
      n.get('fai')!.getCell(4).value = 55;
      const draft = await uploadOn(`/api/targets/report/import?unitId=${u}&period=2022-11`, Buffer.from(await nov.xlsx.writeBuffer()));
      expect(draft).toMatchObject({ status: 'succeeded', result: { imported: 2 } });
      n.get('gbr')!.getCell(6).value = '10月数据含一次性收入，已剔除';
      const done = await uploadOn(`/api/targets/report/import?unitId=${u}&period=2022-11&submit=true`, Buffer.from(await nov.xlsx.writeBuffer()));
      expect(done).toMatchObject({ status: 'succeeded', result: { imported: 2 } });
    } finally {
      await t2.close();
    }
  }, 180_000); // a second app, on the day November is due
});
