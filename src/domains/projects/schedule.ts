// Backward scheduling (倒排工期): lay a project's milestone flow back from its target
// date on Chinese working days, then forecast it against what has actually happened.
// A template is a DAG of steps; parallel steps (供水/供电/供气) are ordinary branches.
import { textsOf, type Params, type Texts } from '../../shared/errors';
import {
  addWorkdays,
  maxDate,
  minDate,
  nextWorkday,
  parseIsoDate,
  prevWorkday,
  workdayOnOrAfter,
  workdayOnOrBefore,
  workdaysBetween,
  type IsoDate,
} from '../../shared/calendar';

export interface MilestoneStep {
  key: string;
  name: string;
  /** Working days the step takes, counting its first and last day (≥ 1). */
  durationWorkdays: number;
  /** Steps that must finish before this one starts. */
  dependsOn: readonly string[];
  /** Who delivers it, e.g. '自然资源和规划局', '供电公司', '项目单位'. */
  department: string;
  /** A duration that cannot be shortened (a statutory 公示期, a done step): kept when a plan is compressed. */
  fixed?: boolean;
}

export interface MilestoneTemplate {
  steps: readonly MilestoneStep[];
}

export type ScheduleErrorCode =
  | 'schedule.empty'
  | 'schedule.duplicate_key'
  | 'schedule.invalid_duration'
  | 'schedule.unknown_dependency'
  | 'schedule.cycle';

export interface ScheduleIssue {
  code: ScheduleErrorCode;
  /** The catalogue message's parameters (shared/errors.ts). */
  params: Params;
  message: Texts;
  /** The steps concerned; for a cycle, the path round it. */
  keys: string[];
}

export class ScheduleError extends Error {
  readonly code: ScheduleErrorCode;
  readonly params: Params;
  readonly messages: Texts;
  readonly keys: string[];
  constructor(issue: ScheduleIssue) {
    super(issue.message.en);
    this.name = 'ScheduleError';
    this.code = issue.code;
    this.params = issue.params;
    this.messages = issue.message;
    this.keys = issue.keys;
  }
}

const issue = (code: ScheduleErrorCode, keys: string[], params: Params = {}): ScheduleIssue => ({
  code,
  keys,
  params,
  message: textsOf(code, params),
});

/** Checks a template; on success returns its keys with every step after its dependencies. */
export function validateTemplate(
  template: MilestoneTemplate,
): { ok: true; order: string[] } | { ok: false; error: ScheduleIssue } {
  const { steps } = template;
  if (steps.length === 0) return { ok: false, error: issue('schedule.empty', []) };
  const byKey = new Map<string, MilestoneStep>();
  for (const s of steps) {
    if (byKey.has(s.key))
      return { ok: false, error: issue('schedule.duplicate_key', [s.key], { key: s.key }) };
    byKey.set(s.key, s);
  }
  for (const s of steps) {
    if (!Number.isInteger(s.durationWorkdays) || s.durationWorkdays < 1)
      return {
        ok: false,
        error: issue('schedule.invalid_duration', [s.key], { key: s.key, name: s.name }),
      };
    const missing = s.dependsOn.find((d) => !byKey.has(d));
    if (missing !== undefined)
      return {
        ok: false,
        error: issue('schedule.unknown_dependency', [s.key, missing], { key: s.key, name: s.name, missing }),
      };
  }
  // Depth-first, dependencies first; a node met again while still on the path closes a cycle.
  const order: string[] = [];
  const mark = new Map<string, 'active' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    const m = mark.get(key);
    if (m === 'done') return null;
    if (m === 'active') return [...path.slice(path.indexOf(key)), key];
    mark.set(key, 'active');
    path.push(key);
    for (const dep of byKey.get(key)?.dependsOn ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    mark.set(key, 'done');
    order.push(key);
    return null;
  };
  for (const s of steps) {
    const cycle = visit(s.key);
    if (cycle) {
      // Found by walking dependencies, so reverse it to read in working order.
      return {
        ok: false,
        error: issue('schedule.cycle', cycle.slice(1).reverse(), { cycle: [...cycle].reverse().join(' → ') }),
      };
    }
  }
  return { ok: true, order };
}

function orderedSteps(steps: readonly MilestoneStep[]): MilestoneStep[] {
  const result = validateTemplate({ steps });
  if (!result.ok) throw new ScheduleError(result.error);
  const byKey = new Map(steps.map((s) => [s.key, s]));
  return result.order.map((k) => byKey.get(k)!);
}

export interface PlannedStep extends MilestoneStep {
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  /** Planned to end before the day the plan was laid: to be confirmed (done already?), not late. */
  needsConfirmation?: boolean;
}

export interface Plan {
  /** First planned start over all steps. */
  start: IsoDate;
  /** The date the last step ends (the target, moved back to a working day if needed). */
  targetDate: IsoDate;
  /** In dependency order: every step after the steps it depends on. */
  steps: PlannedStep[];
}

/**
 * Latest-start schedule: steps nobody waits for end on the target date, every other
 * step ends the working day before its earliest successor starts. A target on a
 * day off moves back to the working day before (a deadline is not met late).
 * Throws ScheduleError for an invalid template.
 */
