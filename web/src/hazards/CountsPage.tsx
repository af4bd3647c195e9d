// 统计与清零: 新增 / 已整改 / 剩余 by unit for a period (default: the year to the
// zone's date), and 清零 per campaign and for the zone, as the data supports it.
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Card, DatePicker, Empty, Space, Table, Tag } from 'antd';
import type { Counts } from './api';
import { useHzT } from './i18n';
import { CategoryTag, ClearanceTag } from './parts';
import { useHazardSummary } from './queries';

export default function CountsPage() {
  const t = useHzT();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const q = useHazardSummary(range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {});
  const d = q.data;
  const num = (v: number, bad = false) => (v > 0 && bad ? <Tag color="red">{v}</Tag> : v);
  const countCols = [
    { title: t('col.added'), dataIndex: 'added', align: 'right' as const, width: 80 },
    { title: t('col.rectified'), dataIndex: 'rectified', align: 'right' as const, width: 80 },
    { title: t('col.remaining'), dataIndex: 'remaining', align: 'right' as const, width: 80 },
    { title: t('col.majorRemaining'), align: 'right' as const, width: 90, render: (_: unknown, c: Counts) => num(c.majorRemaining, true) },
    { title: t('col.overdue'), align: 'right' as const, width: 80, render: (_: unknown, c: Counts) => num(c.overdue, true) },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="hz-counts">
      <Space wrap>
        <span>{t('col.period')}</span>
        <DatePicker.RangePicker
          allowClear={false}
          value={range ?? (d ? [dayjs(d.from), dayjs(d.to)] : null)}
          onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
        />
      </Space>
      {d && (
        <>
          <Card size="small" title={t('col.status')} data-testid="hz-campaigns">
            <div className="gj-hz-campaigns">
              <div className="gj-hz-campaign" data-testid="hz-zone-clearance">
                <span className="gj-hz-campaign-name">{t('clear.zone')}</span>
                <ClearanceTag c={d.clearance} />
              </div>
              {d.campaigns.length === 0 && <span className="gj-hz-muted">{t('empty.campaigns')}</span>}
              {d.campaigns.map((c) => (
                <div key={c.campaignId} className="gj-hz-campaign" data-testid="hz-campaign">
                  <span className="gj-hz-campaign-name">{c.name}</span>
                  <span className="gj-hz-muted">
                    {c.startDate} ~ {c.endDate}
                  </span>
                  <ClearanceTag c={c} />
                </div>
              ))}
            </div>
          </Card>
          <Card size="small" title={t('col.unit')} extra={<span className="gj-hz-muted">{d.from} ~ {d.to}</span>}>
            <Table
              size="small"
              rowKey="unitId"
              data-testid="hz-by-unit"
              dataSource={d.byUnit}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.units')} /> }}
              columns={[{ title: t('col.unit'), dataIndex: 'unitName' }, ...countCols]}
              summary={() =>
                d.byUnit.length > 1 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{t('clear.zone')}</Table.Summary.Cell>
                    {(['added', 'rectified', 'remaining', 'majorRemaining', 'overdue'] as const).map((k, i) => (
                      <Table.Summary.Cell key={k} index={i + 1} align="right">
                        {d.total[k]}
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                ) : null
              }
            />
          </Card>
          <Card size="small" title={t('col.category')}>
            <Table size="small" rowKey="category" dataSource={d.byCategory} pagination={false} columns={[{ title: t('col.category'), render: (_, c) => <CategoryTag category={c.category} /> }, ...countCols]} />
          </Card>
        </>
      )}
    </Space>
  );
}
