// 年度目标: the year's targets per unit and for the zone, 确保 and 力争 with an
// optional cumulative monthly plan; export (the import template) and import.
import { useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useSession } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { applyServerError } from '../system/formErrors';
import { targetsApi, type Target } from './api';
import { useTgT } from './i18n';
import { useImport } from './ImportButton';
import { useIndicators, useTargets, useTgMutation, useUnits } from './queries';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

const NUMBER = /^-?\d{1,14}(\.\d{1,6})?$/;
const ZONE = '__zone__';

export default function TargetsTab({ year }: { year: number }) {
  const tt = useTgT();
  const { can } = useSession();
  const message = useMessage();
  const onError = useErrorMessage();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<{ indicatorId?: string; unitId?: string }>({});
  const q = useTargets({ year, page, pageSize: 50, ...filter });
  const inds = useIndicators();
  const units = useUnits();
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const remove = useTgMutation((id: string) => targetsApi.deleteTarget(id));
  const writable = can('config.write');
  const imp = useImport({ url: `/api/targets/targets/import?year=${year}`, label: tt('tg.import'), testId: 'tg-import', doneText: (j) => tt('tg.imported', { n: j.result?.imported ?? 0 }) });
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <div className="gj-tg-toolbar">
        <Space wrap>
          <Tag color="blue">{year}</Tag>
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={tt('tg.indicator')}
            options={(inds.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
            onChange={(v?: string) => (setPage(1), setFilter((f) => ({ ...f, indicatorId: v })))}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={tt('unit')}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v?: string) => (setPage(1), setFilter((f) => ({ ...f, unitId: v })))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={targetsApi.exportUrl(year)} data-testid="tg-export">
            {tt('tg.export')}
          </Button>
          {writable && (
            <>
              {imp.button}
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="tg-add">
                {tt('tg.set')}
              </Button>
            </>
          )}
        </Space>
      </div>
      {imp.result}
      <Table<Target>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        data-testid="tg-table"
        pagination={{ current: page, pageSize: 50, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: tt('tg.indicator'), dataIndex: 'indicatorName' },
          { title: tt('unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? <b>{tt('zone')}</b> },
          { title: tt('tg.floor'), dataIndex: 'floor', align: 'right', render: (v: string, r) => `${v} ${r.measure}` },
          { title: tt('tg.stretch'), dataIndex: 'stretch', align: 'right', render: (v: string | null, r) => (v === null ? '—' : `${v} ${r.measure}`) },
          { title: tt('tg.planShort'), dataIndex: 'monthlyPlan', render: (v: string[] | null) => (v ? <Tag color="blue" title={v.join(' / ')}>{tt('tg.hasPlan')}</Tag> : '—') },
          { title: '', dataIndex: 'demo', render: (v: boolean) => (v ? <Tag>{tt('demo')}</Tag> : null) },
          ...(writable
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r: Target) => (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => setEditing(r)}>
                        {tt('tg.edit')}
                      </Button>
                      <Popconfirm title={tt('tg.deleteConfirm')} onConfirm={() => remove.mutateAsync(r.id).then(() => message.success(tt('saved')), onError)}>
                        <Button size="small" type="link" danger>
                          ×
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <TargetModal year={year} target={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface Values {
  indicatorId: string;
  unitId: string;
  floor: string;
  stretch?: string;
  plan: (string | undefined)[];
}

function TargetModal({ year, target, onClose }: { year: number; target: Target | null; onClose(): void }) {
  const tt = useTgT();
  const message = useMessage();
  const onError = useErrorMessage();
  const inds = useIndicators();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const save = useTgMutation(targetsApi.setTarget);
  const num = [{ pattern: NUMBER, message: tt('number') }];
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    const plan = v.plan.map((x) => x?.trim() ?? '');
    const filled = plan.filter(Boolean).length;
    if (filled > 0 && filled < 12) {
      form.setFields([{ name: ['plan', plan.findIndex((x) => !x)], errors: [tt('tg.planHelp')] }]);
      return;
    }
    try {
      await save.mutateAsync({
        indicatorId: v.indicatorId,
        unitId: v.unitId === ZONE ? null : v.unitId,
        year,
        floor: v.floor.trim(),
        stretch: v.stretch?.trim() ? v.stretch.trim() : null,
        monthlyPlan: filled === 12 ? plan : null,
        // The version read; a new target reads 1 (refused if one was set meanwhile).
        version: target?.version ?? 1,
      });
      message.success(tt('saved'));
      onClose();
    } catch (e) {
      if (!applyServerError(form, e, [])) onError(e);
    }
  };
  const initial: Partial<Values> = target
    ? { indicatorId: target.indicatorId, unitId: target.unitId ?? ZONE, floor: target.floor, stretch: target.stretch ?? undefined, plan: target.monthlyPlan ?? Array(12).fill(undefined) }
    : { unitId: ZONE, plan: Array(12).fill(undefined) };
  return (
    <Modal open title={`${year} · ${target ? tt('tg.edit') : tt('tg.set')}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initial} name="target">
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <Form.Item name="indicatorId" label={tt('tg.indicator')} rules={[{ required: true, message: tt('required') }]}>
            <Select disabled={Boolean(target)} options={(inds.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.measure}）` }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="unitId" label={tt('unit')} rules={[{ required: true, message: tt('required') }]}>
            <Select disabled={Boolean(target)} options={[{ value: ZONE, label: tt('zone') }, ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))]} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="floor" label={tt('tg.floor')} rules={[{ required: true, message: tt('required') }, ...num]}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="stretch" label={tt('tg.stretch')} rules={num}>
            <Input inputMode="decimal" />
          </Form.Item>
        </div>
        <Form.Item label={tt('tg.plan')} extra={tt('tg.planHelp')}>
          <div className="gj-tg-plan">
            {Array.from({ length: 12 }, (_, m) => (
              <Form.Item key={m} name={['plan', m]} rules={num} noStyle={false} style={{ marginBottom: 0 }}>
                <Input placeholder={`${m + 1}月`} inputMode="decimal" />
              </Form.Item>
            ))}
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
