/**
 * Reported figures (kind 'result'): bulletin sentences such as
 * "今年上半年，完成一般公共预算收入18.56亿元、同比增长36.7%，税占比93.25%".
 * A sentence is in report mode when it reports — a change after a figure (`…664.3亿元，增长5.5%`,
 * with or without 同比), a 同比 change, an estimate (`预计全年实现…`), progress against a target
 * (`完成全年目标的56.6%`), a past marker (`签约了`, `已完成`, `今年以来`), or a period that has
 * ended at the document's date with a reporting verb — and makes no pledge (力争, 确保, 要在, 明年…;
 * an annual plan quoted as a figure, `年内计划完成投资X`, is not a pledge). Each figure becomes its
 * own result; a change right after it is its yoy.
 */
import { iso, lastDayOfMonth, smallNumber, YEAR_TO_DATE } from './dates';

export interface YoyHit {
  start: number;
  end: number;
  value: number;
}

/** A change: 增长5.5%, 同比下降0.2%, 比上年同期提高21.9个百分点. */
const CHANGE_RE = /(同比|比上年同期|比上年|较上年同期|较上年|比去年同期|较去年同期|较去年|[比较](?:19|20)(?:\d{2}|xx|XX)年(?:同期)?)?(增长|提高|上升|增加|下降|减少|回落|下滑|比增|增(?=\d))了?(\d+(?:\.\d+)?)(%|个百分点)/g;
const COMPARED = /同比|比上年|较上年|比去年同期|较去年同期|[比较](?:19|20)(?:\d{2}|xx|XX)年/;
/** What may stand between a figure and its change: delimiters, a basis of calculation. */
/** A progress share after a figure: "，完成年度计划的" / "，占年计划的". */
const SHARE_BETWEEN = /^[，,、]\s*(?:完成|占|为)[^，；。]{0,12}(?:目标|任务|计划)(?:任务)?(?:投资)?的$/;
const YOY_GAP = /^[、，,\s]*(?:按[^，；。]{1,10}计算[，,]?)?$/;
const PERIOD_RE = new RegExp(
  String.raw`(?:(?:19|20)\d{2}年)?(?:今年|本年)?(上半年|下半年|第?[一二三四]季度|(\d{1,2})\s*[-~至—]\s*(\d{1,2})月份?|${YEAR_TO_DATE}|今年以来|半年来)`,
);
const REPORT_VERB = /完成|实现|新签约|签约|累计|新增|达到|预计完成|增长/;
// a cutoff ("截至9月底", "截至目前") states where things stand (round 9); a verb of done work with 了 does too ("重点建设了…",
// "出台了…", round 39; not 开展了, which "…已连续开展了两年，…还将有序开展…" shares with a plan)
const PAST_MARKER = /(?:签约|完成|实现|新增|获评|获批|入选|开工|投产|引进|落地|建设|实施|举办|召开|组织|出台|制定|新建|改造|招引|培育|打造)了|已(?:经)?(?:全部)?(?:完成|实现|签约|开工|开复工|复工|投产|建成|形成)|今年以来|半年来|^[^，。；]{0,6}(?:截至|截止)(?:目前|[^，。；]{1,10}(?:底|末|止))/;
/** "至9月底，" opening a sentence: a cut-off when that month has ended, a deadline ahead of it ("至11月底，…将全部动工", round 15). */
const UNTIL_MONTH = /^至(\d{1,2})月(?:底|末)[，,]/;
/** A whole year framing a sentence: "2017年，…", "今年，…" (a report only once it has ended, round 15). */
const YEAR_FRAME = /^(?:((?:19|20)\d{2})年|今年|全年)[，,]/;
/** A figure, then its change: "664.3亿元，增长5.5%"; figures, then theirs: "29092元、17191元，分别增长3%、6.4%". */
const FIGURE_THEN_CHANGE = /\d[万亿千]?[^\d，。；、,]{0,4}[，、,](?:按[^，；。]{1,10}计算[，,])?(?:同比)?(?:分别)?(?:增长|下降|增加|减少|比增)\d/;
/** An estimate of a period's figure: "预计全年实现地区生产总值685亿元". */
const ESTIMATE = /预计(?:全年|今年|至\d{1,2}月)?[，,]?(?:可)?(?:累计)?(?:实现|完成)/;
/** An estimate that a period's figure will pass a mark: "预计全年签约项目将突破500亿元" (round 10), or change by a rate
 * ("预计全年工业总产值将增长16.5%", round 21). */
