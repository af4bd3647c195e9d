/**
 * Rule-based extractor: speech / report / pledge text → draft task list.
 * Pure, deterministic, framework-free. See docs/extraction.md for the rules.
 *
 *   extract(text, { year: 2022, units: ['大庙街道'] }) → { year, items }
 */
import type { ExtractedItem, ExtractOptions, ExtractResult, Quantity } from './types';
import { BRACKET_LEAD, DONE, IN_TURN, ITEM_LEAD, NUMBER_LEAD, SECTION_LEAD, normalize, quoteMask, segment, trimMarks, type Clause, type Paragraph, type Segment, type Sentence } from './sentences';
import { dateMask, detectDocumentDate } from './dates';
import { dueCellMonth, findDeadlines, LIMIT_PREDICATE, MILESTONES, SPAN_FROM, type DeadlineContext, type DeadlineHit } from './deadline';
import { findQuantities, labelQuantities, type QuantityHit } from './quantities';
import { complementMention, findProjects, headingMention, PROJECT_ATTRIBUTE, subjectMention, type ProjectHit, type ProjectMention } from './projects';
import { UnitMatcher } from './units';
import { assignRoles } from './roles';
import { attachDistributed, attachYoy, findPeriod, findYoy, indicatorOf, isReportSentence, statesFigures, type YoyHit } from './results';
import { mayHavePlan, planClauseIndex } from './plans';
import { ANNOUNCES_LIST, applyModel, candidates, type Candidate, type Model } from './learned';
import { MODEL } from './model';

export type { ExtractedItem, ExtractOptions, ExtractResult, Quantity, ExtractedProject } from './types';
export { parseChineseInt, parseNumber, toChineseNumeral } from './numerals';

