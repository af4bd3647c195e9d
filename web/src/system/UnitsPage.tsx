// 单位: the zone's towns, sub-districts, departments, state companies and areas.
import { useState } from 'react';
import { Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { unitKinds, type UnitKind } from '../api/types';
import { useErrorMessage } from '../api/useErrorMessage';
import { useCan } from '../auth/session';
import { useI18n } from '../i18n';
import type { Unit, UnitQuery } from './api';
import { kindColor, rankingGroupLabel } from './labels';
import { useDeleteUnit, useUpdateUnit } from './mutations';
import { useUnitList } from './queries';
import { UnitFormModal } from './UnitFormModal';
import { QueryError } from './QueryError';
import { useMessage } from '../shell/feedback';

export default function UnitsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const can = useCan();
  const manage = can('unit.manage');
  const message = useMessage();
  const showError = useErrorMessage();
  const [query, setQuery] = useState<UnitQuery>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Unit | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const list = useUnitList(query);
  const update = useUpdateUnit();
  const remove = useDeleteUnit();

  const toggle = async (u: Unit) => {
    try {
      await update.mutateAsync({ id: u.id, patch: { active: !u.active, version: u.version } });
      message.success(t(u.active ? 'unit.deactivated' : 'unit.activated', { name: u.name }));
    } catch (e) {
      showError(e);
    }
  };

  const del = async (u: Unit) => {
    try {
      await remove.mutateAsync(u.id);
      message.success(t('common.deleted'));
    } catch (e) {
      showError(e);
    }
  };

  const columns: ColumnsType<Unit> = [
    { title: t('unit.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
    { title: t('unit.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('unit.code'), dataIndex: 'code', width: 150, render: (c: string) => <Typography.Text type="secondary">{c}</Typography.Text> },
    {
      title: t('unit.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: UnitKind) => <Tag color={kindColor[k]}>{t(`kind.${k}`)}</Tag>,
    },
    { title: t('unit.rankingGroup'), dataIndex: 'rankingGroup', width: 130, render: (g: string) => rankingGroupLabel(i18n, g) },
    {
      title: t('unit.active'),
      dataIndex: 'active',
      width: 100,
      render: (a: boolean) => (a ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    ...(manage
      ? ([
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, u: Unit) => (
              <Space size={4} className="gj-row-actions">
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setEditing(u);
                    setFormOpen(true);
                  }}
                >
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => void toggle(u)}>
                  {u.active ? t('common.disable') : t('common.enable')}
                </Button>
                <Popconfirm
                  title={t('unit.deleteConfirm', { name: u.name })}
                  description={<div className="gj-popconfirm-desc">{t('unit.deleteHint')}</div>}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => del(u)}
                >
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ] as ColumnsType<Unit>)
      : []),
  ];

  return (
    <div data-testid="units-page">
      <div className="gj-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('unit.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(search) => setQuery((q) => ({ ...q, page: 1, search: search.trim() || undefined }))}
            data-testid="units-search"
          />
          <Select<UnitKind>
            allowClear
            placeholder={t('unit.allKinds')}
            style={{ width: 150 }}
            value={query.kind}
            onChange={(kind) => setQuery((q) => ({ ...q, page: 1, kind }))}
            options={unitKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            data-testid="units-kind"
          />
        </Space>
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
            data-testid="unit-create"
          >
            {t('unit.create')}
          </Button>
        )}
      </div>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Unit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          rowClassName={(u) => (u.active ? '' : 'gj-row-inactive')}
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
      {manage && <UnitFormModal open={formOpen} unit={editing} onClose={() => setFormOpen(false)} />}
    </div>
  );
}
