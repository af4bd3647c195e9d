// 预警通知 in the header: the signed-in user's notifications (their unit's warnings,
// and the supervisors' zone-wide ones) raised by the daily scans of tasks, project
// problems and appeals, returned figures and 交办. Repeats about one object are one
// entry with their count ("任务逾期5天 ×3", src/shared/notifyGroups.ts). A bell with
// the unread entries; a click opens the list, an entry opens what it is about and
// all of its repeats are marked read.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ApiOk } from '../api/contract';
import { useI18n } from '../i18n';
import type { CodeOf } from '../i18n/enumLabels';

/** One grouped entry of GET /api/notifications/groups, as the server's schema states it. */
type Note = ApiOk<'/api/notifications/groups'>['items'][number];

const TEXT = {
  zh: { title: '预警通知', readAll: '全部已读', empty: '暂无通知', unread: '{n}条未读' },
  en: { title: 'Notifications', readAll: 'Mark all read', empty: 'No notifications', unread: '{n} unread' },
} as const;
const COLORS = { info: '#1677ff', warning: '#d48806', danger: '#cf1322' } as const;
/** Kinds with a label of their own (i18n/enumLabels.ts `notificationKind`, texts `notice.*`); others show their title alone. */
const LABELLED: readonly CodeOf<'notificationKind'>[] = ['hazard.due', 'hazard.overdue'];
const labelled = (kind: string): kind is CodeOf<'notificationKind'> => (LABELLED as readonly string[]).includes(kind);
const key = ['notifications'] as const;

export function NotificationBell({ className }: { className?: string }) {
  const { lang, t } = useI18n();
  const tx = TEXT[lang];
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: key,
    queryFn: () => call('get', '/api/notifications/groups', { query: { page: 1, pageSize: 20 } }),
    refetchInterval: 60_000,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const read = useMutation({ mutationFn: (key: string) => call('post', '/api/notifications/groups/read', { body: { key } }), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => call('post', '/api/notifications/read-all'), onSuccess: refresh });
  const unread = q.data?.unread ?? 0;
  const content = (
    <div style={{ width: 420 }} data-testid="notifications">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 4 }}>
        <Typography.Text type="secondary">{tx.unread.replace('{n}', String(unread))}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => readAll.mutate()}>
          {tx.readAll}
        </Button>
      </Space>
      <List<Note>
        size="small"
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx.empty} /> }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : 'default', opacity: n.unread ? 1 : 0.6 }}
            data-testid="notification-entry"
            onClick={() => {
              if (n.unread) read.mutate(n.key);
              if (n.link) {
                setOpen(false);
                void navigate(n.link);
              }
            }}
          >
            <List.Item.Meta
              avatar={<span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, marginTop: 8, background: COLORS[n.level] }} />}
              title={
                <span style={{ fontWeight: n.unread ? 600 : 400 }}>
                  {labelled(n.kind) && (
                    <Tag color={n.level === 'danger' ? 'error' : 'warning'} data-testid="notification-kind">
                      {t(`notice.${n.kind}`)}
                    </Tag>
                  )}
                  {n.title}
                  {n.count > 1 && <Typography.Text type="secondary" data-testid="notification-count">{` ×${n.count}`}</Typography.Text>}
                </span>
              }
              description={`${n.body ? `${n.body} · ` : ''}${new Date(n.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false })}`}
            />
          </List.Item>
        )}
      />
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={tx.title} content={content} open={open} onOpenChange={setOpen}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" className={className} icon={<BellOutlined />} data-testid="notification-bell" aria-label={tx.title} />
      </Badge>
    </Popover>
  );
}
