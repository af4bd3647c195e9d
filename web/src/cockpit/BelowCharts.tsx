// The cockpit below its charts: the ranking (争先进位) with each unit's indicators, the
// campaign countdowns, the leader's projects, supervision and hazard cards and the units
// behind. Far below the first screen, so it (with antd's Table) loads when the page is
// scrolled towards it (Dashboard, WhenNear), not with the cockpit.
import { lazy, Suspense } from 'react';
import { Button, Card, Col, Empty, Row, Space, Table } from 'antd';
import type { Cockpit, IndicatorRow } from './api';
import { withUnits } from './charts';
import { pct } from './format';
import { useCkT } from './i18n';
import type { DrillTarget } from './DrillDrawer';
import { SupervisionCard } from './SupervisionCard';
import { useCan, useMe } from '../auth/session';
import { CampaignCountdown, RankChange, StatusTag } from './parts';
import { usePhone } from '../shell/usePhone';

// Loaded after the rest of this part: the hazard card, and 我的包挂项目 (a leader's own
// projects; none → no card).
const HazardCard = lazy(() => import('../hazards/CockpitCard').then((m) => ({ default: m.HazardCard })));
const MyProjectsCard = lazy(() => import('../projects/CockpitCard').then((m) => ({ default: m.MyProjectsCard })));

export default function BelowCharts({ d, onDrill }: { d: Cockpit; onDrill(t: DrillTarget): void }) {
  const ct = useCkT();
  const can = useCan();
  const me = useMe();
  const byId = new Map(d.indicators.map((i) => [i.id, i]));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" variant="borderless" title={ct('section.ranking')}>
          <RankingTable d={d} onDrill={onDrill} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" variant="borderless" title={ct('section.campaigns')}>
            {d.campaigns.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ct('campaign.none')} /> : d.campaigns.map((c) => <CampaignCountdown key={c.id} c={c} />)}
          </Card>
          {me.user.role === 'leader' && (
            <Suspense fallback={null}>
              <MyProjectsCard />
            </Suspense>
          )}
          {can('zone.read') && <SupervisionCard />}
          {can('zoneData.read') && (
            <Suspense fallback={<Card size="small" variant="borderless" loading />}>
              <HazardCard />
            </Suspense>
          )}
          <Card size="small" variant="borderless" title={ct('section.behind')}>
            <BehindTable d={d} onDrill={(indicatorId, unitId) => onDrill({ ind: byId.get(indicatorId)!, unitId })} />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

type Ranked = Cockpit['ranking'][number];

function RankingTable({ d, onDrill }: { d: Cockpit; onDrill(t: DrillTarget): void }) {
  const ct = useCkT();
  const rankedInds = withUnits(d.indicators);
  // On a phone the row itself opens a unit's indicators (the + is too small for a finger),
  // and a table wider than the screen scrolls in its own box, not the page.
  const phone = usePhone();
  return (
    <Table<Ranked>
      rowKey="unitId"
      size="small"
      scroll={phone ? { x: 'max-content' } : undefined}
      pagination={false}
      dataSource={d.ranking}
      data-testid="ck-ranking"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      expandable={{
        rowExpandable: () => rankedInds.length > 0,
        expandRowByClick: phone,
        showExpandColumn: !phone,
        expandedRowRender: (r) => <UnitIndicators unitId={r.unitId} inds={rankedInds} onDrill={onDrill} />,
      }}
      columns={[
        { title: ct('col.rank'), dataIndex: 'rank', width: 64, align: 'center', render: (v: number | null) => (v === null ? '—' : <b>{v}</b>) },
        { title: ct('col.unit'), dataIndex: 'unitName' },
        { title: ct('col.group'), dataIndex: 'group', responsive: ['lg'], render: (g: string) => (g === 'territorial' || g === 'functional' ? ct(`group.${g}`) : g) },
        { title: ct('col.ahead'), key: 'green', align: 'right', render: (_, r) => <span style={{ color: '#389e0d' }}>{r.ahead + r.onTrack}</span> },
        { title: ct('col.amber'), dataIndex: 'amber', align: 'right', render: (v: number) => <span style={{ color: '#d48806' }}>{v}</span> },
        { title: ct('col.red'), dataIndex: 'red', align: 'right', render: (v: number) => <span style={{ color: '#cf1322' }}>{v}</span> },
        { title: ct('col.meanGap'), dataIndex: 'meanGap', align: 'right', render: (v: string | null) => v ?? '—' },
        { title: ct('col.change'), dataIndex: 'rankChange', render: (v: number | null) => <RankChange change={v} /> },
      ]}
    />
  );
}

function UnitIndicators({ unitId, inds, onDrill }: { unitId: string; inds: IndicatorRow[]; onDrill(t: DrillTarget): void }) {
  const ct = useCkT();
  const rows = inds.flatMap((ind) => {
    const u = ind.units.find((x) => x.unitId === unitId);
    return u ? [{ ind, u }] : [];
  });
  return (
    <Table
      rowKey={(r) => r.ind.id}
      size="small"
      scroll={{ x: 'max-content' }}
      pagination={false}
      dataSource={rows}
      columns={[
        { title: ct('col.indicator'), key: 'n', render: (_, r) => <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onDrill({ ind: r.ind, unitId })}>{r.ind.name}</Button> },
        { title: ct('col.completion'), key: 'c', align: 'right', render: (_, r) => pct(r.u.completion) },
        { title: ct('col.gap'), key: 'g', align: 'right', render: (_, r) => r.u.gap ?? '—' },
        { title: ct('col.status'), key: 's', render: (_, r) => <StatusTag status={r.u.status} /> },
        { title: ct('col.rank'), key: 'r', align: 'right', render: (_, r) => r.u.rank ?? '—' },
        { title: ct('col.change'), key: 'x', render: (_, r) => <RankChange change={r.u.rankChange} /> },
      ]}
    />
  );
}

function BehindTable({ d, onDrill }: { d: Cockpit; onDrill(indicatorId: string, unitId: string): void }) {
  const ct = useCkT();
  return (
    <Table
      rowKey={(r) => `${r.indicatorId}|${r.unitId}`}
      size="small"
      scroll={{ x: 'max-content' }}
      dataSource={d.behind}
      pagination={d.behind.length > 8 ? { pageSize: 8, size: 'small' } : false}
      data-testid="ck-behind"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ct('behind.none')} /> }}
      columns={[
        { title: ct('col.unit'), dataIndex: 'unitName', render: (v: string, r) => <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onDrill(r.indicatorId, r.unitId)}>{v}</Button> },
        { title: ct('col.indicator'), dataIndex: 'indicatorName' },
        { title: ct('col.completion'), dataIndex: 'completion', align: 'right', render: pct },
        { title: ct('col.gap'), dataIndex: 'gap', align: 'right' },
        { title: ct('col.status'), dataIndex: 'status', render: (s) => <StatusTag status={s} /> },
      ]}
    />
  );
}
