// 挂图作战: the Gantt of every project (baseline against forecast, today's line,
// behind / at risk / on time colours), the zone map coloured by stage, and a board
// grouped by stage, all under the same filters; Gantt and map export as PNG.
import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Empty, Segmented, Space, Spin, Tag, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { STAGES, type Filters, type Project, type Status } from './api';
import { downloadPng, type ChartInstance } from './EChart';
import { FilterBar } from './Filters';
import { STATUS_COLORS, yi } from './format';
import { Gantt, projectRows } from './Gantt';
import { usePT } from './i18n';
import { useBattleMap, useOptions } from './queries';
import { ZoneMap } from './ZoneMap';
import { StatusTag } from './parts';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';

type View = 'gantt' | 'map' | 'board';

export default function BattleMapPage() {
  const pt = usePT();
  const navigate = useNavigate();
  const options = useOptions();
  const [filters, setFilters] = useState<Filters>({});
  const [view, setView] = useState<View>('gantt');
  const f = { ...filters, year: filters.year ?? (options.data ? Number(options.data.today.slice(0, 4)) : undefined) };
  const map = useBattleMap(f);
  const chart = useRef<ChartInstance | null>(null);
  const keep = useCallback((c: ChartInstance) => void (chart.current = c), []);
  const open = useCallback((id: string) => navigate(`/projects/p/${id}`), [navigate]);
  const data = map.data;
  // A zone without projects yet: what to do first, not a row of zero counts.
  const emptyZone = useNextStep('projects') !== null && data?.projects.length === 0;
  const counts = emptyZone ? undefined : data?.counts;
  return (
    <div data-testid="battle-map">
      <div className="gj-pj-toolbar">
        <FilterBar value={f} onChange={setFilters} />
        <Space>
          <Segmented<View>
            data-testid="view-switch"
            value={view}
            onChange={setView}
            options={[
              { value: 'gantt', label: pt('view.gantt') },
              { value: 'map', label: pt('view.map') },
              { value: 'board', label: pt('view.board') },
            ]}
          />
          {view !== 'board' && (
            <Button icon={<DownloadOutlined />} data-testid="export-png" onClick={() => downloadPng(chart.current, `${pt('tab.map')}-${pt(`view.${view}`)}-${data?.today ?? ''}`)}>
              {pt('export.png')}
            </Button>
          )}
        </Space>
      </div>
      {counts && data && (
        <div className="gj-pj-counts" data-testid="status-counts">
          <span>
            {pt('count.total')} <b>{data.projects.length}</b>
          </span>
          {(['behind', 'at_risk', 'on_time', 'done'] as Status[]).map((s) => (
            <span key={s}>
              <i className="gj-pj-dot" style={{ background: STATUS_COLORS[s] }} />
              {pt(`status.${s}`)} <b>{counts[s]}</b>
            </span>
          ))}
          <span className="gj-pj-today">
            {pt('today')} {data.today}
          </span>
        </div>
      )}
      {!data ? (
        <Spin />
      ) : emptyZone ? (
        <ZoneEmpty page="projects" />
      ) : data.projects.length === 0 ? (
        <Empty description={pt('empty')} />
      ) : view === 'gantt' ? (
        <Gantt rows={projectRows(data.projects, (s) => pt(`stage.${s}`))} today={data.today} onReady={keep} onClick={open} testId="gantt" />
      ) : view === 'map' ? (
        <ZoneMap outline={data.outline} outlineDemo={data.outlineDemo} projects={data.projects} onReady={keep} onOpen={open} height={600} />
      ) : (
        <Board projects={data.projects} onOpen={open} />
      )}
    </div>
  );
}

function Board({ projects, onOpen }: { projects: Project[]; onOpen(id: string): void }) {
  const pt = usePT();
  return (
    <div className="gj-pj-board" data-testid="board">
      {STAGES.map((s) => {
        const list = projects.filter((p) => p.stage === s);
        return (
          <div key={s} className="gj-pj-board-col" data-testid={`board-${s}`}>
            <div className="gj-pj-board-head">
              {pt(`stage.${s}`)} <span>{list.length}</span>
            </div>
            {list.map((p) => (
              <Card key={p.id} size="small" className="gj-pj-card" hoverable onClick={() => onOpen(p.id)} style={{ borderLeft: `4px solid ${STATUS_COLORS[p.status]}` }}>
                <div className="gj-pj-card-name">
                  {p.keyProject && <Tag color="red">{pt('key')}</Tag>}
                  {p.name}
                </div>
                <div className="gj-pj-card-meta">
                  {p.currency === 'USD' ? pt('yiUsd', { v: yi(p.totalInvestment) }) : pt('yi', { v: yi(p.totalInvestment) })} · {p.responsibleUnitName}
                </div>
                <div className="gj-pj-card-meta">
                  <StatusTag status={p.status} />
                  {p.openProblems > 0 && (
                    <Tooltip title={pt('col.problems')}>
                      <Tag color="orange">{p.openProblems}</Tag>
                    </Tooltip>
                  )}
                  {p.forecastCompletion && (
                    <span>
                      {pt('col.forecast')} {p.forecastCompletion}
                    </span>
                  )}
                </div>
              </Card>
            ))}
          </div>
        );
      })}
    </div>
  );
}
