// What a bulletin says, gathered from the recorded data: the lead paragraph's
// figures (through the zone's lead spec), indicators by unit (from the cockpit's
// own computation), projects behind schedule, overdue tasks and the assessment
// ranking. Read-only; the result is stored with the draft as its `content`.
import { and, desc, eq, lte } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb, Tx } from '../../db/client';
import { assessmentSchemes, bulletinSettings, zones } from '../../db/schema';
import type { Clock } from '../../shared/calendar';
import { round, sum } from '../../shared/decimal';
import { trimZeros } from '../../shared/format';
import { version } from '../../shared/input';
import type { LoopState } from '../../shared/loop/states';
import { lastDayOfMonth } from '../../shared/calendar';
import { loadCockpit } from '../cockpit/cockpit';
import type { BulletinPeriod } from './period';
import { hasTable, rowsOf } from '../assessment/queries';
import { frozenResults } from '../assessment/results';
import { instructionsOfPeriod } from '../instructions/service';
import type { InstructionsSummary } from '../instructions/rules';
import { hazardsOfPeriod } from '../hazards/service';
import type { HazardSection } from '../hazards/rules';
import { leadParagraph, type BulletinFigure, type BulletinPart } from './wording';
import {
  doubleHalfSentence,
  laggingIndicators,
  laggingUnits,
  progressSummary,
  type Coverage,
  type Problems,
  type ProjectsSummary,
  type Status,
  type TasksSummary,
} from './sections';

const partSpec = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().max(40).optional(),
  verb: z.string().max(10).optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  yoy: z.boolean().optional(),
});
export const leadClauseSpec = partSpec.extend({
  completion: z.boolean().optional(),
  related: z.array(partSpec).max(4).optional(),
  share: z.object({ code: z.string(), name: z.string().max(20), decimals: z.number().int().min(0).max(4).optional() }).optional(),
  parts: z.array(partSpec).max(4).optional(),
});
export type LeadClauseSpec = z.infer<typeof leadClauseSpec>;
export const copyToInput = z.array(z.string().trim().min(1).max(60)).max(20);
export const settingsInput = z.object({ issuer: z.string().trim().max(60), leadSpec: z.array(leadClauseSpec).max(12), copyTo: copyToInput.optional(), version });

