// 审核任务草稿: the source text with every recognised item highlighted beside the
// draft table. The supervisor edits, merges, splits, assigns lead and supporting
// units, a leader and a deadline, and confirms: the items become tasks (or
// reported figures), each linked to its sentence.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { Alert, Button, Checkbox, Col, DatePicker, Input, Row, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useErrorMessage } from '../api/useErrorMessage';
import { useUnitOptions } from '../system/queries';
import { QueryError } from '../system/QueryError';
import type { ConfirmItem, DocumentView, DraftItem } from './api';
import { useSvT } from './i18n';
import { useConfirm, useDocument } from './queries';
import { useMessage } from '../shell/feedback';

interface Row_ {
  key: string;
  include: boolean;
  confirmed: boolean;
  kind: 'task' | 'result';
  text: string;
  start: number;
  end: number;
  deadline: string | null;
  quantities: DraftItem['quantities'];
  project: DraftItem['project'];
  units: string[];
  leadUnitId: string | null;
  supportingUnitIds: string[];
  leaderName: string;
  campaign: string;
  indicator?: string;
  yoy?: number;
  period?: string;
  duplicateOf: DraftItem['duplicateOf'];
  rules: string[];
}

let seq = 0;
const nextKey = () => `r${++seq}`;

function rowsOf(view: DocumentView): Row_[] {
  const done = new Set(view.confirmed.map((c) => `${c.start}:${c.end}`));
  const doneResults = new Set(view.results.map((c) => `${c.start}:${c.end}`));
  return view.draft.items.map((it) => {
    const confirmed = done.has(`${it.start}:${it.end}`) || doneResults.has(`${it.start}:${it.end}`);
    return {
      key: nextKey(),
      // a possible duplicate of an existing task starts unticked: the supervisor decides
      include: !confirmed && it.kind === 'task' && !it.duplicateOf,
      confirmed,
      kind: it.kind,
      text: it.text,
      start: it.start,
      end: it.end,
      deadline: it.deadline,
      quantities: it.quantities,
      project: it.project,
      units: it.units,
      leadUnitId: it.leadUnitId ?? it.unitIds[0] ?? null,
      supportingUnitIds: it.leadUnitId ? it.supportingUnitIds : it.unitIds.slice(1),
      leaderName: it.leaderName ?? '',
      duplicateOf: it.duplicateOf,
      campaign: '',
      indicator: it.indicator,
      yoy: it.yoy,
      period: it.period,
      rules: it.rules,
    };
  });
}

