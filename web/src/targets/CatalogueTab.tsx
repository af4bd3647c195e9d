// 指标目录: the zone's indicators; a supervisor adds one or changes its kind,
// fill method, progress mode and the rest.
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSession } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { applyServerError } from '../system/formErrors';
import { AGGREGATIONS, FILL_METHODS, KINDS, PROGRESS_MODES, RHYTHMS, targetsApi, type FeedKey, type Indicator, type IndicatorInput } from './api';
import { useTgT } from './i18n';
import { useFeedKeys, useIndicators, useTgMutation, useUnits } from './queries';
import { useI18n } from '../i18n';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

/** A feed key's label in the user's language ('新开工项目数'), or the key itself when unknown. */
function useFeedLabel() {
  const { lang } = useI18n();
  const keys = useFeedKeys();
  return (key: string | null) => {
    const k = keys.data?.items.find((x) => x.key === key);
    return k ? k[lang] : (key ?? '');
  };
}

export default function CatalogueTab() {
  const tt = useTgT();
  const { can } = useSession();
  const q = useIndicators();
  const units = useUnits();
  const feedLabel = useFeedLabel();
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const unitName = (id: string | null) => units.data?.items.find((u) => u.id === id)?.name ?? '—';
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      {can('config.write') && (
        <div className="gj-tg-toolbar">
          <span />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ind-add">
            {tt('ind.add')}
          </Button>
        </div>
      )}
      <Table<Indicator>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        data-testid="ind-table"
        columns={[
          { title: tt('ind.name'), dataIndex: 'name', render: (v: string, r) => <span style={{ paddingLeft: r.parentCode ? 16 : 0, color: r.active ? undefined : '#bfbfbf' }}>{v}</span> },
          { title: tt('ind.code'), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
          { title: tt('ind.measure'), dataIndex: 'measure' },
          { title: tt('ind.kind'), dataIndex: 'kind', render: (v: Indicator['kind']) => tt(`kind.${v}`) },
          { title: tt('ind.aggregation'), dataIndex: 'aggregation', render: (v: Indicator['aggregation'], r) => (v === 'zone_reported' ? `${tt(`aggregation.${v}`)}（${unitName(r.zoneUnitId)}）` : tt(`aggregation.${v}`)) },
          {
            title: tt('ind.fillMethod'),
            dataIndex: 'fillMethod',
            render: (v: Indicator['fillMethod'], r) => (
              <>
                <Tag>{tt(`fillMethod.${v}`)}</Tag>
                {v === 'system' && r.feed ? <span data-testid={`ind-feed-${r.code}`}>{feedLabel(r.feed)}</span> : null}
              </>
            ),
          },
          { title: tt('ind.progressMode'), dataIndex: 'progressMode', render: (v: Indicator['progressMode']) => tt(`progressMode.${v}`) },
          { title: tt('ind.rhythm'), dataIndex: 'rhythm', render: (v: Indicator['rhythm']) => tt(`rhythm.${v}`) },
          { title: tt('ind.decimals'), dataIndex: 'decimals', align: 'right' },
          ...(can('config.write')
            ? [{ title: '', key: 'edit', render: (_: unknown, r: Indicator) => <Button size="small" type="link" onClick={() => setEditing(r)}>{tt('ind.edit')}</Button> }]
            : []),
        ]}
      />
      {editing && <IndicatorModal indicator={editing === 'new' ? null : editing} all={q.data?.items ?? []} onClose={() => setEditing(null)} />}
    </>
  );
}

