// 重新同步: recompute a year's system-filled indicators from the register or the 招商
// ledger (domains/feeds on the server). Every write already syncs; this is for after an
// indicator was switched to system filling, or figures were entered by hand by mistake.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { call } from '../api/contract';
import type { Action } from '../api/types';
import { useErrorMessage } from '../api/useErrorMessage';
import { useCan } from '../auth/session';
import { useI18n } from '../i18n';
import { useMessage } from '../shell/feedback';

interface Props {
  /** The source's re-sync route. */
  path: '/api/enterprise-counts/sync' | '/api/attraction/counts/sync';
  /** The server's ability the endpoint requires. */
  ability: Action;
  year: number;
  testId?: string;
}

export function ResyncButton({ path, ability, year, testId }: Props) {
  const { t } = useI18n();
  const can = useCan();
  const message = useMessage();
  const showError = useErrorMessage();
  const qc = useQueryClient();
  const sync = useMutation({
    mutationFn: () => call('post', path, { body: { year } }),
    onSuccess: async (r) => {
      message.success(r.changed === 0 ? t('resync.none', { year }) : t('resync.done', { year, n: r.changed }));
      await qc.invalidateQueries();
    },
    onError: showError,
  });
  if (!can(ability)) return null;
  return (
    <Popconfirm title={t('resync.confirm', { year })} okText={t('resync.button')} cancelText={t('common.cancel')} onConfirm={() => sync.mutate()}>
      <Button icon={<SyncOutlined />} loading={sync.isPending} data-testid={testId}>
        {t('resync.button')}
      </Button>
    </Popconfirm>
  );
}
