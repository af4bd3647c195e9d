// Pure project rules: amounts in 亿元 from 亿美元 at the zone's rate for the year,
// the zone's stage rules ("当年签约、当年开工、当年投产", "765"-style month limits)
// judged against actual and forecast stage dates, and a project's overall status.
import { lastDayOfMonth, parseIsoDate, type IsoDate } from '../../shared/calendar';
import { dec } from '../../shared/decimal';
import type { StepStatus } from './schedule';

export type Stage = 'negotiating' | 'signed' | 'started' | 'producing' | 'at_capacity';
export const STAGES: readonly Stage[] = ['negotiating', 'signed', 'started', 'producing', 'at_capacity'];

export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  negotiating: { zh: '在谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  started: { zh: '开工', en: 'Started' },
  producing: { zh: '投产', en: 'Producing' },
  at_capacity: { zh: '达效', en: 'At capacity' },
};

export type StageRule =
  | { kind: 'same_year'; stages: Stage[] }
  | { kind: 'months'; from: Stage; to: Stage; months: number };

export type StageDates = Partial<Record<Stage, { planned?: string | null; actual?: string | null }>>;

/**
 * 亿元 for an amount in 亿 of its currency. A USD amount needs the zone's rate for
 * the year; without one the result is null (shown as missing, never guessed). Exact: rounding
 * happens only where a figure is printed.
 */
export function toYuan(amount: string, currency: 'CNY' | 'USD', rate: string | null | undefined): string | null {
  if (currency === 'CNY') return dec(amount).toString();
  if (!rate) return null;
  return dec(amount).mul(dec(rate)).toString();
}

/** The same calendar day n months later, clamped to the month's end (1-31 + 1 month = 2-28). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(d);
  const m0 = year * 12 + (month - 1) + n;
  const y = Math.floor(m0 / 12);
  const m = (m0 % 12) + 1;
  const last = lastDayOfMonth(y, m);
  const lastDay = Number(last.slice(8));
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export interface RuleFinding {
  rule: StageRule;
  /** The stage that must be reached, and by when. */
  stage: Stage;
  dueBy: IsoDate;
  /** Actual date when reached, else the forecast, else null (not planned). */
  expected: IsoDate | null;
  status: 'met' | 'on_track' | 'behind';
  message: { zh: string; en: string };
}

/**
 * Judges a project against the zone's stage rules. A rule starts counting when its
 * first stage actually happened. The later stage is 'met' when it happened by the
 * due date, 'behind' when it happened late, is past due, or is forecast (or
 * planned) after it, and 'on_track' otherwise. A stage with no date at all is
 * behind once the due date is past, on track before.
 */
export function judgeStageRules(
  rules: readonly StageRule[],
  dates: StageDates,
  forecasts: Partial<Record<Stage, IsoDate>>,
  today: IsoDate,
): RuleFinding[] {
  const out: RuleFinding[] = [];
  const check = (rule: StageRule, stage: Stage, dueBy: IsoDate, what: { zh: string; en: string }) => {
    const actual = dates[stage]?.actual ?? null;
    const expected = actual ?? forecasts[stage] ?? dates[stage]?.planned ?? null;
    let status: RuleFinding['status'];
    if (actual) status = actual <= dueBy ? 'met' : 'behind';
    else if (today > dueBy) status = 'behind';
    else status = expected && expected > dueBy ? 'behind' : 'on_track';
    const label = STAGE_LABELS[stage];
    out.push({
      rule,
      stage,
      dueBy,
      expected,
      status,
      message: {
        zh: `${what.zh}：须于${dueBy}前${label.zh}${status === 'behind' ? (actual ? `，实际${actual}` : expected ? `，预计${expected}` : '，尚未安排') : ''}`,
        en: `${what.en}: ${label.en.toLowerCase()} by ${dueBy}${status === 'behind' ? (actual ? `, actually ${actual}` : expected ? `, forecast ${expected}` : ', not planned') : ''}`,
      },
    });
  };
  for (const rule of rules) {
    if (rule.kind === 'same_year') {
      const [first, ...rest] = rule.stages;
      const start = first ? dates[first]?.actual : null;
      if (!first || !start) continue;
      const dueBy = `${start.slice(0, 4)}-12-31`;
      const names = rule.stages.map((s) => STAGE_LABELS[s].zh).join('、当年');
      for (const s of rest) check(rule, s, dueBy, { zh: `当年${names}`, en: `Same year: ${rule.stages.join(', ')}` });
    } else {
      const start = dates[rule.from]?.actual;
      if (!start) continue;
      const dueBy = addMonths(start, rule.months);
      check(rule, rule.to, dueBy, {
        zh: `${STAGE_LABELS[rule.from].zh}后${rule.months}个月内${STAGE_LABELS[rule.to].zh}`,
        en: `${STAGE_LABELS[rule.to].en} within ${rule.months} months of ${STAGE_LABELS[rule.from].en.toLowerCase()}`,
      });
    }
  }
  return out;
}

export type ProjectStatus = StepStatus;
const severity: Record<ProjectStatus, number> = { done: 0, on_time: 1, at_risk: 2, behind: 3 };

/** The worse of the milestone forecast and the stage rules. */
export function projectStatus(forecastStatus: ProjectStatus | null, findings: readonly RuleFinding[]): ProjectStatus {
  let worst: ProjectStatus = forecastStatus ?? 'on_time';
  if (findings.some((f) => f.status === 'behind') && severity[worst] < severity.behind) worst = 'behind';
  return worst;
}

/** The stage a project has reached: the last stage with an actual date, in order. */
export function reachedStage(dates: StageDates, fallback: Stage = 'negotiating'): Stage {
  let s: Stage = fallback;
  for (const st of STAGES) if (dates[st]?.actual && STAGES.indexOf(st) > STAGES.indexOf(s)) s = st;
  return s;
}

/** Stage rules as a zone typically starts: 当年签约、当年开工、当年投产. */
export const DEFAULT_STAGE_RULES: StageRule[] = [{ kind: 'same_year', stages: ['signed', 'started', 'producing'] }];

/** A 1亿元 threshold test on an exact amount in 亿元. */
export const atLeastYi = (yuan: string | null, threshold = '1') => yuan !== null && dec(yuan).gte(threshold);

export const monthEnd = (period: string): IsoDate => lastDayOfMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