function IndicatorModal({ indicator, all, onClose }: { indicator: Indicator | null; all: Indicator[]; onClose(): void }) {
  const tt = useTgT();
  const message = useMessage();
  const onError = useErrorMessage();
  const units = useUnits();
  const [form] = Form.useForm<IndicatorInput>();
  const kind = Form.useWatch('kind', form);
  const aggregation = Form.useWatch('aggregation', form);
  const fillMethod = Form.useWatch('fillMethod', form);
  const feedKeys = useFeedKeys();
  const { lang } = useI18n();
  // Grouped by the module that counts them (企业库, 招商, 项目).
  const feedOptions = (['enterprises', 'attraction', 'projects'] as const).map((source) => ({
    label: tt(`feedSource.${source}`),
    options: (feedKeys.data?.items ?? []).filter((k: FeedKey) => k.source === source).map((k: FeedKey) => ({ value: k.key, label: `${k[lang]}（${k.measure}）` })),
  }));
  const save = useTgMutation((v: IndicatorInput) => (indicator ? targetsApi.updateIndicator(indicator.id, { ...(({ code: _c, ...rest }) => rest)(v), version: indicator.version }) : targetsApi.createIndicator(v)));
  const codes = all.filter((i) => i.id !== indicator?.id).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }));
  const initial: Partial<IndicatorInput> = indicator ?? {
    kind: 'flow', aggregation: 'sum', decimals: 2, fillMethod: 'manual', progressMode: 'days', rhythm: 'month', higherIsBetter: true, active: true,
    numeratorCode: null, denominatorCode: null, zoneUnitId: null, parentCode: null, sortOrder: (all.length + 1) * 10, feed: null,
  };
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      const values = { ...initial, ...v } as IndicatorInput;
      // Only a system-filled indicator has a data source.
      await save.mutateAsync({ ...values, feed: values.fillMethod === 'system' ? (values.feed ?? null) : null });
      message.success(tt('saved'));
      onClose();
    } catch (e) {
      if (!applyServerError(form, e, ['code'])) onError(e);
    }
  };
  const opts = <T extends string>(list: readonly T[], prefix: 'kind' | 'aggregation' | 'fillMethod' | 'progressMode' | 'rhythm') => list.map((x) => ({ value: x, label: tt(`${prefix}.${x}` as never) }));
  return (
    <Modal open title={indicator ? tt('ind.edit') : tt('ind.add')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initial} name="indicator">
        <Form.Item name="code" label={tt('ind.code')} extra={tt('ind.codeHelp')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: tt('ind.codeHelp') }]}>
          <Input disabled={Boolean(indicator)} maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={tt('ind.name')} rules={[{ required: true, whitespace: true, message: tt('required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 12 }}>
          <Form.Item name="measure" label={tt('ind.measure')} rules={[{ required: true, whitespace: true, message: tt('required') }]}>
            <Input maxLength={12} placeholder="亿元" />
          </Form.Item>
          <Form.Item name="kind" label={tt('ind.kind')}>
            <Select options={opts(KINDS, 'kind')} />
          </Form.Item>
          <Form.Item name="decimals" label={tt('ind.decimals')}>
            <InputNumber min={0} max={6} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {kind === 'ratio' && (
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
            <Form.Item name="numeratorCode" label={tt('ind.numerator')} rules={[{ required: true, message: tt('required') }]}>
              <Select options={codes} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="denominatorCode" label={tt('ind.denominator')} rules={[{ required: true, message: tt('required') }]}>
              <Select options={codes} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </div>
        )}
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <Form.Item name="aggregation" label={tt('ind.aggregation')}>
            <Select options={opts(AGGREGATIONS, 'aggregation')} />
          </Form.Item>
          {aggregation === 'zone_reported' && kind !== 'ratio' ? (
            <Form.Item name="zoneUnitId" label={tt('ind.zoneUnit')} rules={[{ required: true, message: tt('required') }]}>
              <Select options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          ) : (
            <Form.Item name="parentCode" label={tt('ind.parent')}>
              <Select allowClear options={codes} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          )}
          <Form.Item name="fillMethod" label={tt('ind.fillMethod')}>
            <Select options={opts(FILL_METHODS, 'fillMethod')} />
          </Form.Item>
          <Form.Item name="progressMode" label={tt('ind.progressMode')}>
            <Select options={opts(PROGRESS_MODES, 'progressMode')} />
          </Form.Item>
          <Form.Item name="rhythm" label={tt('ind.rhythm')} extra={tt('ind.rhythmHelp')}>
            <Select options={opts(RHYTHMS, 'rhythm')} data-testid="ind-rhythm" />
          </Form.Item>
        </div>
        {fillMethod === 'system' && (
          <Form.Item name="feed" label={tt('ind.feed')} extra={tt('ind.feedHelp')} rules={[{ required: true, message: tt('required') }]}>
            <Select data-testid="ind-feed" options={feedOptions} virtual={false} loading={feedKeys.isLoading} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 12 }}>
          <Form.Item name="higherIsBetter" label={tt('ind.higherIsBetter')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={tt('ind.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="sortOrder" label={tt('ind.sortOrder')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
