// 督查督办 on the cockpit: today's warning lights of the zone's tasks (on time,
// due soon, late, closed) and the units with late or due-soon tasks, each opening
// the supervision list filtered to that unit.
import { Link } from 'react-router-dom';
import { Card, Empty, Space, Table, Tag } from 'antd';
import { useSummary } from '../supervision/queries';
import { useSvT } from '../supervision/i18n';
import { useCkT } from './i18n';

const COLORS = { onTime: '#389e0d', amber: '#d48806', late: '#cf1322', closed: '#8c8c8c' } as const;
type Light = keyof typeof COLORS;

export function SupervisionCard() {
  const ct = useCkT();
  const st = useSvT();
  const q = useSummary('unit', {});
  const d = q.data;
  const attention = (d?.groups ?? []).filter((g) => g.late > 0 || g.amber > 0);
  const tasksOf = (key: string | null, label: string | null) =>
    `/supervision/tasks?${new URLSearchParams({ by: 'unit', group: key ?? '', groupLabel: label ?? '' }).toString()}`;
  const count = (g: { late: number; amber: number }, light: 'late' | 'amber') =>
    g[light] > 0 ? <Tag color={COLORS[light]}>{g[light]}</Tag> : <span className="gj-muted">0</span>;
  return (
    <Card size="small" variant="borderless" title={ct('section.supervision')} extra={<Link to="/supervision/tasks">{ct('supervision.all')}</Link>} loading={q.isLoading} data-testid="ck-supervision">
      {d && (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap size={[8, 4]}>
            {(['onTime', 'amber', 'late', 'closed'] as Light[]).map((k) => (
              <Tag key={k} color={COLORS[k]} data-testid={`ck-sv-${k}`}>
                {st(`count.${k}`)} {d.totals[k]}
              </Tag>
            ))}
          </Space>
          <Table
            size="small"
            rowKey={(g) => g.key ?? ''}
            dataSource={attention}
            pagination={attention.length > 6 ? { pageSize: 6, size: 'small' } : false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ct('supervision.none')} /> }}
            columns={[
              { title: ct('col.unit'), dataIndex: 'label', render: (v: string | null, g) => <Link to={tasksOf(g.key, g.label)}>{v ?? '—'}</Link> },
              { title: st('count.late'), align: 'right', width: 80, render: (_, g) => count(g, 'late') },
              { title: st('count.amber'), align: 'right', width: 90, render: (_, g) => count(g, 'amber') },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