/** Verbs that make a clause with only a deadline a task. */
// (every milestone a time can date is an action too: 试飞, 试运行, 通电, 运营, round 12)
const ACTION_VERBS = new RegExp(
  String.raw`${MILESTONES}|完成|开工|(?<!开始)复工|开建|新增|净增|创建|创成|打造|拓展|推进|确保|力争|争取|实现|签约|上市|开学|达产|达效|启动|获批|办好|突破|落地|出台|招引|引进|投运|营业|动工|完毕|报送|上报|提交|形成|清零|制定|(?:进入|跻身|迈入|位居|位列)[^，。；]{0,14}?(?:前(?:\d+|[一二三四五六七八九十]+)(?:名|位|强)|前列|行列|第一方阵)|报(?:区|市|县|省)[\u4e00-\u9fa5]{0,8}?(?:委|局|办|政府|办公室|中心)`,
);
/** A phase named right before its time in brackets: "集中整治阶段（". */
const PHASE_NAMED = /阶段\s*[（(]$/;
/** An expectation right before a time phrase: "预计12月中旬", "可于今年7月底", "计划于", "有望在" (round 8). */
const EXPECT_BEFORE = /(?:预计|预期|可|有望|计划)(?:将)?(?:于|在)?(?:今年|明年)?$/;
/** The work a window sets: an action, or a campaign carried out in it ("开展…行动"). */
// (round 35: 进行, "6至7月进行全面核查")
const WINDOW_WORK = new RegExp(`${ACTION_VERBS.source}|开展|实施|组织|进行`);
/** Commitment words in ACTION_VERBS: they make a clause a task, but name no action of their own. */
const MODAL_VERBS = /确保|力争|争取/g;

/**
 * Words that make a sentence a commitment. Without one, a sentence-initial "2022年，" or "今年，"
 * is the frame of a statement ("2022年，全市实施高端化项目76项…"), not a deadline. 预计 before a
 * figure ("预计总投资80亿", "预计年产值500亿元") estimates that figure; it commits to nothing.
 */
const MODAL = /要|确保|力争|争取|将|计划于|预计(?!总投资|投资|年[产销缴收]|可?实现|产值|销售|收入|税收|达产)|目标|务必|必须|拟|力求|努力/;
const FRAME = /^(?:(?:19|20)\d{2}年|今年|全年|当年)$/;
/** A half or a quarter opening a sentence: "今年上半年，…" (round 13). */
const PERIOD_OPENING = /^(?:(?:19|20)\d{2}年|今年)?(?:上半年|下半年|第?[一二三四]季度)$/;
/** A heading that gives the year of the targets or tasks listed under it: "一、2023年全区经济社会发展的主要预期目标". */
const YEAR_HEADING = /((?:19|20)\d{2})年[^。；，]{0,24}?(?:目标|任务|工作安排|计划|要点)/;
/** …or its list of works: "2017年徐汇区政府实事项目安排" (round 26; not a review of it, "…实事项目进展情况表"). */
const YEAR_LIST_HEADING = /((?:19|20)\d{2})年[^。；，]{0,24}?(?:安排|实事)/;
/** A count of projects, then their total: "重点项目100个，总投资2191亿元", "146个重大项目…开工，总投资达1381亿元". */
const GROUP_TOTAL = /(?:\d+|[一二三四五六七八九十百]+)[余多]?(?:个|项)[^。；]{0,30}?总投资|项目(?:共)?\d+[余多]?个[，,]\s*总投资/;
/** A period phrase without 前/底/内: the time a statement is about. */
const PERIOD_FRAME = /^(?:(?:19|20)\d{2}年)?(?:今年|全年|当年)?(?:第?[一二三四]季度|上半年|下半年)?$/;
/** A question: it asks, it commits to nothing. */
const QUESTION = /[？?]\s*$|哪些|什么|如何|多少/;
/** A sentence that lists the year's targets after a colon: "主要预期目标为：力争实现经济总量2600亿元；…". */
// (round 15: a year's own, "2020年目标：地区生产总值增长5%左右，…")
// (round 17: "主要目标和任务是：", "主要预期目标建议为：", and without the colon when a target follows: "预期目标是地区生产总值实现…")
// (round 22: "其他主要指标还包括…"; round 30: "今年各项指标预定为：")
const TARGET_LIST = /(?:预期|主要|年度|全年|奋斗|发展|各项)(?:经济)?(?:目标(?:和任务|任务)?|指标)(?:建议|预定|确定|设定|初定)?(?:(?:为|是|还?包括)(?:[：:]|(?=[^，。；]{2,16}?(?:实现|达到|增长|完成)[^，。；]{0,6}\d))|增速均(?:在|达到?)\d)|(?:19|20)\d{2}年目标[：:]/;
/** A sentence that opens a list of targets for a year not before the document's (its own year, when it says one). */
function opensTargets(sText: string, year: number | null): boolean {
  const list = TARGET_LIST.exec(sText);
  if (!list || year === null) return false;
  const said = /((?:19|20)\d{2})年[^，。；]{0,12}$/.exec(sText.slice(0, list.index));
  return said === null ? /今年|全年/.test(sText.slice(0, list.index)) : Number(said[1]) >= year;
}
/** A paragraph naming a year's targets that ends by announcing them: "…《…2011年度…目标》。现将各项目标任务报告如下：". */
// (round 23: a year's plan of works too, "《2019年市委、市政府为民办实事工作计划》的主要内容是：")
const TARGETS_FOLLOW = /((?:19|20)\d{2})年度?[^。]{0,30}?(?:目标|计划)[^]*?(?:如下|主要内容[是为])[：:]\s*$/;
/** A sentence opening with the year and pledging, after a reporter's lead-in or not: "…获悉，今年城厢镇将力争实现…",
 * "2024年，全县要确保…". */
const YEAR_PLEDGE = /^\s*(?:[^。；]{0,60}?(?:获悉|了解到|表示|指出|提出)[，,：:])?\s*(?:今年|全年|(?:19|20)\d{2}年)[^。；]{0,20}?(?:将|要|确保|力争|争取)/;
/** The year's end pledged in a sentence's first ；-segment, with a figure: "力争2010年实现地区生产总值200亿元，增长26%；完成…"
 * (round 25: the pledge before the year, or the year after the sentence's lead). */
function yearTarget(norm: string, sentence: Sentence, it: ExtractedItem): boolean {
  const first = sentence.segments[0]!;
  return it.start < first.end && it.quantities.length > 0 && (it.rules.includes('deadline:year') || it.rules.includes('deadline:year-end')) && PLEDGE.test(norm.slice(first.start, it.end));
}
const PLEDGE = /确保|力争|争取|(?<![主重需])要(?![求素点])|将(?![近来])|目标/;

/** A line that names and counts a class of a list: "“优化教育资源布局”类，共1项". */
const CLASS_LINE = /^[^，。；]{0,30}类[，,]?\s*共\s*[\d一二三四五六七八九十]+\s*项$/;
/** A segment that sums up a class of the list: "其中，安居保障类3项，主要是…等工程". */
const CLASS_SUMMARY = /^(?:其中[，,])?[^，。；]{1,12}类[\d一二三四五六七八九十]+项(?:[，,]|$)/;
/** A sentence about the year gone by: "去年，…", "一年来，…". */
const LOOKS_BACK = /^(?:去年|上年|一年来|过去一年)/;
/** A vote that chose a counted list: reported, not pledged. */
const VOTED = /表决|票决|投票|票选/;
/** Words under a list that are none of its deliverables (the frame loop and the document frame alike): a line that names and
 * counts a class of the list, a class summed up, a sentence about last year, the vote on the list, the sentence that names
 * it before its items, a tally. */
function noDeliverable(sentenceText: string, lineText: string): boolean {
  return CLASS_LINE.test(lineText.replace(ITEM_LEAD, '').trim()) || CLASS_SUMMARY.test(sentenceText) || LOOKS_BACK.test(sentenceText.replace(ITEM_LEAD, '')) ||
    (VOTED.test(sentenceText) && DELIVERABLE_WORD.test(sentenceText)) || NAMES_LIST.test(sentenceText) || TALLY.test(sentenceText);
}
/** A tally of a vote or a survey: "满意95票，基本满意27票" (round 31), "测评结果显示…". */
// (…or what the list covers: "本次10件民生实事…覆盖民生各个领域，涉及全域旅游、交通…等方面", round 33)
const TALLY = /\d+票|测评结果|满意度|(?:涉及|覆盖)[^。；]*?(?:等方面|各个领域|各领域)/;
/** A sentence that names the list before its items: "汉中市南郑区2024年10个民生实事项目具体如下：" (round 29). */
const NAMES_LIST = /(?:实事|大事|工程|项目)[^，。；]{0,6}?(?:如下|分别是|分别为|包括)[：:]?\s*$/;
/** Words that announce a counted list only name it (no pledge, no decision) or tell the vote that chose it. */
function namesOnly(announce: string): boolean {
  return (!MODAL.test(announce) && !DECIDES.test(announce)) || VOTED.test(announce);
}
/** A decision that announces a counted list ("确定…为民兴办10件实事", "确定实施30项重点民生实事项目"). */
const DECIDES = /确定|兴办|办好|抓好|实施/;
/** A report's lead to its year's work areas: "我们将重点抓好以下七个方面工作：", "重点抓好以下工作：" (round 25: without 以下 too,
 * "将重点做好五个方面工作："). */
// (round 22: "拟从以下十个方面开展工作：", the list running on in the same paragraph)
const WORK_FOLLOWS = /(?:抓好|做好|从)(?:以下)?[^。：:，]{0,10}?(?:工作|方面)[：:]/;
/** A heading that names the targets without a year ("一、经济社会发展主要预期目标", "2022年预期目标" has one):
 * they are the year of the heading above it, else of the document (round 9). */
const TARGET_HEADING = /(?:预期目标|主要目标)(?:任务)?$/;
/** A target without a figure after a list of the year's targets: it is reached (完成 / 实现 / 同步 / 控制在 / 达到). */
const PLAIN_TARGET = /(?:(?:完成|实现|同步增长|控制在|达到|稳定在)[^，。；]{0,16}(?:任务|目标|增长|以内|以下|要求|标准|水平)|增长[^，。；]{0,8}同步)[。；;]?\s*$/;
/** A short line under a target heading that sets a target without a figure ("空气质量完成年度目标任务"). */
const TARGET_LINE_PLAIN = /完成(?:年度|全年|市|省|上级)?[^，。；]{0,8}(?:目标任务|目标|任务)$/;
/** A top-level section heading ("二、…") ends what a dated heading governs. */
// The ways a line of a list opens, written once: "1." / "12、", "（三）", "二、", "一是", a bullet.
const SECTION_HEADING = new RegExp(String.raw`^\s*${SECTION_LEAD}`);
/** A section that ends with its year: "二、奋进的2013年" (round 20; a bare "2020年" line is a caption). */
const YEAR_SECTION = new RegExp(String.raw`^\s*${SECTION_LEAD}[^。；，]{0,12}?((?:19|20)\d{2})年\s*$`);
/** A short target line under a dated heading ("（一）地区生产总值增长7%以上") is read, not skipped as a heading. */
const TARGET_LINE = /(?:增长|达到|控制在|稳定在|突破|新增|完成)[^，。；]{0,12}\d/;

interface ClauseInfo {
  clause: Clause;
  deadlines: DeadlineHit[];
  quantities: QuantityHit[];
  projects: ProjectHit[];
}

interface Group {
  clauses: ClauseInfo[];
  deadline: DeadlineHit | null;
  inherited: boolean;
}

function toQuantity(h: QuantityHit, aspirational: boolean): Quantity {
  const q: Quantity = { value: h.value, unit: h.unit, label: h.label, atLeast: h.atLeast };
  if (h.upTo !== undefined) q.upTo = h.upTo;
  if (aspirational) q.aspirational = true;
  return q;
}

/** The object of a rallying call rather than a task: "全力完成主要目标任务". */
const GENERIC_OBJECT = /(?:主要|全年|各项|既定|年度)?目标任务|各项工作|全年目标|奋斗目标|全年胜利|保全年/;
/**
 * A generic object closing an item, with its completion: "…目标任务圆满完成", "完成全年目标任务"
 * (not a target of its own: "实到外资完成区定目标任务"); "实现全年经济社会发展的目标任务" and the closing idioms
 * of a speech ("交出优异答卷", "谱写新篇章") too (round 9); "完成全年发展目标任务" (round 37).
 */
const GENERIC_END = /(?:(?:完成|实现)(?:全年|各项|既定|年度|主要)*(?:[^，。；]{2,10}的|(?:经济社会)?发展)?(?:目标任务|目标)|目标任务(?:圆满|全面|超额)完成|各项工作|全年胜利|(?:交出|书写|谱写|作出|做出|开创|展现)[^，。；]{0,10}(?:答卷|篇章|贡献|局面|新成效|新气象|新作为))$/;
/** Deadlines that are a whole period (the year, a half, a quarter), not a date. */
const PERIOD_RULES = new Set(['deadline:year-end', 'deadline:half', 'deadline:quarter', 'deadline:year']);

/**
 * A campaign's rallying call ("要决战冲刺100天，全力完成主要目标任务") names the campaign and a
 * generic object, nothing to check off: no project, no quantity but the campaign's own days.
 */
function isExhortation(text: string, deadline: DeadlineHit | null, quantities: QuantityHit[], projects: ProjectHit[]): boolean {
  if (deadline === null || projects.length > 0) return false;
  // the same call with a period ("确保全年…节能降耗目标任务圆满完成"): its object, at the end, is generic
  if (PERIOD_RULES.has(deadline.rule)) return quantities.length === 0 && GENERIC_END.test(text);
  if (deadline.rule !== 'deadline:campaign') return false;
  if (quantities.some((q) => q.unit !== '天' || q.numStart < deadline.start || q.numStart >= deadline.end)) return false;
  return GENERIC_OBJECT.test(text);
}

/** An item stops before a bracket it does not close: "…中心建设（牵头单位：经发局…）". */
function openParenCut(norm: string, start: number, end: number): number {
  const open = Math.max(norm.lastIndexOf('（', end - 1), norm.lastIndexOf('(', end - 1));
  if (open < start) return end;
  const closed = /[）)]/.test(norm.slice(open, end));
  return closed ? end : open;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** The deadline governing a clause: the nearest one before its first quantity, else its first. */
function governing(deadlines: DeadlineHit[], quantities: QuantityHit[]): DeadlineHit | null {
  if (deadlines.length === 0) return null;
  const q0 = quantities[0];
  if (q0) {
    let best: DeadlineHit | null = null;
    for (const d of deadlines) if (d.start < q0.numStart) best = d;
    if (best) return best;
  }
  return deadlines[0]!;
}

/** Is the quantity under 力争/争取 (not reset by a later 确保) since the segment start? */
function isAspirational(norm: string, segStart: number, pos: number): boolean {
  const t = norm.slice(segStart, pos);
  const a = Math.max(t.lastIndexOf('力争'), t.lastIndexOf('争取'));
  const e = t.lastIndexOf('确保');
  return a >= 0 && a > e;
}

/** Projects named by heading lines and clause subjects, in text order (for a nameless 总投资). */
function projectMentions(norm: string, paras: Paragraph[]): ProjectMention[] {
  const out: ProjectMention[] = [];
  for (const para of paras) {
    if (para.heading) {
      const h = headingMention(norm, para.start, para.end);
      if (h) out.push(h);
      continue;
    }
    for (const sentence of para.sentences) {
      for (const seg of sentence.segments) {
        for (const c of seg.clauses) {
          const m = subjectMention(norm, c.start, c.end) ?? complementMention(norm, c.start, c.end);
          if (m) out.push(m);
        }
      }
    }
  }
  return out;
}

/** A future modal: what a segment will do. */
const LOOKS_AHEAD = /(?:还|也|仍)?将(?!近)|计划|力争|确保|争取/;

/** A sentence announcing the year's list of works: "今年，我市将办好事关…的“十件实事”", "今年将继续…扎实办好“十件民生实事”". */
// (round 22: 办 and 一批 too, "2020年，澄城县将坚持以人为本，下大气力办一批群众看得见…的好事实事")
const LIST_INTRO = /(今年|明年|(?:19|20)\d{2}年)[^。]{0,30}?(?:将|要|确保|计划)[^。]{0,30}?(?:办好|办|抓好|实施|推进|完成)[^。]{0,24}?(?:[十\d一二三四五六七八九]+(?:件|项|大)|以下|一批)[^。]{0,24}?(?:实事|工程|任务|行动)/;
/** …and a counted list of deliverables, the object of a verb closing a sentence ("重点抓好15件大事和民生实事。", "为民兴办10件实事。") or in a
 * heading ("十项民生重点工程", "民生实事…进度表"): its year is the one said before it, else the document's (round 17; round 18:
 * more verbs, headings) */
// (not 一 alone: "已成为市政府一项惠民工程" is no list, round 33)
const COUNTED_DELIVERABLES = String.raw`(?!一[件项个])[十\d一二三四五六七八九百]+(?:件|项|大|个)(?:(?:19|20)\d{2}年度?)?[^。，；：\d]{0,12}?(?:实事|大事|重点工程|民生工程|惠民工程|民心工程)`;
// (announcing: the count ends its sentence, or 这 takes it up before the list: "这10件实事分别为："; round 23: or the list
// is told as published, "…2025年度十件民生实事项目 正式出炉！")
/** The words that tell a counted list as published or decided (COUNTED_LIST, TOLD_PUBLISHED, TOLD_NEXT). */
const PUBLISHED_VERBS = '出炉|出台|公布|发布|揭晓|确定';
const COUNTED_LIST = new RegExp(
  String.raw`((?:19|20)?\d{2}年|今年|明年)?[^。]{0,30}?(?:(?:办|抓好|实施|确定|为民|产生|选出|票决出|公布|出炉)[^，。；]{0,10}?${COUNTED_DELIVERABLES}(?:项目)?”?(?:[。：:]|$)|这?${COUNTED_DELIVERABLES}(?:项目)?(?:[^，。；]{0,4}?|[，,]\s*)(?:如下|分别为|分别是|是|为|包括)[：:]|这${COUNTED_DELIVERABLES}[^，。；]{0,4}?(?:分别为|分别是|是|为|包括)|确定(?:惠民|民生)?实事(?:项目)?[十\d一二三四五六七八九百]+(?:件|项)|(?:实事|惠民工程|民生工程)(?:项目)?(?:共(?:有|涉及)?|为|是)[十\d一二三四五六七八九百]+(?:件|项)|(?:确定)?以下[^。]{0,20}?为[^。]{0,30}?实事(?:项目)?|${COUNTED_DELIVERABLES}(?:项目)?”?\s*(?:正式|日前|近日)?“?(?:${PUBLISHED_VERBS}))`,
);
/** A word every counted list's announcement holds (COUNTED_LIST, COUNTED_HEADING). */
const LISTED_WORDS = /实事|大事|工程/;
// (round 27: "确定…民生实事项目为10项", "确定以下八类11个项目为2024年度…民生实事项目"; round 28: a comma before the list,
// "票决出2025年…十件民生实事项目，分别是：")
// (round 23: or a heading that is only the list's name, "实事项目", "政府实事项目")
const COUNTED_HEADING = new RegExp(String.raw`((?:19|20)?\d{2}年|今年|明年)?[^。]{0,30}?(?:${COUNTED_DELIVERABLES}|民生实事)|^\s*(?:政府|民生|为民|惠民)?实事(?:项目)?\s*$`);
/** What a counted list of deliverables is of: "十件实事", "15件大事". */
const DELIVERABLE_WORD = /实事|大事/;
/** A counted list told of a year gone by, followed up, or cited. */
const NOT_A_LIST = /去年|上年|过去|回顾|进展情况|完成情况|根据/;
/** A heading that reviews a year rather than setting its targets. */
// (not what is still to be done: "2022年区政府要完成的…实事", round 33)
const REVIEW_HEADING = /情况|回顾|总结|进展|成效|成绩|(?<![要将需须])完成/;
/** The year-end a heading (or a sentence announcing a list) gives the lines under it. */
function yearDue(start: number, end: number, phrase: string, year: number): DeadlineHit {
  return { start, end, phrase, date: `${year}-12-31`, rule: 'deadline:heading' };
}

/** The year a list is announced for: "" and 今年 the document's, 明年 the next, "06年" 2006, "2016年" 2016. */
function listYear(when: string, year: number): number {
  if (when === '' || when === '今年') return year;
  if (when === '明年') return year + 1;
  return when.length === 3 ? 2000 + Number(when.slice(0, 2)) : Number(when.slice(0, 4));
}

/** What dates the items listed under a heading or an announcing sentence (docs/extraction.md › List items and their frame). */
interface Frame {
  due: DeadlineHit;
  /** it sets targets ("2011年主要目标") rather than reviewing them ("2023年目标完成情况") */
  plan: boolean;
  /** a counted list of deliverables ("十件实事", "15件大事"): each item is one, whatever its verb */
  counted: boolean;
  /** a title's year ("2025年县政府工作报告任务清单"), not a section's ("一、2023年主要目标") */
  title: boolean;
  /** where its list begins: after the words that announce it */
  from: number;
  /** the paragraph that tells the list as published: its sentences are news, not items */
  told?: number;
}
/** A paragraph that opens as news of the meeting itself: "会上，", "在听取…汇报后，". */
const MEETING_OPENS = /^\s*(?:会上|在听取[^，。]{0,30}后)[，,：:]/;
/** A counted list's announcement that ends in telling it published, */
const TOLD_PUBLISHED = new RegExp(`(?:${PUBLISHED_VERBS})$`);
/** …or said right after the list's name: "李沧区2012年要办的12件实事出台". */
const TOLD_NEXT = new RegExp(`^(?:项目)?”?\\s*(?:正式|日前|近日)?“?(?:${PUBLISHED_VERBS})`);

/** A frame that sets a year's targets or work (not a counted list of deliverables); `title` runs it through "一、" sections. */
function targetsFrame(due: DeadlineHit, title: boolean, from: number): Frame {
  return { due, plan: true, counted: false, title, from };
}

/** A task table's header cell for the completion date. */
// (round 22: 计划完成时间, set u)
const DUE_HEADER = /^(?:计划)?(?:完成时限|完成时间|时间节点|完成期限|时限要求|时限)$/;

/** Cells of a table row written with "|" separators, with their offsets. */
function cells(norm: string, start: number, end: number): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || norm[i] === '|') {
      let a = s;
      let b = i;
      while (a < b && /\s/.test(norm[a]!)) a++;
      while (b > a && /\s/.test(norm[b - 1]!)) b--;
      out.push({ start: a, end: b, text: norm.slice(a, b) });
      s = i + 1;
    }
  }
  return out;
}

