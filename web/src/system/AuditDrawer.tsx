// One audit entry: who did what, when, from where; before and after side by side
// with the changed fields highlighted.
import { useMemo, useState } from 'react';
import { Descriptions, Drawer, Empty, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Role, UnitKind } from '../api/types';
import { formatDateTime, looksLikeTimestamp } from '../i18n/format';
import { useI18n, type I18n } from '../i18n';
import type { AuditEntry } from './api';
import { diffRows, orderRows, type DiffRow } from './diff';
import { actionColor, entityLabel, actionLabel, subjectName } from './auditLabels';
import { rankingGroupLabel } from './labels';

const fieldKeys: Record<string, string> = {
  code: 'unit.code',
  name: 'unit.name',
  kind: 'unit.kind',
  rankingGroup: 'unit.rankingGroup',
  sortOrder: 'unit.sortOrder',
  active: 'unit.active',
  username: 'user.username',
  displayName: 'user.displayName',
  role: 'user.role',
  unitName: 'user.unit',
  id: 'field.id',
  zoneId: 'field.zoneId',
  unitId: 'field.unitId',
  createdAt: 'field.createdAt',
  locale: 'field.locale',
  disabled: 'field.disabled',
  settings: 'field.settings',
};

function FieldName({ field, i18n }: { field: string; i18n: I18n }) {
  const key = fieldKeys[field];
  const label = key ? i18n.tMaybe(key, field) : field;
  return (
    <span className="gj-diff-field">
      {label}
      {label !== field && <span className="gj-diff-key">{field}</span>}
    </span>
  );
}

function Value({ field, value, present, i18n }: { field: string; value: unknown; present: boolean; i18n: I18n }) {
  if (!present || value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const { t, tMaybe } = i18n;
  if (field === 'active' && typeof value === 'boolean') return <>{value ? t('common.active') : t('common.inactive')}</>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (field === 'kind' && typeof value === 'string') return <>{tMaybe(`kind.${value as UnitKind}`, value)}</>;
  if (field === 'role' && typeof value === 'string') return <>{tMaybe(`role.${value as Role}`, value)}</>;
  if (field === 'rankingGroup' && typeof value === 'string') return <>{rankingGroupLabel(i18n, value)}</>;
  if (field === 'locale' && typeof value === 'string') return <>{tMaybe(`lang.${value}`, value)}</>;
  if (looksLikeTimestamp(value)) return <>{formatDateTime(value)}</>;
  if (typeof value === 'object') return <code className="gj-diff-json">{JSON.stringify(value, null, 1)}</code>;
  return <span className="gj-diff-text">{String(value)}</span>;
}

export function AuditDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [onlyChanged, setOnlyChanged] = useState(false);
  const rows = useMemo(() => (entry ? orderRows(diffRows(entry.before, entry.after)) : []), [entry]);
  const changedCount = rows.filter((r) => r.changed).length;
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;

  const columns: ColumnsType<DiffRow> = [
    { title: t('audit.field'), dataIndex: 'field', width: 170, render: (f: string) => <FieldName field={f} i18n={i18n} /> },
    {
      title: t('audit.before'),
      key: 'before',
      onCell: (r) => ({ className: r.changed && r.inBefore ? 'gj-diff-old' : undefined }),
      render: (_, r) => <Value field={r.field} value={r.before} present={r.inBefore} i18n={i18n} />,
    },
    {
      title: t('audit.after'),
      key: 'after',
      onCell: (r) => ({ className: r.changed && r.inAfter ? 'gj-diff-new' : undefined }),
      render: (_, r) => <Value field={r.field} value={r.after} present={r.inAfter} i18n={i18n} />,
    },
  ];

  return (
    <Drawer
      title={t('audit.drawerTitle')}
      open={Boolean(entry)}
      onClose={onClose}
      size={760}
      destroyOnHidden
      data-testid="audit-drawer"
      rootClassName="gj-audit-drawer"
    >
      {entry && (
        <>
          <Descriptions column={2} size="small" bordered className="gj-audit-meta">
            <Descriptions.Item label={t('audit.at')}>{formatDateTime(entry.at)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.user')}>
              {entry.displayName ? `${entry.displayName}（${entry.username}）` : t('audit.system')}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>
              <Tag color={actionColor(entry.action)}>{actionLabel(i18n, entry.action)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.entity')}>
              {entityLabel(i18n, entry.entity)}
              {subjectName(entry) && ` · ${subjectName(entry)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.unit')}>{entry.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.ip')}>{entry.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.entityId')} span={2}>
              <Typography.Text type="secondary" copyable={Boolean(entry.entityId)}>
                {entry.entityId ?? '—'}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {rows.length === 0 ? (
            <Empty className="gj-audit-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noData')} />
          ) : (
            <>
              <div className="gj-diff-bar">
                <Typography.Text strong>
                  {entry.before == null
                    ? t('audit.createdFields', { n: rows.length })
                    : entry.after == null
                      ? t('audit.deletedFields', { n: rows.length })
                      : t('audit.changedCount', { n: changedCount })}
                </Typography.Text>
                <Space size={8}>
                  <Typography.Text type="secondary">{t('audit.onlyChanged')}</Typography.Text>
                  <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
                </Space>
              </div>
              <Table<DiffRow>
                rowKey={(r) => r.field || '_'}
                size="small"
                bordered
                columns={columns}
                dataSource={shown}
                pagination={false}
                rowClassName={(r) => (r.changed ? 'gj-diff-changed' : '')}
                data-testid="audit-diff"
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
