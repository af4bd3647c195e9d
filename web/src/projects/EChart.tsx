// One ECharts instance in a div: options in, the instance out (for PNG export and
// clicks), resized with its box. Nothing here fetches tiles or anything online.
// ECharts through `echarts/core` with only the charts and components the app draws.
// Registered here: what the cockpit and the big screen draw (bars, a mark line, a tooltip
// with its shadow pointer, on canvas), so their first load carries nothing else; the
// line and legend of the enterprise and attraction charts, the map (ZoneMap) and the
// Gantt (Gantt) register their own pieces where they are drawn.
// A chart type or component used elsewhere must be registered (ECharts warns in the
// console otherwise, which fails the browser tests).
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AxisPointerComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CustomSeriesOption } from 'echarts/charts';

echarts.use([BarChart, AxisPointerComponent, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type { CustomSeriesOption };

export type ChartInstance = echarts.ECharts;

export function EChart({
  option,
  height,
  onReady,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  /** Pixels, or a CSS length such as '100%' for a chart that fills its box. */
  height: number | string;
  onReady?: (chart: ChartInstance) => void;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (!chart.current) return;
    chart.current.setOption(option, { notMerge: true });
    onReady?.(chart.current);
  }, [option, onReady]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}

/** Saves what the chart shows as a PNG file (white background, twice the screen resolution). */
export function downloadPng(chart: ChartInstance | null, name: string) {
  if (!chart) return;
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export { echarts };