export function extract(text: string, opts: ExtractOptions = {}): ExtractResult {
  return extractWith(text, opts, MODEL).result;
}

/** The year a text is about (given, read from its date, or from the text), without extracting it: what a new document is filed under. */
export function documentYear(text: string, opts: Pick<ExtractOptions, 'year' | 'date'> = {}): number | null {
  return detectDocumentDate(normalize(text), opts.year, opts.date).year;
}

/** The rules alone, without the learned pass: what the round tests check. */
export function extractRules(text: string, opts: ExtractOptions = {}): ExtractResult {
  return extractWith(text, opts, null).result;
}

/**
 * The rules, then the learned pass when a model is given (learned.ts); also returns the decisions the model was asked to
 * take (`ask`, by default only with a model: scripts/extract-train.ts runs the rules alone and asks).
 */
export function extractWith(text: string, opts: ExtractOptions, model: Model | null, ask = model !== null): { result: ExtractResult; candidates: Candidate[] } {
  const norm = normalize(text);
  const quotes = quoteMask(norm);
  const blocked = dateMask(norm, quotes);
  const doc = detectDocumentDate(norm, opts.year, opts.date);
  const ctx: DeadlineContext = { year: doc.year, date: doc.date };
  const units = new UnitMatcher(opts.units);
  const items: ExtractedItem[] = [];
  let sectionUnit: string | null = null;

  const paras = segment(norm, quotes);
  const mentions = projectMentions(norm, paras);
  const seenProjects: ProjectHit[] = [];
  const mentionBefore = (pos: number): ProjectMention | null => {
    let best: ProjectMention | null = null;
    for (const m of mentions) {
      if (m.end > pos) break;
      best = m;
    }
    return best;
  };
  // a task table: the column headed 完成时限 dates the task of each row
  let dueColumn = -1;
  // …and its progress columns
  let progress: { width: number; columns: number[] } | null = null;
  // what dates the items listed under a heading or an announcing sentence, until the next section heading
  let frame: Frame | null = null;
  for (const para of paras) {
    const paraText = norm.slice(para.start, para.end);
    const row = paraText.includes('|') ? cells(norm, para.start, para.end) : null;
    const header = row !== null && row.some((c) => PROGRESS_HEADER.test(c.text));
    if (row) {
      const k = row.findIndex((c) => DUE_HEADER.test(c.text));
      if (k >= 0) dueColumn = k;
      if (header) progress = { width: row.length, columns: row.flatMap((c, k) => (PROGRESS_HEADER.test(c.text) ? [k] : [])) };
    } else {
      dueColumn = -1;
      progress = null;
    }
    let rowDue: DeadlineHit | null = null;
    if (row && dueColumn >= 0 && row[dueColumn]) {
      const cell = row[dueColumn]!;
      const hits = findDeadlines(norm, quotes, cell.start, cell.end, ctx);
      // (round 22: or a time and its milestone, "9月投入使用", "5月底前动工": the row's task is in its task cell)
      if (hits.length === 1 && hits[0]!.start === cell.start && (hits[0]!.end === cell.end || cell.end - hits[0]!.end <= 6)) rowDue = hits[0]!;
      else if (hits.length === 0) rowDue = dueCellMonth(norm, cell.start, cell.end, ctx);
    }
    const paraBefore = items.length;
    // a sentence that announces the year's list ("今年，我市将办好…“十件实事”") dates the lines under it as a heading would
    // (round 16); the paragraph itself is read as usual
    const intro = para.heading ? null : LIST_INTRO.exec(paraText);
    // (every way of counting a list names its deliverables: a paragraph without their words is not tried, for speed)
    const counted = intro || NOT_A_LIST.test(paraText) || !LISTED_WORDS.test(paraText) ? null : (para.heading ? COUNTED_HEADING : COUNTED_LIST).exec(paraText);
    if ((intro ?? counted) && ctx.year !== null) {
      const hit = (intro ?? counted)!;
      const when = hit[1] ?? '';
      // (a list taken up again without a year, "10件实事是：", keeps the year it was announced with: set s, 508)
      const again: number | null = when === '' && frame?.counted && frame.due.date !== null ? Number(frame.due.date.slice(0, 4)) : null;
      const yr: number = again ?? listYear(when, ctx.year);
      const at = para.start + hit.index;
      const due = yearDue(at, at + (when || hit[0]).length, when || hit[0], yr);
      const from = para.heading ? para.end : at + hit[0].length;
      // (a list told as news, "…十件实事“出炉”", "…10项民生实事日前确定", frames the lines below, not the news around it, round 33)
      const told = !para.heading && (TOLD_PUBLISHED.test(hit[0]) || TOLD_NEXT.test(paraText.slice(hit.index + hit[0].length))) ? para.index : undefined;
      frame = yr >= ctx.year ? { due, plan: true, counted: counted !== null || DELIVERABLE_WORD.test(hit[0]), title: para.heading, from, told } : null;
      if (para.heading) continue;
    }
    // "制定了《…2011年度竞争激励机制目标》。现将各项目标任务报告如下：": a year's targets announced as the list below, which
    // runs through its "一、" sections (round 20)
    const announced = para.heading || ctx.year === null ? null : TARGETS_FOLLOW.exec(paraText);
    if (announced && Number(announced[1]) >= ctx.year!) {
      const at = para.start + announced.index;
      frame = targetsFrame(yearDue(at, at + announced[1]!.length + 1, `${announced[1]}年`, Number(announced[1])), true, para.end);
    }
    // "围绕上述目标，我们将重点抓好以下七个方面工作：": a report's work for the year it is delivered for, announced as the
    // paragraphs below (round 21); they are areas, not deliverables, so only commitments with an end state are dated
    const work = para.heading || ctx.year === null || (doc.date !== null && doc.date.slice(0, 4) !== String(ctx.year)) ? null : WORK_FOLLOWS.exec(paraText);
    if (work) {
      const at = para.start + work.index;
      frame = targetsFrame(yearDue(at, at + work[0].length, work[0], ctx.year!), true, para.end);
    }
    if (para.heading) {
      const u = units.heading(paraText);
      if (u) sectionUnit = u;
      // (a title wrapped over two lines, "2022年区政府要完成的与人民生活" / "密切相关的实事", is read whole, round 33)
      const next = paras[para.index + 1];
      const wrapped = next?.heading && !ENUMERATED.test(paraText) && !ENUMERATED.test(norm.slice(next.start, next.end)) && !/[：:]$/.test(paraText) ? paraText + norm.slice(next.start, next.end) : paraText;
      const y = YEAR_HEADING.exec(wrapped) ?? YEAR_SECTION.exec(paraText) ?? (REVIEW_HEADING.test(wrapped) ? null : YEAR_LIST_HEADING.exec(wrapped));
      if (y) {
        const yr = Number(y[1]);
        const s = para.start + y.index;
        const due = yearDue(s, s + 5, `${y[1]}年`, yr);
        const title = !SECTION_HEADING.test(paraText) && !ENUMERATED.test(paraText);
        frame = ctx.year === null || yr >= ctx.year ? { due, plan: !REVIEW_HEADING.test(paraText), counted: DELIVERABLE_WORD.test(paraText), title, from: para.end } : null;
        continue;
      }
      if (TARGET_HEADING.test(paraText.trim())) {
        const at = para.start + paraText.search(TARGET_HEADING);
        if (frame) frame.plan = true;
        else if (ctx.year !== null) frame = targetsFrame(yearDue(at, para.end, paraText.trim(), ctx.year), false, para.end);
        continue;
      }
      // (a title's year, "2025年县政府工作报告任务清单", runs on through its "一、…" sections unless one reviews, round 17)
      // (…and a counted list's "一、" lines are its items' titles, round 19)
      if (SECTION_HEADING.test(paraText) && !(frame?.title && !REVIEW_HEADING.test(paraText)) && !frame?.counted) frame = null;
      if (!frame || !(TARGET_LINE.test(paraText) || TARGET_LINE_PLAIN.test(paraText.trim()))) continue;
    }
    const speaker = units.speaker(paraText);
    const speakerPerson = units.speakerPerson(paraText);
    const baseUnits = [sectionUnit, speaker].filter((u): u is string => u !== null);
    const makeUnits = (t: string) => uniq([...baseUnits, ...units.named(t)]);

    // the sentence that opened a list of the year's targets in this paragraph ("今年，开发区预期目标是…。工业总产值完成…。")
    let listing: string | null = null;
    for (const sentence of para.sentences) {
      const sText = norm.slice(sentence.start, sentence.end);
      // under a heading that names the year's targets, a change is a target, not a result ("2011年主要目标：" then
      // "规模以上工业总产值同比增长30%以上", round 15), unless the sentence says it is done; so are the sentences after
      // one that opens the list (round 17)
      // (…and so is a sentence that opens a list of the year's targets: "湘潭经开区2016年确定的主要经济指标增速均在15%以上，…", round 29)
      const report: boolean = isReportSentence(sText, doc.date) && !((frame?.plan === true || listing !== null || opensTargets(sText, ctx.year)) && !DONE.test(sText));
      const period = report ? findPeriod(sText) : null;
      const figuresStated = statesFigures(sText);
      const before = items.length;
      for (const seg of sentence.segments) {
        // "截至3月底，…开复工率82.2%；二季度，还将开复工…": a later segment of a report that looks ahead to a period
        // not yet ended is a plan (round 12)
        const segText = norm.slice(seg.start, seg.end);
        // (…and a segment that tells what was done is a report in a sentence that pledges in another: "今年，白城开工建设了…13个
        // 风电项目，已完成投资55.5亿元…；…项目年底前建成投产", round 37)
        const segReport = report
          ? !(seg !== sentence.segments[0] && LOOKS_AHEAD.test(segText) && findPeriod(segText) !== null && !isReportSentence(segText, doc.date))
          : sentence.segments.length > 1 && DONE.test(segText) && !LOOKS_AHEAD.test(segText) && isReportSentence(segText, doc.date);
        const { infos, yoy } = analyseSegment(norm, quotes, blocked, seg, ctx, segReport, mentionBefore, seenProjects, segReport || figuresStated);
        // a question ("一季度11区都有哪些项目开工建设？") sets no deadline
        if (QUESTION.test(sText)) for (const i of infos) i.deadlines = [];
        // a programme told as news, a count of projects with their total and no commitment word
        // ("今年经开区谋划实施重点项目100个，总投资2191亿元"): its period is the frame, not a deadline
        // (up to the first clause with a commitment word: "…，其中58个新建续建项目年内将全部开工")
        if (!segReport) {
          const m = infos.findIndex((i) => MODAL.test(norm.slice(i.clause.start, i.clause.end)));
          const told = m < 0 ? infos : infos.slice(0, m);
          if (told.length > 0 && GROUP_TOTAL.test(norm.slice(seg.start, told[told.length - 1]!.clause.end))) {
            for (const i of told) i.deadlines = i.deadlines.filter((d) => !PERIOD_FRAME.test(d.phrase));
          }
        }
        if (!segReport && !MODAL.test(sText)) {
          // (after a lead-in: "据了解， 今年上半年，高新区共有28个项目在建设中", round 13)
          const first = infos.find((i) => !leadIn(norm.slice(i.clause.start, i.clause.end).trim()));
          const d = first?.deadlines[0];
          const whole = first ? norm.slice(first.clause.start, first.clause.end).trim() : '';
          // a half or a quarter frames only a state ("共有28个项目在建设中"), not an action ("一季度，全面启动…") or a plan
          // ("下半年，计划建设…", set m)
          const rest = first ? norm.slice(first.clause.end, seg.end) : '';
          const framed = FRAME.test(d?.phrase ?? '') || (PERIOD_OPENING.test(d?.phrase ?? '') && !ACTION_VERBS.test(rest) && !LOOKS_AHEAD.test(rest));
          if (first && d && seg === sentence.segments[0] && d.phrase === whole && framed) first.deadlines.shift();
        }
        if (segReport) items.push(...reportItems(text, norm, quotes, seg, infos, yoy, period, ctx, makeUnits));
        else items.push(...taskItems(text, norm, seg, infos, makeUnits));
      }
      // "今年将力争实现A增长6%以上；B增长15%以上": a year's pledge runs on through the later ；-segments of its sentence,
      // to each target with a figure and no time of its own (round 22)
      if (!report && sentence.segments.length > 1) {
        let year: ExtractedItem | null = null;
        // (where the pledge's own segment ends: only later segments take it up)
        let yearSegmentEnd = sentence.end;
        for (const it of items.slice(before)) {
          if (it.kind !== 'task') continue;
          if (it.deadline !== null) {
            year = it.deadline.endsWith('-12-31') && (YEAR_PLEDGE.test(norm.slice(sentence.start, it.end)) || yearTarget(norm, sentence, it)) ? it : null;
            yearSegmentEnd = sentence.segments.find((sg) => it.start < sg.end)?.end ?? sentence.end;
          } else if (year && it.start >= yearSegmentEnd && it.quantities.length > 0 && !DONE.test(it.text) && !/去年|上年/.test(it.text)) {
            it.deadline = year.deadline;
            it.deadlinePhrase = year.deadlinePhrase;
            it.rules.push('deadline:inherited');
          }
        }
      }
      // the targets listed after "主要预期目标为：" are the document year's (as under a dated heading)
      const list: RegExpExecArray | null = report ? null : TARGET_LIST.exec(sText);
      const from = list ? sentence.start + list.index : listing !== null && !report ? sentence.start : null;
      if (list) listing = list[0];
      // (…and so is a short sentence after the list that sets a target without a figure: "约束性指标不折不扣完成市下达任务。",
      // "城乡居民人均可支配收入实现与经济同步增长。" (round 28))
      if (!list && from !== null && items.length === before && !report) items.push(...plainTarget(text, norm, sentence.start, sentence.end, makeUnits));
      // (…and so is a ；-segment of the list's own sentence that sets one: "…；城乡居民收入增长与经济增长同步；…" (round 38))
      if (list && ctx.year !== null) {
        const found = items.slice(before);
        for (const seg of sentence.segments) {
          if (seg.start >= from! && !found.some((it) => it.start < seg.end && it.end > seg.start)) items.push(...plainTarget(text, norm, seg.start, seg.end, makeUnits));
        }
        inTextOrder(items, before);
      }
      if (from !== null && listing !== null && ctx.year !== null) {
        for (const it of items.slice(before)) {
          if (it.kind !== 'task' || it.deadline !== null || (it.quantities.length === 0 && !it.rules.includes('task:plain-target')) || it.end <= from) continue; // (round 22: an item holding the list's lead is its first target)
          // (the year of the heading above, if one frames the list: "2023年…" in a notice of 2022)
          it.deadline = frame?.plan ? frame.due.date : `${ctx.year}-12-31`;
          it.deadlinePhrase = listing;
          it.rules.push('deadline:target-list');
        }
      }
      // who does it may be said before the item ("由征迁办牵头，…") or after it ("（牵头单位：…）"):
      // an item's context runs from the previous item's end to the next one's start
      const own = items.slice(before);
      own.forEach((it, k) => {
        if (it.kind !== 'task') return;
        const from = k > 0 ? own[k - 1]!.end : sentence.start;
        const to = k + 1 < own.length ? own[k + 1]!.start : sentence.end;
        const context = norm.slice(Math.min(from, it.start), Math.max(to, it.end));
        const r = assignRoles(context, uniq([...it.units, ...makeUnits(context)]), units, opts.leaders, speakerPerson);
        it.lead = r.lead;
        it.supporting = r.supporting;
        it.leader = r.leader;
        it.rules.push(...r.rules);
      });
    }
    // (a counted list ends at a paragraph that opens as news of a meeting, "会上，…作了汇报发言": what follows tells how the
    // list is going, no item of it, round 38)
    if (frame?.counted && !para.heading && para.start >= frame.from && MEETING_OPENS.test(paraText)) frame = null;
    // in a task table the 完成时限 column dates the rows, even when it says 持续推进 (no date)
    if (frame && dueColumn < 0 && frame.told !== para.index) {
      const { due, plan, counted, from } = frame;
      // (what a task table's progress cell, or the header row naming it, says is done or under way: the frame's year does
      // not date it, while its own time still does, "剩余预计11月底前完成", round 37)
      const cells = row && progress ? (header ? [para] : progressCells(row, progress)) : [];
      const inProgress = (it: ExtractedItem) => cells.some((c) => it.end > c.start && it.end <= c.end);
      const own = items.slice(paraBefore).filter((it) => it.kind === 'task' && !inProgress(it));
      // the words before a counted list only name it, or tell the vote that chose it (they pledge nothing)
      const namesList = counted && namesOnly(norm.slice(para.start, from));
      for (const it of own) {
        // under "2023年…任务分解" a notice of December 2022 means 2023 by 全年 / 今年 / 年内 (round 11)
        if (it.deadline !== null && due.date !== null && it.deadline < due.date && it.deadline.endsWith('-12-31') && /^(?:全年|今年|年内|年底前?|当年)$/.test(it.deadlinePhrase ?? '')) {
          it.deadline = due.date;
          it.rules.push('deadline:heading');
          continue;
        }
        // (under a heading that sets the year's targets, an action without a figure is one of them too, round 15;
        // in a counted list every item is one deliverable, whatever its verb, round 17)
        // (words that only name the list keep no time of their own: "…2024年10个民生实事项目具体如下：", round 29)
        if (namesList && it.deadline !== null && it.end <= from && it.start >= para.start && it.rules.some((r) => PERIOD_RULES.has(r))) {
          it.deadline = null;
          delete it.deadlinePhrase;
          it.rules = it.rules.filter((r) => !r.startsWith('deadline:'));
          continue;
        }
        // (the words that pledge or decide a counted list, "今年市政府要为全市人民着力办好10件实事", are a deadline of their own, whatever
        // the news around them: the learned pass is not asked to drop it, round 44)
        if (counted && !namesList && it.deadline !== null && it.start < from && it.end > due.start) it.rules.push(ANNOUNCES_LIST);
        if (it.deadline !== null || (it.quantities.length === 0 && !counted && !(plan && it.rules.includes('task:action-verb') && !isPush(it.text)))) continue;
        // (a line that names and counts a class of the list, "一、“优化教育资源布局”类，共1项", or sums one up, "其中，安居保障类3项，
        // 主要是…", is no deliverable, nor a sentence about last year, "去年计划…", "一年来，…", nor one that tells the vote on
        // the list, "…20个民生实事项目正式票选出炉", round 27)
        const sentenceText = norm.slice(Math.max(norm.lastIndexOf('。', it.start - 1), norm.lastIndexOf('\n', it.start - 1)) + 1, it.end);
        if (noDeliverable(sentenceText, paraText)) continue;
        // the words that only name and count the list ("民生实事项目共11项，项目情况如下：") pledge nothing (round 22)
        // (nor does a vote that chose it: "投票表决确定…为10项", round 27)
        if (namesList && it.end <= from && it.start >= para.start) continue;
        it.deadline = due.date;
        it.deadlinePhrase = due.phrase;
        it.rules.push('deadline:heading');
      }
      const added = items.length;
      const mark = (t: ExtractedItem, rule: string) => {
        if (!inProgress(t)) {
          t.deadline = due.date;
          t.deadlinePhrase = due.phrase;
          t.rules.push('deadline:heading');
        }
        t.rules.push(rule);
        items.push(t);
      };
      if (own.length === 0) {
        const t = enumeratedTarget(text, norm, para, makeUnits, para.heading);
        if (t && !isPush(t.text)) mark(t, 'task:enumerated-target');
      }
      // a counted list's numbered items without a figure ("（2）开工新建西环路，…") are its deliverables too, and under a
      // frame that sets the year's work so is a numbered item's sentence after its title that commits to an end state
      // ("4.城东科技新城。做好规划设计和建设前期工作。") (round 17)
      if (counted) {
        for (const t of countedItems(text, norm, para, from, items.slice(paraBefore), makeUnits)) mark(t, 'task:listed-item');
      } else if (plan && NUMBERED_ITEM.test(paraText)) {
        const taken = items.slice(paraBefore);
        para.sentences.forEach((sentence, k) => {
          if (k === 0 || taken.some((it) => it.start < sentence.end && it.end > sentence.start)) return;
          const t = committedItem(text, norm, sentence, makeUnits);
          if (t) mark(t, 'task:listed-item');
        });
      }
      // (items found this way stand in text order among the paragraph's own)
      if (items.length > added) inTextOrder(items, paraBefore);
    }
    if (rowDue && row) addRowDeadline(text, norm, para, row, dueColumn, rowDue, items, paraBefore, makeUnits);
  }
  documentFrame(norm, paras, items, doc.date, ctx.year);
  wholeSegments(text, norm, paras, items);
  const cands = ask ? candidates(norm, paras, items, ctx.year, doc.date) : [];
  if (model) applyModel(model, cands, items, text, (t) => units.named(t));
  return { result: { year: doc.year, items }, candidates: cands };
}

