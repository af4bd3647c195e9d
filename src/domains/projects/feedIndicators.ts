// Projects' 新开工 and 竣工投产 counts as a feed of the targets domain (see
// ../feeds/sync), into the indicators bound to 'projects.started' and
// 'projects.producing' (indicators.feed, feedKeys.ts): for each month the
// projects whose actual 开工 / 投产 date falls from 1 January to the month's end
// (stageCounts.ts) — zone-wide, and by responsible unit for indicators summed
// over units. Judged against 序时进度 like any other indicator.
import { and, eq, or, sql } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { projects } from '../../db/schema';
import type { Audit } from '../../server/context';
import type { IsoDate } from '../../shared/calendar';
import { feedAfterDates, type FeedSource, type Indicator, type Months, type Series } from '../feeds/sync';
import { PROJECT_FEED_KEYS, type ProjectFeedKey } from './feedKeys';
import { stageCounts, stageCountsByUnit, stageDatesOf, type StageMonth } from './stageCounts';

const PICK: Record<ProjectFeedKey, (m: StageMonth) => number> = {
  'projects.started': (m) => m.started,
  'projects.producing': (m) => m.producing,
};
const pickOf = (ind: Indicator) => (ind.feed && Object.hasOwn(PICK, ind.feed) ? PICK[ind.feed as ProjectFeedKey] : undefined);

/** The zone's projects with an actual 开工 or 投产 date in `year`. */
export async function projectStageDates(db: ReadDb | Tx, zoneId: string, year: number) {
  const inYear = (stage: 'started' | 'producing') => sql`${projects.stageDates}->${stage}->>'actual' LIKE ${`${year}-%`}`;
  const rows = await db
    .select({ unitId: projects.responsibleUnitId, stageDates: projects.stageDates })
    .from(projects)
    .where(and(eq(projects.zoneId, zoneId), or(inYear('started'), inYear('producing'))));
  return rows.map((r) => stageDatesOf(r.unitId, r.stageDates));
}

export const projectFeed: FeedSource = {
  name: 'projects',
  keys: PROJECT_FEED_KEYS.map((k) => k.key),
  async series(db, zoneId, year, inds) {
    const list = await projectStageDates(db, zoneId, year);
    const zone = stageCounts(list, year);
    const byUnit = stageCountsByUnit(list, year);
    const out = new Map<string, Series>();
    for (const ind of inds) {
      const pick = pickOf(ind);
      if (!pick) continue;
      const months = (c: StageMonth[]): Months => c.map(pick);
      out.set(ind.code, { zone: months(zone), byUnit: new Map([...byUnit].map(([u, c]) => [u, months(c)])) });
    }
    return out;
  },
};

/** Called by every project write that can change a count, in its transaction; `dates` are the 开工/投产 dates before and after. */
export async function feedProjectCounts(tx: Tx, audit: Audit, zoneId: string, dates: (IsoDate | null | undefined)[], today: IsoDate): Promise<number> {
  return feedAfterDates(tx, audit, zoneId, projectFeed, dates, today);
}
