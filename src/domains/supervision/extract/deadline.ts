/**
 * Deadline phrases → ISO dates, normalised with the document's year and date.
 *
 * | phrase                               | date                         | rule                    |
 * |--------------------------------------|------------------------------|-------------------------|
 * | 8月底前, 8月底, 8月末, 八月底         | last day of August           | deadline:month-end      |
 * | 8月上旬/中旬/下旬(前)                | 08-10 / 08-20 / 08-31        | deadline:dekad          |
 * | 9月30日前, 9月30日之前                | 09-30                        | deadline:date           |
 * | 三季度, 第三季度, 三季度末            | 09-30 (end of the quarter)   | deadline:quarter        |
 * | 上半年 / 下半年                       | 06-30 / 12-31                | deadline:half           |
 * | 年内, 年底前, 年底, 年末, 今年, 当年, 全年 | 12-31                    | deadline:year-end       |
 * | 明年, 明年底                          | 12-31 of the next year       | deadline:next-year      |
 * | 2021年 (no month after it), 2021年底  | 2021-12-31 (only ≥ doc year) | deadline:year           |
 * | 冲刺100天, 大干一百天                  | document date + 100 days     | deadline:campaign       |
 * | 30天内, 三十日内                       | document date + 30 days      | deadline:within-days    |
 * | 三个月内, 两个季度内                   | document date + 3 / 6 months | deadline:within-months  |
 * | 计划三年内, 今后3年将 (pledged)          | document date + 3 years      | deadline:within-years   |
 * | 15个工作日内                           | document date + 15 working days | deadline:workdays    |
 * | 本周内, 下周前, 本周完成 (committed)     | Sunday of the document's (next) week | deadline:week    |
 * | 两周内, 3个星期之内                      | document date + 14 / 21 days  | deadline:within-days    |
 * | 自3月11日起…为期一个月 (a start said)     | its last day (04-10)          | deadline:window         |
 * | 9月21日至10月31日 (ending after the document's date) | its last day         | deadline:window         |
 * | 月底, 本月底, 下月底                   | end of the document's (next) month | deadline:month-end |
 * | 本月下旬, 下个月中旬, 下月初            | that dekad of the document's (next) month | deadline:dekad |
 * | 10月以前, 10月份, 明年3月               | end of that month            | deadline:month          |
 * | 本季度, 下季度                          | end of the document's (next) quarter | deadline:quarter |
 * | 国庆节前, 春节前, 元旦前                 | day before the holiday's first day off | deadline:holiday |
 * | 后年                                    | 12-31 two years on           | deadline:next-year      |
 * | 9月15日-25日，将…; 1月4日上午9:00—11:00  | that (last) day, if not past | deadline:scheduled      |
 * | “十一”之前 (a quoted holiday name)       | day before National Day      | deadline:holiday        |
 * | 年前 (said November–February)           | day before 春节's first day off | deadline:holiday     |
 *
 * "截至/截止 + date" is the cut-off of a report, not a deadline; so is "至/到 + date" on or before
 * the document's date.
 *
 * A period phrase that qualifies a noun ("全年目标任务", "下半年工作", "三季度黄金窗口期",
 * "二季度“三百”劳动竞赛", "今年以来") is not a deadline. Phrases in quotation marks are ignored.
 */
import { addDays, addMonths, daysToSunday, iso, lastDayOfMonth, smallNumber, YEAR_TO_DATE } from './dates';
import { addWorkdays, holidayStart } from '../../../shared/calendar';
import { parseChineseInt } from './numerals';
import { normalize, quoteMask } from './sentences';

export interface DeadlineContext {
  year: number | null;
  /** the document's date (ISO), for campaign phrases */
  date: string | null;
}

export interface DeadlineHit {
  start: number;
  end: number;
  phrase: string;
  date: string | null;
  rule: string;
  /** the phrase itself says the work is done then ("建设工期2023-2025年"): its clause is a task without a milestone verb */
  completion?: true;
}

const CNM = '[一二三四五六七八九十]{1,3}';
const CND = '[一二三四五六七八九十]{1,3}';
/** optional year before a phrase: group 1 an explicit year, group 2 明年/次年/后年 (or 去年/上年: a past period) */
// (round 35: with 的 after it, "在明年的5月底全部竣工")
const YEAR_PREFIX = String.raw`(?:((?:19|20)\d{2})年|(明年|次年|后年|去年|上年)|今年)?(?:(?<=年)的)?`;

