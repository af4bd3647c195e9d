/**
 * Named projects with their total investment. Only where the text states the investment:
 * - "总投资120亿元的弘元新材料光伏基地" → 弘元新材料光伏基地, 120 亿元 (rule project:investment-of)
 * - continuing a list: "总投资21亿元的朗慧总部经济、15亿元的奥莱新城" (project:investment-list)
 * - "鑫华半导体扩建项目总投资10亿元" / "XX项目，总投资10亿元" / "XX项目，该项目总投资10亿元"
 *   (project:name-then-investment); "投资2亿的恒源食品农林产业园" (投资 not qualified by 年度 / 一期 /
 *   计划 / 累计 / 完成…: the project's own investment, project:investment-of);
 * - a 总投资 with no name of its own — opening its clause, or after 该项目 / 这个项目 — takes the
 *   project last mentioned (project:antecedent): a heading line that names a project ("弹性体项目"
 *   then "项目总投资32.7亿元"), or the subject opening a clause ("XX产业园是…，…，总投资约5.6亿元",
 *   "XX项目正在加快建设…。这个项目总投资11.5亿元"), unless a count of projects or companies stands
 *   between (a group's total: "集中开工项目6个，总投资3.56亿元").
 * The name ends at 、，；。 等 和 与 or a bracket; a trailing 项目 is dropped. Numbers inside a
 * project name ("中能4.6万吨颗粒硅") belong to the name and are not quantities.
 */
import { decimalValue, parseChineseInt } from './numerals';

export interface ProjectHit {
  name: string;
  investment: { value: number; unit: string };
  /** whole span: 总投资…name */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  rule: string;
}

const NUM = String.raw`(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)`;
// (亿 alone never ends short of its 元: "投资3671亿元、占…" is not 3671亿 before a name "元、占…", round 36)
const INV_UNIT = '(亿美元|万美元|亿欧元|万欧元|亿元|万元|个?亿(?![元美欧]))';
/** Words between 投资 and its amount that do not change the figure (逾 = more than, round 12). */
// (round 20: 预计, "总投资预计22亿元")
const ABOUT = '(?:约|超过|超|近|达|逾|预计)';
// "总投资 50 亿元的…": web texts put spaces around numbers; "总投资150亿元海创磷酸铁锂项目" has no 的
/** A project's whole investment: 总投资(额), 投资总额, 计划 or 概算 before it (round 14). */
// (round 20: 预计 before it, "预计总投资1.35亿元"; 概算投资 without 总)
// (round 35: 估算, "估算投资6.50亿元", "总投资初步估算49490.08万元")
const TOTAL = '(?:(?:计划|概算|预计|估算)?(?:总投资额?(?:初步)?(?:估算)?|投资总额|总投入)|(?:概算|估算)投资)';
/** An attribute between a project's total and 的 ("总投资3.75亿元、占地5万平方米的吉林某某公司年产…项目"): the project stays, and
 * the attribute's figure is a quantity (round 31); a capacity without 、 (round 37); two or three of them ("…、占地面积500亩、
 * 建筑面积约20万平方米的…", round 38). */
export const PROJECT_ATTRIBUTE = /(?:(?:、(?:占地|用地|建筑面积|总建筑面积)|、?年产)[^，。；、的]{1,16}?){1,3}(?=的)/;
const FORWARD = new RegExp(String.raw`${TOTAL}${ABOUT}?\s*${NUM}\s*${INV_UNIT}(?:人民币)?(?:以上(?=的))?(?:${PROJECT_ATTRIBUTE.source})?(的)?`, 'g');
/** "投资2亿的恒源食品农林产业园": 投资 not qualified (年度投资, 一期投资, 计划投资, 拟投资, 完成投资… are not a project's whole). */
const INVEST_OF = new RegExp(String.raw`(?<![总度划期计成增资际均年续拟算])投资额?${ABOUT}?\s*${NUM}\s*${INV_UNIT}(?:人民币)?(?:${PROJECT_ATTRIBUTE.source})?的`, 'g');
/** "投资1274.5万元县城至青年产业园的供水管网工程": 投资 and the name with no 的 between (a head noun must end it). */
const INVEST_BARE = new RegExp(String.raw`(?<![总度划期计成增资际均年续拟算])投资${ABOUT}?\s*${NUM}\s*${INV_UNIT}(?=[\u4e00-\u9fa5])`, 'g');
const HEAD_END = /(?:项目|产业园|园区|基地|工程|中心|工厂)$/;
/** A bracket that ends a name, then its head word: "…多晶硅（颗粒硅）项目" (the bracket is not part of the name). */
const BRACKET_HEAD = /^[（(][^（）()，。；]{1,16}[）)]项目/;
const LIST_NEXT = new RegExp(String.raw`^[、和及与](?:总投资)?${ABOUT}?\s*${NUM}\s*${INV_UNIT}(?:人民币)?的`);
// (round 31: an unqualified 投资 right after a name's 项目 is its total, "中电建绿色建材基地项目投资140亿元")
const BACKWARD = new RegExp(String.raw`[，,]?(?:${TOTAL}|(?<=[^完累划度期]项目)投资)[：:]?(?:${ABOUT}|为)?\s*${NUM}\s*${INV_UNIT}(?![的美欧元万亿])`, 'g');
/**
 * An unqualified 投资 / 投资额 that opens a clause and ends it ("…占地面积109亩，投资约3.5亿元，共有…"): the own
 * investment of the project its sentence is about, read as a nameless 总投资 is (round 8; sets a, f, g). 计划 / 年度 /
 * 完成… before 投资 qualify it (not a project's whole), and an amount running on into a name is INVEST_BARE's.
 */
