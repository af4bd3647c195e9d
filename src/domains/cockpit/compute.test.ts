import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, roundDecimal, type Decimal } from '../../shared/decimal';
import { assessParsed } from '../targets/assess';
import { share, type Thresholds } from '../targets/progress';
import { rank } from '../targets/ranking';
import { computeCockpit, overallRanking, previousPeriod, type CIndicator, type CockpitInput, type Judging } from './compute';

/**
 * The oracle: the cockpit judged in 40-digit decimal.js by the targets module's own rule
 * (assessParsed, progress.share, ranking.rank), as it was before the exact arithmetic.
 */
const decimal: Judging<Decimal, Decimal, Thresholds> = {
  parse: (text) => dec(text),
  add: (a, b) => a.plus(b),
  zero: dec(0),
  share,
  print: (d, places) => roundDecimal(d, places).toFixed(places),
  mean: (total, count, places) => roundDecimal(total.div(count), places).toFixed(places),
  start: (t) => t,
  assess: (c, thresholds, lean) => assessParsed({ ...c, expectedShare: c.expected, thresholds }, lean),
  rank: (entries, higherIsBetter) => new Map(rank(entries, higherIsBetter).map((e) => [e.key, e.rank])),
};

const indicator = (over: Partial<CIndicator> = {}): CIndicator => ({
  id: 'i1', code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow', higherIsBetter: true, aggregation: 'sum', decimals: 2,
  fillMethod: 'manual', progressMode: 'days', numeratorCode: null, denominatorCode: null, parentCode: null, ...over,
});
const units = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, code: id, name: `单位${id}`, rankingGroup: i < 3 ? 'territorial' : 'functional' }));
const base = (over: Partial<CockpitInput> = {}): CockpitInput => ({
  period: '2023-06', asOf: '2023-06-30', thresholds: { amber: 10, red: 30 }, indicators: [indicator()], units, targets: [], figures: [], ...over,
});
const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2));

