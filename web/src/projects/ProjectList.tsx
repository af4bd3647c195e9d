// 项目清单: the filtered list, paginated on the server, with Excel export, the
// import (all or nothing, with the row-by-row error report) and 新建项目.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../api/useErrorMessage';
import { projectsApi, uploadFile, type Filters, type JobState, type Project } from './api';
import { StatusTag } from './parts';
import { FilterBar } from './Filters';
import { yi } from './format';
import { usePT } from './i18n';
import { ProjectForm } from './ProjectForm';
import { projectKeys, useOptions, useProjectList } from './queries';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';
import { useMessage } from '../shell/feedback';

export default function ProjectList() {
  const pt = usePT();
  const me = useMe();
  const { lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const onError = useErrorMessage();
  const options = useOptions();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const emptyZone = useNextStep('projects') !== null;
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const f = { ...filters, year: filters.year ?? (options.data ? Number(options.data.today.slice(0, 4)) : undefined) };
  const list = useProjectList({ ...f, page, pageSize: 20 });
  const canEdit = !!me.abilities['config.write'];

  async function importFile(file: File) {
    setImportErrors(null);
    try {
      const { jobId } = await uploadFile<{ jobId: string }>('/api/projects/import', file, me.csrfToken, lang);
      let job: JobState;
      do {
        await new Promise((r) => setTimeout(r, 400));
        job = await projectsApi.job(jobId);
      } while (job.status === 'running');
      if (job.status === 'failed') {
        setImportErrors([job.errors?.message[lang] ?? '', ...(job.errors?.details ?? []).map((d) => `${pt('import.row', { row: d.row })}：${d.message[lang]}`)]);
      } else {
        message.success(pt('import.done', { n: job.result?.created ?? 0 }));
        await qc.invalidateQueries({ queryKey: projectKeys.all });
      }
    } catch (err) {
      onError(err);
    }
  }

  return (
    <div data-testid="project-list">
      <div className="gj-pj-toolbar">
        <FilterBar value={f} onChange={(x) => { setFilters(x); setPage(1); }} search />
        <Space>
          <Button icon={<DownloadOutlined />} href={projectsApi.exportUrl(f)} data-testid="export-xlsx">
            {pt('export.xlsx')}
          </Button>
          {canEdit && (
            <>
              <Button href="/api/projects/template.xlsx">{pt('import.template')}</Button>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void importFile(file); return false; }}>
                <Button icon={<UploadOutlined />} data-testid="import-xlsx">{pt('import.xlsx')}</Button>
              </Upload>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-project">
                {pt('new')}
              </Button>
            </>
          )}
        </Space>
      </div>
      {importErrors && (
        <Alert type="error" showIcon closable onClose={() => setImportErrors(null)} title={pt('import.failed')} description={<ul className="gj-pj-errors">{importErrors.map((e, i) => <li key={i}>{e}</li>)}</ul>} style={{ marginBottom: 12 }} data-testid="import-errors" />
      )}
      <Table<Project>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={emptyZone ? { emptyText: <ZoneEmpty page="projects" /> } : undefined}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(p) => ({ onClick: () => void navigate(`/projects/p/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: pt('col.name'),
            dataIndex: 'name',
            render: (_, p) => (
              <span>
                {p.keyProject && <Tag color="red">{pt('key')}</Tag>}
                {p.name}
                {p.demo && <Tag className="gj-pj-demo-tag">{pt('demo')}</Tag>}
              </span>
            ),
          },
          { title: pt('col.chain'), dataIndex: 'chain', width: 150 },
          {
            title: pt('col.total'),
            width: 130,
            align: 'right',
            render: (_, p) => (p.currency === 'USD' ? pt('yiUsd', { v: yi(p.totalInvestment) }) : pt('yi', { v: yi(p.totalInvestment) })),
          },
          { title: pt('col.unit'), dataIndex: 'responsibleUnitName', width: 110 },
          { title: pt('col.stage'), width: 80, render: (_, p) => pt(`stage.${p.stage}`) },
          { title: pt('col.status'), width: 90, render: (_, p) => <StatusTag status={p.status} /> },
          { title: pt('col.forecast'), dataIndex: 'forecastCompletion', width: 110 },
          { title: pt('col.completed'), width: 120, align: 'right', render: (_, p) => pt('yi', { v: yi(p.completedInvestment) }) },
          { title: pt('col.problems'), dataIndex: 'openProblems', width: 100, align: 'right' },
        ]}
      />
      {creating && <ProjectForm onClose={() => setCreating(false)} onCreated={(id) => navigate(`/projects/p/${id}`)} />}
    </div>
  );
}
