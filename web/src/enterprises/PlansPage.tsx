// 一企一策: the year's plans with the latest cumulative output, its completion
// against the annual target and the time progress (序时进度) it is judged by.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { entApi, type PlanRow } from './api';
import { EnterpriseSearch } from './EnterpriseSearch';
import { useEntT } from './i18n';
import { has, pct, StatusTag, wan } from './parts';
import { useCounts, useEntMutation, usePlans } from './queries';
import { valuesOf } from '../forms';
import { useYearOptions, useZoneYear } from '../shell/zone';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';
import { useMessage } from '../shell/feedback';

interface PlanValues {
  enterpriseId: string;
  year: number;
  targetOutput: string;
  measures?: string;
  leaderName?: string;
}

function PlanForm({ year, onClose, onSaved }: { year: number; onClose(): void; onSaved(id: string): void }) {
  const t = useEntT();
  const [form] = Form.useForm<PlanValues>();
  const message = useMessage();
  const onError = useErrorMessage();
  const save = useEntMutation((v: PlanValues) => entApi.createPlan({ ...v, targetOutput: String(v.targetOutput) }));
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      const p = await save.mutateAsync(v);
      message.success(t('saved'));
      onSaved(p.id);
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Modal open title={t('plans.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year }}>
        <Form.Item name="enterpriseId" label={t('plans.enterprise')} rules={[{ required: true, message: t('form.required') }]}>
          <EnterpriseSearch />
        </Form.Item>
        <Form.Item name="year" label={t('plans.year')} rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="targetOutput" label={t('plans.target')} rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber min={0.01} precision={2} stringMode style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="leaderName" label={t('plans.leader')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="measures" label={t('plans.measures')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PlansPage() {
  const t = useEntT();
  const me = useMe();
  const navigate = useNavigate();
  const counts = useCounts();
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const zoneYear = useZoneYear();
  const emptyZone = useNextStep('enterprises') !== null;
  const year = chosen ?? counts.data?.year ?? zoneYear;
  const q = usePlans(counts.data ? year : undefined);
  const years = useYearOptions('plans', year);
  const [creating, setCreating] = useState(false);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  return (
    <div data-testid="ent-plans">
      {has(me, 'enterprise.manage') && (
        <div className="gj-ent-toolbar">
          <span />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('plans.new')}</Button>
        </div>
      )}
      <Space style={{ marginBottom: 12 }}>
        <span>{t('plans.year')}</span>
        <Select style={{ width: 100 }} value={year} onChange={setChosen} options={years} data-testid="ent-plans-year" />
      </Space>
      <Table<PlanRow>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data ?? []}
        locale={emptyZone ? { emptyText: <ZoneEmpty page="enterprises" /> } : undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(p) => ({ onClick: () => void navigate(`/enterprises/plans/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('col.name'), dataIndex: 'enterpriseName' },
          { title: t('col.unit'), dataIndex: 'unitName', width: 100 },
          { title: t('col.leader'), dataIndex: 'leaderName', width: 100 },
          { title: t('col.target'), width: 160, align: 'right', render: (_, p) => wan(p.targetOutput) },
          { title: t('col.actual'), width: 190, align: 'right', render: (_, p) => (p.month ? `${wan(p.actual)}（${t('plans.latest', { m: p.month })}）` : <span className="gj-ent-muted">{t('plans.none')}</span>) },
          { title: t('col.completion'), width: 90, align: 'right', render: (_, p) => pct(p.assessment?.completion) },
          { title: t('col.expected'), width: 90, align: 'right', render: (_, p) => pct(p.assessment?.expectedShare) },
          { title: t('col.status'), width: 110, render: (_, p) => <StatusTag status={p.assessment?.status} /> },
        ]}
      />
      {creating && year !== undefined && <PlanForm year={year} onClose={() => setCreating(false)} onSaved={(id) => navigate(`/enterprises/plans/${id}`)} />}
    </div>
  );
}
