// 考核: the schemes (newest first, paginated on the server) and, beside them, the
// chosen scheme's results. Addresses: /assessment and /assessment/:id.
import { useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { QueryError } from '../system/QueryError';
import type { Scheme } from './api';
import { useAsT } from './i18n';
import { useSchemes } from './queries';
import { SchemeEditor } from './SchemeEditor';
import { SchemeResults } from './SchemeResults';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';
import './assessment.css';

function SchemeList({ selected }: { selected?: string }) {
  const at = useAsT();
  const { can } = useSession();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useSchemes(page);
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <div className="gj-as-listhead">
        <h3>{at('schemes')}</h3>
        {can('config.write') && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="as-new">
            {at('new')}
          </Button>
        )}
      </div>
      <Table<Scheme>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        rowClassName={(r) => (r.id === selected ? 'gj-as-selected' : '')}
        onRow={(r) => ({ onClick: () => void navigate(`/assessment/${r.id}`), 'data-testid': `as-scheme-${r.period}` } as React.HTMLAttributes<HTMLElement>)}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
        columns={[
          { title: at('col.name'), dataIndex: 'name', render: (v: string) => <span className="gj-as-link">{v}</span> },
          { title: at('col.period'), dataIndex: 'period', width: 90 },
          {
            title: at('col.state'),
            dataIndex: 'state',
            width: 80,
            render: (s: Scheme['state']) => <Tag color={s === 'published' ? 'green' : 'default'}>{at(`state.${s}`)}</Tag>,
          },
        ]}
      />
      {creating && <SchemeEditor onClose={(id) => { setCreating(false); if (id) void navigate(`/assessment/${id}`); }} />}
    </>
  );
}

function Layout() {
  const { id } = useParams();
  const at = useAsT();
  // No scheme and nothing approved to score yet: say what comes first.
  const emptyZone = useNextStep('assessment') !== null;
  return (
    <div className="gj-as-layout">
      <Card className="gj-as-list" variant="borderless">
        <SchemeList selected={id} />
      </Card>
      <Card className="gj-as-detail" variant="borderless">
        {id ? <SchemeResults key={id} id={id} /> : emptyZone ? <ZoneEmpty page="assessment" /> : <Empty description={at('empty')} />}
      </Card>
    </div>
  );
}

export default function AssessmentPage() {
  const t = useT();
  return (
    <div className="gj-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{t('module.assessment')}</h2>
      </div>
      <Routes>
        <Route path=":id" element={<Layout />} />
        <Route path="*" element={<Layout />} />
      </Routes>
    </div>
  );
}
