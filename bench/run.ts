// `npm run bench`: every wait a person meets, in one table beside its aim and the
// reference measured in the same run. The cockpit API against the same reads run
// directly in SQL, on PGlite and on PostgreSQL, at zone scale (30 units, 60
// indicators, 10 years of months) and at province scale (150 zones in one database);
// at zone scale also its throughput against a bare route (on PostgreSQL also of 2 API
// processes on the one database, bench/apiProcess.ts), a 10,000-row xlsx import,
// a bulletin .docx and a backup; the extractor on 100 KB of text; `gongjian start`
// on a fresh data folder and the web's first load (bench/web.ts).
// With --write the table goes into docs/benchmarks.md.
//
//   --only=pglite,postgres,web,extract   (any of them, comma-separated; default all)
//   BENCH_PG=postgres://postgres@127.0.0.1:5432/test   ('off': PGlite only)
//   BENCH_REQUESTS=300  BENCH_YEARS=10 (of the measured zone)  BENCH_PROVINCE_ZONES=150 (0: zone scale only)  BENCH_PROVINCE_YEARS=2
//   BENCH_AFTER_WRITE=40 (writes to a figure, each followed by a read taking the previous answer, marked, and one waiting for the current)
//   BENCH_LOAD_SECONDS=10 BENCH_LOAD_CONNECTIONS=100 (throughput)
//   BENCH_PROFILE=DIR: a CPU profile of each after-write loop, DIR/after-write-<engine>-<scale>.cpuprofile
import { randomBytes } from 'node:crypto';
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { openDatabase, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { buildApp } from '../src/server/app';
import { hashPassword } from '../src/domains/auth/password';
import { exportTargets, importTargets } from '../src/domains/targets/imports';
import { buildBulletinFile } from '../src/domains/bulletins/service';
import { backupZone } from '../src/domains/backup/backup';
import { extract } from '../src/domains/supervision/extract';
import { zoneWritten } from '../src/shared/zoneWrites';
import { judging } from '../src/domains/cockpit/judging';
import { machine, median, pct, renderTable, type Row } from './table';
import { profiled } from './profile';
import { startServer } from './server';
import { benchWeb } from './web';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const AFTER_WRITE = Number(process.env.BENCH_AFTER_WRITE ?? 40);
const UNITS = 30;
const INDICATORS = 60;
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const FIRST_YEAR = 2026 - YEARS; // the measured month stays 2025-08
const PROVINCE_ZONES = Number(process.env.BENCH_PROVINCE_ZONES ?? 150);
const PROVINCE_YEARS = Number(process.env.BENCH_PROVINCE_YEARS ?? 2);
const PERIOD = `${FIRST_YEAR + YEARS - 1}-08`;
const PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const LOAD_SECONDS = process.env.BENCH_LOAD_SECONDS ?? '10';
const LOAD_CONNECTIONS = process.env.BENCH_LOAD_CONNECTIONS ?? '100';

/** Synthetic zones straight in SQL: units (12 territorial), 58 flows + 2 ratios, targets per unit and year, approved monthly figures. */
async function generate(h: DbHandle, zones: number, yearsOf: (z: number) => number): Promise<void> {
  // Generated rows need no cockpit-cache bookkeeping (migrations/0008): its triggers wait.
  const triggers = (on: boolean) => h.exec(['figures', 'targets', 'indicators', 'units'].map((t) => `ALTER TABLE ${t} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER USER;`).join('\n'));
  await triggers(false);
  await h.exec(`
    INSERT INTO zones (code, name, settings)
      SELECT 'bench' || z, '基准开发区' || z, jsonb_build_object('years', 0) FROM generate_series(1, ${zones}) z;
    INSERT INTO units (zone_id, code, name, kind, ranking_group, sort_order)
      SELECT z.id, 'u' || u, '单位' || u, CASE WHEN u <= 12 THEN 'subdistrict' ELSE 'department' END,
             CASE WHEN u <= 12 THEN 'territorial' ELSE 'functional' END, u
        FROM zones z, generate_series(1, ${UNITS}) u WHERE z.code LIKE 'bench%';
    INSERT INTO indicators (zone_id, code, name, measure, kind, decimals, sort_order, numerator_code, denominator_code)
      SELECT z.id, 'ind' || i, '指标' || i, CASE WHEN i > ${INDICATORS - 2} THEN '%' ELSE '亿元' END,
             CASE WHEN i > ${INDICATORS - 2} THEN 'ratio' ELSE 'flow' END, 2, i,
             CASE WHEN i > ${INDICATORS - 2} THEN 'ind' || (i - ${INDICATORS - 2}) END,
             CASE WHEN i > ${INDICATORS - 2} THEN 'ind' || (i - ${INDICATORS - 4}) END
        FROM zones z, generate_series(1, ${INDICATORS}) i WHERE z.code LIKE 'bench%';
  `);
  for (let z = 1; z <= zones; z++) {
    const years = yearsOf(z);
    const from = FIRST_YEAR + YEARS - years;
    await h.exec(`
      INSERT INTO targets (zone_id, indicator_id, unit_id, year, floor, stretch)
        SELECT i.zone_id, i.id, u.id, y, round((5 + random() * 95)::numeric, 2), NULL
          FROM indicators i JOIN zones zz ON zz.id = i.zone_id AND zz.code = 'bench${z}'
          JOIN units u ON u.zone_id = i.zone_id, generate_series(${from}, ${FIRST_YEAR + YEARS - 1}) y
         WHERE i.kind <> 'ratio';
      INSERT INTO figures (zone_id, indicator_id, unit_id, period, value, prev_year, state)
        SELECT t.zone_id, t.indicator_id, t.unit_id, t.year || '-' || lpad(m::text, 2, '0'),
               round((t.floor * m / 12 * (0.5 + random() * 0.8))::numeric, 2), round((t.floor * m / 12 * (0.5 + random() * 0.6))::numeric, 2), 'approved'
          FROM targets t JOIN zones zz ON zz.id = t.zone_id AND zz.code = 'bench${z}', generate_series(1, 12) m;
    `);
  }
  await triggers(true);
  await h.exec('ANALYZE');
}

async function leaderCookie(h: DbHandle, app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  const username = `bench_${randomBytes(3).toString('hex')}`;
  const hash = await hashPassword('bench-pass-1');
  await h.query(`INSERT INTO users (username, display_name, password_hash) VALUES ($1, '基准', $2)`, [username, hash]);
  await h.query(
    `INSERT INTO memberships (zone_id, user_id, role) SELECT z.id, u.id, 'leader' FROM zones z, users u WHERE z.code = 'bench1' AND u.username = $1`,
    [username],
  );
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'bench-pass-1', zone: 'bench1' } });
  if (res.statusCode !== 200) throw new Error(`login: ${res.body}`);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The cockpit's reads, as the loader issues them (in parallel), straight through the driver. */
