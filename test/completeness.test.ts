// Truth in use (#10, items 3–4): a zone sum is judged only when every unit owing it
// is approved — the cockpit, the assessment and the month lock treat a partial month
// as incomplete; a project whose target date is too near is 工期不足, with a
// compressed proposal and no planned date before the zone's date.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkday } from '../src/shared/calendar';
import { settleJobs } from '../src/shared/jobs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit, type Zone } from './helpers/factories';

const TODAY = '2022-10-12';
let t: TestApp;
let z: Zone;
let sup: Client, leader: Client, donghuan: Client;
const TERRITORIAL = [unit('donghuan', '东环街道'), unit('damiao', '大庙街道'), unit('jinlonghu', '金龙湖街道')];
/** Three sub-districts owe 一般公共预算收入, 税收收入 and 固定资产投资; all of August is approved. */
beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date(`${TODAY}T02:00:00Z`) });
  z = await makeZone(t.handle, 'cpzone', { units: [...TERRITORIAL, unit('ducha', '督查办', 'department')] });
  const gbr = await z.indicator({ code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow' });
  const tax = await z.indicator({ code: 'tax', name: '税收收入', measure: '亿元', kind: 'flow', parentCode: 'gbr' });
  const fai = await z.indicator({ code: 'fai', name: '固定资产投资', measure: '亿元', kind: 'flow' });
  for (const [i, u] of TERRITORIAL.entries()) {
    for (const [ind, floor] of [[gbr, 6], [tax, 5], [fai, 36]] as const) await z.target(ind, u.code, 2022, String(floor + i));
    await z.figures(u.code, '2022-08', { [gbr.id]: { value: String(4 + i), prevYear: '3.5' }, [tax.id]: String(3 + i), [fai.id]: String(24 + i) });
  }
  [sup, leader, donghuan] = await Promise.all([t.signIn('supervisor', z.code), t.signIn('leader', z.code), t.signIn(z.reporter('donghuan'), z.code)]);
}, 240_000);
afterAll(async () => t.close());

interface Row {
  code: string;
  value: string | null;
  status: string | null;
  gap: string | null;
  complete: boolean;
  coverage: { reported: number; expected: number; missingUnitNames: string[] } | null;
  units: { unitName: string; rank: number | null; rankChange: number | null; reported: boolean }[];
}
const gbrOf = (body: { indicators: Row[] }) => body.indicators.find((i) => i.code === 'gbr')!;

