// One enterprise's plan: target, measures, leader; the cumulative output month
// by month against the time progress, and the form to report a month.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Spin, Table } from 'antd';
import { useMe } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { EChart, echarts } from '../projects/EChart';
import { QueryError } from '../system/QueryError';
import { entApi, type PlanDetail } from './api';
import { useEntT } from './i18n';
import { has, pct, StatusTag, wan } from './parts';
import { useEntMutation, usePlan } from './queries';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

// The bars against a line, with their legend (the cockpit's charts need neither).
echarts.use([LineChart, LegendComponent]);

function ActualForm({ plan, onClose }: { plan: PlanDetail; onClose(): void }) {
  const t = useEntT();
  const [form] = Form.useForm<{ month: number; output: string; note?: string }>();
  const month = Form.useWatch('month', form) ?? 1;
  const message = useMessage();
  const onError = useErrorMessage();
  const save = useEntMutation((v: { month: number; output: string; note?: string }) =>
    entApi.setActual(plan.id, v.month, {
      output: String(v.output),
      note: v.note ?? '',
      // The version of the month as read: a month not reported yet reads 1.
      version: plan.months.find((m) => m.month === v.month)?.version ?? 1,
    }),
  );
  const next = (plan.months.at(-1)?.month ?? 0) + 1;
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      await save.mutateAsync(v);
      message.success(t('saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Modal open title={t('plans.report')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ month: Math.min(next, 12) }}>
        <Form.Item name="month" label={t('plans.month')} rules={[{ required: true }]}>
          <Select style={{ width: 120 }} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}` }))} />
        </Form.Item>
        <Form.Item name="output" label={t('plans.output', { m: month })} rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber min={0} precision={2} stringMode style={{ width: 220 }} data-testid="plan-output" />
        </Form.Item>
        <Form.Item name="note" label={t('col.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PlanDetailPage() {
  const { id = '' } = useParams();
  const t = useEntT();
  const me = useMe();
  const q = usePlan(id);
  const [reporting, setReporting] = useState(false);
  const option = useMemo(() => {
    const months = q.data?.months ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      legend: { data: [t('plans.actualLine'), t('plans.expectedLine')], top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => `${m.month}月`) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('plans.actualLine'), type: 'bar', data: months.map((m) => Number(m.assessment.completion ?? 0)), itemStyle: { color: '#b71c1c' }, barMaxWidth: 28 },
        { name: t('plans.expectedLine'), type: 'line', data: months.map((m) => Number(m.assessment.expectedShare ?? 0)), itemStyle: { color: '#595959' }, lineStyle: { type: 'dashed' } },
      ],
    };
  }, [q.data, t]);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const p = q.data;
  const canReport = has(me, 'enterprise.write') && (me.user.role !== 'reporter' || me.user.unitId === p.unitId);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="plan-detail">
      <Link to="/enterprises/plans">← {t('back')}</Link>
      <Card size="small" title={`${p.enterpriseName} · ${p.year}`} extra={canReport && <Button type="primary" onClick={() => setReporting(true)}>{t('plans.report')}</Button>}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('col.target')}>{wan(p.targetOutput)}</Descriptions.Item>
          <Descriptions.Item label={t('plans.leader')}>{p.leaderName || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.name')}><Link to={`/enterprises/register/${p.enterpriseId}`}>{p.enterpriseName}</Link></Descriptions.Item>
          <Descriptions.Item label={t('plans.measures')} span={3}><div style={{ whiteSpace: 'pre-wrap' }}>{p.measures || '—'}</div></Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('plans.chart')}>
        {p.months.length > 0 && <EChart option={option} height={260} testId="plan-chart" />}
        <Table
          rowKey="month"
          size="small"
          pagination={false}
          dataSource={p.months}
          columns={[
            { title: t('col.month'), dataIndex: 'month', width: 70 },
            { title: t('col.actual'), align: 'right', render: (_, m) => wan(m.output) },
            { title: t('col.completion'), align: 'right', render: (_, m) => pct(m.assessment.completion) },
            { title: t('col.expected'), align: 'right', render: (_, m) => pct(m.assessment.expectedShare) },
            { title: t('col.status'), render: (_, m) => <StatusTag status={m.assessment.status} /> },
            { title: t('col.note'), dataIndex: 'note' },
          ]}
        />
      </Card>
      {reporting && <ActualForm plan={p} onClose={() => setReporting(false)} />}
    </Space>
  );
}