export const ESTIMATE_MARK = /预计(?:全年|今年|年内|到(?:19|20)\d{2}年(?:底)?)[^。；]{0,30}?将(?:突破|达到|达|超过|增长|提高|下降)\s*[\d一二三四五六七八九十百千]/;
/** Progress against a target or plan: "完成全年目标的56.6%", "为市下115亿元目标的51.74%", "占目标任务6亿元的110%" (round 9). */
const PROGRESS = /(?:完成|为|占)[^，；。]{0,20}?(?:目标|任务|计划)(?:任务)?(?:投资|总数|总量)?(?:\d+(?:\.\d+)?[万亿]?(?:元|个|项|家))?(?:的\d|\d+(?:\.\d+)?%)/g;
/** A target told as reached: "实现了新开工项目开工率三季度100%的目标任务" (round 9); its 目标 pledges nothing. */
const ACHIEVED = /(?:实现了|完成了|已实现|已完成|超额完成)[^，；。]{0,24}?目标(?:任务)?/g;
const PROGRESS_ONE = new RegExp(PROGRESS.source);
/** An annual plan quoted as a reference figure: "年内计划完成投资257.2亿元". */
const PLAN_FIGURE = /(?:年内|年度|全年)计划/g;
/**
 * A figure compared with its target ("高于目标2.1个百分点", "塌目标18.7个百分点", "超年度目标") reports
 * how the target went; it sets none, so 目标 there is no pledge word.
 */
const TARGET_COMPARED = /(?:高于|低于|超过?|超出|塌|落后于?|快于|慢于|好于|差于|比|较)(?:年度|全年|年初|序时)?目标/g;
/** "以…为总目标": the aim a year's work was oriented to, told in its review; it pledges nothing (round 13). */
const ORIENTATION = /以[^，。；]{1,40}为(?:总|主要)?目标/g;
// (round 38: 应 before an action, "按照计划，到2018年底，主城区应完成…"; not 相应, 供应)
const PLEDGE_MARKER = /力争|确保|争取|年内|年底前|月底前|目标|计划于|将于|将在|要(?:确保|完成|实现|在|于)|务必|必须|明年|后年|(?<![相供反适响对答感])应(?:完成|建设|建成|实现|达到|开工|新增)/;

export function findYoy(norm: string, start: number, end: number): YoyHit[] {
  const text = norm.slice(start, end);
  const out: YoyHit[] = [];
  CHANGE_RE.lastIndex = 0;
  for (let m = CHANGE_RE.exec(text); m !== null; m = CHANGE_RE.exec(text)) {
    const down = /下降|减少|回落|下滑/.test(m[2]!);
    const v = Number(m[3]);
    out.push({ start: start + m.index, end: start + m.index + m[0].length, value: down ? -v : v });
  }
  return out;
}

interface Figure {
  start: number;
  end: number;
  unit: string;
}

/**
 * The changes that are a figure's yoy: right after the figure (only delimiters or a basis of
 * calculation between), and the figure is an amount, not itself a rate. Other changes
 * ("房地产业工资总额增长11.6%", a second change after a rate) are figures in their own right.
 */
export function attachYoy(norm: string, figures: Figure[], changes: YoyHit[]): Map<YoyHit, Figure> {
  const out = new Map<YoyHit, Figure>();
  const taken = new Set<Figure>();
  for (const c of changes) {
    let prev: Figure | undefined;
    let before: Figure | undefined;
    for (const f of figures) {
      if (f.end <= c.start && !(f.start >= c.start && f.end <= c.end)) {
        before = prev;
        prev = f;
      }
    }
    // a progress share between a figure and its change belongs to the figure:
    // "完成投资112亿元，完成年度计划的83.8%，同比增长23.4%" → 23.4 is the yoy of 112亿元
    if (prev && before && prev.unit === '%' && YOY_GAP.test(norm.slice(prev.end, c.start)) &&
        SHARE_BETWEEN.test(norm.slice(before.end, prev.start)) && before.unit !== '%' && before.unit !== '个百分点') {
      if (!taken.has(before) && !changes.some((o) => o !== c && o.start >= before!.end && o.end <= c.start)) {
        out.set(c, before);
        taken.add(before);
      }
      continue;
    }
    if (!prev || taken.has(prev) || prev.unit === '%' || prev.unit === '个百分点') continue;
    if (changes.some((o) => o !== c && o.start >= prev.end && o.end <= c.start)) continue;
    if (!YOY_GAP.test(norm.slice(prev.end, c.start))) continue;
    out.set(c, prev);
    taken.add(prev);
  }
  return out;
}

/** "分别增长3%、6.4%": one change per figure listed before it, in order. */
const DISTRIBUTED = /分别(增长|提高|上升|增加|下降|减少)(\d+(?:\.\d+)?(?:%|个百分点)(?:、\d+(?:\.\d+)?(?:%|个百分点))+)/g;

/**
 * Changes distributed over the figures listed just before them ("人均可支配收入完成29092元、17191元，
 * 分别增长3%、6.4%"): the k-th change is the yoy of the k-th of the last figures, when there are as
 * many figures, listed with 、 between them or each in its own short clause.
 */
