// 审核锁定: the month's figures by state; a supervisor approves or returns them
// (with a reason) and locks the month once it is published. Corrections show as such.
import { useState } from 'react';
import { Button, Input, Modal, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { CheckOutlined, LockOutlined, RollbackOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { formatDateTime } from '../i18n/format';
import { QueryError } from '../system/QueryError';
import { targetsApi, type FigureItem, type FigureState } from './api';
import { useTgT } from './i18n';
import { useFigures, useTgMutation } from './queries';
import { STATE_COLOR } from './ReportTab';
import { useMessage } from '../shell/feedback';

const STATES: FigureState[] = ['submitted', 'returned', 'draft', 'approved'];

export default function ReviewTab({ period }: { period: string }) {
  const tt = useTgT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [state, setState] = useState<FigureState | 'all'>('submitted');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const q = useFigures({ period, page, pageSize: 50, state: state === 'all' ? undefined : state });
  const review = useTgMutation(targetsApi.review);
  const lock = useTgMutation((confirm?: { confirmMissing: true; reason: string }) => targetsApi.lock(period, confirm));
  // Units not all approved: the server names them; locking anyway needs a reason (audited).
  const [missing, setMissing] = useState<string | null>(null);
  const [lockReason, setLockReason] = useState('');
  const doLock = (confirm?: { confirmMissing: true; reason: string }) =>
    lock.mutateAsync(confirm).then(
      () => {
        message.success(tt('rv.lockedDone', { period }));
        setMissing(null);
        setLockReason('');
      },
      (err: unknown) => (err instanceof ApiError && err.code === 'targets.lock_missing_units' && !confirm ? setMissing(err.message) : onError(err)),
    );
  const decide = (decision: 'approve' | 'return') =>
    review
      .mutateAsync({
        // Each with the version on screen: a figure the unit changed since is refused (409).
        figures: (q.data?.items ?? []).filter((f) => selected.includes(f.id)).map((f) => ({ id: f.id, version: f.version })),
        decision,
        reason: decision === 'return' ? reason.trim() : undefined,
      })
      .then((r) => {
        message.success(tt('rv.reviewed', { n: r.reviewed }));
        setSelected([]);
        setReturning(false);
        setReason('');
      }, onError);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const locked = q.data?.locked ?? false;
  return (
    <>
      <div className="gj-tg-toolbar">
        <Space wrap>
          <Tag color="blue">{period}</Tag>
          <Segmented<FigureState | 'all'>
            value={state}
            onChange={(v) => (setState(v), setPage(1), setSelected([]))}
            options={[...STATES.map((s) => ({ value: s, label: tt(`state.${s}`) })), { value: 'all', label: tt('all') }]}
            data-testid="rv-state"
          />
          {locked && (
            <Tag icon={<LockOutlined />} color="red" data-testid="rv-locked">
              {tt('rv.locked')}
            </Tag>
          )}
        </Space>
        <Space wrap>
          {selected.length > 0 && <span className="gj-tg-muted">{tt('rv.selected', { n: selected.length })}</span>}
          <Button type="primary" icon={<CheckOutlined />} disabled={!selected.length} loading={review.isPending} onClick={() => void decide('approve')} data-testid="rv-approve">
            {tt('rv.approve')}
          </Button>
          <Button danger icon={<RollbackOutlined />} disabled={!selected.length} onClick={() => setReturning(true)} data-testid="rv-return">
            {tt('rv.return')}
          </Button>
          <Popconfirm title={tt('rv.lockConfirm', { period })} onConfirm={() => void doLock()}>
            <Button icon={<LockOutlined />} disabled={locked} loading={lock.isPending} data-testid="rv-lock">
              {tt('rv.lock')}
            </Button>
          </Popconfirm>
        </Space>
      </div>
      <Table<FigureItem>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        data-testid="rv-table"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: r.state !== 'submitted' }) }}
        pagination={{ current: page, pageSize: 50, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: tt('unit'), dataIndex: 'unitName', render: (v: string | null, r) => (r.unitId ? v : <Space size={4}>{v}<Tag color="purple">{tt('rp.level.zone')}</Tag></Space>) },
          { title: tt('tg.indicator'), dataIndex: 'indicatorName' },
          { title: tt('rp.value'), dataIndex: 'value', align: 'right', render: (v: string, r) => `${v} ${r.measure}` },
          { title: tt('rp.prevYear'), dataIndex: 'prevYear', align: 'right', render: (v: string | null, r) => (v === null ? '—' : `${v} ${r.measure}`) },
          { title: tt('rp.note'), dataIndex: 'note', ellipsis: true },
          {
            title: tt('rv.state'),
            dataIndex: 'state',
            render: (s: FigureState, r) => (
              <Space size={4} wrap>
                <Tag color={STATE_COLOR[s]}>{tt(`state.${s}`)}</Tag>
                {r.correctionReason && <Tag color="orange" title={r.correctionReason}>{tt('rv.corrected')}：{r.correctionReason}</Tag>}
                {r.returnReason && <span style={{ color: '#cf1322' }}>{r.returnReason}</span>}
              </Space>
            ),
          },
          { title: tt('rv.source'), dataIndex: 'source', render: (s: string, r) => `${tt(`fillMethod.${s === 'feed' ? 'feed' : s === 'system' ? 'system' : 'manual'}`)}${r.sourceName && r.sourceName !== 'demo' ? `（${r.sourceName}）` : ''}` },
          { title: tt('rv.updated'), dataIndex: 'updatedAt', render: formatDateTime },
        ]}
      />
      <Modal open={returning} title={tt('rv.return')} onCancel={() => setReturning(false)} onOk={() => void decide('return')} okButtonProps={{ disabled: !reason.trim(), danger: true }} confirmLoading={review.isPending}>
        <Input.TextArea rows={3} maxLength={500} placeholder={tt('rv.returnReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="rv-reason" />
      </Modal>
      <Modal
        open={missing !== null}
        title={tt('rv.lockMissing')}
        onCancel={() => setMissing(null)}
        onOk={() => void doLock({ confirmMissing: true, reason: lockReason.trim() })}
        okText={tt('rv.lockAnyway')}
        okButtonProps={{ disabled: !lockReason.trim(), danger: true, ...{ 'data-testid': 'rv-lock-anyway' } }}
        confirmLoading={lock.isPending}
      >
        <p data-testid="rv-lock-missing">{missing}</p>
        <Input.TextArea rows={3} maxLength={500} placeholder={tt('rv.lockReason')} value={lockReason} onChange={(e) => setLockReason(e.target.value)} data-testid="rv-lock-reason" />
      </Modal>
    </>
  );
}