async function directSql(h: DbHandle, zoneId: string) {
  const year = Number(PERIOD.slice(0, 4));
  const prev = `${year}-${String(Number(PERIOD.slice(5)) - 1).padStart(2, '0')}`;
  await Promise.all([
    h.query(`SELECT name, code FROM zones WHERE id = $1`, [zoneId]),
    h.query(`SELECT * FROM indicators WHERE zone_id = $1 AND active ORDER BY sort_order, code`, [zoneId]),
    h.query(`SELECT id, code, name, ranking_group FROM units WHERE zone_id = $1 AND active ORDER BY sort_order`, [zoneId]),
    h.query(`SELECT indicator_id, unit_id, floor, stretch, monthly_plan FROM targets WHERE zone_id = $1 AND year = $2`, [zoneId, year]),
    h.query(
      `SELECT indicator_id, unit_id, period, value, prev_year, corrected_at IS NOT NULL AS corrected FROM figures
        WHERE zone_id = $1 AND period IN ($2, $3) AND state = 'approved'`,
      [zoneId, PERIOD, prev],
    ),
    h.query(`SELECT * FROM target_settings WHERE zone_id = $1`, [zoneId]),
    h.query(`SELECT * FROM campaigns WHERE zone_id = $1 AND end_date >= $2 ORDER BY end_date LIMIT 6`, [zoneId, `${PERIOD}-31`]),
  ]);
}