/** Words after a period phrase that make it an attribute of a noun, not a deadline. */
const ATTRIBUTIVE_AFTER =
  /^(?:的|工作|经济|发展|考核|情况|目标|任务|各项|以来|来|黄金|劳动|态势|实绩|成绩|是|同期|计划|预算|指标|数据|形势|项目|“|"|‘|[^，。；、：\d]{1,3}的)/;
/** A batch of projects named by its period, at its ceremony: "2020年第三季度重大项目举行集中开工仪式",
 * "第二季度总投资85.9亿元…的60个重点项目集中开工" (round 21). */
const BATCH_AFTER = /^(?:(?:重大|重点)项目(?:举行|集中)|总投资)/;

/** An event before 的 after a time: the time bounds which cases are meant, "10月底前发生的欠薪案件" (round 43). */
const SCOPE_AFTER = /^(?:发生|产生|拖欠|欠下|立案|受理|形成|签订|登记|备案)的/;

/** "截至9月底", "截止目前": the cut-off of a report. */
const CUTOFF_BEFORE = /(?:截至|截止到?)$/;
/** "至9月底累计完成": a cut-off when the date has passed at the document's date. */
const UNTIL_BEFORE = /(?:至|到)$/;

/**
 * A period phrase inside an event's name ("省委、省政府三季度重大产业项目调度暨开工推进会",
 * "举行2023年5月份重点项目集中开工动员会"): the rest of its clause runs into a meeting or ceremony
 * word with no verb of holding it (召开/举办… make it a task: "年底前召开推进会").
 */
const EVENT_AFTER = /^[^，。；：]{0,30}?(?:现场会|推进会|动员会|调度会|观摩会|座谈会|大会|会议|仪式|典礼|活动)/;
const HOLDING_VERB = /召开|举办|举行|开展|组织|参加|筹备|要|确保|力争|争取|将/;

/** Words before a period phrase that make it the topic, not a deadline ("就上半年工业经济…"). */
// 随着 ("随着一季度重大项目的开工建设", round 7) sets the background, as 围绕 sets a topic
const TOPIC_BEFORE = /(?:就|对|关于|围绕|随着|总结|盘点|通报|回顾|迈入|进入|宣读了?)$/;

/** A commitment word right before a time phrase: "确保8月建成", "力争在10月", "能在7月", "预计到7月20日" (round 37). */
/** A time limit told as the predicate: "…工作时间节点是4月30日", "整改时间期限都为6月30日" (round 33; index.ts too). */
export const LIMIT_PREDICATE = /(?:时间节点|时限|期限|截止(?:时间|日期)|完成时间)(?:都|均|统一)?(?:是|为|定为|定在)$/;
const COMMIT_BEFORE = new RegExp(String.raw`(?:确保|力争|争取|将|要|计划|拟|预计|有望|务必|必须|能够?|可|最晚|最迟|不晚于)(?:在|于|到)?$|${LIMIT_PREDICATE.source}`);
/** "在/于 + time" followed by a modal or a completion verb (FUTURE_AFTER). */
const AT_BEFORE = /(?:在|于)$/;
/** A plan's own words before its time: "拟于", "计划在" (round 42). */
const PLANNED_BEFORE = /(?:拟|计划|预计)(?:于|在|到)$/;
/** A date joined to the clause before it: "…，并于7月4日提交…". */
const JOINED_BEFORE = /[，,]并(?:于|在)$/;
/** A span of time without 内 is a time limit when pledged or expected before it and a completion follows
 * ("预计15个月完成基地建造", round 13); "历时15个月完成建设" is a duration (quantities.ts reads the same two). */
export const LIMIT_PLEDGE = /(?:预计|计划|力争|争取|确保|要|将|需)$/;
const LIMIT_DONE = '(?:时间)?(?:完成|建成|竣工|投产|完工|交付)';
export const LIMIT_COMPLETION = new RegExp(`^${LIMIT_DONE}`);
/** A date in its own clause before a commitment: "2014年12月31日，确保…". */
const TARGET_CLAUSE_AFTER = /^[，,](?:确保|力争|争取|要|务必|必须)/;
/** Month-level phrases that can tell of a past event ("联成塑胶2月份开工建设" in September). */
const PAST_CAPABLE = new Set(['deadline:month', 'deadline:dekad', 'deadline:date']);
/** Rules whose phrase names a whole period: past only once the period has ended. */
const WHOLE_PERIOD_RULES = new Set(['deadline:quarter', 'deadline:half']);

function committed(before: string, after: string): boolean {
  return COMMIT_BEFORE.test(before) || (AT_BEFORE.test(before) && FUTURE_AFTER.test(after));
}

/** Milestones a month can be the time of ("为该工程10月验收通电做最后的准备"). 完成 is not one: "7月完成投资2亿元" reports. */
/** Milestones that are also actions of a task (index.ts); 运营 only after a time ("10月运营"), elsewhere it is ongoing ("企业运营"). */
export const MILESTONES = '截流|蓄水|试产|奠基|安装调试|调试|验收|通电|投产|竣工|建成|完工|通车|投用|投入使用|投入运行|投入运营|投入生产|投入试生产|试生产|试车|试运行|试飞|开园|交付|封顶|并网|贯通|开业';
const MILESTONE_AFTER = new RegExp(`^(?:${MILESTONES}|运营)`);
/** A completion right after a date or a span: "12月30日完成二批次交付", "9月30日可以如期开园" (round 41: every milestone). */
const COMPLETION_AFTER = new RegExp(`^(?:完成|开工|${MILESTONES})`);
/** …and after "在/于 + time" a modal may come first: "在8月10日能够完成". */
const FUTURE_AFTER = new RegExp(`^(?:能够|能|将|要|可)|${COMPLETION_AFTER.source}`);
/** …and a start a schedule sets for a month still ahead: "7月开建…；8月开建…", "9月开工建设" (round 30). */
const SCHEDULED_AFTER = new RegExp(`^(?:${MILESTONES}|运营|开建|开工|动工)`);

/** What a plan dated by a bare year ends its clause with: "计划2024年首部枢纽左岸闸坝段基础砼浇筑完成" (round 28). */
const PLANNED_END = new RegExp(`^[^，。；]{0,24}?(?:${MILESTONES}|完成|量产)[^，。；]{0,4}$`);

/** A milestone somewhere in a clause, and what stands before it (its subjects). */
const MILESTONE_IN = /^[^，。；]{0,30}?(?:开工|竣工|建成|投产|完工|开业|投用|投入使用|封顶|交付)/;

/** The clause after pos when pos ends its own clause (a time standing alone: "3月，X开工建设"), else ''. */
function nextClause(norm: string, pos: number, end: number): string {
  if (pos !== end || !/[，,]/.test(norm[pos] ?? '')) return '';
  const rest = norm.slice(pos + 1, pos + 41);
  const stop = rest.search(/[，,。；;\n]/);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** A pledge later in a bare year's clause, after the subject it is about: "2019年规上工业总产值总量力争达400亿元",
 * "2017年新城要集聚常住人口…" (round 25). */
// (a target: a figure follows in the clause; "2005年市政府将坚持…" is a push, "预计2020年…将突破" an estimate)
const PLEDGE_LATER = /^[^，。；：、]{1,14}?(?:力争|确保|争取|(?<![主重需])要(?![求素点])|将(?![近来]))[^，。；：]*?\d/;

/** Where a campaign's window starts: the last "自3月11日起" / "从2022年3月1日开始" of its sentence, or 即日 (the document's
 * date); null when the sentence gives none. */
function windowStart(sentence: string, ctx: DeadlineContext): string | null {
  const dates = [...sentence.matchAll(/(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日(?:起|开始)/g)];
  const d = dates[dates.length - 1];
  if (d) {
    const y = d[1] !== undefined ? Number(d[1]) : ctx.year;
    return y === null ? null : iso(y, Number(d[2]), Number(d[3]));
  }
  return /即日起|即日开始/.test(sentence) && ctx.date !== null ? ctx.date : null;
}

/** A phase and an adverb between a time and its milestone: "2024年8月一期竣工", "2017年一期率先完工" (round 8). */
const PHASE_ADVERB = /^(?:[一二三四首]期(?:工程|项目)?)?(?:率先|全面|基本|正式|全部|即可|可以|可|将|能够|能|都|如期|按期){0,2}/;

/**
 * A bare month right before a milestone verb is the milestone's time when the month is still
 * ahead at the document's date (a month already past tells what happened: "3月开工建设").
 */
function milestoneAhead(month: number, after: string, before: string, ctx: DeadlineContext, milestone: RegExp = MILESTONE_AFTER): boolean {
  if (ctx.date === null || !milestone.test(after.replace(PHASE_ADVERB, '')) || /(?:去|上|前)年$/.test(before)) return false;
  return month > Number(ctx.date.slice(5, 7));
}

/** A completion verb that 后 ("after") can follow: "建成后", "投产后". */
const AFTER_VERB = /(?:建成|投产|达产|竣工|投用|运营|完工|落地|开业|建设|实施|完成)$/;

/** A rallying call after a period is not a deadline: "一季度开门红", "全年实现“满堂红”". */
const RALLY_AFTER = /^(?:实现|夺取|迎来|确保|力夺)?[“"]?(?:开门红|满堂红|开好局|好开局|开门稳|红|飘红|双过半)/;

/**
 * A period inside a noun phrase: the clause after it ends in a noun that names what is reported
 * or inspected ("第二季度重点项目开工、竣工情况", "年内完成总体预测", "今年第二季度集中开工、竣工项目中"),
 * or it is coordinated with such a noun ("…进展情况及年内…"). A verb with a time sets a task; a
 * noun with a time only names one.
 */
/** A period naming whose programme a framing noun is about: "今年经开区工作的总体要求是：…". */
const FRAMING_AFTER = /^[^，。；、：\d]{0,10}的(?:总体要求|总体思路|指导思想|主要(?:预期)?目标|工作思路)/;
const NOUN_CLAUSE_END = /(?:情况|预测|进展|项目中|工作中)$/;
const NOUN_COORDINATED = /(?:情况|进展|进度)(?:及|和|与|以及)$/;

interface Pattern {
  re: RegExp;
  rule: string;
  /** check ATTRIBUTIVE_AFTER */
  attributive: boolean;
  /** its hits carry `completion` */
  completion?: true;
  /** the date; null when the year is unknown; false when the phrase is not a deadline after all */
  /** `after`: the next 4 characters; `ahead`: the next 10 (a phase and an adverb before a milestone, round 8) */
  resolve(m: RegExpExecArray, ctx: DeadlineContext, after: string, before: string, ahead: string, next: string, rest: string, sentence: string): string | null | false;
}

function yearOf(m: RegExpExecArray, idx: number, ctx: DeadlineContext): number | null {
  const y = m[idx];
  if (y) return Number(y);
  if (m[idx + 1]) return ctx.year === null ? null : ctx.year + (m[idx + 1] === '后年' ? 2 : /^[去上]年$/.test(m[idx + 1]!) ? -1 : 1);
  return ctx.year;
}

/** A month that starts a span ("5月至12月", "2020年5月至2021年12月"), and the start before a span's end. */
const SPAN_ON = /^\s*[至到]\s*(?:(?:19|20)\d{2}年)?\d{1,2}月/;
// (round 35: or its start without 月, "2019年1至5月进行集中整治", "6至7月进行全面核查")
export const SPAN_FROM = /(\d{1,2})月?[至到]$/;

/** The last year a sentence states before a month ("2019年1至5月…", "2020年3月…"), if any. */
function statedYear(sentence: string): string | undefined {
  return [...sentence.matchAll(/((?:19|20)\d{2})年(?=\d{1,2}(?:月|[至到]))/g)].pop()?.[1];
}

/** Holiday words → the names `chinese-days` gives them. */
const HOLIDAYS: Record<string, string> = {
  春节: '春节', 国庆: '国庆节', 国庆节: '国庆节', 十一: '国庆节', 元旦: '元旦', 五一: '劳动节', 劳动节: '劳动节',
  清明: '清明', 清明节: '清明', 端午: '端午', 端午节: '端午', 中秋: '中秋', 中秋节: '中秋',
};
/** Holidays on a fixed Gregorian day, for years the package does not cover yet. */
const FIXED_HOLIDAYS: Record<string, (y: number) => string> = {
  元旦: (y) => iso(y, 1, 1),
  劳动节: (y) => iso(y, 5, 1),
  国庆节: (y) => iso(y, 10, 1),
};

const PATTERNS: Pattern[] = [
  {
    // a window told by its two days, still running or ahead at the document's date: "自2019年10月8日至2020年1月17日，…开展…
    // 行动", "9月21日至10月31日为…决战阶段，全面完成…", "冬季战役期间（2019年11月22日至2020年2月29日），要确保…": due on its last
    // day (round 28). A span already over is a reporting period, and without the document's date one cannot tell.
    rule: 'deadline:window',
    attributive: false,
    // (round 31: or from today, "从即日起至7月25日，我省将开展…行动")
    re: /(?:(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日|即日)(?:起)?\s*[至到—－-]\s*(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日(?:止)?/g,
    resolve(m, ctx) {
      if (ctx.date === null) return false;
      const from = m[1] !== undefined ? Number(m[1]) : m[2] === undefined ? Number(ctx.date.slice(0, 4)) : ctx.year ?? Number(ctx.date.slice(0, 4));
      const mo = Number(m[5]);
      const d = Number(m[6]);
      // (the end in the next year when its month comes before the start's and no year is said: "11月22日至2月29日")
      const y = m[4] !== undefined ? Number(m[4]) : mo < Number(m[2] ?? ctx.date.slice(5, 7)) ? from + 1 : from;
      if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return false;
      const date = iso(y, mo, d);
      return date > ctx.date ? date : false;
    },
  },
  {
    // a scheduled window or session: a day range before 将/要 ("9月15日-25日，将对…开展全面督查"),
    // or a day with its hours ("2018年1月4日上午9:00—11:00，在…召开座谈会"); due on its (last) day
    rule: 'deadline:scheduled',
    attributive: false,
    re: new RegExp(String.raw`${YEAR_PREFIX}(\d{1,2})月(\d{1,2})日(?:\s*[-—~至到]\s*(\d{1,2})日)?(?:上午|下午|晚上|全天)?\s*(\d{1,2}:\d{2}\s*[-—~至到]\s*\d{1,2}:\d{2})?`, 'g'),
    resolve(m, ctx, after) {
      if (!m[6] && !(m[5] && /^[，,]?\s*(?:将|要|拟)/.test(after))) return false;
      const y = yearOf(m, 1, ctx);
      const mo = Number(m[3]);
      const d = Number(m[5] ?? m[4]);
      if (mo < 1 || mo > 12 || d < 1) return false;
      if (y === null) return null;
      if (d > lastDayOfMonth(y, mo)) return false;
      const date = iso(y, mo, d);
      // a session already held is reported, not scheduled
      return ctx.date !== null && date < ctx.date ? false : date;
    },
  },
  {
    rule: 'deadline:date',
    attributive: false,
    // (a weekday in brackets may stand before 前: "于4月20日（星期五）前上报", round 15)
    re: new RegExp(String.raw`${YEAR_PREFIX}(\d{1,2}|${CNM})月(\d{1,2}|${CND})日(?:[（(](?:星期|周)[一二三四五六日天][）)])?(之前|以前|前|止)?`, 'g'),
    resolve(m, ctx, after, before, ahead) {
      // without 前/止 a date is a deadline only as the time of a commitment: "在8月10日能够完成"; or,
      // still ahead, as the time of a completion ("12月30日完成二批次交付") or in its own clause
      // before the commitment ("2014年12月31日，确保…开始试生产") (round 6)
      const dated = !m[5] && !committed(before, after);
      // (an adverb may come between: "8月26日正式投产", round 13; a date joined by 并于 to a commitment before it is that
      // commitment's next step, whatever its verb, still ahead: "要在6月30日前完成整改，并于7月4日提交书面报告", round 36)
      if (dated && !COMPLETION_AFTER.test(ahead.replace(PHASE_ADVERB, '')) && !TARGET_CLAUSE_AFTER.test(after) && !JOINED_BEFORE.test(before)) return false;
      const y = yearOf(m, 1, ctx);
      const mo = smallNumber(m[3]!);
      const d = smallNumber(m[4]!);
      if (mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
      if (y === null) return null;
      if (d > lastDayOfMonth(y, mo)) return false;
      if (dated && (ctx.date === null || iso(y, mo, d) <= ctx.date)) return false;
      return iso(y, mo, d);
    },
  },
  {
    // the autumn term's start, 1 September: "4所幼儿园秋季开学前投入使用" (31 August), "明年秋季开学投入使用" (round 43; a bare
    // "秋季开学" after another year's milestone is not read: its year is not said)
    rule: 'deadline:school-start',
    attributive: false,
    re: /(今年|明年)?秋季开学(之?前)?/g,
    resolve(m, ctx) {
      if (!m[1] && !m[2]) return false;
      if (ctx.year === null) return null;
      const y = m[1] === '明年' ? ctx.year + 1 : ctx.year;
      const at = (year: number) => (m[2] ? iso(year, 8, 31) : iso(year, 9, 1));
      // (without 今年/明年 it is the next one after the document's date, as a holiday is)
      if (ctx.date !== null && at(y) < ctx.date) return m[1] ? false : at(y + 1);
      return at(y);
    },
  },
  {
    // "计划在2013年年初竣工投产", "明年初": the first month of that year (round 6)
    rule: 'deadline:year-start',
    attributive: true,
    re: /(?:((?:19|20)\d{2})年|(明年|次年))年?初(?:之前|以前|前)?/g,
    resolve(m, ctx) {
      const y = m[1] ? Number(m[1]) : ctx.year === null ? null : ctx.year + 1;
      return y === null ? null : iso(y, 1, 31);
    },
  },
  {
    rule: 'deadline:dekad',
    attributive: false,
    re: new RegExp(String.raw`${YEAR_PREFIX}(\d{1,2}|${CNM})月份?(上旬|中旬|下旬|初)(?:之前|以前|前|末)?`, 'g'),
    resolve(m, ctx) {
      const y = yearOf(m, 1, ctx);
      const mo = smallNumber(m[3]!);
      if (mo === null || mo < 1 || mo > 12) return false;
      if (y === null) return null;
      // N月初 is the first dekad, as 上旬 (round 6)
      const d = m[4] === '上旬' || m[4] === '初' ? 10 : m[4] === '中旬' ? 20 : lastDayOfMonth(y, mo);
      return iso(y, mo, d);
    },
  },
  {
    rule: 'deadline:month-end',
    attributive: false,
    re: new RegExp(String.raw`${YEAR_PREFIX}(\d{1,2}|${CNM})月份?(?:底|末)(?:之前|以前|前)?`, 'g'),
    resolve(m, ctx) {
      const y = yearOf(m, 1, ctx);
      const mo = smallNumber(m[3]!);
      if (mo === null || mo < 1 || mo > 12) return false;
      if (y === null) return null;
      return iso(y, mo, lastDayOfMonth(y, mo));
    },
  },
  {
    // a month on its own: "10月以前完成", "争取在10月份竣工", "预计明年3月预验收"
    rule: 'deadline:month',
    attributive: true,
    // (after "5月至", the end of a span: round 19; 上/下 after the month is a dekad only before 旬 or 半, "10月下闸蓄水", round 36)
    re: new RegExp(String.raw`${YEAR_PREFIX}(?<![-~—－\d])(?<!(?<![月\d])[至到])(\d{1,2}|${CNM})月(份)?(之前|以前|前)?(?![\d日号底末中]|[上下](?:[上中下]?旬|半)|[一二三四五六七八九十](?!期))`, 'g'),
    resolve(m, ctx, after, before, ahead, next, _rest, sentence) {
      // a month alone (no year, 份 or 前) only as the time of a commitment ("确保8月建成投入使用")
      // or of a milestone still ahead ("为该工程10月验收通电做…准备", "6月即可试生产", round 9;
      // "3月，X、Y开工建设" — a month standing as its own clause, the milestone in the next, round 11)
      const mo = smallNumber(m[3]!);
      if (mo === null || mo < 1 || mo > 12) return false;
      // a span ("建设周期为2020年5月至12月", "4月至5月完成…") is due at its end, still ahead, in the year its start names
      if (SPAN_ON.test(ahead)) return false;
      // (read from the sentence: the start's year lies more than six characters back, "2019年1至5月", "2020年5月至12月")
      const spanFrom = SPAN_FROM.exec(sentence);
      if (spanFrom) {
        // (a span with no year of its own takes the last year its sentence stated before a month: its start's, "2020年5月至12月",
        // or the first phase's in a plan, "2019年1至5月进行集中整治，6至7月进行全面核查", round 35)
        const stated = !m[1] && !m[2] ? statedYear(sentence) : undefined;
        const y = stated !== undefined ? Number(stated) : yearOf(m, 1, ctx);
        if (y === null) return null;
        const end = iso(y, mo, lastDayOfMonth(y, mo));
        // (from January to a month not yet over is the year so far, a report: "今年1至10月，共实施项目92个")
        const sofar = spanFrom[1] === '1' && ctx.date !== null && ctx.date >= iso(y, 1, 1);
        return (ctx.date !== null && end < ctx.date) || sofar ? false : end;
      }
      if (!m[1] && !m[2] && !m[4] && !m[5] && !committed(before, after) && !milestoneAhead(mo, ahead, before, ctx, SCHEDULED_AFTER) && !(ahead === '' && milestoneAhead(mo, next, before, ctx, MILESTONE_IN))) return false;
      const y = yearOf(m, 1, ctx);
      if (y === null) return null;
      return iso(y, mo, lastDayOfMonth(y, mo));
    },
  },
  {
    // "月底主体完工", "本月底前", "下月底": the document's month (round 30: "本月内…要全面完成")
    rule: 'deadline:month-end',
    attributive: false,
    re: /(?<![\d一二三四五六七八九十年每])(本|当|下个?)?月(?:底|末|(?<=[本当]月)内)(?:之前|以前|前)?/g,
    resolve(m, ctx) {
      if (ctx.date === null) return null;
      const d = m[1]?.startsWith('下') ? addMonths(ctx.date.slice(0, 8) + '01', 1) : ctx.date;
      const [y, mo] = d.split('-').map(Number) as [number, number];
      return iso(y, mo, lastDayOfMonth(y, mo));
    },
  },
  {
    // "预计下个月中旬…建设完成", "本月下旬": a dekad of the document's (next) month (round 7)
    rule: 'deadline:dekad',
    attributive: true,
    re: /(本|下个?)月(上旬|中旬|下旬|初)(?:之前|以前|前)?/g,
    resolve(m, ctx) {
      if (ctx.date === null) return null;
      const d = m[1]!.startsWith('下') ? addMonths(ctx.date.slice(0, 8) + '01', 1) : ctx.date;
      const [y, mo] = d.split('-').map(Number) as [number, number];
      const day = m[2] === '下旬' ? lastDayOfMonth(y, mo) : m[2] === '中旬' ? 20 : 10;
      return iso(y, mo, day);
    },
  },
  {
    // "还有28个项目将在本月开复工": 本月 / 下月 alone, as the time of a commitment
    rule: 'deadline:month-end',
    attributive: true,
    re: /(本|下个?)月(?![底末份度上中下初])/g,
    resolve(m, ctx, after, before) {
      // next month with a modal after it is an expectation ("下个月都能投入试生产", round 7)
      // this month with a milestone after it is still ahead ("首架飞机本月试飞", round 12)
      if (!committed(before, after) && !(m[1]!.startsWith('下') && /^(?:都|就|也|均)?(?:能|可|将|会)/.test(after)) && !(m[1] === '本' && MILESTONE_AFTER.test(after.replace(PHASE_ADVERB, '')))) return false;
      if (ctx.date === null) return null;
      const d = m[1]!.startsWith('下') ? addMonths(ctx.date.slice(0, 8) + '01', 1) : ctx.date;
      const [y, mo] = d.split('-').map(Number) as [number, number];
      return iso(y, mo, lastDayOfMonth(y, mo));
    },
  },
  {
    rule: 'deadline:quarter',
    attributive: true,
    re: /(本|当|下一?个?)季度(?:末|底)?(?:之前|以前|前)?/g,
    resolve(m, ctx) {
      if (ctx.date === null) return null;
      const [y, mo] = ctx.date.split('-').map(Number) as [number, number];
      const q = Math.ceil(mo / 3) + (m[1]!.startsWith('下') ? 1 : 0);
      const yy = y + Math.floor((q - 1) / 4);
      const end = (((q - 1) % 4) + 1) * 3;
      return iso(yy, end, lastDayOfMonth(yy, end));
    },
  },
  {
    // the day before the holiday's first day off, from the zone calendar (chinese-days)
    rule: 'deadline:holiday',
    attributive: false,
    // a holiday's short name is often quoted ("“十一”之前"); 十一 is National Day only in quotes
    // (round 35: or right before a milestone, "计划今年国庆通车"; 今年 before it is the holiday's, not the year's end)
    // (a year may be named: "在2020年春节前及时动态清零" is that year's festival, not the year's end, round 43)
    re: new RegExp(`(明年|今年|(?:19|20)\\d{2}年)?[“"]?(春节|国庆节?|元旦|五一|十一|劳动节|清明节?|端午节?|中秋节?)[”"]?(?:假期|节日)?(?:之前|以前|前|(?=${MILESTONES}))`, 'g'),
    resolve(m, ctx, _after, before) {
      if (m[2] === '十一' && !/^[“"]/.test(m[0].replace(/^(?:[今明]|\d{4})年/, ''))) return false;
      // (the holiday as a milestone's time is a deadline only when planned or pledged: "国庆节开业的商场" is told)
      if (!/前$/.test(m[0]) && !COMMIT_BEFORE.test(before)) return false;
      const name = HOLIDAYS[m[2]!]!;
      const named = /^\d{4}/.test(m[1] ?? '') ? Number(m[1]!.slice(0, 4)) : null;
      if (named === null && ctx.year === null) return null;
      const nextYear = m[1] === '明年';
      const first = named ?? (nextYear ? ctx.year! + 1 : ctx.year!);
      // (a named year's festival is that one only, with no roll-over to the next)
      for (let y = first; y <= (named ?? first + 1); y++) {
        const start = holidayStart(y, name) ?? FIXED_HOLIDAYS[name]?.(y);
        if (start === undefined) return null;
        // 于 alone before this year's holiday already past tells what was done ("…于春节前签订" in March, round 14); a named
        // year's festival already begun at the document's date tells what was done by then
        if (y === first && !nextYear && ctx.date !== null && start <= ctx.date && (named !== null || /(?<![将要需拟])于$/.test(before))) return false;
        // the next one after the document's date (春节 said in November is next year's)
        // (今年春节 said in December is the coming one too)
        if (!nextYear && ctx.date !== null && start <= ctx.date) continue;
        return addDays(start, -1);
      }
      return null;
    },
  },
  {
    // "年前先完成7.6公里主管网" said in winter: before the (lunar) new year, the day before 春节 (round 21). A clause's
    // opening 年前 only, or after 在 / 于 / 要 / 争 ("5年前" and "一年前" are years ago); outside November–February it is not read.
    rule: 'deadline:holiday',
    attributive: false,
    re: /(?:^|(?<=[，,。；;：:\s“在于要争]))年(?:之前|以前|前)(?![\d后])/g,
    resolve(_m, ctx) {
      if (ctx.date === null) return null;
      const month = Number(ctx.date.slice(5, 7));
      if (month > 2 && month < 11) return false;
      const y = Number(ctx.date.slice(0, 4)) + (month >= 11 ? 1 : 0);
      const start = holidayStart(y, '春节');
      return start === undefined || start <= ctx.date ? false : addDays(start, -1);
    },
  },
  {
    rule: 'deadline:workdays',
    attributive: false,
    re: /(?<![\d第])(\d{1,3}|[一二三四五六七八九十百两]{1,4})个?工作日(?:之内|以内|内)/g,
    resolve(m, ctx) {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseInt(m[1]!);
      if (n === null || n < 1) return false;
      return ctx.date === null ? null : addWorkdays(ctx.date, n);
    },
  },
  {
    rule: 'deadline:quarter',
    attributive: true,
    re: new RegExp(String.raw`${YEAR_PREFIX}(?<![前个每])第?([一二三四1-4])季度(?:末|底)?(?:之前|以前|前)?`, 'g'),
    resolve(m, ctx) {
      const y = yearOf(m, 1, ctx);
      const q = smallNumber(m[3]!);
      if (y === null || q === null) return null;
      const mo = q * 3;
      return iso(y, mo, lastDayOfMonth(y, mo));
    },
  },
  {
    rule: 'deadline:half',
    attributive: true,
    re: new RegExp(String.raw`${YEAR_PREFIX}(上|下)半年(?!来)(?:末|底)?(?:之前|以前|前)?`, 'g'),
    resolve(m, ctx) {
      const y = yearOf(m, 1, ctx);
      if (y === null) return null;
      return m[3] === '上' ? iso(y, 6, 30) : iso(y, 12, 31);
    },
  },
  {
    rule: 'deadline:next-year',
    attributive: true,
    re: /(明年|后年)(?:年底|底|内)?(?:之前|以前|前)?/g,
    resolve(m, ctx, after, before) {
      // "建成后年产值50亿元": 后 ends the verb before it, 年产值 is the figure
      if (m[1] === '后年' && (/^[产销收均纳利税]/.test(after) || AFTER_VERB.test(before))) return false;
      return ctx.year === null ? null : iso(ctx.year + (m[1] === '后年' ? 2 : 1), 12, 31);
    },
  },
  {
    // a works period stated while it runs ends with its last year: "建设工期2023-2025年", "建设周期为2023年至2025年" (round 38)
    rule: 'deadline:works-period',
    attributive: false,
    completion: true,
    re: /(?:(?:建设|施工)(?:工期|周期|期)|工期)(?:为|是)?\s*(?:19|20)\d{2}年?\s*[-—~～至到]\s*((?:19|20)\d{2})年(?:底|末)?/g,
    resolve(m, ctx) {
      const y = Number(m[1]);
      return ctx.year !== null && y < ctx.year ? false : iso(y, 12, 31);
    },
  },
  {
    rule: 'deadline:year',
    attributive: true,
    re: new RegExp(String.raw`((?:19|20)\d{2})年(?:年底|底|末|内)?(?:之前|以前|前)?(?![\d〇零]|[一二三四五六七八九十](?!期)|上半年|下半年|第?[一二三四]季度|以来)`, 'g'),
    resolve(m, ctx, after, before, ahead, _next, rest) {
      const y = Number(m[1]);
      if (ctx.year !== null && y < ctx.year) return false;
      // a bare year is a deadline when it is the time of a verb or a clause: "2023年完成",
      // "到2025年，…"; "入选2022年国家智能制造示范工厂" names a list
      // (or of a milestone after a phase or an adverb: "预计2017年一期率先完工", "预计2022年投入使用", round 8)
      if (m[0].length === 5 && !/^(?:[，,]|全面|基本|力争|确保|要|将|实现|完成|建成|开工|投产|达到|突破|新增|前|实施|启动|竣工|完工|交付|投用|通车)/.test(after) && !MILESTONE_AFTER.test(ahead.replace(PHASE_ADVERB, '')) && !/(?:到|至|于|在|确保|力争|争取|要|将)$/.test(before) && !(PLEDGE_LATER.test(rest) && !/预计$/.test(before)) && !(/计划$/.test(before) && PLANNED_END.test(rest))) return false;
      return iso(y, 12, 31);
    },
  },
  {
    rule: 'deadline:year-end',
    attributive: true,
    // "今年1至10月", "今年1-6月份" are a reporting period, not the year's end; before a month or a quarter
    // 今年 is that phrase's year, never the year's end on its own ("今年6月份竣工", past, round 7; "今年前7月", round 36)
    re: new RegExp(
      String.raw`(?<![\d〇零一二三四五六七八九十百两每去明前])(?:今年内|今年年底|年底之前|年底前|年末前|年内|年底|年末|今年(?!\d{1,2}\s*[-~至到—]\s*\d|[一二三四五六七八九十]{1,3}[至到]|\d{1,2}月份?[-~至到—]|以来|\d{1,2}月|[一二三四五六七八九十]{1,3}月|第?[一二三四]季度|[上下]半年|${YEAR_TO_DATE})|当年|全年)`,
      'g',
    ),
    resolve(_m, ctx) {
      return ctx.year === null ? null : iso(ctx.year, 12, 31);
    },
  },
  {
    rule: 'deadline:campaign',
    attributive: false,
    re: /(?:冲刺|大干|决战|奋战|鏖战|会战|攻坚)(\d{1,4}|[一二三四五六七八九十百两]{1,4})(?:天|日)/g,
    resolve(m, ctx) {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseInt(m[1]!);
      if (n === null || ctx.date === null) return null;
      return addDays(ctx.date, n);
    },
  },
  {
    // "自3月11日起，开展为期一个月的…专项行动": a campaign's window, from the start its sentence gives (a date, or 即日) to
    // its last day (round 26)
    rule: 'deadline:window',
    attributive: false,
    re: /为期(\d{1,3}|[一二三四五六七八九十两半]{1,3})(个月|个?星期|周|天|日|年)/g,
    resolve(m, ctx, _after, _before, _ahead, _next, _rest, sentence) {
      const from = windowStart(sentence, ctx);
      if (from === null) return false;
      // (an end said with the start wins: "自即日起到2020年5月底，…开展为期半年的…")
      const until = /(?:起|开始)(?:到|至)(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:底|末|(\d{1,2})日)/.exec(sentence);
      if (until) {
        const y = until[1] !== undefined ? Number(until[1]) : Number(from.slice(0, 4));
        const mo = Number(until[2]);
        return iso(y, mo, until[3] !== undefined ? Number(until[3]) : lastDayOfMonth(y, mo));
      }
      const n = m[1] === '半' ? 0.5 : smallNumber(m[1]!);
      if (n === null) return false;
      if (m[2] === '个月' || m[2] === '年') return addDays(addMonths(from, Math.round(n * (m[2] === '年' ? 12 : 1))), -1);
      return addDays(from, Math.round(n * (m[2] === '天' || m[2] === '日' ? 1 : 7)) - 1);
    },
  },
  {
    // "本周内完成", "下周完成", "本周末前": the Sunday of the document's (next) week; 本周 alone only with a commitment or a
    // completion after it ("本周完成进场工作"), not a weekday ("本周一") (round 25)
    rule: 'deadline:week',
    attributive: true,
    re: /(本|下个?)(?:周|星期|礼拜)(内|末)?(?:之前|以前|前)?(?![一二三四五六日天\d])/g,
    resolve(m, ctx, after, before) {
      const bounded = m[2] !== undefined || /前$/.test(m[0]);
      if (!bounded && !committed(before, after) && !COMPLETION_AFTER.test(after) && !MILESTONE_AFTER.test(after)) return false;
      if (ctx.date === null) return null;
      return addDays(ctx.date, daysToSunday(ctx.date) + (m[1]!.startsWith('下') ? 7 : 0));
    },
  },
  {
    // "两周内完成", "3个星期之内": document date + 7 days a week (round 25)
    rule: 'deadline:within-days',
    attributive: false,
    // (not a span looked back on: "此前一周内有13个项目开竣工")
    re: /(?<![\d第]|此前|过去|最近|近)(\d{1,2}|[一二三四五六七八九十两]{1,3})个?(?:周|星期|礼拜)(?:之内|以内|内)/g,
    resolve(m, ctx) {
      const n = smallNumber(m[1]!);
      if (n === null || ctx.date === null) return null;
      return addDays(ctx.date, 7 * n);
    },
  },
  {
    rule: 'deadline:within-days',
    attributive: false,
    re: /(?<![\d第])(\d{1,4}|[一二三四五六七八九十百两]{1,4})(?:天|日)(?:之内|以内|内)/g,
    resolve(m, ctx) {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseInt(m[1]!);
      if (n === null || ctx.date === null) return null;
      return addDays(ctx.date, n);
    },
  },
  {
    rule: 'deadline:within-months',
    attributive: false,
    // without 内 too when expected or pledged and a completion follows: "预计15个月完成基地建造" (round 13)
    re: new RegExp(String.raw`(?<![\d第])(\d{1,2}|[一二三四五六七八九十两]{1,3})个(?:月|季度)(?:之内|以内|内|(?=${LIMIT_DONE}))`, 'g'),
    resolve(m, ctx, after, before) {
      if (!/内$/.test(m[0]) && !LIMIT_PLEDGE.test(before)) return false;
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseInt(m[1]!);
      if (n === null || ctx.date === null) return n === null ? false : null;
      return addMonths(ctx.date, m[0].includes('季度') ? 3 * n : n);
    },
  },
  {
    // "计划三年内建设标准厂房20万平方米": years, when pledged or planned (round 14); "近三年内" looks back
    // (round 21: the pledge may follow, "5年内将投入200亿元", and 今后 / 未来 N年 is N年内: "今后3年将投入100亿元")
    rule: 'deadline:within-years',
    attributive: false,
    re: /(?<![\d第近])(?:(?:今后|未来)(\d|[一二三四五两])年(?=将|要|内|之内|以内)(?:之内|以内|内)?|(\d|[一二三四五两])年(?:之内|以内|内))/g,
    resolve(m, ctx, after, before, _ahead, _next, _rest, sentence) {
      // (round 25: or a completion right after it in a sentence that plans, "计划明年5月建成、8月投产，两年内达产")
      const planned = /^(?:达产|投产|建成|完成|竣工)/.test(after) && COMMIT_IN_CLAUSE.test(sentence);
      if (!LIMIT_PLEDGE.test(before.replace(/(?:在|于|用)$/, '')) && !/^(?:将|要|确保|力争)/.test(after) && !planned) return false;
      const k = m[1] ?? m[2]!;
      const n = /^\d$/.test(k) ? Number(k) : parseChineseInt(k);
      if (n === null || ctx.date === null) return n === null ? false : null;
      return addMonths(ctx.date, 12 * n);
    },
  },
];

/**
 * 当年 is "that same year": it refers back to a year stated before it in the sentence. It is a
 * deadline only when that year is still ahead ("2025年建成，当年达产") or after a commitment word
 * ("确保当年开工"); alone in a report ("其中1个项目当年入库，当年竣工") it is the report's year.
 */
function sameYearAhead(norm: string, pos: number, ctx: DeadlineContext): boolean {
  const from = Math.max(norm.lastIndexOf('。', pos - 1), norm.lastIndexOf('\n', pos - 1)) + 1;
  const years = [...norm.slice(from, pos).matchAll(/((?:19|20)\d{2})年/g)].map((y) => Number(y[1]));
  const y = years[years.length - 1];
  return y !== undefined && (ctx.year === null || y >= ctx.year);
}

/** A commitment word anywhere in a clause ("确保如期实现当年签约"). */
const COMMIT_IN_CLAUSE = /确保|力争|争取|要|将|计划|务必|必须/;

/** The clause up to pos: from the last clause delimiter before it. */
function clauseBefore(norm: string, pos: number): string {
  const from = Math.max(...['，', '。', '；', '：', '\n'].map((c) => norm.lastIndexOf(c, pos - 1))) + 1;
  return norm.slice(from, pos);
}

/** The sentence up to pos (a plan word anywhere before it governs: "计划3月底完成…，7月份完成…"). */
/** 已 (经) 于 / 在 before a time phrase (and 今年 / 本月 opening it): the time of something done. */
const ALREADY_BEFORE = /已(?:经)?(?:于|在)(?:今年|本月|当月)?$/;

/** The rest of a phrase's clause (up to 12 characters), and a commitment opening the next clause ("3月，确保…"). */
function ownClause(norm: string, e: number, end: number): string {
  const rest = norm.slice(e, Math.min(end, e + 12));
  const cut = /[，,。；;]/.exec(rest);
  return cut ? rest.slice(0, cut.index) + rest.slice(cut.index, cut.index + 3) : rest;
}

function sentenceBefore(norm: string, pos: number): string {
  const from = Math.max(norm.lastIndexOf('。', pos - 1), norm.lastIndexOf('\n', pos - 1), norm.lastIndexOf('；', pos - 1)) + 1;
  return norm.slice(from, pos);
}

/** A period inside a noun phrase (see NOUN_CLAUSE_END), unless its clause commits to something. */
function nounPhrase(norm: string, s: number, e: number, end: number, before: string): boolean {
  if (NOUN_COORDINATED.test(before)) return true;
  const rest = /^[^，。；：,;:]*/.exec(norm.slice(e, end))![0];
  return NOUN_CLAUSE_END.test(rest) && !COMMIT_IN_CLAUSE.test(clauseBefore(norm, s) + rest);
}

/**
 * All deadline phrases in norm[start, end), outside quotation marks, not attributive,
 * non-overlapping (earlier, then longer, wins).
 */
/** A verb and 的 right after a period: the period dates what describes a noun. */
const RELATIVE_AFTER = /^[^，。；、\d]{0,6}?(?:能够|能|可以|可)?(?:确保)?(?:新)?(?:签约|引进|落户|开工|竣工|投产|建成|实施|招引|完成)(?:建设)?的(?!目标)/;
/** Projects qualified by the period before: "明年一季度开工项目", "今年新开工的重点项目". */
const QUALIFIED_PROJECTS = /^(?:第?[一二三四]季度|[上下]半年)?(?:新)?(?:开工|竣工|投产|签约|建成|开复工)(?:建设)?的?(?:重点|重大)?项目/;

/**
 * A due cell of a task table that holds only a month ("11月", "10月底") or a dotted month ("2021.8"): the end of that
 * month (round 22, set u). Outside a due cell a bare month is no deadline; findDeadlines reads every other phrase.
 */
export function dueCellMonth(norm: string, start: number, end: number, ctx: DeadlineContext): DeadlineHit | null {
  const t = norm.slice(start, end);
  const m = /^\s*(?:((?:19|20)\d{2})[.．])?(\d{1,2})(?:月份?(?:底|末)?)?\s*$/.exec(t);
  if (!m || (m[1] === undefined && !/月/.test(t))) return null;
  const y = m[1] !== undefined ? Number(m[1]) : ctx.year;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return { start, end, phrase: t.trim(), date: y === null ? null : iso(y, mo, lastDayOfMonth(y, mo)), rule: 'deadline:month' };
}

/** One phrase a pattern matched at norm[s, e): the deadline it sets, or null when it sets none. */
function judge(p: Pattern, m: RegExpExecArray, norm: string, mask: Uint8Array, s: number, e: number, end: number, ctx: DeadlineContext): DeadlineHit | null {
  // (a quoted holiday name is the holiday: "“十一”之前")
  if ((mask[s] || mask[e - 1]) && !(p.rule === 'deadline:holiday' && !mask[e - 1])) return null;
  // (a time a plan sets is no attribute, even before 的: "拟于2019年竣工的有6个地铁工程", round 42)
  const planned = PLANNED_BEFORE.test(norm.slice(Math.max(0, s - 4), s));
  if (p.attributive && !planned && (ATTRIBUTIVE_AFTER.test(norm.slice(e, e + 4)) || BATCH_AFTER.test(norm.slice(e, e + 8)))) return null;
  if (RALLY_AFTER.test(norm.slice(e, e + 6))) return null;
  // a time that bounds what is counted: "2019年10月底前发生的…欠薪案件" (round 43)
  if (SCOPE_AFTER.test(norm.slice(e, e + 5))) return null;
  // a past event told with 是…的: "是今年三月份开工建设的"; a relative clause: "今年开工建设的有5个项目"
  if (/^[^，。；：、\d]{1,9}的(?:[，。；有]|$)/.test(norm.slice(e, Math.min(end, e + 12))) && !/前$/.test(m[0]) && !planned) return null;
  // a period followed by 累计/共 + figure is a total being reported: "全年累计开行…", "今年…共3212个"
  // (unless planned: "计划年底累计投用园区项目超60个", round 15)
  if (p.attributive && /^(?:累计|共计|共有|共)|^[^，。；]{0,16}共(?:计|有|涉及)?[\d一二三四五六七八九十]/.test(norm.slice(e, Math.min(end, e + 20))) && !COMMIT_BEFORE.test(norm.slice(Math.max(0, s - 6), s))) return null;
  if (p.attributive && TOPIC_BEFORE.test(norm.slice(Math.max(0, s - 4), s).replace(/全区|全市|今年/g, ''))) return null;
  const before = norm.slice(Math.max(0, s - 6), s);
  if (CUTOFF_BEFORE.test(before)) return null;
  if (m[0] === '当年' && !sameYearAhead(norm, s, ctx) && !COMMIT_IN_CLAUSE.test(clauseBefore(norm, s))) return null;
  if (p.attributive && (nounPhrase(norm, s, e, end, before) || FRAMING_AFTER.test(norm.slice(e, e + 24)))) return null;
  if (p.attributive || /^(?:19|20)\d{2}年/.test(m[0])) {
    const ev = EVENT_AFTER.exec(norm.slice(e, end));
    if (ev && !HOLDING_VERB.test(ev[0])) return null;
  }
  // a period qualifying projects, with no count of them: "组织好明年一季度开工项目" (the projects, not a task, round 9)
  // a relative clause: "今年新签约的功能性…项目", "今年新开工建设的石龙工业园" describe a noun (sets e and i, round 9)
  if (p.attributive && RELATIVE_AFTER.test(norm.slice(e, e + 10)) && !COMMIT_BEFORE.test(before)) return null;
  const qualified = QUALIFIED_PROJECTS.exec(norm.slice(e, e + 16));
  if (qualified && !/[\d一二三四五六七八九十百]/.test(norm.slice(e + qualified[0].length, end))) return null;
  // a start is not an end: "从2023年第一季度开始", "自2024年1月起" (round 9)
  if (/^(?:开始|起(?!草))/.test(norm.slice(e, e + 2)) && /[从自][^，。；]{0,6}$/.test(clauseBefore(norm, s))) return null;
  // a recurring date is not one deadline: "每季度最后一个月的30日前", "每月5日前报送" (round 9)
  if (/每(?:个)?(?:年|半年|季度|季|月|周|旬)[^，。；]{0,16}$/.test(clauseBefore(norm, s))) return null;
  // a period of last year is past: "去年下半年落户" (round 6)
  if (/^(?:去年|上年)/.test(m[0])) return null;
  // a purpose is no commitment: "为明年达产打下基础", "为年底投产创造条件" (round 30)
  if (/^\s*为/.test(clauseBefore(norm, s)) && /^[^，。；]{0,16}?(?:打下|奠定|夯实)?(?:基础|条件)(?:[，。；]|$)/.test(norm.slice(e, Math.min(end, e + 20)))) return null;
  // a time inside "…以来" is where a span starts: "今年年产5000台…技改项目投产以来" (round 14)
  if (/^[^，。；：]{0,30}以来/.test(norm.slice(e, end))) return null;
  const date = p.resolve(m, ctx, norm.slice(e, e + 4), before, norm.slice(e, Math.min(end, e + 10)), nextClause(norm, e, end), norm.slice(e, end), sentenceBefore(norm, s));
  if (date === false) return null;
  // a month already past at the document's date, with no 前 and no commitment in its sentence,
  // tells what happened: "联成塑胶2月份开工建设" (September), "4月初开始复工" (round 6)
  // (于 alone commits nothing when the month has passed: "38个项目于6月建成投产" in July, round 8; and a modal in the
  // next clause is that clause's: "也于今年6月开工建设，预计2027年建成投产")
  // …and so does a quarter or a half that has ended ("上半年，…以推进71个重大项目…为重点" in July; sets f and i, round 10)
  const ended = date !== null && ctx.date !== null && (PAST_CAPABLE.has(p.rule) ? date < ctx.date.slice(0, 8) + '01' : WHOLE_PERIOD_RULES.has(p.rule) && date < ctx.date);
  if (ended && !/前$/.test(m[0]) && !COMMIT_BEFORE.test(before) && !COMMIT_IN_CLAUSE.test(sentenceBefore(norm, s) + ownClause(norm, e, end))) return null;
  // 已于 / 已在 before a time tells what has been done: "项目一期已于今年春节前封顶" (round 8)
  if (ALREADY_BEFORE.test(before)) return null;
  // a stated year and month already past at the document's date: an event, not a deadline
  // ("项目2022年1月开工建设" in a report of January 2023)
  // (a phrase with 前 is a deadline's own form and stays one)
  if (date !== null && ctx.date !== null && date < ctx.date && /^(?:19|20)\d{2}年/.test(m[0]) && !m[0].endsWith('前')) return null;
  // (…and without the document's date, a year stated before the document's year: "项目于2020年9月落户" in 2021, round 26)
  if (date !== null && ctx.year !== null && Number(date.slice(0, 4)) < ctx.year && /^(?:19|20)\d{2}年/.test(m[0]) && !m[0].endsWith('前')) return null;
  if (date !== null && ctx.date !== null && date <= ctx.date && UNTIL_BEFORE.test(before)) return null;
  return { start: s, end: e, phrase: m[0], date, rule: p.rule, ...(p.completion ? { completion: true as const } : {}) };
}

export function findDeadlines(
  norm: string,
  mask: Uint8Array,
  start: number,
  end: number,
  ctx: DeadlineContext,
): DeadlineHit[] {
  const text = norm.slice(start, end);
  const hits: DeadlineHit[] = [];
  // a phrase judged no deadline keeps the shorter ones inside it from being read alone: "2020年春节前" told of a festival
  // already past is not the year 2020, "今年秋季开学" is not this year's end
  const rejected: Array<{ start: number; end: number }> = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const s = start + m.index;
      const e = s + m[0].length;
      const hit = judge(p, m, norm, mask, s, e, end, ctx);
      if (hit) hits.push(hit);
      else rejected.push({ start: s, end: e });
    }
  }
  const inRejected = (h: DeadlineHit) => rejected.some((r) => r.start <= h.start && h.end <= r.end && r.end - r.start > h.end - h.start);
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DeadlineHit[] = [];
  for (const h of hits) {
    if (inRejected(h)) continue;
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue;
    // two times joined as a range ("将于今年5月底至6月初动工"): due at the later one (round 28); so are two joined by 和 / 或,
    // one piece of work in both ("在8月底和9月上旬完成招投标工作", round 35)
    if (last && last.date !== null && h.date !== null && h.date > last.date && /^\s*[至到~—－\-和或]\s*$/.test(norm.slice(last.end, h.start))) {
      out[out.length - 1] = { ...h, start: last.start, phrase: norm.slice(last.start, h.end) };
      continue;
    }
    out.push(h);
  }
  return out;
}

/** Convenience: deadline phrases of a plain string (normalised, quotations ignored). */
export function deadlinesOf(text: string, ctx: DeadlineContext): DeadlineHit[] {
  const norm = normalize(text);
  return findDeadlines(norm, quoteMask(norm), 0, norm.length, ctx);
}
