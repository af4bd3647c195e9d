// The zone map: the outline the zone uploaded (GeoJSON) drawn by ECharts registerMap,
// projects as points coloured by stage; in pick mode a click returns the coordinates.
// No tiles, nothing online.
import { useMemo } from 'react';
import { Alert } from 'antd';
import type { GeoJson, Project, Stage } from './api';
import { tooltipLines } from '../charts/html';
import { EChart, echarts, type ChartInstance } from './EChart';
import { EffectScatterChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent } from 'echarts/components';
import { STAGE_COLORS } from './format';
import { usePT } from './i18n';

echarts.use([GeoComponent, LegendComponent, ScatterChart, EffectScatterChart]);

const MAP = 'gj-zone';
let registered = '';

function register(outline: GeoJson) {
  const key = JSON.stringify(outline);
  if (registered === key) return;
  echarts.registerMap(MAP, outline as never);
  registered = key;
}

export function ZoneMap({
  outline,
  outlineDemo,
  projects,
  height = 560,
  picked,
  onPick,
  onReady,
  onOpen,
}: {
  outline: GeoJson | null;
  outlineDemo: boolean;
  projects: Pick<Project, 'id' | 'name' | 'stage' | 'lng' | 'lat' | 'keyProject'>[];
  height?: number;
  picked?: [number, number] | null;
  onPick?: (lngLat: [number, number]) => void;
  onReady?: (c: ChartInstance) => void;
  onOpen?: (id: string) => void;
}) {
  const pt = usePT();
  const option = useMemo(() => {
    if (!outline) return null;
    register(outline);
    const stages = Object.keys(STAGE_COLORS) as Stage[];
    const located = projects.filter((p) => p.lng !== null && p.lat !== null);
    return {
      animation: false,
      tooltip: { trigger: 'item', formatter: (p: { data?: { name: string } }) => tooltipLines(p.data?.name) },
      legend: { bottom: 8, data: stages.map((s) => pt(`stage.${s}`)), selectedMode: false },
      geo: {
        map: MAP,
        roam: true,
        layoutCenter: ['50%', '48%'],
        layoutSize: '92%',
        itemStyle: { areaColor: '#fff7e6', borderColor: '#d4380d', borderWidth: 1.5 },
        emphasis: { disabled: true },
        label: { show: true, color: '#ad6800', fontSize: 12 },
      },
      series: [
        ...stages.map((s) => ({
          name: pt(`stage.${s}`),
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 14,
          itemStyle: { color: STAGE_COLORS[s], borderColor: '#fff', borderWidth: 1.5 },
          label: { show: true, position: 'right', fontSize: 11, color: '#262626', formatter: (p: { data: { short: string } }) => p.data.short },
          data: located.filter((p) => p.stage === s).map((p) => ({ id: p.id, name: p.name, short: p.name.length > 10 ? `${p.name.slice(0, 10)}…` : p.name, value: [p.lng, p.lat], symbol: p.keyProject ? 'pin' : 'circle', symbolSize: p.keyProject ? 26 : 14 })),
        })),
        ...(picked
          ? [{ name: 'picked', type: 'effectScatter', coordinateSystem: 'geo', symbolSize: 16, itemStyle: { color: '#cf1322' }, data: [{ name: pt('map.picked', { lng: picked[0].toFixed(5), lat: picked[1].toFixed(5) }), value: picked }] }]
          : []),
      ],
    } as echarts.EChartsCoreOption;
  }, [outline, projects, picked, pt]);

  const ready = useMemo(
    () => (c: ChartInstance) => {
      c.getZr().off('click');
      c.off('click');
      if (onPick) {
        c.getZr().on('click', (e) => {
          const at = c.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as number[] | undefined;
          if (at && Number.isFinite(at[0]) && Number.isFinite(at[1])) onPick([Number(at[0]!.toFixed(6)), Number(at[1]!.toFixed(6))]);
        });
      }
      if (onOpen) c.on('click', (p) => { const id = (p.data as { id?: string } | undefined)?.id; if (id) onOpen(id); });
      onReady?.(c);
    },
    [onPick, onOpen, onReady],
  );

  if (!option) return <Alert type="info" showIcon title={pt('map.none')} />;
  return (
    <div>
      {outlineDemo && <div className="gj-pj-demo-note" data-testid="map-demo-note">{pt('map.demo')}</div>}
      <EChart option={option} height={height} onReady={ready} testId="zone-map" />
    </div>
  );
}
