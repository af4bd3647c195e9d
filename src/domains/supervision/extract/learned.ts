/**
 * A learned second pass over the rules' output (docs/extraction.md › "A learned second pass"): two logistic models over
 * hashed features of a ；-segment and its document, trained on the labelled corpus (scripts/extract-train.ts).
 * - keep: for each dated task the rules found, how likely its deadline is one a reader labels; below the threshold the
 *   item keeps its figures and loses its date (rule `deadline:learned-drop`);
 * - add: for each ；-segment without a dated task, how likely a reader dates it at the end of the document's plan year;
 *   above the threshold its undated task is dated so, or the segment becomes one (rule `deadline:learned`).
 * Pure and deterministic: the weights are data (model.ts), the features are strings hashed into a fixed table.
 */
import type { ExtractedItem } from './types';
import { DONE, ITEM_LEAD, trimMarks, type Paragraph } from './sentences';

export type Head = 'keep' | 'add';

export interface Model {
  /** log2 of the table size */
  bits: number;
  /** a weight is its stored byte (−127…127) times `scale` */
  scale: number;
  thresholds: Record<Head, number>;
  /** base64 of one signed byte per bucket, per head */
  weights: Record<Head, string>;
}

/** A commitment word: the rules' date of a pledged task is not dropped. */
const PLEDGED = /确保|力争|争取|将(?!近)|务必|必须/;

export interface Candidate {
  head: Head;
  features: string[];
  /** keep: the dated item; add: the undated task inside the segment, if any */
  item: ExtractedItem | null;
  start: number;
  end: number;
  /** add: the date it would get */
  date: string;
}

/** What the document's first lines say it is. */
const DOC_CUES = ['实事', '工程', '要点', '计划', '方案', '目标', '报告', '任务', '清单', '通知', '会议', '记者', '据悉', '讯', '今年', '年度', '督查', '推进会', '动员', '项目'];
const FLAGS: Array<[string, RegExp]> = [
  ['fig', /\d/],
  ['done', DONE],
  ['modal', /将(?!近)|要(?![求素点])|确保|力争|争取|计划/],
  ['report', /同比|增长|比上年|累计|截至|截止|实现了|完成了/],
  ['year', /(?:19|20)\d{2}年/],
  ['time', /\d{1,2}月|年底|年内|季度|上半年|下半年/],
  ['quote', /[“”]/],
  ['colon', /[：:]/],
];

function bucketOf(n: number, edges: number[]): number {
  let k = 0;
  while (k < edges.length && n > edges[k]!) k++;
  return k;
}

/** Digits are one symbol to the model: "新增5家" and "新增12家" read alike. */
function shape(t: string): string {
  return t.replace(/\d+(?:\.\d+)?/g, '0');
}

function textFeatures(prefix: string, t: string, out: string[]): void {
  const s = shape(t.replace(ITEM_LEAD, '')).slice(0, 80);
  out.push(`${prefix}h1:${s.slice(0, 1)}`, `${prefix}h2:${s.slice(0, 2)}`, `${prefix}h3:${s.slice(0, 3)}`, `${prefix}e2:${s.slice(-2)}`);
  for (let i = 0; i + 1 < s.length; i++) out.push(`${prefix}b:${s.slice(i, i + 2)}`);
  out.push(`${prefix}len:${bucketOf(t.length, [8, 16, 32, 64, 128])}`);
  for (const [name, re] of FLAGS) if (re.test(t)) out.push(`${prefix}f:${name}`);
  if (ITEM_LEAD.test(t)) out.push(`${prefix}numbered`);
}

interface DocContext {
  year: number | null;
  date: string | null;
  cues: string[];
}

function docContext(norm: string, paras: Paragraph[], year: number | null, date: string | null): DocContext {
  const lead = paras.slice(0, 2).map((p) => norm.slice(p.start, p.end)).join('').slice(0, 200);
  const cues = DOC_CUES.filter((c) => lead.includes(c)).map((c) => `doc:${c}`);
  if (date === null) cues.push('doc:no-date');
  else if (year !== null && Number(date.slice(0, 4)) === year) cues.push(`doc:month${bucketOf(Number(date.slice(5, 7)), [2, 4, 6, 9])}`);
  else cues.push('doc:other-year');
  return { year, date, cues };
}

