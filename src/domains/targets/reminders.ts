// Reporting deadlines: last month's figures are due on the zone's deadline day
// (default the 5th). Units that have not submitted are reminded from
// `remindDaysBefore` days before, warned once after, and the supervisors get
// the list of late units (and the zone's group robot, if any).
import type { Database } from '../../db/client';
import { isNull } from 'drizzle-orm';
import { zones } from '../../db/schema';
import { addDays, today } from '../../shared/calendar';
import { notify, sendWebhook } from '../../shared/notify';
import { unitWebhook } from '../../shared/notifyEvents';
import type { ScheduledJob } from '../../shared/scheduler';
import { getSettings } from './catalogue';
import { missingReports } from './reporting';
import { dekadEnd, dekadLabel, latestClosedDekad } from './dekad';
import { missingDekadReports } from './dekadReporting';

/** Days after a dekad's end (10th, 20th, month end) when units that have not reported it are reminded. */
export const DEKAD_REMIND_AFTER_DAYS = 2;

export function reportingDeadline(period: string, deadlineDay: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-${String(deadlineDay).padStart(2, '0')}`;
}

/** The month due now: the one before today's month. */
export function duePeriod(todayIso: string): string {
  return addDays(`${todayIso.slice(0, 7)}-01`, -1).slice(0, 7);
}

const periodZh = (p: string) => `${Number(p.slice(0, 4))}年${Number(p.slice(5, 7))}月`;
const dateZh = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** One pass over every zone; notifications are deduplicated, so running twice sends nothing new. */
export async function runReminders(db: Database, now: Date, fetchImpl?: typeof fetch): Promise<{ reminded: number; overdue: number; dekads: number }> {
  const t = today(() => now);
  const period = duePeriod(t);
  let reminded = 0;
  let overdue = 0;
  const all = await db.select({ id: zones.id }).from(zones).where(isNull(zones.pinnedDate)); // a zone replaying history gets no reminders
  for (const z of all) {
    const settings = await getSettings(db, z.id);
    const deadline = reportingDeadline(period, settings.deadlineDay);
    if (t < addDays(deadline, -settings.remindDaysBefore)) continue;
    const late = t > deadline;
    const missing = await missingReports(db, z.id, period);
    if (missing.length === 0) continue;
    for (const m of missing) {
      const sent = await notify(db, {
        zoneId: z.id,
        unitId: m.unitId,
        kind: late ? 'targets.overdue' : 'targets.due',
        level: late ? 'danger' : 'warning',
        title: late ? `${periodZh(period)}指标数据逾期未报` : `请于${dateZh(deadline)}前报送${periodZh(period)}指标数据`,
        body: `尚有${m.missing}项指标未报送（共${m.owed}项）。`,
        link: `/targets/report?period=${period}`,
        dedupeKey: `targets.${late ? 'overdue' : 'due'}:${period}:${m.unitId}`,
        subject: `figures:${period}:${m.unitId}`,
      });
      if (sent) await unitWebhook(db, z.id, m.unitId, `【攻坚】${late ? `${periodZh(period)}指标数据逾期未报` : `请于${dateZh(deadline)}前报送${periodZh(period)}指标数据`}：尚有${m.missing}项未报送。`, fetchImpl);
      if (sent && late) overdue++;
      else if (sent) reminded++;
    }
    if (late) {
      const names = missing.map((m) => m.unitName).join('、');
      const sent = await notify(db, {
        zoneId: z.id,
        kind: 'targets.overdue_units',
        level: 'danger',
        title: `${periodZh(period)}指标数据：${missing.length}个单位逾期未报`,
        body: names,
        link: `/targets/review?period=${period}`,
        dedupeKey: `targets.overdue_units:${period}`,
      });
      if (sent) await sendWebhook(db, z.id, `【攻坚】${periodZh(period)}指标数据截至${dateZh(deadline)}仍未报送：${names}`, fetchImpl);
    }
  }
  const dekads = await runDekadReminders(db, t, all, fetchImpl);
  return { reminded, overdue, dekads };
}

/**
 * 以旬保月: from two days after a dekad ends until the next one ends, each unit that
 * owes a dekad indicator and has not reported the closed dekad is reminded, once
 * (deduplicated by dekad and unit, as the monthly reminders by month and unit).
 */
async function runDekadReminders(db: Database, t: string, zoneList: { id: string }[], fetchImpl?: typeof fetch): Promise<number> {
  const ref = latestClosedDekad(t);
  if (t < addDays(dekadEnd(ref.period, ref.dekad), DEKAD_REMIND_AFTER_DAYS)) return 0;
  const label = `${Number(ref.period.slice(0, 4))}年${dekadLabel(ref).zh}`;
  let sent = 0;
  for (const z of zoneList) {
    for (const m of await missingDekadReports(db, z.id, ref)) {
      const title = `${label}旬报未报`;
      const ok = await notify(db, {
        zoneId: z.id,
        unitId: m.unitId,
        kind: 'targets.dekad_due',
        level: 'warning',
        title,
        body: `截至${dateZh(dekadEnd(ref.period, ref.dekad))}的本年累计尚有${m.missing}项未报（共${m.owed}项）。`,
        // The 旬报 card opens on the zone's latest closed dekad's month by itself.
        link: '/targets/report',
        dedupeKey: `targets.dekad_due:${ref.period}-${ref.dekad}:${m.unitId}`,
        subject: `dekads:${ref.period}-${ref.dekad}:${m.unitId}`,
      });
      if (ok) {
        sent++;
        await unitWebhook(db, z.id, m.unitId, `【攻坚】${title}：尚有${m.missing}项未报。`, fetchImpl);
      }
    }
  }
  return sent;
}

export const reportingRemindersJob: ScheduledJob = {
  name: 'targets.reminders',
  runKey: (now) => today(() => now),
  run: async (db, now) => {
    await runReminders(db, now);
  },
};
