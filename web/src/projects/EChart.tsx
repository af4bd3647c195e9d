// One ECharts instance in a div: options in, the instance out (for PNG export and
// clicks), resized with its box. Nothing here fetches tiles or anything online.
// ECharts through `echarts/core` with only the charts and components the app draws.
// Registered here: what the cockpit and the big screen draw (bars, a mark line, on canvas),
// so their first load carries nothing else; the tooltip and its pointer when a pointer first
// comes over any chart (echartsTooltip.ts), the option's tooltip left out until then; the
// line and legend of the enterprise and attraction charts, the map (ZoneMap) and the
// Gantt (Gantt) register their own pieces where they are drawn.
// A chart type or component used elsewhere must be registered (ECharts warns in the
// console otherwise, which fails the browser tests).
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridSimpleComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CustomSeriesOption } from 'echarts/charts';

echarts.use([BarChart, GridSimpleComponent, MarkLineComponent, CanvasRenderer]);

let tooltip: Promise<void> | undefined;
let tooltipReady = false;
/** Registers the tooltip once, for every chart. */
const loadTooltip = () =>
  (tooltip ??= import('./echartsTooltip').then(
    () => {
      tooltipReady = true;
    },
    (err: unknown) => {
      tooltip = undefined; // the next hover tries again
      throw err;
    },
  ));

/** The option without what needs the tooltip, until it is registered. */
function shown(option: echarts.EChartsCoreOption, withTooltip: boolean): echarts.EChartsCoreOption {
  if (withTooltip) return option;
  const { tooltip: _left, ...rest } = option;
  return rest;
}

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
  const hasTooltip = 'tooltip' in option;
  const [withTooltip, setWithTooltip] = useState(tooltipReady);
  const pointerCame = () => {
    if (hasTooltip && !withTooltip) loadTooltip().then(() => setWithTooltip(true), () => undefined);
  };
  // A new instance once the tooltip is on: an instance keeps the processors registered
  // before it was made, and the axis pointer's is one of them.
  const replaced = useRef(false);
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
      replaced.current = true;
    };
  }, [withTooltip]);
  useEffect(() => {
    if (!chart.current) return;
    const next = hasTooltip ? shown(option, withTooltip) : option;
    // Drawn again on the new instance as it stood, without replaying its animation.
    chart.current.setOption(replaced.current ? { ...next, animation: false } : next, { notMerge: true });
    replaced.current = false;
    onReady?.(chart.current);
  }, [option, onReady, withTooltip, hasTooltip]);
  // data-tooltip: whether the option's tooltip is on yet (a pointer first came over a chart).
  const tooltipState = hasTooltip ? (withTooltip ? 'ready' : 'waiting') : undefined;
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} data-tooltip={tooltipState} onPointerEnter={pointerCame} onPointerMove={pointerCame} />;
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
