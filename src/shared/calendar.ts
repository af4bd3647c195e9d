// Chinese working-day calendar on plain 'YYYY-MM-DD' strings.
// Holidays and swapped working days (调休) come from the maintained `chinese-days`
// package; nothing here is hand-typed. We read the package's generated data file
// rather than call its functions: those key their tables by local-time dates and
// shift every holiday by a day on servers west of UTC. Dates carry no time zone:
// arithmetic is done on UTC day numbers.
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** A calendar date as 'YYYY-MM-DD'. */
export type IsoDate = string;

export class CalendarError extends Error {
  readonly code = 'calendar.invalid_date';
  readonly messages: { zh: string; en: string };
  constructor(value: unknown) {
    const shown = typeof value === 'string' ? value : String(value);
    const messages = { zh: `日期格式无效：${shown}（应为YYYY-MM-DD）`, en: `Invalid date: ${shown} (expected YYYY-MM-DD)` };
    super(messages.en);
    this.name = 'CalendarError';
    this.messages = messages;
  }
}

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Years below 1000 would hit Date.UTC's 19xx mapping of two-digit years.
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Splits a date into numbers; throws CalendarError on anything but a real 'YYYY-MM-DD'. */
export function parseIsoDate(d: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(d)) throw new CalendarError(d);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Plans and forecasts turn the same few hundred dates into day numbers over and
// over; remembering them (a bounded memo) keeps parsing out of the hot path.
const dayNumbers = new Map<string, number>();

function toDayNumber(d: IsoDate): number {
  const known = dayNumbers.get(d);
  if (known !== undefined) return known;
  const { year, month, day } = parseIsoDate(d);
  const n = Date.UTC(year, month - 1, day) / DAY_MS;
  if (dayNumbers.size >= 20_000) dayNumbers.clear();
  dayNumbers.set(d, n);
  return n;
}

function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * DAY_MS);
  return formatIsoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** "2023年7月16日" (Arabic numerals, no leading zeros), as GB/T 9704 writes 成文日期 and bulletins write dates. */
export function cnDate(iso: IsoDate): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** -1, 0 or 1; ISO strings compare correctly as text, but this validates them too. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(daysBetween(b, a));
}

export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, d) => (compareDates(d, acc) > 0 ? d : acc), first);
}

export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, d) => (compareDates(d, acc) < 0 ? d : acc), first);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Last calendar day of a month, e.g. "8月底前" → lastDayOfMonth(2022, 8) = '2022-08-31'. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

// Days off that fall on Mon–Fri, and weekend days swapped into working days.
const daysOff: Readonly<Record<string, string>> = holidayData.holidays;
const swappedWorkdays: Readonly<Record<string, string>> = holidayData.workdays;
const yearsWithData = new Set(Object.keys(daysOff).map((d) => Number(d.slice(0, 4))));

export function isWorkday(d: IsoDate): boolean {
  if (Object.hasOwn(swappedWorkdays, d)) return true;
  const weekday = new Date(toDayNumber(d) * DAY_MS).getUTCDay();
  return weekday >= 1 && weekday <= 5 && !Object.hasOwn(daysOff, d);
}

/**
 * Whether the package knows the State Council's holiday arrangement for a year
 * (published each November). Outside it only weekends count as days off, so
 * callers can warn that far-future working-day dates are provisional.
 */
export function hasHolidayData(year: number): boolean {
  return yearsWithData.has(year);
}

/**
 * The first day off of a holiday in a year ('国庆节', '春节', '劳动节'…, names as in
 * `chinese-days`), or undefined when the package has no arrangement for that year.
 */
export function holidayStart(year: number, name: string): IsoDate | undefined {
  return holidayStarts().get(`${year}:${name}`);
}

let starts: Map<string, IsoDate> | null = null;
function holidayStarts(): Map<string, IsoDate> {
  if (starts) return starts;
  starts = new Map();
  for (const d of Object.keys(daysOff).sort()) {
    const key = `${d.slice(0, 4)}:${daysOff[d]!.split(',')[1]}`;
    if (!starts.has(key)) starts.set(key, d);
  }
  return starts;
}

/** The holiday d belongs to ('国庆节'), as a day off or a swapped working day (调休上班). */
export function holidayName(d: IsoDate): string | undefined {
  const entry = swappedWorkdays[d] ?? daysOff[d];
  return entry?.split(',')[1];
}

// Working-day arithmetic in O(1): for the years the table covers, `before[i]` counts
// the working days among its first i days, and `days[k]` is the k-th working day.
// Planning and forecasts ask these questions thousands of times per project, so
// day-by-day loops (and the date strings they made) were most of a battle map's
// cost. Outside the table the plain loops below give the same answers.
const TABLE_FROM = Date.UTC(1990, 0, 1) / DAY_MS;
const TABLE_TO = Date.UTC(2101, 0, 1) / DAY_MS; // exclusive
let table: { before: Int32Array; days: Int32Array } | null = null;

function workdayTable() {
  if (table) return table;
  const span = TABLE_TO - TABLE_FROM;
  const before = new Int32Array(span + 1);
  const days: number[] = [];
  // isWorkday by numbers: 1970-01-01 (day 0) was a Thursday.
  const off = new Set(Object.keys(daysOff).map(toDayNumber));
  const swapped = new Set(Object.keys(swappedWorkdays).map(toDayNumber));
  for (let i = 0; i < span; i++) {
    const n = TABLE_FROM + i;
    const weekday = (((n + 4) % 7) + 7) % 7;
    const work = swapped.has(n) || (weekday >= 1 && weekday <= 5 && !off.has(n));
    if (work) days.push(TABLE_FROM + i);
    before[i + 1] = before[i]! + (work ? 1 : 0);
  }
  table = { before, days: Int32Array.from(days) };
  return table;
}

