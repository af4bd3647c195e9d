// 招商 counts as a feed of the targets domain (see ../feeds/sync), into the
// indicators bound to them (indicators.feed 'attraction.…', feedKeys.ts): for each month
// the signings from 1 January to the month's end — 新签约亿元以上项目 and their
// planned investment, 新签约外资项目 and theirs (亿元 at the zone's rate for the
// year, or 亿美元 when the indicator is kept in 亿美元) — zone-wide, and by the
// handling unit (lead) or responsible unit (project) for indicators summed
// over units. A month whose amount needs a missing USD rate is left alone.
import type { Tx } from '../../db/client';
import type { Audit } from '../../server/context';
import type { IsoDate } from '../../shared/calendar';
import { feedAfterDates, type FeedSource, type Indicator, type Months, type Series } from '../feeds/sync';
import { getSettings } from '../projects/views';
import { ATTRACTION_FEED_KEYS, type AttractionFeedKey } from './feedKeys';
import { countSignings, signingsOf, type MonthCount, type Signing } from './signings';

type Pick = (c: MonthCount, ind: Indicator) => string | number | null;

/** What each feed key (feedKeys.ts) takes from a month's counts. */
const PICK: Record<AttractionFeedKey, Pick> = {
  'attraction.signed_projects': (c) => c.signedLarge,
  'attraction.signed_investment': (c, ind) => (ind.measure === '亿美元' ? null : c.signedLargeInvestmentYuan),
  'attraction.foreign_projects': (c) => c.foreignProjects,
  'attraction.foreign_investment': (c, ind) => (ind.measure === '亿美元' ? c.foreignInvestmentUsd : c.foreignInvestmentYuan),
};
const pickOf = (ind: Indicator): Pick | undefined => (ind.feed && Object.hasOwn(PICK, ind.feed) ? PICK[ind.feed as AttractionFeedKey] : undefined);

export const attractionFeed: FeedSource = {
  name: 'attraction',
  keys: ATTRACTION_FEED_KEYS.map((k) => k.key),
  async series(db, zoneId, year, inds) {
    // Inside a writer's transaction: one query at a time (see feeds/sync.ts).
    const signings = await signingsOf(db, zoneId, year);
    const settings = await getSettings(db, zoneId);
    const rate = settings.usdRates[String(year)];
    const ytdOf = (list: readonly Signing[]) => countSignings(list, year, rate).ytd;
    const zone = ytdOf(signings);
    const byUnit = new Map<string, MonthCount[]>();
    const units = [...new Set(signings.map((s) => s.unitId))];
    for (const u of units) byUnit.set(u, ytdOf(signings.filter((s) => s.unitId === u)));
    const out = new Map<string, Series>();
    for (const ind of inds) {
      const pick = pickOf(ind);
      if (!pick) continue;
      const months = (ytd: MonthCount[]): Months => ytd.map((c) => pick(c, ind));
      out.set(ind.code, { zone: months(zone), byUnit: new Map([...byUnit].map(([u, ytd]) => [u, months(ytd)])) });
    }
    return out;
  },
};

/** Called by every lead write that can change a count, in its transaction; `dates` are the signing dates before and after. */
export async function feedAttractionCounts(tx: Tx, audit: Audit, zoneId: string, dates: (IsoDate | null | undefined)[], today: IsoDate): Promise<number> {
  return feedAfterDates(tx, audit, zoneId, attractionFeed, dates, today);
}
