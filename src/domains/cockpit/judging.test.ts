import { describe, expect, it } from 'vitest';
import { cockpitOf, unpack, type CockpitRead, type CockpitRows } from './cockpit';
import { judgeToJson, judging } from './judging';
import { cockpitBody } from './schemas';

const ind = (id: string, code: string, over: Partial<CockpitRows['indicators'][number]> = {}): CockpitRows['indicators'][number] => ({
  id, code, name: `指标${code}`, measure: '亿元', kind: 'flow', higherIsBetter: true, aggregation: 'sum', decimals: 2,
  fillMethod: 'manual', progressMode: 'days', numeratorCode: null, denominatorCode: null, parentCode: null, ...over,
});
const units = ['a', 'b', 'c'].map((id, i) => ({ id, code: id, name: `单位${id}`, rankingGroup: i < 2 ? 'territorial' : 'functional' }));
const rows = (over: Partial<CockpitRows> = {}): CockpitRows => ({
  zone: { name: '开发区', code: 'kfq' },
  period: '2025-06',
  asOf: '2025-06-30',
  indicators: [ind('i1', 'gbr'), ind('i2', 'tax'), ind('i3', 'share', { kind: 'ratio', numeratorCode: 'tax', denominatorCode: 'gbr', measure: '%' })],
  units,
  targets: units.flatMap((u) => ['i1', 'i2'].map((indicatorId) => ({ indicatorId, unitId: u.id, floor: '100.5', stretch: '120', monthlyPlan: null }))),
  figures: units.flatMap((u, k) =>
    ['i1', 'i2'].flatMap((indicatorId, j) =>
      ['2025-05', '2025-06'].map((period, m) => ({ indicatorId, unitId: u.id, period, value: `${40 + 7 * k + 3 * j + 11 * m}.37`, prevYear: `${35 + k}.1`, corrected: k === 1 }))),
  ),
  thresholds: { amber: '10', red: '30' },
  campaigns: [{ id: 'c1', name: '冲刺100天', startDate: '2025-05-01', endDate: '2025-08-08' }],
  latest: { latest: '2025-06', latestComplete: '2025-06' },
  missingUnitNames: [],
  ...over,
});

/** As readCockpit reads them: targets and figures as the JSON tuples the database aggregates. */
const read = (r: CockpitRows = rows()): CockpitRead => ({
  ...r,
  targets: JSON.stringify(r.targets.map((t) => [t.indicatorId, t.unitId, t.floor, t.stretch, t.monthlyPlan])),
  figures: JSON.stringify(r.figures.map((f) => [f.indicatorId, f.unitId, f.period, f.value, f.prevYear, f.corrected])),
});

describe('the judging thread', () => {
  it('unpacks the tuples of a read into the rows they were built from, amounts as their exact text', () => {
    const r = rows({ targets: [{ indicatorId: 'i1', unitId: null, floor: '1234567890123.4500', stretch: null, monthlyPlan: ['0.1', '0.30'] }] });
    expect(unpack(read(r))).toEqual(r);
  });

  it('answers the same bytes as judging here: the schema-checked JSON of cockpitOf', async () => {
    const input = read();
    const here = JSON.stringify(cockpitBody.parse(cockpitOf(rows())));
    expect(Buffer.from(judgeToJson(input).value).toString('utf8')).toBe(here);
    await judging.whenReady();
    expect(judging.onThread).toBe(true);
    const there = await judging.call(input);
    expect(Buffer.from(there).toString('utf8')).toBe(here);
    const answer = JSON.parse(here) as ReturnType<typeof cockpitOf>;
    // 51.37 + 58.37 + 65.37; 54.37 + 61.37 + 68.37; 184.11 / 175.11 in percent.
    expect(answer.indicators.map((i) => i.value)).toEqual(['175.11', '184.11', '105.14']);
    expect(Object.fromEntries(answer.indicators[0]!.units.map((u) => [u.unitId, u.rank]))).toEqual({ a: 2, b: 1, c: 1 });
  });

  it('a failure on the thread is the caller’s error, and the thread goes on answering', async () => {
    await judging.whenReady();
    // Amber beyond red is refused by the judging rule (progress.judge), on the thread too.
    await expect(judging.call(read(rows({ thresholds: { amber: '30', red: '10' } })))).rejects.toThrow();
    expect(Buffer.from(await judging.call(read())).toString('utf8')).toBe(JSON.stringify(cockpitBody.parse(cockpitOf(rows()))));
  });
});
