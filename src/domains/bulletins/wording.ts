/**
 * The lead paragraph of a bulletin (通报), in the style of seed 001:
 * "今年上半年，完成一般公共预算收入18.56亿元、同比增长36.7%，税占比93.25%；新签约外资项目10个、
 * 计划总投资57.7亿元；…。"
 *
 * Punctuation, as official Chinese text has it (full-width): '、' joins a
 * figure with what qualifies it (its growth, its attached figures); '，' opens
 * a new statement about the same figure (share, completion, 其中…); '；'
 * separates figures; '。' ends the paragraph.
 *
 * Decimals: a figure keeps the decimals of its indicator (pass them as
 * `decimals`); without them amounts use the unit's default (亿元: 2), counts 0,
 * percentages 1. Any figure may override — seed 001 prints 计划总投资 once as
 * 57.7亿元 and once as 280.63亿元, so the first carries `decimals: 1`.
 */
import { dec, round, type DecimalLike } from '../../shared/decimal';
import { formatAmount, formatCount, formatGapToTimeProgress, formatPercent, formatYoy } from '../../shared/format';

type Maybe = DecimalLike | null | undefined;

export type FigureKind = 'amount' | 'count' | 'ratio';

/** A figure inside another: an attached one (计划总投资…) or a part (其中出口…). */
export interface BulletinPart {
  name: string;
  value: DecimalLike;
  unit: string;
  kind?: FigureKind; // default 'amount'
  decimals?: number;
  verb?: string;
  yoy?: Maybe;
}

export interface BulletinFigure extends BulletinPart {
  kind: FigureKind;
  /** '完成' | '预计完成' | '新签约' …; none by default (no verb is guessed). */
  verb?: string;
  /** Figures attached with '、': 新签约外资项目10个、计划总投资57.7亿元. */
  related?: readonly BulletinPart[];
  /** A share stated after the figure: ，税占比93.25% (value in percent). */
  share?: { name: string; value: Maybe; decimals?: number };
  /** Percent of the annual target reached, and the time progress it is judged against. */
  completion?: Maybe;
  expectedShare?: Maybe;
  /** Sub-items: ，其中出口57.6亿元、同比增长5.2% (several are joined with '，'). */
  parts?: readonly BulletinPart[];
}

const present = (x: Maybe): x is DecimalLike => x !== null && x !== undefined && !(typeof x === 'string' && x.trim() === '');

/** "出口57.6亿元、同比增长5.2%" — verb, name, value with unit, then growth. */
function partText(p: BulletinPart): string {
  const kind = p.kind ?? 'amount';
  const value =
    kind === 'amount'
      ? formatAmount(p.value, p.unit, { decimals: p.decimals })
      : kind === 'count'
        ? formatCount(p.value, p.unit, { decimals: p.decimals ?? 0 })
        : `${round(p.value, p.decimals ?? 1)}${p.unit || '%'}`; // a ratio's value is already in its unit
  const growth = present(p.yoy) ? `、${formatYoy(p.yoy)}` : '';
  return `${p.verb ?? ''}${p.name}${value}${growth}`;
}

/**
 * "完成全年目标的62.0%，快于序时进度12个百分点". The gap is taken between the
 * figures as printed (0.1%), so the sentence adds up for its reader.
 */
export function completionText(completion: DecimalLike, expectedShare?: Maybe): string {
  const c = round(completion, 1);
  const head = `完成全年目标的${c}%`;
  if (!present(expectedShare)) return head;
  const gap = dec(c).minus(round(expectedShare, 1));
  return `${head}，${formatGapToTimeProgress(gap)}`;
}

/** One figure's clause, without the separator that follows it. */
export function figureClause(f: BulletinFigure): string {
  let text = partText(f);
  for (const r of f.related ?? []) text += `、${partText(r)}`;
  if (f.share && present(f.share.value)) text += `，${f.share.name}${formatPercent(f.share.value, f.share.decimals ?? 1)}`;
  if (present(f.completion)) text += `，${completionText(f.completion, f.expectedShare)}`;
  const parts = f.parts ?? [];
  if (parts.length > 0) text += `，其中${parts.map(partText).join('，')}`;
  return text;
}

export interface LeadOptions {
  /** Replaces '今年' before a bare period label, e.g. '2023年'. */
  yearPrefix?: string;
}

/**
 * '上半年' → '今年上半年，…。'. A label that already names its year
 * ('2023年1-10月', '今年一季度', '去年…') is used as it is.
 */
export function leadParagraph(periodLabel: string, figures: readonly BulletinFigure[], opts: LeadOptions = {}): string {
  if (figures.length === 0) return '';
  const hasYear = /^(今年|去年|上年|本年|\d{4}年)/.test(periodLabel);
  const lead = hasYear ? periodLabel : `${opts.yearPrefix ?? '今年'}${periodLabel}`;
  return `${lead}，${figures.map(figureClause).join('；')}。`;
}
