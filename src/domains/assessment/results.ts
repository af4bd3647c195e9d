// Scoring a scheme from the recorded data, ranking with the red flag, comparing
// with the previous period, publishing (freezing) and recomputing with a diff.
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { assessmentResults, assessmentSchemes, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { round } from '../../shared/decimal';
import { AppError } from '../../shared/errors';
import { checkVersion, stillCurrent } from '../../shared/input';
import type { Actor } from '../../shared/policy';
import { expectedShare, periodEnd, yoy } from '../targets/progress';
import { rankChange } from '../targets/ranking';
import { withKeys } from './itemKeys';
import { parsePeriod, previousPeriod } from './periods';
import {
  approvedFigures,
  indicatorsByCode,
  loopsInPeriod,
  milestonesDue,
  targetsOf,
  tasksDue,
  type IndicatorInfo,
} from './queries';
import { frozen, getScheme, listAdjustments, schemeItemInput, type SchemeItemConfig, type SchemeRow } from './schemes';
import { rankScores, scoreScheme, totalSummary, type ItemInput, type ItemScore, type SchemeItem } from './scoring';

export interface ScoredItem extends ItemScore {
  weight: string;
  /** The records behind the figure, one line each (what was on time, what was not). */
  evidence: string[];
}

export interface UnitResult {
  unitId: string;
  unitName: string;
  base: string;
  adjustment: string;
  total: string;
  /** How the total came about (why it may pass the full marks). */
  summary: string;
  rank: number | null;
  redFlag: boolean;
  prevRank: number | null;
  rankChange: number | null;
  items: ScoredItem[];
  adjustments: { points: string; reason: string; explanation: string }[];
}

export interface SchemeResults {
  schemeId: string;
  state: 'draft' | 'published';
  /** Data as of this date (the period end, or today while it runs). */
  asOf: string;
  /** The month whose cumulative figures were read. */
  figureMonth: string;
  previous: { schemeId: string; name: string; period: string } | null;
  units: UnitResult[];
  computedAt: string | null;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const prevMonth = (iso: string) => {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** The month whose year-to-date figures describe the scheme's period as of `asOf`. */
export function figureMonthOf(scheme: Pick<SchemeRow, 'period' | 'periodKind' | 'endDate'>, asOf: string): string {
  const p = scheme.periodKind === 'campaign' ? null : parsePeriod(scheme.period);
  const endMonth = p ? p.lastMonth : scheme.endDate.slice(0, 7);
  if (asOf >= scheme.endDate) return endMonth;
  // The period is still running: the last month that has ended.
  return prevMonth(asOf);
}

export function parseItems(items: unknown[]): SchemeItemConfig[] {
  return withKeys(items.map((i) => schemeItemInput.parse(i)));
}

const yes = '✓';
const no = '✗';

/** Computes the scheme's results from the data as it is now (never stored here). */
export async function computeResults(db: ReadDb | Tx, scheme: SchemeRow, todayIso: string): Promise<SchemeResults> {
  const asOf = minDate(scheme.endDate, todayIso);
  const figureMonth = figureMonthOf(scheme, asOf);
  const year = Number(figureMonth.slice(0, 4));
  const items = parseItems(scheme.items);
  const group = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.zoneId, scheme.zoneId), eq(units.rankingGroup, scheme.rankingGroup), eq(units.active, true)))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const unitIds = group.map((u) => u.id);
  const inputs = new Map<string, Record<string, ItemInput>>(unitIds.map((u) => [u, {}]));
  const evidence = new Map<string, Record<string, string[]>>(unitIds.map((u) => [u, {}]));
  const put = (unitId: string, key: string, input: ItemInput, lines: string[]) => {
    inputs.get(unitId)![key] = input;
    evidence.get(unitId)![key] = lines;
  };

  const needsFigures = items.some((i) => i.kind === 'indicator_completion' || i.kind === 'growth_rank');
  const indicators = needsFigures ? await indicatorsByCode(db, scheme.zoneId) : new Map<string, IndicatorInfo>();
  const figures = needsFigures ? await approvedFigures(db, scheme.zoneId, figureMonth) : [];
  const targets = needsFigures ? await targetsOf(db, scheme.zoneId, year) : [];
  const lowerIsBetter = new Map<string, boolean>();
  // 数据未齐: while a unit of the group that owes the indicator (has a target) has no
  // approved figure for the month, the item is not judged for anyone (see below).
  const unjudged = new Map<string, string>();
  const checkComplete = (key: string, ind: IndicatorInfo | undefined) => {
    if (!ind) return;
    const owing = group.filter((u) => targets.some((t) => t.indicatorId === ind.id && t.unitId === u.id));
    const missing = owing.filter((u) => !figures.some((f) => f.indicatorId === ind.id && f.unitId === u.id));
    if (missing.length) unjudged.set(key, `已报${owing.length - missing.length}/${owing.length}个单位，未报：${missing.map((u) => u.name).join('、')}`);
  };

  for (const item of items) {
    if (item.kind === 'indicator_completion' || item.kind === 'growth_rank') {
      const ind = indicators.get(item.indicatorCode);
      checkComplete(item.key, ind);
      for (const u of unitIds) {
        const f = ind ? figures.find((x) => x.indicatorId === ind.id && x.unitId === u) : undefined;
        if (item.kind === 'growth_rank') {
          const g = f ? yoy(f.value, f.prevYear) : null;
          put(u, item.key, { value: g === null ? null : g.toString() }, f
            ? [`${figureMonth}累计${round(f.value, ind!.decimals)}${ind!.measure}，上年同期${f.prevYear === null ? '—' : `${round(f.prevYear, ind!.decimals)}${ind!.measure}`}`]
            : [`${figureMonth}无已审核数据`]);
          continue;
        }
        lowerIsBetter.set(item.key, ind ? !ind.higherIsBetter : false);
        const t = ind ? targets.find((x) => x.indicatorId === ind.id && x.unitId === u) : undefined;
        const target = t ? (item.tier === 'stretch' ? (t.stretch ?? t.floor) : t.floor) : null;
        let share: string | null = null;
        if (ind) {
          const e = t?.monthlyPlan?.length === 12
            ? expectedShare(periodEnd(figureMonth), year, 'plan', { cumulative: t.monthlyPlan }, target)
            : expectedShare(periodEnd(figureMonth), year, ind.progressMode);
          share = e === null ? null : e.toString();
        }
        put(u, item.key, { actual: f?.value ?? null, target, expectedShare: share }, [
          ind && f ? `${figureMonth}累计${round(f.value, ind.decimals)}${ind.measure}` : `${figureMonth}无已审核数据`,
          ind && target !== null ? `年度${item.tier === 'stretch' ? '力争' : '确保'}目标${round(target, ind.decimals)}${ind.measure}` : '无年度目标',
        ]);
      }
    } else if (item.kind === 'tasks_on_time') {
      const rows = await tasksDue(db, scheme.zoneId, unitIds, scheme.startDate, asOf);
      for (const u of unitIds) {
        const mine = rows.filter((r) => r.unitId === u);
        const ok = (r: (typeof mine)[number]) => r.closedOn !== null && r.state === 'closed' && r.deadline !== null && r.closedOn <= r.deadline;
        put(u, item.key, { done: mine.filter(ok).length, total: mine.length }, mine.map((r) =>
          `${ok(r) ? yes : no} ${r.title}（期限${r.deadline}，${r.state === 'closed' ? `${r.closedOn}销号` : '未销号'}）`));
      }
    } else if (item.kind === 'loops_closed') {
      const rows = await loopsInPeriod(db, scheme.zoneId, unitIds, item.loopKinds, scheme.startDate, asOf);
      const kindZh: Record<string, string> = { problem: '问题', appeal: '诉求', hazard: '隐患' };
      for (const u of unitIds) {
        const mine = rows.filter((r) => r.unitId === u);
        const ok = (r: (typeof mine)[number]) => r.state === 'closed' && r.closedOn !== null && r.closedOn <= asOf;
        put(u, item.key, { done: mine.filter(ok).length, total: mine.length }, mine.map((r) =>
          `${ok(r) ? yes : no} [${kindZh[r.kind] ?? r.kind}] ${r.title}（${ok(r) ? `${r.closedOn}销号` : '未销号'}）`));
      }
    } else {
      const rows = await milestonesDue(db, scheme.zoneId, unitIds, scheme.startDate, asOf);
      for (const u of unitIds) {
        const mine = rows.filter((r) => r.unitId === u);
        const ok = (r: (typeof mine)[number]) => r.actualEnd !== null && r.actualEnd <= r.due;
        put(u, item.key, { done: mine.filter(ok).length, total: mine.length }, mine.map((r) =>
          `${ok(r) ? yes : no} ${r.project}·${r.name}（计划${r.due}，${r.actualEnd ? `${r.actualEnd}完成` : '未完成'}）`));
      }
    }
  }

  const adjustments = await listAdjustments(db, scheme.zoneId, scheme.id);
  const scoringItems: SchemeItem[] = items.map((i): SchemeItem => {
    if (unjudged.has(i.key)) i = { ...i, weight: '0' }; // scored by nobody while incomplete
    switch (i.kind) {
      case 'indicator_completion':
        return { key: i.key, name: i.name, weight: i.weight, kind: i.kind, cap: i.cap, floor: i.floor, lowerIsBetter: lowerIsBetter.get(i.key) ?? false, expectedShare: 0 };
      case 'growth_rank':
        return { key: i.key, name: i.name, weight: i.weight, kind: i.kind, step: i.step, minPoints: i.minPoints, decimals: i.decimals };
      default:
        return { key: i.key, name: i.name, weight: i.weight, kind: i.kind, whenNone: i.whenNone };
    }
  });
  const scores = scoreScheme(
    { items: scoringItems },
    unitIds.map((u) => ({
      unit: u,
      inputs: inputs.get(u)!,
      adjustments: adjustments.filter((a) => a.unitId === u).map((a) => ({ points: a.points, reason: a.reason })),
    })),
  );
  const ranked = rankScores(scores, { redFlag: scheme.redFlagPolicy });
  const previous = await previousScheme(db, scheme);
  const prevRanks = previous ? await frozenRanks(db, previous.id) : [];
  const changes = rankChange(ranked.map((r) => ({ key: r.unit, rank: r.rank })), prevRanks);
  const names = new Map(group.map((g) => [g.id, g.name]));
  const weights = new Map(items.map((i) => [i.key, i.weight]));
  return {
    schemeId: scheme.id,
    state: scheme.state,
    asOf,
    figureMonth,
    previous: previous ? { schemeId: previous.id, name: previous.name, period: previous.period } : null,
    computedAt: null,
    units: ranked.map((r) => ({
      unitId: r.unit,
      unitName: names.get(r.unit) ?? r.unit,
      base: r.base,
      adjustment: r.adjustment,
      total: r.total,
      summary: r.summary,
      rank: r.rank,
      redFlag: r.redFlag,
      prevRank: prevRanks.find((p) => p.key === r.unit)?.rank ?? null,
      rankChange: changes[r.unit] ?? null,
      items: r.items.map((i) => ({
        ...i,
        ...(unjudged.has(i.key) ? { raw: null, explanation: `${i.name}${figureMonth}数据未齐（${unjudged.get(i.key)}），本项暂不评分，得0.00分` } : {}),
        weight: weights.get(i.key) ?? '0',
        evidence: evidence.get(r.unit)?.[i.key] ?? [],
      })),
      adjustments: r.adjustments,
    })),
  };
}

