// The zone's working date. A live zone works on today in China; a zone that
// replays history (the demo zones) is pinned to a date, and every business
// judgement — lights, overdue days, lateness, default periods — is made as of
// that date. Sessions, throttling and audit timestamps keep the real clock.
import { eq, isNotNull } from 'drizzle-orm';
import type { Queryable, ReadDb } from '../db/client';
import { zones } from '../db/schema';
import { today, type Clock, type IsoDate } from './calendar';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The zone's clock: the real clock when not pinned, otherwise the pinned date at
 * the real clock's time of day in China (so times within a day still move, e.g.
 * an appeal raised and answered on the same pinned day keep their order).
 */
export function zoneClock(real: Clock, pinnedDate: IsoDate | null): Clock {
  if (!pinnedDate) return real;
  const midnight = Date.parse(`${pinnedDate}T00:00:00+08:00`);
  return () => {
    const ms = (((real().getTime() + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
    return new Date(midnight + ms);
  };
}

export interface ZoneDate {
  pinnedDate: IsoDate | null;
  clock: Clock;
  today: IsoDate;
}

export async function zoneDate(db: ReadDb | Queryable, zoneId: string, real: Clock): Promise<ZoneDate> {
  const [row] = await db.select({ pinnedDate: zones.pinnedDate }).from(zones).where(eq(zones.id, zoneId));
  return zoneDateOf(row?.pinnedDate ?? null, real);
}

/** The zone's date from its pinned date, already read (the session lookup reads it). */
export function zoneDateOf(pinnedDate: IsoDate | null, real: Clock): ZoneDate {
  const clock = zoneClock(real, pinnedDate);
  return { pinnedDate, clock, today: today(clock) };
}

/** Zones that replay history: scheduled reminders and escalations skip them. */
export async function pinnedZoneIds(db: ReadDb | Queryable): Promise<Set<string>> {
  const rows = await db.select({ id: zones.id }).from(zones).where(isNotNull(zones.pinnedDate));
  return new Set(rows.map((r) => r.id));
}
