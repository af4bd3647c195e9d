// The register's zone counts as a feed of the targets domain (see ../feeds/sync),
// into the indicators bound to them (indicators.feed 'enterprises.…', feedKeys.ts):
// for each month the count from 1 January to the month's end, by the date each
// tag was gained or lost — zone-wide, and by the unit the enterprise sits in
// for indicators summed over units. A stock indicator (星级上云企业) takes the
// enterprises holding the tag at the month's end instead.
import type { Tx } from '../../db/client';
import type { Audit } from '../../server/context';
import { lastDayOfMonth, type IsoDate } from '../../shared/calendar';
import { feedAfterDates, type FeedSource, type Indicator, type Months, type Series } from '../feeds/sync';
import { countedSpans, countsOf, type UnitSpan } from './counts';
import { ENTERPRISE_FEED_KEYS, type EnterpriseCount } from './feedKeys';

/** The register count an indicator is bound to (indicators.feed), if any. */
const countOf = (ind: Indicator): EnterpriseCount | undefined => ENTERPRISE_FEED_KEYS.find((k) => k.key === ind.feed)?.count;

/** Each month's counts (1 January to the month's end) of some spans. */
const byMonth = (spans: readonly UnitSpan[], year: number) => Array.from({ length: 12 }, (_, i) => countsOf(spans, year, lastDayOfMonth(year, i + 1)).counts);

function monthsOf(counts: ReturnType<typeof byMonth>, ind: Indicator, count: EnterpriseCount): Months {
  return counts.map((month) => {
    const c = month.find((x) => x.indicatorCode === count)!;
    return ind.kind === 'stock' ? c.after : c.value;
  });
}

export const enterpriseFeed: FeedSource = {
  name: 'enterprises',
  keys: ENTERPRISE_FEED_KEYS.map((k) => k.key),
  async series(db, zoneId, year, inds) {
    const spans = await countedSpans(db, zoneId);
    const units = new Map<string, UnitSpan[]>();
    for (const s of spans) units.set(s.unitId, [...(units.get(s.unitId) ?? []), s]);
    const zone = byMonth(spans, year);
    const perUnit = [...units].map(([u, list]) => [u, byMonth(list, year)] as const);
    const out = new Map<string, Series>();
    for (const ind of inds) {
      const count = countOf(ind);
      if (!count) continue;
      const byUnit = new Map(ind.aggregation === 'sum' ? perUnit.map(([u, c]) => [u, monthsOf(c, ind, count)]) : []);
      out.set(ind.code, { zone: ind.aggregation === 'zone_reported' ? monthsOf(zone, ind, count) : [], byUnit });
    }
    return out;
  },
};

/** A date before any year the zone works in: recompute them all. */
export const EVERY_YEAR: IsoDate = '1900-01-01';

/**
 * Called by every register write that can change a count (a tag gained, lost
 * or removed, an enterprise moved to another unit, an import), in its
 * transaction. `dates` are the tag dates the write touched (earliest matters).
 */
export async function feedEnterpriseCounts(tx: Tx, audit: Audit, zoneId: string, dates: (IsoDate | null | undefined)[], today: IsoDate): Promise<number> {
  return feedAfterDates(tx, audit, zoneId, enterpriseFeed, dates, today, { carriesOn: true });
}