/**
 * 上期 (争先进位): the same kind of scheme for the same group in the period just
 * before — 2022-Q2 for 2022-Q3, 2022-06 for 2022-07; a quarter is never the
 * previous period of a month. A campaign's is the latest campaign scheme that
 * ended before it began. Of several, the one with the same name.
 */
async function previousScheme(db: ReadDb | Tx, scheme: SchemeRow) {
  const before = scheme.periodKind === 'campaign' ? null : previousPeriod(scheme.period);
  if (scheme.periodKind !== 'campaign' && before === null) return null;
  const candidates = await db
    .select()
    .from(assessmentSchemes)
    .where(
      and(
        eq(assessmentSchemes.zoneId, scheme.zoneId),
        eq(assessmentSchemes.rankingGroup, scheme.rankingGroup),
        eq(assessmentSchemes.state, 'published'),
        eq(assessmentSchemes.periodKind, scheme.periodKind),
        before === null ? lt(assessmentSchemes.endDate, scheme.startDate) : eq(assessmentSchemes.period, before),
      ),
    )
    .orderBy(desc(assessmentSchemes.endDate));
  return candidates.find((c) => c.name === scheme.name) ?? candidates[0] ?? null;
}

async function frozenRanks(db: ReadDb | Tx, schemeId: string) {
  const rows = await db.select({ key: assessmentResults.unitId, rank: assessmentResults.rank }).from(assessmentResults).where(eq(assessmentResults.schemeId, schemeId));
  return rows;
}

