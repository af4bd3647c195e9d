/**
 * Quantities: a number (Arabic or Chinese) followed by a measure word, with what it counts.
 *
 * Principles (see docs/extraction.md):
 * - a quantity needs a measure word or unit right after the number (余/多 and 万/亿/千/百 may come
 *   between): "2家", "130万平方米", "300余亩", "一百天". So "765"计划, "5+2", 二十大, 1号工程, 5G,
 *   3A, 十亿级, 50强 are not quantities;
 * - years, dates, months and times are masked beforehand; ordinals (第一家, 第38位) are not counted;
 * - a bare 百/千/万/亿 is a word, not a number ("百亿元企业" is a label, "百日攻坚" a name);
 * - 一 as an article or in idioms is not a count: 一批, 一系列, 一个…一个, 不漏一人, 统一;
 * - "N类" right after another count is the class of the counted thing ("2个1类创新药" → 2个);
 * - 以上/余/多 after, 超过/突破/不少于/至少 before → atLeast; "3-5家" → value 3, upTo 5;
 * - 万/亿 stay in the unit ("130万平方米" → 130 万平方米, "6.7亿元" → 6.7 亿元); a bare 亿/万 after a
 *   money word is 亿元/万元 ("预计总投资80亿"), and so is a spoken "4个多亿" (atLeast); 平米 is 平方米;
 * - a unit definition ("1亩≈666.67平方米") and a session number ("十三届三次全体会议") are not counted.
 */
import type { Quantity } from './types';
import { LIMIT_COMPLETION, LIMIT_PLEDGE } from './deadline';
import { measureAt, MAGNITUDES } from './measures';
import { CN_NUMERAL_CHARS, CN_NUMERAL_START, decimalValue, isCnDigit, parseChineseInt } from './numerals';

export interface QuantityHit extends Quantity {
  start: number;
  end: number;
  /** where the number itself starts (start may include a prefix such as 超过) */
  numStart: number;
  rules: string[];
}

