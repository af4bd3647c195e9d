// What a bulletin covers: a month, quarter, half-year or year ('2023-06',
// '2023-Q2', '2023-H1', '2023'), or a campaign (its own dates). Flow figures are
// year-to-date, so every period is read at its last month's cumulative figures.
import { and, eq } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { campaigns, type PeriodKind } from '../../db/schema';
import { AppError } from '../../shared/errors';
import { parsePeriod } from '../assessment/periods';

export interface BulletinPeriod {
  kind: PeriodKind;
  /** '2023-06', '2023-Q2', '2023-H1', '2023'; a campaign's id. */
  code: string;
  year: number;
  start: string;
  end: string;
  lastMonth: string;
  /** '6月', '二季度', '上半年', or the campaign's name. */
  label: string;
  /** '1-6月'. */
  cumulativeLabel: string;
  /** How the lead paragraph opens: '上半年' for the 1–6月 figures, '一季度', '全年', else '1-7月'. */
  leadLabel: string;
  /** '2023年上半年', '2023年1-7月', the campaign's name. */
  titleLabel: string;
}

/** The cumulative months named the way a bulletin says them. */
export function leadLabelOf(lastMonth: number): string {
  return ({ 3: '一季度', 6: '上半年', 12: '全年' } as Record<number, string>)[lastMonth] ?? (lastMonth === 1 ? '1月' : `1-${lastMonth}月`);
}

const badPeriod = (period: string) =>
  new AppError('bulletins.period', { period });

/** A calendar period, or throws a clear error. */
export function calendarPeriod(code: string): BulletinPeriod {
  const p = parsePeriod(code);
  if (!p) throw badPeriod(code);
  const last = Number(p.lastMonth.slice(5));
  const leadLabel = leadLabelOf(last);
  return {
    ...p,
    leadLabel: p.kind === 'month' ? leadLabel : p.label,
    titleLabel: `${p.year}年${p.kind === 'month' ? p.cumulativeLabel : p.label}`,
  };
}

/** A campaign's period: its dates, read at the last month ended by `todayIso` (or its end). */
export async function campaignPeriod(db: ReadDb | Tx, zoneId: string, campaignId: string, todayIso: string): Promise<BulletinPeriod> {
  const [c] = await db.select().from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.zoneId, zoneId)));
  if (!c) throw new AppError('not_found', { entity: '专项行动' });
  const endIso = c.endDate < todayIso ? c.endDate : todayIso;
  let [y, m] = endIso.split('-').map(Number) as [number, number];
  // A running campaign is read at the last month that has ended.
  if (endIso === todayIso && c.endDate > todayIso) [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  if (`${y}-${String(m).padStart(2, '0')}` < c.startDate.slice(0, 7)) {
    throw new AppError('bulletins.campaign_early', { name: c.name });
  }
  return {
    kind: 'campaign',
    code: c.id,
    year: y,
    start: c.startDate,
    end: c.endDate,
    lastMonth: `${y}-${String(m).padStart(2, '0')}`,
    label: c.name,
    cumulativeLabel: m === 1 ? '1月' : `1-${m}月`,
    leadLabel: leadLabelOf(m),
    titleLabel: c.name,
  };
}