/** Working days in [TABLE_FROM, n): defined for TABLE_FROM ≤ n ≤ TABLE_TO. */
const workdaysBefore = (n: number) => workdayTable().before[n - TABLE_FROM]!;
const inTable = (n: number) => n >= TABLE_FROM && n <= TABLE_TO;

/** The k-th working day of the table (0-based), or undefined past its ends. */
function kthWorkday(k: number): number | undefined {
  const { days } = workdayTable();
  return k >= 0 && k < days.length ? days[k] : undefined;
}

/** n working days after day d (n ≥ 1), or before it (n ≤ -1); undefined when it leaves the table. */
function stepWorkdays(d: number, n: number): number | undefined {
  if (!inTable(d) || !inTable(d + 1)) return undefined;
  // Working days up to and including d, or strictly before d.
  return n > 0 ? kthWorkday(workdaysBefore(d + 1) + n - 1) : kthWorkday(workdaysBefore(d) + n);
}

function loopWorkday(d: IsoDate, step: 1 | -1): IsoDate {
  let n = toDayNumber(d) + step;
  while (!isWorkday(fromDayNumber(n))) n += step;
  return fromDayNumber(n);
}

/** The first working day strictly after d. */
export function nextWorkday(d: IsoDate): IsoDate {
  const n = stepWorkdays(toDayNumber(d), 1);
  return n === undefined ? loopWorkday(d, 1) : fromDayNumber(n);
}

/** The last working day strictly before d. */
export function prevWorkday(d: IsoDate): IsoDate {
  const n = stepWorkdays(toDayNumber(d), -1);
  return n === undefined ? loopWorkday(d, -1) : fromDayNumber(n);
}

/** d itself when it is a working day, else the next one (a start date rolls forward). */
export function workdayOnOrAfter(d: IsoDate): IsoDate {
  return isWorkday(d) ? d : nextWorkday(d);
}

/** d itself when it is a working day, else the previous one (a deadline rolls back). */
export function workdayOnOrBefore(d: IsoDate): IsoDate {
  return isWorkday(d) ? d : prevWorkday(d);
}

/**
 * Moves n working days from d. From a working day, +1 is the next working day and
 * -1 the previous one. From a day off, +1 is the first working day after it (a
 * Saturday request is due the following working day). n = 0 rolls forward to a
 * working day, so the result is always a working day.
 */
export function addWorkdays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkdays: n must be an integer, got ${n}`);
  if (n === 0) return workdayOnOrAfter(d);
  const fast = stepWorkdays(toDayNumber(d), n);
  if (fast !== undefined) return fromDayNumber(fast);
  let cur = d;
  for (let i = 0; i < Math.abs(n); i++) cur = loopWorkday(cur, n > 0 ? 1 : -1);
  return cur;
}

/**
 * Working days in the half-open span (a, b]: negative when b is before a.
 * Chosen so that workdaysBetween(d, addWorkdays(d, n)) === n for a working day d.
 */
export function workdaysBetween(a: IsoDate, b: IsoDate): number {
  const [x, y] = [toDayNumber(a), toDayNumber(b)];
  const [from, to, sign] = y >= x ? [x, y, 1] : [y, x, -1];
  if (inTable(from + 1) && inTable(to + 1)) return sign * (workdaysBefore(to + 1) - workdaysBefore(from + 1));
  let count = 0;
  for (let n = from + 1; n <= to; n++) if (isWorkday(fromDayNumber(n))) count++;
  return sign * count;
}

export interface Dekad {
  year: number;
  month: number;
  dekad: 1 | 2 | 3;
  start: IsoDate;
  end: IsoDate;
}

/** 旬: days 1–10, 11–20, 21–end of month. */
export function dekadOf(d: IsoDate): Dekad {
  const { year, month, day } = parseIsoDate(d);
  const dekad = day <= 10 ? 1 : day <= 20 ? 2 : 3;
  const start = formatIsoDate(year, month, dekad * 10 - 9);
  const end = dekad === 3 ? lastDayOfMonth(year, month) : formatIsoDate(year, month, dekad * 10);
  return { year, month, dekad, start, end };
}

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  start: IsoDate;
  end: IsoDate;
}

/** Calendar quarter ("三季度" = July–September). */
export function quarterOf(d: IsoDate): Quarter {
  const { year, month } = parseIsoDate(d);
  const quarter = Math.ceil(month / 3) as 1 | 2 | 3 | 4;
  return {
    year,
    quarter,
    start: formatIsoDate(year, quarter * 3 - 2, 1),
    end: lastDayOfMonth(year, quarter * 3),
  };
}

/** Source of the current instant; inject a fixed one in tests. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

// Zones are in China, which has kept UTC+8 without daylight saving since 1991;
// "today" is the zone's date whatever TZ the server runs in.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China (UTC+8). */
export function today(clock: Clock = systemClock): IsoDate {
  const shifted = new Date(clock().getTime() + CHINA_OFFSET_MS);
  return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
