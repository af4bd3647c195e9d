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
}

export function completionBars(data: BarDatum[], expectedShare: string | null, look: ChartLook) {
  const fg = look.dark ? '#dbe6ff' : '#434343';
  const grid = look.dark ? 'rgba(255,255,255,0.12)' : '#f0f0f0';
  const fs = look.fontSize ?? 12;
  const max = Math.max(100, Number(expectedShare ?? 0) + 10, ...data.map((d) => Number(d.completion ?? 0) + 10));
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
    yAxis: {
      type: 'value',
      max: Math.ceil(max / 10) * 10,
      axisLabel: { color: fg, fontSize: fs, formatter: '{value}%' },
      splitLine: { lineStyle: { color: grid } },
    },
    series: [
      {
        name: look.seriesName,
        type: 'bar',
        barMaxWidth: 42,
        data: data.map((d) => ({ value: d.completion === null ? null : Number(d.completion), itemStyle: { color: statusColor(d.status) }, id: d.id })),
        label: {
          show: true,
          position: 'top',
          color: fg,
          fontSize: crowded ? Math.round(fs * 0.8) : fs,
          formatter: (p: { value: number | null }) => (p.value === null ? '' : crowded ? String(p.value) : `${p.value}%`),
        },
        markLine:
          expectedShare === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: look.dark ? '#ffd666' : '#1677ff', type: 'dashed', width: 2 },
                label: { color: look.dark ? '#ffd666' : '#1677ff', fontSize: fs, position: 'end', formatter: look.timeLineLabel.replace(' ', '\n') },
                data: [{ yAxis: Number(expectedShare) }],
              },
      },
    ],
  };
}

/** One indicator's units as bars. */
export const unitBars = (ind: IndicatorRow): BarDatum[] =>
  ind.units.filter((u) => u.floor !== null || u.value !== null).map((u) => ({ id: u.unitId, label: u.unitName, completion: u.completion, status: u.status }));

/** Indicators with a zone target as bars (the zone-level view, e.g. Huai’an’s department-reported figures). */
export const indicatorBars = (rows: IndicatorRow[]): BarDatum[] =>
  rows.filter((r) => r.floor !== null && r.kind !== 'ratio').map((r) => ({ id: r.id, label: r.name, completion: r.completion, status: r.status }));

/** Indicators that have units to compare (a unit target or figure). */
export const withUnits = (rows: IndicatorRow[]) => rows.filter((r) => unitBars(r).length > 0);
