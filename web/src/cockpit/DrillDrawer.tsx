// The drill-down: from a zone figure to its units, and from a unit (or a zone
// figure a department reports) to its reported rows, month by month, with
// state, source and corrections.
import { Alert, Button, Drawer, Empty, Space, Table, Tag } from 'antd';
import { usePhone } from '../shell/usePhone';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { QueryError } from '../system/QueryError';
import type { DrillRow, IndicatorRow, UnitRow } from './api';
import { figure, formatYoy, pct } from './format';
import { useCkT } from './i18n';
import { RankChange, StatusTag } from './parts';
import { useDrill } from './queries';
import { InstructionsBlock } from '../instructions/parts';

export interface DrillTarget {
  ind: IndicatorRow;
  /** null: the zone (its units, or the zone figure itself). */
  unitId: string | null;
}

export function DrillDrawer({ target, year, period, onChange, onClose }: { target: DrillTarget | null; year: number; period?: string; onChange(t: DrillTarget): void; onClose(): void }) {
  const ct = useCkT();
  const phone = usePhone();
  const ind = target?.ind;
  const unit = ind?.units.find((u) => u.unitId === target?.unitId) ?? null;
  const showUnits = Boolean(ind && !target?.unitId && ind.aggregation === 'sum' && ind.units.length > 0);
  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      size={phone ? '100%' : 900}
      destroyOnHidden
      data-testid="drill-drawer"
      title={ind ? ct('drill.title', { name: ind.name, unit: unit?.unitName ?? ct('drill.zone'), year }) : ''}
    >
      {ind && target?.unitId && ind.aggregation === 'sum' && (
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => onChange({ ind, unitId: null })} style={{ paddingInline: 0, marginBottom: 8 }}>
          {ct('drill.zone')}
        </Button>
      )}
      {ind && !ind.complete && ind.coverage && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="drill-incomplete"
          title={`${ct('coverage', { reported: ind.coverage.reported, expected: ind.coverage.expected })} · ${ct('incomplete.note')}`}
          description={ind.coverage.missingUnitNames.length ? ct('coverage.missing', { names: ind.coverage.missingUnitNames.join('、') }) : undefined}
        />
      )}
      {ind && showUnits && <UnitsTable ind={ind} onPick={(u) => onChange({ ind, unitId: u.unitId })} />}
      {ind && !showUnits && ind.kind === 'ratio' && !target?.unitId ? (
        <Alert type="info" showIcon title={`${ind.name}：${figure(ind.value, ind.unit, ind.decimals, 'zh')}`} />
      ) : (
        ind && !showUnits && <Months ind={ind} unitId={target?.unitId ?? null} year={year} />
      )}
      {/* 领导批示 on the zone's indicator of the month shown (a leader writes one here). */}
      {ind && !target?.unitId && period && (
        <div style={{ marginTop: 16 }}>
          <InstructionsBlock subjectType="indicator" subjectId={ind.id} period={period} subjectTitle={`${ind.name}（${period}）`} />
        </div>
      )}
    </Drawer>
  );
}

function UnitsTable({ ind, onPick }: { ind: IndicatorRow; onPick(u: UnitRow): void }) {
  const ct = useCkT();
  const { lang } = useI18n();
  return (
    <Table<UnitRow>
      rowKey="unitId"
      size="small"
      scroll={{ x: 'max-content' }}
      pagination={false}
      dataSource={ind.units}
      data-testid="drill-units"
      columns={[
        { title: ct('col.unit'), dataIndex: 'unitName', render: (v: string, u) => <Button type="link" size="small" onClick={() => onPick(u)} style={{ paddingInline: 0 }}>{v}</Button> },
        { title: ct('col.value'), dataIndex: 'value', align: 'right', render: (v: string | null) => figure(v, ind.unit, ind.decimals, lang) },
        { title: ct('yoy'), dataIndex: 'yoy', render: (v: string | null) => formatYoy(v, { lang }) },
        { title: ct('col.completion'), dataIndex: 'completion', align: 'right', render: pct },
        { title: ct('col.gap'), dataIndex: 'gap', align: 'right', render: (v: string | null) => v ?? '—' },
        { title: ct('col.status'), dataIndex: 'status', render: (s: UnitRow['status']) => <StatusTag status={s} /> },
        { title: ct('col.rank'), dataIndex: 'rank', align: 'right', render: (v: number | null) => v ?? '—' },
        { title: ct('col.change'), dataIndex: 'rankChange', render: (v: number | null) => <RankChange change={v} /> },
      ]}
    />
  );
}

function Months({ ind, unitId, year }: { ind: IndicatorRow; unitId: string | null; year: number }) {
  const ct = useCkT();
  const { lang } = useI18n();
  const q = useDrill({ indicatorId: ind.id, unitId, year });
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<DrillRow>
      rowKey="id"
      size="small"
      scroll={{ x: 'max-content' }}
      loading={q.isLoading}
      pagination={false}
      dataSource={q.data ?? []}
      data-testid="drill-months"
      locale={{ emptyText: <Empty description={ct('drill.empty')} /> }}
      columns={[
        { title: ct('col.period'), dataIndex: 'period' },
        {
          title: ct('col.value'),
          dataIndex: 'value',
          align: 'right',
          render: (v: string, r) => (
            <Space size={4} style={{ whiteSpace: 'nowrap' }}>
              {figure(v, ind.unit, ind.decimals, lang)}
              {r.correctedAt && <Tag color="orange" title={r.correctionReason ?? ''}>{ct('drill.corrected')}</Tag>}
            </Space>
          ),
        },
        { title: ct('col.prevYear'), dataIndex: 'prevYear', align: 'right', className: 'gj-ck-nowrap', render: (v: string | null) => figure(v, ind.unit, ind.decimals, lang) },
        { title: ct('col.state'), dataIndex: 'state', render: (s: DrillRow['state']) => <Tag color={s === 'approved' ? 'green' : s === 'returned' ? 'red' : s === 'submitted' ? 'blue' : 'default'}>{ct(`state.${s}`)}</Tag> },
        { title: ct('col.source'), dataIndex: 'source', className: 'gj-ck-nowrap', render: (s: string, r) => `${ct(s === 'feed' ? 'source.feed' : s === 'system' ? 'source.system' : 'source.manual')}${r.sourceName && r.sourceName !== 'demo' ? `（${r.sourceName}）` : ''}` },
        {
          title: ct('col.note'),
          dataIndex: 'note',
          render: (v: string, r) => (
            <span>
              {r.demo && <Tag>{ct('demo')}</Tag>}
              {v}
              {r.correctionReason && <div className="gj-ck-muted">{ct('drill.reason', { reason: r.correctionReason })}</div>}
            </span>
          ),
        },
        { title: ct('col.by'), dataIndex: 'enteredByName', render: (v: string | null, r) => <span title={formatDateTime(r.approvedAt)}>{v ?? '—'}</span> },
      ]}
    />
  );
}
