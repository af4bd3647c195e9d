/**
 * Pure scoring of an assessment scheme (考核方案) for one group of units
 * (towns and sub-districts are scored apart from departments: pass one group).
 *
 * Rounding, chosen so a published score sheet adds up by hand:
 * completion and time progress are rounded to 0.1% as printed; the score rate
 * (得分率) to 4 decimals; each item's points to 0.01; the base is the sum of
 * the ROUNDED item points and the total adds the rounded adjustments.
 */
import { Decimal, dec, decOrNull, round, sum, type DecimalLike } from '../../shared/decimal';
import { trimZeros } from '../../shared/format';
import { completionRate } from '../targets/progress';
import { rank } from '../targets/ranking';

type Maybe = DecimalLike | null | undefined;

interface ItemBase {
  key: string;
  name: string;
  weight: DecimalLike;
}

/** points = weight × min(cap, max(floor, completion / expected share)). */
export interface IndicatorCompletionItem extends ItemBase {
  kind: 'indicator_completion';
  cap?: DecimalLike; // default 1.2
  floor?: DecimalLike; // default 0
  /** Time progress in percent for all units; a unit's input may override it (plan mode). */
  expectedShare?: DecimalLike;
  lowerIsBetter?: boolean;
}

/** First place gets the weight; each place below loses `step` (default 1), not below `minPoints` (default 0). */
export interface GrowthRankItem extends ItemBase {
  kind: 'growth_rank';
  step?: DecimalLike;
  minPoints?: DecimalLike;
  higherIsBetter?: boolean; // default true
  /** Values are compared as printed with these decimals, so printed ties share a place (default 1). */
  decimals?: number;
  valueUnit?: string; // default '%'
}

/** points = weight × done / total; with no items the rate is `whenNone` (default 1: full points). */
export interface OnTimeItem extends ItemBase {
  kind: 'milestones_on_time' | 'tasks_on_time' | 'loops_closed';
  whenNone?: DecimalLike;
}

export type SchemeItem = IndicatorCompletionItem | GrowthRankItem | OnTimeItem;
export type ItemKind = SchemeItem['kind'];

export interface Scheme {
  items: readonly SchemeItem[];
}

/** What a unit brings to one item; only the fields of the item's kind are read. */
export interface ItemInput {
  actual?: Maybe; // indicator_completion
  target?: Maybe;
  expectedShare?: Maybe;
  value?: Maybe; // growth_rank
  done?: number; // on-time kinds; missing means 0 of 0
  total?: number;
}

/** Bonus (+) or deduction (−) with its reason, e.g. { points: -1, reason: '安全生产事故' }. */
export interface Adjustment {
  points: DecimalLike;
  reason: string;
}

export interface UnitInput {
  unit: string;
  inputs: Readonly<Record<string, ItemInput | undefined>>;
  adjustments?: readonly Adjustment[];
}

export interface ItemScore {
  key: string;
  name: string;
  kind: ItemKind;
  /** The measured figure: completion %, the ranked value, or the on-time %. Null when missing. */
  raw: string | null;
  /** Share of the weight earned (得分率), 4 decimals. */
  rate: string;
  points: string;
  explanation: string;
}

export interface UnitScore {
  unit: string;
  items: ItemScore[];
  base: string;
  adjustments: { points: string; reason: string; explanation: string }[];
  adjustment: string;
  total: string;
  /** How the total came about, saying why it may exceed the full marks (rates above 1, capped). */
  summary: string;
}

const pts = (x: Decimal) => round(x, 2);
/** 1.2 → '1.20', 1.2415 → '1.2415': at least two decimals, no padding beyond. */
const rateText = (r: Decimal) => {
  const t = trimZeros(round(r, 4));
  const frac = t.split('.')[1] ?? '';
  return frac.length >= 2 ? t : r.toFixed(2);
};

/**
 * The item's name followed by what was measured, without saying a word twice:
 * a label the name already carries is left out ("完成率" after "GDP完成率"), and
 * where the name ends as the phrase begins the overlap is written once
 * ("按时完成" + "按时完成任务3项" → "按时完成任务3项").
 */
export function lead(name: string, ...parts: [label: string, rest: string][]): string {
  let text = name;
  for (const [label, rest] of parts) text = join(text, (name.includes(label) ? '' : label) + rest);
  return text;
}

/** Only words overlap: two or more Chinese characters, never digits ("指标12" + "12.3%" stays as it is). */
function join(a: string, b: string): string {
  for (let k = Math.min(a.length, b.length); k >= 2; k--) {
    const overlap = b.slice(0, k);
    if (/^[\u4e00-\u9fff]+$/.test(overlap) && a.endsWith(overlap)) return a + b.slice(k);
  }
  return a + b;
}

