// THE ORACLE, for tests only: ./compute.ts as it was in 40-digit decimal.js, before
// it judged in exact scaled integers (shared/exact). compute.test.ts runs both on
// random zones and wants the same answer; nothing else imports this file.
import type { CIndicator, CockpitInput, Coverage, CTarget, IndicatorRow, OverallRow, RankedUnits, UnitRow } from './compute';
import { dec, decOrNull, round, roundDecimal, sum, type Decimal } from '../../shared/decimal';
import { assessParsed, type ParsedAssessment, type ParsedFigureInput } from '../targets/assess';
import { expectedShare, halfYearPassed, share } from '../targets/progress';
import { rank, rankChange } from '../targets/ranking';

const PCT = 1;

function previousPeriod(period: string): string | null {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? null : `${y}-${String(m - 1).padStart(2, '0')}`;
}

interface Raw {
  value: Decimal | null;
  prevYear: Decimal | null;
  corrected: boolean;
}

/** A target parsed once: every cell reads the Decimals, the response the strings. */
interface PTarget {
  src: CTarget;
  floor: Decimal;
  stretch: Decimal | null;
}


const NO_RAW: Raw = { value: null, prevYear: null, corrected: false };
const ZONE = ''; // the unit key of a zone's own figure or target

// Hot path (60 indicators × 30 units × 2 months): every figure and target is
// parsed into a Decimal once, lookups go through nested Maps keyed by id, and the
// rounded values stay Decimals until printed (assessParsed). The results are the
// same strings the straightforward version printed; the month before is only
// assessed as far as its ranks and colours need (no growth, no stretch).
export function computeCockpitDecimal(input: CockpitInput): { indicators: IndicatorRow[]; previous: RankedUnits[] | null } {
  const year = Number(input.period.slice(0, 4));
  const prev = previousPeriod(input.period);
  const byCode = new Map(input.indicators.map((i) => [i.code, i]));
  // indicatorId → unitId ('' for the zone) → parsed target
  const tgt = new Map<string, Map<string, PTarget>>();
  for (const t of input.targets) {
    let m = tgt.get(t.indicatorId);
    if (!m) tgt.set(t.indicatorId, (m = new Map()));
    m.set(t.unitId ?? ZONE, { src: t, floor: dec(t.floor), stretch: t.stretch ? dec(t.stretch) : null });
  }
  // period → indicatorId → unitId ('' for the zone) → parsed figure
  const figs = new Map<string, Map<string, Map<string, Raw>>>();
  for (const f of input.figures) {
    let p = figs.get(f.period);
    if (!p) figs.set(f.period, (p = new Map()));
    let m = p.get(f.indicatorId);
    if (!m) p.set(f.indicatorId, (m = new Map()));
    m.set(f.unitId ?? ZONE, { value: decOrNull(f.value), prevYear: decOrNull(f.prevYear), corrected: f.corrected });
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
      return { value: share(a.value, b.value), prevYear: share(a.prevYear, b.prevYear), corrected: a.corrected || b.corrected };
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
    let value = dec(0);
    let prevYear: Decimal | null = dec(0);
    let corrected = false;
    for (const p of parts) {
      value = value.plus(p.value ?? dec(''));
      // A zone's previous-year total is only comparable when every part has one.
      prevYear = prevYear === null || p.prevYear === null ? null : prevYear.plus(p.prevYear);
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
    const floor = sum(parts.map((p) => p.floor));
    const stretch = stretches.every((s) => s !== null) ? sum(stretches as string[]) : null;
    return {
      floor,
      stretch,
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

  const parsed = (ind: CIndicator, actual: Decimal | null, target: Decimal | null, prevYear: Decimal | null, expected: Decimal | null, asOf: string): ParsedFigureInput => ({
    actual,
    target,
    prevYear,
    expectedShare: expected,
    lowerIsBetter: !ind.higherIsBetter,
    halfYearPassed: halfYearPassed(asOf, year),
    decimals: ind.decimals,
    percentDecimals: PCT,
    thresholds: input.thresholds,
  });
  const assess = (ind: CIndicator, r: Raw, t: PTarget | null, asOf: string) => {
    const expected = ind.higherIsBetter ? expectedFor(ind, t, asOf) : null;
    const floorA = assessParsed(parsed(ind, r.value, t?.floor ?? null, ind.kind === 'ratio' ? null : r.prevYear, expected, asOf));
    // Of the stretch target only the completion is shown.
    const stretchA = t?.stretch ? assessParsed(parsed(ind, r.value, t.stretch, null, expected, asOf), true) : null;
    return { floorA, stretchA };
  };

  type Assessed = { t: PTarget | null; r: Raw; floorA: ParsedAssessment; stretchA: ParsedAssessment | null };
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
        out.set(u.id, { t, r, floorA: assessParsed(parsed(ind, r.value, t?.floor ?? null, null, expected, asOf), true), stretchA: null });
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
      const ranked = rank(
        ids.map((id) => {
          const a = assessed.get(id)!;
          return { key: id, value: byCompletion ? (a.t ? a.floorA.completionValue : null) : a.floorA.actualValue };
        }),
        byCompletion ? true : ind.higherIsBetter,
      );
      for (const e of ranked) out.set(e.key, e.rank);
    }
    return out;
  };

  const halfYearReport = input.period.endsWith('-06');
  const prevAsOf = prev ? lastDay(prev) : null;
  const previous: RankedUnits[] = [];
  const rows: IndicatorRow[] = input.indicators.map((ind) => {
    const zt = zoneTarget(ind);
    const zr = raw(ind, null, input.period);
    const { floorA, stretchA } = assess(ind, zr, zt, input.asOf);
    const { coverage, complete } = completeness(ind, input.period);
    const now = perUnit(ind, input.period, input.asOf, true);
    // A field with units missing is not ranked (a rank of one of six means nothing).
    const nowRanks = complete ? ranks(ind, now) : new Map<string, number | null>();
    const before = prev && prevAsOf && completeness(ind, prev).complete ? perUnit(ind, prev, prevAsOf, false) : null;
    const prevRanks = before ? ranks(ind, before) : new Map<string, number | null>();
    if (before) {
      previous.push({
        units: input.units.flatMap((u) => {
          const a = before.get(u.id);
          return a ? [{ unitId: u.id, unitName: u.name, group: u.rankingGroup, gap: a.floorA.gap, status: a.floorA.status }] : [];
        }),
      });
    }
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
        prevYear: r.prevYear === null ? null : fixedRound(r.prevYear, ind.decimals),
        yoy: a.floorA.yoy,
        floor: t ? fixedRound(t.floor, ind.decimals) : null,
        stretch: t?.stretch ? fixedRound(t.stretch, ind.decimals) : null,
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
      prevYear: zr.prevYear === null ? null : fixedRound(zr.prevYear, ind.decimals),
      yoy: floorA.yoy,
      floor: zt ? fixedRound(zt.floor, ind.decimals) : null,
      stretch: zt?.stretch ? fixedRound(zt.stretch, ind.decimals) : null,
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
      units: unitRows.sort((a, b) => a.group.localeCompare(b.group) || (a.rank ?? 1e9) - (b.rank ?? 1e9)),
    };
  });
  return { indicators: rows, previous: prev ? previous : null };
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

function lastDay(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function overallRankingDecimal(current: RankedUnits[], previous: RankedUnits[] | null): OverallRow[] {
  // Gaps are printed with one decimal, so the same few strings recur: parse each once.
  const gaps = new Map<string, Decimal>();
  const gapOf = (g: string) => {
    let d = gaps.get(g);
    if (!d) gaps.set(g, (d = dec(g)));
    return d;
  };
  const build = (rows: RankedUnits[]) => {
    const acc = new Map<string, { name: string; group: string; gaps: Decimal[]; counts: Record<string, number> }>();
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
      const ranked = rank(ids.map((id) => ({ key: id, value: round(sum(acc.get(id)!.gaps).div(acc.get(id)!.gaps.length), PCT) })));
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
