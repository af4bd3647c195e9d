/**
 * 以日保旬、以旬保月: the rules of dekad (旬) reporting, pure and framework-free
 * (the server refuses with them, the web form offers and explains with them).
 * A dekad figure is year to date at the dekad's last day (10th, 20th, month end).
 * Time progress at a dekad's end is ./progress.ts's expectedShare on that day; the
 * month against its 下旬 is a reporting check (./checks.ts, shared with the web form).
 */
import { dekadOf, lastDayOfMonth, type IsoDate } from '../../shared/calendar';
import { dec, type Decimal, type DecimalLike } from '../../shared/decimal';
import { expectedShare, type ExpectedShareMode, type MonthlyPlan } from './progress';
import type { Texts } from './checks';

export type DekadNo = 1 | 2 | 3;
export const DEKADS: readonly DekadNo[] = [1, 2, 3];
export const DEKAD_ZH: Record<DekadNo, string> = { 1: '上旬', 2: '中旬', 3: '下旬' };
export const DEKAD_EN: Record<DekadNo, string> = { 1: 'first dekad', 2: 'second dekad', 3: 'last dekad' };

/** One dekad of a month: period 'YYYY-MM' and 1 | 2 | 3. */
export interface DekadRef {
  period: string;
  dekad: DekadNo;
}

/** The last day of a dekad: the 10th, the 20th or the month's last day. */
export function dekadEnd(period: string, dekad: DekadNo): IsoDate {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return dekad === 3 ? lastDayOfMonth(year, month) : (`${period}-${dekad === 1 ? '10' : '20'}` as IsoDate);
}

/** A dekad can be reported from its last day on (as a month from its last day). */
export function isDekadClosed(ref: DekadRef, todayIso: string): boolean {
  return dekadEnd(ref.period, ref.dekad) <= todayIso;
}

/** The newest dekad closed by `todayIso` (on the 10th, the 上旬 of that month; on the 5th, last month's 下旬). */
export function latestClosedDekad(todayIso: IsoDate): DekadRef {
  const d = dekadOf(todayIso);
  const period = todayIso.slice(0, 7);
  if (d.end === todayIso) return { period, dekad: d.dekad };
  if (d.dekad > 1) return { period, dekad: (d.dekad - 1) as DekadNo };
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return { period: prev, dekad: 3 };
}

/** The dekads of a month closed by `todayIso`, in order (none for a month in the future). */
export function closedDekads(period: string, todayIso: string): DekadNo[] {
  return DEKADS.filter((dekad) => isDekadClosed({ period, dekad }, todayIso));
}

/** Position within the year: January 上旬 = 0 … December 下旬 = 35. */
export function dekadIndex(ref: DekadRef): number {
  return (Number(ref.period.slice(5, 7)) - 1) * 3 + ref.dekad - 1;
}

/** The dekad before, within the same year (a year to date starts again on 1 January: none before January 上旬). */
export function previousDekad(ref: DekadRef): DekadRef | null {
  const i = dekadIndex(ref);
  if (i === 0) return null;
  const j = i - 1;
  return { period: `${ref.period.slice(0, 4)}-${String(Math.floor(j / 3) + 1).padStart(2, '0')}`, dekad: ((j % 3) + 1) as DekadNo };
}

export const dekadLabel = (ref: DekadRef): Texts => {
  const m = Number(ref.period.slice(5, 7));
  return { zh: `${m}月${DEKAD_ZH[ref.dekad]}`, en: `the ${DEKAD_EN[ref.dekad]} of ${ref.period}` };
};

const cumulative = (kind: string) => kind === 'flow' || kind === 'count';

/**
 * A year-to-date flow or count never falls within a year: the value of a dekad
 * must be at least the year's nearest earlier dekad figure and at most its nearest
 * later one. `others` are the indicator's other dekad figures of the same year
 * and unit. Returns why it is refused, or null. Stocks may move either way.
 */
export function dekadDrop(kind: string, at: DekadRef, value: DecimalLike, others: readonly (DekadRef & { value: DecimalLike })[], decimals = 2): Texts | null {
  if (!cumulative(kind)) return null;
  const v = dec(value);
  const i = dekadIndex(at);
  const year = at.period.slice(0, 4);
  const same = others.filter((o) => o.period.slice(0, 4) === year && dekadIndex(o) !== i);
  const before = same.filter((o) => dekadIndex(o) < i).sort((a, b) => dekadIndex(b) - dekadIndex(a))[0];
  const after = same.filter((o) => dekadIndex(o) > i).sort((a, b) => dekadIndex(a) - dekadIndex(b))[0];
  if (before && v.lt(dec(before.value))) {
    const b = dec(before.value).toFixed(decimals);
    const l = dekadLabel(before);
    return { zh: `本年累计${v.toFixed(decimals)}低于${l.zh}累计${b}，累计数不能减少`, en: `The year to date ${v.toFixed(decimals)} is below ${l.en}’s ${b}; a year to date cannot fall` };
  }
  if (after && v.gt(dec(after.value))) {
    const a = dec(after.value).toFixed(decimals);
    const l = dekadLabel(after);
    return { zh: `本年累计${v.toFixed(decimals)}高于${l.zh}已报累计${a}，累计数不能减少`, en: `The year to date ${v.toFixed(decimals)} is above ${l.en}’s ${a} already reported; a year to date cannot fall` };
  }
  return null;
}

/**
 * Time progress (序时进度, percent) at a dekad's last day: the same expectedShare
 * the month is judged by, on another day. In 'months' and 'plan' mode it moves
 * only when a month is complete, so 上旬 and 中旬 read the previous month's.
 */
export function dekadExpectedShare(ref: DekadRef, mode: 'days' | 'months'): Decimal;
export function dekadExpectedShare(ref: DekadRef, mode: ExpectedShareMode, monthlyPlan?: MonthlyPlan | null, annualTarget?: DecimalLike | null): Decimal | null;
export function dekadExpectedShare(ref: DekadRef, mode: ExpectedShareMode, monthlyPlan?: MonthlyPlan | null, annualTarget?: DecimalLike | null): Decimal | null {
  const year = Number(ref.period.slice(0, 4));
  const end = dekadEnd(ref.period, ref.dekad);
  return mode === 'plan' ? expectedShare(end, year, 'plan', monthlyPlan ?? undefined, annualTarget) : expectedShare(end, year, mode);
}

