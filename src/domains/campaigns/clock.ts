// A campaign's countdown (剩余 N 天) and elapsed share of its time, on a date.
import { daysBetween } from '../../shared/calendar';
import { Decimal, round } from '../../shared/decimal';

export type CampaignPhase = 'upcoming' | 'running' | 'ended';

export interface CampaignClock {
  phase: CampaignPhase;
  /** Days from `asOf` to the end date (0 on the last day); 0 once ended. */
  daysLeft: number;
  /** Days from `asOf` to the start date while upcoming (距开始 N 天); 0 once started. */
  daysToStart: number;
  /** Days of the campaign, both ends included ("冲刺100天"). */
  totalDays: number;
  /** Percent of the campaign's days elapsed through `asOf` (one decimal). */
  elapsedShare: string;
}

export function campaignClock(startDate: string, endDate: string, asOf: string): CampaignClock {
  const totalDays = daysBetween(startDate, endDate) + 1;
  if (asOf < startDate) return { phase: 'upcoming', daysLeft: daysBetween(asOf, endDate), daysToStart: daysBetween(asOf, startDate), totalDays, elapsedShare: '0.0' };
  if (asOf > endDate) return { phase: 'ended', daysLeft: 0, daysToStart: 0, totalDays, elapsedShare: '100.0' };
  const elapsed = daysBetween(startDate, asOf) + 1;
  return {
    phase: 'running',
    daysLeft: daysBetween(asOf, endDate),
    daysToStart: 0,
    totalDays,
    elapsedShare: round(new Decimal(elapsed).div(totalDays).times(100), 1),
  };
}
