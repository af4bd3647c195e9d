// `npm run bench`: the cockpit API against the same reads run directly in SQL,
// on PGlite and on PostgreSQL, at zone scale (30 units, 60 indicators, 10 years
// of months) and at province scale (150 zones in one database). Prints a
// Markdown table and, with --write, puts it into docs/benchmarks.md.
//
//   BENCH_PG=postgres://postgres@127.0.0.1:5432/test   (unset or 'off': PGlite only)
//   BENCH_REQUESTS=300  BENCH_PROVINCE_ZONES=150 (0: zone scale only)  BENCH_PROVINCE_YEARS=2
//   BENCH_AFTER_WRITE=40 (requests each right after a figure write, so computed afresh)
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { buildApp } from '../src/server/app';
import { hashPassword } from '../src/domains/auth/password';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const AFTER_WRITE = Number(process.env.BENCH_AFTER_WRITE ?? 40);
const UNITS = 30;
const INDICATORS = 60;
const YEARS = 10;
const FIRST_YEAR = 2016;
const PROVINCE_ZONES = Number(process.env.BENCH_PROVINCE_ZONES ?? 150);
const PROVINCE_YEARS = Number(process.env.BENCH_PROVINCE_YEARS ?? 2);
const PERIOD = `${FIRST_YEAR + YEARS - 1}-08`;
const PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Result {
  engine: string;
  scale: string;
  zones: number;
  figures: number;
  apiP50: number;
  apiP95: number;
  sqlP50: number;
  sqlP95: number;
  writeP50: number;
  writeP95: number;
  seedSeconds: number;
}

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

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

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

async function measure(engine: 'pglite' | 'postgres', scale: 'zone' | 'province'): Promise<Result> {
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
    await app.ready();
    const cookie = await leaderCookie(h, app);
    const api: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const a = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/cockpit?period=${PERIOD}`, headers: { cookie } });
      const b = performance.now();
      if (res.statusCode !== 200) throw new Error(`cockpit ${res.statusCode}: ${res.body.slice(0, 300)}`);
      if (i === 0 && res.json().indicators.length !== INDICATORS) throw new Error('cockpit lacks indicators');
      await directSql(h, zoneId);
      const c = performance.now();
      if (i >= WARMUP) {
        api.push(b - a);
        direct.push(c - b);
      }
    }
    // Right after a write the cockpit is computed afresh (the cache's version moved).
    const [{ id: figureId }] = (await h.query<{ id: string }>(`SELECT id FROM figures WHERE zone_id = $1 AND period = $2 LIMIT 1`, [zoneId, PERIOD])) as [{ id: string }];
    const afterWrite: number[] = [];
    for (let i = 0; i < AFTER_WRITE; i++) {
      await h.query(`UPDATE figures SET note = $2 WHERE id = $1`, [figureId, `bench ${i}`]);
      const a = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/cockpit?period=${PERIOD}`, headers: { cookie } });
      afterWrite.push(performance.now() - a);
      if (res.statusCode !== 200) throw new Error(`cockpit ${res.statusCode}`);
    }
    await app.close();
    return {
      engine, scale, zones, figures: n, seedSeconds,
      apiP50: pct(api, 50), apiP95: pct(api, 95), sqlP50: pct(direct, 50), sqlP95: pct(direct, 95), writeP50: pct(afterWrite, 50), writeP95: pct(afterWrite, 95),
    };
  } finally {
    if (engine === 'postgres') await h.exec(`DROP SCHEMA "${schema}" CASCADE`);
    await h.close();
  }
}

function table(results: Result[]): string {
  const f = (x: number) => x.toFixed(1);
  const rows = results.map(
    (r) =>
      `| ${r.engine} | ${r.scale} | ${r.zones} | ${r.figures.toLocaleString('en')} | ${f(r.apiP50)} | ${f(r.apiP95)} | ${f(r.sqlP50)} | ${f(r.sqlP95)} | ${(r.apiP95 / r.sqlP95).toFixed(2)}× | ${f(r.writeP50)} | ${f(r.writeP95)} | ${r.seedSeconds.toFixed(0)} s |`,
  );
  return [
    '| engine | scale | zones | figures | cockpit API p50 (ms) | API p95 (ms) | direct SQL p50 (ms) | SQL p95 (ms) | API/SQL p95 | after a write p50 (ms) | after a write p95 (ms) | data generation |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function main() {
  const engines: ('pglite' | 'postgres')[] = PG === 'off' ? ['pglite'] : ['pglite', 'postgres'];
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const results: Result[] = [];
  for (const engine of engines) {
    if (only && only !== engine) continue;
    for (const scale of ['zone', 'province'] as const) {
      if (scale === 'province' && PROVINCE_ZONES === 0) continue; // BENCH_PROVINCE_ZONES=0: zone scale only
      process.stderr.write(`${engine} ${scale}…\n`);
      const r = await measure(engine, scale);
      process.stderr.write(`  ${JSON.stringify(r)}\n`);
      results.push(r);
    }
  }
  const machine = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
  const out = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${REQUESTS} warm requests each (after ${WARMUP} warm-up) and ${AFTER_WRITE} right after a write, period ${PERIOD}, in-process (fastify.inject, no network).\n\n${table(results)}\n`;
  process.stdout.write(out);
  if (process.argv.includes('--write')) {
    const file = new URL('../docs/benchmarks.md', import.meta.url);
    let doc = '';
    try {
      doc = readFileSync(file, 'utf8');
    } catch {
      doc = '# Benchmarks\n';
    }
    const start = '<!-- cockpit:start -->';
    const end = '<!-- cockpit:end -->';
    const block = `${start}\n${out}${end}`;
    doc = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), block) : `${doc.trimEnd()}\n\n## Cockpit\n\n${block}\n`;
    writeFileSync(file, doc);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
