// Bounded work and processes (issue #13): an oversized spreadsheet fails cleanly
// while the server keeps answering; failure lists are cut short; a job whose process
// died is shown failed; project views are computed once per change; a big project
// import leaves the server answering; a data folder is held by one process only.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireJobs, settleJobs, startJob } from '../src/shared/jobs';
import { limits } from '../src/shared/limits';
import { lockFileOf } from '../src/db/folderLock';
import { testApp, type Client, type TestApp } from './helpers/app';
import { demoDataFolder } from './helpers/db';
import { makeZone, unit } from './helpers/factories';

let t: TestApp;
let sup: Client, damiao: Client;
beforeAll(async () => {
  t = await testApp({ demo: false, clock: () => new Date('2022-09-15T04:00:00Z') });
  const z = await makeZone(t.handle, 'bd', { units: [unit('damiao', '大庙街道'), unit('jinlonghu', '金龙湖街道'), unit('ducha', '督查办', 'department')] });
  [sup, damiao] = await Promise.all([t.signIn('supervisor', z.code), t.signIn(z.reporter('damiao'), z.code)]);
});
afterAll(async () => t.close());

const upload = (c: Client, url: string, data: Buffer) => c.upload(url, 'x.xlsx', data);

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Runs `work` while asking /api/health every 20 ms. Returns how many answers came while it ran, the
 * slowest (timed from when the request was due, so time the event loop was blocked counts) and how
 * long the work took. Tests judge the shape (many answers, none waiting for most of the work), which
 * holds on a loaded machine too; the ≤ 1 s aim itself is measured by `npm run bench` (bench/faults.ts).
 */
async function healthDuring(work: Promise<unknown>): Promise<{ answers: number; slowest: number; took: number }> {
  let done = false;
  let slowest = 0;
  let answers = 0;
  const started = performance.now();
  void work.finally(() => (done = true));
  let due = performance.now();
  while (!done) {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    answers++;
    slowest = Math.max(slowest, performance.now() - due);
    due = performance.now() + 20;
    await new Promise((r) => setTimeout(r, 20));
  }
  await work;
  return { answers, slowest, took: performance.now() - started };
}

const job = async (c: Client, id: string) => (await c.get(`/api/jobs/${id}`)).json();

describe('spreadsheet imports are bounded', () => {
  it('fails a report import over the row limit cleanly, with /api/health answering meanwhile', async () => {
    const rows: (string | number)[][] = [['指标代码', '本年累计']];
    for (let i = 0; i < limits.importRows + 5; i++) rows.push([`code${i}`, i]);
    const data = await sheet(rows);
    expect(data.length).toBeLessThan(512 * 1024); // small on disk
    const unitId = damiao.me.user.unitId!;
    const res = await upload(damiao, `/api/targets/report/import?unitId=${unitId}&period=2022-08`, data);
    expect(res.statusCode).toBe(200);
    const health = await healthDuring(settleJobs());
    // the rejection did not hold the event loop for the whole of it
    expect(health.slowest, JSON.stringify(health)).toBeLessThan(Math.max(1000, health.took / 2));
    const failed = await job(damiao, res.json().jobId);
    expect(failed).toMatchObject({ status: 'failed', errors: { code: 'import.too_large', details: null } });
    expect(failed.errors.message.zh).toContain(`行数超过上限${limits.importRows}`);
    expect(failed.errors.message.en).toContain(`rows over the limit of ${limits.importRows}`);
  });

  it('keeps the first errors of a failed import and counts them all', async () => {
    const n = limits.importErrorsShown + 150;
    const rows: (string | number)[][] = [['指标代码', '本年累计']];
    for (let i = 0; i < n; i++) rows.push([`nope${i}`, 'x'.repeat(300)]);
    const res = await upload(damiao, `/api/targets/report/import?unitId=${damiao.me.user.unitId}&period=2022-08`, await sheet(rows));
    await settleJobs();
    const failed = await job(damiao, res.json().jobId);
    expect(failed.status).toBe('failed');
    expect(failed.errors.details).toHaveLength(limits.importErrorsShown);
    expect(failed.errors.detailsTotal).toBe(2 * n); // a bad number and an unknown code per row
    expect(failed.errors.message.zh).toContain(`共${2 * n}处错误`);
    expect(JSON.stringify(failed).length).toBeLessThan(100_000);
  });
});

