/**
 * A plan stated inside a report sentence ("目前，项目已完成1号厂房的建设，3号厂房计划10月底完成施工";
 * "截至今年5月，项目已实现…，计划2025年6月实现首台机组投产"). The report/plan decision is made per
 * sentence (results.ts); these clauses are read as tasks all the same, so the decision is in
 * effect per clause. A clause is a plan when a plan word comes before a deadline phrase and a
 * milestone verb follows the phrase in the clause, with no figure between: the date is when
 * something is to happen, not the period a figure covers (`预计全年实现产值X`,
 * `预计一季度有60个项目可实现开工` stay estimates).
 */
import type { DeadlineHit } from './deadline';
import { ESTIMATE_MARK } from './results';

/** Words that announce what is still to happen. */
const PLAN_WORD = /计划|有望|将于|将在|将|力争|争取|拟|预计|确保/;
/** A plan word right after the time: "10月底前计划…", "年底将投产"; an expectation too ("年底可望投入运营", "年底前可完工", round 21). */
const PLAN_AFTER = /^(?:前|以前|之前)?(?:计划|有望|将|可望|可以|可(?=[\u4e00-\u9fa5]))/;
/** An estimate of a period's figure, not a milestone ("预计全年实现地区生产总值685亿元"). */
const ESTIMATE = /预计(?:全年|今年|至\d{1,2}月)?[，,]?(?:可)?(?:累计)?(?:实现|完成)[^，；。]*\d/;

/** Cheap test first: a segment without a plan word has no plan clause (saves reading its deadlines). */
export function mayHavePlan(segment: string): boolean {
  return PLAN_WORD.test(segment) || segment.includes('可') || AHEAD_DONE.test(segment);
}

/** A time right before a completion ("9月中旬完成3号标准厂房建设"): a plan when the time is still ahead (round 28). */
const AHEAD_DONE = /(?:月|旬|底|日)(?:前)?(?:全面|基本|正式)?(?:完成|建成|竣工|投产|投用|交付|完工|开业|通车)/;

export interface PlanClause {
  start: number;
  end: number;
  deadlines: DeadlineHit[];
}

/**
 * Index of the first clause of a report segment that states a plan, or -1. `deadlinesOf` reads a
 * clause's deadline phrases as in a pledge; `milestone` is the verb test of task mode.
 */
export function planClauseIndex(norm: string, clauses: PlanClause[], milestone: RegExp, date: string | null = null): number {
  return clauses.findIndex((c) => {
    const d = c.deadlines[0];
    if (!d) return false;
    const before = norm.slice(c.start, d.start);
    const after = norm.slice(d.end, c.end);
    // (without a plan word, a time still ahead at the document's date that opens its clause right before a completion)
    const ahead = date !== null && d.date !== null && d.date > date && before.trim() === '' && AHEAD_DONE.test(norm.slice(d.start, c.end).slice(0, d.end - d.start + 8));
    if (!PLAN_WORD.test(before) && !PLAN_AFTER.test(after) && !ahead) return false;
    if (ESTIMATE.test(norm.slice(c.start, c.end)) || ESTIMATE_MARK.test(norm.slice(c.start, c.end))) return false;
    // a figure before the verb is what is estimated: "预计一季度有60个项目可实现开工"
    const v = milestone.exec(after);
    return v !== null && !/\d/.test(after.slice(0, v.index));
  });
}