describe('computeCockpit', () => {
  it('previous period stays within the year', () => {
    expect(previousPeriod('2023-01')).toBeNull();
    expect(previousPeriod('2023-10')).toBe('2023-09');
  });

  it('reproduces seed 001: 18.56亿元, 同比36.7%, 税占比93.25%', () => {
    const inds = [indicator({ aggregation: 'zone_reported' }), indicator({ id: 'i2', code: 'tax', aggregation: 'zone_reported' }),
      indicator({ id: 'i3', code: 'tax_share', kind: 'ratio', numeratorCode: 'tax', denominatorCode: 'gbr', aggregation: 'zone_reported' })];
    const out = computeCockpit(base({
      indicators: inds,
      figures: [
        { indicatorId: 'i1', unitId: null, period: '2023-06', value: '18.56', prevYear: '13.58', corrected: false },
        { indicatorId: 'i2', unitId: null, period: '2023-06', value: '17.307', prevYear: null, corrected: false },
      ],
    }));
    const [gbr, , share] = out.indicators;
    expect(gbr).toMatchObject({ value: '18.56', yoy: '36.7' });
    expect(share!.value).toBe('93.25');
  });

  it('property: a summed zone value is the exact sum of the units; zone floor is the sum of unit floors', () => {
    fc.assert(fc.property(fc.array(fc.option(amount, { nil: null }), { minLength: 4, maxLength: 4 }), fc.array(amount, { minLength: 4, maxLength: 4 }), (values, floors) => {
      const figures = values.flatMap((v, i) => (v === null ? [] : [{ indicatorId: 'i1', unitId: units[i]!.id, period: '2023-06', value: v, prevYear: null, corrected: false }]));
      const targets = floors.map((f, i) => ({ indicatorId: 'i1', unitId: units[i]!.id, floor: f, stretch: null, monthlyPlan: null }));
      const [row] = computeCockpit(base({ figures, targets })).indicators;
      const present = values.filter((v): v is string => v !== null);
      expect(row!.value).toBe(present.length ? present.reduce((s, v) => s.plus(v), dec(0)).toFixed(2) : null);
      expect(row!.floor).toBe(floors.reduce((s, v) => s.plus(v), dec(0)).toFixed(2));
    }));
  });

  it('property: ranks in a group are competition ranks by completion; colours follow the printed gap', () => {
    fc.assert(fc.property(fc.array(amount, { minLength: 4, maxLength: 4 }), (values) => {
      const figures = values.map((v, i) => ({ indicatorId: 'i1', unitId: units[i]!.id, period: '2023-06', value: v, prevYear: null, corrected: false }));
      const targets = units.map((u) => ({ indicatorId: 'i1', unitId: u.id, floor: '1000', stretch: null, monthlyPlan: null }));
      const [row] = computeCockpit(base({ figures, targets })).indicators;
      const terr = row!.units.filter((u) => u.group === 'territorial');
      for (const u of terr) {
        const better = terr.filter((o) => dec(o.completion!).gt(dec(u.completion!))).length;
        expect(u.rank).toBe(better + 1);
        const g = dec(u.gap!);
        expect(u.status).toBe(g.gt(0) ? 'ahead' : g.gt(-10) ? 'on_track' : g.gte(-30) ? 'slightly_behind' : 'far_behind');
      }
      expect(row!.units.find((u) => u.group === 'functional')!.rank).toBe(1);
    }));
  });

  it('uses the monthly plan where one is set, months when switched, days otherwise', () => {
    const fig = [{ indicatorId: 'i1', unitId: 'a', period: '2023-06', value: '30', prevYear: null, corrected: false }];
    const plan = ['5', '10', '20', '30', '40', '60', '70', '80', '90', '95', '98', '100'];
    const withPlan = computeCockpit(base({ figures: fig, targets: [{ indicatorId: 'i1', unitId: 'a', floor: '100', stretch: '120', monthlyPlan: plan }] }));
    expect(withPlan.indicators[0]!.units[0]).toMatchObject({ expectedShare: '60.0', completion: '30.0', gap: '-30.0', status: 'slightly_behind', completionStretch: '25.0' });
    const months = computeCockpit(base({ indicators: [indicator({ progressMode: 'months' })], figures: fig, targets: [{ indicatorId: 'i1', unitId: 'a', floor: '100', stretch: null, monthlyPlan: null }] }));
    expect(months.indicators[0]!.units[0]!.expectedShare).toBe('50.0');
    const days = computeCockpit(base({ figures: fig, targets: [{ indicatorId: 'i1', unitId: 'a', floor: '100', stretch: null, monthlyPlan: null }] }));
    expect(days.indicators[0]!.units[0]!.expectedShare).toBe('49.6');
  });

  it('gives the rank change against the previous month (争先进位)', () => {
    const f = (unitId: string, period: string, value: string) => ({ indicatorId: 'i1', unitId, period, value, prevYear: null, corrected: false });
    // d owes nothing: a field with a unit missing would not be ranked (see completeness below).
    const targets = units.slice(0, 3).map((u) => ({ indicatorId: 'i1', unitId: u.id, floor: '100', stretch: null, monthlyPlan: null }));
    const out = computeCockpit(base({ targets, figures: [f('a', '2023-05', '50'), f('b', '2023-05', '40'), f('c', '2023-05', '30'), f('a', '2023-06', '51'), f('b', '2023-06', '60'), f('c', '2023-06', '30')] }));
    const r = Object.fromEntries(out.indicators[0]!.units.map((u) => [u.unitCode, [u.rank, u.rankChange]]));
    expect(r).toMatchObject({ a: [2, -1], b: [1, 1], c: [3, 0] });
    const overall = overallRanking(out.indicators, null);
    expect(overall.find((o) => o.unitId === 'b')).toMatchObject({ rank: 1, ahead: 1 });
    // The month before is judged once while its inputs are unchanged, and again when one moves.
    const moved = computeCockpit(base({ targets, figures: [f('a', '2023-05', '50'), f('b', '2023-05', '70'), f('c', '2023-05', '30'), f('a', '2023-06', '51'), f('b', '2023-06', '60'), f('c', '2023-06', '30')] }));
    expect(Object.fromEntries(moved.indicators[0]!.units.map((u) => [u.unitCode, u.rankChange]))).toEqual({ a: 0, b: 0, c: 0 });
  });
});

describe('completeness (数据未齐)', () => {
  const t = (unitId: string) => ({ indicatorId: 'i1', unitId, floor: '100', stretch: null, monthlyPlan: null });
  const f = (unitId: string, value: string, period = '2023-06') => ({ indicatorId: 'i1', unitId, period, value, prevYear: null, corrected: false });

  it('a sum with units missing has coverage, no status, gap or ranks', () => {
    const [row] = computeCockpit(base({ targets: units.map((u) => t(u.id)), figures: [f('a', '10'), f('a', '5', '2023-05'), f('b', '3', '2023-05')] })).indicators;
    expect(row).toMatchObject({ complete: false, status: null, gap: null, doubleHalf: false, value: '10.00' });
    expect(row!.coverage).toEqual({ reported: 1, expected: 4, missingUnitNames: ['单位b', '单位c', '单位d'] });
    expect(row!.units.every((u) => u.rank === null && u.rankChange === null)).toBe(true);
  });

  it('every expected unit approved: complete, judged and ranked; a unit without a target is not expected', () => {
    const [row] = computeCockpit(base({ targets: [t('a'), t('b')], figures: [f('a', '10'), f('b', '60')] })).indicators;
    expect(row).toMatchObject({ complete: true, coverage: { reported: 2, expected: 2, missingUnitNames: [] } });
    expect(row!.status).not.toBeNull();
    expect(row!.units.find((u) => u.unitId === 'b')!.rank).toBe(1);
  });

  it('a ratio is incomplete when either input is; a zone-reported figure when it is not approved', () => {
    const inds = [indicator(), indicator({ id: 'i2', code: 'tax' }), indicator({ id: 'i3', code: 'share', kind: 'ratio', numeratorCode: 'tax', denominatorCode: 'gbr' }),
      indicator({ id: 'i4', code: 'gdp', aggregation: 'zone_reported' })];
    const targets = [t('a'), t('b'), { ...t('a'), indicatorId: 'i2' }];
    const figures = [f('a', '10'), f('b', '20'), { ...f('a', '5'), indicatorId: 'i2' }];
    const [, tax, share, gdp] = computeCockpit(base({ indicators: inds, targets, figures })).indicators;
    expect(tax!.complete).toBe(true);
    expect(share).toMatchObject({ complete: true, coverage: { expected: 2, reported: 2 } });
    const partial = computeCockpit(base({ indicators: inds, targets, figures: figures.slice(1) })).indicators;
    expect(partial[2]).toMatchObject({ complete: false, status: null, coverage: { missingUnitNames: ['单位a'] } });
    expect(gdp).toMatchObject({ complete: false, coverage: null });
  });

  it('the overall ranking leaves out incomplete indicators and an incomplete month before', () => {
    const out = computeCockpit(base({ targets: units.map((u) => t(u.id)), figures: [f('a', '10'), f('b', '20'), f('c', '30'), f('d', '5'), f('a', '5', '2023-05')] }));
    expect(out.indicators[0]!.complete).toBe(true);
    expect(out.previous).toEqual([]);
    expect(out.indicators[0]!.units.every((u) => u.rankChange === null)).toBe(true);
  });
});