/** Splits a row at the clause break nearest its middle; quantities go with the part that states them. */
function split(row: Row_, body: string): Row_[] | null {
  const text = body.slice(row.start, row.end);
  const mid = text.length / 2;
  let best = -1;
  for (let i = 1; i < text.length - 1; i++) if ('，；、,;'.includes(text[i]!) && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  if (best < 0) return null;
  const parts = [
    { start: row.start, end: row.start + best },
    { start: row.start + best + 1, end: row.end },
  ];
  return parts.map((p, i) => {
    const t = body.slice(p.start, p.end);
    const qs = row.quantities.filter((q) => t.includes(String(q.value)) || (i === 0 && !body.slice(parts[1]!.start, parts[1]!.end).includes(String(q.value))));
    return { ...row, key: nextKey(), start: p.start, end: p.end, text: t, quantities: qs, project: row.project && t.includes(row.project.name) ? row.project : i === 0 ? row.project : null };
  });
}

function merge(rows: Row_[], body: string): Row_ {
  const sorted = [...rows].sort((a, b) => a.start - b.start);
  const start = sorted[0]!.start;
  const end = Math.max(...sorted.map((r) => r.end));
  const first = sorted[0]!;
  return {
    ...first,
    key: nextKey(),
    start,
    end,
    text: body.slice(start, end),
    deadline: sorted.find((r) => r.deadline)?.deadline ?? null,
    quantities: sorted.flatMap((r) => r.quantities),
    project: sorted.find((r) => r.project)?.project ?? null,
    leadUnitId: sorted.find((r) => r.leadUnitId)?.leadUnitId ?? null,
    supportingUnitIds: [...new Set(sorted.flatMap((r) => r.supportingUnitIds))],
    rules: [...new Set([...sorted.flatMap((r) => r.rules), 'review:merged'])],
  };
}

export default function ReviewPage() {
  const { id = '' } = useParams();
  const q = useDocument(id);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  return <Review view={q.data} />;
}

function Review({ view }: { view: DocumentView }) {
  const t = useSvT();
  const navigate = useNavigate();
  const message = useMessage();
  const onError = useErrorMessage();
  const units = useUnitOptions();
  const confirm = useConfirm(view.document.id);
  const [rows, setRows] = useState<Row_[]>(() => rowsOf(view));
  const [selected, setSelected] = useState<string[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [campaign, setCampaign] = useState('');
  const sourceRef = useRef<HTMLDivElement>(null);
  const body = view.document.body;
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  useEffect(() => {
    if (!active) return;
    sourceRef.current?.querySelector(`[data-key="${active}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    document.querySelector(`tr[data-row-key="${active}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active]);

  // The source with a <mark> per row, in text order; overlapping spans are cut at the previous end.
  const marked = useMemo(() => {
    const out: React.ReactNode[] = [];
    let pos = 0;
    for (const r of [...rows].sort((a, b) => a.start - b.start)) {
      const s = Math.max(r.start, pos);
      if (s >= r.end) continue;
      if (s > pos) out.push(body.slice(pos, s));
      const cls = [r.confirmed ? 'gj-sv-confirmed' : r.kind === 'result' ? 'gj-sv-result' : '', active === r.key ? 'gj-sv-active' : ''].join(' ');
      out.push(
        <mark key={r.key} data-key={r.key} className={cls} onClick={() => setActive(r.key)}>
          {body.slice(s, r.end)}
        </mark>,
      );
      pos = r.end;
    }
    out.push(body.slice(pos));
    return out;
  }, [rows, body, active]);

  const patch = (key: string, p: Partial<Row_>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const taken = rows.filter((r) => r.include);
  const missing = taken.filter((r) => r.kind === 'task' && (!r.leadUnitId || !r.deadline));

  const submit = () => {
    if (missing.length) {
      message.warning(t('review.needLead'));
      setActive(missing[0]!.key);
      return;
    }
    const items: ConfirmItem[] = taken.map((r) => {
      const q = r.quantities[0];
      return {
        kind: r.kind,
        text: r.text,
        start: r.start,
        end: r.end,
        leadUnitId: r.leadUnitId,
        supportingUnitIds: r.supportingUnitIds,
        leaderName: r.leaderName || null,
        deadline: r.deadline,
        quantity: q ? { value: q.value, unit: q.unit, label: q.label, atLeast: q.atLeast } : null,
        priority: r.project ? 'high' : 'normal',
        campaign: r.campaign || campaign || null,
        cadence: r.deadline && dayjs(r.deadline).diff(dayjs(), 'day') < 90 ? 'dekad' : 'month',
        indicator: r.indicator ?? null,
        yoy: r.yoy ?? null,
        period: r.period ?? null,
      };
    });
    confirm.mutate(items, {
      onSuccess: (res) => {
        message.success(t('review.confirmed', { tasks: res.tasks.length, results: res.results.length }));
        void navigate(`/supervision/tasks?documentId=${view.document.id}`);
      },
      onError,
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('review.title')}：{view.document.title}（{view.document.issuedOn ?? view.document.year}）
        </Typography.Title>
        <span className="gj-sv-muted">{t('review.ms', { ms: view.draft.ms })}</span>
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <div className="gj-sv-muted" style={{ marginBottom: 6 }}>
            {t('review.source')}
          </div>
          <div className="gj-sv-source" ref={sourceRef} data-testid="sv-source-text">
            {marked}
          </div>
        </Col>
        <Col xs={24} xl={16}>
          <Space style={{ marginBottom: 8 }} wrap>
            <span>{t('review.items', { n: rows.length })}</span>
            <Button
              size="small"
              disabled={selected.length < 2}
              onClick={() => {
                const picked = rows.filter((r) => selected.includes(r.key));
                const m = merge(picked, body);
                setRows((rs) => [...rs.filter((r) => !selected.includes(r.key)), m].sort((a, b) => a.start - b.start));
                setSelected([]);
                setActive(m.key);
              }}
              data-testid="sv-merge"
            >
              {t('review.merge')}
            </Button>
            <Input size="small" placeholder={t('review.campaign')} value={campaign} onChange={(e) => setCampaign(e.target.value)} style={{ width: 160 }} data-testid="sv-campaign" />
            <Button type="primary" onClick={submit} loading={confirm.isPending} disabled={taken.length === 0} data-testid="sv-confirm">
              {t('review.confirm', { n: taken.length })}
            </Button>
          </Space>
          {missing.length > 0 && <Alert type="info" showIcon message={t('review.needLead')} style={{ marginBottom: 8 }} />}
          <Table<Row_>
            data-testid="sv-draft"
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 1100, y: 'calc(100vh - 330px)' }}
            dataSource={rows}
            rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), columnWidth: 32, hideSelectAll: true, fixed: true, columnTitle: <Tooltip title={t('review.merge')}><span className="gj-sv-muted">⊕</span></Tooltip> }}
            onRow={(r) => ({ onClick: () => setActive(r.key), className: active === r.key ? 'ant-table-row-selected' : '' })}
            columns={[
              {
                title: (
                  <Space size={4}>
                    {t('review.include')}
                    <Checkbox
                      data-testid="sv-include-all"
                      checked={rows.some((r) => !r.confirmed) && rows.every((r) => r.confirmed || r.include)}
                      indeterminate={rows.some((r) => r.include) && rows.some((r) => !r.confirmed && !r.include)}
                      onChange={(e) => setRows((rs) => rs.map((r) => (r.confirmed ? r : { ...r, include: e.target.checked })))}
                    />
                  </Space>
                ),
                width: 76,
                fixed: 'left',
                render: (_, r) => (r.confirmed ? <Tag color="green">{t('review.already')}</Tag> : <Checkbox data-testid="sv-include" checked={r.include} onChange={(e) => patch(r.key, { include: e.target.checked })} />),
              },
              {
                title: t('col.task'),
                dataIndex: 'text',
                width: 300,
                fixed: 'left',
                render: (_, r) => (
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Space size={4}>
                      <Tag color={r.kind === 'task' ? 'blue' : 'geekblue'}>{t(`review.kind.${r.kind}`)}</Tag>
                      <Tooltip title={`${t('review.rules')}: ${r.rules.join(', ')}`}>
                        <span className="gj-sv-muted">ⓘ</span>
                      </Tooltip>
                      {!r.confirmed && split(r, body) && (
                        <Button
                          size="small"
                          type="link"
                          onClick={(e) => {
                            e.stopPropagation();
                            const parts = split(r, body)!;
                            setRows((rs) => rs.flatMap((x) => (x.key === r.key ? parts : [x])));
                          }}
                        >
                          {t('review.split')}
                        </Button>
                      )}
                    </Space>
                    <Input.TextArea className="gj-sv-item-text" autoSize={{ minRows: 1, maxRows: 4 }} value={r.text} onChange={(e) => patch(r.key, { text: e.target.value })} disabled={r.confirmed} />
                    {!r.confirmed && r.duplicateOf && (
                      <Tooltip title={r.duplicateOf.text}>
                        <Tag color="orange" data-testid="sv-duplicate">
                          {t('review.duplicate')} <Link to={`/supervision/tasks/${r.duplicateOf.id}`} target="_blank">{t('review.duplicate.open')}</Link>
                        </Tag>
                      </Tooltip>
                    )}
                  </Space>
                ),
              },
              {
                title: t('review.quantities'),
                width: 200,
                render: (_, r) => (
                  <Space size={[4, 4]} wrap>
                    {r.quantities.map((q, i) => (
                      <Tooltip key={i} title={q.label}>
                        <Tag color="orange">
                          {q.value}
                          {q.upTo !== undefined ? `-${q.upTo}` : ''}
                          {q.unit}
                          {q.atLeast ? t('review.atLeast') : ''}
                        </Tag>
                      </Tooltip>
                    ))}
                    {r.project && <Tag color="purple" style={{ whiteSpace: 'normal' }}>{`${r.project.name} · ${t('review.investment', { value: r.project.investment.value, unit: r.project.investment.unit })}`}</Tag>}
                    {r.yoy !== undefined && <Tag>{t('review.yoy', { value: r.yoy })}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('col.deadline'),
                width: 140,
                render: (_, r) => (
                  <DatePicker
                    size="small"
                    value={r.deadline ? dayjs(r.deadline) : null}
                    onChange={(d) => patch(r.key, { deadline: d ? d.format('YYYY-MM-DD') : null })}
                    disabled={r.confirmed || r.kind === 'result'}
                    status={r.include && r.kind === 'task' && !r.deadline ? 'warning' : undefined}
                  />
                ),
              },
              {
                title: t('review.selectLead'),
                width: 150,
                render: (_, r) => (
                  <Select
                    size="small"
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 136 }}
                    allowClear
                    value={r.leadUnitId ?? undefined}
                    options={unitOptions}
                    onChange={(v) => patch(r.key, { leadUnitId: v ?? null })}
                    disabled={r.confirmed}
                    status={r.include && r.kind === 'task' && !r.leadUnitId ? 'warning' : undefined}
                    data-testid="sv-lead"
                  />
                ),
              },
              {
                title: t('review.selectSupporting'),
                width: 180,
                render: (_, r) => (
                  <Select
                    size="small"
                    mode="multiple"
                    optionFilterProp="label"
                    style={{ width: 166 }}
                    value={r.supportingUnitIds}
                    options={unitOptions.filter((u) => u.value !== r.leadUnitId)}
                    onChange={(v) => patch(r.key, { supportingUnitIds: v })}
                    disabled={r.confirmed || r.kind === 'result'}
                    maxTagCount="responsive"
                  />
                ),
              },
              {
                title: t('review.leader'),
                width: 100,
                render: (_, r) => <Input size="small" value={r.leaderName} onChange={(e) => patch(r.key, { leaderName: e.target.value })} disabled={r.confirmed || r.kind === 'result'} />,
              },
            ]}
          />
        </Col>
      </Row>
    </Space>
  );
}
