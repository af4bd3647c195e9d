/**
 * Text preparation: width normalisation (same length, so offsets stay valid), quotation
 * masks, and segmentation into paragraphs → sentences → segments (；) → clauses (，).
 */
import type { Span } from './types';

/** A short line ending with a figure is a statement of the figure, not a heading: "其中产业发展项目830个", "总投资25790亿元"
 * (an infographic's lines, round 14); a year or a date ending a line ("2020年") is still a heading. */
const FIGURE_LINE = /\d(?:\.\d+)?\s*[万亿千百]?(?![年月日号期])[\u4e00-\u9fa5%]{1,3}$/;
/** A line without punctuation that does something to a counted thing is a list item, not a heading: "完成30台多层住宅电梯加装
 *工作、9家社区卫生服务中心消防设施改造", "*为8个住宅小区新增电动自行车充电设施" (round 23, set v's unpunctuated lists). */
// (round 25: after an item's number too, "（二）新建改造100个公交站台")
const ACTION_LINE = /^[*＊·•]?\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.、．])?\s*(?:完成|新增|新建|建成|实施|改造|开展|为|提供|培训|组织|举办|设置|创建|增设|配置|更新|建设|推进)[^\d]{0,20}?\d+(?:\.\d+)?\s*[万亿千百]?[\u4e00-\u9fa5]/;
/** "分别于" / "分别在": times given in turn follow (shared with index.ts). */
export const IN_TURN = /分别(?:于|在)/;
/** Times given in turn ("分别于A、B…") split their clause at each 、 before the next time. */
const DISTRIBUTED_TIME = new RegExp(String.raw`${IN_TURN.source}(?:(?:19|20)\d{2}年|\d{1,2}月|明年|今年|年底|[一二三四]季度)[^，。；]*$`);
/** A time, then its milestone, ending the clause so far: "6月底前开工". */
const TIMED_MILESTONE = /(?:\d{1,2}月(?:底|末|份)?|年底|年内|[一二三四]季度(?:末)?)(?:之?前)?(?:完成|开工|完工|竣工|建成|投产|开业|投用|封顶|验收|交付)$/;
/** A period, then its figure, ending the clause so far: "确保一季度固定资产投资增长15%以上" (round 14). */
const TIMED_FIGURE = /(?:[一二三四]季度|上半年|下半年|1-\d{1,2}月)[^，。；、]{0,20}?(?:增长|达到|完成|突破)\d+(?:\.\d+)?(?:%|亿元|万元)(?:以上|左右)?$/;
/** A time and what happens then, in a part of a timeline: "于2020年9月落户肇庆", "首期厂房预计今年年底封顶". */
const TIMED_EVENT = /(?:(?:19|20)\d{2}年|\d{1,2}月|年底|年内|今年|明年|[一二三四]季度|[上下]半年)[^、，。；]*?(?:[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5][^、，。；]*?\d[\u4e00-\u9fa5%]{1,3})$/;
/** The part of a list from `from` to the next 、 or clause mark (or `end`). */
function partAfter(norm: string, from: number, end: number): string {
  let j = from;
  while (j < end && !PART_END.has(norm[j]!)) j++;
  return norm.slice(from, j);
}
const PART_END = new Set(['、', '，', ',', '。', '；', ';']);

/** Two parts joined by 、 that each give a time and an event are two steps of a timeline, two clauses (round 26). */
function timeline(before: string, after: string): boolean {
  return TIMED_EVENT.test(before) && TIMED_EVENT.test(after);
}
const TIME_NEXT = /^(?:(?:19|20)\d{2}年|\d{1,2}月|明年|今年|全年|年底|[一二三四]季度|[上下]半年)/;