/** A clause that says who leads the work ("由招商局牵头"): the roles read it, the task's text need not hold it. */
const WHO_LEADS = /^由[^，,]{1,24}(?:牵头|负责|组织|承办)$/;
/** A clause before a task that is no part of what it does: who speaks, where it is heard, who leads it. */
function leadIn(clause: string): boolean {
  return TELLS.test(clause) || WHO_LEADS.test(clause.replace(/[，,]$/, ''));
}
/** A bracket that says who does the work: "（牵头单位：经发局；…）". */
const ROLES_BRACKET = /[（(](?:[^）)]{0,4})(?:牵头|责任|配合|主办|协办)/;

/**
 * A dated task's text is all of its ；-segment that no other item holds: from the end of the item before it in the segment
 * (or the segment's start) to the start of the item after it (or the segment's end). What a commitment says of its subject,
 * its purpose and its result stands in the same segment ("经济开发区今年将重点抓好签约项目的开工建设，力争全年…达到80%以上，
 * 确保…投产") (round 30).
 */
function wholeSegments(source: string, norm: string, paras: Paragraph[], items: ExtractedItem[]): void {
  const dated = items.filter((it) => it.kind === 'task' && it.deadline !== null);
  if (dated.length === 0) return;
  const others = items.filter((it) => !(it.kind === 'task' && it.deadline !== null));
  for (const para of paras) {
    for (const sentence of para.sentences) {
      for (const seg of sentence.segments) {
        const inside = dated.filter((it) => it.start >= seg.start && it.end <= seg.end).sort((a, b) => a.start - b.start);
        inside.forEach((it, k) => {
          let from = k > 0 ? inside[k - 1]!.end : seg.start;
          let to = k + 1 < inside.length ? inside[k + 1]!.start : seg.end;
          // (an undated item of the segment keeps its words too)
          for (const o of others) {
            if (o.start >= seg.start && o.end <= seg.end) {
              if (o.end <= it.start && o.end > from) from = o.end;
              if (o.start >= it.end && o.start < to) to = o.start;
            }
          }
          // (not across a table's cells, not into a bracket of who does it, not from a speaker's lead-in)
          const cellStart = norm.lastIndexOf('|', it.start - 1);
          if (cellStart >= from) from = cellStart + 1;
          const cellEnd = norm.indexOf('|', it.end);
          if (cellEnd >= 0 && cellEnd < to) to = cellEnd;
          const roles = ROLES_BRACKET.exec(norm.slice(it.end, to));
          if (roles) to = it.end + roles.index;
          // (nor before a numbered item's number, nor over a part with a time of its own: a step of a timeline)
          if (ITEM_LEAD.test(norm.slice(it.start, it.end))) from = it.start;
          const times = [...norm.slice(from, it.start).matchAll(/\d{1,2}月/g)];
          const lastTime = times[times.length - 1];
          if (lastTime) {
            const sep = norm.slice(from + lastTime.index! + lastTime[0].length, it.start).search(/[，,、；;：:]/);
            from = sep < 0 ? it.start : from + lastTime.index! + lastTime[0].length + sep + 1;
          }
          for (let comma = norm.indexOf('，', from); comma >= 0 && comma < it.start && leadIn(norm.slice(from, comma).trim()); comma = norm.indexOf('，', from)) from = comma + 1;
          [from, to] = trimMarks(norm, from, to, { keep: it });
          if (from >= it.start && to <= it.end) return;
          it.start = Math.min(from, it.start);
          it.end = Math.max(to, it.end);
          it.text = source.slice(it.start, it.end);
        });
      }
    }
  }
}

