// 待决定申请: requests from units (reword, explain, long-term) waiting for the
// supervisor, who decides here; units see their own.
import { useState } from 'react';
import { Empty, List } from 'antd';
import { useSession } from '../auth/session';
import { QueryError } from '../system/QueryError';
import { useSvT } from './i18n';
import { useRequests } from './queries';
import { RequestRow } from './TaskDetailPage';

export default function RequestsPage() {
  const t = useSvT();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const q = useRequests(page);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (q.data && q.data.total === 0) return <Empty description={t('requests.empty')} />;
  return (
    <List
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }}
      renderItem={(r) => <RequestRow r={r} canDecide={can('unitData.approve')} />}
    />
  );
}