/** The number or bullet that opens a list item: "3.", "（二）", "三、", "一是", "●" (shared by the rules and the learned pass). */
export const NUMBER_LEAD = String.raw`\d{1,2}\s*[.、．]`;
export const BRACKET_LEAD = String.raw`[（(][一二三四五六七八九十\d]{1,3}[）)]`;
export const SECTION_LEAD = String.raw`[一二三四五六七八九十]+、`;
export const ITEM_LEAD = new RegExp(String.raw`^\s*(?:${NUMBER_LEAD}|${BRACKET_LEAD}|${SECTION_LEAD}|[一二三四五六七八九十]+是|[●·■◆▲★])\s*`);
/** A mark of what is already done: "已建成", "完成了" (but not "了解"). */
export const DONE = /已(?:经)?|了(?!解)/;
/** What an item's edges shed: spaces and clause marks. */
const CLAUSE_MARKS = /[\s，,；;。：:、]/;
/** What the edges of a line, sentence or clause shed in segmenting: spaces, bullets and rules (clause marks stay). */
const LINE_MARKS = /[ \t\r\n—■●◆▲★☆◇·\-…|]/;

/** [start, end) of `text` without the marks at its edges, never cutting into `keep` (a part that stays). */
export function trimMarks(text: string, start: number, end: number, { keep = { start: end, end: start }, marks = CLAUSE_MARKS } = {}): [number, number] {
  while (start < Math.min(end, keep.start) && marks.test(text[start]!)) start++;
  while (end > Math.max(start, keep.end) && marks.test(text[end - 1]!)) end--;
  return [start, end];
}

/** Same-length normalisation: full-width digits/letters/%/. → ASCII. */
export function normalize(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 2) {
      // astral char: keep both UTF-16 units so offsets stay aligned
      out += ch;
      continue;
    }
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '％') out += '%';
    else if (ch === '．') out += '.';
    else if (ch === '～' || ch === '〜') out += '~';
    else if (ch === '－') out += '-';
    else if (ch === '＋') out += '+';
    else if (ch === '\u3000') out += ' ';
    else out += ch;
  }
  // a space between a number and its calendar unit ("12 月底前", typeset so) moves before the number: same length (round 26)
  // (…and one between a year and its month, "2021年 6月底前", "今年 10月底前", moves before the year, round 29)
  return out.replace(/(\d+)([ \t]+)(?=[年月日号])/g, '$2$1').replace(/((?:\d{4}|[今明去])年)([ \t]+)(?=\d{1,2}\s*月)/g, '$2$1');
}

const OPEN_CLOSE: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '《': '》' };
/** The longest stretch treated as a quotation; a longer one is a stray quote mark. */
const MAX_QUOTE = 60;
const QUOTE_SENTENCE_END = new Set(['。', '！', '？']);

/**
 * Marks characters inside quotation marks (including the marks). Quoted text is a name or a
 * slogan ("765"计划, “冲刺100天、奋力保全年”的工作要求): no quantities or deadlines are read from it.
 */
