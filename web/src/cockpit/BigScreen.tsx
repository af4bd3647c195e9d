// 数据大屏: the cockpit of a month on a meeting-room wall — full screen, dark,
// large type, refreshing itself every minute; the unit charts take turns.
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Spin } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../i18n';
import { QueryError } from '../system/QueryError';
import { EChart } from '../projects/EChart';
import type { Cockpit, IndicatorRow } from './api';
import { completionBars, indicatorBars, unitBars, withUnits } from './charts';
import { figure, formatYoy, pct, statusColor } from './format';
import { periodLabel, useCkT } from './i18n';
import { CampaignCountdown, RankChange } from './parts';
import { useCockpit } from './queries';

const REFRESH_MS = 60_000;
const ROTATE_MS = 15_000;
const MAX_TILES = 15;

export default function BigScreen() {
  const ct = useCkT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const q = useCockpit(period, REFRESH_MS);
  return (
    <div className="gj-screen" data-testid="big-screen">
      <Button className="gj-screen-exit" type="text" icon={<CloseOutlined />} onClick={() => navigate(`/cockpit${period ? `?period=${period}` : ''}`)} aria-label={ct('screen.exit')} title={ct('screen.exit')} />
      {q.error ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : !q.data ? <Spin size="large" /> : <Wall d={q.data} updatedAt={q.dataUpdatedAt} />}
    </div>
  );
}

function Wall({ d, updatedAt }: { d: Cockpit; updatedAt: number }) {
  const ct = useCkT();
  const tiles = d.indicators.filter((i) => i.value !== null || i.floor !== null).slice(0, MAX_TILES);
  return (
    <div className="gj-screen-grid">
      <header className="gj-screen-head">
        <div className="gj-screen-title">{ct('screen.title', { zone: d.zone.name })}</div>
        <div className="gj-screen-meta">
          <span data-testid="screen-period">
            {periodLabel(ct, d.period)}
          </span>
          <span>
            {ct('timeProgress')} <b className="gj-screen-tp">{pct(d.timeProgress)}</b>
          </span>
          <span className="gj-screen-small">{ct('screen.updated', { time: dayjs(updatedAt).format('HH:mm') })}</span>
        </div>
      </header>
      <section className="gj-screen-tiles">
        {tiles.map((ind) => (
          <Tile key={ind.id} ind={ind} />
        ))}
      </section>
      <section className="gj-screen-chart">
        <RotatingChart d={d} />
        <Panel title={ct('section.behind')}>
          {d.behind.length === 0 ? (
            <div className="gj-screen-small">{ct('behind.none')}</div>
          ) : (
            <table className="gj-screen-table">
              <tbody>
                {d.behind.slice(0, 6).map((b) => (
                  <tr key={`${b.indicatorId}|${b.unitId}`}>
                    <td>
                      <i className="gj-screen-dot" style={{ background: statusColor(b.status) }} />
                      {b.unitName}
                    </td>
                    <td>{b.indicatorName}</td>
                    <td className="gj-screen-num">{pct(b.completion)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </section>
      <section className="gj-screen-side">
        {d.ranking.length > 0 && (
        <Panel title={ct('section.ranking')}>
          <table className="gj-screen-table" data-testid="screen-ranking">
            <tbody>
              {d.ranking.slice(0, 8).map((r) => (
                <tr key={r.unitId}>
                  <td className="gj-screen-rank">{r.rank ?? '—'}</td>
                  <td>{r.unitName}</td>
                  <td className="gj-screen-num">
                    <span style={{ color: '#73d13d' }}>{r.ahead + r.onTrack}</span> / <span style={{ color: '#ffc53d' }}>{r.amber}</span> / <span style={{ color: '#ff4d4f' }}>{r.red}</span>
                  </td>
                  <td>
                    <RankChange change={r.rankChange} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        )}
        <Panel title={ct('section.campaigns')}>
          {d.campaigns.length === 0 ? <div className="gj-screen-small">{ct('campaign.none')}</div> : d.campaigns.slice(0, 2).map((c) => <CampaignCountdown key={c.id} c={c} dark />)}
        </Panel>
      </section>
    </div>
  );
}

function Tile({ ind }: { ind: IndicatorRow }) {
  const { lang } = useI18n();
  const ct = useCkT();
  const color = statusColor(ind.status);
  return (
    <div className="gj-screen-tile" style={{ borderLeftColor: color }} data-testid={`tile-${ind.code}`} data-status={ind.status ?? 'none'}>
      <div className="gj-screen-tile-head">
        <span className="gj-screen-tile-name">{ind.name}</span>
        {ind.doubleHalf && <span className="gj-screen-badge" title={ct('doubleHalf')}>{ct('screen.doubleHalf')}</span>}
      </div>
      <div className="gj-screen-tile-value">{figure(ind.value, ind.unit, ind.decimals, lang)}</div>
      <div className="gj-screen-tile-line">
        <span className={ind.yoy !== null && Number(ind.yoy) < 0 ? 'gj-screen-down' : 'gj-screen-up'}>{ind.yoy === null ? `${ct('yoy')} —` : formatYoy(ind.yoy, { lang })}</span>
      </div>
      {ind.floor !== null && (
        <>
          <div className="gj-screen-tile-line">
            <span>{ct('completionFloor')}</span>
            <b style={{ color }}>{pct(ind.completion)}</b>
          </div>
          <div className="gj-screen-tile-line gj-screen-small">
            <span>{ct('timeProgress')}</span>
            <span>{pct(ind.expectedShare)}</span>
          </div>
        </>
      )}
    </div>
  );
}

function RotatingChart({ d }: { d: Cockpit }) {
  const ct = useCkT();
  const charts = withUnits(d.indicators);
  const zoneBars = indicatorBars(d.indicators);
  const slides = charts.length + (zoneBars.length ? 1 : 0);
  const [i, setI] = useState(0);
  useEffect(() => {
    if (slides < 2) return;
    const id = setInterval(() => setI((x) => (x + 1) % slides), ROTATE_MS);
    return () => clearInterval(id);
  }, [slides]);
  if (slides === 0) return null;
  const k = i % slides;
  const ind = charts[k];
  const look = { dark: true, fontSize: 18, seriesName: ct('chart.completion') };
  const [title, option] = ind
    ? [ct('chart.title', { name: ind.name }), completionBars(unitBars(ind), ind.expectedShare, { ...look, timeLineLabel: ct('chart.timeLine', { value: ind.expectedShare ?? '' }) })]
    : [`${d.zone.name} · ${ct('col.completion')}`, completionBars(zoneBars, d.timeProgress, { ...look, timeLineLabel: ct('chart.timeLine', { value: d.timeProgress }) })];
  return (
    <Panel title={title}>
      <EChart option={option} height={520} testId="screen-chart" />
    </Panel>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="gj-screen-panel">
      <div className="gj-screen-panel-title">{title}</div>
      {children}
    </div>
  );
}
