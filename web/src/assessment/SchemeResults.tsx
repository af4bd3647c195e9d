// One scheme's results: rank, units with the red flag, base + bonuses/deductions =
// total, rank change against the previous period, and each item's points with how
// they were earned and the records behind them. The supervisor publishes (frozen)
// and, afterwards, recomputes to see what would change.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Spin, Table, Tag } from 'antd';
import { CalculatorOutlined, CheckCircleOutlined, DeleteOutlined, EditOutlined, FlagFilled } from '@ant-design/icons';
import { useSession } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { assessmentApi, type Difference, type ItemScore, type UnitResult } from './api';
import { useAsT, type AsKey } from './i18n';
import { useAdjustments, useAsMutation, useOptions, useResults, useScheme } from './queries';
import { SchemeEditor } from './SchemeEditor';
import { useMessage } from '../shell/feedback';

function RankChange({ n }: { n: number | null }) {
  const at = useAsT();
  if (n === null) return <span>—</span>;
  if (n > 0) return <span className="gj-as-up">↑ {at('up', { n })}</span>;
  if (n < 0) return <span className="gj-as-down">↓ {at('down', { n: -n })}</span>;
  return <span>{at('same')}</span>;
}

function ItemsTable({ unit }: { unit: UnitResult }) {
  const at = useAsT();
  return (
    <div className="gj-as-items">
      <Table<ItemScore>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={unit.items}
        columns={[
          { title: at('col.item'), dataIndex: 'name', width: 180 },
          { title: at('col.weight'), dataIndex: 'weight', width: 70, align: 'right' },
          { title: at('col.points'), dataIndex: 'points', width: 80, align: 'right', render: (v: string) => <b>{v}</b> },
          {
            title: at('col.explanation'),
            dataIndex: 'explanation',
            render: (v: string, r) => (
              <div data-testid={`as-expl-${r.key}`}>
                {v}
                {r.evidence.length > 0 && (
                  <ul className="gj-as-evidence">
                    {r.evidence.map((e, i) => <li key={i}>{e}</li>)}
                  </ul>
                )}
              </div>
            ),
          },
        ]}
      />
      {unit.adjustments.map((a, i) => (
        <div key={i} className="gj-as-meta" style={{ padding: '6px 8px' }}>{a.explanation}</div>
      ))}
      <div className="gj-as-meta" style={{ padding: '6px 8px' }} data-testid="as-summary">{unit.summary}</div>
    </div>
  );
}

function Adjustments({ id, group }: { id: string; group: string }) {
  const at = useAsT();
  const onError = useErrorMessage();
  const options = useOptions();
  const list = useAdjustments(id, true);
  const [form] = Form.useForm<{ unitId: string; points: number; reason: string }>();
  const add = useAsMutation((v: { unitId: string; points: string; reason: string }) => assessmentApi.addAdjustment(id, v));
  const remove = useAsMutation((adjustmentId: string) => assessmentApi.removeAdjustment(id, adjustmentId));
  const units = options.data?.groups.find((g) => g.group === group)?.units ?? [];
  return (
    <div className="gj-as-section">
      <h4>{at('adjustments')}</h4>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: at('noAdjustments') }}
        columns={[
          { title: at('col.unit'), dataIndex: 'unitName', width: 140 },
          { title: at('col.adjustment'), dataIndex: 'points', width: 90, render: (v: string) => (v.startsWith('-') ? v : `+${v}`) },
          { title: at('col.reason'), dataIndex: 'reason' },
          {
            title: '',
            width: 50,
            render: (_: unknown, r: { id: string }) => (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove.mutate(r.id, { onError })} />
            ),
          },
        ]}
      />
      <Form
        form={form}
        name="as-adj"
        layout="inline"
        style={{ marginTop: 8, rowGap: 8 }}
        onFinish={(v) => add.mutate({ unitId: v.unitId, points: String(v.points), reason: v.reason }, { onError, onSuccess: () => form.resetFields() })}
      >
        <Form.Item name="unitId" rules={[{ required: true, message: at('required') }]}>
          <Select style={{ width: 140 }} placeholder={at('col.unit')} options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="as-adj-unit" />
        </Form.Item>
        <Form.Item name="points" rules={[{ required: true, message: at('required') }]}>
          <InputNumber style={{ width: 100 }} placeholder="±" step={0.5} min={-100} max={100} precision={2} data-testid="as-adj-points" />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true, min: 2, message: at('required') }]}>
          <Input style={{ width: 260 }} placeholder={at('col.reason')} data-testid="as-adj-reason" />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending} data-testid="as-adj-add">{at('addAdjustment')}</Button>
      </Form>
    </div>
  );
}

function DiffModal({ diffs, onClose }: { diffs: Difference[]; onClose(): void }) {
  const at = useAsT();
  const label = (f: string) => (['total', 'rank', 'redFlag', 'unit'].includes(f) ? at(`field.${f}` as AsKey) : f);
  const value = (f: string, v: string) => (f === 'redFlag' ? (v === 'true' ? '★' : '—') : v);
  return (
    <Modal open title={at('diffTitle')} onCancel={onClose} footer={<Button onClick={onClose}>OK</Button>} width={680}>
      {diffs.length === 0 ? (
        <Alert type="success" showIcon title={at('noDiff')} />
      ) : (
        <Table<Difference>
          size="small"
          rowKey={(d) => `${d.unitId}-${d.field}`}
          pagination={false}
          dataSource={diffs}
          data-testid="as-diff"
          columns={[
            { title: at('col.unit'), dataIndex: 'unitName' },
            { title: at('col.field'), dataIndex: 'field', render: label },
            { title: at('col.publishedValue'), dataIndex: 'published', render: (v: string, d) => value(d.field, v) },
            { title: at('col.nowValue'), dataIndex: 'now', render: (v: string, d) => <b>{value(d.field, v)}</b> },
          ]}
        />
      )}
    </Modal>
  );
}