describe('a month with one unit approved (数据未齐)', () => {
  let expected = 0;
  beforeAll(async () => {
    const ids = Object.fromEntries(((await sup.get('/api/targets/indicators?pageSize=100')).json().items as { id: string; code: string }[]).map((i) => [i.code, i.id]));
    const saved = await donghuan.send('PUT', '/api/targets/report', { unitId: donghuan.me.user.unitId, period: '2022-09', submit: true, rows: [{ indicatorId: ids.gbr, value: '6.72', prevYear: '5.9', note: '9月一次性入库较多' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const queue = (await sup.get('/api/targets/figures?period=2022-09&state=submitted&pageSize=50')).json();
    expect(queue.total).toBe(1);
    expect((await sup.send('POST', '/api/targets/figures/review', { figures: queue.items.map((f: { id: string; version: number }) => ({ id: f.id, version: f.version })), decision: 'approve' })).statusCode).toBe(200);
    expected = gbrOf((await leader.get('/api/cockpit?period=2022-08')).json()).coverage!.expected;
  });

  it('the leader still opens on the latest complete month, and is told of the newer one', async () => {
    const body = (await leader.get('/api/cockpit')).json();
    expect(body.period).toBe('2022-08');
    expect(body.month).toEqual({ complete: true, missingUnitNames: [], latest: '2022-09', latestComplete: '2022-08' });
    expect(gbrOf(body)).toMatchObject({ complete: true, coverage: { reported: expected, expected, missingUnitNames: [] } });
    expect(gbrOf(body).status).not.toBeNull();
  });

  it('the partial month shows 已报 1/n: no status, no gap, no ranks, out of the overall ranking', async () => {
    const body = (await leader.get('/api/cockpit?period=2022-09')).json();
    const gbr = gbrOf(body);
    expect(expected).toBe(3);
    expect(gbr).toMatchObject({ value: '6.72', status: null, gap: null, coverage: { reported: 1, expected } });
    expect(gbr.coverage).toMatchObject({ reported: 1, expected });
    expect(gbr.coverage!.missingUnitNames).toContain('大庙街道');
    expect(gbr.coverage!.missingUnitNames).not.toContain('东环街道');
    expect(gbr.units.filter((u) => u.reported).map((u) => u.unitName)).toEqual(['东环街道']);
    expect(gbr.units.every((u) => u.rank === null && u.rankChange === null)).toBe(true);
    expect(body.month.complete).toBe(false);
    expect(body.month.missingUnitNames).toContain('大庙街道');
    expect(body.ranking).toEqual([]);
  });

  it('an assessment item on the incomplete indicator is not judged, and says so', async () => {
    const made = await sup.send('POST', '/api/assessment/schemes', {
      name: '2022年9月收入考核（测试）', periodKind: 'month', period: '2022-09', rankingGroup: 'territorial', redFlagPolicy: 'all_tied',
      items: [
        { key: 'gbr', name: '一般公共预算收入', kind: 'indicator_completion', indicatorCode: 'gbr', weight: '60' },
        { key: 'tasks', name: '督办任务按时完成', kind: 'tasks_on_time', weight: '40', whenNone: '1' },
      ],
    });
    expect(made.statusCode, made.body).toBe(200);
    const r = (await sup.get(`/api/assessment/schemes/${made.json().id}/results`)).json();
    expect(r.figureMonth).toBe('2022-09');
    for (const u of r.units) {
      const item = u.items.find((i: { key: string }) => i.key === 'gbr');
      expect(item).toMatchObject({ points: '0.00', raw: null });
      expect(item.explanation).toMatch(new RegExp(`^一般公共预算收入2022-09数据未齐（已报1/${expected}个单位，未报：.*大庙街道.*），本项暂不评分`));
    }
    // The donghuan figure alone does not lift 东环 above the others.
    const east = r.units.find((u: { unitName: string }) => u.unitName === '东环街道');
    const damiao = r.units.find((u: { unitName: string }) => u.unitName === '大庙街道');
    expect(east.items.find((i: { key: string }) => i.key === 'gbr').points).toBe(damiao.items.find((i: { key: string }) => i.key === 'gbr').points);
  });

  it('a bulletin of the partial month states 已报 1/n for the sum, judges it nowhere, and names no unit behind on it', async () => {
    const res = await sup.send('POST', '/api/bulletins', { period: '2022-09' });
    expect(res.statusCode, res.body).toBe(200);
    await settleJobs();
    const job = (await sup.get(`/api/jobs/${res.json().jobId}`)).json();
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    const b = (await sup.get(`/api/bulletins/${job.result.bulletinId}`)).json();
    const gbr = b.content.zoneFigures.find((f: { code: string }) => f.code === 'gbr');
    expect(gbr).toMatchObject({ value: '6.72', status: null, gap: null, coverage: { reported: 1, expected } });
    // The Word file as a leader reads it: the partial sum is stated with its coverage, and
    // never called behind or ahead of 序时.
    const zip = await JSZip.loadAsync((await sup.get(`/api/bulletins/${b.id}/download?format=docx`)).rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const partial = b.content.zoneFigures.filter((f: { coverage: { reported: number; expected: number } | null }) => f.coverage && f.coverage.reported < f.coverage.expected).length;
    expect(partial).toBeGreaterThan(1);
    expect(text).toContain(`${partial}项指标数据尚未报齐`);
    expect(text).toContain(`一般公共预算收入全区已报1/${expected}个单位，合计数待报齐后通报`);
    expect(b.lead).not.toContain('6.72');
    expect(text).toContain(`已报1/${expected}个单位`);
    expect(text).not.toMatch(/一般公共预算收入[^。；]*(滞后|慢于序时|快于序时)/);
  });

  it('locking the month names the missing units and needs a confirmation with a reason, kept in the audit log', async () => {
    const plain = await sup.send('POST', '/api/targets/periods/2022-09/lock');
    expect(plain.statusCode).toBe(409);
    expect(plain.json().code).toBe('targets.lock_missing_units');
    expect(plain.json().message).toContain('大庙街道');
    expect(plain.json().message).toContain('东环街道'); // 东环 owes more than its revenue
    const noReason = await sup.send('POST', '/api/targets/periods/2022-09/lock', { confirmMissing: true, reason: '  ' });
    expect(noReason.json().code).toBe('targets.lock_missing_units');
    const ok = await sup.send('POST', '/api/targets/periods/2022-09/lock', { confirmMissing: true, reason: '市里要求先发布东环数据' });
    expect(ok.statusCode, ok.body).toBe(200);
    const [audit] = await t.handle.query<{ after: { reason: string; missingUnits: string[] } }>(
      `SELECT after FROM audit_log WHERE action = 'lock' AND entity = 'period' AND entity_id = '2022-09' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit!.after.reason).toBe('市里要求先发布东环数据');
    expect(audit!.after.missingUnits).toContain('大庙街道');
    // A complete month locks without a word.
    expect((await sup.send('POST', '/api/targets/periods/2022-08/lock')).statusCode).toBe(200);
  });
});

describe('工期不足: a target date too near for the flow', () => {
  let unitId = '';
  const project = (name: string, extra: object = {}) => ({
    name, category: 'industrial', year: 2022, totalInvestment: '5', responsibleUnitId: unitId, targetDate: '2022-12-30', ...extra,
  });
  beforeAll(async () => {
    unitId = z.unitId('jinlonghu');
  });

  it('the check says how many working days are missing and proposes a compressed plan that starts no earlier than today', async () => {
    const res = await sup.send('POST', '/api/projects/plan-check', { category: 'industrial', targetDate: '2022-12-30' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.today).toBe(TODAY);
    expect(c.shortfallWorkdays).toBeGreaterThan(0);
    expect(c.plan.start < TODAY).toBe(true);
    expect(c.needsConfirmation.length).toBeGreaterThan(0);
    expect(c.compressed.fits).toBe(true);
    expect(c.compressed.steps.length).toBeGreaterThan(0);
    for (const s of c.compressed.steps) expect(s.toWorkdays).toBeLessThan(s.fromWorkdays);
    expect(c.compressed.plan.steps.every((s: { plannedStart: string }) => s.plannedStart >= TODAY)).toBe(true);
    // A far target date is not short.
    expect((await sup.send('POST', '/api/projects/plan-check', { category: 'industrial', targetDate: '2025-12-31' })).json()).toMatchObject({ shortfallWorkdays: 0, compressed: null, needsConfirmation: [] });
  });

  it('a project created with the compressed plan has no planned date before today', async () => {
    const res = await sup.send('POST', '/api/projects', project('工期测试甲项目', { compressPlan: true }));
    expect(res.statusCode, res.body).toBe(200);
    const d = (await sup.get(`/api/projects/${res.json().id}`)).json();
    const ms = d.project.milestones as { plannedStart: string; plannedEnd: string; needsConfirmation: boolean; status: string }[];
    expect(ms.length).toBeGreaterThan(0);
    for (const m of ms) {
      expect(m.plannedStart >= TODAY).toBe(true);
      expect(isWorkday(m.plannedStart)).toBe(true);
      expect(m.needsConfirmation).toBe(false);
    }
    expect(ms.map((m) => m.plannedEnd).sort().at(-1)).toBe('2022-12-30');
  });

  it('created with the straight plan, the steps already past are to be confirmed, not late', async () => {
    const res = await sup.send('POST', '/api/projects', project('工期测试乙项目'));
    expect(res.statusCode, res.body).toBe(200);
    const d = (await sup.get(`/api/projects/${res.json().id}`)).json();
    const ms = d.project.milestones as { plannedEnd: string; needsConfirmation: boolean; status: string }[];
    const past = ms.filter((m) => m.plannedEnd < TODAY);
    expect(past.length).toBeGreaterThan(0);
    expect(past.every((m) => m.needsConfirmation && m.status === 'on_time')).toBe(true);
    expect(ms.filter((m) => m.plannedEnd >= TODAY).every((m) => !m.needsConfirmation)).toBe(true);
    const [audit] = await t.handle.query<{ after: { shortfallWorkdays: number; needsConfirmation: string[] } }>(
      `SELECT after FROM audit_log WHERE action = 'plan' AND entity_id = $1`, [res.json().id],
    );
    expect(audit!.after.shortfallWorkdays).toBeGreaterThan(0);
    expect(audit!.after.needsConfirmation.length).toBe(past.length);
  });
});