const BARE_BACKWARD = new RegExp(String.raw`[，,]投资额?(?:${ABOUT}|为)?\s*${NUM}\s*${INV_UNIT}(?:人民币)?(?=[，,。；;]|$)`, 'g');
/** A count of projects before the name: "等20余个项目，总投资117亿元" is a group, not one project. */
const GROUP_COUNT = /(?:\d+|[一二两三四五六七八九十]+)余?(?:个|项)/;
/** "总投资分别为11亿元、6亿元的…": several amounts before several names (round 7). */
const DISTRIBUTED = new RegExp(String.raw`(?:计划)?总投资分别(?:为|是|达)?\s*((?:${NUM}\s*${INV_UNIT}[、和及与]?){2,})的`, 'g');
/** A name read forward that opens with a count, or is followed by 等 and a count, is a group (round 7); 一批 is an article. */
// (round 19: 件, "43件为民办实事项目，总投资…")
const GROUP_OPEN = /^(?!一批)(?:\d+|[一二两三四五六七八九十百]+)余?(?:个|项|家|只|批|件)|^[一二两三四五六七八九十]+大(?:项目|工程)?$/;
/** A name that is only a category of projects: "重点", "重大", "基础设施" (round 23). */
const CATEGORY_ONLY = /^(?:省|市|县|区)?(?:重点|重大|在建|新建|续建|产业|基础设施|民生)(?:项目|工程)?$/;
/** A count right after a name read forward: "…制造业项目10个以上" names a class, not a project (round 20). */
const CLASS_COUNTED = /^(?:项目)?(?:\d+|[一二两三四五六七八九十百]+)余?(?:个|项|家)/;
const GROUP_AFTER = /^等(?!一批)(?:\d+|[一二两三四五六七八九十百]+)余?(?:个|项|家|只|批)/;
/** Names that run on after the first to 等项目, none with an amount of its own: one total shared by a group
 * ("总投资36亿元的大安石油、镇赉油砂、洮南万宝煤矿等项目", round 37; joined by 和, "…等新兴产业项目", round 39). "…等一批重大项目"
 * after a name is the seeds' reading of the first name's own total (seed 003). */
const SHARED_AFTER = /^(?:[、和与][^，。；、\d]{2,30}){1,8}等(?!一批)(?:(?:\d+|[一二两三四五六七八九十]+)个)?[^，。；、\d]{0,6}?项目/;
/** Between a mentioned project and a nameless 总投资: a count of projects or companies makes it a group's total. */
// (round 7: also roads, lines and buildings counted: "尚勤路、…等8条道路工程，…，总投资12.12亿元")
// (round 13: roads and buildings count projects only when they are works, "8条道路工程"; "建设22栋单体建筑" is the project's own)
// (set p: "普定县项目1个，总投资3亿元" — a tally of projects is a group even of one; only works need their noun)
const GROUP_BETWEEN = /(?<![第\d一二两三四五六七八九十])(?:\d+|[一二两三四五六七八九十]+)余?(?:个|项|家|只|(?:条|座|栋)(?=[^，。；]{0,6}?(?:项目|工程)))/;
/** After a nameless total, the group it sums: "，包括A、B等在内的56个", "，其中包括…". */
const GROUP_FOLLOWS = /^[，,](?:其中)?包括|^[^。；]*?等(?:在内的)?(?:\d+|[一二两三四五六七八九十]+)余?(?:个|项|家)/;
/** Words that point back to the project last mentioned. */
const ANAPHOR = /^(?:项目|该项目|这个项目|此项目|这一项目|该产业园|该园区|园区)$/;
/** How far back (characters) a nameless 总投资 looks for the project it belongs to. */
const MAX_ANTECEDENT = 200;
/** A count right before 投资X的: "10个投资超20亿元的…项目". */
// (round 20: or a count and 、, "筛选了259个、总投资1224亿元的…重大项目")
const GROUP_BEFORE = /(?<!第)(?:\d+|[一二两三四五六七八九十]+)余?(?:个|项|家|批)、?$/;
/** A verb between a bare 投资X and the name it governs. */
const BARE_LEAD = /^(?:启动了|启动建设|启动|开工建设|新建|兴建|建设|实施)(?=.{3})/;
/** A demonstrative before 总投资…的 and a generic head after it: the project named before ("这个总投资15亿元的重大工程"). */
const DEMONSTRATIVE = /(?:这个|这一|该|此)$/;
// (round 21: or a nickname in quotation marks, "这个总投资近3亿元的“水脉”项目")
const GENERIC_HEAD = /^(?:“[^”]{1,8}”)?(?:重大|重点|大)?(?:工程|项目)/;
/** A phase opening a clause: "，一期用地面积…", "。其中，二期…". */
const PHASE_OPENING = /(?:^|[，,；;：:])\s*(?:其中[，,]?)?([一二三四首])期/g;
const NAME_STOP = new Set(['、', '，', ',', '；', ';', '。', '：', ':', '（', '(', '）', ')', '“', '”', '"', '等', '和', '与', ' ', '\n']);
const LEAD_VERBS = ['创建', '加快推进', '推进', '开工建设', '开工', '签约', '建设', '引进', '招引', '落地', '抓好', '紧盯', '加快', '推动', '实施', '包括', '包含', '其中', '重点', '新签约', '启动了', '启动', '分别是', '分别为', '还有', '宣布', '落实'];
// (round 21: 60, company names with a product line run past 40: "河北领标科技发展有限公司年产800万平方米…生产线项目")
const MAX_NAME = 60;

/** The words after the last clause mark (，,。；) of `s`: the clause a name or an anaphor is read from. */
function lastClause(s: string): string {
  return s.slice(Math.max(s.lastIndexOf('，'), s.lastIndexOf(','), s.lastIndexOf('。'), s.lastIndexOf('；')) + 1);
}

/** A project named elsewhere (a subject, an antecedent), its hit spanning only the amount [start, end). */
function atAmount(name: string, value: number, unit: string, start: number, end: number, rule: string): ProjectHit {
  return { name, investment: { value, unit }, start, end, nameStart: start, nameEnd: end, rule };
}

function value(s: string): number | null {
  return /^\d/.test(s) ? decimalValue(s) : parseChineseInt(s);
}

function unitOf(u: string): string {
  // (a spoken 个亿, "总投资3.1个亿", is 亿元 as quantities.ts reads it, round 44)
  return u === '亿' || u === '个亿' ? '亿元' : u;
}

/** Verbs that end a name read forward ("…电池基地完成主体封顶" → 电池基地). */
const NAME_END_VERBS = [
  '完成', '开工', '投产', '建成', '竣工', '签约', '落地', '封顶', '实现', '启动', '开业', '投用', '达产', '达效', '加快',
  '力争', '确保', '年内', '年底', '全面', '顺利', '正式', '主体', '已', '正在', '即将', '目前',
  // adverbs between a name and its predicate: "投资9808万元的220KV变电站也正在进行主体工程施工"
  '也', '均', '亦',
  // (round 20: a future before the predicate, "总投资13.6亿元的博兴水库将在年内开工建设")
  '将',
  // (round 22: a time or a place after the name, "…软件园一期工程今年7月底投入使用", "…加工企业在集贤县…园区")
  '今年', '明年', '在',
  // (round 23: "…生产基地落户在穆棱经济开发区")
  '落户',
  // (round 32: a push of pace, "…医院加紧基础施工")
  '加紧',
  // (round 39: "总投资231亿元的合肥新桥机场S1线宣布开建")
  '宣布',
];
const TRAILING_COUNT = /(?:\d+|[一二两三四五六七八九十]+)(?:个|家|项|处)$/;