export function scoreScheme(scheme: Scheme, units: readonly UnitInput[]): UnitScore[] {
  const seen = new Set<string>();
  for (const item of scheme.items) {
    if (seen.has(item.key)) throw new RangeError(`duplicate scheme item key: ${item.key}`);
    seen.add(item.key);
    if (dec(item.weight).lt(0)) throw new RangeError(`negative weight: ${item.key}`);
  }
  if (new Set(units.map((u) => u.unit)).size !== units.length) throw new RangeError('duplicate unit in scoring input');
  const growthRanks = new Map(
    scheme.items
      .filter((i): i is GrowthRankItem => i.kind === 'growth_rank')
      .map((item) => [item.key, rankGrowth(item, units)] as const),
  );
  return units.map((u) => {
    const items = scheme.items.map((item) => {
      const input = u.inputs[item.key] ?? {};
      switch (item.kind) {
        case 'indicator_completion':
          return scoreCompletion(item, input);
        case 'growth_rank':
          return scoreGrowth(item, input, growthRanks.get(item.key)?.get(u.unit) ?? null);
        default:
          return scoreOnTime(item, input);
      }
    });
    const adjustments = (u.adjustments ?? []).map((a) => {
      const p = pts(dec(a.points));
      const bonus = !p.startsWith('-');
      return { points: p, reason: a.reason, explanation: `${bonus ? '加分' : '扣分'}：${a.reason}，${bonus ? '+' : ''}${p}分` };
    });
    const base = sum(items.map((i) => i.points));
    const adjustment = sum(adjustments.map((a) => a.points));
    const totals = { base: pts(base), adjustment: pts(adjustment), total: pts(base.plus(adjustment)) };
    const summary = totalSummary(items.map((i, n) => ({ ...i, weight: scheme.items[n]!.weight, cap: capOf(scheme.items[n]!) })), totals);
    return { unit: u.unit, items, adjustments, ...totals, summary };
  });
}

const capOf = (item: SchemeItem) => (item.kind === 'indicator_completion' ? (item.cap ?? '1.2') : null);

/**
 * One sentence for the total: the base as the sum of the weighted items, and —
 * when it passes the full marks (the sum of the weights) — which items earned
 * more than their weight because their rate went above 1, and the cap on it.
 */
export function totalSummary(
  items: readonly { name: string; rate: string; weight: DecimalLike; cap?: DecimalLike | null }[],
  t: { base: string; adjustment: string; total: string },
): string {
  const full = sum(items.map((i) => i.weight));
  const over = items.filter((i) => dec(i.rate).gt(1));
  let text = `基础分${t.base}分，为${items.length}个考核项按权重得分之和（满分${trimZeros(round(full, 2))}分）`;
  if (over.length > 0 && dec(t.base).gt(full)) {
    const who = over.map((i) => `${i.name}得分率${rateText(dec(i.rate))}${i.cap != null ? `（封顶${trimZeros(round(i.cap, 2))}）` : ''}`).join('、');
    text += `；${who}，完成快于序时进度，得分超过权重，合计多得${pts(dec(t.base).minus(full))}分`;
  }
  if (!dec(t.adjustment).isZero()) text += `；加减分${t.adjustment.startsWith('-') ? '' : '+'}${t.adjustment}分`;
  return `${text}；总分${t.total}分`;
}

function scoreCompletion(item: IndicatorCompletionItem, input: ItemInput): ItemScore {
  const weight = dec(item.weight);
  const cap = dec(item.cap ?? '1.2');
  const floor = dec(item.floor ?? 0);
  const base = { key: item.key, name: item.name, kind: item.kind };
  const c = decOrNull(completionRate(input.actual, input.target, { lowerIsBetter: item.lowerIsBetter }));
  if (c === null) {
    return { ...base, raw: null, rate: '0.0000', points: '0.00', explanation: `${lead(item.name, ['', '无目标或未报数'])}，得0.00分` };
  }
  const completion = dec(round(c, 1));
  // A ceiling holds at every date: lower-is-better is measured against 100%, not the calendar.
  const expectedRaw = item.lowerIsBetter ? 100 : (decOrNull(input.expectedShare) ?? decOrNull(item.expectedShare));
  if (expectedRaw === null) throw new RangeError(`no expected share for item ${item.key}`);
  const expected = dec(round(expectedRaw, 1));
  // Nothing expected yet (start of the year): nobody is behind, full rate.
  const ratio = expected.lte(0) ? new Decimal(1) : completion.div(expected).toDecimalPlaces(4);
  const rate = Decimal.min(cap, Decimal.max(floor, ratio));
  const note = ratio.gt(cap) ? '（封顶）' : ratio.lt(floor) ? '（保底）' : '';
  const points = pts(weight.times(rate));
  return {
    ...base,
    raw: completion.toFixed(1),
    rate: rate.toFixed(4),
    points,
    explanation: `${lead(item.name, ['完成率', `${completion.toFixed(1)}%`])}，序时进度${expected.toFixed(1)}%，得分率${rateText(rate)}${note}，得${points}分`,
  };
}

