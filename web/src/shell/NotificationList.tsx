// The open bell's list (NotificationBell.tsx): loaded the first time the bell is
// opened, so antd's List, Typography and Empty are not part of any page's first load.
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import type { ApiOk } from '../api/contract';
import { useI18n } from '../i18n';
import type { CodeOf } from '../i18n/enumLabels';

/** One grouped entry of GET /api/notifications/groups, as the server's schema states it. */
type Note = ApiOk<'/api/notifications/groups'>['items'][number];

const COLORS = { info: '#1677ff', warning: '#d48806', danger: '#cf1322' } as const;
/** Kinds with a label of their own (i18n/enumLabels.ts `notificationKind`, texts `notice.*`); others show their title alone. */
const LABELLED: readonly CodeOf<'notificationKind'>[] = ['hazard.due', 'hazard.overdue'];
const labelled = (kind: string): kind is CodeOf<'notificationKind'> => (LABELLED as readonly string[]).includes(kind);

export default function NotificationList({
  data,
  tx,
  onRead,
  onReadAll,
  onOpen,
}: {
  data: ApiOk<'/api/notifications/groups'> | undefined;
  tx: { readonly readAll: string; readonly empty: string; readonly unread: string };
  onRead(key: string): void;
  onReadAll(): void;
  /** An entry with a link was clicked: close the bell and go there. */
  onOpen(link: string): void;
}) {
  const { lang, t } = useI18n();
  const unread = data?.unread ?? 0;
  return (
    <div style={{ width: 420 }} data-testid="notifications">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 4 }}>
        <Typography.Text type="secondary">{tx.unread.replace('{n}', String(unread))}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={onReadAll}>
          {tx.readAll}
        </Button>
      </Space>
      <List<Note>
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx.empty} /> }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : 'default', opacity: n.unread ? 1 : 0.6 }}
            data-testid="notification-entry"
            onClick={() => {
              if (n.unread) onRead(n.key);
              if (n.link) onOpen(n.link);
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
}
