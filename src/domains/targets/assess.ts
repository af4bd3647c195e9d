/**
 * One indicator figure of one unit, assessed for display: every number rounded
 * once, and completion and gap computed FROM the printed actual, target and
 * time progress, so a reader can redo the sums in a table (62.0% − 50.0% =
 * 12 points) and the colour matches the printed gap. Growth is the exception
 * (see below).
 */
import { dec, decOrNull, roundDecimal, type Decimal, type DecimalLike } from '../../shared/decimal';
import {
  DEFAULT_THRESHOLDS,
  judge,
  type ProgressStatus,
  type Thresholds,
} from './progress';

type Maybe = DecimalLike | null | undefined;

export interface FigureInput {
  actual: Maybe;
  target?: Maybe;
  prevYear?: Maybe;
  /** Percent of the annual target expected now, from `expectedShare`. */
  expectedShare?: Maybe;
  lowerIsBetter?: boolean;
  /** The as-of date is past 30 June of the target's year (`halfYearPassed`): 双过半 can be judged. */
  halfYearPassed?: boolean;
  /** The indicator's decimals, for actual and target (default 2). */
  decimals?: number;
  /** Decimals of completion, expected share, gap and yoy (default 1). */
  percentDecimals?: number;
  thresholds?: Thresholds;
}

export interface FigureAssessment {
  actual: string | null;
  target: string | null;
  completion: string | null;
  expectedShare: string | null;
  gap: string | null;
  status: ProgressStatus | null;
  yoy: string | null;
  doubleHalf: boolean;
}

/** An assessment with the rounded figures kept as Decimals, for code that ranks or sums them. */
export interface ParsedAssessment extends FigureAssessment {
  actualValue: Decimal | null;
  completionValue: Decimal | null;
}

/** `FigureInput` already parsed: the hot path of the cockpit parses each figure and target once. */
export interface ParsedFigureInput {
  actual: Decimal | null;
  target: Decimal | null;
  prevYear: Decimal | null;
  expectedShare: Decimal | null;
  lowerIsBetter: boolean;
  halfYearPassed: boolean;
  decimals: number;
  percentDecimals: number;
  thresholds: Thresholds;
}

const HUNDRED = dec(100);
const fixed = (d: Decimal | null, places: number) => (d === null ? null : d.toFixed(places));
const rounded = (d: Decimal | null, places: number) => (d === null ? null : roundDecimal(d, places));

/**
 * Lower-is-better indicators are ceilings that hold at every date, so they are
 * judged against 100 (the whole ceiling), not against the calendar.
 */
export function assessFigure(input: FigureInput): FigureAssessment {
  const { actualValue: _a, completionValue: _c, ...out } = assessParsed({
    actual: decOrNull(input.actual),
    target: decOrNull(input.target),
    prevYear: decOrNull(input.prevYear),
    expectedShare: input.lowerIsBetter ? null : decOrNull(input.expectedShare),
    lowerIsBetter: input.lowerIsBetter ?? false,
    halfYearPassed: input.halfYearPassed ?? false,
    decimals: input.decimals ?? 2,
    percentDecimals: input.percentDecimals ?? 1,
    thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
  });
  return out;
}

/**
 * `assessFigure` over parsed values. Every step works on the rounded Decimal
 * whose `toFixed` is the printed string, so the results are the same as
 * parsing the printed strings again. `lean` skips growth and 双过半 (yoy null,
 * doubleHalf false) for callers that only rank or colour.
 */
export function assessParsed(input: ParsedFigureInput, lean = false): ParsedAssessment {
  const places = input.decimals;
  const pct = input.percentDecimals;
  const actual = rounded(input.actual, places);
  const target = rounded(input.target, places);
  // completionRate, gapPoints, yoy and isDoubleHalf of ./progress, inlined on Decimals (no copies).
  let completion: Decimal | null = null;
  if (actual !== null && target !== null && target.gt(0)) {
    const ratio = actual.div(target);
    completion = roundDecimal(input.lowerIsBetter ? (ratio.gt(2) ? ZERO : TWO.minus(ratio)).times(HUNDRED) : ratio.times(HUNDRED), pct);
  }
  const expectedR = roundedExpected(input.lowerIsBetter ? HUNDRED : input.expectedShare, pct);
  const expected = expectedR?.value ?? null;
  const gap = completion === null || expected === null ? null : roundDecimal(completion.minus(expected), pct);
  let growth: string | null = null;
  if (!lean && input.actual !== null && input.prevYear !== null && input.prevYear.gt(0)) {
    // Growth is computed from the raw values, as statistics offices do: the
    // previous-year figure is not printed beside it, so there is nothing to re-add.
    growth = roundDecimal(input.actual.minus(input.prevYear).div(input.prevYear).times(HUNDRED), pct).toFixed(pct);
  }
  return {
    actual: fixed(actual, places),
    target: fixed(target, places),
    completion: fixed(completion, pct),
    expectedShare: expectedR?.text ?? null,
    gap: fixed(gap, pct),
    status: judge(gap, input.thresholds),
    yoy: growth,
    doubleHalf: !lean && !input.lowerIsBetter && input.halfYearPassed && completion !== null && completion.gte(50),
    actualValue: actual,
    completionValue: completion,
  };
}

const ZERO = dec(0);
const TWO = dec(2);
// The expected share is one Decimal shared by every unit of an indicator (the
// calendar's, a plan's): rounded and printed once per Decimal.
const expectedCache = new WeakMap<Decimal, { pct: number; value: Decimal; text: string }>();
const roundedExpected = (d: Decimal | null, pct: number) => {
  if (d === null) return null;
  let e = expectedCache.get(d);
  if (!e || e.pct !== pct) {
    const value = roundDecimal(d, pct);
    expectedCache.set(d, (e = { pct, value, text: value.toFixed(pct) }));
  }
  return e;
};
