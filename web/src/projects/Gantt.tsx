// Gantt by ECharts custom series: one row per project (battle map) or per milestone
// (a project's plan). A thin grey bar is the baseline, the coloured bar the forecast
// (colour = behind / at risk / on time / done), diamonds mark 签约/开工/投产, and a
// red line marks today.
import { useMemo } from 'react';
import type { Milestone, Project, Stage, Status } from './api';
import { tooltipLines } from '../charts/html';
import { EChart, echarts, type ChartInstance, type CustomSeriesOption } from './EChart';
import { CustomChart, ScatterChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { STATUS_COLORS } from './format';
import { usePT } from './i18n';

echarts.use([CustomChart, ScatterChart, LegendComponent]);

export interface GanttRow {
  id: string;
  label: string;
  baselineStart: string | null;
  baselineEnd: string | null;
  start: string;
  end: string;
  status: Status;
  marks: { date: string; label: string; done: boolean }[];
  /** Lines of the tooltip, as text (escaped when shown). */
  tooltip: string[];
}

const day = (d: string) => new Date(`${d}T00:00:00+08:00`).getTime();
const DAY = 86_400_000;

export function projectRows(projects: Project[], stageLabel: (s: Stage) => string): GanttRow[] {
  return projects
    .filter((p) => p.milestones.length > 0)
    .map((p) => {
      const ms = p.milestones;
      const min = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort()[0] ?? null;
      const max = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort().at(-1) ?? null;
      return {
        id: p.id,
        label: `${p.keyProject ? '★ ' : ''}${p.name}`,
        baselineStart: min(ms.map((m) => m.baselineStart)),
        baselineEnd: max(ms.map((m) => m.baselineEnd)),
        start: min(ms.map((m) => m.forecastStart))!,
        end: max(ms.map((m) => m.forecastEnd))!,
        status: p.status,
        marks: ms.flatMap((m) => (m.marksStage ? [{ date: m.actualEnd ?? m.forecastEnd, label: stageLabel(m.marksStage), done: !!m.actualEnd }] : [])),
        tooltip: [p.name, p.responsibleUnitName],
      };
    });
}

export function milestoneRows(ms: Milestone[]): GanttRow[] {
  return ms.map((m) => ({
    id: m.id,
    label: m.name,
    baselineStart: m.baselineStart,
    baselineEnd: m.baselineEnd,
    start: m.actualStart ?? m.forecastStart,
    end: m.actualEnd ?? m.forecastEnd,
    status: m.status,
    marks: [],
    tooltip: [m.name, m.department],
  }));
}

export function Gantt({ rows, today, height, onReady, onClick, testId }: { rows: GanttRow[]; today: string; height?: number; onReady?: (c: ChartInstance) => void; onClick?: (id: string) => void; testId?: string }) {
  const pt = usePT();
  const h = height ?? Math.max(260, rows.length * 30 + 90);
  const option = useMemo(() => {
    const labels = rows.map((r) => r.label);
    const all = rows.flatMap((r) => [r.start, r.end, r.baselineStart, r.baselineEnd]).filter((x): x is string => !!x);
    all.push(today);
    const minX = Math.min(...all.map(day)) - 7 * DAY;
    const maxX = Math.max(...all.map(day)) + 7 * DAY;
    const bar = (kind: 'baseline' | 'forecast'): CustomSeriesOption['renderItem'] =>
      (params, api) => {
        const i = api.value(0) as number;
        const s = api.value(1) as number;
        const e = api.value(2) as number;
        if (!s || !e) return { type: 'group', children: [] };
        const p0 = api.coord([s, i]);
        const p1 = api.coord([e + DAY, i]);
        const band = (api.size!([0, 1]) as number[])[1]!;
        const hh = kind === 'baseline' ? band * 0.18 : band * 0.42;
        const y = kind === 'baseline' ? p0[1]! + band * 0.24 : p0[1]! - band * 0.3;
        const rect = echarts.graphic.clipRectByRect(
          { x: p0[0]!, y, width: Math.max(2, p1[0]! - p0[0]!), height: hh },
          params.coordSys as unknown as { x: number; y: number; width: number; height: number },
        );
        return rect
          ? { type: 'rect', shape: rect, style: { fill: kind === 'baseline' ? '#bfbfbf' : (api.value(3) as string) }, styleEmphasis: {} }
          : { type: 'group', children: [] };
      };
    return {
      animation: false,
      grid: { left: 10, right: 30, top: 40, bottom: 30, containLabel: true },
      legend: { top: 4, data: [pt('baseline'), pt('forecast')], selectedMode: false },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; dataIndex: number; value: unknown[] }) => {
          const r = rows[p.dataIndex];
          if (!r) return '';
          return tooltipLines(...r.tooltip, `${pt('baseline')}：${r.baselineStart ?? '—'} ~ ${r.baselineEnd ?? '—'}`, `${pt('forecast')}：${r.start} ~ ${r.end}`, pt(`status.${r.status}`));
        },
      },
      xAxis: { type: 'time', position: 'top', min: minX, max: maxX, splitLine: { show: true, lineStyle: { color: '#f0f0f0' } }, axisLabel: { formatter: '{yyyy}-{MM}' } },
      yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false }, axisLabel: { width: 230, overflow: 'truncate', color: '#262626' } },
      series: [
        {
          name: pt('baseline'),
          type: 'custom',
          renderItem: bar('baseline'),
          encode: { x: [1, 2], y: 0 },
          itemStyle: { color: '#bfbfbf' },
          data: rows.map((r, i) => [i, r.baselineStart ? day(r.baselineStart) : 0, r.baselineEnd ? day(r.baselineEnd) : 0]),
        },
        {
          name: pt('forecast'),
          type: 'custom',
          renderItem: bar('forecast'),
          encode: { x: [1, 2], y: 0 },
          itemStyle: { color: STATUS_COLORS.on_time },
          data: rows.map((r, i) => [i, day(r.start), day(r.end), STATUS_COLORS[r.status]]),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#cf1322', type: 'dashed', width: 1.5 },
            label: { formatter: `${pt('today')} ${today}`, position: 'end', color: '#cf1322' },
            data: [{ xAxis: day(today) }],
          },
        },
        {
          name: 'marks',
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 11,
          tooltip: { formatter: (p: { value: [number, number, string] }) => tooltipLines(p.value[2]) },
          data: rows.flatMap((r, i) =>
            r.marks.map((m) => ({ value: [day(m.date), i, `${m.label} ${m.date}`], itemStyle: { color: m.done ? '#262626' : '#fff', borderColor: '#262626', borderWidth: 1.5 } })),
          ),
          label: { show: rows.length <= 30, position: 'top', distance: 2, fontSize: 10, color: '#595959', formatter: (p: { value: [number, number, string] }) => p.value[2].split(' ')[0] },
        },
      ],
    } as echarts.EChartsCoreOption;
  }, [rows, today, pt]);
  const ready = useMemo(
    () => (c: ChartInstance) => {
      c.off('click');
      if (onClick) c.on('click', (p) => { const r = rows[p.dataIndex as number]; if (r && p.seriesType === 'custom') onClick(r.id); });
      onReady?.(c);
    },
    [onClick, onReady, rows],
  );
  return <EChart option={option} height={h} onReady={ready} testId={testId} />;
}
