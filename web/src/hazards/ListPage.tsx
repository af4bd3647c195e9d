// 隐患清单: open first, 重大 first, nearest deadline first; filters by state,
// category, level, unit and campaign; 登记隐患 for those who may write.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Checkbox, Input, Select, Space, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../auth/session';
import { Field, StackedList } from '../shell/StackedList';
import { usePhone } from '../shell/usePhone';
import { HAZARD_CATEGORIES, HAZARD_LEVELS, type Hazard, type HazardFilter } from './api';
import { useHzT } from './i18n';
import { canWrite, CategoryTag, LevelTag, LightDot, StateTag } from './parts';
import { useHazards, useHzCampaigns, useHzUnits } from './queries';
import { RegisterDialog } from './RegisterDialog';

export default function ListPage() {
  const t = useHzT();
  const me = useMe();
  const navigate = useNavigate();
  const phone = usePhone();
  const units = useHzUnits();
  const campaigns = useHzCampaigns();
  const [f, setF] = useState<HazardFilter>({});
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState(false);
  const list = useHazards({ ...f, page, pageSize: 15 });
  const set = (patch: HazardFilter) => (setF({ ...f, ...patch }), setPage(1));
  const zoneWide = me.user.role !== 'reporter' && me.user.role !== 'viewer';
  const open = (h: Hazard) => void navigate(`/hazards/${h.id}`);
  return (
    <div data-testid="hz-list">
      <div className="gj-hz-toolbar">
        <Space wrap>
          <Select allowClear style={{ width: 120 }} placeholder={t('filter.open')} value={f.open} onChange={(open) => set({ open: open ?? undefined })}
            options={[{ value: 'true', label: t('filter.openOnly') }, { value: 'false', label: t('filter.closedOnly') }]} />
          <Select allowClear style={{ width: 130 }} placeholder={t('filter.category')} value={f.category} onChange={(category) => set({ category: category ?? undefined })}
            options={HAZARD_CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))} />
          <Select allowClear style={{ width: 110 }} placeholder={t('filter.level')} value={f.level} onChange={(level) => set({ level: level ?? undefined })}
            options={HAZARD_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
          {zoneWide && (
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 150 }} placeholder={t('filter.unit')} value={f.unitId} onChange={(unitId) => set({ unitId: unitId ?? undefined })}
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          )}
          <Select allowClear style={{ width: 200 }} placeholder={t('filter.campaign')} value={f.campaignId} onChange={(campaignId) => set({ campaignId: campaignId ?? undefined })}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          <Input.Search allowClear style={{ width: 180 }} placeholder={t('filter.search')} onSearch={(q) => set({ q: q || undefined })} />
          {phone ? (
            // A check box whose whole label takes the tap (44 px on a phone); a small switch on a desktop.
            <Checkbox checked={f.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })} data-testid="hz-filter-overdue">
              {t('filter.overdue')}
            </Checkbox>
          ) : (
            <span>
              <Switch size="small" checked={f.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} data-testid="hz-filter-overdue" /> {t('filter.overdue')}
            </span>
          )}
        </Space>
        {canWrite(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="hz-new">
            {t('new')}
          </Button>
        )}
      </div>
      {phone ? (
        <StackedList<Hazard>
          data-testid="hz-table"
          items={list.data?.items ?? []}
          loading={list.isFetching}
          empty={t('empty.list')}
          rowKey={(h) => h.id}
          onOpen={open}
          pagination={{ current: page, pageSize: 15, total: list.data?.total ?? 0, onChange: setPage }}
          title={(h) => (
            <span>
              <LightDot light={h.light} /> {h.title}
            </span>
          )}
          extra={(h) => <StateTag state={h.state} />}
          body={(h) => (
            <>
              <Field label={t('col.level')}><LevelTag level={h.level} /> <CategoryTag category={h.category} /></Field>
              <Field label={t('col.unit')}>{h.unitName}</Field>
              <Field label={t('col.deadline')}>{h.deadline}</Field>
            </>
          )}
        />
      ) : (
        <Table<Hazard>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('empty.list') }}
          data-testid="hz-table"
          pagination={{ current: page, pageSize: 15, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          onRow={(h) => ({ onClick: () => open(h), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('col.light'), width: 56, align: 'center', render: (_, h) => <LightDot light={h.light} /> },
            { title: t('col.title'), render: (_, h) => <span data-testid="hz-row-title">{h.title}</span> },
            { title: t('col.level'), width: 80, render: (_, h) => <LevelTag level={h.level} /> },
            { title: t('col.category'), width: 110, render: (_, h) => <CategoryTag category={h.category} /> },
            { title: t('col.unit'), dataIndex: 'unitName', width: 120 },
            { title: t('col.foundOn'), dataIndex: 'foundOn', width: 110 },
            { title: t('col.deadline'), dataIndex: 'deadline', width: 110 },
            { title: t('col.state'), width: 100, render: (_, h) => <StateTag state={h.state} /> },
          ]}
        />
      )}
      {registering && <RegisterDialog onClose={() => setRegistering(false)} />}
    </div>
  );
}
