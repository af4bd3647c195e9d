// The daily watch over one kind of loop item, shared by the domains that keep a
// register on the closed loop (hazards, project problems). Run once a day however
// many processes run (each domain's job is listed in domains/scheduledJobs.ts; the
// scheduler claims the day's run). An open
// item past its deadline escalates to the level the domain's rule gives; each new
// level is recorded on the loop item (audited `escalate`) and told to the
// responsible unit and to the supervisors, and from level 2 to the zone's group
// robot. An item nearing its deadline (within its amberDays) warns the unit once.
// What the unit is told also goes to its own group robot, if it has one. Dedupe
// keys (item, level, deadline) make a rerun repeat nothing; a reassignment (new
// deadline, escalation back to 0) is watched afresh. Zones replaying history (pinned) are skipped,
// as every scheduled job skips them (docs/domains/zone.md).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../../db/client';
import { loopItems, units, type LoopKind } from '../../db/schema';
import type { Audit } from '../audit';
import { today as todayOf, type IsoDate } from '../calendar';
import { notify, sendWebhook } from '../notify';
import { unitWebhook } from '../notifyEvents';
import { pinnedZoneIds } from '../zoneClock';
import { light, overdueDays } from './machine';
import { dueItems, type LoopItem } from './store';

export interface WatchResult {
  today: IsoDate;
  amber: number;
  escalated: number;
  notified: number;
  webhooks: number;
}

/** How one item is named in a message, and where the web app shows it. */
export interface WatchedItem {
  /** '工贸企业粉尘涉爆除尘系统未设泄爆装置（重大隐患）' */
  label: string;
  link: string | null;
  /** Escalation level the domain's rule gives today (0 = not overdue). */
  level: number;
}

export interface LoopWatch {
  kind: LoopKind;
  subjectType: string;
  /** The noun in messages: '隐患'. */
  noun: string;
  /** Robot message tag: '隐患整改' → 【隐患整改】…, 【隐患整改督办】…. */
  tag: string;
  /** Notification kinds and dedupe-key prefix. */
  dueKind: string;
  overdueKind: string;
  keyPrefix: string;
  /** Names and levels of the due items (one query for all of them). */
  describe: (db: Database, items: LoopItem[], today: IsoDate) => Promise<Map<string, WatchedItem>>;
}

/** Runs a write in one audited transaction (the server's writeAudited, passed in: shared code does not import the server). */
export type AuditedWrite = <T>(db: Database, zoneId: string, fn: (tx: Tx, audit: Audit) => Promise<T>) => Promise<T>;

export const ESCALATION_ZH = ['', '逾期', '二级督办', '三级督办'] as const;

/** Thrown to roll back a run that found the item changed under it. */
const SKIP = Symbol('skip');

async function unitNamesOf(db: Queryable, zoneIds: string[]): Promise<Map<string, string>> {
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.zoneId, zoneIds));
  return new Map(rows.map((u) => [u.id, u.name]));
}

export async function watchLoop(db: Database, now: Date, spec: LoopWatch, write: AuditedWrite, fetchImpl?: typeof fetch): Promise<WatchResult> {
  const today = todayOf(() => now);
  const result: WatchResult = { today, amber: 0, escalated: 0, notified: 0, webhooks: 0 };
  const pinned = await pinnedZoneIds(db); // a zone replaying history gets no reminders
  const due = (await dueItems(db, today)).filter((i) => i.kind === spec.kind && i.subjectType === spec.subjectType && i.deadline && !pinned.has(i.zoneId));
  if (due.length === 0) return result;
  const described = await spec.describe(db, due, today);
  const unitNames = await unitNamesOf(db, [...new Set(due.map((d) => d.zoneId))]);

  for (const item of due) {
    const deadline = item.deadline!;
    const what = described.get(item.id);
    if (!what) continue;
    const unitName = item.assigneeUnitId ? (unitNames.get(item.assigneeUnitId) ?? '') : '';
    if (light(deadline, today, item.state, { amberDays: item.amberDays }) === 'amber') {
      const dueTitle = `${spec.noun}将于${deadline}到期：${what.label}`;
      const sent = await notify(db, {
        zoneId: item.zoneId,
        unitId: item.assigneeUnitId,
        kind: spec.dueKind,
        level: 'warning',
        title: dueTitle.slice(0, 200),
        body: `责任单位：${unitName || '未交办'}；整改时限${deadline}。`,
        link: what.link,
        dedupeKey: `${spec.keyPrefix}:${item.id}:due:${deadline}`,
      });
      result.amber++;
      if (sent) {
        result.notified++;
        await unitWebhook(db, item.zoneId, item.assigneeUnitId, `【${spec.tag}】${dueTitle}`, fetchImpl);
      }
      continue;
    }
    const level = Math.min(what.level, ESCALATION_ZH.length - 1);
    if (level <= item.escalation) continue;
    const late = overdueDays(deadline, today);
    const title = `${spec.noun}${ESCALATION_ZH[level]}（逾期${late}天）：${what.label}`.slice(0, 200);
    const body = `责任单位：${unitName || '未交办'}；整改时限${deadline}。`;
    let toUnit = false;
    const raised = await write(db, item.zoneId, async (tx, audit) => {
      // Only this run raises the level: a concurrent action that changed the item wins.
      const moved = await tx
        .update(loopItems)
        .set({ escalation: level })
        .where(and(eq(loopItems.id, item.id), eq(loopItems.version, item.version), sql`${loopItems.state} <> 'closed'`))
        .returning({ id: loopItems.id });
      if (moved.length === 0) throw SKIP;
      await audit({ action: 'escalate', entity: `loop.${spec.kind}`, entityId: item.id, unitId: item.assigneeUnitId, before: { escalation: item.escalation }, after: { escalation: level, overdueDays: late } });
      const base = { zoneId: item.zoneId, kind: spec.overdueKind, level: 'danger' as const, title, body, link: what.link };
      if (await notify(tx, { ...base, dedupeKey: `${spec.keyPrefix}:${item.id}:esc:${level}:${deadline}` })) result.notified++;
      toUnit = Boolean(item.assigneeUnitId) && (await notify(tx, { ...base, unitId: item.assigneeUnitId, dedupeKey: `${spec.keyPrefix}:${item.id}:esc:${level}:${deadline}:unit` }));
      if (toUnit) result.notified++;
      result.escalated++;
      return true;
    }).catch((e: unknown) => {
      if (e === SKIP) return false;
      throw e;
    });
    // The robots are told once the level is committed, never from inside the transaction.
    if (raised && toUnit) await unitWebhook(db, item.zoneId, item.assigneeUnitId, `【${spec.tag}】${title}\n${body}`, fetchImpl);
    if (raised && level >= 2 && (await sendWebhook(db, item.zoneId, `【${spec.tag}督办】${title}\n${body}`, fetchImpl))) result.webhooks++;
  }
  return result;
}