/** The features of a span: its words, its line, the heading and the sentence before it, the document. */
function spanFeatures(norm: string, paras: Paragraph[], headings: number[], k: number, start: number, end: number, doc: DocContext): string[] {
  const out: string[] = ['bias', ...doc.cues];
  textFeatures('', norm.slice(start, end), out);
  const para = paras[k]!;
  const line = norm.slice(para.start, para.end);
  if (para.start === start && para.end <= end + 1) out.push('own-line');
  textFeatures('ln:', line.slice(0, 12), out);
  // the nearest heading above, and the text just before the span
  const j = headings[k]!;
  if (j >= 0) {
    const h = shape(norm.slice(paras[j]!.start, paras[j]!.end)).slice(0, 24);
    for (let i = 0; i + 1 < h.length; i++) out.push(`hd:${h.slice(i, i + 2)}`);
    out.push(`hd-dist:${bucketOf(k - j, [1, 3, 8])}`);
  }
  const before = shape(norm.slice(Math.max(0, start - 12), start));
  for (let i = 0; i + 1 < before.length; i++) out.push(`pv:${before.slice(i, i + 2)}`);
  out.push(`pos:${bucketOf(k / Math.max(1, paras.length), [0.1, 0.3, 0.6])}`);
  return out;
}

/** The plan year a document's dates point at: its commonest year-end among the rules' dated tasks, else its year. */
function planYear(items: ExtractedItem[], year: number | null): number | null {
  const counts = new Map<string, number>();
  for (const it of items) if (it.deadline?.endsWith('-12-31')) counts.set(it.deadline.slice(0, 4), (counts.get(it.deadline.slice(0, 4)) ?? 0) + 1);
  let best: string | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best !== null ? Number(best) : year;
}

/** Every decision the model can take on a document's rule output. */
export function candidates(norm: string, paras: Paragraph[], items: ExtractedItem[], year: number | null, date: string | null): Candidate[] {
  if (year === null) return [];
  const doc = docContext(norm, paras, year, date);
  const target = `${planYear(items, year)}-12-31`;
  // (a year already ended at the document's date dates nothing: a plan is never dated in the past)
  const addable = date === null || target >= date;
  const segs = paras.flatMap((p, k) => p.sentences.flatMap((s) => s.segments.map((seg) => ({ seg, k }))));
  // the items over each segment, and the dated tasks starting in it (one pass: segments are in text order)
  const over: ExtractedItem[][] = segs.map(() => []);
  const starting: ExtractedItem[][] = segs.map(() => []);
  for (const it of items) {
    let lo = 0;
    let hi = segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid]!.seg.end > it.start) hi = mid;
      else lo = mid + 1;
    }
    if (lo < segs.length && segs[lo]!.seg.start <= it.start && it.kind === 'task' && it.deadline !== null) starting[lo]!.push(it);
    for (let j = lo; j < segs.length && segs[j]!.seg.start < it.end; j++) over[j]!.push(it);
  }
  const headings = headingAbove(paras);
  const out: Candidate[] = [];
  segs.forEach(({ seg, k }, j) => {
    for (const it of starting[j]!) {
      if (it.rules.includes(ANNOUNCES_LIST)) continue;
      const f = spanFeatures(norm, paras, headings, k, it.start, it.end, doc);
      for (const r of it.rules) f.push(`r:${r}`);
      f.push(`dp:${shape(it.deadlinePhrase ?? '')}`, `dy:${it.deadline!.endsWith('-12-31') ? 'year-end' : 'day'}`);
      if (date !== null) f.push(`dt:${it.deadline! < date ? 'past' : 'ahead'}`);
      out.push({ head: 'keep', features: f, item: it, start: it.start, end: it.end, date: it.deadline! });
    }
    // a segment with a dated task, a result or two tasks is left as the rules read it
    const here = over[j]!;
    if (!addable || here.length > 1 || here.some((it) => it.kind === 'result' || it.deadline !== null)) return;
    // (nor is a segment that names an earlier year, a report of it, a short heading line ("2024年目标任务"), the title line, or
    // one without words: an item's number standing alone, "2。")
    const words = norm.slice(seg.start, seg.end);
    if (namesEarlierYear(words, Number(target.slice(0, 4))) || MULTI_YEAR.test(words) || PROGRESS_TOLD.test(words) || (paras[k]!.heading && (k === 0 || seg.end - seg.start <= 16)) || !/[\u4e00-\u9fa5]{2}/.test(words)) return;
    const f = spanFeatures(norm, paras, headings, k, seg.start, seg.end, doc);
    const undated = here[0] ?? null;
    if (undated) {
      f.push('has-item');
      for (const r of undated.rules) f.push(`r:${r}`);
    }
    out.push({ head: 'add', features: f, item: undated, start: seg.start, end: seg.end, date: target });
  });
  return out;
}

