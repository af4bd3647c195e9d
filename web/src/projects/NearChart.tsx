// An ECharts chart for a part of a page below its first screen: ECharts itself (≈170 KB
// gzip) loads when the chart's place comes near the viewport, not with the page. Until
// then the box keeps the chart's height and shows a spinner, never a figure.
import { lazy, type ComponentProps } from 'react';
import { Spin } from 'antd';
import { WhenNear } from '../shell/WhenNear';
import type { EChart as EagerChart } from './EChart';

const EChart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

export function NearChart(props: ComponentProps<typeof EagerChart>) {
  const waiting = (
    <div style={{ height: props.height, display: 'flex', alignItems: 'center', justifyContent: 'center' }} data-testid="chart-loading">
      <Spin />
    </div>
  );
  return (
    <WhenNear placeholder={waiting}>
      <EChart {...props} />
    </WhenNear>
  );
}
