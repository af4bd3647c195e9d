/**
 * Precision / recall of extractor output against hand-checked expectations, per category
 * (quantities, deadlines, projects). Pure: no file access.
 *
 * Matching is one-to-one and in document order (an expected entry takes the first unmatched
 * extracted entry that fits):
 * - deadline: an extracted item with a non-null deadline whose text contains the expected
 *   snippet, with the same date;
 * - quantity: same value and unit, the extracted label contains the expected label (when one is
 *   given), and atLeast / upTo / aspirational equal where the expectation states them;
 * - project: same name and investment (value and unit).
 * Precision = matched / extracted, recall = matched / expected (1 when the denominator is 0).
 */
import type { ExtractResult, ExtractOptions, Quantity } from './types';

export interface ExpectedDeadline { text: string; date: string }
export interface ExpectedQuantity {
  value: number;
  unit: string;
  label?: string;
  atLeast?: boolean;
  upTo?: number;
  aspirational?: boolean;
}
export interface ExpectedProject { name: string; value: number; unit: string }

export interface Expected {
  seed: string;
  /** corpus texts: which half the text belongs to (rules are fixed on 'dev' only) */
  half?: 'dev' | 'heldout';
  options?: ExtractOptions;
  year?: number | null;
  deadlines: ExpectedDeadline[];
  quantities: ExpectedQuantity[];
  projects: ExpectedProject[];
}

export type Category = 'quantities' | 'deadlines' | 'projects';
export const CATEGORIES: Category[] = ['quantities', 'deadlines', 'projects'];

export interface CategoryScore {
  expected: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  /** expected entries not found */
  misses: string[];
  /** extracted entries not expected */
  extras: string[];
}

export type Scores = Record<Category, CategoryScore>;

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** One-to-one matching in document order (also comparing two labellings: scripts/label-agreement.ts). */
export function match<E, X>(expected: E[], extracted: X[], fits: (e: E, x: X) => boolean, showE: (e: E) => string, showX: (x: X) => string): CategoryScore {
  const used = new Set<number>();
  const misses: string[] = [];
  for (const e of expected) {
    const k = extracted.findIndex((x, i) => !used.has(i) && fits(e, x));
    if (k < 0) misses.push(showE(e));
    else used.add(k);
  }
  const extras = extracted.filter((_, i) => !used.has(i)).map(showX);
  const matched = used.size;
  return {
    expected: expected.length,
    extracted: extracted.length,
    matched,
    precision: ratio(matched, extracted.length),
    recall: ratio(matched, expected.length),
    misses,
    extras,
  };
}

export function quantityFits(e: ExpectedQuantity, q: Quantity): boolean {
  if (q.value !== e.value || q.unit !== e.unit) return false;
  if (e.label !== undefined && e.label !== '' && !q.label.includes(e.label)) return false;
  if (e.atLeast !== undefined && q.atLeast !== e.atLeast) return false;
  if (e.upTo !== undefined && q.upTo !== e.upTo) return false;
  if (e.aspirational !== undefined && (q.aspirational ?? false) !== e.aspirational) return false;
  return true;
}

export function scoreExtraction(result: ExtractResult, expected: Expected): Scores {
  const dated = result.items.filter((i) => i.deadline !== null);
  const quantities = result.items.flatMap((i) => i.quantities);
  const projects = result.items.flatMap((i) => (i.project ? [i.project] : []));
  return {
    deadlines: match(
      expected.deadlines,
      dated,
      (e, x) => x.deadline === e.date && x.text.includes(e.text),
      (e) => `${e.date} ${e.text}`,
      (x) => `${x.deadline} ${x.text}`,
    ),
    quantities: match(
      expected.quantities,
      quantities,
      quantityFits,
      (e) => `${e.value}${e.unit} ${e.label ?? ''}`,
      (x) => `${x.value}${x.unit} ${x.label}`,
    ),
    projects: match(
      expected.projects,
      projects,
      (e, x) => x.name === e.name && x.investment.value === e.value && x.investment.unit === e.unit,
      (e) => `${e.name} ${e.value}${e.unit}`,
      (x) => `${x.name} ${x.investment.value}${x.investment.unit}`,
    ),
  };
}

/** Micro-average over several documents. */
export function combineScores(all: Scores[]): Scores {
  const out = {} as Scores;
  for (const c of CATEGORIES) {
    const expected = all.reduce((s, x) => s + x[c].expected, 0);
    const extracted = all.reduce((s, x) => s + x[c].extracted, 0);
    const matched = all.reduce((s, x) => s + x[c].matched, 0);
    out[c] = {
      expected,
      extracted,
      matched,
      precision: ratio(matched, extracted),
      recall: ratio(matched, expected),
      misses: all.flatMap((x) => x[c].misses),
      extras: all.flatMap((x) => x[c].extras),
    };
  }
  return out;
}

/** Markdown table: one row per document and category, then the totals. */
export function scoreTable(rows: Array<{ name: string; scores: Scores }>): string {
  const lines = ['| document | category | expected | extracted | matched | precision | recall |', '|---|---|---:|---:|---:|---:|---:|'];
  const fmt = (x: number) => x.toFixed(3);
  for (const r of rows) {
    for (const c of CATEGORIES) {
      const s = r.scores[c];
      lines.push(`| ${r.name} | ${c} | ${s.expected} | ${s.extracted} | ${s.matched} | ${fmt(s.precision)} | ${fmt(s.recall)} |`);
    }
  }
  return lines.join('\n');
}

/** A corpus text begins with one source line ("# 来源：URL ｜ title ｜ date"): not part of the document. */
export function corpusBody(raw: string): string {
  return raw.startsWith('# ') ? raw.slice(raw.indexOf('\n') + 1) : raw;
}

export interface ScoredDoc {
  name: string;
  scores: Scores;
}

/**
 * Scores a set of documents with `run` (the extractor, or the CLI's JSON) and micro-averages
 * them: precision and recall per class over the whole set, plus each document's own scores.
 */
export function scoreSet(
  docs: Array<{ name: string; text: string; expected: Expected }>,
  run: (text: string, options: ExtractOptions) => ExtractResult,
): { docs: ScoredDoc[]; total: Scores } {
  const scored = docs.map((d) => ({ name: d.name, scores: scoreExtraction(run(d.text, d.expected.options ?? {}), d.expected) }));
  return { docs: scored, total: combineScores(scored.map((d) => d.scores)) };
}