/** The adverbs and verbs of an ongoing push, shared by PUSH (at an item's start) and PUSH_AFTER_SUBJECT. */
const PUSH_ADVERBS = '继续|进一步|全力|加快|大力|扎实|稳步|稳妥|积极|着力|持续';
const PUSH_VERBS = '推进|推动|深化|加大|优化|加强|强化|完善|提升';
/** A push after its subject: "历下区将加快推进…建设". */
const PUSH_AFTER_SUBJECT = new RegExp(`(?:${PUSH_ADVERBS})(?:${PUSH_VERBS})`);
/** What a document's lead names when it tells a year's work report or plan. */
const PLAN_DOCUMENT = /政府工作报告|工作要点|工作计划|工作安排|工作报告/;

/** …or a plan that names its year: "《大气污染防治2014年行动计划》", "2016年工作要点". */
const YEAR_PLAN_DOCUMENT = /((?:19|20)\d{2})年(?:(?!总结|情况|回顾)[^。，；《》\d]){0,12}?(?:行动计划|实施方案|工作方案|工作要点|工作计划|工作安排)/;
/** …or a year's counted list of deliverables it tells of: "2016年蓟县推出了新一轮20项民心工程", "为民办实事“十大”工程",
 * "明确2023年民生项目任务单" (round 26). */
const DELIVERABLES_DOCUMENT =
  /(?:今年|((?:19|20)\d{2})年)[^。]{0,160}?(?:“?[十\d一二三四五六七八九百]+(?:件|项|大)”?[^。，]{0,12}?(?:实事|民心工程|民生工程|惠民工程|民生项目|工程)|民生(?:项目)?任务单)/;

/**
 * The year a work report or plan is delivered for frames the whole text (docs/extraction.md › List items and their
 * frame): when the document's first lines name one and it is dated early in that year (by April), every commitment
 * (将 / 计划 / 要 / 确保 / 力争 in its sentence) with an end state, a deliverable or a target with a figure, and no time of
 * its own, is due at the year's end. Pushes, results and last year's figures are not (round 25). A lead that tells the
 * year's counted list of deliverables frames them without a commitment word, and without a date when it says the year
 * (round 26).
 */
function documentFrame(norm: string, paras: Paragraph[], items: ExtractedItem[], date: string | null, year: number | null): void {
  if (year === null) return;
  // (or in the December before it: a district's congress may meet then for the coming year, "2018-12-26" for 2019)
  const early = date !== null && ((Number(date.slice(0, 4)) === year && Number(date.slice(5, 7)) <= 4) || (Number(date.slice(0, 4)) === year - 1 && date.slice(5, 7) === '12'));
  // (the lead is the text's opening, its first two lines and no more than 200 characters of them; an official notice's number
  // and addressees come before it: "许政〔2023〕2号", "各县（市、区）人民政府，…各部门：", round 38)
  const from = Math.max(0, paras.findIndex((p) => !NOTICE_HEAD.test(norm.slice(p.start, p.end).trim())));
  const leadText = paras.slice(from, from + 2).map((p) => norm.slice(p.start, p.end)).join('').slice(0, 200);
  const listed = DELIVERABLES_DOCUMENT.exec(leadText);
  const deliverables = listed !== null && !NOT_A_LIST.test(leadText) && (early || (date === null && Number(listed[1]) === year));
  // (a plan that names its year, "大气污染防治2014年行动计划", frames that year whenever in it it is issued, round 28)
  const named = YEAR_PLAN_DOCUMENT.exec(leadText);
  const yearPlan = named !== null && Number(named[1]) === year && (date === null || Number(date.slice(0, 4)) === year);
  const planLead = !deliverables && early ? PLAN_DOCUMENT.exec(leadText) : null;
  const leadEnd = paras[Math.min(from + 1, paras.length - 1)]?.end ?? 0;
  const lead = deliverables ? listed : planLead ?? (yearPlan ? named : null);
  if (!lead) return;
  for (const it of items) {
    if (it.kind !== 'task' || it.deadline !== null) continue;
    const sFrom = Math.max(norm.lastIndexOf('。', it.start - 1), norm.lastIndexOf('\n', it.start - 1)) + 1;
    const sText = norm.slice(sFrom, it.end);
    // (a numbered item of a year's plan is one of its tasks without a commitment word)
    // (…and so is a line of its own in a plan or a work report, "新增基础教育学位20万个" under the report's lead, round 31)
    const lineFrom = norm.lastIndexOf('\n', it.start - 1) + 1;
    const lineTo = norm.indexOf('\n', it.end) < 0 ? norm.length : norm.indexOf('\n', it.end);
    const ownLine = it.start >= leadEnd && !/[。；;]/.test(norm.slice(lineFrom, lineTo).replace(/[。；;]\s*$/, '')) && lineTo - lineFrom <= 60;
    const planItem = (yearPlan && ITEM_LEAD.test(norm.slice(sFrom, it.end))) || ((yearPlan || planLead !== null) && ownLine);
    if (deliverables && noDeliverable(sText, norm.slice(lineFrom, lineTo))) continue;
    if ((!deliverables && !planItem && !/将|计划|要|确保|力争/.test(sText)) || isPush(it.text) || (PUSH_AFTER_SUBJECT.test(it.text) && !END_STATE.test(it.text)) || DONE.test(it.text) || /去年|上年/.test(sText)) continue;
    if (!END_STATE.test(it.text) && !DELIVERS.test(it.text) && !(it.quantities.length > 0 && TARGET_VERB.test(it.text))) continue;
    it.deadline = `${year}-12-31`;
    it.deadlinePhrase = lead[0];
    it.rules.push('deadline:document');
  }
}

/** Items from `from` on, put back in text order after some were added out of it. */
function inTextOrder(items: ExtractedItem[], from: number): void {
  items.splice(from, items.length - from, ...items.slice(from).sort((a, b) => a.start - b.start));
}

