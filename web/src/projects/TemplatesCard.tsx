// The milestone flows (节点流程) per category: steps, working days, the steps they
// wait for and the department that delivers each. A supervisor adjusts durations
// and departments for the zone; the server checks the graph again on save.
import { useEffect, useState } from 'react';
import { Button, Card, Input, InputNumber, Space, Table, Tabs, Tag } from 'antd';
import { useErrorMessage } from '../api/useErrorMessage';
import { projectsApi, type Category, type Settings, type TemplateStep } from './api';
import { usePT } from './i18n';
import { usePMutation, useTemplates } from './queries';
import { useMessage } from '../shell/feedback';

const CATEGORIES: Category[] = ['industrial', 'urban', 'livelihood'];

export function TemplatesCard({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const pt = usePT();
  const q = useTemplates();
  const [cat, setCat] = useState<Category>('industrial');
  return (
    <Card size="small" title={pt('set.templates')} data-testid="templates">
      <p className="gj-pj-muted">{pt('set.templates.help')}</p>
      <Tabs
        activeKey={cat}
        onChange={(k) => setCat(k as Category)}
        items={CATEGORIES.map((c) => ({
          key: c,
          label: (
            <Space size={4}>
              {pt(`category.${c}`)}
              {settings.templates[c] && <Tag color="blue">{pt('set.custom')}</Tag>}
            </Space>
          ),
          children: q.data ? <Steps category={c} steps={q.data[c]} canEdit={canEdit} version={settings.version} /> : null,
        }))}
      />
    </Card>
  );
}

function Steps({ category, steps, canEdit, version }: { category: Category; steps: TemplateStep[]; canEdit: boolean; version: number }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [rows, setRows] = useState(steps);
  useEffect(() => setRows(steps), [steps]);
  const save = usePMutation(projectsApi.saveSettings);
  const names = new Map(steps.map((s) => [s.key, s.name]));
  const changed = JSON.stringify(rows) !== JSON.stringify(steps);
  const set = (key: string, patch: Partial<TemplateStep>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      <Table<TemplateStep>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ y: 420 }}
        columns={[
          { title: '#', width: 48, render: (_, __, i) => i + 1 },
          { title: pt('set.step'), dataIndex: 'name' },
          {
            title: pt('set.duration'),
            width: 130,
            render: (_, r) =>
              canEdit ? (
                <InputNumber size="small" min={1} max={1000} precision={0} value={r.durationWorkdays} onChange={(v) => v && set(r.key, { durationWorkdays: v })} data-testid={`duration-${r.key}`} />
              ) : (
                r.durationWorkdays
              ),
          },
          { title: pt('set.dependsOn'), render: (_, r) => r.dependsOn.map((d) => names.get(d) ?? d).join('、') || '—' },
          {
            title: pt('set.department'),
            width: 170,
            render: (_, r) => (canEdit ? <Input size="small" maxLength={40} value={r.department} onChange={(e) => set(r.key, { department: e.target.value })} /> : r.department),
          },
          { title: pt('set.marks'), width: 90, render: (_, r) => (r.marksStage ? <Tag>{pt(`stage.${r.marksStage}`)}</Tag> : null) },
        ]}
      />
      {canEdit && (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setRows(steps)} disabled={!changed}>
            {pt('cancel')}
          </Button>
          <Button
            type="primary"
            disabled={!changed}
            loading={save.isPending}
            data-testid="save-template"
            onClick={async () => {
              try {
                await save.mutateAsync({ templates: { [category]: rows }, version });
                message.success(pt('set.saved'));
              } catch (err) {
                onError(err);
              }
            }}
          >
            {pt('set.save')}
          </Button>
        </Space>
      )}
    </>
  );
}
