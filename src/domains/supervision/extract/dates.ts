/** Calendar helpers and the document's own date (year, meeting/publication day). */
import { parseChineseInt } from './numerals';

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Days from an ISO date to the Sunday that ends its week (Monday to Sunday): 0 on a Sunday. */
export function daysToSunday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return (7 - new Date(Date.UTC(y, m - 1, d)).getUTCDay()) % 7;
}

/** Adds calendar months, clamping to the month's last day (01-31 + 1 month → 02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(d, lastDayOfMonth(ny, nm)));
}

/** 8 / 八 / 十二 → 8 / 8 / 12 */
/**
 * The part of a year that runs from January to now: "前7月", "前10个月", "前三个月", "前三季度". A reporting period,
 * never the year's end (round 36); the months are the one capture group.
 */
export const YEAR_TO_DATE = String.raw`前(\d{1,2}|[一二三四五六七八九十]{1,3})个?月|前三季度`;

export function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseInt(s);
}

export interface DocumentDate {
  year: number | null;
  /** ISO date of the document (meeting or publication day) when known */
  date: string | null;
  /** offset where the date was read */
  at: number | null;
}

const CN = '[〇零一二三四五六七八九十]';
const FULL_DATE = new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})(?!\d)`, 'g');
const MONTH_DAY = new RegExp(String.raw`(?<![\d年-])(\d{1,2}|${CN}{1,3})月(\d{1,2}|${CN}{1,3})日(?!前|之前|以前|止)`, 'g');
const YEAR_WORD = /(?<!\d)((?:19|20)\d{2})年/g;

/**
 * Reads the document's year and date. The year: the first full date (2022-08-14, 2021年8月24日),
 * else the most frequent "YYYY年" that is not a target ("计划2025年投产", "到2025年" do not count;
 * ties → the later year), else null. The date: the first date in
 * text order, a month-day ("8月14日") taking the year.
 */
const TARGET_BEFORE = /(?:计划|预计|力争|争取|确保|到|至|于|在)$/;

export function detectDocumentDate(norm: string, yearOverride?: number, dateOverride?: string): DocumentDate {
  // a date given by the caller (the meeting or publication day) wins over the text
  const given = dateOverride ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOverride) : null;
  if (given && isValidDate(Number(given[1]), Number(given[2]), Number(given[3]))) {
    const y = Number(given[1]);
    // (a date before the year given, "2018-12-26" for a 2019 plan, is dropped: the plan's times are read in its own year; a date
    // after it, a report of 2018 delivered in January 2019, stays, so that nothing of 2018 is dated as still ahead, round 38)
    return { year: yearOverride ?? y, date: yearOverride === undefined || yearOverride <= y ? dateOverride! : null, at: null };
  }
  interface Cand { at: number; y: number | null; m: number; d: number }
  const cands: Cand[] = [];
  for (const m of norm.matchAll(FULL_DATE)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (isValidDate(y, mo, d)) cands.push({ at: m.index!, y, m: mo, d });
  }
  for (const m of norm.matchAll(MONTH_DAY)) {
    const mo = smallNumber(m[1]!);
    const d = smallNumber(m[2]!);
    if (mo !== null && d !== null) cands.push({ at: m.index!, y: null, m: mo, d });
  }
  cands.sort((a, b) => a.at - b.at);
  let year: number | null = yearOverride ?? null;
  if (year === null) {
    const full = cands.find((c) => c.y !== null);
    if (full) year = full.y;
  }
  if (year === null) {
    const counts = new Map<number, number>();
    for (const m of norm.matchAll(YEAR_WORD)) {
      // a year set as a target ("计划2025年投产", "力争到2025年") is not the text's own year
      if (TARGET_BEFORE.test(norm.slice(Math.max(0, m.index! - 3), m.index!))) continue;
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    let best = 0;
    for (const [y, c] of counts) {
      if (c > best || (c === best && year !== null && y > year)) {
        best = c;
        year = y;
      }
    }
  }
  let date: string | null = null;
  let at: number | null = null;
  for (const c of cands) {
    const y = c.y ?? year;
    if (y === null) continue;
    if (yearOverride !== undefined && c.y !== null && c.y !== yearOverride) continue;
    if (!isValidDate(y, c.m, c.d)) continue;
    date = iso(y, c.m, c.d);
    at = c.at;
    break;
  }
  return { year, date, at };
}

const CNN = '[〇零一二三四五六七八九十]';
const DATE_MASKS: RegExp[] = [
  /(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}/g,
  /(?:19|20)\d{2}年/g,
  /[〇零一二三四五六七八九]{4}年/g,
  new RegExp(String.raw`(?:\d{1,2}|${CNN}{1,3})\s*[-~至到]\s*(?:\d{1,2}|${CNN}{1,3})月份?`, 'g'),
  new RegExp(String.raw`(?:\d{1,2}|${CNN}{1,3})月份?(?:(?:\d{1,2}|${CNN}{1,3})[日号])?`, 'g'),
  /\d{1,2}:\d{2}(?::\d{2})?/g,
  // the end of a day range is a day, not a count: "7月3-6日", "…—18日"
  /(?<=月\d{1,2}\s*)[-~至到—]\s*\d{1,2}[日号]/g,
  // …and after a whole day: "12月13日至23日", "4月25日和27日" (round 8; sets e and g)
  /(?<=\d[日号]\s*)(?:[-~至到—和、及]|以及)\s*(?:[12]?\d|3[01])[日号]/g,
  // a day in brackets after 昨天 / 今天: "昨天（28日）" (round 8)
  /(?<=(?:昨天|今天|前天|昨日|今日|前日)\s*[（(])(?:[12]?\d|3[01])日(?=[）)])/g,
  /[—~－]\s*(?:[12]?\d|3[01])[日号]/g,
  // a day of the month without its month, as the time of an event: "9日在广州南沙举行", "20日上午"
  /(?<![\d月.])(?:[12]?\d|3[01])日(?=上午|下午|晚上?|早上|凌晨|在|举行|召开|开幕|讯|电)/g,
  // …in Chinese numerals too: "十七日上午在泉州酒店举行" (round 11)
  /(?<![一二三四五六七八九十月])(?:[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])日(?=上午|下午|晚上?|早上|凌晨|在|举行|召开|开幕|讯|电)/g,
  // a day opening a sentence, after a dateline: "…11月13日电 …。13日，在…", "9月9日电（记者 刘鹏）9日，" (round 10)
  /(?<=(?:^|[。！？\n）)]|\d日电)\s*)(?:[12]?\d|3[01])日(?=[，,])/g,
];

/**
 * Marks years, dates, months and clock times (and everything already marked in `base`, e.g.
 * quotations): no quantity starts there.
 */
export function dateMask(norm: string, base?: Uint8Array): Uint8Array {
  const m = base ? new Uint8Array(base) : new Uint8Array(norm.length);
  for (const re of DATE_MASKS) {
    for (const x of norm.matchAll(re)) m.fill(1, x.index!, x.index! + x[0].length);
  }
  return m;
}
