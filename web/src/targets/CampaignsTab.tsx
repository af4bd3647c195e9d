// 攻坚行动: campaigns with their countdown (剩余 N 天) and time elapsed; a campaign's
// indicators judged for the month, with its projects and tasks; a supervisor
// creates and changes them.
import { useState } from 'react';
import { Button, DatePicker, Drawer, Empty, Form, Input, Modal, Popconfirm, Progress, Select, Space, Spin, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import type { IndicatorRow } from '../cockpit/api';
import { figure, pct } from '../cockpit/format';
import { StatusTag } from '../cockpit/parts';
import { targetsApi, type Campaign, type CampaignDetail, type CampaignInput } from './api';
import { useTgT } from './i18n';
import { useCampaign, useCampaigns, useIndicators, useTgMutation } from './queries';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

export default function CampaignsTab({ period }: { period: string }) {
  const tt = useTgT();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const q = useCampaigns(page);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<CampaignDetail | 'new' | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      {can('config.write') && (
        <div className="gj-tg-toolbar">
          <span />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="cp-add">
            {tt('cp.add')}
          </Button>
        </div>
      )}
      <Table<Campaign>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        data-testid="cp-table"
        locale={{ emptyText: <Empty description={tt('cp.empty')} /> }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: tt('cp.name'), dataIndex: 'name', render: (v: string) => <b>{v}</b> },
          { title: tt('cp.dates'), key: 'dates', render: (_, r) => `${r.startDate} ～ ${r.endDate}（${tt('cp.total', { n: r.totalDays })}）` },
          { title: '', dataIndex: 'phase', render: (p: Campaign['phase']) => <Tag color={p === 'running' ? 'red' : p === 'upcoming' ? 'blue' : 'default'}>{tt(`cp.phase.${p}`)}</Tag> },
          { title: '', key: 'left', render: (_, r) => <Countdown c={r} /> },
          { title: tt('cp.progress'), dataIndex: 'elapsedShare', width: 200, render: (v: string) => <Progress percent={Number(v)} size="small" strokeColor="#a3241c" /> },
        ]}
      />
      <CampaignDrawer id={open} period={period} onClose={() => setOpen(null)} onEdit={(c) => (setOpen(null), setEditing(c))} />
      {editing && <CampaignModal campaign={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function Countdown({ c }: { c: Campaign }) {
  const tt = useTgT();
  if (c.phase === 'ended') return <span className="gj-tg-muted">{tt('cp.ended')}</span>;
  return <span className="gj-tg-campaign-days">{c.phase === 'upcoming' ? tt('cp.upcoming', { date: c.startDate, n: c.daysToStart }) : tt('cp.left', { n: c.daysLeft })}</span>;
}

function CampaignDrawer({ id, period, onClose, onEdit }: { id: string | null; period: string; onClose(): void; onEdit(c: CampaignDetail): void }) {
  const tt = useTgT();
  const { lang } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const onError = useErrorMessage();
  const q = useCampaign(id, period);
  const remove = useTgMutation((cid: string) => targetsApi.deleteCampaign(cid));
  const c = q.data;
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={760} destroyOnHidden title={c?.name ?? ''} data-testid="cp-drawer"
      extra={c && can('config.write') ? (
        <Space>
          <Button onClick={() => onEdit(c)}>{tt('cp.edit')}</Button>
          <Popconfirm title={tt('cp.deleteConfirm')} onConfirm={() => remove.mutateAsync(c.id).then(() => (message.success(tt('saved')), onClose()), onError)}>
            <Button danger>×</Button>
          </Popconfirm>
        </Space>
      ) : null}
    >
      {q.error ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : !c ? <Spin /> : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <div>
            <Countdown c={c} />
            <div className="gj-tg-muted">{c.startDate} ～ {c.endDate} · {tt('cp.total', { n: c.totalDays })}</div>
            <Progress percent={Number(c.elapsedShare)} strokeColor="#a3241c" />
            {c.description && <p style={{ whiteSpace: 'pre-wrap' }}>{c.description}</p>}
          </div>
          <div>
            <h4>{tt('cp.indicatorsOf', { period: c.period ?? period })}</h4>
            <Table<IndicatorRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.indicators}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              columns={[
                { title: tt('tg.indicator'), dataIndex: 'name' },
                { title: tt('rp.value'), dataIndex: 'value', align: 'right', render: (v: string | null, r) => figure(v, r.unit, r.decimals, lang) },
                { title: tt('tg.floor'), dataIndex: 'completion', align: 'right', render: pct },
                { title: tt('cp.progress'), dataIndex: 'expectedShare', align: 'right', render: pct },
                { title: '', dataIndex: 'status', render: (s: IndicatorRow['status']) => <StatusTag status={s} /> },
              ]}
            />
          </div>
          <div>
            <h4>{tt('cp.items')}</h4>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.items}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              columns={[
                { title: '', dataIndex: 'itemType', width: 90, render: (v: 'project' | 'task') => <Tag>{tt(v === 'project' ? 'cp.projects' : 'cp.tasks')}</Tag> },
                { title: tt('cp.name'), dataIndex: 'title', render: (v: string, r) => (r.exists ? v : <span className="gj-tg-muted">{v}（{tt('cp.gone')}）</span>) },
                { title: '', dataIndex: 'deadline', render: (v: string | null) => v ?? '' },
              ]}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

interface Values {
  name: string;
  description?: string;
  dates: [Dayjs, Dayjs];
  indicatorIds: string[];
  projects: { value: string; label: string }[];
  tasks: { value: string; label: string }[];
}

function ItemPicker({ type, value, onChange }: { type: 'project' | 'task'; value?: Values['projects']; onChange?(v: Values['projects']): void }) {
  const tt = useTgT();
  const [search, setSearch] = useState('');
  const q = useQuery({ queryKey: ['targets', 'candidates', type, search], queryFn: () => targetsApi.candidates(type, search) });
  return (
    <Select
      mode="multiple"
      labelInValue
      value={value}
      onChange={onChange}
      filterOption={false}
      showSearch={{ onSearch: setSearch }}
      placeholder={tt('cp.search')}
      notFoundContent={q.isFetching ? <Spin size="small" /> : null}
      options={(q.data ?? []).map((c) => ({ value: c.itemId, label: c.title }))}
    />
  );
}

function CampaignModal({ campaign, onClose }: { campaign: CampaignDetail | null; onClose(): void }) {
  const tt = useTgT();
  const message = useMessage();
  const onError = useErrorMessage();
  const inds = useIndicators();
  const [form] = Form.useForm<Values>();
  const save = useTgMutation((body: CampaignInput) => (campaign ? targetsApi.updateCampaign(campaign.id, campaign.version, body) : targetsApi.createCampaign(body)));
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    const items = [
      ...(v.projects ?? []).map((p) => ({ itemType: 'project' as const, itemId: p.value, title: String(p.label) })),
      ...(v.tasks ?? []).map((p) => ({ itemType: 'task' as const, itemId: p.value, title: String(p.label).slice(0, 200) })),
    ];
    try {
      await save.mutateAsync({ name: v.name.trim(), description: v.description?.trim() ?? '', startDate: v.dates[0].format('YYYY-MM-DD'), endDate: v.dates[1].format('YYYY-MM-DD'), indicatorIds: v.indicatorIds ?? [], items });
      message.success(tt('saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };
  const pick = (t: 'project' | 'task') => (campaign?.items ?? []).filter((i) => i.itemType === t).map((i) => ({ value: i.itemId, label: i.title }));
  const initial: Partial<Values> = campaign
    ? { name: campaign.name, description: campaign.description, dates: [dayjs(campaign.startDate), dayjs(campaign.endDate)], indicatorIds: campaign.indicatorIds, projects: pick('project'), tasks: pick('task') }
    : { indicatorIds: [], projects: [], tasks: [] };
  return (
    <Modal open title={campaign ? tt('cp.edit') : tt('cp.add')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initial} name="campaign">
        <Form.Item name="name" label={tt('cp.name')} rules={[{ required: true, whitespace: true, message: tt('required') }]}>
          <Input maxLength={80} placeholder="冲刺100天、奋力保全年" />
        </Form.Item>
        <Form.Item name="dates" label={tt('cp.dates')} rules={[{ required: true, message: tt('required') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="indicatorIds" label={tt('cp.indicators')}>
          <Select mode="multiple" options={(inds.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="projects" label={tt('cp.projects')}>
          <ItemPicker type="project" />
        </Form.Item>
        <Form.Item name="tasks" label={tt('cp.tasks')}>
          <ItemPicker type="task" />
        </Form.Item>
        <Form.Item name="description" label={tt('cp.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
