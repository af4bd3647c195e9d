// Pure rules of the enterprise domain: cultivation-pool entry rules and progress
// towards the next tier, zone counts from dated tags, and a plan's judgement
// against time progress. No database here; services pass plain snapshots in.
import type { EnterpriseTag, PoolGoal, PoolRules } from '../../db/schema';
import { addDays, type IsoDate } from '../../shared/calendar';
import { dec, decOrNull, round } from '../../shared/decimal';
import { assessFigure, type FigureAssessment } from '../targets/assess';
import { expectedShare, halfYearPassed } from '../targets/progress';

/** What the rules look at: one year's figures (万元) and the tags held on a date. */
export interface Snapshot {
  outputValue: string | null;
  tax: string | null;
  employees: number | null;
  tags: readonly EnterpriseTag[];
}

/** Every rule given must hold; a figure rule on a missing figure fails. */
export function matchesRules(s: Snapshot, rules: PoolRules): boolean {
  const out = decOrNull(s.outputValue);
  const tax = decOrNull(s.tax);
  if (rules.minOutput !== undefined && (out === null || out.lt(rules.minOutput))) return false;
  if (rules.maxOutput !== undefined && (out === null || out.gte(rules.maxOutput))) return false;
  if (rules.minTax !== undefined && (tax === null || tax.lt(rules.minTax))) return false;
  if (rules.minEmployees !== undefined && (s.employees === null || s.employees < rules.minEmployees)) return false;
  if (rules.allTags?.some((t) => !s.tags.includes(t))) return false;
  if (rules.noneTags?.some((t) => s.tags.includes(t))) return false;
  return true;
}

export interface GoalProgress {
  /** Output as a percent of the goal's output, one decimal, capped at 100; null without an output goal or figure. */
  percent: string | null;
  /** 万元 still missing to the output goal (0 once there). */
  gap: string | null;
  tagHeld: boolean | null;
  reached: boolean;
}

export function goalProgress(s: Snapshot, goal: PoolGoal): GoalProgress {
  const out = decOrNull(s.outputValue);
  let percent: string | null = null;
  let gap: string | null = null;
  let outputReached = true;
  if (goal.output !== undefined) {
    const g = dec(goal.output);
    outputReached = out !== null && out.gte(g);
    if (out !== null && g.gt(0)) {
      percent = round(out.div(g).times(100).clamp(0, 100), 1);
      gap = round(out.gte(g) ? 0 : g.minus(out), 2);
    }
  }
  const tagHeld = goal.tag ? s.tags.includes(goal.tag) : null;
  const hasGoal = goal.output !== undefined || goal.tag !== undefined;
  return { percent, gap, tagHeld, reached: hasGoal && outputReached && tagHeld !== false };
}

/** One span during which an enterprise held a tag; lost on `lostOn` (not held that day). */
export interface TagSpan {
  enterpriseId: string;
  tag: EnterpriseTag;
  gainedOn: IsoDate;
  lostOn: IsoDate | null;
}

export const heldOn = (s: Pick<TagSpan, 'gainedOn' | 'lostOn'>, d: IsoDate) => s.gainedOn <= d && (s.lostOn === null || s.lostOn > d);

export interface TagChange {
  /** Held on the day before `from`. */
  before: number;
  /** Held on `to`. */
  after: number;
  /** Held on `to` but not the day before `from` (新增). */
  gained: number;
  /** Held the day before `from` but not on `to`. */
  lost: number;
  /** after − before (净增). */
  net: number;
}

/**
 * Enterprises holding `tag` at the start and end of a period, and who came and
 * went. Counting holders at the two ends, not events, means an enterprise that
 * gains a tag, loses it and gains it again in the same year counts once.
 */
export function tagChange(spans: readonly TagSpan[], tag: EnterpriseTag, from: IsoDate, to: IsoDate): TagChange {
  const dayBefore = addDays(from, -1);
  const start = new Set<string>();
  const end = new Set<string>();
  for (const s of spans) {
    if (s.tag !== tag) continue;
    if (heldOn(s, dayBefore)) start.add(s.enterpriseId);
    if (heldOn(s, to)) end.add(s.enterpriseId);
  }
  const gained = [...end].filter((id) => !start.has(id)).length;
  const lost = [...start].filter((id) => !end.has(id)).length;
  return { before: start.size, after: end.size, gained, lost, net: end.size - start.size };
}

/** The zone counts the seeds set targets for, each fed from the register. */
export const ZONE_COUNTS = [
  { indicatorCode: 'net_four_above', tag: 'four_above', measure: 'net', zh: '净增"四上"企业', en: 'Net new four-above enterprises' },
  { indicatorCode: 'new_hundred_billion', tag: 'hundred_billion', measure: 'gained', zh: '新增百亿元企业', en: 'New 10-billion-yuan enterprises' },
  { indicatorCode: 'net_high_tech', tag: 'high_tech', measure: 'net', zh: '净增高新技术企业', en: 'Net new high-tech enterprises' },
  { indicatorCode: 'new_little_giant', tag: 'little_giant', measure: 'gained', zh: '新增专精特新"小巨人"企业', en: 'New little giants' },
  { indicatorCode: 'new_single_champion', tag: 'single_champion', measure: 'gained', zh: '新增单项冠军', en: 'New single champions' },
  { indicatorCode: 'new_smart_workshop', tag: 'smart_workshop', measure: 'gained', zh: '新增智能车间', en: 'New smart workshops' },
  { indicatorCode: 'new_cloud_star', tag: 'cloud_star', measure: 'gained', zh: '新增星级上云企业', en: 'New star cloud users' },
] as const satisfies readonly { indicatorCode: string; tag: EnterpriseTag; measure: 'net' | 'gained'; zh: string; en: string }[];

/** One-enterprise plan: cumulative output for month m judged like any indicator (months mode). */
export function assessPlan(targetOutput: string, ytdOutput: string | null, year: number, month: number, prevYearOutput?: string | null): FigureAssessment {
  const asOf = `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  return assessFigure({
    actual: ytdOutput,
    target: targetOutput,
    prevYear: prevYearOutput ?? null,
    expectedShare: expectedShare(asOf, year, 'months'),
    halfYearPassed: halfYearPassed(asOf, year),
    decimals: 2,
  });
}
