// 招商统计: what the zone reports — signed projects of 1亿元 and more, foreign-capital
// projects and their planned investment — by month and year to date.
import { useMemo, useState } from 'react';
import { Card, Col, Row, Select, Space, Spin, Statistic, Table } from 'antd';
import { LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { EChart, echarts } from '../projects/EChart';
import { ResyncButton } from '../feeds/ResyncButton';
import { QueryError } from '../system/QueryError';
import type { MonthCount } from './api';
import { useAtT } from './i18n';
import { yi } from './parts';
import { useCounts } from './queries';
import { useYearOptions, useZoneYear } from '../shell/zone';

// The bars against a line, with their legend (the cockpit's charts need neither).
echarts.use([LineChart, LegendComponent]);

/** The last month that has happened in the year shown: this month in the current year, else December. */
const upTo = (c: { year: number; today: string }) => (c.year === Number(c.today.slice(0, 4)) ? Number(c.today.slice(5, 7)) : c.year < Number(c.today.slice(0, 4)) ? 12 : 1);

export default function CountsPage() {
  const t = useAtT();
  const [chosen, setYear] = useState<number | undefined>(undefined);
  const q = useCounts(chosen);
  const zoneYear = useZoneYear();
  const year = q.data?.year ?? chosen ?? zoneYear;
  const years = useYearOptions('attraction', year);
  const rows = useMemo(() => (q.data ? q.data.months.map((m, i) => ({ m, y: q.data.ytd[i]! })) : []), [q.data]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('counts.ofMonth'), t('counts.ytd')] },
      grid: { left: 40, right: 20, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: rows.map((r) => `${r.m.month}月`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('counts.ofMonth'), type: 'bar', data: rows.map((r) => r.m.signedLarge), itemStyle: { color: '#b71c1c' }, barMaxWidth: 24 },
        { name: t('counts.ytd'), type: 'line', data: rows.map((r) => (q.data && r.y.month <= upTo(q.data) ? r.y.signedLarge : null)), itemStyle: { color: '#1677ff' } },
      ],
    }),
    [rows, t, q.data],
  );
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const c = q.data;
  const lastWithData = c.ytd[upTo(c) - 1]!;
  const cell = (x: MonthCount, k: keyof MonthCount) => {
    const v = x[k];
    return typeof v === 'number' ? v : v === null ? '—' : yi(v);
  };
  const pair = (k: keyof MonthCount) => ({
    title: t(`counts.${k === 'signedLarge' ? 'signedLarge' : k === 'signedLargeInvestmentYuan' ? 'signedLargeInv' : k === 'foreignProjects' ? 'foreign' : k === 'foreignInvestmentUsd' ? 'foreignUsd' : 'foreignYuan'}`),
    children: [
      { title: t('counts.ofMonth'), align: 'right' as const, width: 80, render: (_: unknown, r: { m: MonthCount }) => cell(r.m, k) },
      { title: t('counts.ytd'), align: 'right' as const, width: 90, render: (_: unknown, r: { y: MonthCount }) => cell(r.y, k) },
    ],
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="at-counts">
      <Space>
        <span>{t('counts.year')}</span>
        <Select style={{ width: 100 }} value={year} onChange={setYear} options={years} data-testid="at-counts-year" />
        <span className="gj-at-muted">{c.usdRate ? t('counts.rate', { rate: c.usdRate }) : t('counts.noRate')}</span>
        <ResyncButton path="/api/attraction/counts/sync" ability="config.write" year={c.year} testId="at-resync" />
      </Space>
      <div className="gj-at-muted">{t('counts.ytdTitle', { m: lastWithData.month })}</div>
      <Row gutter={[12, 12]}>
        {[
          { label: t('counts.signedLarge'), value: lastWithData.signedLarge },
          { label: t('counts.signedLargeInv'), value: cell(lastWithData, 'signedLargeInvestmentYuan') },
          { label: t('counts.foreign'), value: lastWithData.foreignProjects },
          { label: t('counts.foreignUsd'), value: cell(lastWithData, 'foreignInvestmentUsd') },
          { label: t('counts.foreignYuan'), value: cell(lastWithData, 'foreignInvestmentYuan') },
        ].map((x) => (
          <Col key={x.label} flex="1 1 180px">
            <Card size="small">
              <Statistic title={x.label} value={x.value} styles={{ content: { fontSize: 22 } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('counts.chart')}>
        <EChart option={option} height={240} testId="at-counts-chart" />
      </Card>
      <Table
        rowKey={(r) => r.m.month}
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        data-testid="at-counts-table"
        columns={[
          { title: t('counts.month'), width: 60, render: (_: unknown, r: { m: MonthCount }) => `${r.m.month}月` },
          pair('signedLarge'),
          pair('signedLargeInvestmentYuan'),
          pair('foreignProjects'),
          pair('foreignInvestmentUsd'),
          pair('foreignInvestmentYuan'),
        ]}
      />
    </Space>
  );
}