export interface UnitFigureRow {
  unitName: string;
  value: string | null;
  yoy: string | null;
  completion: string | null;
  expectedShare: string | null;
  gap: string | null;
  rank: number | null;
}
export interface IndicatorTable {
  code: string;
  name: string;
  measure: string;
  decimals: number;
  zone: { value: string | null; yoy: string | null; completion: string | null; expectedShare: string | null; gap?: string | null };
  /** Null when every unit owing the figure has reported (or none owes it). */
  coverage?: Coverage | null;
  rows: UnitFigureRow[];
}
/** A zone figure: what the zone as a whole reached (the zone-reported indicators have no unit rows). */
export interface ZoneFigure {
  code: string;
  name: string;
  measure: string;
  decimals: number;
  value: string;
  yoy: string | null;
  target: string | null;
  completion: string | null;
  expectedShare: string | null;
  gap: string | null;
  status?: Status | null;
  /** Set when some unit owing the figure has not reported: the value is not a total. */
  coverage?: Coverage | null;
}
export interface ProjectBehind {
  project: string;
  unitName: string;
  milestone: string;
  due: string;
  daysLate: number;
}
export interface OverdueTask {
  title: string;
  unitName: string;
  deadline: string;
  daysOverdue: number;
  state: LoopState;
}
export interface RankingRow {
  rank: number | null;
  unitName: string;
  total: string;
  rankChange: number | null;
  redFlag: boolean;
}
export interface BulletinContent {
  zoneName: string;
  period: string;
  periodLabel: string;
  cumulativeLabel: string;
  year: number;
  figureMonth: string;
  asOf: string;
  timeProgress: string | null;
  lead: string;
  /** 一、's opening sentence: time progress and how many indicators are ahead or behind. */
  summary?: string;
  zoneFigures: ZoneFigure[];
  indicators: IndicatorTable[];
  /** The year's projects and the supervision tasks, null when the zone has none. */
  projects?: ProjectsSummary | null;
  tasks?: TasksSummary | null;
  /** 批示落实情况: instructions written in the period, judged as of its last day; null when none. */
  instructions?: InstructionsSummary | null;
  /** 隐患排查整治情况: the period's hazards and 清零 at its last day; null when none was ever registered. */
  hazards?: HazardSection | null;
  projectsBehind: ProjectBehind[];
  overdueTasks: OverdueTask[];
  ranking: { schemeId: string; schemeName: string; rows: RankingRow[] } | null;
  /** 存在问题: what lags, named. */
  problems?: Problems;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export async function getSettings(db: ReadDb | Tx, zoneId: string) {
  const [row] = await db.select().from(bulletinSettings).where(eq(bulletinSettings.zoneId, zoneId));
  // No row yet: the defaults, version 1.
  return { issuer: row?.issuer ?? '', leadSpec: (row?.leadSpec ?? []) as LeadClauseSpec[], copyTo: row?.copyTo ?? [], version: row?.version ?? 1 };
}

type Cockpit = Awaited<ReturnType<typeof loadCockpit>>;
// `complete` and `coverage` are the cockpit's completeness contract; absent, a figure counts as complete.
type Row = Cockpit['indicators'][number] & { complete?: boolean; coverage?: Coverage | null };
const incompleteOf = (r: Row): Coverage | null => (r.complete === false && r.coverage ? r.coverage : null);

/** The figures of the lead paragraph: the zone's spec, or every zone figure with its growth and completion. */
export function leadFigures(rows: Row[], spec: LeadClauseSpec[]): BulletinFigure[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const kindOf = (r: Row): BulletinFigure['kind'] => (r.kind === 'count' ? 'count' : r.kind === 'ratio' ? 'ratio' : 'amount');
  const part = (p: z.infer<typeof partSpec>): BulletinPart | null => {
    const r = byCode.get(p.code);
    if (!r || r.value === null) return null;
    return { name: p.name ?? r.name, value: r.value, unit: r.unit, kind: kindOf(r), decimals: p.decimals ?? r.decimals, verb: p.verb, yoy: p.yoy === false ? null : r.yoy };
  };
  const clauses: LeadClauseSpec[] = spec.length
    ? spec
    : rows
        .filter((r) => r.kind !== 'ratio' && r.value !== null && !r.parentCode)
        .slice(0, 6)
        .map((r) => ({ code: r.code, verb: r.kind === 'count' ? undefined : '完成', yoy: true, completion: true }));
  const out: BulletinFigure[] = [];
  for (const c of clauses) {
    const head = part(c);
    const r = byCode.get(c.code);
    if (!head || !r) continue;
    const fig: BulletinFigure = { ...head, kind: kindOf(r) };
    fig.related = (c.related ?? []).map(part).filter((x): x is BulletinPart => x !== null);
    fig.parts = (c.parts ?? []).map(part).filter((x): x is BulletinPart => x !== null);
    if (c.share) {
      const s = byCode.get(c.share.code);
      // The cockpit has already derived a ratio indicator (税占比) from its parts.
      const value = s?.value ?? null;
      if (value !== null) fig.share = { name: c.share.name, value: value.toString(), decimals: c.share.decimals ?? 2 };
    }
    if ((c.completion ?? false) && r.completion !== null) {
      fig.completion = r.completion;
      fig.expectedShare = r.higherIsBetter ? r.expectedShare : null;
    }
    out.push(fig);
  }
  return out;
}

export async function gatherContent(db: ReadDb | Tx, zoneId: string, p: BulletinPeriod, clock: Clock): Promise<BulletinContent> {
  const [zone] = await db.select({ name: zones.name }).from(zones).where(eq(zones.id, zoneId));
  const cockpit = (await hasTable(db, 'figures')) ? await loadCockpit(db as ReadDb, zoneId, { period: p.lastMonth }, clock) : null;
  // Every figure below is the cockpit's own row, as the cockpit shows it.
  const rows: Row[] = cockpit?.indicators ?? [];
  const { leadSpec } = await getSettings(db, zoneId);
  const figures = leadFigures(rows.filter((r) => !incompleteOf(r)), leadSpec);
  const asOf = lastDayOfMonth(p.year, Number(p.lastMonth.slice(5)));
  // 双过半 is the half-year's verdict: said when the figures read are those of 1–6月.
  const doubleHalf = p.lastMonth.endsWith('-06') ? doubleHalfSentence(rows) : '';
  const lead = [leadParagraph(p.leadLabel, figures), doubleHalf].filter(Boolean).join('');
  const indicators: IndicatorTable[] = rows
    .filter((r) => r.kind !== 'ratio' && r.units.some((u) => u.value !== null))
    .map((r) => ({
      code: r.code,
      name: r.name,
      measure: r.unit,
      decimals: r.decimals,
      zone: { value: r.value, yoy: r.yoy, completion: r.completion, expectedShare: r.expectedShare, gap: r.gap },
      coverage: incompleteOf(r),
      rows: r.units
        .filter((u) => u.value !== null || u.floor !== null)
        // An incomplete indicator is not ranked.
        .map((u) => ({ unitName: u.unitName, value: u.value, yoy: u.yoy, completion: u.completion, expectedShare: u.expectedShare, gap: u.gap, rank: incompleteOf(r) ? null : u.rank }))
        .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)),
    }));
  const zoneFigures: ZoneFigure[] = rows
    .filter((r) => r.value !== null || incompleteOf(r))
    .map((r) => {
      const partial = incompleteOf(r);
      return {
        code: r.code,
        name: r.name,
        measure: r.unit,
        decimals: r.decimals,
        value: r.value ?? '',
        yoy: partial ? null : r.yoy,
        target: r.floor,
        completion: partial ? null : r.completion,
        expectedShare: partial ? null : r.expectedShare,
        gap: partial ? null : r.gap,
        status: partial ? null : r.status,
        coverage: partial,
      };
    });
  const judged = rows.filter((r) => r.value !== null || incompleteOf(r));
  const summary = progressSummary(asOf, cockpit ? cockpit.timeProgress : null, judged);
  const projectsBehind = await projectsBehindSchedule(db, zoneId, asOf);
  const overdueTasks = (
    await rowsOf<{ title: string; unit_name: string | null; deadline: string; state: LoopState }>(
      db,
      sql`SELECT li.title, u.name AS unit_name, li.deadline::text AS deadline, li.state
            FROM loop_items li LEFT JOIN units u ON u.id = li.assignee_unit_id
           WHERE li.zone_id = ${zoneId} AND li.kind = 'task' AND li.deadline < ${asOf}::date
             AND (li.created_at AT TIME ZONE 'Asia/Shanghai')::date <= ${asOf}::date
             AND (li.closed_at IS NULL OR (li.closed_at AT TIME ZONE 'Asia/Shanghai')::date > ${asOf}::date)
           ORDER BY li.deadline, li.title LIMIT 200`,
    )
  ).map((r) => ({ title: r.title, unitName: r.unit_name ?? '—', deadline: r.deadline, daysOverdue: daysBetween(r.deadline, asOf), state: r.state }));
  const ranking = await rankingOf(db, zoneId, p);
  const problems: Problems = {
    indicators: laggingIndicators(judged),
    units: laggingUnits(rows),
    projects: projectsBehind.map((x) => ({ project: x.project, unitName: x.unitName, milestone: x.milestone, daysLate: x.daysLate })),
    tasks: overdueTasks.map((t) => ({ title: t.title, unitName: t.unitName, daysOverdue: t.daysOverdue })),
    incomplete: rows.flatMap((r) => {
      const c = incompleteOf(r);
      return c ? [{ name: r.name, coverage: c }] : [];
    }),
  };
  return {
    zoneName: zone?.name ?? '',
    period: p.code,
    periodLabel: p.label,
    cumulativeLabel: p.cumulativeLabel,
    year: p.year,
    figureMonth: p.lastMonth,
    asOf,
    timeProgress: cockpit ? cockpit.timeProgress : null,
    lead,
    summary,
    zoneFigures,
    indicators,
    projects: await projectsOf(db, zoneId, p.year, asOf),
    tasks: await tasksOf(db, zoneId, asOf),
    instructions: await instructionsOfPeriod(db, zoneId, p.start, asOf),
    hazards: await hazardsOfPeriod(db, zoneId, p.start, asOf),
    projectsBehind,
    overdueTasks,
    ranking,
    problems,
  };
}

