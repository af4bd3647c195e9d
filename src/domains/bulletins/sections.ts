// The sentences of a bulletin past its lead paragraph, written only from what the
// data holds (pure, tested): the 双过半 count, the 一、 summary, what the projects and
// tasks are, 存在问题 (lagging indicators and units named — 点名 — with their gap), the
// draft of 下步工作要求, and consecutive section numbers when sections are left out.
// An incomplete figure (not every unit has reported) is stated as "已报N/M个单位":
// never judged, counted toward 双过半, nor ranked.
import { dec } from '../../shared/decimal';
import { formatGapToTimeProgress } from '../../shared/format';
import { cnDate } from '../../shared/officialDoc';
import { sectionParagraphs, type InstructionsSummary } from '../instructions/rules';
import { hazardParagraphs, type HazardSection } from '../hazards/rules';

export const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Who has reported an indicator summed from units (the cockpit's contract). */
export interface Coverage {
  reported: number;
  expected: number;
  missingUnitNames: string[];
}
export const coverageText = (c: Pick<Coverage, 'reported' | 'expected'>) => `已报${c.reported}/${c.expected}个单位`;

export type Status = 'ahead' | 'on_track' | 'slightly_behind' | 'far_behind';

/** What the sentences need of one cockpit row of the zone. */
export interface JudgedFigure {
  name: string;
  kind: 'flow' | 'stock' | 'count' | 'ratio';
  higherIsBetter: boolean;
  floor: string | null;
  completion: string | null;
  gap: string | null;
  status: Status | null;
  doubleHalf: boolean;
  /** False when some unit owing the figure has not reported; absent means complete. */
  complete?: boolean;
  coverage?: Coverage | null;
}

const judged = (f: JudgedFigure) => f.complete !== false && f.floor !== null && f.completion !== null && f.gap !== null;
const isBehind = (f: { gap: string | null }) => f.gap !== null && dec(f.gap).isNegative();

/**
 * "有年度目标的7项总量指标均实现“时间过半、任务过半”。" — over the flow and count
 * indicators with a target whose figure is complete; '' when none is judged.
 */
export function doubleHalfSentence(rows: readonly JudgedFigure[]): string {
  const eligible = rows.filter((r) => (r.kind === 'flow' || r.kind === 'count') && r.higherIsBetter && judged(r));
  const incomplete = rows.filter((r) => r.complete === false && r.floor !== null && (r.kind === 'flow' || r.kind === 'count')).length;
  if (!eligible.length) return '';
  const reached = eligible.filter((r) => r.doubleHalf).length;
  const tail = incomplete ? `（另有${incomplete}项指标数据尚未报齐，未计入）` : '';
  if (reached === eligible.length) return `有年度目标的${eligible.length}项总量指标均实现“时间过半、任务过半”${tail}。`;
  if (reached === 0) return `有年度目标的${eligible.length}项总量指标均未实现“时间过半、任务过半”${tail}。`;
  return `有年度目标的${eligible.length}项总量指标中，${reached}项实现“时间过半、任务过半”${tail}。`;
}

/** "截至2023年6月30日，时间进度49.6%。有目标的8项指标中，8项快于序时进度。" */
export function progressSummary(asOf: string, timeProgress: string | null, rows: readonly JudgedFigure[]): string {
  const head = `截至${cnDate(asOf)}，${timeProgress === null ? '' : `时间进度${timeProgress}%。`}`;
  const j = rows.filter(judged);
  // Every row of the table not yet reported in full, with a target or not: the count must match what the table shows.
  const incomplete = rows.filter((r) => r.complete === false).length;
  const parts: string[] = [];
  if (j.length) {
    const ahead = j.filter((r) => !isBehind(r)).length;
    const behind = j.length - ahead;
    parts.push(
      behind === 0
        ? `有年度目标的${j.length}项指标均达到或快于序时进度`
        : ahead === 0
          ? `有年度目标的${j.length}项指标均慢于序时进度`
          : `有年度目标的${j.length}项指标中，${ahead}项达到或快于序时进度，${behind}项慢于序时进度`,
    );
  }
  if (incomplete) parts.push(`${incomplete}项指标数据尚未报齐`);
  const body = parts.length ? `${parts.join('；')}。` : '';
  return `${head}${body}主要指标完成情况如下。`;
}

/** One lagging figure of a unit or of the zone, with the cockpit's gap (negative). */
export interface Lag {
  name: string;
  /** A ratio (税占比) is a level against its target, not a share of the year. */
  ratio?: boolean;
  completion: string | null;
  gap: string;
  status: Status | null;
}
export interface UnitLags {
  unitName: string;
  lags: Lag[];
}
export interface ProjectLate {
  project: string;
  unitName: string;
  milestone: string;
  daysLate: number;
}
export interface TaskLate {
  title: string;
  unitName: string;
  daysOverdue: number;
}
export interface Problems {
  indicators: Lag[];
  units: UnitLags[];
  projects: ProjectLate[];
  tasks: TaskLate[];
  incomplete: { name: string; coverage: Coverage }[];
}

const byGap = (a: { gap: string }, b: { gap: string }) => dec(a.gap).cmp(dec(b.gap));
const slow = (gap: string) => formatGapToTimeProgress(gap);
const names = (xs: string[], max = 6) => (xs.length > max ? `${xs.slice(0, max).join('、')}等${xs.length}个` : xs.join('、'));
const unique = (xs: string[]) => [...new Set(xs)];

/** The zone's figures behind time progress (judged only), worst first. */
export function laggingIndicators(rows: readonly JudgedFigure[]): Lag[] {
  return rows
    .filter((r) => judged(r) && isBehind(r))
    .map((r) => ({ name: r.name, completion: r.completion, gap: r.gap!, status: r.status, ...(r.kind === 'ratio' ? { ratio: true } : {}) }))
    .sort(byGap);
}

/** Units named for their indicators the cockpit colours amber or red: most lags first, then the worst gap. */
export function laggingUnits(rows: readonly { name: string; complete?: boolean; units: { unitName: string; completion: string | null; gap: string | null; status: Status | null }[] }[]): UnitLags[] {
  const acc = new Map<string, Lag[]>();
  for (const r of rows) {
    if (r.complete === false) continue;
    for (const u of r.units) {
      if ((u.status !== 'slightly_behind' && u.status !== 'far_behind') || u.gap === null) continue;
      acc.set(u.unitName, [...(acc.get(u.unitName) ?? []), { name: r.name, completion: u.completion, gap: u.gap, status: u.status }]);
    }
  }
  return [...acc]
    .map(([unitName, lags]) => ({ unitName, lags: lags.sort(byGap) }))
    .sort((a, b) => b.lags.length - a.lags.length || byGap(a.lags[0]!, b.lags[0]!));
}

/** 存在问题's paragraphs, each opening with its （一）; empty when nothing lags. */
export function problemParagraphs(p: Problems): string[] {
  const out: string[] = [];
  const point = (title: string, text: string) => out.push(`（${CN_NUM[out.length]}）${title}。${text}`);
  if (p.indicators.length) {
    const clauses = p.indicators.map((l) =>
      l.ratio ? `${l.name}为目标值的${l.completion}%` : `${l.name}${l.completion === null ? '' : `完成全年目标的${l.completion}%，`}${slow(l.gap)}`,
    );
    point('部分指标慢于序时进度', `全区有${p.indicators.length}项指标慢于序时进度：${clauses.join('；')}。`);
  }
  if (p.units.length) {
    const clauses = p.units.map((u) => `${u.unitName}${u.lags.length}项指标滞后，${u.lags.map((l) => `${l.name}${slow(l.gap)}`).join('，')}`);
    point('部分单位进度滞后', `${clauses.join('；')}。`);
  }
  if (p.projects.length) {
    const worst = [...p.projects].sort((a, b) => b.daysLate - a.daysLate).slice(0, 5);
    const list = worst.map((x) => `${x.project}（${x.unitName}，${x.milestone}滞后${x.daysLate}天）`).join('、');
    point('部分项目节点滞后', `${p.projects.length}个项目存在节点滞后，${p.projects.length > worst.length ? '滞后最多的是' : '分别是'}${list}。`);
  }
  if (p.tasks.length) {
    const units = unique(p.tasks.map((t) => t.unitName));
    point('部分督办任务逾期', `${p.tasks.length}项督办任务逾期未办结，涉及${names(units)}${units.length > 6 ? '单位' : ''}。`);
  }
  if (p.incomplete.length) {
    const text = p.incomplete
      .map((i) => `${i.name}${coverageText(i.coverage)}${i.coverage.missingUnitNames.length ? `，${names(i.coverage.missingUnitNames)}未报` : ''}`)
      .join('；');
    point('部分数据报送不全', `${text}。`);
  }
  return out;
}

/** 下步工作要求, drafted from the lagging items for the supervisor to edit; '' when nothing lags. */
export function requirementsDraft(p: Problems, nextLabel: string): string {
  const items: string[] = [];
  const item = (head: string, text: string) => items.push(`${CN_NUM[items.length]}要${head}。${text}`);
  const lagging = p.indicators.filter((l) => l.status === 'far_behind' || l.status === 'slightly_behind');
  const watched = lagging.length ? lagging : p.indicators;
  if (watched.length) {
    item('紧盯滞后指标', `${names(watched.map((l) => l.name))}${watched.length > 6 ? '指标' : ''}慢于序时进度，牵头部门要逐项分析原因、制定赶超措施，${nextLabel}力争追上序时进度。`);
  }
  if (p.units.length) {
    item('压实单位责任', `${names(p.units.map((u) => u.unitName))}${p.units.length > 6 ? '单位' : ''}要对照序时进度查漏补缺，主要负责同志亲自研究滞后指标，明确时间表、责任人。`);
  }
  if (p.projects.length) {
    const units = unique(p.projects.map((x) => x.unitName));
    item('加快项目推进', `${names(units)}${units.length > 6 ? '单位' : ''}要对${p.projects.length}个节点滞后项目倒排工期、挂图作战，确保滞后节点尽快完成。`);
  }
  if (p.tasks.length) {
    const units = unique(p.tasks.map((t) => t.unitName));
    item('抓好督办落实', `${names(units)}${units.length > 6 ? '单位' : ''}要对${p.tasks.length}项逾期任务逐项推进、限期销号，督查办将跟踪督办。`);
  }
  if (p.incomplete.length) {
    const missing = unique(p.incomplete.flatMap((i) => i.coverage.missingUnitNames));
    item('按时报送数据', `${missing.length ? `${names(missing)}${missing.length > 6 ? '单位' : ''}要` : '各单位要'}按时报送${p.incomplete.map((i) => i.name).join('、')}等数据，确保数据完整、准确。`);
  }
  return items.join('\n');
}

/** Numbers the sections present, consecutively: ['主要指标完成情况', …] → ['一、主要指标完成情况', …]. */
export function numberSections<T extends { title: string }>(sections: readonly (T | null | false | undefined)[]): (T & { heading: string })[] {
  return sections.filter((s): s is T => !!s).map((s, i) => ({ ...s, heading: `${CN_NUM[i]}、${s.title}` }));
}

/** What the next period is called in a requirement: '下半年', '下一季度', '下月', '下一阶段'. */
export function nextLabelOf(kind: string, lastMonth: number): string {
  if (kind === 'half' && lastMonth === 6) return '下半年';
  if (kind === 'quarter' && lastMonth < 12) return '下一季度';
  if (kind === 'month' && lastMonth < 12) return '下月';
  return '下一阶段';
}

const CATEGORY = { industrial: '重大产业项目', urban: '城建重点工程', livelihood: '民生实事' } as const;

/** The projects of the bulletin's year, as of its date. */
export interface ProjectsSummary {
  year: number;
  total: number;
  byCategory: Partial<Record<keyof typeof CATEGORY, number>>;
  /** Total investment in 亿元 and in 亿美元 (foreign-currency projects), as decimal strings. */
  investmentCny: string;
  investmentUsd: string;
  started: number;
  producing: number;
}

/** "全区列入2022年计划的项目11个，其中重大产业项目11个，计划总投资255亿元、10.7亿美元；截至…，已开工5个、已投产1个。" */
export function projectsSentence(s: ProjectsSummary, asOf: string, behind: number): string {
  const cats = (Object.keys(CATEGORY) as (keyof typeof CATEGORY)[]).filter((k) => s.byCategory[k]).map((k) => `${CATEGORY[k]}${s.byCategory[k]}个`);
  const money = [dec(s.investmentCny).isZero() ? '' : `${s.investmentCny}亿元`, dec(s.investmentUsd).isZero() ? '' : `${s.investmentUsd}亿美元`].filter(Boolean);
  const head = `全区列入${s.year}年计划的项目${s.total}个${cats.length ? `，其中${cats.join('、')}` : ''}${money.length ? `，计划总投资${money.join('、')}` : ''}。`;
  const stages = [s.started ? `已开工${s.started}个` : '', s.producing ? `已投产${s.producing}个` : ''].filter(Boolean);
  const late = behind ? `${behind}个项目存在节点滞后，具体如下。` : '各项目均无到期未完成的节点。';
  return `${head}截至${cnDate(asOf)}，${stages.length ? `${stages.join('、')}；` : ''}${late}`;
}

/** Supervision tasks as of the bulletin's date. */
export interface TasksSummary {
  total: number;
  closed: number;
  overdue: number;
}

/** "截至…，全区共有督办任务18项，已办结16项，正在办理2项，其中逾期未办结2项。" */
export function tasksSentence(s: TasksSummary, asOf: string): string {
  const open = s.total - s.closed;
  const parts = [`全区共有督办任务${s.total}项`, s.closed ? `已办结${s.closed}项` : '', open ? `正在办理${open}项` : ''].filter(Boolean);
  const late = s.overdue ? `，其中逾期未办结${s.overdue}项，具体如下` : open ? '，均在办结时限内' : '';
  return `截至${cnDate(asOf)}，${parts.join('，')}${late}。`;
}

/** What the outline needs of a bulletin's content (a structural subset of BulletinContent). */
export interface OutlineInput {
  asOf: string;
  timeProgress: string | null;
  summary?: string;
  zoneFigures?: readonly unknown[];
  indicators: readonly unknown[];
  projects?: ProjectsSummary | null;
  tasks?: TasksSummary | null;
  instructions?: InstructionsSummary | null;
  hazards?: HazardSection | null;
  projectsBehind: readonly unknown[];
  ranking: { schemeName: string; rows: readonly { unitName: string; redFlag: boolean }[] } | null;
  problems?: Problems;
}
export type SectionKey = 'indicators' | 'projects' | 'tasks' | 'instructions' | 'hazards' | 'ranking' | 'problems' | 'requirements';
export interface OutlineSection {
  key: SectionKey;
  title: string;
  heading: string;
  /** The text under the heading; the Word file adds the tables and charts of `key`. */
  paragraphs: string[];
}

/** The bulletin's sections past the lead, each only when something is behind it, numbered consecutively. */
export function bulletinOutline(c: OutlineInput, closing: string): OutlineSection[] {
  const problems = c.problems ? problemParagraphs(c.problems) : [];
  const requirements = closing.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  const flag = c.ranking?.rows.filter((r) => r.redFlag).map((r) => r.unitName) ?? [];
  const s = (key: SectionKey, title: string, paragraphs: string[]) => ({ key, title, paragraphs });
  return numberSections([
    (c.indicators.length > 0 || (c.zoneFigures ?? []).length > 0) &&
      s('indicators', '主要指标完成情况', [c.summary ?? `截至${cnDate(c.asOf)}，时间进度${c.timeProgress ?? '—'}%。主要指标完成情况如下。`]),
    c.projects && s('projects', '重点项目推进情况', [projectsSentence(c.projects, c.asOf, c.projectsBehind.length)]),
    c.tasks && s('tasks', '督查督办情况', [tasksSentence(c.tasks, c.asOf)]),
    // Left out when no instruction was written in the period (a section with nothing behind it).
    c.instructions && c.instructions.total > 0 && s('instructions', '批示落实情况', sectionParagraphs(c.instructions, c.asOf)),
    // Left out when no hazard was ever registered: 清零 of nothing is not said.
    c.hazards && s('hazards', '隐患排查整治情况', hazardParagraphs(c.hazards)),
    c.ranking &&
      s('ranking', '考核排名情况', [
        `根据${c.ranking.schemeName}考核结果，${flag.length ? `${flag.join('、')}综合得分位列第一，授予“流动红旗”` : '暂无单位获得“流动红旗”'}。各单位得分及排名如下。`,
      ]),
    problems.length > 0 && s('problems', '存在问题', problems),
    requirements.length > 0 && s('requirements', '下步工作要求', requirements),
  ]);
}
