// 企业库: the register, searched and paginated on the server, with the xlsx
// import (a background job with progress; all or nothing, row-by-row errors)
// and the export of what the filters select.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Input, Progress, Select, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../api/useErrorMessage';
import { entApi, TAGS, uploadFile, type EnterpriseRow, type Filters, type JobState } from './api';
import { EnterpriseForm } from './EnterpriseForm';
import { useEntT } from './i18n';
import { has, TagList, wan } from './parts';
import { entKeys, useChains, useEnterpriseList, useUnits } from './queries';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';
import { useMessage } from '../shell/feedback';

export default function RegisterPage() {
  const t = useEntT();
  const me = useMe();
  const { lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const onError = useErrorMessage();
  const units = useUnits();
  const chains = useChains();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<number | null>(null);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const list = useEnterpriseList({ ...filters, page, pageSize: 20 });
  const emptyZone = useNextStep('enterprises') !== null;
  const set = (f: Filters) => {
    setFilters(f);
    setPage(1);
  };

  async function importFile(file: File) {
    setImportErrors(null);
    setImporting(0);
    try {
      const { jobId } = await uploadFile<{ jobId: string }>('/api/enterprises/import', file, me.csrfToken, lang);
      let job: JobState;
      do {
        await new Promise((r) => setTimeout(r, 400));
        job = await entApi.job(jobId);
        setImporting(Math.round(job.progress));
      } while (job.status === 'running');
      if (job.status === 'failed') {
        setImportErrors([
          job.errors?.message[lang] ?? '',
          ...(job.errors?.details ?? []).map((d) => `${t('import.row', { row: d.row })}${d.column ? ` ${d.column}` : ''}：${d.message[lang]}`),
        ]);
      } else {
        message.success(t('import.done', { created: job.result?.created ?? 0, updated: job.result?.updated ?? 0 }));
        await qc.invalidateQueries({ queryKey: entKeys.all });
      }
    } catch (err) {
      onError(err);
    } finally {
      setImporting(null);
    }
  }

  return (
    <div data-testid="ent-register">
      <div className="gj-ent-toolbar">
        <Space wrap size={8}>
          <Input.Search allowClear placeholder={t('filter.search')} style={{ width: 220 }} onSearch={(q) => set({ ...filters, q: q || undefined })} data-testid="ent-search" />
          <Select
            allowClear
            style={{ width: 170 }}
            placeholder={t('filter.tag')}
            value={filters.tag}
            options={TAGS.map((g) => ({ value: g, label: t(`tag.${g}`) }))}
            onChange={(tag) => set({ ...filters, tag: tag ?? undefined })}
            data-testid="ent-filter-tag"
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('filter.chain')}
            value={filters.chain}
            options={(chains.data ?? []).map((c) => ({ value: c, label: c }))}
            onChange={(chain) => set({ ...filters, chain: chain ?? undefined })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 140 }}
            placeholder={t('filter.unit')}
            value={filters.unitId}
            options={(units.data?.items ?? []).filter((u) => u.kind !== 'department').map((u) => ({ value: u.id, label: u.name }))}
            onChange={(unitId) => set({ ...filters, unitId: unitId ?? undefined })}
            data-testid="ent-filter-unit"
          />
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={entApi.exportUrl(filters)} data-testid="ent-export">
            {t('export')}
          </Button>
          {has(me, 'enterprise.manage') && (
            <>
              <Button href={entApi.templateUrl}>{t('template')}</Button>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void importFile(file); return false; }}>
                <Button icon={<UploadOutlined />} loading={importing !== null} data-testid="ent-import">
                  {t('import')}
                </Button>
              </Upload>
            </>
          )}
          {has(me, 'enterprise.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="ent-new">
              {t('new')}
            </Button>
          )}
        </Space>
      </div>
      {importing !== null && (
        <div style={{ marginBottom: 12 }} data-testid="ent-import-progress">
          {t('import.running', { p: importing })}
          <Progress percent={importing} size="small" />
        </div>
      )}
      {importErrors && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setImportErrors(null) }}
          title={t('import.failed')}
          description={<ul className="gj-ent-errors">{importErrors.map((e, i) => <li key={i}>{e}</li>)}</ul>}
          style={{ marginBottom: 12 }}
          data-testid="ent-import-errors"
        />
      )}
      <Table<EnterpriseRow>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={emptyZone ? { emptyText: <ZoneEmpty page="enterprises" /> } : undefined}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => <span data-testid="ent-total">{t('total', { n })}</span> }}
        onRow={(e) => ({ onClick: () => void navigate(`/enterprises/register/${e.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('col.name'),
            dataIndex: 'name',
            render: (_, e) => (
              <span>
                {e.name}
                {e.demo && <Tag style={{ marginInlineStart: 6 }}>{t('demo')}</Tag>}
              </span>
            ),
          },
          { title: t('col.code'), dataIndex: 'creditCode', width: 190, render: (v: string) => <span className="gj-ent-mono">{v}</span> },
          { title: t('col.unit'), dataIndex: 'unitName', width: 100 },
          { title: t('col.chain'), dataIndex: 'chain', width: 160 },
          { title: `${t('col.output')} ${list.data?.items[0]?.year ?? ''}`, width: 150, align: 'right', render: (_, e) => wan(e.outputValue) },
          { title: t('col.tags'), width: 260, render: (_, e) => <TagList tags={e.tags} /> },
          { title: t('col.leader'), dataIndex: 'leaderName', width: 100 },
        ]}
      />
      {creating && <EnterpriseForm onClose={() => setCreating(false)} onSaved={(id) => navigate(`/enterprises/register/${id}`)} />}
    </div>
  );
}