/** The projects of the year: how many of each category, their investment, how many started or producing by `asOf`. */
async function projectsOf(db: ReadDb | Tx, zoneId: string, year: number, asOf: string): Promise<ProjectsSummary | null> {
  if (!(await hasTable(db, 'projects'))) return null;
  const rows = await rowsOf<{ category: 'industrial' | 'urban' | 'livelihood'; n: number; cny: string | null; usd: string | null; started: number; producing: number }>(
    db,
    sql`SELECT category, count(*)::int AS n,
               sum(total_investment) FILTER (WHERE currency = 'CNY')::text AS cny,
               sum(total_investment) FILTER (WHERE currency = 'USD')::text AS usd,
               count(*) FILTER (WHERE stage_dates->'started'->>'actual' <= ${asOf})::int AS started,
               count(*) FILTER (WHERE stage_dates->'producing'->>'actual' <= ${asOf})::int AS producing
          FROM projects WHERE zone_id = ${zoneId} AND year = ${year} GROUP BY category`,
  );
  if (!rows.length) return null;
  const total = (k: 'n' | 'started' | 'producing') => rows.reduce((a, r) => a + Number(r[k]), 0);
  const money = (k: 'cny' | 'usd') => trimZeros(round(sum(rows.map((r) => r[k] ?? '0')), 2));
  return {
    year,
    total: total('n'),
    byCategory: Object.fromEntries(rows.map((r) => [r.category, Number(r.n)])),
    investmentCny: money('cny'),
    investmentUsd: money('usd'),
    started: total('started'),
    producing: total('producing'),
  };
}