const run = promisify(execFile);

/** What a browser says it takes: every cockpit request of the bench asks so, and is answered gzipped. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
const bodyOf = (res: { headers: Record<string, unknown>; rawPayload: Buffer }) =>
  JSON.parse((res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload).toString('utf8')) as { indicators: unknown[]; period: string };

/** The load generator (bench/load.ts) in its own process against one URL. */
async function load(url: string, cookie: string): Promise<{ rps: number; bytes: number }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/load.ts', url, cookie, LOAD_CONNECTIONS, LOAD_SECONDS], { cwd: new URL('..', import.meta.url).pathname });
  const r = JSON.parse(stdout) as { ok: number; failed: number; rps: number; bytes: number };
  if (r.failed > 0) throw new Error(`load on ${url}: ${r.failed} failed requests`);
  return r;
}

/** An API process of its own (bench/apiProcess.ts) on the bench's PostgreSQL schema. */
async function apiProcess(schema: string): Promise<{ base: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/apiProcess.ts', PG, schema], {
    cwd: new URL('..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench/apiProcess.ts exited (${code}) before listening`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await f();
  return [out, performance.now() - t];
}

/** A zone of 99 units and 100 indicators with a target each in 2025: a 9,900-row target sheet (the limit is 10,000 rows, headers included). */
async function importRows(h: DbHandle): Promise<Row> {
  await h.exec(`
    INSERT INTO zones (code, name, settings) VALUES ('imp', '导入开发区', '{"years": 0}');
    INSERT INTO units (zone_id, code, name, kind, ranking_group, sort_order)
      SELECT z.id, 'u' || u, '导入单位' || u, 'department', 'functional', u FROM zones z, generate_series(1, 99) u WHERE z.code = 'imp';
    INSERT INTO indicators (zone_id, code, name, measure, kind, decimals, sort_order)
      SELECT z.id, 'm' || i, '导入指标' || i, '亿元', 'flow', 2, i FROM zones z, generate_series(1, 100) i WHERE z.code = 'imp';
    INSERT INTO targets (zone_id, indicator_id, unit_id, year, floor)
      SELECT i.zone_id, i.id, u.id, 2025, round((5 + random() * 95)::numeric, 2)
        FROM indicators i JOIN zones z ON z.id = i.zone_id AND z.code = 'imp' JOIN units u ON u.zone_id = z.id;
  `);
  const [{ zoneId, userId }] = (await h.query<{ zoneId: string; userId: string }>(
    `SELECT z.id AS "zoneId", (SELECT id FROM users ORDER BY created_at LIMIT 1) AS "userId" FROM zones z WHERE z.code = 'imp'`,
  )) as [{ zoneId: string; userId: string }];
  const sheet = await exportTargets(h.db, zoneId, 2025);
  const [, ms] = await timed(() => importTargets(h.db, { zoneId, userId }, 2025, sheet, async () => {}));
  return { what: 'xlsx import, 9,900 target rows (validated, all or nothing)', engine: h.engine, value: ms / 1000, unit: 's', aim: { max: 5 }, note: `${Math.round(sheet.length / 1024)} KB sheet` };
}

async function measure(engine: 'pglite' | 'postgres', scale: 'zone' | 'province'): Promise<Row[]> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const h = await openDatabase(engine === 'postgres' ? { url: PG, searchPath: schema } : {});
  try {
    await migrate(h);
    const zones = scale === 'zone' ? 1 : PROVINCE_ZONES;
    const t0 = performance.now();
    await generate(h, zones, (z) => (z === 1 ? YEARS : PROVINCE_YEARS));
    const seedSeconds = (performance.now() - t0) / 1000;
    const [{ n }] = (await h.query<{ n: number }>(`SELECT count(*)::int AS n FROM figures`)) as [{ n: number }];
    const [{ id: zoneId }] = (await h.query<{ id: string }>(`SELECT id FROM zones WHERE code = 'bench1'`)) as [{ id: string }];
    const app = await buildApp({ handle: h });
    // The reference for throughput: the least a route of this server can do.
    app.get('/bench/bare', async () => ({ ok: true }));
    // A second reference: a route sending the cockpit's own gzipped bytes and nothing else,
    // what moving 65 KB an answer costs the server and the load generator by itself.
    let sameBytes: Buffer = Buffer.alloc(0);
    app.get('/bench/bytes', async (_req, reply) => reply.header('content-type', 'application/json; charset=utf-8').header('content-encoding', 'gzip').send(sameBytes));
    await app.ready();
    const cookie = await leaderCookie(h, app);
    const api: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const a = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/cockpit?period=${PERIOD}`, headers: { cookie, ...BROWSER } });
      const b = performance.now();
      if (res.statusCode !== 200) throw new Error(`cockpit ${res.statusCode}: ${res.body.slice(0, 300)}`);
      if (i === 0 && bodyOf(res).indicators.length !== INDICATORS) throw new Error('cockpit lacks indicators');
      await directSql(h, zoneId);
      const c = performance.now();
      if (i >= WARMUP) {
        api.push(b - a);
        direct.push(c - b);
      }
    }
    // The leader's landing: no month asked, so the latest complete one is found first.
    const landing: number[] = [];
    for (let i = 0; i < 10 + REQUESTS / 3; i++) {
      const a = performance.now();
      const res = await app.inject({ method: 'GET', url: '/api/cockpit', headers: { cookie, ...BROWSER } });
      if (i >= 10) landing.push(performance.now() - a);
      if (res.statusCode !== 200 || bodyOf(res).period !== `${FIRST_YEAR + YEARS - 1}-12`) throw new Error(`cockpit landing ${res.statusCode}: ${res.body.slice(0, 300)}`);
    }
    // Right after a write to a figure of the month the cockpit is computed afresh. The web asks
    // with previous=marked: it gets the answer from before the write at once, marked, and asks
    // again until it is current. Measured: that first read, and the time from the write to the
    // current answer (a read that waits for the computation of the refresh the write started).
    const [{ id: figureId }] = (await h.query<{ id: string }>(`SELECT id FROM figures WHERE zone_id = $1 AND period = $2 LIMIT 1`, [zoneId, PERIOD])) as [{ id: string }];
    // The judging thread starts with a process's first computation (a few seconds on a busy
    // machine, judging on the event loop meanwhile): measured is a process past its start.
    await judging.whenReady();
    const afterWrite: number[] = [];
    const untilCurrent: number[] = [];
    await profiled(`after-write-${engine}-${scale}`, async () => {
      for (let i = 0; i < AFTER_WRITE; i++) {
        await h.query(`UPDATE figures SET value = value + 0.01 WHERE id = $1`, [figureId]);
        zoneWritten(zoneId); // as the API does after a committed write: the refresh starts
        const a = performance.now();
        const res = await app.inject({ method: 'GET', url: `/api/cockpit?period=${PERIOD}&previous=marked`, headers: { cookie, ...BROWSER } });
        afterWrite.push(performance.now() - a);
        if (res.statusCode !== 200 || res.headers['x-data-current'] !== 'false') throw new Error(`cockpit after a write ${res.statusCode}, current ${String(res.headers['x-data-current'])}`);
        const current = await app.inject({ method: 'GET', url: `/api/cockpit?period=${PERIOD}`, headers: { cookie, ...BROWSER } });
        untilCurrent.push(performance.now() - a);
        if (current.statusCode !== 200 || current.headers['x-data-current'] !== 'true') throw new Error(`cockpit current after a write ${current.statusCode}`);
        if (i === AFTER_WRITE - 1 && bodyOf(current).indicators.length !== INDICATORS) throw new Error('cockpit after a write lacks indicators');
      }
    });
    const label = `${scale === 'zone' ? 'zone' : `province (${zones} zones)`}, ${n.toLocaleString('en')} figures`;
    const sql = { what: 'the same reads in SQL, p95', value: pct(direct, 95) };
    const rows: Row[] = [
      { what: `cockpit warm read p95 — ${label}`, engine, value: pct(api, 95), unit: 'ms', aim: { max: 30 }, reference: sql, note: `p50 ${pct(api, 50).toFixed(1)} ms; data generated in ${seedSeconds.toFixed(0)} s` },
      { what: `cockpit landing (no month asked: the latest complete one) warm p95 — ${label}`, engine, value: pct(landing, 95), unit: 'ms', aim: { max: 30 }, note: `p50 ${pct(landing, 50).toFixed(1)} ms` },
      { what: `cockpit right after a write p95 (the previous answer, marked, as the web asks) — ${label}`, engine, value: pct(afterWrite, 95), unit: 'ms', aim: { max: 30 }, reference: sql, note: `p50 ${pct(afterWrite, 50).toFixed(1)} ms` },
      { what: `cockpit after a write, until the current answer, p95 — ${label}`, engine, value: pct(untilCurrent, 95), unit: 'ms', reference: sql, note: `p50 ${pct(untilCurrent, 50).toFixed(1)} ms; the web asks again every second meanwhile` },
    ];
    if (scale === 'zone') {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
      process.stderr.write(`  ${engine}: throughput…\n`);
      const bare = await load(`${base}/bench/bare`, '');
      const lookups = { ...app.sessionCache.stats };
      const cockpit = await load(`${base}/api/cockpit?period=${PERIOD}`, cookie);
      const fromMemory = app.sessionCache.stats.hits - lookups.hits;
      sameBytes = (await app.inject({ method: 'GET', url: `/api/cockpit?period=${PERIOD}`, headers: { cookie, ...BROWSER } })).rawPayload;
      const bytesOnly = await load(`${base}/bench/bytes`, '');
      const fromDb = app.sessionCache.stats.reads - lookups.reads;
      rows.push({
        what: `cached cockpit throughput, ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s on loopback (Accept-Encoding: gzip, deflate, br, as a browser)`,
        engine,
        value: cockpit.rps,
        unit: 'req/s',
        aim: { min: bare.rps / 2 },
        reference: { what: 'bare route, same process', value: bare.rps },
        note: `${Math.round(cockpit.bytes / 1024)} KB a response as sent; sessions from memory ${fromMemory.toLocaleString('en')}, from the database ${fromDb}; a bare route sending the same bytes: ${Math.round(bytesOnly.rps).toLocaleString('en')} req/s`,
      });
      if (engine === 'postgres') {
        // Two API processes on the one database, the load generator's connections spread over both.
        process.stderr.write(`  ${engine}: throughput of 2 API processes…\n`);
        const pair = await Promise.all([apiProcess(schema), apiProcess(schema)]);
        try {
          const both = (path: string) => pair.map((p) => `${p.base}${path}`).join(',');
          for (const p of pair) await fetch(`${p.base}/api/cockpit?period=${PERIOD}`, { headers: { cookie, ...BROWSER } }); // each computes its cockpit once
          const bare2 = await load(both('/bench/bare'), '');
          const cockpit2 = await load(both(`/api/cockpit?period=${PERIOD}`), cookie);
          rows.push({
            what: `cached cockpit throughput, 2 API processes on one PostgreSQL, ${LOAD_CONNECTIONS} connections spread over both × ${LOAD_SECONDS} s`,
            engine,
            value: cockpit2.rps,
            unit: 'req/s',
            aim: { min: bare2.rps / 2 },
            reference: { what: 'bare route, the same 2 processes', value: bare2.rps },
            note: `${Math.round(cockpit2.bytes / 1024)} KB a response as sent`,
          });
        } finally {
          await Promise.all(pair.map((p) => p.stop()));
        }
      }
      process.stderr.write(`  ${engine}: bulletin, backup, import…\n`);
      const docx: number[] = [];
      for (let i = 0; i < 3; i++) docx.push((await timed(() => buildBulletinFile(h.db, zoneId, PERIOD, 'docx', () => new Date(`${PERIOD}-28T12:00:00+08:00`))))[1]);
      rows.push({ what: 'bulletin .docx of the month (tables and charts), median of 3', engine, value: median(docx), unit: 'ms', aim: { max: 2000 } });
      const file = join(tmpdir(), `${schema}.backup`);
      const [, backupMs] = await timed(() => backupZone(h, 'bench1', file));
      rows.push({ what: `backup of the zone (${n.toLocaleString('en')} figures)`, engine, value: backupMs / 1000, unit: 's', note: `${(statSync(file).size / 2 ** 20).toFixed(1)} MB` });
      rmSync(file, { force: true });
      rows.push(await importRows(h).catch((e: Error): Row => ({ what: 'xlsx import', engine, value: NaN, unit: 's', note: `failed: ${e.message}` })));
    }
    await app.close();
    return rows;
  } finally {
    // BENCH_KEEP=1 leaves the generated data in place to be examined (EXPLAIN) after the run.
    if (engine === 'postgres' && process.env.BENCH_KEEP !== '1') await h.exec(`DROP SCHEMA "${schema}" CASCADE`);
    else if (engine === 'postgres') process.stderr.write(`  kept schema ${schema}\n`);
    await h.close();
  }
}

/** The extractor on 100 KB of speeches and reports (the test fixtures, repeated). */
function extraction(): Row {
  const dir = new URL('../test/fixtures/extract/', import.meta.url);
  const parts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < 100 * 1024; i++) text += `${parts[i % parts.length]}\n`;
  extract(text); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    extract(text);
    ms.push(performance.now() - t);
  }
  return { what: `extraction of a ${Math.round(Buffer.byteLength(text) / 1024)} KB text, median of 5`, engine: 'node', value: median(ms), unit: 'ms', aim: { max: 200 } };
}

async function main() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const wanted = (what: string) => !only || only.includes(what);
  const rows: Row[] = [];
  const add = (rs: Row[]) => {
    for (const r of rs) process.stderr.write(`  ${JSON.stringify(r)}\n`);
    rows.push(...rs);
  };
  if (wanted('web')) {
    process.stderr.write('web: build, start on a fresh data folder, sign in…\n');
    await run('npm', ['run', 'build'], { cwd: new URL('..', import.meta.url).pathname });
    const server = await startServer(40000 + Math.floor(Math.random() * 20000));
    try {
      add([{ what: '`gongjian start` on a fresh data folder → first /api/health (migrations, two demo zones)', engine: 'pglite', value: server.startMs / 1000, unit: 's' }]);
      add(await benchWeb(server));
    } finally {
      await server.stop();
    }
  }
  if (wanted('extract')) add([extraction()]);
  for (const engine of PG === 'off' ? (['pglite'] as const) : (['pglite', 'postgres'] as const)) {
    if (!wanted(engine)) continue;
    for (const scale of ['zone', 'province'] as const) {
      if (scale === 'province' && PROVINCE_ZONES === 0) continue; // BENCH_PROVINCE_ZONES=0: zone scale only
      process.stderr.write(`${engine} ${scale}…\n`);
      add(await measure(engine, scale));
    }
  }
  const out = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; cockpit: ${REQUESTS} warm requests each (after ${WARMUP} warm-up) and ${AFTER_WRITE} right after a write to a figure (previous=marked, then until current), period ${PERIOD}, in-process (fastify.inject, no network), each asking for gzip as a browser does.\n\n${renderTable(rows)}\n`;
  process.stdout.write(out);
  if (process.argv.includes('--write')) {
    const file = new URL('../docs/benchmarks.md', import.meta.url);
    let doc = '';
    try {
      doc = readFileSync(file, 'utf8');
    } catch {
      doc = '# Benchmarks\n';
    }
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const block = `${start}\n${out}${end}`;
    doc = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), block) : `${doc.trimEnd()}\n\n## All waits\n\n${block}\n`;
    writeFileSync(file, doc);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
