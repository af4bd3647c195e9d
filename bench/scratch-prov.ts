import { existsSync } from 'node:fs';
import { openDatabase } from '../src/db/client';
import { migrate } from '../src/db/migrate';
const DIR = '/tmp/provdb';
const PGURL = process.env.PGURL;
const fresh = PGURL ? process.env.FRESH === '1' : !existsSync(DIR);
const h = await openDatabase(PGURL ? { url: PGURL, searchPath: 'scratchprov' } : { dataDir: DIR });
if (PGURL && fresh) await h.exec('DROP SCHEMA IF EXISTS scratchprov CASCADE; CREATE SCHEMA scratchprov');
const ZONES = Number(process.env.Z ?? 15), UNITS = 30, INDICATORS = 60;
if (fresh) {
  await migrate(h);
  await h.exec(['figures', 'targets', 'indicators', 'units'].map((t) => `ALTER TABLE ${t} DISABLE TRIGGER USER;`).join('\n'));
  await h.exec(`
    INSERT INTO zones (code, name, settings) SELECT 'bench' || z, 'b' || z, '{"years":0}' FROM generate_series(1, ${ZONES}) z;
    INSERT INTO units (zone_id, code, name, kind, ranking_group, sort_order)
      SELECT z.id, 'u' || u, '单位' || u, CASE WHEN u <= 12 THEN 'subdistrict' ELSE 'department' END, CASE WHEN u <= 12 THEN 'territorial' ELSE 'functional' END, u FROM zones z, generate_series(1, ${UNITS}) u;
    INSERT INTO indicators (zone_id, code, name, measure, kind, decimals, sort_order, numerator_code, denominator_code)
      SELECT z.id, 'ind' || i, '指标' || i, CASE WHEN i > ${INDICATORS - 2} THEN '%' ELSE '亿元' END, CASE WHEN i > ${INDICATORS - 2} THEN 'ratio' ELSE 'flow' END, 2, i,
             CASE WHEN i > ${INDICATORS - 2} THEN 'ind' || (i - ${INDICATORS - 2}) END, CASE WHEN i > ${INDICATORS - 2} THEN 'ind' || (i - ${INDICATORS - 4}) END
        FROM zones z, generate_series(1, ${INDICATORS}) i;`);
  for (let z = 1; z <= ZONES; z++) {
    const from = z === 1 ? 2016 : 2024;
    await h.exec(`
      INSERT INTO targets (zone_id, indicator_id, unit_id, year, floor) SELECT i.zone_id, i.id, u.id, y, round((5 + random() * 95)::numeric, 2)
        FROM indicators i JOIN zones zz ON zz.id = i.zone_id AND zz.code = 'bench${z}' JOIN units u ON u.zone_id = i.zone_id, generate_series(${from}, 2025) y WHERE i.kind <> 'ratio';
      INSERT INTO figures (zone_id, indicator_id, unit_id, period, value, prev_year, state)
        SELECT t.zone_id, t.indicator_id, t.unit_id, t.year || '-' || lpad(m::text, 2, '0'), round((t.floor * m / 12)::numeric, 2), round((t.floor * m / 13)::numeric, 2), 'approved'
          FROM targets t JOIN zones zz ON zz.id = t.zone_id AND zz.code = 'bench${z}', generate_series(1, 12) m;`);
  }
  await h.exec(['figures', 'targets', 'indicators', 'units'].map((t) => `ALTER TABLE ${t} ENABLE TRIGGER USER;`).join('\n'));
  await h.exec('ANALYZE');
}
const [{ id }] = (await h.query<{ id: string }>(`SELECT id FROM zones WHERE code = 'bench1'`)) as [{ id: string }];
const sqlText = process.argv[2] ?? '';
if (sqlText) {
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    const rows = await h.query<Record<string, string>>(sqlText.replaceAll('$Z', `'${id}'`));
    const ms = performance.now() - a;
    if (i === 2) console.log(rows.map((r) => Object.values(r).join(' ')).join('\n'));
    console.log(`ms ${ms.toFixed(1)}`);
  }
}
await h.close();