/** An official notice's number line ("许政〔2023〕2号") or its addressees ("各县（市、区）人民政府，…各部门："). */
const NOTICE_HEAD = /^[\u4e00-\u9fa5]{1,12}[〔[（(]\s*(?:19|20)\d{2}\s*[〕\]）)]\s*\d+\s*号$|^各[^。；]{0,160}[：:]$/;

/** An enumerated line: "7.城乡居民收入…", "（三）…", "12、…". */
const ENUMERATED = new RegExp(String.raw`^\s*(?:${NUMBER_LEAD}|${BRACKET_LEAD})`);
/** What a target without a figure says it will do: the action verbs, 增长 / 同步 / 稳定在 / 控制在, and a comparison (不低于全市平均水平). */
const TARGET_VERB = new RegExp(ACTION_VERBS.source + '|增长|同步|稳定在|控制在|达到|不低于|不高于|高于|低于|好于|优于');

/** An ongoing push with no end state ("推进老旧小区改造", "加快推进…建设"): under a frame it is no dated target (round 17). */
// (round 28: "深入实施三个“一号工程”", "深入开展…")
// (round 31: "加快建设科技馆新馆", an adverb of pace before 建设)
const PUSH = new RegExp(`^(?:要|将|${PUSH_ADVERBS})*(?:${PUSH_VERBS}|尽快|不断|深入(?:实施|开展|落实|推进))|^(?:要|将)?(?:${PUSH_ADVERBS})+建设`);
const END_STATE = new RegExp(`${MILESTONES}|完成|开工|实现|新增|达到|突破`);
function isPush(text: string): boolean {
  const t = text.replace(ENUMERATED, '').trim();
  return PUSH.test(t) && !END_STATE.test(t);
}

/** A numbered item of a list ("4.城东科技新城。…"), not a section ("一、…"). */
const NUMBERED_ITEM = new RegExp(String.raw`^\s*${NUMBER_LEAD}`);
/** What a framed sentence without a figure commits to: an action, or 做好 / 抓好 a piece of work. */
const COMMITS = new RegExp(`${ACTION_VERBS.source}|做好|抓好`);

/** What an unnumbered sentence of a counted list's item does when it is one of its deliverables ("解决…饮水安全问题"). */
const DELIVERS = new RegExp(`${COMMITS.source}|解决|实行|实施|建设|开展|组建|搭建|改造|新建|提高|发放|配备|安装|培训|升格|硬化|铺设|清理|规范|给予|取消`);

/**
 * A counted list's items are one deliverable each, whatever the verb (round 17: its numbered items; round 18: each
 * ；-segment of its items, "一是…；二是…"). An item found with a figure is widened back to its segment's start
 * ("继续加大城区社会停车场建设，新增停车位300个"); a segment with none becomes an item when it is numbered or commits
 * to something; a numbered sentence followed by an unnumbered one is the item's title ("1、基础教育提质工程。建设…").
 */
function countedItems(source: string, norm: string, para: Paragraph, from: number, own: ExtractedItem[], makeUnits: UnitsFn): ExtractedItem[] {
  const found: ExtractedItem[] = [];
  para.sentences.forEach((sentence, k) => {
    // (what follows: the next sentence, else the next line: "一、加强学位宿位建设。" then "新增幼儿园学位1500个…", round 19)
    const next = para.sentences[k + 1];
    const after = next ? norm.slice(next.start, next.end) : norm.slice(para.end, para.end + 40).replace(/^\s+/, '');
    const numbered = ITEM_LEAD.test(norm.slice(sentence.start, sentence.end));
    const title = numbered && sentence.segments.length === 1 && after !== '' && !ITEM_LEAD.test(after);
    for (const seg of sentence.segments) {
      // (the words announcing the list are not an item of it)
      if (seg.end <= from) continue;
      let segStart = Math.max(seg.start, from);
      while (segStart < seg.end && /[：:，,\s]/.test(norm[segStart]!)) segStart++;
      const lead = ITEM_LEAD.exec(norm.slice(segStart, seg.end));
      // (an item keeps its number, as every item does: round 29)
      const start = segStart;
      const inside = own.filter((it) => it.start < seg.end && it.end > segStart);
      const first = inside[0];
      if (first) {
        if (first.start > start) {
          first.start = start;
          first.text = source.slice(start, first.end);
        }
        // (…and to its end when the deliverable follows the figure: "投资500万元，建设新城大桥", round 24)
        let end = seg.end;
        while (end > first.end && /[。；;，,\s]/.test(norm[end - 1]!)) end--;
        if (inside.length === 1 && end > first.end && DELIVERS.test(norm.slice(first.end, end))) {
          first.end = end;
          first.text = source.slice(first.start, end);
        }
        continue;
      }
      if (title) continue;
      const t = sentenceItem(source, norm, start, seg.end, makeUnits);
      if (t && (lead !== null || (DELIVERS.test(t.text) && !GENERIC_END.test(t.text) && !/^为/.test(t.text)))) found.push(t);
    }
  });
  return found;
}

/** A sentence of a numbered item's body that commits to an end state: not a push, a call or a purpose ("为…"). */
function committedItem(source: string, norm: string, sentence: Sentence, makeUnits: UnitsFn): ExtractedItem | null {
  const t = norm.slice(sentence.start, sentence.end).trim().replace(/[。；;，,\s]+$/, '');
  if (!COMMITS.test(t) || isPush(t) || DONE.test(t) || GENERIC_END.test(t) || /^为/.test(t)) return null;
  return sentenceItem(source, norm, sentence.start, sentence.end, makeUnits);
}

/** A short sentence or segment of a target list that sets a target without a figure, as an item (none or one). */
function plainTarget(source: string, norm: string, start: number, end: number, makeUnits: UnitsFn): ExtractedItem[] {
  const t = norm.slice(start, end).trim();
  if (t.length > 40 || !PLAIN_TARGET.test(t) || isPush(t)) return [];
  const it = sentenceItem(source, norm, start, end, makeUnits);
  if (it) it.rules.push('task:plain-target');
  return it ? [it] : [];
}

/** A sentence from start, before any bracket it opens, without its closing punctuation. */
function sentenceItem(source: string, norm: string, start: number, sentenceEnd: number, makeUnits: UnitsFn): ExtractedItem | null {
  while (start < sentenceEnd && /\s/.test(norm[start]!)) start++;
  let end = openParenCut(norm, start, sentenceEnd);
  while (end > start && /[。；;，,\s]/.test(norm[end - 1]!)) end--;
  return end > start ? item(source, 'task', start, end, makeUnits) : null;
}

/**
 * A numbered line under a dated heading that gave no item (a target without a figure:
 * "7.城乡居民收入增长与经济增长基本同步。（责任领导：…）") is a target of that year: its last clause
 * with a target verb, before any bracket, is the item.
 */
