// The leads as a list, filtered and paginated on the server.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Input, Select, Table, Tag } from 'antd';
import { LEAD_STAGES, type Lead, type LeadFilter } from './api';
import { useAtT } from './i18n';
import { StageTag, useAmount } from './parts';
import { useLeads, useUnits } from './queries';

export default function LeadList() {
  const t = useAtT();
  const navigate = useNavigate();
  const amount = useAmount();
  const units = useUnits();
  const [f, setF] = useState<LeadFilter>({});
  const [page, setPage] = useState(1);
  const list = useLeads({ ...f, page, pageSize: 20 });
  const set = (x: LeadFilter) => {
    setF(x);
    setPage(1);
  };
  return (
    <div data-testid="at-list">
      <div className="gj-at-toolbar">
        <Input.Search allowClear placeholder={t('filter.search')} style={{ width: 220 }} onSearch={(q) => set({ ...f, q: q || undefined })} />
        <Select allowClear style={{ width: 120 }} placeholder={t('filter.stage')} value={f.stage} options={LEAD_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} onChange={(stage) => set({ ...f, stage: stage ?? undefined })} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 150 }}
          placeholder={t('filter.unit')}
          value={f.unitId}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(unitId) => set({ ...f, unitId: unitId ?? undefined })}
        />
      </div>
      <Table<Lead>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(l) => ({ onClick: () => void navigate(`/attraction/leads/${l.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('col.name'), render: (_, l) => <span>{l.name}{l.demo && <Tag style={{ marginInlineStart: 6 }}>{t('demo')}</Tag>}</span> },
          { title: t('col.investor'), dataIndex: 'investor', width: 160 },
          { title: t('col.team'), dataIndex: 'team', width: 130 },
          { title: t('col.unit'), dataIndex: 'unitName', width: 100 },
          { title: t('col.chain'), dataIndex: 'chain', width: 150 },
          { title: t('col.investment'), width: 130, align: 'right', render: (_, l) => <span>{amount(l)}{l.foreignCapital && <Tag color="purple" style={{ marginInlineStart: 4 }}>{t('foreign')}</Tag>}</span> },
          { title: t('col.stage'), width: 80, render: (_, l) => <StageTag stage={l.stage} /> },
          { title: t('col.signedOn'), dataIndex: 'signedOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('col.contacts'), dataIndex: 'contacts', width: 90, align: 'right' },
        ]}
      />
    </div>
  );
}