const ARABIC_RE = /\d+(?:,\d{3})*(?:\.\d+)?/y;
const RANGE_SEP = ['-', '~', '—', '至', '到'];
const AT_LEAST_SUFFIX = ['以上', '之多', '余', '多'];
const OTHER_SUFFIX = ['以下', '以内', '左右', '上下'];
const AT_LEAST_PREFIX = ['超过', '突破', '不少于', '不低于', '至少', '逾', '超'];
const ARTICLE_ONE = ['批', '些', '系列', '个', '种', '道', '番', '股', '片', '体', '条', '场', '次', '点', '线', '流', '项', '件', '名', '位', '座', '所', '处', '支', '张', '套', '轮'];
/** 一 after a negation within two characters is emphatic: 不漏一人, 无一例外 */
const NEGATION_BEFORE = /[不无没未][\u4e00-\u9fa5]?$/;
// 这一天 / 那一年: a demonstrative before 一 makes it an article
/** Measure words a lone 二 makes ordinal (see below). */
const SECOND_BEFORE = new Set(['次', '批次']);
const ONE_IDIOM_BEFORE = '统唯之单专同划合归均逐不无每万第另这那';
const TIME_UNITS = ['天', '日', '个工作日', '工作日', '小时', '个月', '个季度'];
const ASCII_BEFORE = /[0-9A-Za-z.+#_/\\-]/;
const ASCII_AFTER = /[A-Za-z+#_]/;
/** Money words before a bare 亿/万: the amount is in 元. */
const MONEY_BEFORE = /(?:投资|产值|收入|销售额?|税收|营收|总额|资金|融资)(?:额)?(?:约|达|超过|超|近|为|达到)?$/;

interface NumTok {
  end: number;
  value: number;
  cn: boolean;
  /** for Chinese numerals: a trailing 万/亿 moved into the unit */
  magnitude: string;
}

function readNumber(norm: string, pos: number, limit: number): NumTok | null {
  const ch = norm[pos]!;
  if (ch >= '0' && ch <= '9') {
    ARABIC_RE.lastIndex = pos;
    const m = ARABIC_RE.exec(norm);
    if (!m || pos + m[0].length > limit) return null;
    return { end: pos + m[0].length, value: decimalValue(m[0]), cn: false, magnitude: '' };
  }
  if (!CN_NUMERAL_START.includes(ch)) return null;
  let e = pos;
  while (e < limit && CN_NUMERAL_CHARS.includes(norm[e]!)) e++;
  // a Chinese decimal: "二十三点二亿美元" → 23.2 亿美元 (round 11)
  if (norm[e] === '点' && isCnDigit(norm[e + 1] ?? '')) {
    const whole = parseChineseInt(norm.slice(pos, e));
    let k = e + 1;
    let frac = '';
    for (; k < limit && isCnDigit(norm[k]!); k++) frac += String(parseChineseInt(norm[k]!) ?? 0);
    const magnitude = norm[k] === '万' || norm[k] === '亿' ? norm[k]! : '';
    if (whole !== null && measureAt(norm, k + magnitude.length) !== null) return { end: k + magnitude.length, value: decimalValue(`${whole}.${frac}`), cn: true, magnitude };
  }
  // try the whole run, then with a trailing 万/亿 moved to the unit, then shorter runs
  for (let end = e; end > pos; end--) {
    const run = norm.slice(pos, end);
    const v = parseChineseInt(run);
    if (v === null) continue;
    if (end === e || measureAt(norm, end) !== null) {
      // prefer moving a trailing 万/亿 into the unit when a measure word follows
      const last = run[run.length - 1]!;
      if ((last === '万' || last === '亿') && run.length > 1) {
        const base = parseChineseInt(run.slice(0, -1));
        if (base !== null && measureAt(norm, end) !== null) return { end, value: base, cn: true, magnitude: last };
      }
      return { end, value: v, cn: true, magnitude: '' };
    }
  }
  return null;
}

function startsWithAny(s: string, pos: number, words: string[]): string | null {
  for (const w of words) if (s.startsWith(w, pos)) return w;
  return null;
}

/** A line's start: "N." before a figure, when a line next to it is numbered N−1 or N+1 ("1.既有…", "3.开设…"). */
const NUMBERED_FIGURE = /^(\d{1,2})\.\d/;
/** A plain item number opening a line, not itself glued to a figure: "1.既有…", not "1.5亿元". */
const PLAIN_NUMBER = /^\s*(\d{1,2})\s*[.、．](?!\d)/;
/** The length of a list number "N." opening a line at `i` and glued to a figure, else 0. */
function itemNumberAt(norm: string, i: number): number {
  if (i > 0 && !/[\n ]/.test(norm[i - 1]!)) return 0;
  const lineStart = norm.lastIndexOf('\n', i - 1) + 1;
  if (norm.slice(lineStart, i).trim() !== '') return 0;
  const m = NUMBERED_FIGURE.exec(norm.slice(i, i + 4));
  if (!m) return 0;
  const n = Number(m[1]);
  const prevLine = lineStart === 0 ? '' : norm.slice(norm.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
  const nextStart = norm.indexOf('\n', i) + 1;
  const nextEnd = nextStart === 0 ? 0 : norm.indexOf('\n', nextStart);
  const nextLine = nextStart === 0 ? '' : norm.slice(nextStart, nextEnd < 0 ? norm.length : nextEnd);
  const numbered = (line: string, k: number) => Number(PLAIN_NUMBER.exec(line)?.[1] ?? -1) === k;
  return numbered(prevLine, n - 1) || numbered(nextLine, n + 1) ? m[1]!.length + 1 : 0;
}

/**
 * All quantities in norm[start, end). `blocked` marks characters where no quantity may start
 * (quotations, dates, project names and investments).
 */
export function findQuantities(norm: string, blocked: Uint8Array, start: number, end: number): QuantityHit[] {
  const hits: QuantityHit[] = [];
  let i = start;
  // where a list number "N." ended (the figure glued to it is read)
  let afterNumber = -1;
  while (i < end) {
    const ch = norm[i]!;
    const isDigit = ch >= '0' && ch <= '9';
    const isCn = CN_NUMERAL_START.includes(ch);
    if (!isDigit && !isCn) {
      i++;
      continue;
    }
    const prev = i > 0 ? norm[i - 1]! : '\u0000';
    // "2.50个小区新增…" between "1.既有…" and "3.开设…": 2. numbers the item, the figure is 50个 (round 34)
    const listed = isDigit && i !== afterNumber ? itemNumberAt(norm, i) : 0;
    if (listed > 0) {
      i += listed;
      afterNumber = i;
      continue;
    }
    const tok = readNumber(norm, i, end);
    if (!tok) {
      i++;
      continue;
    }
    const skip = () => {
      i = Math.max(i + 1, tok.end);
    };
    if (blocked[i]) { skip(); continue; }
    if (isDigit && ASCII_BEFORE.test(prev) && i !== afterNumber) { skip(); continue; }
    if (isCn && (CN_NUMERAL_CHARS.includes(prev) || prev === '第')) { skip(); continue; }
    if (prev === '第') { skip(); continue; }
    if (ASCII_AFTER.test(norm[tok.end] ?? '')) { skip(); continue; }
    const rules = ['quantity:measure-word'];
    if (tok.cn) rules.push('quantity:chinese-numeral');
    let p = tok.end;
    let atLeast = false;
    let upTo: number | undefined;
    // range: 3-5家, 三到五家
    const sep = startsWithAny(norm, p, RANGE_SEP);
    if (sep) {
      const t2 = readNumber(norm, p + sep.length, end);
      if (t2 && t2.cn === tok.cn && t2.value > tok.value) {
        upTo = t2.value;
        p = t2.end;
        rules.push('quantity:range');
      }
    }
    const approx = startsWithAny(norm, p, ['余', '多']);
    if (approx && (measureAt(norm, p + 1) || startsWithAny(norm, p + 1, MAGNITUDES))) {
      atLeast = true;
      p += 1;
    }
    let magnitude = tok.magnitude;
    if (!tok.cn) {
      const mag = startsWithAny(norm, p, MAGNITUDES);
      if (mag && measureAt(norm, p + mag.length, true)) {
        magnitude = mag;
        p += mag.length;
      } else if (mag && !atLeast && /^[余多]/.test(norm.slice(p + mag.length)) && measureAt(norm, p + mag.length + 1, true)) {
        // "3亿多元": the magnitude before 多
        magnitude = mag;
        atLeast = true;
        p += mag.length + 1;
      }
    }
    if (tok.cn && upTo === undefined && tok.magnitude === '') {
      // 三千万元 handled by readNumber; nothing else to do
    }
    let measure = p < end ? measureAt(norm, p, magnitude !== '') : null;
    // one space between number and measure word: "配套类 3 个", "14 个绿色装配式建筑项目"
    if (!measure && norm[p] === ' ' && p + 1 < end && !blocked[p + 1]) {
      const m2 = measureAt(norm, p + 1, magnitude !== '');
      if (m2) {
        measure = m2;
        p += 1;
      }
    }
    // "8个多月": 多 between 个 and 月 (more than eight months)
    if (measure === '个' && norm.startsWith('个多月', p) && !blocked[p]) {
      atLeast = true;
      p += 1;
      measure = '个月';
    }
    let impliedYuan = false;
    if (!tok.cn && measure === '个' && !blocked[p]) {
      // spoken amounts: "新增销售4个多亿", "10个亿" → 亿元
      const spoken = /^个(多)?亿(?![元美])/.exec(norm.slice(p, p + 4));
      if (spoken) {
        if (spoken[1]) atLeast = true;
        p += spoken[0].length - 1;
        magnitude = '亿';
        measure = '元';
        impliedYuan = true;
      }
    }
    if (!measure && !tok.cn && magnitude === '' && !blocked[p]) {
      // a bare 亿/万 after money words is 亿元/万元: "预计总投资80亿", "年度投资50亿"
      const mag = startsWithAny(norm, p, ['亿', '万']);
      if (mag && !/^[\u4e00-\u9fa5]/.test(norm.slice(p + 1, p + 2).replace(/[，。；、以左]/, '')) && MONEY_BEFORE.test(norm.slice(Math.max(start, i - 10), i))) {
        magnitude = mag;
        measure = '元';
        impliedYuan = true;
      }
    }
    if (!measure || blocked[p]) { skip(); continue; }
    // a unit definition is not a figure of the text: "（1亩≈666.67平方米）"
    if (/[≈=＝]/.test(prev) || /^[≈=＝]/.test(norm.slice(p + measure.length, p + measure.length + 1))) { skip(); continue; }
    // a session is an ordinal: "十三届三次全体会议", "县十七届人大三次会议"
    if (measure === '次' && (prev === '届' || /届[^，。；、\d]{0,6}$/.test(norm.slice(Math.max(start, i - 8), i)))) { skip(); continue; }
    // a lone 二 before 次 or 批次 is "second(ary)", not a count (a count says 两次): "二次创业", "二次开发", "二批次交付"
    if (SECOND_BEFORE.has(measure) && tok.cn && norm.slice(i, tok.end) === '二') { skip(); continue; }
    // 前 + number selects the first N of an ordered series: "前三批开工动员项目", "前10家企业"
    if (prev === '前' && !/[目此之提当日月年节底空以先从]$/.test(norm.slice(Math.max(start, i - 2), i - 1))) { skip(); continue; }
    const isOne = tok.cn && norm.slice(i, tok.end) === '一';
    if (isOne && (ARTICLE_ONE.some((w) => norm.startsWith(w, p)) || ONE_IDIOM_BEFORE.includes(prev) || NEGATION_BEFORE.test(norm.slice(Math.max(start, i - 2), i)))) { skip(); continue; }
    if (measure === '类' && hits.length > 0 && hits[hits.length - 1]!.end === i) { skip(); continue; }
    // 一堂 is a gathering, not one lesson: "齐聚一堂", "欢聚一堂" (round 43)
    if (isOne && measure === '堂') { skip(); continue; }
    // 一 + a measure word said twice is reduplication ("一栋栋厂房", "一个个项目": row upon row), not 1
    if (isOne && measure.length === 1 && norm[p + 1] === measure) { skip(); continue; }
    p += impliedYuan ? (norm[p] === '元' ? 1 : magnitude.length === 1 && norm.startsWith(magnitude, p) ? 1 : 0) : measure.length;
    const suf = startsWithAny(norm, p, AT_LEAST_SUFFIX);
    let other: string | null = null;
    if (suf) {
      atLeast = true;
      p += suf.length;
    } else {
      other = startsWithAny(norm, p, OTHER_SUFFIX);
      if (other && !(TIME_UNITS.includes(measure) && other === '以内')) p += other.length;
    }
    // a range with the unit on both ends: "200万千瓦至300万千瓦"
    if (upTo === undefined && measure !== '%') {
      const s2 = startsWithAny(norm, p, RANGE_SEP);
      if (s2) {
        ARABIC_RE.lastIndex = p + s2.length;
        const m2 = !tok.cn && /\d/.test(norm[p + s2.length] ?? '') ? ARABIC_RE.exec(norm) : null;
        const unit2 = magnitude + measure;
        if (m2 && norm.startsWith(unit2, p + s2.length + m2[0].length) && decimalValue(m2[0]) > tok.value) {
          upTo = decimalValue(m2[0]);
          p = p + s2.length + m2[0].length + unit2.length;
          rules.push('quantity:range');
        }
      }
    }
    if (measure === '%' && upTo === undefined) {
      const s2 = startsWithAny(norm, p, RANGE_SEP);
      if (s2) {
        ARABIC_RE.lastIndex = p + s2.length;
        const m2 = ARABIC_RE.exec(norm);
        if (m2 && norm[p + s2.length + m2[0].length] === '%') {
          const v2 = decimalValue(m2[0]);
          if (v2 > tok.value) {
            upTo = v2;
            p = p + s2.length + m2[0].length + 1;
            rules.push('quantity:range');
          }
        }
      }
    }
    // a count of a quoted slogan with no noun after it is discourse: "坚持五个“必须统筹”，" ("58个“高精尖”项目" counts, round 14)
    // (a quotation naming works or actions counts: "实施三个“一号工程”", set d)
    if (/^[个项件条]$/.test(measure) && /^“[^“”]{0,10}[^“”工程行动项目计划活动]”(?![\u4e00-\u9fa5])/.test(norm.slice(p, p + 16))) { skip(); continue; }
    // "两件大事" is discourse; "15件大事和民生实事" counts a year's deliverables (round 17)
    if (measure === '件' && tok.cn && norm.startsWith('大事', p)) { skip(); continue; }
    // a time limit (30日内, 3个月以内) is a deadline, not a quantity
    if (TIME_UNITS.includes(measure) && /^(?:之内|以内|内)/.test(norm.slice(p, p + 2))) { skip(); continue; }
    if (TIME_UNITS.includes(measure) && LIMIT_COMPLETION.test(norm.slice(p, p + 4)) && LIMIT_PLEDGE.test(norm.slice(Math.max(start, i - 2), i))) { skip(); continue; }
    if (other && TIME_UNITS.includes(measure) && other === '以内') { skip(); continue; }
    let qStart = i;
    const before = norm.slice(Math.max(start, i - 3), i);
    const pre = AT_LEAST_PREFIX.find((w) => before.endsWith(w));
    if (pre) {
      atLeast = true;
      qStart = i - pre.length;
    }
    if (atLeast) rules.push('quantity:at-least');
    if (magnitude) rules.push('quantity:magnitude-unit');
    const q: QuantityHit = {
      value: tok.value,
      unit: magnitude + (measure === '平米' || measure === '㎡' ? '平方米' : measure),
      label: '',
      atLeast,
      start: qStart,
      end: Math.min(p, end),
      numStart: i,
      rules,
    };
    if (upTo !== undefined) q.upTo = upTo;
    hits.push(q);
    i = p;
  }
  return dropThresholds(norm, hits, end);
}

const ELEMENT_END = new Set(['、', '，', ',', '；', ';', '。', '：', ':']);

/**
 * An amount that classifies what is counted is a threshold, not a quantity:
 * - with 以上/以下 before a counted noun: "其中10亿元以上项目5个" counts 5 个 projects;
 * - a sum of money before 项目/企业: "投资额超过50亿元的项目达17个", "500万元投资建设项目15个",
 *   "10亿美元以上大项目";
 * - a sum of money right before a count: "其中50亿元1个、10亿元3个", or a bound before 的 and a count: "超3亿元的10个";
 * - an amount joined by 或/、 to a threshold: "100亿元或10亿美元以上大项目";
 * - an amount with 以上/以下 right after a count, before its noun: "30个80亩以上试点项目".
 */
function dropThresholds(norm: string, hits: QuantityHit[], end: number): QuantityHit[] {
  const money = (h: QuantityHit) => h.unit.endsWith('元');
  const isThreshold = hits.map((h, k) => {
    const next = hits[k + 1];
    // (after a demonstrative the amount is one project's: "这个总投资10.2亿元的项目全面达产后")
    const demonstrative = /(?:这个|这一|该|此)(?:总)?投资额?(?:约|达)?$/.test(norm.slice(Math.max(0, h.start - 8), h.start));
    if (money(h) && !demonstrative && /^的?[^，。；、,：:\d]{0,5}?(?:项目|企业)/.test(norm.slice(h.end, h.end + 9))) return true;
    if (money(h) && next && next.numStart === h.end && !money(next)) return true;
    // "其中超3亿元的10个，超5亿元的3个": a bound, then 的 and a count (round 9)
    if (money(h) && next && !money(next) && norm.slice(h.end, next.numStart) === '的' && /(?:超过|超|高于|以上)$/.test(norm.slice(Math.max(0, h.start - 2), h.numStart) + norm.slice(h.numStart, h.end).replace(/[\d.]+[万亿千]?元$/, ''))) return true;
    // a size bound right before its noun classifies what is counted: "65蒸吨以下蒸汽锅炉", "35蒸吨及以下燃煤锅炉" (round 31)
    if (/以下$/.test(norm.slice(h.numStart, h.end)) ? /^[\u4e00-\u9fa5]/.test(norm[h.end] ?? '') && !/^的/.test(norm.slice(h.end)) : /^及以下[\u4e00-\u9fa5]/.test(norm.slice(h.end, h.end + 4))) return true;
    const prev = hits[k - 1];
    // an amount with 以上/以下 between a count and its noun classifies: "30个80亩以上试点项目"
    if (prev && prev.end === h.start && /(?:以上|以下)$/.test(norm.slice(h.numStart, h.end)) && /^[\u4e00-\u9fa5]/.test(norm[h.end] ?? '')) return true;
    if (!next || !/(?:以上|以下)$/.test(norm.slice(h.numStart, h.end))) return false;
    const after = norm[h.end];
    if (after === undefined || ELEMENT_END.has(after) || h.end >= end) return false;
    for (let j = h.end; j < next.start; j++) if (ELEMENT_END.has(norm[j]!)) return false;
    return true;
  });
  for (let k = hits.length - 2; k >= 0; k--) {
    if (!isThreshold[k] && isThreshold[k + 1] && money(hits[k]!) && /^[或、]$/.test(norm.slice(hits[k]!.end, hits[k + 1]!.start))) isThreshold[k] = true;
  }
  return hits.filter((_, k) => !isThreshold[k]);
}

// ---------------------------------------------------------------------------------------------
// Labels: what the number counts.

/** Boundaries of a label run. */
const LABEL_STOP = new Set(['、', '，', ',', '；', ';', '。', '：', ':', '（', '(', '）', ')', '等', '\n', ' ']);
/** Leading words stripped from a preceding label (modal, time and linking words). */
const LEAD_STRIP =
  /^(?:(?:19|20)\d{2}年|\d{1,2}月份?(?:底|末)?(?:之前|以前|前)?|今年内|年底前|年内|年底|今年|当年|全年|上半年|下半年|第?[一二三四]季度(?:末|底)?(?:之前|以前|前)?|力争|确保|争取|全力|努力|预计|累计|其中|同时|并且|并|要|将|把|对|共|年均|连续)/;
/** Verbs that introduce the counted thing: the label starts after the last of them. */
const LEAD_VERBS = [
  '加快推进', '聚力推进', '序时推进', '全力推进', '推进', '完成', '实现', '办好', '实施好', '实施', '招引', '创建',
  '培育', '打造', '抓好', '引进', '构建', '做好', '开展', '推动', '建成', '建设', '获批', '投用', '开工',
];
/** Trailing linking words removed from a preceding label. */
const TRAIL_STRIP = /(?:达到|达|至|到|为|突破|超过|超|共计|共|累计|约|近|逾|不少于|不低于|至少)$/;
/** A following label ends before these (verbs after the counted noun). */
const FOLLOW_CUT = [
  '早投产', '早见效', '多增', '全部', '作了', '作出', '进行', '实现', '完成', '建设', '上市', '落地', '开工', '投产',
  '竣工', '达产', '获', '绽放', '顶格', '推进', '盘活', '落户', '签约', '开业', '投用', '达到', '实施', '提升',
];
const MAX_LABEL = 24;

function stripLead(s: string): string {
  let t = s;
  for (let guard = 0; guard < 8; guard++) {
    const m = LEAD_STRIP.exec(t);
    if (!m || m[0].length === t.length) break;
    t = t.slice(m[0].length);
  }
  let cut = -1;
  for (const v of LEAD_VERBS) {
    const k = t.lastIndexOf(v);
    if (k >= 0 && k + v.length < t.length - 1) cut = Math.max(cut, k + v.length);
  }
  if (cut > 0) t = t.slice(cut);
  for (let guard = 0; guard < 4; guard++) {
    const m = LEAD_STRIP.exec(t);
    if (!m || m[0].length === t.length) break;
    t = t.slice(m[0].length);
  }
  t = t.replace(TRAIL_STRIP, '');
  return t.length > MAX_LABEL ? t.slice(t.length - MAX_LABEL) : t;
}

function cutFollowing(s: string): string {
  let cut = s.length;
  for (const w of FOLLOW_CUT) {
    const k = s.indexOf(w);
    if (k >= 2 && k < cut) cut = k;
  }
  const t = s.slice(0, cut).replace(/(?:和|及|与|以及|或)$/, '');
  return t.length > MAX_LABEL ? t.slice(0, MAX_LABEL) : t;
}

/**
 * Sets `label` on each hit of one clause [clauseStart, clauseEnd): the noun run after the unit
 * ("79件民生实事" → 民生实事), else the run before the number ("新增百亿元企业2家" → 新增百亿元企业).
 */
export function labelQuantities(norm: string, hits: QuantityHit[], clauseStart: number, clauseEnd: number): void {
  for (let k = hits.length - 1; k >= 0; k--) {
    const h = hits[k]!;
    const next = hits[k + 1];
    // following run
    let e = h.end;
    while (e < clauseEnd && !LEAD_STOP_OR_NUMBER(norm, e, next)) e++;
    const following = norm.slice(h.end, e);
    let label = '';
    if (next && next.start === h.end && next.label) {
      label = next.label; // 6处300余亩低效用地 → both count 低效用地
    } else if (following.length > 0 && !following.startsWith('的')) {
      label = cutFollowing(following);
    }
    if (label.length < 2) {
      // preceding run
      const prevHit = hits[k - 1];
      let s = h.start;
      const floor = Math.max(clauseStart, prevHit ? prevHit.end : clauseStart);
      while (s > floor && !LABEL_STOP.has(norm[s - 1]!)) s--;
      const preceding = stripLead(norm.slice(s, h.start));
      if (preceding.length >= label.length) label = preceding;
    }
    h.label = label;
  }
}

function LEAD_STOP_OR_NUMBER(norm: string, pos: number, next: QuantityHit | undefined): boolean {
  if (LABEL_STOP.has(norm[pos]!)) return true;
  if (next && pos >= next.start) return true;
  return false;
}
