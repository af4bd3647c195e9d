// 隐患动态清零: the pure rules of the hazard register — the rectification deadline
// a level gives, the counts 新增 / 已整改 / 剩余 of a period, and whether a campaign
// may be said to be 清零. Framework-free (the calendar only), tested with fast-check
// in rules.test.ts.
import { addWorkdays, cnDate, type IsoDate } from '../../shared/calendar';
import { escalationLevel } from '../../shared/loop/machine';

export type HazardLevel = 'general' | 'major';

/**
 * Working days from the day a hazard is found to its rectification deadline:
 * 一般隐患 within 10 working days, 重大隐患 within 30 (the 整改时限 of a 重大隐患
 * 挂牌督办 plan). The found day itself does not count (addWorkdays), so a hazard
 * found on a Friday or a holiday is due counting from the next working day.
 */
export const RECTIFY_WORKDAYS: Record<HazardLevel, number> = { general: 10, major: 30 };

/** The rectification deadline (整改时限) a hazard of this level found on this day gets. */
export function rectifyDeadline(foundOn: IsoDate, level: HazardLevel): IsoDate {
  return addWorkdays(foundOn, RECTIFY_WORKDAYS[level]);
}

/**
 * The escalation level of an open hazard on `today` (the daily watch, watch.ts):
 * the shared loop's levels as project problems have them — 1 from the first day
 * past the deadline, 2 (二级督办: the supervisors and the zone's group robot) after
 * 7 days, 3 after 30 — except that a 重大隐患 is 二级督办 from its first day overdue.
 */
export function hazardEscalation(level: HazardLevel, deadline: IsoDate, today: IsoDate): 0 | 1 | 2 | 3 {
  const base = escalationLevel(deadline, today);
  return level === 'major' && base === 1 ? 2 : base;
}

/** What the counts need of one hazard. closedOn: the China date it was verified and closed (销号). */
export interface HazardFact {
  unitId: string;
  level: HazardLevel;
  foundOn: IsoDate;
  /** The deadline in force (the loop item's). */
  deadline: IsoDate | null;
  closedOn: IsoDate | null;
}

export interface HazardCounts {
  /** 新增: found within the period. */
  added: number;
  /** 已整改: verified and closed within the period. */
  rectified: number;
  /** 剩余: found by the end of the period and not closed by then. */
  remaining: number;
  /** 剩余 of them 重大. */
  majorRemaining: number;
  /** 剩余 of them past their deadline at the end of the period. */
  overdue: number;
}

export const emptyCounts = (): HazardCounts => ({ added: 0, rectified: 0, remaining: 0, majorRemaining: 0, overdue: 0 });

/** Open at the end of `asOf`: found by then and not closed by then. */
export function openOn(h: Pick<HazardFact, 'foundOn' | 'closedOn'>, asOf: IsoDate): boolean {
  return h.foundOn <= asOf && (h.closedOn === null || h.closedOn > asOf);
}

/** Adds one hazard to the counts of the period [from, to]. */
function count(c: HazardCounts, h: HazardFact, from: IsoDate, to: IsoDate): void {
  if (h.foundOn >= from && h.foundOn <= to) c.added++;
  if (h.closedOn !== null && h.closedOn >= from && h.closedOn <= to) c.rectified++;
  if (openOn(h, to)) {
    c.remaining++;
    if (h.level === 'major') c.majorRemaining++;
    if (h.deadline !== null && h.deadline < to) c.overdue++;
  }
}

/** Counts for the period [from, to], in total and per responsible unit. */
export function hazardCounts(facts: readonly HazardFact[], from: IsoDate, to: IsoDate): { total: HazardCounts; byUnit: Map<string, HazardCounts> } {
  const total = emptyCounts();
  const byUnit = new Map<string, HazardCounts>();
  for (const h of facts) {
    count(total, h, from, to);
    let u = byUnit.get(h.unitId);
    if (!u) byUnit.set(h.unitId, (u = emptyCounts()));
    count(u, h, from, to);
  }
  return { total, byUnit };
}

/**
 * 清零 of a campaign at a date. Only what the data supports:
 * - nothing registered by then → 'unregistered' (未登记隐患), never 清零;
 * - some registered, none open → 'cleared' (已清零);
 * - otherwise 'open', with how many remain.
 */
export type Clearance = { status: 'unregistered'; registered: 0; remaining: 0 } | { status: 'cleared' | 'open'; registered: number; remaining: number };

export function clearance(facts: readonly Pick<HazardFact, 'foundOn' | 'closedOn'>[], asOf: IsoDate): Clearance {
  const registered = facts.filter((h) => h.foundOn <= asOf).length;
  if (registered === 0) return { status: 'unregistered', registered: 0, remaining: 0 };
  const remaining = facts.filter((h) => openOn(h, asOf)).length;
  return { status: remaining === 0 ? 'cleared' : 'open', registered, remaining };
}

export const CLEARANCE_LABELS = {
  unregistered: { zh: '未登记隐患', en: 'No hazards registered' },
  cleared: { zh: '已清零', en: 'Cleared' },
  open: { zh: '未清零', en: 'Not cleared' },
} as const;

/** What a bulletin says of the hazards: the period's counts, and 清零 as of its last day. */
export interface HazardSection {
  from: IsoDate;
  asOf: IsoDate;
  total: HazardCounts;
  /** Units with hazards still open at `asOf`, most first. */
  openUnits: { unitName: string; remaining: number; overdue: number }[];
  /** Campaigns running in the period, each judged at `asOf` (or its end, if earlier). */
  campaigns: { name: string; clearance: Clearance }[];
}

/**
 * The section's sentences, each only as true as the data: "本期未新增隐患" rather than
 * "新增0处", 清零 only when every registered hazard is closed, and nothing at all (the
 * caller leaves the section out) when none was ever registered.
 */
export function hazardParagraphs(s: HazardSection): string[] {
  const t = s.total;
  const period = [t.added ? `本期新增隐患${t.added}处` : '本期未新增隐患', t.rectified ? `整改销号${t.rectified}处` : '无整改销号'].join('，');
  const detail = [t.majorRemaining ? `其中重大隐患${t.majorRemaining}处` : '', t.overdue ? `逾期未整改${t.overdue}处` : ''].filter(Boolean).join('，');
  const standing = t.remaining ? `剩余${t.remaining}处${detail ? `（${detail}）` : ''}` : '登记隐患已全部整改销号，实现动态清零';
  const out = [`${period}；截至${cnDate(s.asOf)}，${standing}。`];
  if (s.openUnits.length) out.push(`未清零单位：${s.openUnits.map((u) => `${u.unitName}${u.remaining}处${u.overdue ? `（逾期${u.overdue}处）` : ''}`).join('、')}。`);
  const judged = s.campaigns.filter((c) => c.clearance.status !== 'unregistered');
  if (judged.length) {
    out.push(
      judged
        .map((c) => `“${c.name}”${c.clearance.status === 'cleared' ? `登记隐患${c.clearance.registered}处，已清零` : `登记隐患${c.clearance.registered}处，尚有${c.clearance.remaining}处未清零`}`)
        .join('；') + '。',
    );
  }
  return out;
}
