// 驾驶舱: for a chosen month, every indicator's zone value, growth, completion and
// time progress with its colour; per indicator the units against the time-progress
// line; the ranking (争先进位); the units behind; campaign countdowns. Every figure
// opens the drill-down.
import { lazy, Suspense, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Row, Space, Spin, Tag, Tooltip } from 'antd';
import { FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { QueryError } from '../system/QueryError';
import { NearChart } from '../projects/NearChart';
import type { Cockpit } from './api';
import { completionBars, indicatorBars, unitBars, withUnits } from './charts';
import { pct } from './format';
import { periodLabel, useCkT } from './i18n';
import type { DrillTarget } from './DrillDrawer';
import { IndicatorCards } from './IndicatorCards';
import { DekadCard } from './DekadCard';
import { FreshnessMark } from './parts';
import { useCockpit } from './queries';
import { PeriodSelect } from '../shell/PeriodSelect';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';
import { WhenNear } from '../shell/WhenNear';

// Not part of the cockpit's first load: the drill-down (with its 批示 form) when first
// opened; the ranking, the cards beside it and the units behind (with antd's Table) when
// the page is scrolled towards them.
const DrillDrawer = lazy(() => import('./DrillDrawer').then((m) => ({ default: m.DrillDrawer })));
const BelowCharts = lazy(() => import('./BelowCharts'));

export default function Dashboard() {
  const t = useT();
  const ct = useCkT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const q = useCockpit(period);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  // Mounted from the first drill on, so closing it still animates.
  const [drilled, setDrilled] = useState(false);
  if (drill && !drilled) setDrilled(true);
  const d = q.data;
  // A zone without approved figures yet says what to do first, not zeros and red lights.
  const emptyZone = useNextStep('cockpit') !== null;

  const pick = (p: string | undefined) => setParams(p ? { period: p } : {}, { replace: true });

  return (
    <div className="gj-page">
      <div className="gj-page-head gj-ck-head">
        <h2 className="gj-page-title">{t('module.cockpit')}</h2>
        <Space wrap>
          <PeriodSelect kind="month" value={d?.period} onChange={pick} id="ck-period" aria-label={ct('period')} />
          {d?.month.latest && d.month.latest > d.period && (
            // A newer month with figures not all approved: one click away, marked 未齐.
            <Tooltip title={ct('month.newerTip')}>
              <Button onClick={() => pick(d.month.latest!)} data-testid="ck-newer">
                {ct('month.newer', { period: periodLabel(ct, d.month.latest) })}
              </Button>
            </Tooltip>
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching}>
            {ct('refresh')}
          </Button>
          <Button type="primary" icon={<FullscreenOutlined />} onClick={() => navigate(`/cockpit/screen${d ? `?period=${d.period}` : ''}`)} data-testid="ck-screen">
            {ct('screen')}
          </Button>
        </Space>
      </div>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !d ? (
        <Spin />
      ) : emptyZone ? (
        <Card variant="borderless">
          <ZoneEmpty page="cockpit" />
        </Card>
      ) : d.indicators.length === 0 ? (
        <Card variant="borderless">
          <Empty description={ct('empty')} />
        </Card>
      ) : (
        <Body d={d} onDrill={setDrill} onPick={pick} />
      )}
      {drilled && (
        <Suspense fallback={null}>
          <DrillDrawer target={drill} year={d?.year ?? 0} period={d?.period} onChange={setDrill} onClose={() => setDrill(null)} />
        </Suspense>
      )}
    </div>
  );
}

function Body({ d, onDrill, onPick }: { d: Cockpit; onDrill(t: DrillTarget): void; onPick(period: string): void }) {
  const ct = useCkT();
  const count = (s: string) => d.indicators.filter((i) => i.status === s).length;
  const unitCharts = withUnits(d.indicators);
  const zoneBars = indicatorBars(d.indicators);
  const byId = new Map(d.indicators.map((i) => [i.id, i]));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card variant="borderless" className="gj-ck-summary">
        <div className="gj-ck-summary-row">
          <div>
            <div className="gj-ck-muted">{d.zone.name}</div>
            <div className="gj-ck-summary-period" data-testid="ck-period-label">
              {periodLabel(ct, d.period)} · {ct('asOf', { date: d.asOf })}
            </div>
            <FreshnessMark freshness={d.freshness} />
          </div>
          <div className="gj-ck-summary-tp">
            <span className="gj-ck-muted">{ct('timeProgress')}</span>
            <b data-testid="ck-time-progress">{pct(d.timeProgress)}</b>
          </div>
          <Space size={6} wrap>
            <Tag color="#389e0d">{ct('status.ahead')} {count('ahead') + count('on_track')}</Tag>
            <Tag color="#d48806">{ct('status.slightly_behind')} {count('slightly_behind')}</Tag>
            <Tag color="#cf1322">{ct('status.far_behind')} {count('far_behind')}</Tag>
            {d.indicators.some((i) => !i.complete) && <Tag style={{ borderStyle: 'dashed' }}>{ct('incomplete')} {d.indicators.filter((i) => !i.complete).length}</Tag>}
          </Space>
        </div>
        <div className="gj-ck-muted gj-ck-legend">{ct('legend', { amber: d.thresholds.amber, red: d.thresholds.red })}</div>
      </Card>
      {!d.month.complete && (
        <Alert
          type="warning"
          showIcon
          data-testid="ck-incomplete"
          title={ct('month.incomplete', { period: periodLabel(ct, d.period), names: d.month.missingUnitNames.join('、') })}
          action={
            d.month.latestComplete && d.month.latestComplete !== d.period ? (
              <Button size="small" onClick={() => onPick(d.month.latestComplete!)} data-testid="ck-latest-complete">
                {ct('month.latestComplete', { period: periodLabel(ct, d.month.latestComplete) })}
              </Button>
            ) : undefined
          }
        />
      )}

      <DekadCard period={d.period} />

      <section>
        <h3 className="gj-ck-section">{ct('section.indicators')}</h3>
        <IndicatorCards rows={d.indicators} onDrill={(ind) => onDrill({ ind, unitId: null })} />
      </section>

      <section>
        <h3 className="gj-ck-section">{ct('section.charts')}</h3>
        <Row gutter={[12, 12]}>
          {unitCharts.map((ind) => (
            <Col key={ind.id} xs={24} xl={12}>
              <Card size="small" variant="borderless" title={ct('chart.title', { name: ind.name })} data-testid={`chart-${ind.code}`}>
                <NearChart
                  height={240}
                  option={completionBars(unitBars(ind), ind.expectedShare, { timeLineLabel: ct('chart.timeLine', { value: ind.expectedShare ?? '' }), seriesName: ct('chart.completion') })}
                  onReady={(c) => {
                    c.off('click');
                    c.on('click', (p) => onDrill({ ind, unitId: (p.data as { id: string }).id }));
                  }}
                />
              </Card>
            </Col>
          ))}
          {zoneBars.length > 0 && (
            <Col xs={24} xl={unitCharts.length % 2 === 1 ? 12 : 24}>
              <Card size="small" variant="borderless" title={`${d.zone.name} · ${ct('col.completion')}`} data-testid="chart-zone">
                <NearChart
                  height={260}
                  option={completionBars(zoneBars, d.timeProgress, { timeLineLabel: ct('chart.timeLine', { value: d.timeProgress }), seriesName: ct('chart.completion') })}
                  onReady={(c) => {
                    c.off('click');
                    c.on('click', (p) => {
                      const ind = byId.get((p.data as { id: string }).id);
                      if (ind) onDrill({ ind, unitId: null });
                    });
                  }}
                />
              </Card>
            </Col>
          )}
        </Row>
      </section>

      <WhenNear testId="ck-lower" placeholder={<BelowChartsLoading />}>
        <BelowCharts d={d} onDrill={onDrill} />
      </WhenNear>
    </Space>
  );
}

/** The ranking and the cards beside it while their code loads: their titles, no figure. */
function BelowChartsLoading() {
  const ct = useCkT();
  const card = (title: 'section.ranking' | 'section.campaigns' | 'section.behind') => <Card size="small" variant="borderless" title={ct(title)} loading />;
  return (
    <Row gutter={[16, 16]} data-testid="ck-lower-loading">
      <Col xs={24} xl={14}>
        {card('section.ranking')}
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {card('section.campaigns')}
          {card('section.behind')}
        </Space>
      </Col>
    </Row>
  );
}