export function planBackward(template: MilestoneTemplate, targetDate: IsoDate): Plan {
  const steps = orderedSteps(template.steps);
  const target = workdayOnOrBefore(targetDate);
  const successors = new Map<string, string[]>(steps.map((s) => [s.key, []]));
  for (const s of steps) for (const d of s.dependsOn) successors.get(d)!.push(s.key);
  const planned = new Map<string, PlannedStep>();
  for (const s of [...steps].reverse()) {
    const succStarts = successors.get(s.key)!.map((k) => planned.get(k)!.plannedStart);
    const end = succStarts.length === 0 ? target : prevWorkday(minDate(...(succStarts as [IsoDate, ...IsoDate[]])));
    planned.set(s.key, { ...s, plannedStart: addWorkdays(end, -(s.durationWorkdays - 1)), plannedEnd: end });
  }
  const result = steps.map((s) => planned.get(s.key)!);
  return { start: minDate(...(result.map((s) => s.plannedStart) as [IsoDate, ...IsoDate[]])), targetDate: target, steps: result };
}

export interface CompressedStep {
  key: string;
  name: string;
  fromWorkdays: number;
  toWorkdays: number;
}

export interface ScheduleCheck {
  /** The plan straight back from the target date. */
  plan: Plan;
  /** 工期不足: working days the open steps would have to start before today; 0 when the flow fits. */
  shortfallWorkdays: number;
  /**
   * When short, the proposal: the open steps that are not fixed scaled down by one
   * factor (at least a day each) as little as makes the flow fit; `fits` false when
   * even a day each is too long. Null when nothing is short.
   */
  compressed: { plan: Plan; factor: number; fits: boolean; steps: CompressedStep[] } | null;
  /** Keys of the open steps of `plan` that end before today: confirmed by hand, never late. */
  needsConfirmation: string[];
}

/**
 * 倒排工期 checked against today (the zone's date): how many working days the flow is
 * short of, a compressed proposal, and which steps would already be past. Steps in
 * `done` are not open: they may lie in the past and are never compressed.
 */
export function checkBackward(template: MilestoneTemplate, targetDate: IsoDate, today: IsoDate, done: ReadonlySet<string> = new Set()): ScheduleCheck {
  const plan = planBackward(template, targetDate);
  const firstDay = workdayOnOrAfter(today);
  const shortOf = (p: Plan) => {
    const open = p.steps.filter((st) => !done.has(st.key)).map((st) => st.plannedStart);
    const start = open.length ? minDate(...(open as [IsoDate, ...IsoDate[]])) : firstDay;
    return start < firstDay ? workdaysBetween(start, firstDay) : 0;
  };
  const shortfallWorkdays = shortOf(plan);
  const past = (p: Plan) => p.steps.filter((st) => !done.has(st.key) && st.plannedEnd < today).map((st) => st.key);
  if (shortfallWorkdays === 0) return { plan, shortfallWorkdays, compressed: null, needsConfirmation: past(plan) };
  // Durations only fall as the factor (per mille) falls, so the fitting factors form a range: bisect it.
  const scaled = (perMille: number): MilestoneTemplate => ({
    steps: template.steps.map((st) =>
      st.fixed || done.has(st.key) ? st : { ...st, durationWorkdays: Math.max(1, Math.ceil((st.durationWorkdays * perMille) / 1000)) },
    ),
  });
  let lo = 0;
  let hi = 1000; // hi never fits (the straight plan is short); find the largest that does
  if (shortOf(planBackward(scaled(0), targetDate)) > 0) hi = 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (shortOf(planBackward(scaled(mid), targetDate)) === 0) lo = mid;
    else hi = mid;
  }
  const factor = hi === 0 ? 0 : lo;
  const cplan = planBackward(scaled(factor), targetDate);
  const from = new Map(template.steps.map((st) => [st.key, st.durationWorkdays]));
  const steps = cplan.steps
    .filter((st) => st.durationWorkdays !== from.get(st.key))
    .map((st) => ({ key: st.key, name: st.name, fromWorkdays: from.get(st.key)!, toWorkdays: st.durationWorkdays }));
  return {
    plan,
    shortfallWorkdays,
    compressed: { plan: cplan, factor: factor / 1000, fits: shortOf(cplan) === 0, steps },
    needsConfirmation: past(plan),
  };
}

/**
 * Earliest-start schedule from a start date (moved forward to a working day):
 * each step starts the working day after its last dependency ends.
 */
export function planForward(template: MilestoneTemplate, startDate: IsoDate): Plan {
  const steps = orderedSteps(template.steps);
  const start = workdayOnOrAfter(startDate);
  const planned = new Map<string, PlannedStep>();
  for (const s of steps) {
    const depEnds = s.dependsOn.map((d) => planned.get(d)!.plannedEnd);
    const first = depEnds.length === 0 ? start : nextWorkday(maxDate(...(depEnds as [IsoDate, ...IsoDate[]])));
    planned.set(s.key, { ...s, plannedStart: first, plannedEnd: addWorkdays(first, s.durationWorkdays - 1) });
  }
  const result = steps.map((s) => planned.get(s.key)!);
  return { start, targetDate: maxDate(...(result.map((s) => s.plannedEnd) as [IsoDate, ...IsoDate[]])), steps: result };
}