/** The rule of a sentence that pledges or decides a counted list (index.ts): its date is the rules' to give, not the pass's to drop. */
export const ANNOUNCES_LIST = 'deadline:announces-list';

/** A segment that tells how far work has got ("完成率35%", "3项进展较快", "正在进行前期工作"): a report, never a plan's target. */
const PROGRESS_TOLD = /完成率|进展(?:较快|顺利|良好)|正在(?:进行|抓紧|实施|开展|推进)|已(?:经)?(?:完成|启动|开工|建成|竣工|投产|实施)/;

/** A target over several years ("年均增长7.5%", "今后五年", "三年内"): not one year's end. */
const MULTI_YEAR = /年均|今后[一二三四五六七八九十\d]+年|未来[一二三四五六七八九十\d]+年|[两二三四五六七八九十\d]年(?:内|间)/;

/** Does the text name a year before `year` ("2020年" in a 2021 plan)? */
function namesEarlierYear(t: string, year: number): boolean {
  for (const m of t.matchAll(/((?:19|20)\d{2})年/g)) if (Number(m[1]) < year) return true;
  return false;
}

/** For each paragraph, the nearest heading above it within 30 paragraphs, or -1. */
function headingAbove(paras: Paragraph[]): number[] {
  let last = -1;
  return paras.map((p, k) => {
    const above = last >= 0 && k - last <= 30 ? last : -1;
    if (p.heading) last = k;
    return above;
  });
}

/** FNV-1a: a feature's bucket. */
export function bucket(feature: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & ((1 << bits) - 1);
}

const decoded = new WeakMap<Model, Record<Head, Int8Array>>();
function tables(model: Model): Record<Head, Int8Array> {
  let t = decoded.get(model);
  if (!t) {
    const read = (b64: string) => new Int8Array(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer);
    t = { keep: read(model.weights.keep), add: read(model.weights.add) };
    decoded.set(model, t);
  }
  return t;
}

/** The model's probability for a candidate. */
export function probability(model: Model, c: Candidate): number {
  const w = tables(model)[c.head];
  let z = 0;
  for (const f of c.features) z += w[bucket(f, model.bits)]! * model.scale;
  return 1 / (1 + Math.exp(-z));
}

/** Applies the model's decisions to the rules' items (in place); a new item goes before the first that starts after it. */
export function applyModel(model: Model, cands: Candidate[], items: ExtractedItem[], source: string, named: (t: string) => string[]): void {
  for (const c of cands) {
    const p = probability(model, c);
    if (c.head === 'keep' && p < model.thresholds.keep && c.item && !PLEDGED.test(c.item.text)) {
      c.item.deadline = null;
      delete c.item.deadlinePhrase;
      c.item.rules = [...c.item.rules.filter((r) => !r.startsWith('deadline:')), 'deadline:learned-drop'];
    } else if (c.head === 'add' && p >= model.thresholds.add) {
      const [start, end] = trimMarks(source, c.start, c.end);
      const it = c.item ?? newTask(source, start, end, named);
      it.start = Math.min(it.start, start);
      it.end = Math.max(it.end, end);
      it.text = source.slice(it.start, it.end);
      // (no words of the text gave the date: the rule id says where it came from)
      it.deadline = c.date;
      it.rules.push('deadline:learned');
      if (!c.item) {
        const at = items.findIndex((x) => x.start > it.start);
        items.splice(at < 0 ? items.length : at, 0, it);
      }
    }
  }
}

function newTask(source: string, start: number, end: number, named: (t: string) => string[]): ExtractedItem {
  const text = source.slice(start, end);
  const units = named(text);
  return { kind: 'task', text, start, end, units, deadline: null, quantities: [], project: null, lead: units[0] ?? null, supporting: [], leader: null, rules: [] };
}
