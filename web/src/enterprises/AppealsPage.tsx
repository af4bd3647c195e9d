// 企业诉求: every appeal the user may see, with its warning light against the
// zone's service standard; filtered by state, category and department.
import { useState } from 'react';
import { Select, Space } from 'antd';
import { CATEGORIES } from './api';
import { AppealTable, type AppealFilter } from './AppealTable';
import { useEntT } from './i18n';
import { useUnits } from './queries';

export default function AppealsPage() {
  const t = useEntT();
  const units = useUnits();
  const [f, setF] = useState<AppealFilter>({});
  return (
    <div data-testid="ent-appeals">
      <div className="gj-ent-toolbar">
        <Space wrap>
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('filter.open')}
            value={f.open}
            options={[{ value: 'true', label: t('filter.openOnly') }, { value: 'false', label: t('filter.closedOnly') }]}
            onChange={(open) => setF({ ...f, open: open ?? undefined })}
          />
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('filter.category')}
            value={f.category}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))}
            onChange={(category) => setF({ ...f, category: category ?? undefined })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            placeholder={t('col.assignee')}
            value={f.assigneeUnitId}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(assigneeUnitId) => setF({ ...f, assigneeUnitId: assigneeUnitId ?? undefined })}
          />
        </Space>
        <span className="gj-ent-muted">{t('appeals.standard')}</span>
      </div>
      <AppealTable filter={f} />
    </div>
  );
}
