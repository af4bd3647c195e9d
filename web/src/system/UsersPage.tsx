// 用户: the zone's accounts, their roles and units.
import { useState } from 'react';
import { Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { roles, type Role } from '../api/types';
import { useErrorMessage } from '../api/useErrorMessage';
import { useMe } from '../auth/session';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n';
import type { User, UserQuery } from './api';
import { roleColor } from './labels';
import { useUpdateUser } from './mutations';
import { useUnitOptions, useUserList } from './queries';
import { QueryError } from './QueryError';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { useMessage } from '../shell/feedback';

export default function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  const message = useMessage();
  const showError = useErrorMessage();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const list = useUserList(query);
  const units = useUnitOptions();
  const update = useUpdateUser();

  const toggle = async (u: User) => {
    try {
      await update.mutateAsync({ id: u.id, patch: { disabled: !u.disabled, version: u.version } });
      message.success(t(u.disabled ? 'user.enabledDone' : 'user.disabledDone', { name: u.displayName }));
    } catch (e) {
      showError(e);
    }
  };

  const columns: ColumnsType<User> = [
    {
      title: t('user.displayName'),
      dataIndex: 'displayName',
      render: (name: string, u) => (
        <Space size={6}>
          <Typography.Text strong>{name}</Typography.Text>
          {u.id === me.user.id && <Tag>{t('user.self')}</Tag>}
        </Space>
      ),
    },
    { title: t('user.username'), dataIndex: 'username', width: 170, render: (n: string) => <Typography.Text type="secondary">{n}</Typography.Text> },
    { title: t('user.role'), dataIndex: 'role', width: 150, render: (r: Role) => <Tag color={roleColor[r]}>{t(`role.${r}`)}</Tag> },
    {
      title: t('user.unit'),
      dataIndex: 'unitName',
      width: 170,
      render: (n: string | null | undefined) => n ?? <Typography.Text type="secondary">{t('user.zoneWide')}</Typography.Text>,
    },
    {
      title: t('user.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (d: boolean) => (d ? <Tag>{t('user.disabled')}</Tag> : <Tag color="success">{t('user.normal')}</Tag>),
    },
    { title: t('user.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, u) => {
        const self = u.id === me.user.id;
        // An account shared with zones this admin does not administer: its password and status are not theirs to change.
        const shared = Boolean(u.shared);
        const sharedTitle = shared ? t('user.sharedHint') : undefined;
        return (
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
            <Button type="link" size="small" onClick={() => setResetting(u)} disabled={shared} title={sharedTitle}>
              {t('user.resetPassword')}
            </Button>
            {u.disabled ? (
              <Button type="link" size="small" onClick={() => void toggle(u)} disabled={shared} title={sharedTitle}>
                {t('common.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('user.disableConfirm', { name: u.displayName })}
                okText={t('common.disable')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => toggle(u)}
                disabled={self || shared}
              >
                <Button type="link" size="small" danger disabled={self || shared} title={sharedTitle}>
                  {t('common.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="users-page">
      <div className="gj-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('user.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(search) => setQuery((q) => ({ ...q, page: 1, search: search.trim() || undefined }))}
          />
          <Select<Role>
            allowClear
            placeholder={t('user.allRoles')}
            style={{ width: 160 }}
            value={query.role}
            onChange={(role) => setQuery((q) => ({ ...q, page: 1, role }))}
            options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Select<string>
            allowClear
            placeholder={t('user.allUnits')}
            style={{ width: 180 }}
            value={query.unitId}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(unitId) => setQuery((q) => ({ ...q, page: 1, unitId }))}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Space>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setFormOpen(true);
          }}
          data-testid="user-create"
        >
          {t('user.create')}
        </Button>
      </div>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          rowClassName={(u) => (u.disabled ? 'gj-row-inactive' : '')}
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
      <UserFormModal open={formOpen} user={editing} selfId={me.user.id} onClose={() => setFormOpen(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
