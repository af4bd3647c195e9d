// Zone counts from the register's tag dates (净增"四上"企业, 新增百亿元企业, …):
// one source, so nobody counts twice. ./feedIndicators writes them to the
// matching system-filled indicators of the targets domain.
import { and, eq, inArray } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { enterprises, enterpriseTagSpans } from '../../db/schema';
import { ZONE_COUNTS, tagChange, type TagSpan } from './rules';

/** A tag span with the unit its enterprise sits in (today). */
export type UnitSpan = TagSpan & { unitId: string };

/** Every span of the counted tags in the zone. */
export async function countedSpans(db: ReadDb | Tx, zoneId: string): Promise<UnitSpan[]> {
  return db
    .select({ enterpriseId: enterpriseTagSpans.enterpriseId, unitId: enterprises.unitId, tag: enterpriseTagSpans.tag, gainedOn: enterpriseTagSpans.gainedOn, lostOn: enterpriseTagSpans.lostOn })
    .from(enterpriseTagSpans)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseTagSpans.enterpriseId))
    .where(and(eq(enterpriseTagSpans.zoneId, zoneId), inArray(enterpriseTagSpans.tag, ZONE_COUNTS.map((c) => c.tag))));
}

/** The counts of a year from 1 January to `asOf` (capped at 31 December). */
export function countsOf(spans: readonly TagSpan[], year: number, asOf: string) {
  const from = `${year}-01-01`;
  const to = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  return {
    year,
    from,
    to,
    counts: ZONE_COUNTS.map((c) => {
      const change = tagChange(spans, c.tag, from, to);
      return { ...c, ...change, value: c.measure === 'net' ? change.net : change.gained };
    }),
  };
}

export async function zoneCounts(db: ReadDb, zoneId: string, year: number, asOf: string) {
  return countsOf(await countedSpans(db, zoneId), year, asOf);
}
