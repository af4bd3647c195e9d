/**
 * Reported figures (kind 'result'): bulletin sentences such as
 * "今年上半年，完成一般公共预算收入18.56亿元、同比增长36.7%，税占比93.25%".
 * A sentence is in report mode when it reports (a 同比 change; or a period such as 上半年 /
 * 1-6月 / 今年以来 with a reporting verb; or a past marker such as 签约了) and makes no pledge
 * (力争, 确保, 争取, 年内, …底前, 目标). Each figure becomes its own result; a following
 * "同比增长x%" / "同比下降x%" is its yoy.
 */

export interface YoyHit {
  start: number;
  end: number;
  value: number;
}

const YOY_RE = /(同比|比上年|较上年|比去年同期|较去年同期|比上年同期|较上年同期)(增长|提高|上升|增加|下降|减少|回落|下滑)了?(\d+(?:\.\d+)?)(%|个百分点)/g;
const PERIOD_RE =
  /(?:(?:19|20)\d{2}年)?(?:今年|本年)?(上半年|下半年|前三季度|第?[一二三四]季度|(\d{1,2})\s*[-~至]\s*(\d{1,2})月份?|今年以来|半年来)/;
const REPORT_VERB = /完成|实现|新签约|签约|累计|新增|达到|预计完成|增长/;
const PAST_MARKER = /(?:签约|完成|实现|新增|获评|获批|入选|开工|投产|引进|落地)了|已(?:经)?(?:完成|实现|签约|开工|投产|建成)|今年以来|半年来/;
const PLEDGE_MARKER = /力争|确保|争取|年内|年底前|月底前|目标|计划于|将于|要(?:确保|完成|实现)/;

export function findYoy(norm: string, start: number, end: number): YoyHit[] {
  const text = norm.slice(start, end);
  const out: YoyHit[] = [];
  YOY_RE.lastIndex = 0;
  for (let m = YOY_RE.exec(text); m !== null; m = YOY_RE.exec(text)) {
    const down = /下降|减少|回落|下滑/.test(m[2]!);
    const v = Number(m[3]);
    out.push({ start: start + m.index, end: start + m.index + m[0].length, value: down ? -v : v });
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
  return null;
}

export function isReportSentence(sentence: string): boolean {
  if (PLEDGE_MARKER.test(sentence)) return false;
  YOY_RE.lastIndex = 0;
  if (YOY_RE.test(sentence)) return true;
  if (PAST_MARKER.test(sentence)) return true;
  return findPeriod(sentence) !== null && REPORT_VERB.test(sentence);
}

const INDICATOR_LEAD = /^(?:(?:今年|本年)?(?:上半年|1-\d{1,2}月份?)|预计完成|累计完成|共完成|完成|实现|其中|累计|共|全年)+/;

/** Indicator name from a figure's label: strips 完成/实现/预计完成/其中. */
export function indicatorOf(label: string): string {
  const t = label.replace(INDICATOR_LEAD, '');
  return t.length > 0 ? t : label;
}
