// 预警通知 in the header: the signed-in user's notifications (their unit's warnings,
// and the supervisors' zone-wide ones) raised by the daily scans of tasks, project
// problems and appeals, returned figures and 交办. Repeats about one object are one
// entry with their count ("任务逾期5天 ×3", src/shared/notifyGroups.ts). A bell with
// the unread entries; a click opens the list, an entry opens what it is about and
// all of its repeats are marked read.
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/contract';
import { useI18n } from '../i18n';

// The list (antd List, Typography, Empty) loads when the bell is first opened: the
// badge is all every page shows on first paint.
const NotificationList = lazy(() => import('./NotificationList'));

const TEXT = {
  zh: { title: '预警通知', readAll: '全部已读', empty: '暂无通知', unread: '{n}条未读' },
  en: { title: 'Notifications', readAll: 'Mark all read', empty: 'No notifications', unread: '{n} unread' },
} as const;
const key = ['notifications'] as const;

export function NotificationBell({ className }: { className?: string }) {
  const { lang } = useI18n();
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
    <Suspense fallback={<Spin size="small" />}>
      <NotificationList
        data={q.data}
        tx={tx}
        onRead={(k) => read.mutate(k)}
        onReadAll={() => readAll.mutate()}
        onOpen={(link) => {
          setOpen(false);
          void navigate(link);
        }}
      />
    </Suspense>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={tx.title} content={content} open={open} onOpenChange={setOpen}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" className={className} icon={<BellOutlined />} data-testid="notification-bell" aria-label={tx.title} />
      </Badge>
    </Popover>
  );
}
