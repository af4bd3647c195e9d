// The cockpit (驾驶舱) as a pure function of one zone's indicators, targets and
// approved figures for a month (and the month before, for rank changes):
// every indicator's zone value, growth, completion against floor and stretch,
// time progress and colour; per unit the same with ranks within the unit's group.
import { createHash } from 'node:crypto';
import type { FillMethod } from '../../db/schema';
import { dec, roundDecimal, sum, type Decimal } from '../../shared/decimal';
import { addQ, divRound, fixedText, parseQ, percentQ, roundQ, type Q } from '../../shared/exact';
import { expectedShare, halfYearPassed, type ProgressStatus, type Thresholds } from '../targets/progress';
import { rank, rankChange } from '../targets/ranking';
import { assessExact, expectedOf, exactThresholds, rankExact, type ExactThresholds, type Expected } from './judge';
import type { FigureAssessment } from '../targets/assess';

export interface CIndicator {
  id: string;
  code: string;
  name: string;
  measure: string;
  kind: 'flow' | 'stock' | 'count' | 'ratio';
  higherIsBetter: boolean;
  aggregation: 'sum' | 'zone_reported';
  decimals: number;
  fillMethod: FillMethod;
  progressMode: 'days' | 'months';
  numeratorCode: string | null;
  denominatorCode: string | null;
  parentCode: string | null;
}
export interface CUnit {
  id: string;
  code: string;
  name: string;
  rankingGroup: string;
}
export interface CTarget {
  indicatorId: string;
  unitId: string | null;
  floor: string;
  stretch: string | null;
  monthlyPlan: string[] | null;
}
export interface CFigure {
  indicatorId: string;
  unitId: string | null;
  period: string;
  value: string;
  prevYear: string | null;
  corrected: boolean;
}

export interface UnitRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  group: string;
  reported: boolean;
  corrected: boolean;
  value: string | null;
  prevYear: string | null;
  yoy: string | null;
  floor: string | null;
  stretch: string | null;
  completion: string | null;
  completionStretch: string | null;
  expectedShare: string | null;
  gap: string | null;
  status: ProgressStatus | null;
  rank: number | null;
  rankChange: number | null;
}

export interface IndicatorRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  kind: CIndicator['kind'];
  decimals: number;
  higherIsBetter: boolean;
  aggregation: CIndicator['aggregation'];
  fillMethod: FillMethod;
  parentCode: string | null;
  value: string | null;
  prevYear: string | null;
  yoy: string | null;
  floor: string | null;
  stretch: string | null;
  completion: string | null;
  completionStretch: string | null;
  expectedShare: string | null;
  gap: string | null;
  status: ProgressStatus | null;
  doubleHalf: boolean;
  reportedUnits: number;
  expectedUnits: number;
  /**
   * Of a zone figure summed over units: how many of the units that owe it (a target
   * in the year) have an approved figure, and who is missing. Null for a zone-reported one.
   */
  coverage: Coverage | null;
  /**
   * Every expected figure is approved (a zone-reported one: the zone's own). When not,
   * the zone figure is a partial sum: no status, gap or 双过半, and no unit ranks.
   */
  complete: boolean;
  units: UnitRow[];
}

export interface Coverage {
  reported: number;
  expected: number;
  missingUnitNames: string[];
}

export interface CockpitInput {
  period: string;
  /** The date figures are judged on: the period's last day unless asked otherwise. */
  asOf: string;
  thresholds: Thresholds;
  indicators: CIndicator[];
  units: CUnit[];
  targets: CTarget[];
  /** Approved figures of `period` and of the month before (same year). */
  figures: CFigure[];
}

const PCT = 1;

