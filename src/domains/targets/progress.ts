/**
 * Time progress (序时进度) and the judgement of a figure against it.
 * Pure functions over Decimal; all percentages are in percent (50 = 50%) and
 * unrounded — round at the edge with `round(x, decimals)`, or use ./assess
 * which rounds once, consistently, for display and status.
 */
import { Decimal, dec, decOrNull, sum, type DecimalLike } from '../../shared/decimal';

type Maybe = DecimalLike | null | undefined;
const HUNDRED = new Decimal(100);

// ---------------------------------------------------------------- dates

/** 'YYYY-MM-DD', a reporting period 'YYYY-MM', or a Date (read as China time, UTC+8). */
export type DateLike = string | Date;

interface Ymd {
  year: number;
  month: number; // 1..12
  day: number;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInYear = (year: number): number => (isLeap(year) ? 366 : 365);
export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Last day of a reporting period: '2023-06' → '2023-06-30', '2024-02' → '2024-02-29'. */
export function periodEnd(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) throw new RangeError(`not a period YYYY-MM: ${period}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`not a period YYYY-MM: ${period}`);
  return `${m[1]}-${m[2]}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * A period 'YYYY-MM' means the END of that month: the figure reported for June
 * is cumulative through 30 June and is judged against time progress on 30 June.
 */
function toYmd(asOf: DateLike): Ymd {
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime())) throw new RangeError('invalid Date');
    const china = new Date(asOf.getTime() + 8 * 3600_000);
    return { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1, day: china.getUTCDate() };
  }
  const iso = /^\d{4}-\d{2}$/.test(asOf) ? periodEnd(asOf) : asOf;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD or period YYYY-MM: ${asOf}`);
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) {
    throw new RangeError(`no such date: ${asOf}`);
  }
  return ymd;
}

/** Day of the year, 1 January = 1. */
function dayOfYear({ year, month, day }: Ymd): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
}

/**
 * Months of `year` completed by `asOf`: a month counts once its last day is
 * reached, so the report for month m (dated its last day) gives m.
 * Before the year → 0, after it → 12.
 */
export function completedMonths(asOf: DateLike, year: number): number {
  return monthsDone(toYmd(asOf), year);
}

function monthsDone(d: Ymd, year: number): number {
  if (d.year < year) return 0;
  if (d.year > year) return 12;
  return d.day === daysInMonth(d.year, d.month) ? d.month : d.month - 1;
}

// ---------------------------------------------------------------- time progress

export type ExpectedShareMode = 'days' | 'months' | 'plan';

/**
 * A monthly plan of 12 values: a plain array holds each month's own amount;
 * `{ cumulative }` holds year-to-date amounts (the form 1-6月累计 reports use).
 */
export type MonthlyPlan =
  | readonly DecimalLike[]
  | { readonly monthly: readonly DecimalLike[] }
  | { readonly cumulative: readonly DecimalLike[] };

const isList = (plan: MonthlyPlan): plan is readonly DecimalLike[] => Array.isArray(plan);

function cumulativePlan(plan: MonthlyPlan): Decimal[] {
  const values: readonly DecimalLike[] = isList(plan) ? plan : 'monthly' in plan ? plan.monthly : plan.cumulative;
  if (values.length !== 12) throw new RangeError(`a monthly plan has 12 values, got ${values.length}`);
  if (!isList(plan) && 'cumulative' in plan) return values.map((v) => dec(v));
  let running = new Decimal(0);
  return values.map((v) => (running = running.plus(dec(v))));
}

/**
 * Share of the annual target (percent) expected by `asOf`:
 * - `days`: elapsed days including asOf / days in the year (30 June 2023 → 181/365 = 49.59%);
 * - `months`: completed months / 12 (June report → 50%; 15 July → still 50%);
 * - `plan`: cumulative plan through the completed months / annual target
 *   (annualTarget defaults to the plan's total). Null when the annual figure is 0.
 * Dates outside `year` clamp to 0 and 100.
 */
export function expectedShare(asOf: DateLike, year: number, mode: 'days' | 'months'): Decimal;
export function expectedShare(
  asOf: DateLike,
  year: number,
  mode: ExpectedShareMode,
  monthlyPlan?: MonthlyPlan,
  annualTarget?: Maybe,
): Decimal | null;
export function expectedShare(
  asOf: DateLike,
  year: number,
  mode: ExpectedShareMode,
  monthlyPlan?: MonthlyPlan,
  annualTarget?: Maybe,
): Decimal | null {
  const d = toYmd(asOf);
  switch (mode) {
    case 'days': {
      if (d.year < year) return new Decimal(0);
      if (d.year > year) return new Decimal(100);
      return new Decimal(dayOfYear(d)).div(daysInYear(year)).times(HUNDRED);
    }
    case 'months':
      return new Decimal(monthsDone(d, year)).div(12).times(HUNDRED);
    case 'plan': {
      if (!monthlyPlan) throw new RangeError("mode 'plan' needs a monthly plan");
      const cum = cumulativePlan(monthlyPlan);
      const annual = decOrNull(annualTarget) ?? (cum[11] as Decimal);
      if (annual.isZero()) return null;
      const m = monthsDone(d, year);
      const planned = m === 0 ? new Decimal(0) : (cum[m - 1] as Decimal);
      return planned.div(annual).times(HUNDRED);
    }
  }
}

// ---------------------------------------------------------------- completion and judgement

export interface CompletionOptions {
  /**
   * Lower is better (a ceiling: energy use, accidents, debt ratio). Then
   * completion = (2 − actual/target) × 100, floored at 0: on target = 100%,
   * 10% under the ceiling = 110%, double the ceiling or worse = 0%. Linear,
   * monotone, and defined at actual 0 (where target/actual would not be).
   */
  lowerIsBetter?: boolean;
}

/** actual / target in percent; null when either is missing or target ≤ 0 (no meaningful rate). */
export function completionRate(actual: Maybe, target: Maybe, opts: CompletionOptions = {}): Decimal | null {
  const a = decOrNull(actual);
  const t = decOrNull(target);
  if (a === null || t === null || t.lte(0)) return null;
  const ratio = a.div(t);
  if (!opts.lowerIsBetter) return ratio.times(HUNDRED);
  return Decimal.max(0, new Decimal(2).minus(ratio)).times(HUNDRED);
}

/** Completion minus expected share, in percentage points (+ = ahead). Null if either is missing. */
export function gapPoints(completion: Maybe, expected: Maybe): Decimal | null {
  const c = decOrNull(completion);
  const e = decOrNull(expected);
  return c === null || e === null ? null : c.minus(e);
}

export type ProgressStatus = 'ahead' | 'on_track' | 'slightly_behind' | 'far_behind';

/** Points behind time progress where amber (slightly behind) and red (far behind) begin. */
export interface Thresholds {
  amber: number;
  red: number;
}
export const DEFAULT_THRESHOLDS: Thresholds = { amber: 10, red: 30 };

/**
 * Yinchuan rule, as a pure function of the current gap (a unit that catches up
 * goes back by itself):
 *   gap > 0                 → ahead
 *   −amber < gap ≤ 0        → on_track        (exactly on time progress is on track)
 *   −red ≤ gap ≤ −amber     → slightly_behind (amber "10–30 points behind", both ends included)
 *   gap < −red              → far_behind      (red "beyond 30")
 * So exactly 10 behind is amber and exactly 30 behind is still amber. Judge the
 * gap as published (rounded), so the colour matches the printed figure.
 */
export function judge(gap: Maybe, thresholds: Thresholds = DEFAULT_THRESHOLDS): ProgressStatus | null {
  if (!(thresholds.amber >= 0 && thresholds.red >= thresholds.amber)) {
    throw new RangeError('thresholds need 0 ≤ amber ≤ red');
  }
  const g = decOrNull(gap);
  if (g === null) return null;
  if (g.gt(0)) return 'ahead';
  if (g.gt(-thresholds.amber)) return 'on_track';
  if (g.gte(-thresholds.red)) return 'slightly_behind';
  return 'far_behind';
}

/**
 * 时间过半: the first half of the year is over on 30 June. By days that date is only
 * 181/365 = 49.6% of the year, yet it is the day 双过半 is reported on, so the rule
 * is the calendar's half-year, not a share of days.
 */
export function halfYearPassed(asOf: string, year: number): boolean {
  return asOf >= `${year}-06-30`;
}

/** 双过半: the half-year is over and at least half of the annual task is done. Missing → false. */
export function isDoubleHalf(asOf: string, year: number, completion: Maybe): boolean {
  const c = decOrNull(completion);
  return halfYearPassed(asOf, year) && c !== null && c.gte(50);
}

// ---------------------------------------------------------------- growth, shares, zone totals

/**
 * Year-on-year growth in percent. Null when the previous-year value is missing,
 * 0 or negative: growth on a non-positive base is "不可比" in Chinese statistics
 * (a loss shrinking is 减亏, not a growth rate).
 */
export function yoy(value: Maybe, prevYear: Maybe): Decimal | null {
  const v = decOrNull(value);
  const p = decOrNull(prevYear);
  if (v === null || p === null || p.lte(0)) return null;
  return v.minus(p).div(p).times(HUNDRED);
}

/** part / whole in percent (税占比 = tax / general budget revenue). Null when whole is 0 or missing. */
export function share(part: Maybe, whole: Maybe): Decimal | null {
  const p = decOrNull(part);
  const w = decOrNull(whole);
  if (p === null || w === null || w.isZero()) return null;
  return p.div(w).times(HUNDRED);
}

/**
 * The zone's figure for an indicator:
 * - `sum`: the sum of the units' values (missing ones skipped; all missing → null);
 * - `zone_reported`: the zone reports its own figure (GDP, deduplicated or
 *   statistical-bureau figures, ratios), which is NOT the sum of units.
 */
export function zoneTotal(
  values: readonly Maybe[],
  aggregation: 'sum' | 'zone_reported',
  zoneReported?: Maybe,
): Decimal | null {
  if (aggregation === 'zone_reported') return decOrNull(zoneReported);
  const present = values.map(decOrNull).filter((v): v is Decimal => v !== null);
  return present.length === 0 ? null : sum(present);
}