export function SchemeResults({ id }: { id: string }) {
  const at = useAsT();
  const { can } = useSession();
  const message = useMessage();
  const navigate = useNavigate();
  const onError = useErrorMessage();
  const scheme = useScheme(id);
  const results = useResults(id);
  const [editing, setEditing] = useState(false);
  const [diffs, setDiffs] = useState<Difference[] | null>(null);
  const publish = useAsMutation((version: number) => assessmentApi.publish(id, version));
  const remove = useAsMutation(() => assessmentApi.remove(id));
  const [recomputing, setRecomputing] = useState(false);
  if (scheme.error) return <QueryError error={scheme.error} onRetry={() => void scheme.refetch()} />;
  if (!scheme.data) return <Spin />;
  const s = scheme.data;
  const draft = s.state === 'draft';
  const r = results.data;

  async function recompute() {
    setRecomputing(true);
    try {
      setDiffs((await assessmentApi.recompute(id)).differences);
    } catch (err) {
      onError(err);
    } finally {
      setRecomputing(false);
    }
  }

  return (
    <div data-testid="as-results">
      <div className="gj-as-head">
        <div>
          <h3>
            {s.name} <Tag color={draft ? 'default' : 'green'}>{at(`state.${s.state}`)}</Tag>
          </h3>
          <div className="gj-as-meta">
            {at(`kind.${s.periodKind}`)} {s.period}（{s.startDate} ~ {s.endDate}）·{' '}
            {s.rankingGroup === 'territorial' || s.rankingGroup === 'functional' ? at(`group.${s.rankingGroup}`) : s.rankingGroup}
          </div>
          {r && (
            <div className="gj-as-meta">
              {at('asOf', { date: r.asOf, month: r.figureMonth })} · {r.previous ? at('previous', { name: r.previous.name }) : at('noPrevious')}
            </div>
          )}
        </div>
        <Space wrap>
          {draft && can('config.write') && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="as-edit">{at('edit')}</Button>
              <Popconfirm title={at('deleteConfirm')} onConfirm={() => remove.mutate(undefined, { onError, onSuccess: () => void navigate('/assessment') })}>
                <Button danger icon={<DeleteOutlined />}>{at('delete')}</Button>
              </Popconfirm>
            </>
          )}
          {draft && can('unitData.approve') && (
            <Popconfirm
              title={at('publishConfirm')}
              onConfirm={() => publish.mutate(s.version, { onError, onSuccess: () => void message.success(at('publishedOk')) })}
            >
              <Button type="primary" icon={<CheckCircleOutlined />} loading={publish.isPending} data-testid="as-publish">{at('publish')}</Button>
            </Popconfirm>
          )}
          {!draft && can('unitData.approve') && (
            <Button icon={<CalculatorOutlined />} loading={recomputing} onClick={() => void recompute()} data-testid="as-recompute">{at('recompute')}</Button>
          )}
        </Space>
      </div>
      {!draft && <Alert type="info" showIcon title={at('published')} style={{ marginBottom: 12 }} />}
      {results.error ? (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <Table<UnitResult>
          size="middle"
          rowKey="unitId"
          loading={results.isLoading}
          pagination={false}
          dataSource={r?.units ?? []}
          expandable={{ expandedRowRender: (u) => <ItemsTable unit={u} />, expandRowByClick: true }}
          onRow={(u) => ({ 'data-testid': `as-unit-${u.unitName}` } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: at('col.rank'), dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? '—' },
            {
              title: at('col.unit'),
              dataIndex: 'unitName',
              render: (v: string, u) => (
                <span>
                  {v}{' '}
                  {u.redFlag && (
                    <Tag color="red" icon={<FlagFilled />} data-testid="as-redflag">{at('flag')}</Tag>
                  )}
                </span>
              ),
            },
            { title: at('col.base'), dataIndex: 'base', align: 'right', width: 90 },
            { title: at('col.adjustment'), dataIndex: 'adjustment', align: 'right', width: 100, render: (v: string) => (v === '0.00' ? '—' : v.startsWith('-') ? v : `+${v}`) },
            { title: at('col.total'), dataIndex: 'total', align: 'right', width: 90, render: (v: string) => <span className="gj-as-total">{v}</span> },
            { title: at('col.change'), dataIndex: 'rankChange', width: 120, render: (n: number | null) => <RankChange n={n} /> },
          ]}
        />
      )}
      {draft && can('unitData.approve') && <Adjustments id={id} group={s.rankingGroup} />}
      {editing && <SchemeEditor scheme={s} onClose={() => setEditing(false)} />}
      {diffs && <DiffModal diffs={diffs} onClose={() => setDiffs(null)} />}
    </div>
  );
}
