// 任务分解: paste a speech, report or the units' pledges (or upload .txt/.docx),
// get the extractor's draft, and the list of documents broken down so far.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Upload } from 'antd';
import { useSession } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { supervisionApi, uploadFile, type FileInfo, type SvDocument } from './api';
import { useSvT } from './i18n';
import { useDocuments, useSvMutation } from './queries';
import { useZone, useZoneYear } from '../shell/zone';

interface NewDoc {
  title: string;
  kind: SvDocument['kind'];
  year?: number;
  issuedOn?: Dayjs | null;
  body?: string;
}

export default function DocumentsPage() {
  const t = useSvT();
  const navigate = useNavigate();
  const onError = useErrorMessage();
  const { me } = useSession();
  const [page, setPage] = useState(1);
  const docs = useDocuments(page);
  const zoneYear = useZoneYear();
  const today = useZone().data?.today;
  const [file, setFile] = useState<FileInfo | null>(null);
  const [form] = Form.useForm<NewDoc>();
  // the zone's year, once known (a replayed zone's is not the calendar's), unless the user chose one
  useEffect(() => {
    if (zoneYear && !form.isFieldTouched('year')) form.setFieldValue('year', zoneYear);
  }, [zoneYear, form]);
  const create = useSvMutation(({ issuedOn, ...v }: NewDoc & { fileId?: string }) =>
    supervisionApi.createDocument({ ...v, issuedOn: issuedOn ? issuedOn.format('YYYY-MM-DD') : undefined }),
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('doc.new')}>
        <Form
          form={form}
          layout="vertical"
          data-testid="sv-doc-form"
          initialValues={{ kind: 'speech', year: zoneYear }}
          onFinish={(v) =>
            create.mutate(
              { ...v, body: file ? undefined : v.body, fileId: file?.id, year: v.year ?? undefined },
              { onSuccess: (r) => void navigate(`/supervision/breakdown/${r.document.id}`), onError },
            )
          }
        >
          <Space wrap align="start">
            <Form.Item name="title" label={t('doc.title')} rules={[{ required: true }]} style={{ width: 420 }}>
              <Input data-testid="sv-doc-title" />
            </Form.Item>
            <Form.Item name="kind" label={t('doc.kind')} style={{ width: 200 }}>
              <Select options={(['speech', 'pledge', 'report'] as const).map((k) => ({ value: k, label: t(`doc.kind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="year" label={t('doc.year')} tooltip={t('doc.yearHint')} style={{ width: 120 }}>
              <InputNumber min={2000} max={2100} data-testid="sv-doc-year" />
            </Form.Item>
            <Form.Item name="issuedOn" label={t('doc.issuedOn')} tooltip={t('doc.issuedOnHint')} style={{ width: 170 }}>
              <DatePicker disabledDate={(d) => (today ? d.isAfter(dayjs(today), 'day') : false)} data-testid="sv-doc-date" />
            </Form.Item>
          </Space>
          <Form.Item name="body" label={t('doc.text')} rules={[{ required: !file }]}>
            <Input.TextArea rows={8} disabled={!!file} data-testid="sv-doc-body" />
          </Form.Item>
          <Space>
            <Upload
              accept=".txt,.docx"
              showUploadList={false}
              customRequest={({ file: f, onSuccess, onError: fail }) =>
                uploadFile(f as File, me?.csrfToken ?? null).then(
                  (info) => (setFile(info), onSuccess?.(info)),
                  (e: Error) => (onError(e), fail?.(e)),
                )
              }
            >
              <Button>{t('doc.orUpload')}</Button>
            </Upload>
            {file && (
              <Tag closable onClose={() => setFile(null)}>
                {t('doc.uploaded', { name: file.name })}
              </Tag>
            )}
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="sv-doc-submit">
              {t('doc.extract')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card size="small" title={t('doc.list')}>
        {docs.error ? (
          <QueryError error={docs.error} onRetry={() => docs.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={docs.isLoading}
            dataSource={docs.data?.items ?? []}
            pagination={{ current: page, pageSize: 20, total: docs.data?.total ?? 0, onChange: setPage }}
            columns={[
              { title: t('doc.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/supervision/breakdown/${r.id}`}>{v}</Link> },
              { title: t('doc.kind'), dataIndex: 'kind', width: 180, render: (k: SvDocument['kind']) => t(`doc.kind.${k}`) },
              { title: t('doc.year'), dataIndex: 'year', width: 80 },
              { title: t('doc.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (d: string | null) => d ?? '—' },
              { title: t('doc.tasks'), dataIndex: 'taskCount', width: 90, align: 'right', render: (n: number, r) => <Link to={`/supervision/tasks?documentId=${r.id}`}>{n}</Link> },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