export function quoteMask(norm: string): Uint8Array {
  const mask = new Uint8Array(norm.length);
  let i = 0;
  while (i < norm.length) {
    const ch = norm[i]!;
    const close = OPEN_CLOSE[ch] ?? (ch === '"' ? '"' : undefined);
    if (close !== undefined) {
      let j = i + 1;
      // a sentence end inside marks it as reported speech, not a name or slogan: its figures and
      // deadlines are read ("…新增销售会达到10个多亿。争取在明年年底之前，全部完成建设。")
      while (j < norm.length && j - i <= MAX_QUOTE && norm[j] !== close && norm[j] !== '\n' && !QUOTE_SENTENCE_END.has(norm[j]!)) j++;
      if (j < norm.length && norm[j] === close && j - i <= MAX_QUOTE) {
        mask.fill(1, i, j + 1);
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return mask;
}

export interface Clause extends Span {
  /** index of the segment (；-part) within the whole document */
  segment: number;
  sentence: number;
  paragraph: number;
}

export interface Segment extends Span {
  index: number;
  clauses: Clause[];
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  segments: Segment[];
}

export interface Paragraph extends Span {
  index: number;
  /** a line without clause punctuation: a title or a heading, not a source of items */
  heading: boolean;
  sentences: Sentence[];
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…']);
const SEGMENT_END = new Set(['；', ';']);
/** A bullet inside a line starts the next item of a list run together: "●积极争创…示范区 ●把数字经济…来抓" (round 33). */
const BULLET = new Set(['●', '■', '◆', '▲', '★', '☆', '◇']);
// a table's cell separator ends a clause too ("2 | 力争盘活存量土地400亩。 | 改革办 | 6月底前 |")
const CLAUSE_END = new Set(['，', ',', '：', ':', '|']);
const CLAUSE_PUNCT = /[。，；！？,;：:]/;

function trimSpan(norm: string, start: number, end: number): Span {
  const [s, e] = trimMarks(norm, start, end, { marks: LINE_MARKS });
  return { start: s, end: e };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Splits the document. Delimiters inside quotation marks do not split. */
export function segment(norm: string, mask: Uint8Array): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let sentenceIdx = 0;
  let segmentIdx = 0;
  let lineStart = 0;
  const lines: Span[] = [];
  for (let i = 0; i <= norm.length; i++) {
    if (i === norm.length || norm[i] === '\n') {
      lines.push({ start: lineStart, end: i });
      lineStart = i + 1;
    }
  }
  for (const line of lines) {
    const t = trimSpan(norm, line.start, line.end);
    if (t.end <= t.start) continue;
    const text = norm.slice(t.start, t.end);
    const para: Paragraph = {
      start: t.start,
      end: t.end,
      index: paragraphs.length,
      // (a colon may end one: "2011年主要目标：" introduces the list under it, round 15)
      heading: !CLAUSE_PUNCT.test(text.replace(/[：:]$/, '')) && text.length <= 40 && !FIGURE_LINE.test(text) && !ACTION_LINE.test(text),
      sentences: [],
    };
    let sStart = t.start;
    let segStart = t.start;
    let cStart = t.start;
    let sentence: Sentence = { start: t.start, end: t.end, index: sentenceIdx, paragraph: para.index, segments: [] };
    let seg: Segment = { start: t.start, end: t.end, index: segmentIdx, clauses: [] };
    const closeClause = (end: number) => {
      const c = trimSpan(norm, cStart, end);
      if (c.end > c.start) {
        seg.clauses.push({ ...c, segment: seg.index, sentence: sentence.index, paragraph: para.index });
      }
    };
    const closeSegment = (end: number) => {
      closeClause(end);
      const s = trimSpan(norm, segStart, end);
      if (seg.clauses.length > 0) {
        seg.start = s.start;
        seg.end = s.end;
        sentence.segments.push(seg);
        segmentIdx++;
      }
      seg = { start: end, end, index: segmentIdx, clauses: [] };
    };
    const closeSentence = (end: number) => {
      closeSegment(end);
      const s = trimSpan(norm, sStart, end);
      if (sentence.segments.length > 0) {
        sentence.start = s.start;
        sentence.end = s.end;
        para.sentences.push(sentence);
        sentenceIdx++;
      }
      sentence = { start: end, end, index: sentenceIdx, paragraph: para.index, segments: [] };
    };
    for (let i = t.start; i < t.end; i++) {
      if (mask[i]) continue;
      const ch = norm[i]!;
      if (SENTENCE_END.has(ch)) {
        // swallow runs like …… or ?!
        let j = i + 1;
        while (j < t.end && SENTENCE_END.has(norm[j]!)) j++;
        // a closing quote right after the end mark belongs to the sentence
        closeSentence(i);
        sStart = segStart = cStart = j;
        i = j - 1;
      } else if (BULLET.has(ch) && i > sStart) {
        closeSentence(i);
        sStart = segStart = cStart = i + 1;
      } else if (SEGMENT_END.has(ch)) {
        closeSegment(i);
        segStart = cStart = i + 1;
      } else if (ch === '、' && (([DISTRIBUTED_TIME, TIMED_MILESTONE, TIMED_FIGURE].some((r) => r.test(norm.slice(cStart, i))) && TIME_NEXT.test(norm.slice(i + 1, i + 9))) || timeline(norm.slice(cStart, i), partAfter(norm, i + 1, t.end)))) {
        // "分别于2026年10月、2027年8月建成投产", "6月底前开工、12月底前完工": each time is its own milestone (round 9),
        // and its own target: "一季度…增长15%以上、全年增长10.5%以上" (round 14)
        closeClause(i);
        cStart = i + 1;
      } else if (CLAUSE_END.has(ch)) {
        if ((ch === ',' || ch === ':') && isDigit(norm[i - 1]) && isDigit(norm[i + 1])) continue; // 1,200 / 10:49
        closeClause(i);
        cStart = i + 1;
      }
    }
    closeSentence(t.end);
    paragraphs.push(para);
  }
  itemsAmongItems(norm, paragraphs);
  return paragraphs;
}

/** A list item's number: "（二）", "(3)", "4.", "5、". */
const ITEM_NUMBER = /^\s*(?:([（(])[一二三四五六七八九十]{1,3}[）)]|([（(])\d{1,2}[）)]|\d{1,2}\s*([.、．]))/;
/** Which of the numberings a lead is (Chinese or Arabic in brackets, Arabic with a point). */
function leadKind(m: RegExpExecArray): number {
  return m[1] ? 1 : m[2] ? 2 : 3;
}

/** The numbering kind of the nearest heading before paragraph k numbered otherwise than `kind` (its parent), if any;
 * items numbered otherwise (a previous item's own sub-items) are passed over. */
function parentKind(norm: string, paras: Paragraph[], k: number, kind: number): number | null {
  for (let j = k - 1; j >= 0; j--) {
    const m = ITEM_NUMBER.exec(norm.slice(paras[j]!.start, paras[j]!.end));
    if (m && paras[j]!.heading && leadKind(m) !== kind) return leadKind(m);
  }
  return null;
}

/** A count in a line: a figure and its measure word (not a date). */
const COUNT = /\d(?:\.\d+)?\s*[万亿千百]?(?![年月日号期])[\u4e00-\u9fa5]/;

/**
 * An unpunctuated line is a list item, not a heading, when it holds a count and stands next to a line already read as
 * an unpunctuated item: "*2家社区综合为老服务中心" between "*新增15家社区老年助餐点" and "*7家老年人日间服务中心" (round 25;
 * a heading has lines under it, an item has siblings). Runs of such lines are read from the items outward.
 */
function itemsAmongItems(norm: string, paras: Paragraph[]): void {
  const plainItem = (p: Paragraph | undefined) => p !== undefined && !p.heading && !CLAUSE_PUNCT.test(norm.slice(p.start, p.end));
  const candidate = (p: Paragraph) => p.heading && COUNT.test(norm.slice(p.start, p.end)) && !CLAUSE_PUNCT.test(norm.slice(p.start, p.end).replace(/[：:]$/, ''));
  // a numbered line followed by its next sibling ("（二）…" then "（三）…") or by nothing has no lines under it: an item
  paras.forEach((p, k) => {
    const lead = ITEM_NUMBER.exec(norm.slice(p.start, p.end));
    if (!p.heading || !lead || /[：:]$/.test(norm.slice(p.start, p.end))) return;
    const next = paras[k + 1];
    const nextLead = next ? ITEM_NUMBER.exec(norm.slice(next.start, next.end)) : null;
    // (…or by a section above its level: "（七）建成…项目" then "五、继续实施…")
    // (…or by one numbered as its parent is: "13.*升级改造1家标准化菜场" under "（四）服务便民", then "（五）健康家园", round 29)
    const section = next !== undefined && /^\s*[一二三四五六七八九十]+、/.test(norm.slice(next.start, next.end));
    const parent = nextLead !== null && leadKind(nextLead) !== leadKind(lead) && parentKind(norm, paras, k, leadKind(lead)) === leadKind(nextLead);
    if (!next || section || parent || (nextLead && leadKind(nextLead) === leadKind(lead))) p.heading = false;
  });
  // (a run of such lines is read outward from the items: one sweep forward, one back, reach every line the run joins)
  const flip = (p: Paragraph, neighbour: Paragraph | undefined) => {
    if (candidate(p) && !/[：:]$/.test(norm.slice(p.start, p.end)) && plainItem(neighbour)) p.heading = false;
  };
  for (let k = 0; k < paras.length; k++) flip(paras[k]!, paras[k - 1]);
  for (let k = paras.length - 1; k >= 0; k--) flip(paras[k]!, paras[k + 1]);
}
