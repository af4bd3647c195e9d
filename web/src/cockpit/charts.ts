// ECharts options of the cockpit: bars (completion of the floor target, coloured
// by status) against the time-progress line. Pure: data in, option out.
import type { IndicatorRow, Status } from './api';
import { statusColor } from './format';

export interface BarDatum {
  id: string;
  label: string;
  completion: string | null;
  status: Status | null;
}

export interface ChartLook {
  dark?: boolean;
  fontSize?: number;
  timeLineLabel: string;
  seriesName: string;
  /** Bars lying down, names on the left in full (long names, many bars). */
  horizontal?: boolean;
}

export function completionBars(data: BarDatum[], expectedShare: string | null, look: ChartLook) {
  if (look.horizontal) return lyingBars(data, expectedShare, look);
  const fg = look.dark ? '#dbe6ff' : '#434343';
  const grid = look.dark ? 'rgba(255,255,255,0.12)' : '#f0f0f0';
  const fs = look.fontSize ?? 12;
  // Many bars leave each label less room than "54.6%": smaller, and without the % the axis already shows.
  const crowded = data.length > 6;
  return {
    animation: false,
    grid: { left: 8 + (data.length > 6 ? 3 * fs : 0), right: 16 + 5 * fs, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    xAxis: {
      type: 'category',
      data: data.map((d) => d.label),
      axisLabel: { color: fg, fontSize: fs, interval: 0, rotate: data.length > 6 ? 30 : 0, overflow: 'truncate', width: data.length > 6 ? 9 * fs : Math.max(48, 560 / Math.max(1, data.length)) },
      axisLine: { lineStyle: { color: grid } },
    },
    yAxis: { type: 'value', max: axisMax(data, expectedShare), axisLabel: { color: fg, fontSize: fs, formatter: '{value}%' }, splitLine: { lineStyle: { color: grid } } },
    series: [{ ...barSeries(data, look), label: { ...barLabel(look, crowded ? Math.round(fs * 0.8) : fs, crowded), position: 'top' }, markLine: timeLine(expectedShare, look, 'yAxis') }],
  };
}

/** The same bars lying down: every name written out on the left, the time-progress line upright. */
function lyingBars(data: BarDatum[], expectedShare: string | null, look: ChartLook) {
  const fg = look.dark ? '#dbe6ff' : '#434343';
  const grid = look.dark ? 'rgba(255,255,255,0.12)' : '#f0f0f0';
  const fs = look.fontSize ?? 12;
  return {
    animation: false,
    grid: { left: 8, right: 24 + 3 * fs, top: 12 + 2 * fs, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    // Long names wrap onto further lines rather than pushing the bars aside.
    yAxis: { type: 'category', inverse: true, data: data.map((d) => d.label), axisLabel: { color: fg, fontSize: fs, interval: 0, width: 10 * fs, overflow: 'break', lineHeight: Math.round(fs * 1.15) }, axisLine: { lineStyle: { color: grid } } },
    xAxis: { type: 'value', max: axisMax(data, expectedShare), axisLabel: { color: fg, fontSize: Math.round(fs * 0.8), formatter: '{value}%' }, splitLine: { lineStyle: { color: grid } } },
    series: [{ ...barSeries(data, look), label: { ...barLabel(look, fs, false), position: 'right' }, markLine: timeLine(expectedShare, look, 'xAxis') }],
  };
}

const axisMax = (data: BarDatum[], expectedShare: string | null) =>
  Math.ceil(Math.max(100, Number(expectedShare ?? 0) + 10, ...data.map((d) => Number(d.completion ?? 0) + 10)) / 10) * 10;

const barSeries = (data: BarDatum[], look: ChartLook) => ({
  name: look.seriesName,
  type: 'bar' as const,
  barMaxWidth: 42,
  // `text` keeps the figure as computed ("59.0"): Number() would print it as 59.
  data: data.map((d) => ({ value: d.completion === null ? null : Number(d.completion), text: d.completion, itemStyle: { color: statusColor(d.status) }, id: d.id })),
});

const barLabel = (look: ChartLook, fontSize: number, bare: boolean) => ({
  show: true,
  color: look.dark ? '#dbe6ff' : '#434343',
  fontSize,
  formatter: (p: { value: number | null; data?: { text?: string | null } }) => {
    if (p.value === null) return '';
    const text = p.data?.text ?? String(p.value);
    return bare ? text : `${text}%`;
  },
});

function timeLine(expectedShare: string | null, look: ChartLook, axis: 'xAxis' | 'yAxis') {
  if (expectedShare === null) return undefined;
  const color = look.dark ? '#ffd666' : '#1677ff';
  return {
    symbol: 'none',
    silent: true,
    lineStyle: { color, type: 'dashed', width: 2 },
    // Upright (lying bars, first bar on top) the line's start is its top: the label goes there, clear of the axis.
    label: { color, fontSize: look.fontSize ?? 12, position: axis === 'yAxis' ? 'end' : 'start', formatter: axis === 'yAxis' ? look.timeLineLabel.replace(' ', '\n') : look.timeLineLabel },
    data: [{ [axis]: Number(expectedShare) }],
  };
}

/** A list cut into pages of at most `size` (one page when empty). */
export function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/** One indicator's units as bars. */
export const unitBars = (ind: IndicatorRow): BarDatum[] =>
  ind.units.filter((u) => u.floor !== null || u.value !== null).map((u) => ({ id: u.unitId, label: u.unitName, completion: u.completion, status: u.status }));

/** Indicators with a zone target as bars (the zone-level view, e.g. Huai’an’s department-reported figures). */
export const indicatorBars = (rows: IndicatorRow[]): BarDatum[] =>
  rows.filter((r) => r.floor !== null && r.kind !== 'ratio').map((r) => ({ id: r.id, label: r.name, completion: r.completion, status: r.status }));

/** Indicators that have units to compare (a unit target or figure). */
export const withUnits = (rows: IndicatorRow[]) => rows.filter((r) => unitBars(r).length > 0);
