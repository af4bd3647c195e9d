// One cockpit cell judged in exact scaled integers: the rule of targets/assess.ts
// (`assessParsed`: completion and gap from the printed actual, target and time
// progress; growth from the raw values), with every number a BigInt at its printed
// scale instead of a 40-digit Decimal. Same strings out (judge.test.ts checks it
// against assessParsed on random inputs); about a tenth of the time and garbage.
import { cmpQ, divRound, fixedText, pow10, qOfDecimal, roundQ, type Q } from '../../shared/exact';
import { Decimal } from '../../shared/decimal';
import { judge as judgeDecimal, type ProgressStatus, type Thresholds } from '../targets/progress';
import type { FigureAssessment } from '../targets/assess';

/** The time progress of a cell, rounded to the percent places once. */
export interface Expected {
  /** × 10^pct */
  value: bigint;
  text: string;
}

export interface ExactInput {
  actual: Q | null;
  target: Q | null;
  prevYear: Q | null;
  /** Ignored for lower-is-better (judged against 100). */
  expected: Expected | null;
  lowerIsBetter: boolean;
  halfYearPassed: boolean;
  decimals: number;
  percentDecimals: number;
}

/** The targets module's assessment (without the target), its rounded figures kept exact for ranking. */
export interface ExactAssessment extends Omit<FigureAssessment, 'target'> {
  /** The printed actual × 10^decimals, for ranking. */
  actualValue: bigint | null;
  /** The printed completion × 10^percentDecimals, for ranking. */
  completionValue: bigint | null;
}

/** Amber and red as exact values, checked once (as `judge` checks them). */
export interface ExactThresholds {
  amber: Q;
  red: Q;
}

export function exactThresholds(t: Thresholds): ExactThresholds {
  judgeDecimal(null, t); // throws on amber < 0 or red < amber, as the decimal rule does
  // decimal.js reads a number through its shortest text; so do we.
  return { amber: qOfDecimal(new Decimal(-t.amber)), red: qOfDecimal(new Decimal(-t.red)) };
}

/** `progress.judge` of a gap printed at `pct` places. */
export function judgeExact(gap: bigint | null, pct: number, t: ExactThresholds): ProgressStatus | null {
  if (gap === null) return null;
  if (gap > 0n) return 'ahead';
  const g: Q = { n: gap, d: pow10(pct) };
  if (cmpQ(g, t.amber) > 0) return 'on_track';
  if (cmpQ(g, t.red) >= 0) return 'slightly_behind';
  return 'far_behind';
}

const hundredAt = (pct: number) => 100n * pow10(pct);

/** The expected share (a Decimal shared by many cells) rounded and printed once per Decimal and places. */
export function expectedOf(cache: Map<Decimal, Expected>, d: Decimal, pct: number): Expected {
  let e = cache.get(d);
  if (!e) {
    const value = roundQ(qOfDecimal(d), pct);
    cache.set(d, (e = { value, text: fixedText(value, pct) }));
  }
  return e;
}

export function assessExact(input: ExactInput, t: ExactThresholds, lean = false): ExactAssessment {
  const places = input.decimals;
  const pct = input.percentDecimals;
  const scale = pow10(pct + 2); // × 100 for percent, × 10^pct for the printed places
  const actual = input.actual === null ? null : roundQ(input.actual, places);
  const target = input.target === null ? null : roundQ(input.target, places);
  let completion: bigint | null = null;
  if (actual !== null && target !== null && target > 0n) {
    if (!input.lowerIsBetter) completion = divRound(actual * scale, target);
    // (2 − actual/target) × 100, and 0 from twice the ceiling on.
    else completion = actual > 2n * target ? 0n : divRound((2n * target - actual) * scale, target);
  }
  const expected: Expected | null = input.lowerIsBetter ? { value: hundredAt(pct), text: fixedText(hundredAt(pct), pct) } : input.expected;
  const gap = completion === null || expected === null ? null : completion - expected.value;
  let growth: string | null = null;
  const a = input.actual;
  const p = input.prevYear;
  if (!lean && a !== null && p !== null && p.n > 0n) {
    // (a − p) / p × 100 from the raw values, as statistics offices do.
    growth = fixedText(divRound((a.n * p.d - p.n * a.d) * scale, a.d * p.n), pct);
  }
  return {
    actual: actual === null ? null : fixedText(actual, places),
    completion: completion === null ? null : fixedText(completion, pct),
    expectedShare: expected?.text ?? null,
    gap: gap === null ? null : fixedText(gap, pct),
    status: judgeExact(gap, pct, t),
    yoy: growth,
    doubleHalf: !lean && !input.lowerIsBetter && input.halfYearPassed && completion !== null && completion >= 50n * pow10(pct),
    actualValue: actual,
    completionValue: completion,
  };
}

/**
 * `targets/ranking.rank` over scaled integers of one scale: competition ranks (1, 2, 2, 4),
 * best first, ties in input order, entries without a value unranked.
 */
export function rankExact(entries: { key: string; value: bigint | null }[], higherIsBetter: boolean): Map<string, number | null> {
  const order: number[] = [];
  entries.forEach((e, i) => e.value !== null && order.push(i));
  const v = (i: number) => entries[i]!.value!;
  order.sort((x, y) => {
    const c = v(x) < v(y) ? -1 : v(x) > v(y) ? 1 : 0;
    return (higherIsBetter ? -c : c) || x - y;
  });
  const out = new Map<string, number | null>();
  let last = 0;
  order.forEach((e, i) => {
    last = i > 0 && v(order[i - 1]!) === v(e) ? last : i + 1;
    out.set(entries[e]!.key, last);
  });
  for (const e of entries) if (e.value === null) out.set(e.key, null);
  return out;
}
