// 审计日志: every write in the zone, newest first, with filters and a detail drawer.
import { useState } from 'react';
import { Button, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCan } from '../auth/session';
import { DATE, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n';
import type { AuditEntry, AuditQuery } from './api';
import { AuditDrawer } from './AuditDrawer';
import { actionColor, actionLabel, entityLabel, subjectName } from './auditLabels';
import { useAuditEntities, useAuditList, useUnitOptions, useUserOptions } from './queries';
import { QueryError } from './QueryError';

export default function AuditPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const can = useCan();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const list = useAuditList(query);
  const entities = useAuditEntities();
  const units = useUnitOptions();
  const users = useUserOptions();

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => <span className="gj-nowrap">{formatDateTime(v)}</span> },
    {
      title: t('audit.user'),
      key: 'user',
      width: 190,
      render: (_, e) =>
        e.displayName ? (
          <span className="gj-nowrap">
            {e.displayName} <Typography.Text type="secondary">{e.username}</Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (a: string) => <Tag color={actionColor(a)}>{actionLabel(i18n, a)}</Tag>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, e) => {
        const name = subjectName(e);
        return (
          <span>
            {entityLabel(i18n, e.entity)}
            {name && <Typography.Text strong> · {name}</Typography.Text>}
          </span>
        );
      },
    },
    { title: t('audit.unit'), dataIndex: 'unitName', width: 150, render: (n: string | null) => n ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => <Typography.Text type="secondary">{ip ?? '—'}</Typography.Text> },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_, e) => (
        <Button type="link" size="small" onClick={() => setOpen(e)}>
          {t('common.details')}
        </Button>
      ),
    },
  ];

  const set = (patch: Partial<AuditQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  return (
    <div data-testid="audit-page">
      <div className="gj-toolbar">
        <Space wrap>
          {can('user.manage') && (
            <Select<string>
              allowClear
              placeholder={t('audit.allUsers')}
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={query.userId}
              onChange={(userId) => set({ userId })}
              options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            />
          )}
          <Select<string>
            allowClear
            placeholder={t('audit.allUnits')}
            style={{ width: 170 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={query.unitId}
            onChange={(unitId) => set({ unitId })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Select<string>
            allowClear
            placeholder={t('audit.allEntities')}
            style={{ width: 140 }}
            value={query.entity}
            onChange={(entity) => set({ entity })}
            options={(entities.data ?? []).map((e) => ({ value: e, label: entityLabel(i18n, e) }))}
            data-testid="audit-entity"
          />
          <DatePicker.RangePicker
            value={range}
            allowEmpty={[true, true]}
            placeholder={[t('audit.dateFrom'), t('audit.dateTo')]}
            onChange={(v) => {
              setRange(v);
              set({ from: v?.[0]?.format(DATE), to: v?.[1]?.format(DATE) });
            }}
          />
        </Space>
      </div>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          onRow={(e) => ({ onClick: () => setOpen(e), className: 'gj-clickable' })}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? page : 1, pageSize })),
          }}
        />
      )}
      <AuditDrawer entry={open} onClose={() => setOpen(null)} />
    </div>
  );
}