function rankGrowth(item: GrowthRankItem, units: readonly UnitInput[]): Map<string, number | null> {
  const entries = units.map((u) => ({ key: u.unit, value: u.inputs[item.key]?.value }));
  const ranked = rank(entries, item.higherIsBetter ?? true, { decimals: item.decimals ?? 1 });
  return new Map(ranked.map((r) => [r.key, r.rank]));
}

function scoreGrowth(item: GrowthRankItem, input: ItemInput, place: number | null): ItemScore {
  const weight = dec(item.weight);
  const base = { key: item.key, name: item.name, kind: item.kind };
  const value = decOrNull(input.value);
  if (value === null || place === null) {
    return { ...base, raw: null, rate: '0.0000', points: '0.00', explanation: `${lead(item.name, ['', '未报数'])}，不参与排名，得0.00分` };
  }
  const step = dec(item.step ?? 1);
  const earned = Decimal.max(dec(item.minPoints ?? 0), weight.minus(step.times(place - 1)));
  const points = pts(Decimal.min(weight, earned));
  const printed = round(value, item.decimals ?? 1);
  return {
    ...base,
    raw: printed,
    rate: weight.isZero() ? '0.0000' : dec(points).div(weight).toFixed(4),
    points,
    explanation: `${lead(item.name, ['', `${printed}${item.valueUnit ?? '%'}`])}，列第${place}位，得${points}分`,
  };
}

// `did` + `noun` is what was counted ("按时完成" + "任务"); the noun is left out when the item's name has it.
// With nothing due the sentence says "无到期" + noun, or "无到期事项" when the name has the noun.
const ON_TIME_WORDS: Record<OnTimeItem['kind'], { did: string; noun: string; measure: string; rateName: string; none: [string, string] }> = {
  milestones_on_time: { did: '按时完成', noun: '节点', measure: '个', rateName: '按时率', none: ['无到期', '节点'] },
  tasks_on_time: { did: '按时完成', noun: '任务', measure: '项', rateName: '按时率', none: ['无到期', '任务'] },
  loops_closed: { did: '闭环销号', noun: '', measure: '个', rateName: '销号率', none: ['无待销号', '问题'] },
};

function scoreOnTime(item: OnTimeItem, input: ItemInput): ItemScore {
  const weight = dec(item.weight);
  const done = input.done ?? 0;
  const total = input.total ?? 0;
  if (!Number.isInteger(done) || !Number.isInteger(total) || done < 0 || done > total) {
    throw new RangeError(`${item.key}: need integers 0 ≤ done ≤ total, got ${done}/${total}`);
  }
  const w = ON_TIME_WORDS[item.kind];
  const base = { key: item.key, name: item.name, kind: item.kind };
  if (total === 0) {
    const rate = dec(item.whenNone ?? 1);
    const points = pts(weight.times(rate));
    const how = rate.eq(1) ? `得满分${points}分` : `得分率${rateText(rate)}，得${points}分`;
    return { ...base, raw: null, rate: rate.toFixed(4), points, explanation: `${lead(item.name, ['', w.none[0] + (item.name.includes(w.none[1]) ? '事项' : w.none[1])])}，${how}` };
  }
  const rate = new Decimal(done).div(total).toDecimalPlaces(4);
  const points = pts(weight.times(rate));
  const percent = round(new Decimal(done).div(total).times(100), 1);
  return {
    ...base,
    raw: percent,
    rate: rate.toFixed(4),
    points,
    explanation: `${lead(item.name, [w.did, ''], [w.noun, `${done}${w.measure}/共${total}${w.measure}`])}，${item.name.includes(w.rateName) ? '' : w.rateName}${percent}%，得${points}分`,
  };
}

// ---------------------------------------------------------------- ranking and the red flag

export interface ScoreRankOptions {
  /**
   * 流动红旗 policy. 'all_tied' (default): every unit at rank 1 gets it — totals
   * are compared as published (0.01), and a tie is not broken by hidden digits
   * or by list order; the office breaks it deliberately with an adjustment.
   * 'unique_only': awarded only when exactly one unit is first.
   */
  redFlag?: 'all_tied' | 'unique_only';
}

export type RankedScore<T> = T & { rank: number | null; redFlag: boolean };

/** Competition ranking of totals (1, 2, 2, 4), best first; missing totals last and unranked. */
export function rankScores<T extends { unit: string; total: Maybe }>(
  scores: readonly T[],
  opts: ScoreRankOptions = {},
): RankedScore<T>[] {
  const ranked = rank(
    scores.map((s) => ({ key: s.unit, value: s.total, score: s })),
    true,
    { decimals: 2 },
  );
  const tops = ranked.filter((r) => r.rank === 1).length;
  const award = tops === 1 || (tops > 1 && (opts.redFlag ?? 'all_tied') === 'all_tied');
  return ranked.map((r) => ({ ...r.score, rank: r.rank, redFlag: award && r.rank === 1 }));
}