/** Length of the name within a raw run: cut at 项目 (keeping it), a verb, or a trailing count. */
function nameLength(raw: string): number {
  let n = raw.length;
  const pj = raw.indexOf('项目');
  // "沁园春矿泉水开发项目一期工程": a phase's works after 项目 are still the name (round 9), a phase alone too (round 13)
  // (round 20: in digits too, "杨凌麦肯速度项目1期")
  if (pj >= 2) n = Math.min(n, pj + 2 + (/^(?:[一二三四]|\d)期(?:工程)?/.exec(raw.slice(pj + 2))?.[0].length ?? 0));
  for (const v of NAME_END_VERBS) {
    const k = raw.indexOf(v);
    if (k >= 2 && k < n) n = k;
  }
  const m = TRAILING_COUNT.exec(raw.slice(0, n));
  if (m && m.index >= 2) n = m.index;
  // a time adverbial after the name: "…一期工程自复工以来"
  const since = /自[\u4e00-\u9fa5]{1,6}以来/.exec(raw);
  if (since && since.index >= 2) n = since.index;
  // …or a date: "…公路工程自2021年6月开工建设以来", "…公路工程于2021年6月开工" (round 37)
  const when = /(?:自|于|从)(?:(?:19|20)\d{2}年|\d{1,2}月)|(?:19|20)\d{2}年\d{1,2}月/.exec(raw);
  if (when && when.index >= 2 && when.index < n) n = when.index;
  return n;
}

function cleanName(raw: string): string {
  // a list's number is not part of the name: "3.高新区天臣电芯总部基地" (round 11)
  let n = raw.replace(/^\s*(?:\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])(?=[\u4e00-\u9fa5])/, '');
  // a category before the name: "省重大项目山东福宽淀粉深加工及仓储物流项目" (set p)
  n = n.replace(/^(?:省|市|县|区)?级?(?:重大|重点)项目(?=[\u4e00-\u9fa5]{4})/, '');
  // "仙鹤项目" → 仙鹤 (round 7: names of two characters too)
  if (n.endsWith('项目') && n.length >= 4) n = n.slice(0, -2);
  return n;
}

/** "在呼和浩特市主会场——NAME项目现场": a name starts after a dash that introduces it (round 12). */
function afterDash(raw: string): number {
  const k = raw.lastIndexOf('——');
  return k >= 0 && raw.length - k - 2 >= 3 ? k + 2 : 0;
}

/** Words that open a clause before a name: a lead verb of the reporter ("走进…项目") or the city's or county's zone
 * ("市开发区德源…基地项目": a name opening with 市/县/区 is a location, NOT_A_NAME, so the location is cut off). */
// (round 19: nor is the site of an event before it, "主会场设在X")
// (round 20: and 其中 opening the clause, "其中科大讯飞…基地项目位于…")
const LEAD_IN = /^(?:其中[，,]?)?(?:[^，。；]{0,12}?设在)?(?:(?:记者|笔者)(?:一行)?(?=走进|来到|走访|深入))?(?:走进|来到|走访|深入|在|位于)?(?:(?:市|县|区)(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|工业园区|园区))?/;

/** Strips a lead-in (round 7); what is left must still be a name of three characters or more. */
function stripLeadIn(raw: string): number {
  const k = LEAD_IN.exec(raw)![0].length;
  return k > 0 && raw.length - k >= 3 ? k : 0;
}

/** "此次开工现场所在的云南友天…项目": a name starts after the last 的 of the words before it. */
function afterDe(raw: string): number {
  const k = raw.lastIndexOf('的');
  return k >= 0 && raw.length - k - 1 >= 2 ? k + 1 : 0;
}

/** A project named where the text mentions it (a heading line, a clause's subject). */
export interface ProjectMention {
  name: string;
  start: number;
  end: number;
}

/** Head nouns of a project's name. */
const HEAD = '(?:项目|产业园|园区|基地|工程|中心|工厂|大桥|电站|水厂|[一二三四]期)';
/** A heading line that names a project: "弹性体项目", "东湖国际创新中心一期". */
const HEADING_NAME = new RegExp(String.raw`^[^，,：:、。；;\d（(]{2,28}${HEAD}$`);
/** A clause opening with a project's name, then its predicate: "XX产业园是…", "XX项目正在加快建设". */
// a bracketed phase may follow the name: "恒安内坑…基地项目（二期）为…之一"
// (round 12: a long name after a place and a dash, "在…主会场——…智慧工厂项目现场"; the site's parts, "…项目车间…",
// and 进入, "…装置项目进入收尾"; a workshop only of a 项目: "公用工程车间" is a part of the works)
const SUBJECT_NAME = new RegExp(String.raw`^([^，,：:。；;“”]{2,60}?${HEAD})(?=(?:[（(][^（）()]{1,6}[）)])?(?:是|为|位于|属于|即将|正在|已|将|于|在|自|也|还|计划|预计|概算|估算|总装机|装机容量|总投资|投资总额|投资额|总用地|总占地|总建筑|占地|建筑面积|用地面积|全长|总长|主线|(?:总体)?规划|由|项目|工地|现场|(?<=项目)(?:车间|厂区)|进入|施工|建设(?!项目)|临近|选址|正(?=[\u4e00-\u9fa5])|当天|当日|日前|近日|今天|昨天|目前|\d|$))`);
const NOT_A_NAME = /^(?:这|该|此|本|上述|各|全|整个|其|一批|重点|重大|在建|新建|续建|新开工|产业(?!园)|市|县|区|正是|就是|也是|是|项目|平均|单个|每个|首个|[至到~～—-])|^建设(?:项目)?$|^[一二三四五首]期(?:项目|工程)?$|(?:重点|重大|在建|新建|续建|开工|竣工|签约|储备|民生|亿元以上|以上|以下|这些|等|代表性?)(?:项目|工程)?$|^.{0,4}产业(?:项目)?$|^(?:基础设施|公共服务|社会事业|城市建设|民生|交通|水利|农业|工业|服务业|文旅|文化旅游|医药|化工|电子信息|电子|机械制造|建材|食品|纺织|物流|新能源|新材料)类?(?:项目)?$/;

