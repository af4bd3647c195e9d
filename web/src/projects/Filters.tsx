// The battle map's and the list's filters: year, unit, chain, leader, category, search.
import { Checkbox, Input, Select, Space } from 'antd';
import { useMe } from '../auth/session';
import type { Category, Filters } from './api';
import { usePT } from './i18n';
import { useOptions, useUnits } from './queries';
import { useYearOptions } from '../shell/zone';

export function FilterBar({ value, onChange, search }: { value: Filters; onChange(f: Filters): void; search?: boolean }) {
  const pt = usePT();
  const units = useUnits();
  const options = useOptions();
  const me = useMe();
  const years = useYearOptions('projects', options.data ? Number(options.data.today.slice(0, 4)) : undefined);
  return (
    <Space wrap size={8} className="gj-pj-filters">
      <Select
        data-testid="filter-year"
        style={{ width: 100 }}
        value={value.year}
        allowClear
        placeholder={pt('filter.year')}
        options={years}
        onChange={(y) => onChange({ ...value, year: y ?? undefined })}
      />
      <Select
        data-testid="filter-unit"
        style={{ width: 150 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={pt('filter.unit')}
        value={value.unitId}
        options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        onChange={(unitId) => onChange({ ...value, unitId: unitId ?? undefined })}
      />
      <Select
        data-testid="filter-chain"
        style={{ width: 170 }}
        allowClear
        placeholder={pt('filter.chain')}
        value={value.chain}
        options={(options.data?.chains ?? []).map((c) => ({ value: c, label: c }))}
        onChange={(chain) => onChange({ ...value, chain: chain ?? undefined })}
      />
      {me.user.role === 'leader' && (
        // 我的包挂项目: the signed-in leader's own projects (the server resolves "mine").
        <Checkbox data-testid="filter-mine" checked={value.mine === 'true'} onChange={(e) => onChange({ ...value, mine: e.target.checked ? 'true' : undefined, leaderUserId: undefined })}>
          {pt('filter.mine')}
        </Checkbox>
      )}
      <Select
        style={{ width: 130 }}
        allowClear
        disabled={value.mine === 'true'}
        placeholder={pt('filter.leader')}
        value={value.leaderUserId}
        options={(options.data?.people ?? []).filter((p) => p.role === 'leader').map((p) => ({ value: p.id, label: p.name }))}
        onChange={(leaderUserId) => onChange({ ...value, leaderUserId: leaderUserId ?? undefined })}
      />
      <Select
        style={{ width: 140 }}
        allowClear
        placeholder={pt('filter.category')}
        value={value.category}
        options={(['industrial', 'urban', 'livelihood'] as Category[]).map((c) => ({ value: c, label: pt(`category.${c}`) }))}
        onChange={(category) => onChange({ ...value, category: category ?? undefined })}
      />
      {search && <Input.Search allowClear style={{ width: 200 }} placeholder={pt('filter.search')} defaultValue={value.q} onSearch={(q) => onChange({ ...value, q: q || undefined })} />}
    </Space>
  );
}
