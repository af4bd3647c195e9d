// Figures on the cockpit written the way the zone writes them: the server's own
// wording rules (src/shared/format.ts), so the page says exactly what a bulletin says.
import { formatAmount, formatCount, formatGapToTimeProgress, formatPercent, formatYoy, MISSING } from '../../../src/shared/format';
import type { Lang } from '../i18n/dict';
import type { Status } from './api';

export { formatGapToTimeProgress, formatPercent, formatYoy, MISSING };

/** A figure with its measure: 18.56亿元, 49个, 93.25%. */
export function figure(value: string | null, measure: string, decimals: number, lang: Lang): string {
  if (value === null) return MISSING;
  if (measure === '%') return formatPercent(value, decimals);
  if (['个', '家', '项', '户', '人'].includes(measure)) return formatCount(value, measure, { decimals, lang });
  return formatAmount(value, measure, { decimals, lang });
}

/** A plain percentage with one decimal, or —. */
export const pct = (v: string | null) => formatPercent(v, 1);

/** Green ahead/on track, amber slightly behind, red far behind, grey without a figure. */
export const STATUS_COLOR: Record<Status | 'none', string> = {
  ahead: '#389e0d',
  on_track: '#52c41a',
  slightly_behind: '#d48806',
  far_behind: '#cf1322',
  none: '#bfbfbf',
};
export const statusColor = (s: Status | null) => STATUS_COLOR[s ?? 'none'];
