// Demo build: once a demo zone's projects, leads and register exist, their
// counts go into the zone's bound system-filled indicators through the same re-sync a
// supervisor runs, up to the latest month the demo reports (Xuzhou: 2022-08).
import { and, desc, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { figures } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { lastDayOfMonth } from '../../shared/calendar';
import { attractionFeed } from '../attraction/feedIndicators';
import type { DemoZone } from './zones';
import { enterpriseFeed } from '../enterprises/feedIndicators';
import { projectFeed } from '../projects/feedIndicators';
import { resyncYear } from '../feeds/sync';

export async function seedFeeds(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  const db = handle.db;
  const [latest] = await db
    .select({ period: figures.period })
    .from(figures)
    .where(and(eq(figures.zoneId, zoneId), eq(figures.state, 'approved')))
    .orderBy(desc(figures.period))
    .limit(1);
  if (!latest || !latest.period.startsWith(String(zone.year))) return;
  const today = lastDayOfMonth(zone.year, Number(latest.period.slice(5, 7)));
  const write = <T>(fn: Parameters<typeof writeAudited<T>>[3]) => writeAudited(db, { zoneId, userId: null }, null, fn);
  for (const source of [enterpriseFeed, attractionFeed, projectFeed]) await resyncYear(db, write, zoneId, source, zone.year, today);
}