/** Supervision tasks raised by `asOf`: how many, closed by then, overdue then. */
async function tasksOf(db: ReadDb | Tx, zoneId: string, asOf: string): Promise<TasksSummary | null> {
  const [r] = await rowsOf<{ total: number; closed: number; overdue: number }>(
    db,
    sql`SELECT count(*)::int AS total,
               count(*) FILTER (WHERE (closed_at AT TIME ZONE 'Asia/Shanghai')::date <= ${asOf}::date)::int AS closed,
               count(*) FILTER (WHERE deadline < ${asOf}::date AND (closed_at IS NULL OR (closed_at AT TIME ZONE 'Asia/Shanghai')::date > ${asOf}::date))::int AS overdue
          FROM loop_items WHERE zone_id = ${zoneId} AND kind = 'task' AND (created_at AT TIME ZONE 'Asia/Shanghai')::date <= ${asOf}::date`,
  );
  return r && Number(r.total) > 0 ? { total: Number(r.total), closed: Number(r.closed), overdue: Number(r.overdue) } : null;
}

/** Milestones due by `asOf` (baseline, else plan) and not done by then, or done late within the period. */
async function projectsBehindSchedule(db: ReadDb | Tx, zoneId: string, asOf: string): Promise<ProjectBehind[]> {
  if (!(await hasTable(db, 'project_milestones'))) return [];
  const rows = await rowsOf<{ project: string; unit_name: string; milestone: string; due: string; actual_end: string | null }>(
    db,
    sql`SELECT p.name AS project, u.name AS unit_name, m.name AS milestone,
               COALESCE(m.baseline_end, m.planned_end)::text AS due, m.actual_end::text AS actual_end
          FROM project_milestones m JOIN projects p ON p.id = m.project_id JOIN units u ON u.id = p.responsible_unit_id
         WHERE m.zone_id = ${zoneId} AND COALESCE(m.baseline_end, m.planned_end) < ${asOf}::date
           AND (m.actual_end IS NULL OR m.actual_end > ${asOf}::date)
         ORDER BY COALESCE(m.baseline_end, m.planned_end), p.name LIMIT 200`,
  );
  // One line per project: its earliest overdue milestone.
  const seen = new Set<string>();
  const out: ProjectBehind[] = [];
  for (const r of rows) {
    if (seen.has(r.project)) continue;
    seen.add(r.project);
    out.push({ project: r.project, unitName: r.unit_name, milestone: r.milestone, due: r.due, daysLate: daysBetween(r.due, asOf) });
  }
  return out;
}

/** The published territorial scheme of this period, else the latest published one ending by the period's end. */
async function rankingOf(db: ReadDb | Tx, zoneId: string, p: BulletinPeriod): Promise<BulletinContent['ranking']> {
  const published = and(eq(assessmentSchemes.zoneId, zoneId), eq(assessmentSchemes.state, 'published'));
  const samePeriod = p.kind === 'campaign' ? eq(assessmentSchemes.campaignId, p.code) : eq(assessmentSchemes.period, p.code);
  const [same] = await db.select().from(assessmentSchemes).where(and(published, samePeriod)).limit(1);
  const [latest] = same
    ? [same]
    : await db.select().from(assessmentSchemes).where(and(published, lte(assessmentSchemes.endDate, lastDayOfMonth(p.year, Number(p.lastMonth.slice(5)))))).orderBy(desc(assessmentSchemes.endDate)).limit(1);
  if (!latest) return null;
  const r = await frozenResults(db, latest);
  return {
    schemeId: latest.id,
    schemeName: latest.name,
    rows: r.units.map((u) => ({ rank: u.rank, unitName: u.unitName, total: u.total, rankChange: u.rankChange, redFlag: u.redFlag })),
  };
}

export const fmt = {
  value: (v: string | null, decimals: number) => (v === null ? '—' : round(v, decimals)),
  pct: (v: string | null) => (v === null ? '—' : `${round(v, 1)}%`),
  gap: (v: string | null) => (v === null ? '—' : `${v.startsWith('-') ? '' : '+'}${round(v, 1)}`),
  change: (n: number | null) => (n === null ? '—' : n > 0 ? `↑${n}` : n < 0 ? `↓${-n}` : '—'),
};