/** The frozen results of a published scheme. */
export async function frozenResults(db: ReadDb | Tx, scheme: SchemeRow): Promise<SchemeResults> {
  const rows = await db
    .select({ r: assessmentResults, unitName: units.name })
    .from(assessmentResults)
    .innerJoin(units, eq(units.id, assessmentResults.unitId))
    .where(eq(assessmentResults.schemeId, scheme.id))
    .orderBy(asc(assessmentResults.rank), asc(units.sortOrder));
  const previous = await previousScheme(db, scheme);
  const caps = new Map(parseItems(scheme.items).map((i) => [i.key, i.kind === 'indicator_completion' ? i.cap : null]));
  const first = rows[0]?.r;
  const meta = (first?.items as unknown as { asOf?: string; figureMonth?: string }[] | undefined)?.[0];
  return {
    schemeId: scheme.id,
    state: 'published',
    asOf: meta?.asOf ?? scheme.endDate,
    figureMonth: meta?.figureMonth ?? '',
    previous: previous ? { schemeId: previous.id, name: previous.name, period: previous.period } : null,
    computedAt: first ? first.computedAt.toISOString() : null,
    units: rows
      .map(({ r, unitName }) => ({
        unitId: r.unitId,
        unitName,
        base: round(r.base, 2),
        adjustment: round(r.adjustment, 2),
        total: round(r.total, 2),
        // Not stored: said again from the frozen items and the (frozen) scheme's caps.
        summary: totalSummary(
          (r.items as ScoredItem[]).map((i) => ({ ...i, cap: caps.get(i.key) ?? null })),
          { base: round(r.base, 2), adjustment: round(r.adjustment, 2), total: round(r.total, 2) },
        ),
        rank: r.rank,
        redFlag: r.redFlag,
        prevRank: r.prevRank,
        rankChange: r.rankChange,
        items: (r.items as (ScoredItem & { asOf?: string; figureMonth?: string })[]).map(({ asOf: _a, figureMonth: _f, ...i }) => i),
        adjustments: r.adjustments as UnitResult['adjustments'],
      }))
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)),
  };
}