export function previousPeriod(period: string): string | null {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? null : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The arithmetic a cockpit is judged in, over numbers `N` (parsed figures and targets), rank
 * values `R` (a printed figure or completion) and thresholds `T`: `exact` below, in scaled
 * integers (shared/exact, ./judge), is the cockpit's; compute.test.ts passes the 40-digit
 * decimal rule of targets/assess and wants every field of every row the same.
 */
export interface Judging<N, R, T> {
  /** A stored numeric's text, exactly; throws on an empty one. */
  parse(text: string): N;
  add(a: N, b: N): N;
  zero: N;
  /** part / whole in percent (税占比, as progress.share); null when either is missing or the whole is 0. */
  share(part: N | null, whole: N | null): N | null;
  /** Rounded half away from zero to `places` and printed with them. */
  print(n: N, places: number): string;
  /** The mean of `count` values totalling `total`, printed at `places`. */
  mean(total: N, count: number, places: number): string;
  /** One computation's state: amber and red in the judging's terms (checked: red ≥ amber ≥ 0) and what it keeps meanwhile. */
  start(t: Thresholds): T;
  /** One cell by the rule of targets/assess (`lean`: completion and colour only). */
  assess(cell: Cell<N>, t: T, lean?: boolean): Judged<R>;
  /** Competition ranks (1, 2, 2, 4), best first, ties in input order, no value unranked. */
  rank(entries: { key: string; value: R | null }[], higherIsBetter: boolean): Map<string, number | null>;
}

/** One cell to judge: a figure against a target at a time progress. */
export interface Cell<N> {
  actual: N | null;
  target: N | null;
  prevYear: N | null;
  /** The time progress in percent (ignored for lower-is-better: judged against 100). */
  expected: Decimal | null;
  lowerIsBetter: boolean;
  halfYearPassed: boolean;
  decimals: number;
  percentDecimals: number;
}

/** A judged cell: the printed figures, and the rounded actual and completion for ranking. */
export interface Judged<R> extends Omit<FigureAssessment, 'target'> {
  actualValue: R | null;
  completionValue: R | null;
}

/** The cockpit's judging: exact rationals over BigInt, every printed figure rounded once from the exact value. */
export const exact: Judging<Q, bigint, { thresholds: ExactThresholds; expected: Map<Decimal, Expected> }> = {
  parse: parseQ,
  add: addQ,
  zero: { n: 0n, d: 1n },
  share: (part, whole) => (part === null || whole === null ? null : percentQ(part, whole)),
  print: (q, places) => fixedText(roundQ(q, places), places),
  mean: (total, count, places) => fixedText(divRound(total.n * 10n ** BigInt(places), total.d * BigInt(count)), places),
  // The time progress of a computation is a few Decimals shared by many cells: each rounded and printed once.
  start: (t) => ({ thresholds: exactThresholds(t), expected: new Map() }),
  assess: (c, s, lean) => assessExact({ ...c, expected: c.expected === null ? null : expectedOf(s.expected, c.expected, c.percentDecimals) }, s.thresholds, lean),
  rank: rankExact,
};

interface Raw_<N> {
  value: N | null;
  prevYear: N | null;
  corrected: boolean;
}

/** A target parsed once: every cell reads the parsed values, the plan's share the strings. */
interface PTarget_<N> {
  src: CTarget;
  floor: N;
  stretch: N | null;
}

/** What the overall ranking needs of an indicator: its units' gaps and colours. */
export interface RankedUnits {
  units: Pick<UnitRow, 'unitId' | 'unitName' | 'group' | 'gap' | 'status'>[];
}

const NO_RAW: Raw_<never> = { value: null, prevYear: null, corrected: false };
const ZONE = ''; // the unit key of a zone's own figure or target

// Hot path (60 indicators × 30 units × 2 months): every figure and target is
// parsed once (by default into an exact rational: shared/exact, BigInt, no 40-digit
// decimals), lookups go through nested Maps keyed by id, and the rounded values stay
// scaled integers until printed (./judge). The results are the same strings the decimal
// rule prints (compute.test.ts runs both on random zones); the month before is
// only assessed as far as its ranks and colours need (no growth, no stretch), and
// only again when its own inputs change (a write to the month asked leaves them).
export function computeCockpit<N, R, T>(input: CockpitInput, judging: Judging<N, R, T>): { indicators: IndicatorRow[]; previous: RankedUnits[] | null };
export function computeCockpit(input: CockpitInput): { indicators: IndicatorRow[]; previous: RankedUnits[] | null };
export function computeCockpit<N, R, T>(input: CockpitInput, judging = exact as unknown as Judging<N, R, T>): { indicators: IndicatorRow[]; previous: RankedUnits[] | null } {
  type Raw = Raw_<N>;
  type PTarget = PTarget_<N>;
  const orNull = (text: string | null): N | null => (text === null || text.trim() === '' ? null : judging.parse(text));
  const year = Number(input.period.slice(0, 4));
  const prev = previousPeriod(input.period);
  const byCode = new Map(input.indicators.map((i) => [i.code, i]));
  // indicatorId → unitId ('' for the zone) → parsed target
  const tgt = new Map<string, Map<string, PTarget>>();
  for (const t of input.targets) {
    let m = tgt.get(t.indicatorId);
    if (!m) tgt.set(t.indicatorId, (m = new Map()));
    m.set(t.unitId ?? ZONE, { src: t, floor: judging.parse(t.floor), stretch: t.stretch ? judging.parse(t.stretch) : null });
  }
  // period → indicatorId → unitId ('' for the zone) → parsed figure
  const figs = new Map<string, Map<string, Map<string, Raw>>>();
  for (const f of input.figures) {
    let p = figs.get(f.period);
    if (!p) figs.set(f.period, (p = new Map()));
    let m = p.get(f.indicatorId);
    if (!m) p.set(f.indicatorId, (m = new Map()));
    m.set(f.unitId ?? ZONE, { value: orNull(f.value), prevYear: orNull(f.prevYear), corrected: f.corrected });
  }

  // Zone totals are asked for by the indicator's own row and by ratios over it: computed once per period.
  const zoneTotals = new Map<string, Raw>();
  // Raw (unrounded) figures of an indicator for one unit (or the zone, unitId null) in one period.
  const raw = (ind: CIndicator, unitId: string | null, period: string, depth = 0): Raw => {
    if (ind.kind === 'ratio') {
      const num = ind.numeratorCode ? byCode.get(ind.numeratorCode) : undefined;
      const den = ind.denominatorCode ? byCode.get(ind.denominatorCode) : undefined;
      if (!num || !den || depth > 3) return NO_RAW;
      const a = raw(num, unitId, period, depth + 1);
      const b = raw(den, unitId, period, depth + 1);
      return { value: judging.share(a.value, b.value), prevYear: judging.share(a.prevYear, b.prevYear), corrected: a.corrected || b.corrected };
    }
    const m = figs.get(period)?.get(ind.id);
    if (unitId !== null || ind.aggregation === 'zone_reported') return m?.get(unitId ?? ZONE) ?? NO_RAW;
    const k = `${period}|${ind.id}`;
    let total = zoneTotals.get(k);
    if (!total) zoneTotals.set(k, (total = zoneSum(m)));
    return total;
  };
  // Zone total of a summed indicator: the units' figures.
  const zoneSum = (m: Map<string, Raw> | undefined): Raw => {
    const parts: Raw[] = [];
    if (m) for (const u of input.units) {
      const f = m.get(u.id);
      if (f) parts.push(f);
    }
    if (parts.length === 0) return NO_RAW;
    let value = judging.zero;
    let prevYear: N | null = judging.zero;
    let corrected = false;
    for (const p of parts) {
      if (p.value === null) throw new RangeError('empty numeric string'); // a stored figure always has a value
      value = judging.add(value, p.value);
      // A zone's previous-year total is only comparable when every part has one.
      prevYear = prevYear === null || p.prevYear === null ? null : judging.add(prevYear, p.prevYear);
      corrected ||= p.corrected;
    }
    return { value, prevYear, corrected };
  };

  // Which expected units have an approved figure; a ratio is as complete as its two inputs.
  const completeness = (ind: CIndicator, period: string, depth = 0): { coverage: Coverage | null; complete: boolean } => {
    if (ind.kind === 'ratio') {
      const parts = [ind.numeratorCode, ind.denominatorCode].map((c) => (c ? byCode.get(c) : undefined));
      if (parts.some((p) => !p) || depth > 3) return { coverage: null, complete: false };
      const [a, b] = parts.map((p) => completeness(p!, period, depth + 1)) as [ReturnType<typeof completeness>, ReturnType<typeof completeness>];
      return { coverage: mergeCoverage(a.coverage, b.coverage), complete: a.complete && b.complete };
    }
    const m = figs.get(period)?.get(ind.id);
    if (ind.aggregation === 'zone_reported') return { coverage: null, complete: (m?.get(ZONE)?.value ?? null) !== null };
    const ts = tgt.get(ind.id);
    const expected = ts ? input.units.filter((u) => ts.has(u.id)) : [];
    const missing = expected.filter((u) => (m?.get(u.id)?.value ?? null) === null);
    return {
      coverage: { reported: expected.length - missing.length, expected: expected.length, missingUnitNames: missing.map((u) => u.name) },
      complete: missing.length === 0,
    };
  };

  // The zone's target: its own, or the sum of its units' for a summed indicator.
  const zoneTarget = (ind: CIndicator): PTarget | null => {
    const own = tgt.get(ind.id)?.get(ZONE);
    if (own) return own;
    if (ind.aggregation !== 'sum' || ind.kind === 'ratio') return null;
    const m = tgt.get(ind.id);
    const parts = m ? input.units.map((u) => m.get(u.id)).filter((t): t is PTarget => t !== undefined) : [];
    if (parts.length === 0) return null;
    const stretches = parts.map((p) => p.src.stretch);
    const plans = parts.map((p) => p.src.monthlyPlan);
    const floor = sum(parts.map((p) => p.src.floor));
    const stretch = stretches.every((s) => s !== null) ? sum(stretches as string[]) : null;
    return {
      floor: parts.map((p) => p.floor).reduce(judging.add),
      stretch: stretch === null ? null : parts.map((p) => p.stretch as N).reduce(judging.add),
      src: {
        indicatorId: ind.id,
        unitId: null,
        floor: floor.toString(),
        stretch: stretch === null ? null : stretch.toString(),
        monthlyPlan: plans.every((p) => p !== null)
          ? Array.from({ length: 12 }, (_, i) => sum(plans.map((p) => p![i]!)).toString())
          : null,
      },
    };
  };

  // The calendar's share is the same for every unit and indicator of a mode: computed once;
  // a plan's share once per target and date.
  const calendarShares = new Map<string, Decimal>();
  const planShares = new Map<PTarget, Map<string, Decimal | null>>();
  const expectedFor = (ind: CIndicator, t: PTarget | null, asOf: string): Decimal | null => {
    // A ratio (税占比) is a level judged against its whole target at any date.
    if (ind.kind === 'ratio') return HUNDRED;
    if (t?.src.monthlyPlan) {
      let m = planShares.get(t);
      if (!m) planShares.set(t, (m = new Map()));
      let e = m.get(asOf);
      if (e === undefined) m.set(asOf, (e = expectedShare(asOf, year, 'plan', { cumulative: t.src.monthlyPlan }, t.src.floor)));
      return e;
    }
    const k = `${ind.progressMode}|${asOf}`;
    let e = calendarShares.get(k);
    if (!e) calendarShares.set(k, (e = expectedShare(asOf, year, ind.progressMode)));
    return e;
  };

  const thresholds = input.indicators.length > 0 ? judging.start(input.thresholds) : null;
  const parsed = (ind: CIndicator, actual: N | null, target: N | null, prevYear: N | null, expected: Decimal | null, asOf: string): Cell<N> => ({
    actual,
    target,
    prevYear,
    expected,
    lowerIsBetter: !ind.higherIsBetter,
    halfYearPassed: halfYearPassed(asOf, year),
    decimals: ind.decimals,
    percentDecimals: PCT,
  });
  const assess = (ind: CIndicator, r: Raw, t: PTarget | null, asOf: string) => {
    const expected = ind.higherIsBetter ? expectedFor(ind, t, asOf) : null;
    const floorA = judging.assess(parsed(ind, r.value, t?.floor ?? null, ind.kind === 'ratio' ? null : r.prevYear, expected, asOf), thresholds!);
    // Of the stretch target only the completion is shown.
    const stretchA = t?.stretch ? judging.assess(parsed(ind, r.value, t.stretch, null, expected, asOf), thresholds!, true) : null;
    return { floorA, stretchA };
  };

  type Assessed = { t: PTarget | null; r: Raw; floorA: Judged<R>; stretchA: Judged<R> | null };
  // Every unit with a target or a figure for the indicator, assessed once per period.
  const perUnit = (ind: CIndicator, period: string, asOf: string, full: boolean) => {
    const out = new Map<string, Assessed>();
    const ts = tgt.get(ind.id);
    for (const u of input.units) {
      const t = ts?.get(u.id) ?? null;
      const r = raw(ind, u.id, period);
      if (r.value === null && !t) continue;
      if (full) out.set(u.id, { t, r, ...assess(ind, r, t, asOf) });
      else {
        const expected = ind.higherIsBetter ? expectedFor(ind, t, asOf) : null;
        out.set(u.id, { t, r, floorA: judging.assess(parsed(ind, r.value, t?.floor ?? null, null, expected, asOf), thresholds!, true), stretchA: null });
      }
    }
    return out;
  };

  // Ranks within each ranking group: units with targets by completion, without by the figure.
  const ranks = (ind: CIndicator, assessed: Map<string, Assessed>) => {
    const out = new Map<string, number | null>();
    const groups = new Map<string, string[]>();
    for (const u of input.units) {
      if (!assessed.has(u.id)) continue;
      const g = groups.get(u.rankingGroup);
      if (g) g.push(u.id);
      else groups.set(u.rankingGroup, [u.id]);
    }
    for (const ids of groups.values()) {
      const byCompletion = ids.some((id) => assessed.get(id)!.t !== null);
      const ranked = judging.rank(
        ids.map((id) => {
          const a = assessed.get(id)!;
          return { key: id, value: byCompletion ? (a.t ? a.floorA.completionValue : null) : a.floorA.actualValue };
        }),
        byCompletion ? true : ind.higherIsBetter,
      );
      for (const [key, r] of ranked) out.set(key, r);
    }
    return out;
  };

  const halfYearReport = input.period.endsWith('-06');
  const groupOrder = localeOrder(input.units.map((u) => u.rankingGroup));
  const prevAsOf = prev ? lastDay(prev) : null;
  // The month before: its ranks and colours, judged once for as long as its inputs are unchanged
  // (a write to the month asked, the usual one, leaves them so).
  const judgePrevious = (): PreviousMonth => {
    const out: PreviousMonth = { ranks: new Map(), ranked: [] };
    for (const ind of input.indicators) {
      if (!completeness(ind, prev!).complete) continue;
      const before = perUnit(ind, prev!, prevAsOf!, false);
      out.ranks.set(ind.id, ranks(ind, before));
      out.ranked.push({
        units: input.units.flatMap((u) => {
          const a = before.get(u.id);
          return a ? [{ unitId: u.id, unitName: u.name, group: u.rankingGroup, gap: a.floorA.gap, status: a.floorA.status }] : [];
        }),
      });
    }
    return out;
  };
  const before = prev ? remembered(judging, previousKey(input, prev), judgePrevious) : null;
  const rows: IndicatorRow[] = input.indicators.map((ind) => {
    const zt = zoneTarget(ind);
    const zr = raw(ind, null, input.period);
    const { floorA, stretchA } = assess(ind, zr, zt, input.asOf);
    const { coverage, complete } = completeness(ind, input.period);
    const now = perUnit(ind, input.period, input.asOf, true);
    // A field with units missing is not ranked (a rank of one of six means nothing).
    const nowRanks = complete ? ranks(ind, now) : new Map<string, number | null>();
    const prevRanks = before?.ranks.get(ind.id) ?? new Map<string, number | null>();
    const change = rankChange(
      [...nowRanks].map(([k, r]) => ({ key: k, rank: r })),
      [...prevRanks].map(([k, r]) => ({ key: k, rank: r })),
    );
    const unitRows: UnitRow[] = [];
    let expectedUnits = 0;
    let reportedUnits = 0;
    for (const u of input.units) {
      const a = now.get(u.id);
      if (!a) continue;
      const { t, r } = a;
      if (t) expectedUnits++;
      if (r.value !== null) reportedUnits++;
      unitRows.push({
        unitId: u.id,
        unitCode: u.code,
        unitName: u.name,
        group: u.rankingGroup,
        reported: r.value !== null,
        corrected: r.corrected,
        value: a.floorA.actual,
        prevYear: r.prevYear === null ? null : judging.print(r.prevYear, ind.decimals),
        yoy: a.floorA.yoy,
        floor: t ? judging.print(t.floor, ind.decimals) : null,
        stretch: t?.stretch ? judging.print(t.stretch, ind.decimals) : null,
        completion: a.floorA.completion,
        completionStretch: a.stretchA?.completion ?? null,
        expectedShare: a.floorA.expectedShare,
        gap: a.floorA.gap,
        status: a.floorA.status,
        rank: nowRanks.get(u.id) ?? null,
        rankChange: change[u.id] ?? null,
      });
    }
    const zoneExpected = floorA.expectedShare ?? (expectedFor(ind, zt, input.asOf) === null ? null : fixedRound(expectedFor(ind, zt, input.asOf)!, PCT));
    return {
      id: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.measure,
      kind: ind.kind,
      decimals: ind.decimals,
      higherIsBetter: ind.higherIsBetter,
      aggregation: ind.aggregation,
      fillMethod: ind.fillMethod,
      parentCode: ind.parentCode,
      value: floorA.actual,
      prevYear: zr.prevYear === null ? null : judging.print(zr.prevYear, ind.decimals),
      yoy: floorA.yoy,
      floor: zt ? judging.print(zt.floor, ind.decimals) : null,
      stretch: zt?.stretch ? judging.print(zt.stretch, ind.decimals) : null,
      completion: floorA.completion,
      completionStretch: stretchA?.completion ?? null,
      expectedShare: zoneExpected,
      // A partial sum is not judged against time progress.
      gap: complete ? floorA.gap : null,
      status: complete ? floorA.status : null,
      // 双过半 is the half-year report's verdict (1–6月 figures), about flows through the
      // year; a ratio or a stock is judged as a level, and later months by time progress.
      doubleHalf: complete && halfYearReport && floorA.doubleHalf && (ind.kind === 'flow' || ind.kind === 'count'),
      reportedUnits,
      expectedUnits,
      coverage,
      complete,
      units: unitRows.sort((a, b) => groupOrder.get(a.group)! - groupOrder.get(b.group)! || (a.rank ?? 1e9) - (b.rank ?? 1e9)),
    };
  });
  return { indicators: rows, previous: before ? before.ranked : null };
}

/** The month before, as the month asked needs it: each complete indicator's unit ranks, and its units' gaps and colours. */
interface PreviousMonth {
  ranks: Map<string, Map<string, number | null>>;
  ranked: RankedUnits[];
}

/**
 * Everything the month before is judged from, as one digest: the thresholds, indicators,
 * units, the year's targets (its judging reads no stretch) and that month's figures.
 */
function previousKey(input: CockpitInput, prev: string): string {
  const h = createHash('sha1');
  h.update(`${prev}|${input.thresholds.amber}|${input.thresholds.red}\n`);
  for (const i of input.indicators) h.update(`${i.id}|${i.code}|${i.kind}|${i.higherIsBetter}|${i.aggregation}|${i.decimals}|${i.progressMode}|${i.numeratorCode}|${i.denominatorCode}\n`);
  for (const u of input.units) h.update(`${u.id}|${u.name}|${u.rankingGroup}\n`);
  for (const t of input.targets) h.update(`${t.indicatorId}|${t.unitId}|${t.floor}|${t.monthlyPlan?.join(',')}\n`);
  for (const f of input.figures) if (f.period === prev) h.update(`${f.indicatorId}|${f.unitId}|${f.value}\n`);
  return h.digest('base64url');
}

/** Months before judged lately, per judging and by their digest: a small LRU (a few zones' recent months). */
const remembers = new WeakMap<object, Map<string, PreviousMonth>>();
function remembered(judging: object, key: string, judge: () => PreviousMonth): PreviousMonth {
  let previousMonths = remembers.get(judging);
  if (!previousMonths) remembers.set(judging, (previousMonths = new Map()));
  let m = previousMonths.get(key);
  if (m) previousMonths.delete(key);
  else m = judge();
  previousMonths.set(key, m);
  if (previousMonths.size > 32) previousMonths.delete(previousMonths.keys().next().value!);
  return m;
}

const HUNDRED = dec(100);

/** Coverage of a figure computed from two others: who owes either, who is missing from either. */
function mergeCoverage(a: Coverage | null, b: Coverage | null): Coverage | null {
  if (!a || !b) return a ?? b;
  const missing = [...new Set([...a.missingUnitNames, ...b.missingUnitNames])];
  const expected = Math.max(a.expected, b.expected);
  return { reported: Math.max(0, expected - missing.length), expected, missingUnitNames: missing };
}
const fixedRound = (d: Decimal, places: number) => roundDecimal(d, places).toFixed(places);
/**
 * The order `localeCompare` gives a few strings, as numbers: the unit rows of 60
 * indicators are sorted by group, and ICU comparisons were a good part of the cockpit's time.
 */
function localeOrder(names: string[]): Map<string, number> {
  const distinct = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  const order = new Map<string, number>();
  distinct.forEach((g, i) => order.set(g, i > 0 && distinct[i - 1]!.localeCompare(g) === 0 ? order.get(distinct[i - 1]!)! : i));
  return order;
}

function lastDay(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The overall ranking table: per unit, how many of its indicators are ahead,
 * on track, amber and red, and its mean gap to time progress; ranked within the
 * unit's group by mean gap (higher first), with the change against last month.
 */
export interface OverallRow {
  unitId: string;
  unitName: string;
  group: string;
  indicators: number;
  ahead: number;
  onTrack: number;
  amber: number;
  red: number;
  meanGap: string | null;
  rank: number | null;
  rankChange: number | null;
}

export function overallRanking<N>(current: RankedUnits[], previous: RankedUnits[] | null, judging: Pick<Judging<N, unknown, unknown>, 'parse' | 'add' | 'mean'> = exact as never): OverallRow[] {
  // Gaps are printed with one decimal, so the same few strings recur: parse each once.
  const gaps = new Map<string, N>();
  const gapOf = (g: string) => {
    let d = gaps.get(g);
    if (d === undefined) gaps.set(g, (d = judging.parse(g)));
    return d;
  };
  // The mean, from the exact total, rounded once to the printed places.
  const mean = (qs: N[]) => judging.mean(qs.reduce(judging.add), qs.length, PCT);
  const build = (rows: RankedUnits[]) => {
    const acc = new Map<string, { name: string; group: string; gaps: N[]; counts: Record<string, number> }>();
    for (const ind of rows) {
      for (const u of ind.units) {
        if (u.gap === null) continue;
        const a = acc.get(u.unitId) ?? { name: u.unitName, group: u.group, gaps: [], counts: {} };
        a.gaps.push(gapOf(u.gap));
        if (u.status) a.counts[u.status] = (a.counts[u.status] ?? 0) + 1;
        acc.set(u.unitId, a);
      }
    }
    const out = new Map<string, OverallRow>();
    const groups = new Map<string, string[]>();
    for (const [id, a] of acc) groups.set(a.group, [...(groups.get(a.group) ?? []), id]);
    for (const ids of groups.values()) {
      const ranked = rank(ids.map((id) => ({ key: id, value: mean(acc.get(id)!.gaps) })));
      for (const r of ranked) {
        const a = acc.get(r.key)!;
        out.set(r.key, {
          unitId: r.key,
          unitName: a.name,
          group: a.group,
          indicators: a.gaps.length,
          ahead: a.counts.ahead ?? 0,
          onTrack: a.counts.on_track ?? 0,
          amber: a.counts.slightly_behind ?? 0,
          red: a.counts.far_behind ?? 0,
          meanGap: r.value as string,
          rank: r.rank,
          rankChange: null,
        });
      }
    }
    return out;
  };
  const now = build(current);
  if (previous) {
    const before = build(previous);
    const change = rankChange(
      [...now.values()].map((r) => ({ key: r.unitId, rank: r.rank })),
      [...before.values()].map((r) => ({ key: r.unitId, rank: r.rank })),
    );
    for (const r of now.values()) r.rankChange = change[r.unitId] ?? null;
  }
  return [...now.values()].sort((a, b) => a.group.localeCompare(b.group) || (a.rank ?? 1e9) - (b.rank ?? 1e9));
}
