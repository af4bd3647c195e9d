// ECharts' tooltip and its axis pointer (≈ 20 KB gzip with the grid's pointer part), registered when a pointer first
// comes over a chart (EChart.tsx): a tooltip only ever shows under one.
import * as echarts from 'echarts/core';
import { AxisPointerComponent, TooltipComponent } from 'echarts/components';

echarts.use([AxisPointerComponent, TooltipComponent]);