/** Results as a reader sees them: frozen once published, computed live before. */
export async function schemeResults(db: ReadDb, actor: Actor, id: string, todayIso: string) {
  const scheme = await getScheme(db, actor, id);
  return scheme.state === 'published' ? frozenResults(db, scheme) : computeResults(db, scheme, todayIso);
}

export async function publishScheme(tx: Tx, audit: Audit, actor: Actor, id: string, todayIso: string, version?: number) {
  const scheme = await getScheme(tx, actor, id);
  if (scheme.state === 'published') throw frozen();
  if (version !== undefined) checkVersion(version, scheme.version);
  const results = await computeResults(tx, scheme, todayIso);
  if (results.units.length === 0) throw new AppError('not_found', { entity: 'unit' });
  const now = new Date();
  for (const u of results.units) {
    // The first item carries the data date, so the frozen sheet says what it was computed from.
    const items = u.items.map((i, n) => (n === 0 ? { ...i, asOf: results.asOf, figureMonth: results.figureMonth } : i));
    await tx.insert(assessmentResults).values({
      zoneId: scheme.zoneId,
      schemeId: scheme.id,
      unitId: u.unitId,
      base: u.base,
      adjustment: u.adjustment,
      total: u.total,
      rank: u.rank,
      redFlag: u.redFlag,
      prevRank: u.prevRank,
      rankChange: u.rankChange,
      items,
      adjustments: u.adjustments,
      computedAt: now,
    });
  }
  const [after] = await tx
    .update(assessmentSchemes)
    .set({ state: 'published', publishedAt: now, publishedBy: actor.userId || null, updatedAt: now, version: scheme.version + 1 })
    .where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.version, scheme.version)))
    .returning();
  stillCurrent(after);
  const flag = results.units.filter((u) => u.redFlag).map((u) => u.unitName);
  await audit({
    action: 'publish',
    entity: 'assessment_scheme',
    entityId: id,
    before: { state: scheme.state },
    after: { state: 'published', redFlag: flag, ranking: results.units.map((u) => ({ unit: u.unitName, total: u.total, rank: u.rank })) },
  });
  return { scheme: after!, results: await frozenResults(tx, after!) };
}

export interface Difference {
  unitId: string;
  unitName: string;
  field: string;
  published: string;
  now: string;
}

/** A recomputation after publishing: what would change, leaving the published results as they are. */
export async function recompute(db: ReadDb, actor: Actor, id: string, todayIso: string) {
  const scheme = await getScheme(db, actor, id);
  const current = await computeResults(db, scheme, todayIso);
  if (scheme.state !== 'published') return { published: null, current, differences: [] as Difference[] };
  const published = await frozenResults(db, scheme);
  const differences: Difference[] = [];
  for (const p of published.units) {
    const c = current.units.find((u) => u.unitId === p.unitId);
    if (!c) {
      differences.push({ unitId: p.unitId, unitName: p.unitName, field: 'unit', published: p.total, now: '—' });
      continue;
    }
    for (const pi of p.items) {
      const ci = c.items.find((i) => i.key === pi.key);
      if (ci && ci.points !== pi.points) differences.push({ unitId: p.unitId, unitName: p.unitName, field: pi.name, published: pi.points, now: ci.points });
    }
    if (c.total !== p.total) differences.push({ unitId: p.unitId, unitName: p.unitName, field: 'total', published: p.total, now: c.total });
    if (c.rank !== p.rank) differences.push({ unitId: p.unitId, unitName: p.unitName, field: 'rank', published: String(p.rank ?? '—'), now: String(c.rank ?? '—') });
    if (c.redFlag !== p.redFlag) differences.push({ unitId: p.unitId, unitName: p.unitName, field: 'redFlag', published: String(p.redFlag), now: String(c.redFlag) });
  }
  for (const c of current.units) {
    if (!published.units.some((p) => p.unitId === c.unitId)) differences.push({ unitId: c.unitId, unitName: c.unitName, field: 'unit', published: '—', now: c.total });
  }
  return { published, current, differences };
}