// (round 14: "…项目位于驿城区，入驻汽车零部件产业园，项目总投资10亿元" — 入驻 / 落户 move a project, they name none)
// (round 20: or a list's lead, "包括…项目", and a time before the verb, "年内完成…工程")
/** What opens a list of kinds of projects: "包括新兴产业和技术改造项目" (round 20). */
const LIST_LEAD = /^\s*(?:其中)?(?:包括|包含|涉及)/;
const PREDICATE_START = /^(?:年内|今年|明年|年底前?)?(?:完善|推进|加快|完成|实施|开展|推动|抓好|做好|加强|启动|新建|配套|建成|入驻|落户|包括|包含|涉及)/;

/** The project named by a heading line, if it names one. */
export function headingMention(norm: string, start: number, end: number): ProjectMention | null {
  const t = norm.slice(start, end).trim();
  if (!HEADING_NAME.test(t) || NOT_A_NAME.test(t)) return null;
  const s = start + norm.slice(start, end).indexOf(t);
  return { name: cleanName(t), start: s, end: s + t.length };
}

/** The project a clause opens with, if any: "高效低毒…新材料项目正在加快建设". */
export function subjectMention(norm: string, start: number, end: number): ProjectMention | null {
  const m = SUBJECT_NAME.exec(norm.slice(start, end));
  // (a clause opening with a copula is a predicate, whatever its 的-phrase ends in: "也是全市最大的光伏项目", round 35)
  if (!m || /^\s*(?:也|还|又)?是/.test(m[1]!)) return null;
  let raw = m[1]!;
  let k = Math.max(afterDe(raw), afterDash(raw));
  raw = raw.slice(k);
  const lead = stripLeadIn(raw);
  k += lead;
  raw = raw.slice(lead);
  // a clause opening with a verb is a predicate, not a subject ("完善相关配套工程", round 7)
  // (round 21: nor an indefinite or a count, "一处新材料项目正…", "9个项目日前…")
  if (raw.length < 3 || NOT_A_NAME.test(raw) || /^项目|位于|地处/.test(raw) || PREDICATE_START.test(raw) || /^一[处个家座]/.test(raw) || GROUP_OPEN.test(raw)) return null;
  // names joined by 、 are one project ("金砖城、中港城项目"), a list with 等 or a count is a group
  if (raw.includes('、') && (raw.includes('等') || GROUP_BETWEEN.test(raw))) return null;
  // "南溪路小学是美好教育项目，…": the subject of 是 is the name, what follows it describes (round 23)
  const copula = /^([^是，,]{3,30}?)是[^，。；]*项目$/.exec(raw);
  if (copula && !NOT_A_NAME.test(copula[1]!)) return { name: cleanName(copula[1]!), start: start + k, end: start + k + copula[1]!.length };
  // "甘肃省武威市凉州区6个项目在…集中开工": a count ends a group's name, not a project's (round 23)
  if (TRAILING_COUNT.test(cleanName(raw))) return null;
  // "228国道洞头灵昆段该项目主线…": the name, then a demonstrative taking it up (round 9)
  const taken = /(?:该|此|这个)(?:项目|工程)$/.exec(raw);
  if (taken && taken.index >= 3) return { name: raw.slice(0, taken.index), start: start + k, end: start + k + taken.index };
  // a clause that is only "…二期" is a place or a phase told in passing ("起点西接环莞快速路二期"), not a subject (round 9)
  if (/期$/.test(raw) && m.index + m[0].length === end - start) return null;
  return { name: cleanName(raw), start: start + k, end: start + k + raw.length };
}

/** "今天开工建设的项目是新兴生物质热电联产项目": a generic subject, the name after 是 (round 9). */
const COMPLEMENT_NAME = new RegExp(String.raw`^[^，,。；;]{0,20}?(?:项目|工程)是([^，,：:。；;“”的]{3,40}?(?:项目|工程|产业园|基地|园区))$`);

/** The project named after 是 in a clause with a generic subject, if any. */
export function complementMention(norm: string, start: number, end: number): ProjectMention | null {
  const t = norm.slice(start, end);
  const m = COMPLEMENT_NAME.exec(t);
  if (!m || NOT_A_NAME.test(m[1]!)) return null;
  const s = start + t.length - m[1]!.length;
  return { name: cleanName(m[1]!), start: s, end: s + m[1]!.length };
}

/** 和 / 与 inside one name (round 7): "湖北亿兴新能源电动客车和动力电池项目" — the words after it run on to 项目
 * with no amount first, and the words before it have no 项目 of their own. */
function joinsOneName(norm: string, pos: number, e: number, limit: number): boolean {
  if (norm.slice(pos, e).includes('项目')) return false;
  let k = e + 1;
  // (after 、 the next parts may be joined by 、 too: "5GW单晶拉棒、切片、电池片项目")
  while (k < limit && k - pos < MAX_NAME && (!NAME_STOP.has(norm[k]!) || (norm[e] === '、' && norm[k] === '、'))) k++;
  const after = norm.slice(e + 1, k);
  // (an amount first makes two projects; a count does not, round 21: "…超薄岩板和8万套整体橱柜生产线项目")
  return after.includes('项目') && !/^(?:总投资|投资|[\d.]+\s*[亿万]?(?:美元|欧元|元)|[\d.]+\s*亿(?!\S*?[吨套台件个平米])|[一二两三四五六七八九十]+[亿万])/.test(after);
}

function readName(norm: string, pos: number, limit: number): number {
  let e = pos;
  // 和 / 与 join two names, except as the first or second character of one ("保和堂北药产业园") or inside one
  while (e < limit && e - pos < MAX_NAME) {
    const c = norm[e]!;
    // a short bracket inside a name that goes on after it: "华为（辽宁大区）锦州云计算中心" (round 12); before the
    // head word alone it describes and ends the name ("…有限公司（挖掘机）项目", set e)
    const shut = c === '（' || c === '(' ? norm.slice(e, Math.min(limit, e + 10)).search(/[）)]/) : -1;
    if (shut > 1 && e - pos >= 2 && e + shut + 1 < limit && !NAME_STOP.has(norm[e + shut + 1]!) && !norm.startsWith('项目', e + shut + 1) && !/[，,。；、]/.test(norm.slice(e, e + shut))) {
      e += shut + 1;
      continue;
    }
    // a short quotation inside a name: "中国移动湖北公司“四个中心”基地项目" (round 7)
    // (or opening it: "“南湖文化旅游园”苏州商业街", round 9)
    const close = c === '“' ? norm.indexOf('”', e) : -1;
    if (close > e && close - e <= 10 && close + 1 < limit && !NAME_STOP.has(norm[close + 1]!)) {
      e = close + 1;
      continue;
    }
    // (round 21: 以及 joins two names, as 和 does: "昌南数智科创中心以及阿里天猫超市江西运营结算中心")
    if (c === '以' && norm[e + 1] === '及' && e - pos >= 2) break;
    // 、 joins parts of one name that runs on to 项目 with no amount ("5GW单晶拉棒、切片、电池片项目", round 9)
    if (NAME_STOP.has(c) && !((c === '和' || c === '与' || c === '、') && (e - pos < 2 || joinsOneName(norm, pos, e, limit)))) break;
    e++;
  }
  return e;
}

