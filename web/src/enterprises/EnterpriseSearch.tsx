// A select that searches the register on the server as the user types.
import { useState } from 'react';
import { Select } from 'antd';
import { useEnterpriseList } from './queries';
import { useEntT } from './i18n';

export function EnterpriseSearch({ value, onChange, testId }: { value?: string; onChange?(v: string): void; testId?: string }) {
  const t = useEntT();
  const [q, setQ] = useState('');
  const list = useEnterpriseList({ q: q || undefined, page: 1, pageSize: 20 });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      placeholder={t('filter.search')}
      loading={list.isFetching}
      data-testid={testId ?? 'enterprise-picker'}
      options={(list.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.unitName}）` }))}
    />
  );
}
