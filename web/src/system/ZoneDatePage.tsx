// 系统管理 › 业务日期: pin the zone to a date (a zone replaying history, like the
// demo zones) or bring it back to today. The server refuses a future date or one
// before the zone's first data; no business row changes, only the zone's setting.
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Space, Spin } from 'antd';
import { call } from '../api/contract';
import { useErrorMessage } from '../api/useErrorMessage';
import { useT } from '../i18n';
import { useZone } from '../shell/zone';
import { useMessage } from '../shell/feedback';

export default function ZoneDatePage() {
  const t = useT();
  const zone = useZone();
  const queryClient = useQueryClient();
  const message = useMessage();
  const showError = useErrorMessage();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const z = zone.data;
  if (!z) return <Spin />;

  const save = async (pinnedDate: string | null) => {
    setBusy(true);
    try {
      await call('put', '/api/zone/pinned-date', { body: { pinnedDate, version: z.version } });
      // Every page judges by the zone's date: refetch everything.
      await queryClient.invalidateQueries();
      message.success(t('zone.saved'));
      setDate(null);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ maxWidth: 640 }} data-testid="zone-date-page">
      <Alert type="info" showIcon title={t('zone.help')} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('zone.current')}>
          <span data-testid="zone-date-current">{z.pinnedDate ? t('zone.pinned', { date: z.pinnedDate }) : `${t('zone.live')} ${z.today}`}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('zone.firstData')}>{z.firstDataDate ?? t('zone.noData')}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        <span>{t('zone.pinTo')}</span>
        <DatePicker value={date} onChange={setDate} data-testid="zone-date-input" />
        <Button type="primary" disabled={!date} loading={busy} onClick={() => date && void save(date.format('YYYY-MM-DD'))} data-testid="zone-date-pin">
          {t('zone.pin')}
        </Button>
        <Button disabled={!z.pinnedDate} loading={busy} onClick={() => void save(null)} data-testid="zone-date-clear">
          {t('zone.clear')}
        </Button>
      </Space>
    </Space>
  );
}
