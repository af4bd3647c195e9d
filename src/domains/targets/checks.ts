/**
 * Reporting checks (填报校验), one pure module for the server (which refuses)
 * and the web form (which explains while the clerk types): is the text a
 * number, does a year-to-date figure fall below last month's, does it move
 * more than the zone's share from last month's pace, and — for the clerk's
 * eyes — 同比, 完成率 and the gap to 序时进度 of what is typed now.
 * Framework-free; texts in both languages.
 */
import { dec, decOrNull, roundDecimal, type Decimal } from '../../shared/decimal';
import { assessFigure } from './assess';

export interface Texts {
  zh: string;
  en: string;
}

export type CheckCode = 'number' | 'prev_year_number' | 'ytd_drop' | 'ytd_move' | 'dekad_mismatch';

export interface Finding {
  code: CheckCode;
  field: 'value' | 'prevYear';
  /** An error refuses the figure; a warning asks for a note. */
  severity: 'error' | 'warning';
  text: Texts;
}

export interface CheckIndicator {
  name: string;
  /** flow (year to date), stock, count, ratio. */
  kind: string;
  decimals: number;
  higherIsBetter?: boolean;
}

export interface CheckInput {
  indicator: CheckIndicator;
  /** The reporting month, 'YYYY-MM'. */
  period: string;
  /** What is typed: year to date, same period last year, the note. */
  value: string;
  prevYear?: string | null;
  note?: string | null;
  /** The previous month's year-to-date figure of the same year (none in January). */
  prevMonth?: string | null;
  /** The 确保 target, and the share of it expected by the month's end (percent). */
  target?: string | null;
  expectedShare?: string | null;
  /** Percent a figure may move from last month's pace before a note is needed (default 50). */
  moveShare?: string | number;
  /** A dekad indicator's 下旬 figure of the same month (year to date at the month's end), if reported. */
  lastDekad?: string | null;
}

export interface Live {
  yoy: string | null;
  completion: string | null;
  expectedShare: string | null;
  gap: string | null;
}

export interface CheckResult {
  /** Nothing typed: the indicator is not reported. */
  blank: boolean;
  findings: Finding[];
  errors: Finding[];
  warnings: Finding[];
  /** Warnings stand, and the note is empty: the figure cannot be submitted. */
  needsNote: boolean;
  live: Live;
}

export const DEFAULT_MOVE_SHARE = '50';

/** The form the API accepts: up to 14 digits, up to 6 decimals. */
export const NUMBER_PATTERN = /^-?\d{1,14}(\.\d{1,6})?$/;

export const NUMBER_REASON: Texts = { zh: '请输入数字，如 12.34', en: 'Enter a number such as 12.34' };

/** Why a text is not a number the form takes, or null when it is one (blank is no number, not an error). */
export function numberReason(raw: string | null | undefined): Texts | null {
  const t = (raw ?? '').trim();
  if (t === '' || NUMBER_PATTERN.test(t)) return null;
  const cleaned = t.replace(/[,，\s]/g, '');
  if (NUMBER_PATTERN.test(cleaned)) return { zh: '请去掉千分位逗号或空格，如 12345.6', en: 'Leave out thousands separators and spaces, e.g. 12345.6' };
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    return /\.\d{7,}$/.test(t)
      ? { zh: '最多6位小数', en: 'At most 6 decimals' }
      : { zh: '整数部分最多14位', en: 'At most 14 digits before the point' };
  }
  return NUMBER_REASON;
}

const cumulative = (kind: string) => kind === 'flow' || kind === 'count';
const month = (period: string) => Number(period.slice(5, 7));
const pct = (d: Decimal) => roundDecimal(d, 1).toFixed(1);

/**
 * The figure the month should be near, from last month's: a year-to-date flow
 * keeps last month's pace (prev × m / (m − 1)); a stock stays where it was.
 */
export function paceFrom(prevMonth: Decimal, kind: string, m: number): Decimal {
  return cumulative(kind) && m > 1 ? prevMonth.times(m).div(m - 1) : prevMonth;
}

