// 领导批示 — the rules that need no database (pure, tested in rules.test.ts): whether
// a deadline may be set at the zone's date, how an instruction stands at a date
// (已办结 / 落实中 / 逾期), and the 批示落实情况 section of a bulletin, which states
// only what the instructions written in the period show.
import { cnDate, daysBetween, type IsoDate } from '../../shared/calendar';

export const SUBJECT_LABELS = {
  bulletin: { zh: '通报', en: 'Bulletin' },
  indicator: { zh: '指标', en: 'Indicator' },
  problem: { zh: '项目问题', en: 'Project problem' },
  appeal: { zh: '企业诉求', en: 'Enterprise appeal' },
} as const;

export type Standing = 'closed' | 'overdue' | 'open';

export interface InstructionFacts {
  deadline: string;
  /** The zone's date it was closed (办结), or null while open. */
  closedOn: string | null;
}

/** How an instruction stands at `asOf`: closed by then, past its deadline and open, or in hand. */
export function standingAt(i: InstructionFacts, asOf: IsoDate): Standing {
  if (i.closedOn !== null && i.closedOn <= asOf) return 'closed';
  return i.deadline < asOf ? 'overdue' : 'open';
}

/** Calendar days past the deadline at `asOf` (0 unless overdue). */
export function daysOverdue(i: InstructionFacts, asOf: IsoDate): number {
  return standingAt(i, asOf) === 'overdue' ? daysBetween(i.deadline, asOf) : 0;
}

export interface PeriodInstruction extends InstructionFacts {
  text: string;
  leaderName: string;
  leadUnitName: string;
  subjectLabel: string;
  writtenOn: string;
}

export interface InstructionsSummary {
  total: number;
  closed: number;
  /** In hand and within the deadline. */
  open: number;
  overdue: number;
  items: (PeriodInstruction & { standing: Standing; daysOverdue: number })[];
}

/** The instructions written in the period, judged at `asOf`; null when there are none (the section is left out). */
export function summarise(rows: readonly PeriodInstruction[], asOf: IsoDate): InstructionsSummary | null {
  if (!rows.length) return null;
  const items = [...rows]
    .sort((a, b) => a.writtenOn.localeCompare(b.writtenOn) || a.deadline.localeCompare(b.deadline))
    .map((r) => ({ ...r, standing: standingAt(r, asOf), daysOverdue: daysOverdue(r, asOf) }));
  const n = (s: Standing) => items.filter((i) => i.standing === s).length;
  return { total: items.length, closed: n('closed'), open: n('open'), overdue: n('overdue'), items };
}

const brief = (text: string, max = 40) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
};
const standingText = (i: InstructionsSummary['items'][number]) =>
  i.standing === 'closed' ? '已办结' : i.standing === 'overdue' ? `逾期${i.daysOverdue}天未办结` : '落实中';

/**
 * "本期区领导共作出批示3件，已办结1件，落实中1件，逾期未办结1件。" then one line per
 * instruction: （一）王主任批示通报“…”：“请经发局牵头…”（牵头单位经发局，时限9月30日，落实中）。
 */
export function sectionParagraphs(s: InstructionsSummary, asOf: IsoDate): string[] {
  const parts = [s.closed ? `已办结${s.closed}件` : '', s.open ? `落实中${s.open}件` : '', s.overdue ? `逾期未办结${s.overdue}件` : ''].filter(Boolean);
  const head = `截至${cnDate(asOf)}，本期区领导共作出批示${s.total}件，${parts.join('，')}。`;
  const lines = s.items.map((i, k) => {
    const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][k] ?? String(k + 1);
    return `（${cn}）${i.leaderName}批示${i.subjectLabel}：“${brief(i.text)}”（牵头单位${i.leadUnitName}，时限${cnDate(i.deadline)}，${standingText(i)}）。`;
  });
  return [head, ...lines];
}