describe('jobs with leases', () => {
  const actor = () => ({ zoneId: sup.me.zone.id, userId: sup.me.user.id });

  it('shows a job whose process died as failed when it is read', async () => {
    // What a kill -9 leaves behind: running, and nobody renewing the lease.
    const [dead] = await t.handle.query<{ id: string }>(
      `INSERT INTO jobs (zone_id, kind, status, created_by, lease_until) VALUES ($1, 'test.dead', 'running', $2, now() - interval '1 second') RETURNING id`,
      [actor().zoneId, actor().userId],
    );
    const seen = await job(sup, dead!.id);
    expect(seen.status).toBe('failed');
    expect(seen.errors).toMatchObject({ code: 'job.interrupted' });
    expect(seen.errors.message.zh).toContain('处理进程中断');
    expect(seen.errors.message.en).toMatch(/the process handling it stopped/i);
    expect(seen.finishedAt).not.toBeNull();
  });

  it('lets the scheduler sweep expire the ones nobody reads, and only those', async () => {
    const [gone] = await t.handle.query<{ id: string }>(
      `INSERT INTO jobs (zone_id, kind, status, lease_until) VALUES ($1, 'test.gone', 'running', now() - interval '1 minute') RETURNING id`,
      [actor().zoneId],
    );
    const [live] = await t.handle.query<{ id: string }>(
      `INSERT INTO jobs (zone_id, kind, status, lease_until) VALUES ($1, 'test.live', 'running', now() + interval '1 minute') RETURNING id`,
      [actor().zoneId],
    );
    expect(await expireJobs(t.handle.db)).toBeGreaterThanOrEqual(1);
    const status = async (id: string) => (await t.handle.query<{ status: string }>(`SELECT status FROM jobs WHERE id = $1`, [id]))[0]!.status;
    expect(await status(gone!.id)).toBe('failed');
    expect(await status(live!.id)).toBe('running');
    await t.handle.query(`DELETE FROM jobs WHERE id = $1`, [live!.id]);
  });

  it('keeps a working job alive by its heartbeat past its first lease', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const id = await startJob(t.handle.db, actor(), 'test.slow', () => gate.then(() => ({ imported: 1 })), { leaseSeconds: 1, heartbeatMs: 100 });
    await new Promise((r) => setTimeout(r, 1600));
    expect((await job(sup, id)).status).toBe('running');
    finish();
    await settleJobs();
    expect(await job(sup, id)).toMatchObject({ status: 'succeeded', result: { imported: 1 } });
  });
});