describe('exact arithmetic against the decimal oracle', () => {
  // Figures as stored: negatives, zeros, up to 14 integer digits and up to 8 decimals.
  const numeric = fc.oneof(
    amount,
    fc.constantFrom('0', '0.000', '-0.01', '100', '99999999999999.999999'),
    fc.tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.nat({ max: 8 })).map(([n, p]) => {
      const t = (n < 0n ? -n : n).toString().padStart(p + 1, '0');
      return `${n < 0n ? '-' : ''}${p ? `${t.slice(0, -p)}.${t.slice(-p)}` : t}`;
    }),
  );
  const kinds = fc.record({ higherIsBetter: fc.boolean(), aggregation: fc.constantFrom('sum' as const, 'zone_reported' as const), decimals: fc.nat({ max: 3 }), progressMode: fc.constantFrom('days' as const, 'months' as const) });
  const zone = fc.record({
    kinds: fc.array(kinds, { minLength: 2, maxLength: 4 }),
    cells: fc.array(fc.record({ value: fc.option(numeric, { nil: null, freq: 4 }), prevYear: fc.option(numeric, { nil: null, freq: 3 }), before: fc.option(numeric, { nil: null, freq: 4 }), floor: fc.option(numeric, { nil: null, freq: 4 }), stretch: fc.option(numeric, { nil: null }), corrected: fc.boolean() }), { minLength: 25, maxLength: 25 }),
    plan: fc.boolean(),
    period: fc.constantFrom('2023-01', '2023-06', '2023-09'),
    thresholds: fc.constantFrom({ amber: 10, red: 30 }, { amber: 5.5, red: 12.25 }, { amber: 0, red: 0 }),
  });

  it('property: every field of every row, and the overall ranking, as the 40-digit decimal code gave them', () => {
    fc.assert(
      fc.property(zone, (z) => {
        const inds = [
          ...z.kinds.map((k, i) => indicator({ id: `i${i}`, code: `c${i}`, ...k })),
          indicator({ id: 'r', code: 'ratio', kind: 'ratio', numeratorCode: 'c0', denominatorCode: 'c1', aggregation: 'sum' }),
        ];
        const prev = previousPeriod(z.period);
        const figures: CockpitInput['figures'] = [];
        const targets: CockpitInput['targets'] = [];
        z.kinds.forEach((k, i) => {
          const owners = k.aggregation === 'sum' ? units.map((u) => u.id) : [null];
          owners.forEach((unitId, j) => {
            const c = z.cells[(i * 5 + j) % z.cells.length]!;
            if (c.value !== null) figures.push({ indicatorId: `i${i}`, unitId, period: z.period, value: c.value, prevYear: c.prevYear, corrected: c.corrected });
            if (c.before !== null && prev) figures.push({ indicatorId: `i${i}`, unitId, period: prev, value: c.before, prevYear: null, corrected: false });
            if (c.floor !== null) {
              const plan = z.plan && j % 2 === 0 ? Array.from({ length: 12 }, (_, m) => dec(c.floor!).times(m + 1).div(12).toFixed(2)) : null;
              targets.push({ indicatorId: `i${i}`, unitId, floor: c.floor, stretch: c.stretch, monthlyPlan: plan });
            }
          });
        });
        const input = base({ indicators: inds, figures, targets, period: z.period, asOf: `${z.period}-${z.period.endsWith('06') || z.period.endsWith('09') ? '30' : '31'}`, thresholds: z.thresholds });
        const now = computeCockpit(input);
        const old = computeCockpit(input, decimal);
        expect(now).toEqual(old);
        expect(overallRanking(now.indicators, now.previous)).toEqual(overallRanking(old.indicators, old.previous, decimal));
      }),
      { numRuns: 400 },
    );
  });
});
