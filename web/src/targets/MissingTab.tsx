// 未报单位: the units that owe figures for the month, with the deadline.
import { Alert, Empty, Space, Table, Tag } from 'antd';
import { QueryError } from '../system/QueryError';
import type { Missing } from './api';
import { useTgT } from './i18n';
import { useMissing } from './queries';

export default function MissingTab({ period }: { period: string }) {
  const tt = useTgT();
  const q = useMissing(period);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <>
      {d && (
        <Space style={{ marginBottom: 12 }}>
          <Tag color="blue">{period}</Tag>
          <span>{tt('ms.deadline', { date: d.deadline })}</span>
          <Tag color={d.overdue ? 'red' : 'default'}>{d.overdue ? tt('ms.overdue') : tt('ms.notYet')}</Tag>
        </Space>
      )}
      {d && d.units.length === 0 ? (
        <Alert type="success" showIcon title={tt('ms.none', { period })} />
      ) : (
        <Table<Missing['units'][number]>
          rowKey="unitId"
          size="small"
          loading={q.isLoading}
          pagination={false}
          dataSource={d?.units ?? []}
          data-testid="ms-table"
          locale={{ emptyText: <Empty /> }}
          columns={[
            { title: tt('unit'), dataIndex: 'unitName' },
            { title: tt('ms.owed'), dataIndex: 'owed', align: 'right' },
            { title: tt('ms.missing'), dataIndex: 'missing', align: 'right', render: (v: number) => <b style={{ color: d?.overdue ? '#cf1322' : undefined }}>{v}</b> },
          ]}
        />
      )}
    </>
  );
}