describe('project views and imports', () => {
  it('imports 300 projects in batches while /api/health keeps answering, all or nothing', async () => {
    const header = ['项目名称', '类别', '年度', '总投资（亿）', '责任单位', '签约日期', '目标投产日期'];
    const rows = Array.from({ length: 300 }, (_, i) => [`批量项目${i}`, '重大产业项目', 2022, '10', '金龙湖街道', '2022-03-01', i % 2 ? '2024-12-30' : '2024-06-30']);
    const before = (await sup.get('/api/projects?pageSize=1')).json().total as number;
    // One bad row among them: nothing is written.
    const bad = await upload(sup, '/api/projects/import', await sheet([header, ...rows, ['批量项目0', '重大产业项目', 2022, '1', '金龙湖街道', '', '']]));
    await settleJobs();
    expect((await job(sup, bad.json().jobId)).errors.details[0].message.zh).toContain('与第2行重名');
    expect((await sup.get('/api/projects?pageSize=1')).json().total).toBe(before);

    const started = performance.now();
    const res = await upload(sup, '/api/projects/import', await sheet([header, ...rows]));
    const health = await healthDuring(settleJobs());
    const took = performance.now() - started;
    expect(await job(sup, res.json().jobId)).toMatchObject({ status: 'succeeded', result: { created: 300 } });
    // answered between the batches all along: many answers, and none waited for half of the import
    expect(health.answers, JSON.stringify(health)).toBeGreaterThanOrEqual(3);
    expect(health.slowest, JSON.stringify(health)).toBeLessThan(Math.max(1000, health.took / 2));
    console.log(`imported 300 projects in ${Math.round(took)} ms; ${health.answers} /api/health answers, the slowest ${Math.round(health.slowest)} ms`);
    const list = (await sup.get('/api/projects?q=批量项目1&pageSize=5')).json();
    expect(list.items[0]).toMatchObject({ stage: 'signed', targetDate: '2024-12-30' });
    expect(list.items[0].milestones).toHaveLength(28);
    const history = (await sup.get(`/api/projects/${list.items[0].id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['create', 'plan']));
  }, 120_000);

  it('serves the list and battle map from the cache until anything they show changes', async () => {
    const first = await sup.get('/api/projects?pageSize=5');
    const again = await sup.get('/api/projects?pageSize=5');
    expect(again.body).toBe(first.body);
    const p = first.json().items[0];
    const mine = async () => (await sup.get('/api/projects?pageSize=5')).json().items.find((x: { id: string }) => x.id === p.id);
    // A write through the API…
    expect((await sup.send('PATCH', `/api/projects/${p.id}`, { note: 'through the API', version: p.version })).statusCode).toBe(200);
    expect((await mine()).note).toBe('through the API');
    const map = (await sup.get('/api/projects/battle-map')).json();
    expect(map.projects.find((x: { id: string }) => x.id === p.id).note).toBe('through the API');
    // …and one straight into the database (another process, a script) are both seen.
    await t.handle.query(`UPDATE projects SET note = 'from elsewhere' WHERE id = $1`, [p.id]);
    expect((await mine()).note).toBe('from elsewhere');
    await t.handle.query(`UPDATE units SET name = name || '·' WHERE id = $1`, [p.responsibleUnitId]);
    expect((await mine()).responsibleUnitName).toMatch(/·$/);
    // A problem raised on the project changes its open-problem count.
    const raised = await sup.send('POST', `/api/projects/${p.id}/problems`, { title: '用地指标', detail: '缺少用地指标', category: 'water' });
    expect(raised.statusCode).toBe(200);
    expect((await mine()).openProblems).toBe(p.openProblems + 1);
  });
});

describe('one process per embedded data folder', () => {
  const cli = (dataDir: string, ...args: string[]) =>
    promisify(execFile)('node', ['bin/gongjian.mjs', ...args], { env: { ...process.env, DATABASE_URL: '', GONGJIAN_DATA: dataDir }, encoding: 'utf8' });

  it('refuses the CLI on a folder a live process holds, and takes the lock over once that process is killed', async () => {
    const folder = await demoDataFolder('gj-lock-');
    const pgdata = join(folder, 'pglite');
    // A stand-in for the server: a process that opens the folder and keeps it.
    const holder = spawn(
      'node',
      ['--import', 'tsx', '--input-type=module', '-e', `const { openDatabase } = await import(${JSON.stringify(join(process.cwd(), 'src/db/client.ts'))}); await openDatabase({ dataDir: ${JSON.stringify(pgdata)} }); console.log('holding'); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await once(holder.stdout!, 'data');
      expect(existsSync(lockFileOf(pgdata))).toBe(true);
      const refused = await cli(folder, 'user', 'passwd', 'supervisor', '--zone', 'xuzhou', '--password', 'changed-123').catch((e: { code: number; stderr: string }) => e);
      expect(refused).toMatchObject({ code: 2 });
      const { stderr } = refused as { stderr: string };
      expect(stderr).toContain(`正由另一个进程（pid ${holder.pid}）使用`);
      expect(stderr).toContain('Stop that server first, or use the web app or API');
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit').catch(() => undefined);
    }
    // The lock stays behind, stale: the next process takes it over and the folder opens.
    expect(existsSync(lockFileOf(pgdata))).toBe(true);
    const { stdout } = await cli(folder, 'user', 'passwd', 'supervisor', '--zone', 'xuzhou', '--password', 'changed-123');
    expect(stdout).toContain('done');
    expect(existsSync(lockFileOf(pgdata))).toBe(false); // released on exit
  }, 180_000);
});