/**
 * Keys of the steps with no slack in a plan: laid forward from the plan's start
 * they still start on their planned date, so any delay to them delays the project.
 */
export function criticalKeys(plan: Plan): string[] {
  const forward = new Map(planForward(plan, plan.start).steps.map((s) => [s.key, s.plannedStart]));
  return plan.steps.filter((s) => forward.get(s.key) === s.plannedStart).map((s) => s.key);
}

export interface StepActual {
  key: string;
  actualStart?: IsoDate | null;
  actualEnd?: IsoDate | null;
}

export type StepStatus = 'done' | 'on_time' | 'at_risk' | 'behind';

export interface ForecastStep {
  key: string;
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  /** Actual start, or the earliest start its dependencies now allow. */
  forecastStart: IsoDate;
  /** Actual end, or when it is now expected to end. */
  forecastEnd: IsoDate;
  /** Working days forecast end is after planned end (negative: finished early). */
  slipDays: number;
  status: StepStatus;
}

export interface Forecast {
  steps: ForecastStep[];
  plannedCompletion: IsoDate;
  forecastCompletion: IsoDate;
  totalSlipDays: number;
  /** 'done' when every step is done, else the worst status of the open steps. */
  status: StepStatus;
  /** Keys in the actuals that the plan does not have; ignored. */
  unknownKeys: string[];
}

export interface ForecastOptions {
  /** A slip up to this many working days is 'at_risk'; more is 'behind'. */
  atRiskSlipWorkdays?: number;
  /** An unstarted step due within this many working days is 'at_risk'. */
  nearDueWorkdays?: number;
}

const severity: Record<StepStatus, number> = { done: 0, on_time: 1, at_risk: 2, behind: 3 };

/**
 * Forecast from the plan and the actual dates. Slips only push forward: an open
 * step never starts before its plan nor before its dependencies' forecast ends,
 * an open step past its planned end cannot end before the next working day after
 * today, and an early finish is not banked for steps still open (the plan stays
 * the commitment). A started step keeps its actual start whatever its
 * dependencies say (work often overlaps in practice).
 */
export function forecast(
  plan: Plan | readonly PlannedStep[],
  actuals: readonly StepActual[],
  today: IsoDate,
  { atRiskSlipWorkdays = 5, nearDueWorkdays = 3 }: ForecastOptions = {},
): Forecast {
  parseIsoDate(today);
  const planned = 'steps' in plan ? plan.steps : plan;
  const order = orderedSteps(planned) as PlannedStep[];
  const actualByKey = new Map(actuals.map((a) => [a.key, a]));
  const unknownKeys = actuals.map((a) => a.key).filter((k) => !order.some((s) => s.key === k));
  const byKey = new Map<string, ForecastStep>();

  for (const p of order) {
    const a = actualByKey.get(p.key);
    let start: IsoDate;
    let end: IsoDate;
    let status: StepStatus;
    if (a?.actualEnd) {
      end = a.actualEnd;
      start = a.actualStart ?? minDate(p.plannedStart, end);
      status = 'done';
    } else if (p.needsConfirmation && !a?.actualStart) {
      // Planned in the past when the plan was laid: awaiting confirmation, not a slip.
      start = p.plannedStart;
      end = p.plannedEnd;
      status = 'on_time';
    } else {
      start = p.plannedStart;
      for (const d of p.dependsOn) start = maxDate(start, nextWorkday(byKey.get(d)!.forecastEnd));
      if (a?.actualStart) start = a.actualStart;
      end = maxDate(p.plannedEnd, addWorkdays(start, p.durationWorkdays - 1));
      if (p.plannedEnd < today) end = maxDate(end, nextWorkday(today));
      const slip = workdaysBetween(p.plannedEnd, end);
      const dueIn = workdaysBetween(today, p.plannedEnd);
      if (slip > atRiskSlipWorkdays) status = 'behind';
      else if (slip > 0) status = 'at_risk';
      else if (!a?.actualStart && dueIn >= 0 && dueIn <= nearDueWorkdays) status = 'at_risk';
      else status = 'on_time';
    }
    byKey.set(p.key, {
      key: p.key,
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      forecastStart: start,
      forecastEnd: end,
      slipDays: workdaysBetween(p.plannedEnd, end),
      status,
    });
  }

  const steps = order.map((s) => byKey.get(s.key)!);
  const plannedCompletion = maxDate(...(steps.map((s) => s.plannedEnd) as [IsoDate, ...IsoDate[]]));
  const forecastCompletion = maxDate(...(steps.map((s) => s.forecastEnd) as [IsoDate, ...IsoDate[]]));
  const status = steps.reduce<StepStatus>((worst, s) => (severity[s.status] > severity[worst] ? s.status : worst), 'done');
  return {
    steps,
    plannedCompletion,
    forecastCompletion,
    totalSlipDays: workdaysBetween(plannedCompletion, forecastCompletion),
    status,
    unknownKeys,
  };
}
