// 走访记录: who went where, when, and what they found; newest first, paginated on the server.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../auth/session';
import type { Visit } from './api';
import { VisitForm } from './DetailForms';
import { useEntT } from './i18n';
import { has } from './parts';
import { useVisits } from './queries';

export default function VisitsPage() {
  const t = useEntT();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useVisits({ page, pageSize: 20 });
  return (
    <div data-testid="ent-visits">
      {has(me, 'enterprise.write') && (
        <div className="gj-ent-toolbar">
          <span />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="visit-new">{t('visits.new')}</Button>
        </div>
      )}
      <Table<Visit>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('col.visitedOn'), dataIndex: 'visitedOn', width: 110 },
          { title: t('col.enterprise'), width: 220, render: (_, v) => <Link to={`/enterprises/register/${v.enterpriseId}`}>{v.enterpriseName}</Link> },
          { title: t('col.visitors'), dataIndex: 'visitors', width: 200 },
          { title: t('col.unit'), dataIndex: 'unitName', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('col.findings'), dataIndex: 'findings' },
        ]}
      />
      {adding && <VisitForm onClose={() => setAdding(false)} />}
    </div>
  );
}