/** Checks one row of the form. */
export function checkFigure(input: CheckInput): CheckResult {
  const findings: Finding[] = [];
  const ind = input.indicator;
  const raw = input.value.trim();
  const blank = raw === '';
  const bad = numberReason(raw);
  if (bad) findings.push({ code: 'number', field: 'value', severity: 'error', text: bad });
  const badPrev = numberReason(input.prevYear);
  if (badPrev) findings.push({ code: 'prev_year_number', field: 'prevYear', severity: 'error', text: badPrev });
  const value = blank || bad ? null : dec(raw);
  const prevMonth = month(input.period) > 1 ? safe(input.prevMonth) : null;
  const places = ind.decimals;
  if (value !== null && prevMonth !== null && ind.kind !== 'ratio') {
    const p = prevMonth.toFixed(places);
    if (cumulative(ind.kind) && value.lt(prevMonth)) {
      findings.push({
        code: 'ytd_drop',
        field: 'value',
        severity: 'warning',
        text: {
          zh: `本年累计${value.toFixed(places)}低于上月累计${p}，请在备注中说明原因`,
          en: `The year-to-date ${value.toFixed(places)} is below last month’s ${p}; explain why in the note`,
        },
      });
    } else {
      const share = dec(input.moveShare ?? DEFAULT_MOVE_SHARE);
      const pace = paceFrom(prevMonth, ind.kind, month(input.period));
      if (pace.gt(0)) {
        const move = value.minus(pace).abs().div(pace).times(100);
        if (move.gt(share)) {
          const e = pace.toFixed(places);
          findings.push({
            code: 'ytd_move',
            field: 'value',
            severity: 'warning',
            text: {
              zh: `与按上月（${p}）推算的${e}相差${pct(move)}%，超过${share.toString()}%，请核对计量单位并在备注中说明`,
              en: `${pct(move)}% away from ${e} expected from last month (${p}), more than ${share.toString()}%; check the measure and explain in the note`,
            },
          });
        }
      }
    }
  }
  const mismatch = value === null ? null : monthVsLastDekad(raw, input.lastDekad, places);
  if (mismatch) findings.push({ code: 'dekad_mismatch', field: 'value', severity: 'warning', text: mismatch });
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const a = assessFigure({
    actual: value,
    target: ind.kind === 'ratio' ? null : safe(input.target),
    prevYear: badPrev ? null : safe(input.prevYear),
    expectedShare: safe(input.expectedShare),
    lowerIsBetter: ind.higherIsBetter === false,
    decimals: places,
  });
  return {
    blank,
    findings,
    errors,
    warnings,
    needsNote: warnings.length > 0 && !(input.note ?? '').trim(),
    live: { yoy: a.yoy, completion: a.completion, expectedShare: a.expectedShare, gap: a.gap },
  };
}

/**
 * 以旬保月: a dekad indicator's month against its 下旬, which is year to date at the
 * same day, so the two should be one number. Compared at the indicator's decimals;
 * a difference is a warning that needs a note (the month is the official figure, the
 * dekad a quick count; neither is overwritten). Null when they agree or one is missing.
 */
export function monthVsLastDekad(monthValue: string | null | undefined, lastDekad: string | null | undefined, decimals: number): Texts | null {
  const m = safe(monthValue);
  const d = safe(lastDekad);
  if (m === null || d === null || m.toFixed(decimals) === d.toFixed(decimals)) return null;
  const dt = d.toFixed(decimals);
  return {
    zh: `与已报下旬累计${dt}不一致，请核对并在备注中说明`,
    en: `Differs from the last dekad’s year to date ${dt} already reported; check it and explain in the note`,
  };
}

function safe(x: string | null | undefined): Decimal | null {
  try {
    return decOrNull(x);
  } catch {
    return null;
  }
}

export interface ReportRowCheck {
  code: string;
  name: string;
  result: CheckResult;
}

/** The whole form: the rows left blank (not reported) and whether it may be submitted. */
export function checkReport(rows: ReportRowCheck[]) {
  const unreported = rows.filter((r) => r.result.blank).map((r) => ({ code: r.code, name: r.name }));
  const invalid = rows.filter((r) => r.result.errors.length > 0);
  const needNote = rows.filter((r) => r.result.needsNote);
  return { unreported, invalid, needNote, partial: unreported.length > 0 && unreported.length < rows.length };
}
