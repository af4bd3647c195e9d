// 诉求统计: for appeals raised in a period, per handling department and in total —
// response and closure times, on-time responses, overdue, satisfaction.
import { useState } from 'react';
import dayjs from 'dayjs';
import { Card, Col, DatePicker, Row, Space, Spin, Statistic, Table, Tag } from 'antd';
import { QueryError } from '../system/QueryError';
import type { UnitStats } from './api';
import { useEntT } from './i18n';
import { pct } from './parts';
import { useStats } from './queries';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';

export default function StatsPage() {
  const t = useEntT();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const q = useStats(range);
  const emptyZone = useNextStep('enterprises') !== null;
  if (emptyZone) return <ZoneEmpty page="enterprises" />;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const s = q.data;
  const num = (v: string | null) => v ?? '—';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="ent-stats">
      <Space>
        <span>{t('stats.period')}</span>
        <DatePicker.RangePicker
          value={[dayjs(s.from), dayjs(s.to)]}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
        />
        <span className="gj-ent-service">{t('my.service')}</span>
      </Space>
      <Row gutter={[12, 12]}>
        {[
          { label: t('col.total'), value: s.total.total },
          { label: t('col.closed'), value: s.total.closed },
          { label: t('col.respondedOnTime'), value: s.total.respondedOnTime },
          { label: t('col.overdue'), value: s.total.overdue, danger: s.total.overdue > 0 },
          { label: t('col.avgResponse'), value: num(s.total.avgResponseHours) },
          { label: t('col.avgClosure'), value: num(s.total.avgClosureDays) },
          { label: t('col.satRate'), value: pct(s.total.satisfactionRate) },
        ].map((x) => (
          <Col key={x.label} xs={12} md={6} xl={3} style={{ flex: '1 1 0' }}>
            <Card size="small">
              <Statistic title={x.label} value={x.value} styles={{ content: { color: x.danger ? '#cf1322' : undefined, fontSize: 22 } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<UnitStats>
        rowKey={(r) => r.unitId ?? 'none'}
        size="middle"
        pagination={false}
        dataSource={s.byUnit}
        data-testid="ent-stats-table"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><strong>{t('stats.total')}</strong></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{s.total.total}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{s.total.open}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{s.total.closed}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{s.total.respondedOnTime}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{num(s.total.avgResponseHours)}</Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">{num(s.total.avgClosureDays)}</Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">{s.total.overdue}</Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">{`${s.total.satisfied} / ${s.total.basicallySatisfied} / ${s.total.dissatisfied}`}</Table.Summary.Cell>
            <Table.Summary.Cell index={9} align="right">{pct(s.total.satisfactionRate)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        columns={[
          { title: t('col.dept'), render: (_, r) => r.unitName ?? <span className="gj-ent-muted">{t('stats.unassigned')}</span> },
          { title: t('col.total'), dataIndex: 'total', align: 'right', width: 80 },
          { title: t('col.open'), dataIndex: 'open', align: 'right', width: 80 },
          { title: t('col.closed'), dataIndex: 'closed', align: 'right', width: 80 },
          { title: t('col.respondedOnTime'), dataIndex: 'respondedOnTime', align: 'right', width: 100 },
          { title: t('col.avgResponse'), align: 'right', width: 130, render: (_, r) => num(r.avgResponseHours) },
          { title: t('col.avgClosure'), align: 'right', width: 120, render: (_, r) => num(r.avgClosureDays) },
          { title: t('col.overdue'), align: 'right', width: 70, render: (_, r) => (r.overdue ? <Tag color="red">{r.overdue}</Tag> : 0) },
          { title: t('col.satBreakdown'), align: 'right', width: 170, render: (_, r) => `${r.satisfied} / ${r.basicallySatisfied} / ${r.dissatisfied}` },
          { title: t('col.satRate'), align: 'right', width: 90, render: (_, r) => pct(r.satisfactionRate) },
        ]}
      />
      <div>
        <span className="gj-ent-section-title">{t('appeals.byCategory')}：</span>
        <Space wrap size={4}>
          {s.byCategory.map((c) => <Tag key={c.category}>{t(`cat.${c.category}`)} {c.count}</Tag>)}
        </Space>
      </div>
    </Space>
  );
}
