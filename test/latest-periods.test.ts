// The cockpit's default month (latestPeriods) against the plain reading of the rule,
// kept here as the oracle: the latest month with an approved figure, and the latest
// such month in which every figure owed in its year is approved. The fast version
// probes the newest months and then whole years; random histories of three years
// (half-reported months, zone-reported indicators, years with nothing owed) must give
// the oracle's answer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { latestPeriods } from '../src/domains/targets/completeness';
import { openTestDb, type TestDb } from './helpers/db';

let h: TestDb;
let zoneId = '';
let units: string[] = [];
let sumInd = '';
let zoneInd = '';
const YEARS = [2023, 2024, 2025];
const PERIODS = YEARS.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));

beforeAll(async () => {
  h = await openTestDb({ start: 'migrated' });
  const [z] = await h.query<{ id: string }>(`INSERT INTO zones (code, name, settings) VALUES ('lp', '测试区', '{}') RETURNING id`);
  zoneId = z!.id;
  units = (await h.query<{ id: string }>(
    `INSERT INTO units (zone_id, code, name, kind, ranking_group, sort_order) VALUES ($1, 'a', '甲街道', 'subdistrict', 'territorial', 1), ($1, 'b', '乙镇', 'town', 'territorial', 2) RETURNING id`,
    [zoneId],
  )).map((r) => r.id);
  const inds = await h.query<{ id: string }>(
    `INSERT INTO indicators (zone_id, code, name, measure, kind, decimals, sort_order, aggregation, zone_unit_id)
       VALUES ($1, 'rev', '营业收入', '亿元', 'flow', 2, 1, 'sum', NULL), ($1, 'trade', '外贸进出口', '亿元', 'flow', 2, 2, 'zone_reported', $2) RETURNING id`,
    [zoneId, units[0]],
  );
  [sumInd, zoneInd] = [inds[0]!.id, inds[1]!.id];
}, 120_000);
afterAll(async () => h?.drop());

/** The rule as first written: every month with approved figures, judged one by one. */
async function oracle(): Promise<{ latest: string | null; latestComplete: string | null }> {
  const [row] = await h.query<{ latest: string | null; latest_complete: string | null }>(
    `WITH o AS (
       SELECT t.year, t.indicator_id, t.unit_id AS fig_unit FROM targets t JOIN indicators i ON i.id = t.indicator_id
        WHERE t.zone_id = $1 AND t.unit_id IS NOT NULL AND i.aggregation = 'sum'
       UNION ALL
       SELECT z.year, i.id, NULL::uuid FROM indicators i JOIN targets z ON z.indicator_id = i.id AND z.unit_id IS NULL
        WHERE i.zone_id = $1 AND i.aggregation = 'zone_reported'),
     p AS (SELECT DISTINCT period FROM figures WHERE zone_id = $1 AND state = 'approved')
     SELECT (SELECT max(period) FROM p) AS latest,
            (SELECT max(p.period) FROM p WHERE NOT EXISTS (
               SELECT 1 FROM o WHERE o.year = CAST(substr(p.period, 1, 4) AS int) AND NOT EXISTS (
                 SELECT 1 FROM figures f WHERE f.zone_id = $1 AND f.period = p.period AND f.indicator_id = o.indicator_id
                    AND f.unit_id IS NOT DISTINCT FROM o.fig_unit AND f.state = 'approved'))) AS latest_complete`,
    [zoneId],
  );
  return { latest: row?.latest ?? null, latestComplete: row?.latest_complete ?? null };
}

type Cell = 'none' | 'approved' | 'submitted';
const history = fc.record({
  // Which owed figures exist per year: the two units' targets of the summed indicator, the zone's of the other.
  owed: fc.array(fc.record({ a: fc.boolean(), b: fc.boolean(), zone: fc.boolean() }), { minLength: 3, maxLength: 3 }),
  // Per month and figure (unit a, unit b, zone): mostly approved, so complete months are common.
  cells: fc.array(fc.array(fc.constantFrom<Cell>('approved', 'approved', 'approved', 'approved', 'none', 'submitted'), { minLength: 3, maxLength: 3 }), {
    minLength: PERIODS.length,
    maxLength: PERIODS.length,
  }),
  // How many months of the last year have been reached at all (the zone's date).
  reached: fc.integer({ min: 0, max: PERIODS.length }),
});

describe('latestPeriods', () => {
  it('gives the oracle’s latest and latest complete month on random three-year histories', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ({ owed, cells, reached }) => {
        await h.exec(`DELETE FROM figures WHERE zone_id = '${zoneId}'; DELETE FROM targets WHERE zone_id = '${zoneId}';`);
        const targets: string[] = [];
        YEARS.forEach((y, i) => {
          if (owed[i]!.a) targets.push(`('${zoneId}', '${sumInd}', '${units[0]}', ${y}, 10)`);
          if (owed[i]!.b) targets.push(`('${zoneId}', '${sumInd}', '${units[1]}', ${y}, 10)`);
          if (owed[i]!.zone) targets.push(`('${zoneId}', '${zoneInd}', NULL, ${y}, 10)`);
        });
        if (targets.length) await h.exec(`INSERT INTO targets (zone_id, indicator_id, unit_id, year, floor) VALUES ${targets.join(',')}`);
        const figs: string[] = [];
        PERIODS.slice(0, reached).forEach((p, m) => {
          const [a, b, z] = cells[m]!;
          const add = (state: Cell, ind: string, unit: string | null) => {
            if (state !== 'none') figs.push(`('${zoneId}', '${ind}', ${unit ? `'${unit}'` : 'NULL'}, '${p}', 1, '${state}')`);
          };
          add(a!, sumInd, units[0]!);
          add(b!, sumInd, units[1]!);
          add(z!, zoneInd, null);
        });
        if (figs.length) await h.exec(`INSERT INTO figures (zone_id, indicator_id, unit_id, period, value, state) VALUES ${figs.join(',')}`);
        expect(await latestPeriods(h.db, zoneId)).toEqual(await oracle());
      }),
      { numRuns: 60 },
    );
  }, 240_000);

  it('a zone with no approved figure has neither', async () => {
    await h.db.execute(sql`DELETE FROM figures WHERE zone_id = ${zoneId}`);
    expect(await latestPeriods(h.db, zoneId)).toEqual({ latest: null, latestComplete: null });
  });
});
