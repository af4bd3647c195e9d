/**
 * Chinese (and English) wording of numbers as they appear in bulletins and the
 * UI. Every function rounds first (half-up, as `round` of ./decimal) and decides
 * the wording from the ROUNDED figure, so text never says "同比增长0.0%" or
 * "快于序时进度0个百分点". Rounded by ./roundText, not decimal.js, so the web app's
 * first load does not carry decimal.js for its wording.
 */
import type { DecimalLike } from './decimal';
import { absText, isZeroText, roundText as round } from './roundText';

export type Lang = 'zh' | 'en';

/** Placeholder for a missing figure in tables (both languages). */
export const MISSING = '—';

/**
 * Decimals of amounts in text when the indicator does not say otherwise:
 * 亿元/亿美元 are written with two decimals ("18.56亿元"); 万元 (tables) too,
 * so a figure keeps its precision when it moves between text and table.
 */
export const DEFAULT_AMOUNT_DECIMALS: Readonly<Record<string, number>> = { 亿元: 2, 亿美元: 2, 万元: 2, 元: 2 };
const FALLBACK_AMOUNT_DECIMALS = 2;

export function defaultAmountDecimals(unit: string): number {
  return DEFAULT_AMOUNT_DECIMALS[unit] ?? FALLBACK_AMOUNT_DECIMALS;
}

/** '6.0' → '6', '2.50' → '2.5', '10' → '10'. */
export function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** '12345.6' → '12,345.6' (English only; Chinese text writes digits plain). */
function groupThousands(fixed: string): string {
  const [int = '', frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac === undefined ? '' : `.${frac}`);
}

/**
 * English renders 亿/万 as billion/million by shifting the decimal point of the
 * ALREADY ROUNDED Chinese figure (18.56亿元 → 1.856 billion yuan), so both
 * languages state exactly the same quantity.
 */
const EN_UNITS: Readonly<Record<string, { shift: number; word: string }>> = {
  亿元: { shift: 1, word: 'billion yuan' },
  亿美元: { shift: 1, word: 'billion USD' },
  万元: { shift: 2, word: 'million yuan' },
  万美元: { shift: 2, word: 'million USD' },
  元: { shift: 0, word: 'yuan' },
};

export interface AmountOptions {
  /** Decimals of the figure (the indicator's `decimals`, or per figure). */
  decimals?: number;
  lang?: Lang;
}

/** ('18.56','亿元') → '18.56亿元'; ('18.56','亿元',{lang:'en'}) → '1.856 billion yuan'. */
export function formatAmount(value: DecimalLike | null | undefined, unit: string, opts: AmountOptions = {}): string {
  if (value === null || value === undefined) return MISSING;
  const decimals = opts.decimals ?? defaultAmountDecimals(unit);
  const fixed = round(value, decimals);
  if ((opts.lang ?? 'zh') === 'zh') return `${fixed}${unit}`;
  const en = EN_UNITS[unit];
  if (!en) return `${groupThousands(fixed)} ${unit}`;
  const shifted = round(`${fixed}e-${en.shift}`, decimals + en.shift);
  return `${groupThousands(shifted)} ${en.word}`;
}

/** A value already in percent: (93.2459, 2) → '93.25%' (same in both languages). */
export function formatPercent(x: DecimalLike | null | undefined, places = 1): string {
  if (x === null || x === undefined) return MISSING;
  return `${round(x, places)}%`;
}

export interface YoyOptions {
  decimals?: number;
  lang?: Lang;
}

/** 36.66 → '同比增长36.7%'; -3.2 → '同比下降3.2%'; 0.04 → '同比持平'. Null → '—'. */
export function formatYoy(percent: DecimalLike | null | undefined, opts: YoyOptions = {}): string {
  if (percent === null || percent === undefined) return MISSING;
  const decimals = opts.decimals ?? 1;
  const r = round(percent, decimals);
  const abs = absText(r);
  const zh = (opts.lang ?? 'zh') === 'zh';
  if (isZeroText(r)) return zh ? '同比持平' : 'flat year on year';
  if (!r.startsWith('-')) return zh ? `同比增长${abs}%` : `up ${abs}% year on year`;
  return zh ? `同比下降${abs}%` : `down ${abs}% year on year`;
}

export interface GapOptions {
  /** Precision before trailing zeros are dropped (default 1: 2.54 → 2.5, 6.0 → 6). */
  decimals?: number;
  lang?: Lang;
}

/**
 * Gap in percentage points (completion − expected share):
 * 6 → '快于序时进度6个百分点'; -2.5 → '慢于序时进度2.5个百分点'; 0 → '与序时进度持平'.
 */
export function formatGapToTimeProgress(points: DecimalLike | null | undefined, opts: GapOptions = {}): string {
  if (points === null || points === undefined) return MISSING;
  const r = round(points, opts.decimals ?? 1);
  const abs = trimZeros(absText(r));
  const zh = (opts.lang ?? 'zh') === 'zh';
  if (isZeroText(r)) return zh ? '与序时进度持平' : 'on par with time progress';
  const unitEn = abs === '1' ? 'percentage point' : 'percentage points';
  if (!r.startsWith('-')) return zh ? `快于序时进度${abs}个百分点` : `${abs} ${unitEn} ahead of time progress`;
  return zh ? `慢于序时进度${abs}个百分点` : `${abs} ${unitEn} behind time progress`;
}

export interface CountOptions {
  decimals?: number;
  lang?: Lang;
  /** English noun, e.g. 'projects'; Chinese measure words have no English form. */
  noun?: string;
}

/** (10,'个') → '10个'; (10,'个',{lang:'en',noun:'projects'}) → '10 projects'. */
export function formatCount(n: DecimalLike | null | undefined, measure = '个', opts: CountOptions = {}): string {
  if (n === null || n === undefined) return MISSING;
  const fixed = round(n, opts.decimals ?? 0);
  if ((opts.lang ?? 'zh') === 'zh') return `${fixed}${measure}`;
  return opts.noun ? `${groupThousands(fixed)} ${opts.noun}` : groupThousands(fixed);
}
