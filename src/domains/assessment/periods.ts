/**
 * Assessment and bulletin periods: '2022-07' (month), '2022-Q2' (quarter),
 * '2022-H1' / '2022-H2' (half-year), '2022' (year). Pure.
 * Flow figures are cumulative year-to-date, so a period is read at its last
 * month ('2022-Q2' → the 2022-06 figures, i.e. 1-6月).
 */
import { formatIsoDate, lastDayOfMonth } from '../../shared/calendar';
import type { PeriodKind } from '../../db/schema/assessment';

export interface Period {
  kind: Exclude<PeriodKind, 'campaign'>;
  code: string;
  year: number;
  start: string;
  end: string;
  /** The month whose cumulative figures describe the period: 'YYYY-MM'. */
  lastMonth: string;
  /** The month before the period starts ('' in January): the period's own amount is the difference. */
  firstMonth: number;
  /** '二季度', '上半年', '7月', '全年'. */
  label: string;
  /** '1-6月' (cumulative months), '1-7月'; '1月' in January. */
  cumulativeLabel: string;
}

const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];

export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/;

export function parsePeriod(code: string): Period | null {
  const m = code.match(/^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  let kind: Period['kind'];
  let first: number;
  let last: number;
  let label: string;
  if (m[2]) {
    kind = 'month';
    first = last = Number(m[2]);
    label = `${first}月`;
  } else if (m[3]) {
    kind = 'quarter';
    const q = Number(m[3]);
    first = q * 3 - 2;
    last = q * 3;
    label = QUARTERS[q - 1]!;
  } else if (m[4]) {
    kind = 'half';
    first = m[4] === '1' ? 1 : 7;
    last = m[4] === '1' ? 6 : 12;
    label = m[4] === '1' ? '上半年' : '下半年';
  } else {
    kind = 'year';
    first = 1;
    last = 12;
    label = '全年';
  }
  return {
    kind,
    code,
    year,
    start: formatIsoDate(year, first, 1),
    end: lastDayOfMonth(year, last),
    lastMonth: `${year}-${String(last).padStart(2, '0')}`,
    firstMonth: first,
    label,
    cumulativeLabel: last === 1 ? '1月' : `1-${last}月`,
  };
}

/** The period of the same kind just before this one ('2022-Q1' → '2021-Q4'); null for a campaign. */
export function previousPeriod(code: string): string | null {
  const p = parsePeriod(code);
  if (!p) return null;
  const m = code.match(/^(\d{4})-(?:(\d{2})|Q(\d)|H(\d))$/);
  if (p.kind === 'year') return String(p.year - 1);
  if (!m) return null;
  if (m[2]) return Number(m[2]) === 1 ? `${p.year - 1}-12` : `${p.year}-${String(Number(m[2]) - 1).padStart(2, '0')}`;
  if (m[3]) return Number(m[3]) === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${Number(m[3]) - 1}`;
  return m[4] === '1' ? `${p.year - 1}-H2` : `${p.year}-H1`;
}