/** Projects in norm[start, end) (one clause); `blocked` marks quotations. */
export function findProjects(
  norm: string,
  blocked: Uint8Array,
  start: number,
  end: number,
  mentionBefore: (pos: number) => ProjectMention | null = () => null,
  /** receives the span of an amount that classifies a group ("总投资超过1亿美元的联成化学等12个…"): not a quantity */
  onThreshold: (start: number, end: number) => void = () => {},
): ProjectHit[] {
  const text = norm.slice(start, end);
  const hits: ProjectHit[] = [];
  // an amount found to classify (a threshold) is nobody's own investment read backward either (round 20)
  const classifying: [number, number][] = [];
  const threshold = (s: number, e: number): void => {
    classifying.push([s, e]);
    onThreshold(s, e);
  };
  const forwards: RegExpExecArray[] = [];
  FORWARD.lastIndex = 0;
  for (let m = FORWARD.exec(text); m !== null; m = FORWARD.exec(text)) forwards.push(m);
  INVEST_OF.lastIndex = 0;
  for (let m = INVEST_OF.exec(text); m !== null; m = INVEST_OF.exec(text)) {
    // INVEST_OF has no optional 的 group: shift the groups so m[3] is the 的
    const shifted = Object.assign([m[0], m[1], m[2], '的'], { index: m.index, input: m.input }) as unknown as RegExpExecArray;
    forwards.push(shifted);
  }
  INVEST_BARE.lastIndex = 0;
  for (let m = INVEST_BARE.exec(text); m !== null; m = INVEST_BARE.exec(text)) {
    if (forwards.some((f) => f.index === m!.index)) continue;
    forwards.push(Object.assign([m[0], m[1], m[2], undefined], { index: m.index, input: m.input }) as unknown as RegExpExecArray);
  }
  forwards.sort((a, b) => a.index - b.index);
  let consumed = 0;
  // "总投资分别为11亿元、6亿元的A项目和B项目": amounts and names paired in order (round 7)
  DISTRIBUTED.lastIndex = 0;
  for (let m = DISTRIBUTED.exec(text); m !== null; m = DISTRIBUTED.exec(text)) {
    const s = start + m.index;
    if (blocked[s]) continue;
    const amounts = [...m[1]!.matchAll(new RegExp(String.raw`${NUM}\s*${INV_UNIT}`, 'g'))];
    let pos = s + m[0].length;
    const found: ProjectHit[] = [];
    for (const a of amounts) {
      const rawEnd = readName(norm, pos, end);
      const nameEnd = pos + nameLength(norm.slice(pos, rawEnd));
      const name = cleanName(norm.slice(pos, nameEnd));
      const v = value(a[1]!);
      if (v === null || name.length < 2 || !norm.slice(pos, nameEnd).endsWith('项目')) break;
      found.push({ name, investment: { value: v, unit: unitOf(a[2]!) }, start: found.length === 0 ? s : pos, end: nameEnd, nameStart: pos, nameEnd, rule: 'project:investment-list' });
      if (!/^[、和及与]/.test(norm.slice(nameEnd, end))) break;
      pos = nameEnd + 1;
    }
    // only a whole pairing names the projects; otherwise the amounts stay figures
    if (found.length === amounts.length) {
      hits.push(...found);
      consumed = Math.max(consumed, found[found.length - 1]!.end - start);
    }
  }
  for (const m of forwards) {
    const s = start + m.index;
    if (blocked[s] || m.index < consumed) continue;
    // "10个投资超20亿元的重大产业项目": a count before the amount makes it a bound for each (round 9)
    // (after 、 only before 的: "项目138个、总投资676亿元，" is the group's total, a figure)
    const counted = GROUP_BEFORE.exec(norm.slice(Math.max(start, s - 6), s));
    if (counted && (m[3] || !counted[0].endsWith('、'))) {
      threshold(s, s + m[0].length);
      continue;
    }
    let nameStart = s + m[0].length;
    if (!m[3]) {
      // without 的 the name must follow at once and end with a head noun, and no name may precede;
      // a name starts after the last 的 ("县城至青年产业园的供水管网工程")
      const rawEnd = readName(norm, nameStart, end);
      const raw = norm.slice(nameStart, nameStart + nameLength(norm.slice(nameStart, rawEnd)));
      const de = afterDe(raw);
      // (the head may follow a bracket that ends the name: "总投资60亿元协鑫年产8万吨多晶硅（颗粒硅）项目", round 12)
      const headAfter = BRACKET_HEAD.test(norm.slice(nameStart + raw.length, end));
      // (round 21: nor a verb's object, "投资1.63亿元完成74个村电网升级改造…项目")
      if (!/^[\u4e00-\u9fa5A-Za-z]/.test(raw) || !(HEAD_END.test(raw) || headAfter) || NOT_A_NAME.test(raw.slice(de)) || (PREDICATE_START.test(raw.slice(de)) && !BARE_LEAD.test(raw.slice(de))) || norm.slice(Math.max(start, s - 2), s) === '项目') continue;
      // "投资10亿元启动了数字产业园一期项目建设": the verb before the name is not part of it (round 9)
      nameStart += de || (BARE_LEAD.exec(raw)?.[0].length ?? 0);
    }
    let v = value(m[1]!);
    let unit = unitOf(m[2]!);
    let spanStart = s;
    let rule = 'project:investment-of';
    for (;;) {
      const rawEnd = readName(norm, nameStart, end);
      const nameEnd = nameStart + nameLength(norm.slice(nameStart, rawEnd));
      const name = cleanName(norm.slice(nameStart, nameEnd));
      // "这个总投资15亿元的重大工程": a demonstrative takes up the project named before (round 9)
      if (v !== null && rule === 'project:investment-of' && DEMONSTRATIVE.test(norm.slice(Math.max(start, s - 2), s)) && GENERIC_HEAD.test(norm.slice(nameStart, end))) {
        const ante = mentionBefore(s);
        if (ante && s - ante.end <= MAX_ANTECEDENT) hits.push(atAmount(ante.name, v, unit, s, s + m[0].length, 'project:antecedent'));
        break;
      }
      // "这个总投资10.2亿元的项目": no name, the amount is a figure (also "…的项目将全面投产")
      // (round 23: nor a category alone, "总投资451.3亿元的重点项目135个")
      // (nor is a share of it a name: "占总投资39.59亿元的77.04%", round 36)
      if (v === null || name.length < 2 || ANAPHOR.test(name) || name.startsWith('项目') || CATEGORY_ONLY.test(name) || /^[\d.]+%/.test(name)) break;
      // a group, not one project (round 7): "总投资273亿元的31只重大项目", "总投资超过1亿美元的联成化学等12个重大项目"
      // (the group's total when the count opens the name, a threshold for each when it follows 等)
      if (GROUP_OPEN.test(name)) break;
      // "投资10亿元以上制造业项目116项", "总投资超3亿元制造业项目10个以上": an amount before a class of projects that is
      // then counted, or that opens with 以上, bounds each of them (round 20)
      if (rule === 'project:investment-of' && !m[3] && (/^以[上下]/.test(name) || CLASS_COUNTED.test(norm.slice(nameEnd, end)))) {
        threshold(spanStart, nameStart);
        break;
      }
      // (after a list in which each name has its own amount, 等N个 counts the list: "…180亿元的C项目等16个…项目", round 13)
      if (rule === 'project:investment-of' && GROUP_AFTER.test(norm.slice(nameEnd, end))) {
        threshold(spanStart, nameStart);
        break;
      }
      if (rule === 'project:investment-of' && SHARED_AFTER.test(norm.slice(nameEnd, end))) break;
      hits.push({ name, investment: { value: v, unit }, start: spanStart, end: nameEnd, nameStart, nameEnd, rule });
      if (rawEnd !== nameEnd) break; // the list goes on only right after a whole name
      const rest = norm.slice(nameEnd, end);
      const n = LIST_NEXT.exec(rest);
      if (!n) break;
      v = value(n[1]!);
      unit = unitOf(n[2]!);
      spanStart = nameEnd + 1;
      nameStart = nameEnd + n[0].length;
      rule = 'project:investment-list';
    }
    const last = hits[hits.length - 1];
    if (last) consumed = Math.max(consumed, last.end - start);
  }
  BACKWARD.lastIndex = 0;
  BARE_BACKWARD.lastIndex = 0;
  const backward: RegExpExecArray[] = [];
  for (let m = BACKWARD.exec(text); m !== null; m = BACKWARD.exec(text)) backward.push(m);
  const bare = new Set<RegExpExecArray>();
  for (let m = BARE_BACKWARD.exec(text); m !== null; m = BARE_BACKWARD.exec(text)) {
    backward.push(m);
    bare.add(m);
  }
  backward.sort((a, b) => a.index - b.index);
  for (const m of backward) {
    const s = start + m.index;
    if (blocked[s] || hits.some((h) => s >= h.start && s < h.end) || classifying.some(([a, b]) => s + m[0].length > a && s < b)) continue;
    // "总投资10亿元以上的项目有：": an amount that classifies what follows is no one's own (round 20)
    if (/^以上(?:的|[\u4e00-\u9fa5])/.test(norm.slice(s + m[0].length, end))) continue;
    // the name must directly precede and end with 项目 (…项目总投资10亿元 / …项目，总投资10亿元 /
    // …项目，该项目总投资10亿元); with no name of its own, the project last mentioned
    // a phase in brackets between the name and 总投资: "城北仓储物流园区建设项目（一期）总投资约6440万元"
    // or before 项目: "中国美业港·产业创新示范园区（一期）项目总投资10亿元" (round 7)
    // (round 25: a space between the name and its total is no more than a comma, "●鲸彩商标制品项目 总投资1亿元")
    let before = norm.slice(start, s).replace(/\s+$/, '').replace(/(项目)[（(][^（）()，。]{1,16}[）)]$/, '$1').replace(/[（(][一二三四五首]期[）)](项目)$/, '$1');
    const opensClause = m[0].startsWith('，') || m[0].startsWith(',');
    if (opensClause) {
      // "X是…之一，总投资…", "X项目是…的重点项目，总投资…": the investment is the subject's
      const clause = lastClause(before);
      // (round 20: 为 as 是, "兴威公司…生产线项目为本次集中开工的代表项目，总投资5.5亿元")
      const sub = /^\s*([^，,：:、。；;“”\s]{2,30}?)(?:是|作为|(?<=项目)为)[^，。；]*(?:之一|项目)$/.exec(clause);
      const v = value(m[1]!);
      // "该项目为聊城环保科技城产业园，计划总投资11.86亿元": the demonstrative's complement is the name (round 24)
      const called = /^\s*(?:该|这个|此|本)项目(?:为|是|即)([^，,：:。；;“”]{3,40})$/.exec(clause);
      if (called && v !== null && !NOT_A_NAME.test(called[1]!) && !GROUP_COUNT.test(called[1]!)) {
        hits.push(atAmount(cleanName(called[1]!), v, unitOf(m[2]!), s + 1, s + m[0].length, 'project:subject'));
        continue;
      }
      if (sub && v !== null) {
        // "投资额最高的是X项目，总投资…": a subject ending in 的 describes; the name is after 是
        // (round 22: so does a superlative, "最大外资项目是湖州的唯品会华东运营总部项目", and the name after 是 loses its 的-phrase)
        // (round 31: and so does a place, "开工现场是河北某某公司…生产项目")
        const complement = sub[1]!.endsWith('的') || sub[1]!.startsWith('最') || /(?:现场|会场|地点)$/.test(sub[1]!) ? clause.slice(clause.indexOf('是') + 1) : null;
        const described = complement === null ? null : complement.slice(afterDe(complement));
        const raw = described ?? sub[1]!.slice(afterDe(sub[1]!));
        const name = cleanName(raw);
        if (name.length >= 3 && !NOT_A_NAME.test(raw) && !ANAPHOR.test(raw) && !GROUP_COUNT.test(raw)) {
          const amountStart = s + 1;
          const amountEnd = s + m[0].length;
          hits.push(atAmount(name, v, unitOf(m[2]!), amountStart, amountEnd, 'project:subject'));
          continue;
        }
      }
    }
    const clauseBefore = opensClause ? '' : lastClause(before);
    // "NAME项目也拉开了开工序幕。作为…首个开工的重点项目，计划总投资2.9亿元": an appositive 作为… describes the project
    // named before it (round 12)
    // (round 35: so does a predicate clause, "…项目是…之一，也是…最大光伏项目，总投资近100亿元")
    const appositive = opensClause && /^\s*(?:作为|(?:也|还|又)(?:是|为))/.test(lastClause(before));
    const anaphor = appositive || !before.endsWith('项目') && (clauseBefore === '' || ANAPHOR.test(clauseBefore)) || ANAPHOR.test(clauseBefore);
    if (anaphor && clauseBefore !== '' && /项目[，,]$/.test(before.slice(0, before.length - clauseBefore.length))) {
      before = before.slice(0, before.length - clauseBefore.length - 1); // "XX项目，该项目总投资…"
      // "吉兴化纤是…新签约的…生产项目，该项目总投资35亿元": the subject of 是 is the name (as "X项目是…，总投资…", round 9)
      const prev = lastClause(before);
      // "包括新兴产业和技术改造项目，项目总投资…": the clause before lists kinds of projects, a group's total (round 20)
      if (LIST_LEAD.test(prev)) continue;
      const subj = /^\s*([^，,：:、。；;“”\s]{2,30}?)是[^，。；]*项目$/.exec(prev);
      const v = value(m[1]!);
      if (subj && v !== null && !subj[1]!.endsWith('的') && !NOT_A_NAME.test(subj[1]!) && !GROUP_COUNT.test(subj[1]!)) {
        const amountStart = s + (norm[s] === '，' || norm[s] === ',' ? 1 : 0);
        hits.push(atAmount(cleanName(subj[1]!.slice(afterDe(subj[1]!))), v, unitOf(m[2]!), amountStart, s + m[0].length, 'project:subject'));
        continue;
      }
    } else if (anaphor) {
      const v = value(m[1]!);
      // "投产项目1个，总投资0.5亿元，为NAME项目": a tally of one, named after 为 (round 20)
      const named = /^[，,]为([^，,。；;、]{3,60}?)项目(?=[，,。；;]|$)/.exec(norm.slice(s + m[0].length, end));
      if (named && v !== null && /(?:项目1个|1个项目)$/.test(lastClause(before.replace(/[，,]$/, '')))) {
        const nameStart = s + m[0].length + 2;
        hits.push({ name: cleanName(named[1]!), investment: { value: v, unit: unitOf(m[2]!) }, start: s + 1, end: nameStart + named[1]!.length, nameStart, nameEnd: nameStart + named[1]!.length, rule: 'project:investment-of' });
        continue;
      }
      const ante = mentionBefore(s);
      if (!ante || v === null || s - ante.end > MAX_ANTECEDENT) continue;
      // (nor across a list item that opens with words of its own, a name the rules could not read: "…；信和信·桂林国际智慧
      // 健康旅游产业园一期，总投资11.24亿元" is not the total of the project before the ；, round 36)
      const gap = norm.slice(ante.end, s);
      const cut = gap.search(/[；;。！？\n][^；;。！？\n]*$/);
      const item = gap.slice(cut + 1).replace(/^[\s\d.、（()）]+/, '');
      if (cut >= 0 && /[；;]/.test(gap[cut]!) && /^[\u4e00-\u9fa5A-Za-z]/.test(item) && !/^(?:该|这|此|其|项目)/.test(item)) continue;
      // "总投资788亿元，包括A、B等在内的56个…": the total of the group named after it (round 12)
      if (GROUP_FOLLOWS.test(norm.slice(s + m[0].length, end))) continue;
      // a bare 投资 belongs to the project its own sentence is about: named in it, or taken up by 该项目 opening it
      // ("另外，投资8亿元，预计年产…的九鼎车厢厂生产项目" starts another project's sentence)
      if (bare.has(m)) {
        const from = Math.max(norm.lastIndexOf('。', s - 1), norm.lastIndexOf('\n', s - 1)) + 1;
        if (ante.end <= from && !/^\s*(?:(?:据了解|据悉|据介绍|目前|其中)[，,])?(?:该项目|这个项目|此项目|本项目|项目)/.test(norm.slice(from, s))) continue;
      }
      // a count inside "…之一" is membership ("30个…试点项目之一"), not a group's total
      const between = norm.slice(ante.end, s).replace(/[^，。；]*之一/g, '');
      if (GROUP_BETWEEN.test(between)) continue;
      // a phase named in the sentence before it: the phase's total ("分三期建设，一期…，总投资22.6亿元");
      // "分三期建设" alone counts the phases of the whole ("项目分三期建设，总投资约15亿元", round 6)
      // Only a phase opening a clause counts ("位于…浅滩一期" is a place, "XX产业园（一期）位于…" the name's own phase),
      // and when each phase is told in turn ("一期…，二期…，三期…，总投资…") the total is the whole's (round 9).
      const sentence = norm.slice(Math.max(ante.end, norm.lastIndexOf('。', s - 1) + 1), s);
      const phases = new Set([...sentence.matchAll(PHASE_OPENING)].map((p) => p[1]));
      if (phases.size === 1) continue;
      const amountStart = s + (norm[s] === '，' || norm[s] === ',' ? 1 : 0);
      const amountEnd = s + m[0].length;
      hits.push(atAmount(ante.name, v, unitOf(m[2]!), amountStart, amountEnd, 'project:antecedent'));
      continue;
    }
    // a name in quotation marks before 项目: "签约之一的“汉城·酒城文化产业园”项目，总投资10.5亿元"
    const quoted = /[“"]([^“”"，。；]{2,30})[”"]项目$/.exec(before);
    // "58个“高精尖”项目，总投资达1092亿元": a count before the quotation makes it a group's total (round 9)
    if (quoted && GROUP_COUNT.test(before.slice(Math.max(0, quoted.index - 6), quoted.index))) continue;
    if (quoted) {
      const v = value(m[1]!);
      const nameStart = start + quoted.index + 1;
      if (v !== null && !NOT_A_NAME.test(quoted[1]!)) {
        hits.push({ name: cleanName(quoted[1]!), investment: { value: v, unit: unitOf(m[2]!) }, start: nameStart, end: s + m[0].length, nameStart, nameEnd: nameStart + quoted[1]!.length, rule: 'project:name-then-investment' });
      }
      continue;
    }
    // a name ending in another head noun right before 总投资: "恒利源电子线路板科技产业园总投资60亿元"
    // (round 21: a company right before its total is the project, as the labelling rule takes it: "富锋生物能源有限公司总投资1500万美元")
    // (round 27: or any name in a list of names each with its total, "其中，兴泉铁路泉州段总投资153亿元、南山文化生态园总投资80亿元、…")
    const chunk = before.slice(Math.max(...[...NAME_STOP].map((c) => before.lastIndexOf(c))) + 1);
    const inList = before.endsWith(chunk) && chunk.length >= 4 && (before[before.length - chunk.length - 1] === '、' || norm[s + m[0].length] === '、') && !/\d/.test(chunk) && !NOT_A_NAME.test(chunk);
    const headOnly = !opensClause && !before.endsWith('项目') && (HEAD_END.test(before) || /有限公司$/.test(before) || inList);
    if (!before.endsWith('项目') && !headOnly) continue;
    // a count in the clause is a group's total ("新开工项目6个，总投资…"), except before 分别是 ("这3个项目分别是X项目总投资…", round 10)
    const own = lastClause(before);
    if (GROUP_COUNT.test(own.slice(Math.max(own.lastIndexOf('分别是'), own.lastIndexOf('分别为'), 0)))) continue;
    let k = before.length;
    for (;;) {
      while (k > 0 && !NAME_STOP.has(before[k - 1]!)) k--;
      // 和 / 与 inside one name read backward, as joinsOneName reads it forward: "亿纬锂能储能与动力电池项目，投资额100亿元",
      // "衡水大正和源家具有限公司现代家具项目总投资1.5亿元" — the words before it name no project and no amount (round 20)
      if ((before[k - 1] === '和' || before[k - 1] === '与') && k - 1 < before.length - 3) {
        let j = k - 1;
        while (j > 0 && !NAME_STOP.has(before[j - 1]!)) j--;
        const part = before.slice(j, k - 1);
        // (a list's lead before it makes the two members of a list: "包括新兴产业和技术改造项目")
        // (round 23: one character before it too, "三和管桩公司装配式建筑产业园项目")
        if (part.length >= 1 && !part.includes('项目') && !/[亿万]元|\d/.test(part) && !LIST_LEAD.test(part)) {
          k = j;
          continue;
        }
      }
      // a short quotation inside the name: "经济开发区“九年一贯制”教育项目，总投资…" (round 14)
      const open = before[k - 1] === '”' ? before.lastIndexOf('“', k - 2) : -1;
      if (open < 0 || k - 1 - open > 10) break;
      k = open;
      if (k === 0 || NAME_STOP.has(before[k - 1]!)) break;
    }
    let raw = before.slice(k);
    let nameStart = start + k;
    const de = afterDe(raw);
    raw = raw.slice(de);
    nameStart += de;
    for (const verb of LEAD_VERBS) {
      const j = raw.lastIndexOf(verb);
      // (round 20: not when only a head word would be left, "…滨水公园建设工程项目")
      if (j >= 0 && j + verb.length < raw.length - 3 && !/^(?:工程|项目)+$/.test(raw.slice(j + verb.length))) {
        nameStart += j + verb.length;
        raw = raw.slice(j + verb.length);
      }
    }
    // "…，为NAME项目，计划总投资1.2亿元": the copula before a name that a tally announced is not part of it (round 20)
    // (round 24: 是 too, "其中大手笔的是古镇灯饰…集聚区项目总投资100亿元")
    if ((raw.startsWith('为') || raw.startsWith('是')) && raw.length > 5) {
      raw = raw.slice(1);
      nameStart += 1;
    }
    const name = cleanName(raw);
    const v = value(m[1]!);
    if (v === null || name.length < (headOnly ? 4 : 2) || ANAPHOR.test(name) || name === '这个' || name === '该' || NOT_A_NAME.test(raw) || GROUP_OPEN.test(name)) continue;
    hits.push({
      name,
      investment: { value: v, unit: unitOf(m[2]!) },
      start: nameStart,
      end: s + m[0].length,
      nameStart,
      nameEnd: nameStart + raw.length,
      rule: 'project:name-then-investment',
    });
  }
  hits.sort((a, b) => a.start - b.start);
  for (const h of hits) h.name = tidyName(h.name);
  return hits;
}

