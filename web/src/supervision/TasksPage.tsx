// 任务清单: the counts (on time, due soon, late, closed), the same counts by unit,
// leader, campaign or deadline month (a row filters the list), and the tasks
// with their lights, server-paginated.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Input, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { QueryError } from '../system/QueryError';
import type { Grouping, Standing, Task, TaskQuery } from './api';
import { useSvT } from './i18n';
import { LightDot, progressText, StandingTag, StateTag } from './parts';
import { useSummary, useTasks } from './queries';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';
import { Field, StackedList } from '../shell/StackedList';
import { usePhone } from '../shell/usePhone';

const GROUPINGS: Grouping[] = ['unit', 'leader', 'campaign', 'deadline'];
const groupFilter: Record<Grouping, keyof TaskQuery> = { unit: 'unitId', leader: 'leader', campaign: 'campaign', deadline: 'month' };

export default function TasksPage() {
  const t = useSvT();
  const [params, setParams] = useSearchParams();
  const by = (params.get('by') as Grouping) || 'unit';
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [standing, setStanding] = useState<Standing | undefined>();
  const [origin, setOrigin] = useState<'task' | 'pledge' | undefined>();
  const [q, setQ] = useState('');
  const group = params.get('group');
  const groupLabel = params.get('groupLabel');
  const documentId = params.get('documentId') ?? undefined;
  const base = { origin, q: q || undefined, documentId };
  const filter: TaskQuery = { page, pageSize, standing, ...base, ...(group ? { [groupFilter[by]]: group } : {}) };
  const summary = useSummary(by, base);
  const tasks = useTasks(filter);
  const totals = summary.data?.totals;
  const emptyZone = useNextStep('supervision') !== null;
  const phone = usePhone();
  const navigate = useNavigate();

  const pickGroup = (key: string | null, label: string | null) => {
    const next = new URLSearchParams(params);
    if (key) {
      next.set('group', key);
      next.set('groupLabel', label ?? key);
    } else {
      next.delete('group');
      next.delete('groupLabel');
    }
    setParams(next);
    setPage(1);
  };

  const stat = (key: 'total' | 'onTime' | 'amber' | 'late' | 'closed', color?: string, s?: Standing) => (
    <Col flex={phone ? '1 1 30%' : '1 1 160px'} key={key}>
      <Card size="small" hoverable={!!s} onClick={() => s !== undefined && (setStanding(standing === s ? undefined : s), setPage(1))} data-testid={`sv-count-${key}`}>
        <Statistic title={t(`count.${key}`)} value={totals?.[key] ?? 0} styles={{ content: { color } }} />
      </Card>
    </Col>
  );

  // A zone without tasks yet: what to do first, not a row of zeros (逾期 0 claims a standing there is none of).
  if (emptyZone && totals?.total === 0) return <ZoneEmpty page="supervision" />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]} className="gj-sv-counts">
        {stat('total')}
        {stat('onTime', '#389e0d', 'on_time')}
        {stat('amber', '#d48806', 'amber')}
        {stat('late', '#cf1322', 'late')}
        {stat('closed', '#595959', 'closed')}
      </Row>
      <Card
        size="small"
        title={
          <Segmented
            data-testid="sv-views"
            value={by}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              next.set('by', String(v));
              next.delete('group');
              next.delete('groupLabel');
              setParams(next);
            }}
            options={GROUPINGS.map((g) => ({ value: g, label: t(`view.${g}`) }))}
          />
        }
      >
        {summary.error ? (
          <QueryError error={summary.error} onRetry={() => summary.refetch()} />
        ) : phone ? (
          <StackedList
            compact
            data-testid="sv-summary"
            items={summary.data?.groups ?? []}
            loading={summary.isLoading}
            rowKey={(r) => r.key ?? '—'}
            selected={(r) => r.key === group}
            onOpen={(r) => pickGroup(r.key, r.label)}
            title={(r) => r.label ?? t('none')}
            extra={(r) => (
              <>
                {r.amber > 0 && <Tag color="gold">{t('count.amber')} {r.amber}</Tag>}
                {r.late > 0 && <Tag color="red">{t('count.late')} {r.late}</Tag>}
                <span className="gj-sv-muted" title={t('count.total')}>
                  {r.total}
                </span>
              </>
            )}
          />
        ) : (
          <Table
            data-testid="sv-summary"
            size="small"
            rowKey={(r) => r.key ?? '—'}
            loading={summary.isLoading}
            dataSource={summary.data?.groups ?? []}
            pagination={false}
            scroll={{ y: 240 }}
            onRow={(r) => ({ onClick: () => pickGroup(r.key, r.label), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.key === group ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t(`view.${by}`), dataIndex: 'label', render: (v: string | null) => v ?? t('none') },
              { title: t('count.total'), dataIndex: 'total', width: 90, align: 'right' },
              { title: t('count.onTime'), dataIndex: 'onTime', width: 90, align: 'right' },
              { title: t('count.amber'), dataIndex: 'amber', width: 90, align: 'right', render: (v: number) => (v ? <Tag color="gold">{v}</Tag> : 0) },
              { title: t('count.late'), dataIndex: 'late', width: 90, align: 'right', render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
              { title: t('count.closed'), dataIndex: 'closed', width: 90, align: 'right' },
            ]}
          />
        )}
      </Card>
      <Space wrap>
        <Input.Search allowClear placeholder={t('filter.search')} onSearch={(v) => (setQ(v), setPage(1))} style={{ width: phone ? 'calc(100vw - 48px)' : 240 }} />
        <Select
          allowClear
          placeholder={t('filter.standing')}
          style={{ width: 140 }}
          value={standing}
          onChange={(v) => (setStanding(v), setPage(1))}
          options={(['on_time', 'amber', 'late', 'closed'] as Standing[]).map((s) => ({ value: s, label: t(`standing.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('filter.origin')}
          style={{ width: 140 }}
          value={origin}
          onChange={(v) => (setOrigin(v), setPage(1))}
          options={[
            { value: 'task', label: t('origin.task') },
            { value: 'pledge', label: t('origin.pledge') },
          ]}
        />
        {group && (
          <Button size="small" onClick={() => pickGroup(null, null)} data-testid="sv-clear-group">
            {t('filter.group', { name: groupLabel ?? group })} ✕
          </Button>
        )}
      </Space>
      {tasks.error ? (
        <QueryError error={tasks.error} onRetry={() => tasks.refetch()} />
      ) : phone ? (
        <StackedList<Task>
          data-testid="sv-tasks"
          items={tasks.data?.items ?? []}
          loading={tasks.isLoading}
          rowKey={(r) => r.id}
          onOpen={(r) => navigate(`/supervision/tasks/${r.id}`)}
          pagination={{ current: page, pageSize, total: tasks.data?.total ?? 0, onChange: (p, sz) => (setPage(p), setPageSize(sz)) }}
          title={(r) => (
            <span className="gj-sv-card-title">
              <LightDot light={r.light} />{' '}
              <Link to={`/supervision/tasks/${r.id}`} onClick={(e) => e.stopPropagation()}>
                {r.text}
              </Link>
            </span>
          )}
          body={(r) => (
            <>
              <Space size={4} wrap style={{ marginBottom: 4 }}>
                <StateTag state={r.state} />
                <StandingTag standing={r.standing} />
                {r.priority !== 'normal' && <Tag color={r.priority === 'top' ? 'red' : 'volcano'}>{t(`priority.${r.priority}`)}</Tag>}
                {r.reportDue && <Tag color="blue">{t('reportDue')}</Tag>}
                {r.slipCount > 0 && <Tag color="red">{t('slips', { n: r.slipCount })}</Tag>}
              </Space>
              <Field label={t('col.lead')}>{r.leadUnitName}</Field>
              {r.leaderName && <Field label={t('col.leader')}>{r.leaderName}</Field>}
              <Field label={t('col.deadline')}>{r.deadline}</Field>
              <Field label={t('col.progress')}>{progressText(r)}</Field>
            </>
          )}
        />
      ) : (
        <Table<Task>
          data-testid="sv-tasks"
          rowKey="id"
          size="middle"
          loading={tasks.isLoading}
          dataSource={tasks.data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: tasks.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (p, s) => (setPage(p), setPageSize(s)),
          }}
          columns={[
            { title: t('col.light'), dataIndex: 'light', width: 56, align: 'center', render: (_, r) => <LightDot light={r.light} /> },
            {
              title: t('col.task'),
              dataIndex: 'text',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/supervision/tasks/${r.id}`}>{r.text}</Link>
                  <Space size={4} wrap>
                    <span className="gj-sv-muted">{t(`origin.${r.origin}`)}</span>
                    {r.priority !== 'normal' && <Tag color={r.priority === 'top' ? 'red' : 'volcano'}>{t(`priority.${r.priority}`)}</Tag>}
                    {r.reportDue && <Tag color="blue">{t('reportDue')}</Tag>}
                    {r.explained && <Tag>{t('detail.explained')}</Tag>}
                    {r.longTerm && <Tag>{t('detail.longTerm')}</Tag>}
                  </Space>
                </Space>
              ),
            },
            { title: t('col.lead'), dataIndex: 'leadUnitName', width: 120 },
            { title: t('col.leader'), dataIndex: 'leaderName', width: 100, render: (v: string | null) => v ?? '—' },
            { title: t('col.deadline'), dataIndex: 'deadline', width: 110 },
            { title: t('col.state'), dataIndex: 'state', width: 150, render: (_, r) => <Space size={4}><StateTag state={r.state} /><StandingTag standing={r.standing} /></Space> },
            { title: t('col.progress'), key: 'progress', width: 130, render: (_, r) => <Typography.Text>{progressText(r)}</Typography.Text> },
            { title: t('col.slips'), dataIndex: 'slipCount', width: 70, align: 'right', render: (v: number) => (v ? <Tag color="red">{t('slips', { n: v })}</Tag> : '—') },
          ]}
        />
      )}
    </Space>
  );
}