function enumeratedTarget(source: string, norm: string, para: Paragraph, makeUnits: UnitsFn, ownLine = false): ExtractedItem | null {
  // a line of its own under the heading (a table given one cell per line) needs no number before it
  if (!ownLine && !ENUMERATED.test(norm.slice(para.start, para.end))) return null;
  let pick: Clause | null = null;
  for (const sentence of para.sentences) {
    for (const seg of sentence.segments) {
      for (const c of seg.clauses) {
        const t = norm.slice(c.start, c.end);
        if (/^[（(]/.test(t.trim())) return finish(pick);
        if (TARGET_VERB.test(t)) pick = c;
      }
    }
  }
  return finish(pick);
  function finish(c: Clause | null): ExtractedItem | null {
    if (!c) return null;
    let start = c.start;
    const lead = ENUMERATED.exec(norm.slice(start, c.end));
    if (lead) start += lead[0].length;
    const end = openParenCut(norm, start, c.end);
    let e = end;
    while (e > start && /[。；;，,\s]/.test(norm[e - 1]!)) e--;
    return e > start ? item(source, 'task', start, e, makeUnits) : null;
  }
}

/** A task table's progress column: "1-11月推进情况", "进展情况", "是否达序", "说明" (round 37). */
const PROGRESS_HEADER = /^(?:\d{1,2}\s*[-—~至]\s*\d{1,2}月份?|截至[^|]{0,8}?)?(?:推进|进展|完成|落实)(?:情况|进度)$|^(?:是否[^|]{1,6}|说明|备注)$/;

/** A row's cells under the progress columns, the header's counted from the right (rows may merge cells on the left). */
function progressCells<C>(row: C[], progress: { width: number; columns: number[] }): C[] {
  return progress.columns.flatMap((k) => row[k - progress.width + row.length] ?? []);
}

/**
 * A task table's row: its 完成时限 cell ("全年") dates the row's tasks that have no deadline of
 * their own; a row with no item at all gets one, its last clause with an action verb
 * ("…，全力服务重大项目落地见效。 | 叶林 | 招商工作部 | 全年 |"). Rule deadline:table-cell.
 */
function addRowDeadline(
  source: string,
  norm: string,
  para: Paragraph,
  row: Array<{ start: number; end: number; text: string }>,
  dueColumn: number,
  due: DeadlineHit,
  items: ExtractedItem[],
  from: number,
  makeUnits: UnitsFn,
): void {
  // the due cell read as an item of its own ("9月投入使用") gives way to the row's task (round 22)
  const cell = row[dueColumn]!;
  for (let k = items.length - 1; k >= from; k--) if (items[k]!.start >= cell.start && items[k]!.end <= cell.end) items.splice(k, 1);
  const own = items.slice(from).filter((it) => it.kind === 'task');
  const date = (it: ExtractedItem) => {
    it.deadline = due.date;
    it.deadlinePhrase = due.phrase;
    it.rules.push('deadline:table-cell');
    if (due.date === null) it.rules.push('deadline:year-unknown');
  };
  if (own.some((it) => it.deadline !== null)) return;
  if (own.length > 0) {
    own.forEach(date);
    return;
  }
  // (round 22: a short task too, "新建2座人行天桥。"; a cell without an action verb, a unit's name, is never picked)
  const taskCells = row.filter((c, k) => k !== dueColumn && !/^\s*\d*\s*$/.test(c.text));
  let pick: Clause | null = null;
  for (const sentence of para.sentences) {
    for (const seg of sentence.segments) {
      for (const c of seg.clauses) {
        if (!taskCells.some((t) => c.start >= t.start && c.start < t.end)) continue;
        if (ACTION_VERBS.test(norm.slice(c.start, c.end))) pick = c;
      }
    }
  }
  if (!pick) return;
  let end = pick.end;
  while (end > pick.start && /[。；;|\s]/.test(norm[end - 1]!)) end--;
  const it = item(source, 'task', pick.start, end, makeUnits);
  date(it);
  it.rules.push('task:action-verb');
  items.push(it);
}

/** "总投资814亿元的晋江市千万平方米综合产业园区" then "总投资814亿元的千万平方米综合产业园区项目": one project. */
function sameProject(a: ProjectHit, b: ProjectHit): boolean {
  const same = a.investment.value === b.investment.value && a.investment.unit === b.investment.unit;
  return same && (a.name.includes(b.name) || b.name.includes(a.name));
}

function analyseSegment(
  norm: string,
  quotes: Uint8Array,
  blocked: Uint8Array,
  seg: Segment,
  ctx: DeadlineContext,
  report: boolean,
  mentionBefore: (pos: number) => ProjectMention | null,
  seen: ProjectHit[],
  /** pair a change with the figure right before it (a report; a plan stated as figures, results.ts statesFigures) */
  pairChanges = report,
): { infos: ClauseInfo[]; yoy: Map<YoyHit, QuantityHit> } {
  const found0 = findProjects(norm, quotes, seg.start, seg.end, mentionBefore, (s, e) => blocked.fill(1, s, e));
  for (const p of found0) {
    blocked.fill(1, p.start, p.end); // investment and name are not quantities
    // (…but an attribute between them is: "总投资3.75亿元、占地5万平方米的…项目", round 31)
    const attr = PROJECT_ATTRIBUTE.exec(norm.slice(p.start, p.nameStart));
    if (attr) blocked.fill(0, p.start + attr.index, p.start + attr.index + attr[0].length);
  }
  // a project mentioned again (same investment, one name inside the other) is counted once
  const projects = found0.filter((p) => !seen.some((q) => sameProject(p, q)));
  seen.push(...projects);
  const found = seg.clauses.map((c) => findQuantities(norm, blocked, c.start, c.end));
  // in a report, a change right after a figure is that figure's yoy, not a figure of its own
  const yoy = pairChanges ? (attachYoy(norm, found.flat(), findYoy(norm, seg.start, seg.end)) as Map<YoyHit, QuantityHit>) : new Map<YoyHit, QuantityHit>();
  if (pairChanges) for (const [y, q] of attachDistributed(norm, found.flat(), seg.start, seg.end)) yoy.set(y, q as QuantityHit);
  // a year said for a time carries to the times after it that have none: "计划明年5月建成、8月投产" (round 25)
  let said = ctx;
  const infos = seg.clauses.map((clause, k) => {
    const quantities = yoy.size === 0 ? found[k]! : found[k]!.filter((q) => ![...yoy.keys()].some((y) => q.numStart >= y.start && q.numStart < y.end));
    labelQuantities(norm, quantities, clause.start, clause.end);
    // deadline phrases are read outside quotations only (dates are what they are made of)
    const deadlines = report ? [] : carryYear(findDeadlines(norm, quotes, clause.start, clause.end, ctx), said === ctx ? null : findDeadlines(norm, quotes, clause.start, clause.end, said), norm, clause.start);
    for (const d of deadlines) {
      if (d.date !== null && YEAR_SAID.test(d.phrase) && !/^(?:今年|去年|上年)/.test(d.phrase)) said = { ...ctx, year: Number(d.date.slice(0, 4)) };
    }
    return {
      clause,
      deadlines,
      quantities,
      projects: projects.filter((p) => p.start >= clause.start && p.start < clause.end),
    };
  });
  return { infos, yoy };
}

type UnitsFn = (t: string) => string[];

/** A clause that says when a campaign starts: "决定自3月11日起", "自即日起". */
const WINDOW_OPENS = /(?:自|从)[^，。；]{1,14}(?:起|开始)(?:(?:到|至)[^，。；]{2,12})?$/;

/** A clause that tells who speaks or where it is heard, or sits in a table's row: not what a task does ("据了解，", "会上，"). */
const TELLS = /\||(?:介绍|表示|获悉|了解到|指出|说|称|讯|强调|要求|认为|透露|明确|提出|召开|举行|闭幕|开幕|目标是)[：:，,]?$|^(?:至此|预计|目标|据[^，,]*|会上[^，,]*|目前|近日|日前|近期)[：:，,]?$/;
/** A clause that opens with its time and says what is then reached: "年内通车", "力争年内完工" (not "4月初开始复工"). */
function milestoneClause(norm: string, clause: Clause, time: DeadlineHit): boolean {
  if (!TIME_FIRST.test(norm.slice(clause.start, time.start))) return false;
  const after = norm.slice(time.end, clause.end);
  return !/^(?:前|之前|以前)?(?:开始|起)/.test(after) && new RegExp(`^(?:前|之前|以前)?(?:全面|基本|正式|全部|要|将|可)?(?:${MILESTONES}|完成|完工|开工|投产)`).test(after);
}

/** What follows a bounded time when it says what is to be done: a verb phrase, after a modal or an adverb of degree. */
// (round 35: what is done may come after its object, fronted by 把 / 将 / 对: "6月30日前把所有问题全部整改到位", "7月15日前将检查情况…
// 报省…办公室"; and 制订 建立 纠正 开展 报…)
const BOUNDED_DEGREE = '要|必须|务必|须|应|全部|全面|彻底|基本|逐一';
const BOUNDED_DOES = new RegExp(`^(?:凌晨|下班)?(?:各[^，。；]{1,8}?)?(?:${BOUNDED_DEGREE}|广泛|集中|认真|进行)*(?:(?:把|将|对)[^，。；]{1,24}?(?:${BOUNDED_DEGREE})*)?(?:关停|关闭|拆除|拆净|清场|清理|整改|整治|结束|取缔|搬迁|腾退|上报|报送|提交|报(?=[省市县区])|落实|完善|制定|制订|出台|到位|消除|清零|交地|签订|启动|部署|淘汰|建立|纠正|开展|排查|核查|公示|办结|销号)`);
/** A clause that only names what the work of the next is done to: "对因施工不到位导致的问题厕所". */
const TOPIC_OPENS = /^\s*(?:对于?|针对)[^，,。；;]{2,40}$/;
/** The start of a span before its end: "6至7月", "2019年1月至5月" (deadline.ts's SPAN_FROM), or "从12月19日起至". */
const spanTo = (before: string) => SPAN_FROM.test(before) || /(?:起|开始)[至到]$/.test(before);

/** A clause that is only a change of the figure before it: "增长10%", "同比增长5.6%". */
const YOY_CLAUSE = /^\s*(?:同比|比上年)?(?:增长|下降|提高|减少|增加)\s*[\d.]+%(?:以上|左右)?\s*$/;
/** What may stand before an item's time when the time opens its clause: "于", "计划", "预计将于", "务必". */
const TIME_FIRST = /^\s*(?:并|要|将|计划|预计|力争|确保|争取|务必|必须)?(?:将|要)?(?:于|在|自|从|到)?\s*$/;

/** A time phrase that says its year ("明年5月", "2024年6月底"), as against one that takes the document's ("8月"). */
const YEAR_SAID = /^(?:(?:19|20)\d{2}年|明年|次年|后年|今年|去年|上年)/;

/** A clause's times: those that say their year as read, the others as read in the year said before them (if one was). */
function carryYear(own: DeadlineHit[], carried: DeadlineHit[] | null, norm: string, clauseStart: number): DeadlineHit[] {
  if (carried === null) return own;
  // (only to a time that opens its clause: after a new subject the clause is another's, "…明年牡丹文化节前全线通车，九都西路西环路
  // 互通立交9月底要主线通车" is this year's September, round 43)
  const opens = (d: DeadlineHit) => d.start - clauseStart <= 4 || !/[\u4e00-\u9fa5]{5}/.test(norm.slice(clauseStart, d.start));
  const keep = (d: DeadlineHit) => YEAR_SAID.test(d.phrase) || !opens(d);
  return [...own.filter(keep), ...carried.filter((d) => !keep(d))].sort((a, b) => a.start - b.start);
}

function item(
  source: string,
  kind: 'task' | 'result',
  start: number,
  end: number,
  makeUnits: UnitsFn,
): ExtractedItem {
  // (an item never starts inside a number: normalize moved a space out of "12 月底前")
  while (start > 0 && /\d/.test(source[start - 1]!) && /[\d \t]/.test(source[start]!)) start--;
  const t = source.slice(start, end);
  return { kind, text: t, start, end, units: makeUnits(t), deadline: null, quantities: [], project: null, rules: [] };
}

/**
 * Task mode. Clauses (，) are grouped: a clause with its own deadline starts a group, and so does a
 * clause naming a project; other clauses with quantities join the current group. A deadline
 * carries to later clauses of the same ；-segment. A group is an item if it has a quantity or a
 * project, or a deadline and an action verb.
 */
function taskItems(source: string, norm: string, seg: Segment, infos: ClauseInfo[], makeUnits: UnitsFn): ExtractedItem[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let carried: DeadlineHit | null = null;
  let lastSignal = -1;
  infos.forEach((info, idx) => {
    const own = governing(info.deadlines, info.quantities);
    const signal = own !== null || info.projects.length > 0 || info.quantities.length > 0;
    if (
      own &&
      current &&
      current.deadline === null &&
      info.quantities.length === 0 &&
      info.projects.length === 0 &&
      (current.clauses.some((c) => c.projects.length > 0) || (current.clauses.some((c) => c.quantities.length > 0) && milestoneClause(norm, info.clause, own))) &&
      idx - lastSignal <= 3
    ) {
      // (…or the milestone of what the clauses before it count: "河海东路完成投资5436万元，年内通车", round 30)
      // a project's milestone: "推进总投资35亿元的X项目，力争10月底前开工建设"
      current.clauses.push(info);
      current.deadline = own;
      carried = own;
    } else if (own) {
      current = { clauses: [info], deadline: own, inherited: false };
      groups.push(current);
      carried = own;
    } else if (info.projects.length > 0 || (info.quantities.length > 0 && current === null)) {
      current = { clauses: [info], deadline: carried, inherited: carried !== null };
      groups.push(current);
    } else if (current) {
      current.clauses.push(info);
    }
    if (signal) lastSignal = idx;
  });
  const out: ExtractedItem[] = [];
  for (const g of groups) {
    const quantities = g.clauses.flatMap((c) => c.quantities);
    const projects = g.clauses.flatMap((c) => c.projects);
    const first = g.clauses[0]!;
    // the item ends with its last clause that carries a signal; a bare deadline clause reaches on
    // to the first clause with an action verb
    let lastIdx = 0;
    g.clauses.forEach((c, k) => {
      if (c.quantities.length > 0 || c.projects.length > 0 || c.deadlines.length > 0) lastIdx = k;
    });
    if (quantities.length === 0 && projects.length === 0) {
      // the verb must be in the deadline's clause or the one right after it
      const acts = (c: ClauseInfo | undefined, modal: boolean) => c !== undefined && ACTION_VERBS.test(norm.slice(c.clause.start, c.clause.end).replace(MODAL_VERBS, modal ? '确保' : ''));
      let k = g.clauses.findIndex((c) => acts(c, true));
      // "争取“十一”之前，在市政府网站…公示完毕": the action is in the next clause, the modal only commits
      if (k === 0 && !acts(g.clauses[0], false) && acts(g.clauses[1], false)) k = 1;
      // a scheduled session is the task itself ("1月4日下午15:00—18:00，督查组…现场检查…"): it reaches on to what is done there
      if (g.deadline?.rule === 'deadline:scheduled') k = Math.min(1, g.clauses.length - 1);
      // the clause that holds the group's time
      const own = g.deadline === null ? -1 : g.clauses.findIndex((c) => g.deadline!.start >= c.clause.start && g.deadline!.end <= c.clause.end);
      // a campaign's window is the campaign itself ("开展为期一个月的…专项行动", round 26)
      if (g.deadline?.rule === 'deadline:window') k = Math.max(0, own);
      // an expected date is a milestone whatever its verb (round 8; sets f and g): "预计12月中旬进行设备调试",
      // "主体结构可于今年7月底结顶", "预计今年年底，处理厂可具备通水条件" — the expectation word right before the time
      if (k < 0 && g.deadline !== null && !g.inherited) {
        const c = g.clauses[own];
        if (c && EXPECT_BEFORE.test(norm.slice(c.clause.start, g.deadline.start))) {
          const rest = norm.slice(g.deadline.end, c.clause.end).trim();
          if (rest.length >= 2) k = own;
          else if (own + 1 < g.clauses.length) k = own + 1;
        }
        // a time in its own bounded form, 前 or 内, right before what is to be done is a deadline whatever the verb:
        // "9月底前关停…", "4月10日前拆净清场", "一个星期内要整治到位" (round 30)
        if (c && k < 0 && /(?:前|以前|之前|内|以内|之内)$/.test(g.deadline.phrase) && BOUNDED_DOES.test(norm.slice(g.deadline.end, c.clause.end))) k = own;
        // …and so is a span's end before the work done in it: "6至7月进行全面核查", "4月至5月开展…" (round 35)
        // (or in the next clause when the span is a clause of its own: "从12月19日起至2019年底，将在全市开展…专项行动")
        if (c && k < 0 && spanTo(norm.slice(c.clause.start, g.deadline.start))) {
          const rest = norm.slice(g.deadline.end, c.clause.end);
          const then = g.clauses[own + 1];
          if (WINDOW_WORK.test(rest)) k = own;
          else if (/^\s*$/.test(rest) && then && WINDOW_WORK.test(norm.slice(then.clause.start, then.clause.end))) k = own + 1;
        }
        // …and so is a phase's own line that names it with its end in brackets: "（一）宣传动员阶段（2026年1月31日前）" (round 36)
        if (c && k < 0 && PHASE_NAMED.test(norm.slice(c.clause.start, g.deadline.start)) && /^[）)][。；]?\s*$/.test(norm.slice(g.deadline.end, c.clause.end))) k = own;
        // …and so is one told as the predicate of the work it limits: "清理…杂物工作时间节点是4月30日" (round 33)
        if (c && k < 0 && LIMIT_PREDICATE.test(norm.slice(c.clause.start, g.deadline.start))) k = own;
        // …and a works period stated while it runs, whose end is when the works are done: "建设工期2023-2025年" (round 38)
        if (c && k < 0 && g.deadline.completion) k = own;
        // "分别于2026年10月、2027年8月建成投产": the first time shares the milestone of the last (round 9)
        if (c && k < 0 && IN_TURN.test(norm.slice(c.clause.start, g.deadline.start)) && g.deadline.end === c.clause.end && norm[c.clause.end] === '、') k = own;
      }
      if (k < 0 || k > 1 || g.deadline === null) continue;
      lastIdx = Math.max(lastIdx, k);
    }
    // a figure's change right after it belongs to its item: "生产总值117.7亿元，增长10%" (round 30)
    const yoyClause = g.clauses[lastIdx + 1];
    if (quantities.length > 0 && yoyClause && YOY_CLAUSE.test(norm.slice(yoyClause.clause.start, yoyClause.clause.end))) lastIdx += 1;
    // a campaign clause ("要决战冲刺100天") reaches on to the task it sets ("全力完成主要目标任务")
    const nextClause = g.clauses[lastIdx + 1];
    if (g.deadline?.rule === 'deadline:campaign' && nextClause && nextClause.quantities.length === 0 &&
        ACTION_VERBS.test(norm.slice(nextClause.clause.start, nextClause.clause.end))) {
      lastIdx += 1;
    }
    // a window told by its two days ("9月21日至10月31日为…决战阶段", "冬季战役期间（…至2020年2月29日）") reaches on to the work it
    // sets, in one of the next two clauses ("全面完成…", "要确保…", "…开展…行动") (round 28)
    if (g.deadline?.rule === 'deadline:window' && /日[^日]*[至到—－-]/.test(g.deadline.phrase)) {
      const work = g.clauses.findIndex((c, k) => k > lastIdx && k <= lastIdx + 2 && WINDOW_WORK.test(norm.slice(c.clause.start, c.clause.end)));
      if (work > 0) lastIdx = work;
    }
    // (a window's item holds the clause that starts it: "决定自3月11日起，开展为期一个月的…行动")
    const opening = infos[infos.indexOf(first) - 1];
    const startsWindow = g.deadline?.rule === 'deadline:window' && opening !== undefined && WINDOW_OPENS.test(norm.slice(opening.clause.start, opening.clause.end));
    // (…and so does a topic clause fronted by 对 that the work is done to: "对…导致的问题厕所，12月底前完成整改", round 35)
    const topic = opening !== undefined && opening.deadlines.length === 0 && opening.quantities.length === 0 && TOPIC_OPENS.test(norm.slice(opening.clause.start, opening.clause.end)) && !ACTION_VERBS.test(norm.slice(opening.clause.start, opening.clause.end));
    const start = startsWindow || topic ? opening.clause.start : first.clause.start;
    const end = openParenCut(norm, start, g.clauses[lastIdx]!.clause.end);
    if (isExhortation(norm.slice(start, end), g.deadline, quantities, projects)) continue;
    const spans: Array<{ start: number; end: number; project: ProjectHit | null }> = [];
    if (projects.length <= 1) {
      spans.push({ start, end, project: projects[0] ?? null });
    } else {
      projects.forEach((p, k) => {
        const s = k === 0 ? start : p.start;
        const e = k === projects.length - 1 ? end : p.nameEnd;
        spans.push({ start: s, end: e, project: p });
      });
    }
    const used = new Set<QuantityHit>();
    // one commitment shared by several projects is one dated item: the span that holds its phrase (round 7)
    const dl = g.deadline;
    const holder = dl && !g.inherited && spans.length > 1 ? spans.find((sp) => dl.start >= sp.start && dl.start < sp.end) : undefined;
    for (const sp of spans) {
      const it = item(source, 'task', sp.start, sp.end, makeUnits);
      if (g.deadline && (!holder || sp === holder)) {
        it.deadline = g.deadline.date;
        it.deadlinePhrase = g.deadline.phrase;
        it.rules.push(g.deadline.rule);
        if (g.inherited) it.rules.push('deadline:inherited');
        if (g.deadline.date === null) it.rules.push('deadline:year-unknown');
      }
      let qs = quantities.filter((q) => q.numStart >= sp.start && q.numStart < sp.end && !used.has(q));
      if (sp === spans[0]) qs = quantities.filter((q) => !used.has(q) && !spans.slice(1).some((o) => q.numStart >= o.start && q.numStart < o.end));
      for (const q of qs) {
        used.add(q);
        const asp = isAspirational(norm, seg.start, q.numStart);
        it.quantities.push(toQuantity(q, asp));
        it.rules.push(...q.rules);
        if (asp) it.rules.push('quantity:aspirational');
      }
      if (sp.project) {
        it.project = { name: sp.project.name, investment: { ...sp.project.investment } };
        it.rules.push(sp.project.rule);
      }
      if (it.quantities.length === 0 && !it.project) it.rules.push('task:action-verb');
      it.rules = uniq(it.rules);
      out.push(it);
    }
  }
  return out;
}

