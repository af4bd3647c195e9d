// 通报: the list (server-paginated) with 生成通报 (a background job with its
// progress), and each bulletin at /bulletins/:id.
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Modal, Progress, Segmented, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../auth/session';
import { useI18n, useT } from '../i18n';
import { ApiError } from '../api/client';
import { QueryError } from '../system/QueryError';
import { bulletinsApi, type BulletinItem } from './api';
import { BulletinDetail } from './BulletinDetail';
import { useBuT } from './i18n';
import { bulletinKeys, useBulletins } from './queries';
import { currentPeriod, pickerKinds, type PickerKind } from '../../../src/domains/system/periodChoices';
import { PeriodSelect } from '../shell/PeriodSelect';
import { useZone } from '../shell/zone';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';
import './bulletins.css';

function DraftDialog({ onClose }: { onClose(id?: string): void }) {
  const bt = useBuT();
  const { lang, t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ kind: PickerKind; period: string }>();
  const kind = Form.useWatch('kind', form) ?? 'month';
  const zoneToday = useZone().data?.today;
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run({ period }: { period: string }) {
    setError(null);
    setProgress(0);
    try {
      const { jobId } = await bulletinsApi.draft({ period: period.trim() });
      for (;;) {
        await new Promise((r) => setTimeout(r, 300));
        const job = await bulletinsApi.job(jobId);
        setProgress(job.progress);
        if (job.status === 'failed') throw new Error(job.errors?.message[lang] ?? 'failed');
        if (job.status === 'succeeded') {
          await qc.invalidateQueries({ queryKey: bulletinKeys.all });
          onClose(job.result!.bulletinId);
          return;
        }
      }
    } catch (err) {
      setProgress(null);
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Modal open title={bt('newTitle')} onCancel={() => onClose()} onOk={() => form.submit()} confirmLoading={progress !== null} okButtonProps={{ 'data-testid': 'bu-draft-ok' } as Record<string, string>}>
      <Form form={form} layout="vertical" onFinish={(v) => void run(v)} requiredMark={false}>
        <Form.Item name="kind" label={bt('periodKind')} initialValue="month">
          <Segmented<PickerKind>
            options={pickerKinds.map((k) => ({ value: k, label: t(`period.kind.${k}`) }))}
            onChange={(k) => zoneToday && form.setFieldValue('period', currentPeriod(k, zoneToday))}
            data-testid="bu-kind"
          />
        </Form.Item>
        <Form.Item name="period" label={bt('period')} initialValue={zoneToday && currentPeriod('month', zoneToday)} rules={[{ required: true, message: bt('periodHelp') }]}>
          <PeriodSelect kind={kind} id="bu-period" />
        </Form.Item>
      </Form>
      {progress !== null && (
        <div data-testid="bu-progress">
          <Progress percent={progress} status="active" />
          <div className="gj-bu-meta">{bt('building')}</div>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="bu-draft-error" />}
    </Modal>
  );
}

function BulletinList() {
  const bt = useBuT();
  const { can } = useSession();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [drafting, setDrafting] = useState(false);
  const list = useBulletins(page);
  const emptyZone = useNextStep('bulletins') !== null;
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card className="gj-page-card" variant="borderless">
      <div className="gj-bu-toolbar">
        <h3>{bt('list')}</h3>
        {can('unitData.approve') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)} data-testid="bu-new">
            {bt('new')}
          </Button>
        )}
      </div>
      <Table<BulletinItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: emptyZone ? <ZoneEmpty page="bulletins" /> : bt('empty') }}
        onRow={(r) => ({ onClick: () => void navigate(`/bulletins/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: bt('col.title'), dataIndex: 'title', render: (v: string) => <a data-testid="bu-row">{v}</a> },
          { title: bt('col.issueNo'), dataIndex: 'issueNo', width: 180 },
          { title: bt('col.period'), dataIndex: 'period', width: 110 },
          { title: bt('col.state'), dataIndex: 'state', width: 100, render: (s: BulletinItem['state']) => <Tag color={s === 'published' ? 'green' : 'default'}>{bt(`state.${s}`)}</Tag> },
          { title: bt('col.updated'), dataIndex: 'updatedAt', width: 180, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
        ]}
      />
      {drafting && <DraftDialog onClose={(id) => { setDrafting(false); if (id) void navigate(`/bulletins/${id}`); }} />}
    </Card>
  );
}

export default function BulletinsPage() {
  const t = useT();
  return (
    <div className="gj-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{t('module.bulletins')}</h2>
      </div>
      <Routes>
        <Route path=":id" element={<BulletinDetail />} />
        <Route path="*" element={<BulletinList />} />
      </Routes>
    </div>
  );
}
