// Appeals as a server-paginated table with their warning light against the
// service standard; used on the appeals tab and an enterprise's page.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Table, Tag } from 'antd';
import type { Appeal, AppealCategory } from './api';
import { useEntT } from './i18n';
import { CategoryTag, LightDot, SatTag, StateTag } from './parts';
import { useAppeals } from './queries';
import { Field, StackedList } from '../shell/StackedList';
import { usePhone } from '../shell/usePhone';

export interface AppealFilter {
  enterpriseId?: string;
  category?: AppealCategory;
  open?: 'true' | 'false';
  assigneeUnitId?: string;
}

export function AppealTable({ filter, hideEnterprise }: { filter: AppealFilter; hideEnterprise?: boolean }) {
  const t = useEntT();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useAppeals({ ...filter, page, pageSize: 15 });
  const phone = usePhone();
  if (phone)
    return (
      <StackedList<Appeal>
        data-testid="appeal-table"
        items={list.data?.items ?? []}
        loading={list.isFetching}
        empty={t('appeals.empty')}
        rowKey={(a) => a.id}
        onOpen={(a) => navigate(`/enterprises/appeals/${a.id}`)}
        pagination={{ current: page, pageSize: 15, total: list.data?.total ?? 0, onChange: setPage }}
        title={(a) => (
          <span>
            <LightDot light={a.light} /> {a.title}
          </span>
        )}
        extra={(a) => <StateTag state={a.state} />}
        body={(a) => (
          <>
            {(a.hard || a.escalation > 0) && (
              <div>
                {a.hard && <Tag color="orange">{t('appeals.hardTag')}</Tag>}
                {a.escalation > 0 && <Tag color="red">{t('appeals.escalation', { n: a.escalation })}</Tag>}
              </div>
            )}
            {!hideEnterprise && <Field label={t('col.enterprise')}>{a.enterpriseName}</Field>}
            <Field label={t('col.category')}><CategoryTag category={a.category} /></Field>
            <Field label={t('col.assignee')}>{a.assigneeName ?? '—'}</Field>
            <Field label={t('col.solveBy')}>{a.deadline ?? a.solveBy}</Field>
            {a.state === 'closed' && <Field label={t('col.satisfaction')}><SatTag value={a.satisfaction} /></Field>}
          </>
        )}
      />
    );
  return (
    <Table<Appeal>
      rowKey="id"
      size="middle"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('appeals.empty') }}
      data-testid="appeal-table"
      pagination={{ current: page, pageSize: 15, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
      onRow={(a) => ({ onClick: () => void navigate(`/enterprises/appeals/${a.id}`), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('col.light'), width: 50, align: 'center', render: (_, a) => <LightDot light={a.light} /> },
        {
          title: t('col.title'),
          render: (_, a) => (
            <span>
              {a.title}
              {a.hard && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('appeals.hardTag')}</Tag>}
              {a.escalation > 0 && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('appeals.escalation', { n: a.escalation })}</Tag>}
            </span>
          ),
        },
        ...(hideEnterprise ? [] : [{ title: t('col.enterprise'), dataIndex: 'enterpriseName', width: 200 }]),
        { title: t('col.category'), width: 90, render: (_, a) => <CategoryTag category={a.category} /> },
        { title: t('col.assignee'), dataIndex: 'assigneeName', width: 110, render: (v: string | null) => v ?? '—' },
        { title: t('col.raisedOn'), dataIndex: 'raisedOn', width: 110 },
        { title: t('col.solveBy'), width: 110, render: (_, a) => a.deadline ?? a.solveBy },
        { title: t('col.state'), width: 90, render: (_, a) => <StateTag state={a.state} /> },
        { title: t('col.satisfaction'), width: 110, render: (_, a) => (a.state === 'closed' ? <SatTag value={a.satisfaction} /> : '—') },
      ]}
    />
  );
}