/**
 * A report segment: its figures are results, but from a clause that states a plan on
 * ("…已完成1号厂房的建设，3号厂房计划10月底完成施工") the clauses are read as a task (plans.ts).
 */
function reportItems(
  source: string,
  norm: string,
  quotes: Uint8Array,
  seg: Segment,
  infos: ClauseInfo[],
  yoy: Map<YoyHit, QuantityHit>,
  period: string | null,
  ctx: DeadlineContext,
  makeUnits: UnitsFn,
): ExtractedItem[] {
  if (!mayHavePlan(norm.slice(seg.start, seg.end))) return resultItems(source, norm, infos, yoy, period, makeUnits);
  const read = infos.map((i) => ({ ...i, deadlines: findDeadlines(norm, quotes, i.clause.start, i.clause.end, ctx) }));
  const k = planClauseIndex(norm, read.map((i) => ({ start: i.clause.start, end: i.clause.end, deadlines: i.deadlines })), ACTION_VERBS, ctx.date);
  if (k < 0) return resultItems(source, norm, infos, yoy, period, makeUnits);
  const tasks = taskItems(source, norm, seg, read.slice(k), makeUnits);
  for (const t of tasks) t.rules.push('task:plan-in-report');
  return [...resultItems(source, norm, infos.slice(0, k), yoy, period, makeUnits), ...tasks];
}

const ELEMENT_STOP = new Set(['、', '，', ',', '；', ';', '：', ':']);

/** Report mode: one result per figure, with the change right after it as its yoy. */
function resultItems(
  source: string,
  norm: string,
  infos: ClauseInfo[],
  yoy: Map<YoyHit, QuantityHit>,
  period: string | null,
  makeUnits: UnitsFn,
): ExtractedItem[] {
  const out: ExtractedItem[] = [];
  const quantities = infos.flatMap((c) => c.quantities);
  const yoyOf = new Map([...yoy].map(([y, q]) => [q, y]));
  const floor = infos[0]?.clause.start ?? 0;
  const elementStart = (pos: number, min: number) => {
    let s = pos;
    while (s > min && !ELEMENT_STOP.has(norm[s - 1]!)) s--;
    return s;
  };
  quantities.forEach((q, k) => {
    const prevEnd = k > 0 ? quantities[k - 1]!.end : floor;
    const s = elementStart(q.start, Math.max(floor, prevEnd));
    const it = item(source, 'result', s, q.end, makeUnits);
    const y = yoyOf.get(q);
    if (y) {
      it.end = y.end;
      it.text = source.slice(s, y.end);
      it.yoy = y.value;
      it.rules.push('result:yoy');
    } else {
      // a stated change is its own figure and its own yoy: "规上工业增加值同比增长8.4%"
      const own = findYoy(norm, s, q.end).find((c) => q.numStart >= c.start && q.numStart < c.end);
      if (own) {
        it.yoy = own.value;
        it.rules.push('result:yoy');
      }
    }
    it.quantities.push(toQuantity(q, false));
    it.indicator = indicatorOf(q.label);
    if (period) {
      it.period = period;
      it.rules.push('result:period');
    }
    it.rules.unshift('result:report-sentence');
    it.rules.push(...q.rules);
    it.rules = uniq(it.rules);
    out.push(it);
  });
  for (const info of infos) {
    for (const p of info.projects) {
      const it = item(source, 'result', p.start, p.nameEnd, makeUnits);
      it.project = { name: p.name, investment: { ...p.investment } };
      if (period) it.period = period;
      it.rules.push('result:report-sentence', p.rule);
      out.push(it);
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