/** Where a project is built, said before its name: "在呈贡新城建设X", "…公司拟在蔚县建X", "上犹投资建设X" (round 25). */
const BUILT_AT = /^[^，。；]{0,24}?(?:(?:拟|将)?在[^，。；]{1,12}?(?:投资建设|新建|兴建|建设|建)|投资建设)/;
/** What a description before a name does: "以…为导向的", "围绕…的", "总投资…建设的". */
const DESCRIBES = /为|以|围绕|位于|建设|打造|投资|实施|引进|落户/;
/** Where it settles, said after: "X落户在穆棱经济开发区", "X位于…" (round 25). */
const SETTLES = /(?:落户|位于|选址)/;

/**
 * The last trim of every name, however it was read (forward, backward, from a subject): the place it is built at and
 * where it settles are not part of it, nor a description before the last 的 ("以…为导向的蓝靛果种植加工"). What is left
 * must keep three characters, else the name stays as read.
 */
function tidyName(name: string): string {
  let n = name;
  const settles = SETTLES.exec(n);
  if (settles && settles.index >= 3) n = n.slice(0, settles.index);
  // (round 32: who builds it, "格恩医药产业园由山东格恩医药科技有限公司…")
  const builder = /由[^，。；]{2,30}?(?:公司|集团)/.exec(n);
  if (builder && builder.index >= 3) n = n.slice(0, builder.index);
  // (round 32: a lead that says which kind of project it is, "竣工项目为专用汽车制造挂车")
  const kind = /^[^，。；]{0,6}?项目(?:为|是)/.exec(n);
  if (kind && n.length - kind[0].length >= 3) n = n.slice(kind[0].length);
  const built = BUILT_AT.exec(n);
  if (built && n.length - built[0].length >= 3) n = n.slice(built[0].length);
  // (a description says what it does; "芜湖美的厨热…产业园" is a company's name)
  const de = n.lastIndexOf('的');
  if (de >= 0 && n.length - de - 1 >= 3 && DESCRIBES.test(n.slice(0, de))) n = n.slice(de + 1);
  return n;
}
