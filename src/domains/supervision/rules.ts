// Pure rules of supervision: reporting periods by cadence, whether a report is
// due, how a task counts (on time / late / closed), notice numbers and dates in
// official wording.
import { daysBetween, dekadOf, parseIsoDate, type IsoDate } from '../../shared/calendar';
import type { LoopState } from '../../shared/loop/machine';

export type Cadence = 'dekad' | 'month';

/** The reporting period a day falls in: '2022-08' (每月) or '2022-08-2' (每旬, second dekad). */
export function periodOf(day: IsoDate, cadence: Cadence): string {
  const month = day.slice(0, 7);
  if (cadence === 'month') return month;
  return `${month}-${dekadOf(day).dekad}`;
}

/** A task in progress owes a report when its lead has not reported in the current period (每旬/每月). */
export function reportDue(
  state: LoopState,
  cadence: Cadence,
  today: IsoDate,
  lastLeadPeriod: string | null,
): boolean {
  if (state === 'closed' || state === 'found' || state === 'verifying') return false;
  return lastLeadPeriod !== periodOf(today, cadence);
}

export type Standing = 'closed' | 'late' | 'amber' | 'on_time';

/**
 * How a task counts today. Closed is closed; an open task past its deadline is
 * late unless the supervisor accepted an explanation or made it a long-term
 * follow-up; amber from `amberDays` before the deadline; otherwise on time.
 */
export function standing(
  t: { state: LoopState; deadline: IsoDate | null; amberDays: number; explained?: boolean; longTerm?: boolean },
  today: IsoDate,
): Standing {
  if (t.state === 'closed') return 'closed';
  if (!t.deadline) return 'on_time';
  const left = daysBetween(today, t.deadline);
  if (left < 0) return t.explained || t.longTerm ? 'on_time' : 'late';
  return left <= t.amberDays ? 'amber' : 'on_time';
}

export interface Counts {
  total: number;
  onTime: number;
  amber: number;
  late: number;
  closed: number;
}

export function countStandings(list: Standing[]): Counts {
  const c: Counts = { total: list.length, onTime: 0, amber: 0, late: 0, closed: 0 };
  for (const s of list) {
    if (s === 'closed') c.closed++;
    else if (s === 'late') c.late++;
    else if (s === 'amber') c.amber++;
    else c.onTime++;
  }
  return c;
}

/** 经开督〔2022〕3号 — the year in hexagonal brackets 〔〕, the number without leading zeros. */
export function noticeNumber(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError('notice sequence must be a positive integer');
  return `${prefix}〔${year}〕${seq}号`;
}

/** 2022-08-31 → 2022年8月31日 (official documents write Arabic numerals without leading zeros). */
export function zhDate(d: IsoDate): string {
  const { year, month, day } = parseIsoDate(d);
  return `${year}年${month}月${day}日`;
}

/** Calendar days a task is past its deadline today (0 when not late). */
export function daysLate(deadline: IsoDate | null, today: IsoDate): number {
  if (!deadline) return 0;
  return Math.max(0, daysBetween(deadline, today));
}