export function attachDistributed(norm: string, figures: Figure[], start: number, end: number): Map<YoyHit, Figure> {
  const out = new Map<YoyHit, Figure>();
  DISTRIBUTED.lastIndex = 0;
  const text = norm.slice(start, end);
  for (let m = DISTRIBUTED.exec(text); m !== null; m = DISTRIBUTED.exec(text)) {
    const at = start + m.index;
    const down = /下降|减少/.test(m[1]!);
    const hits: YoyHit[] = [];
    const re = /\d+(?:\.\d+)?(?:%|个百分点)?/g;
    const listStart = at + 2 + m[1]!.length;
    for (let v = re.exec(m[2]!); v !== null; v = re.exec(m[2]!)) {
      const s = listStart + v.index;
      hits.push({ start: s, end: s + v[0].length, value: (down ? -1 : 1) * Number(v[0].replace(/[^\d.]/g, '')) });
    }
    const before = figures.filter((f) => f.end <= at && f.unit !== '%' && f.unit !== '个百分点');
    const listed = before.slice(-hits.length);
    // (同比 may stand before 分别, and each figure may have its own clause: "完成地区生产总值1540亿元，完成财政总收入219亿元，
    // 同比分别增长11%、8%", round 13)
    if (listed.length !== hits.length || !/^[，,]?(?:同比|比上年)?$/.test(norm.slice(listed[listed.length - 1]!.end, at).trim())) continue;
    if (listed.some((f, k) => k > 0 && !/^(?:、|[，,][^，,。；、\d]{1,15})$/.test(norm.slice(listed[k - 1]!.end, f.start)))) continue;
    hits.forEach((h, k) => out.set(h, listed[k]!));
  }
  return out;
}

/** Normalised reporting period of a sentence: 'H1', 'H2', 'Q1'…'Q4', 'Q1-Q3', 'M-N月', 'YTD'. */
export function findPeriod(sentence: string): string | null {
  const m = PERIOD_RE.exec(sentence);
  if (!m) return null;
  const p = m[1]!;
  if (p === '上半年') return 'H1';
  if (p === '下半年') return 'H2';
  if (p === '前三季度') return 'Q1-Q3';
  if (p === '今年以来' || p === '半年来') return 'YTD';
  const q = /([一二三四])季度/.exec(p);
  if (q) return `Q${'一二三四'.indexOf(q[1]!) + 1}`;
  if (m[2] && m[3]) return `${Number(m[2])}-${Number(m[3])}月`;
  // ("前7月", "前10个月": from January, round 36)
  const months = m[4] ? smallNumber(m[4]) : null;
  return months === null ? null : `1-${months}月`;
}

/** Last day of a period in a year: H1 → 06-30, Q3 → 09-30, 1-8月 → 08-31; YTD → null. */
export function periodEnd(period: string, year: number): string | null {
  const month = period === 'H1' ? 6 : period === 'H2' ? 12 : period === 'Q1-Q3' ? 9 : /^Q(\d)$/.test(period) ? Number(period[1]) * 3 : /-(\d+)月$/.test(period) ? Number(/-(\d+)月$/.exec(period)![1]) : null;
  return month === null || month > 12 ? null : iso(year, month, lastDayOfMonth(year, month));
}

/**
 * Does the sentence report (rather than pledge)? `date` is the document's date when known: a
 * period that has not ended by then is a plan, not a report.
 */
export function isReportSentence(sentence: string, date: string | null = null): boolean {
  const plain = sentence.replace(PROGRESS, '').replace(PLAN_FIGURE, '').replace(TARGET_COMPARED, '').replace(ACHIEVED, '').replace(ORIENTATION, '');
  if (PLEDGE_MARKER.test(plain)) return false;
  if (PROGRESS_ONE.test(sentence) || ESTIMATE.test(sentence) || ESTIMATE_MARK.test(sentence)) return true;
  const docYear = date ? Number(date.slice(0, 4)) : null;
  const until = UNTIL_MONTH.exec(sentence);
  if (until) return date === null || iso(docYear!, Number(until[1]), lastDayOfMonth(docYear!, Number(until[1]))) <= date;
  // "2017年，全区营业总收入实现4500亿元，同比增长11.2%" said in March 2017 is the year's plan
  const frame = YEAR_FRAME.exec(sentence);
  if (frame && docYear !== null && (frame[1] ? Number(frame[1]) : docYear) >= docYear && !PAST_MARKER.test(sentence)) return false;
  if (FIGURE_THEN_CHANGE.test(sentence)) return true;
  if (findYoy(sentence, 0, sentence.length).some((y) => COMPARED.test(sentence.slice(y.start, y.end)))) return true;
  if (PAST_MARKER.test(sentence)) return true;
  const period = findPeriod(sentence);
  if (period === null || !REPORT_VERB.test(sentence)) return false;
  const end = date ? periodEnd(period, Number(date.slice(0, 4))) : null;
  return end === null || end <= date!;
}

/**
 * A plan stated as figures with their changes and no pledge word ("2017年，全区营业总收入实现4500亿元，同比增长11.2%" in
 * March): each change is its figure's yoy, as in a report (round 15).
 */
export function statesFigures(sentence: string): boolean {
  return FIGURE_THEN_CHANGE.test(sentence) && !PLEDGE_MARKER.test(sentence.replace(ORIENTATION, ''));
}

const INDICATOR_LEAD = /^(?:(?:今年|本年)?(?:上半年|1-\d{1,2}月份?)|预计完成|累计完成|共完成|完成|实现|其中|累计|共|全年)+/;

/** Indicator name from a figure's label: strips 完成/实现/预计完成/其中. */
export function indicatorOf(label: string): string {
  const t = label.replace(INDICATOR_LEAD, '');
  return t.length > 0 ? t : label;
}
