// One bulletin: the text the supervisor edits (title, number, lead paragraph,
// requirements), the tables and charts drawn from the data, publish (frozen),
// and the Word and Excel downloads.
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Spin, Table, Tag } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, DeleteOutlined, FileExcelOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { bulletinsApi, type Content, type EditInput, type IndicatorTable, type ZoneFigure } from './api';
import { useBuT, type BuKey } from './i18n';
import { InstructionsBlock } from '../instructions/parts';
import { useBuMutation, useBulletin, useCharts } from './queries';
import { useMessage } from '../shell/feedback';

/** The form holds 抄送 as one line; the API takes the list. */
type FormValues = Omit<EditInput, 'version' | 'copyTo' | 'printDate'> & { copyTo?: string; printDate?: string };
const splitList = (s: string) => s.split(/[，,；;\n]+/).map((x) => x.trim()).filter(Boolean);

/** A figure as the bulletin prints it (the server sends exact decimal strings). */
const fx = (v: string | null, d: number) => (v === null ? '—' : Number(v).toFixed(d));
const pct = (v: string | null) => (v === null ? '—' : `${Number(v).toFixed(1)}%`);
const gap = (v: string | null) => (v === null ? '—' : `${v.startsWith('-') ? '' : '+'}${Number(v).toFixed(1)}`);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="gj-bu-section">
      <h4>{title}</h4>
      {children}
    </div>
  );
}

function Preview({ id, c }: { id: string; c: Content }) {
  const bt = useBuT();
  const { lang } = useI18n();
  const charts = useCharts(id);
  const col = (key: BuKey, dataIndex: string) => ({ title: bt(key), dataIndex, key: dataIndex });
  const small = { size: 'small' as const, pagination: false as const, bordered: true, locale: { emptyText: bt('none') } };
  return (
    <div data-testid="bu-preview">
      <div className="gj-bu-meta" style={{ marginBottom: 10 }}>
        {bt('asOf', { date: c.asOf, month: c.figureMonth, tp: c.timeProgress ? `${c.timeProgress}%` : '—' })}
      </div>
      {c.zoneFigures.length > 0 && (
        <Section title={bt('zoneFigures')}>
          <Table<ZoneFigure>
            {...small}
            rowKey="code"
            dataSource={c.zoneFigures}
            columns={[
              col('c.indicator', 'name'),
              { ...col('c.measure', 'measure'), width: 64, onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) },
              { ...col('c.value', 'value'), align: 'right' as const, render: (v: string, r) => fx(v, r.decimals) },
              { ...col('c.yoy', 'yoy'), align: 'right' as const, render: (v: string | null) => fx(v, 1) },
              { ...col('c.completion', 'completion'), align: 'right' as const, render: pct },
              { ...col('c.expected', 'expectedShare'), align: 'right' as const, render: pct },
              { ...col('c.gap', 'gap'), align: 'right' as const, render: (v: string | null, r) => (r.expectedShare === null ? '—' : gap(v)) },
            ]}
          />
        </Section>
      )}
      {c.indicators.map((ind) => (
        <Section key={ind.code} title={bt('byUnit', { name: ind.name, measure: ind.measure })}>
          <Table<IndicatorTable['rows'][number]>
            {...small}
            rowKey="unitName"
            dataSource={ind.rows}
            columns={[
              { ...col('c.rank', 'rank'), width: 60, render: (v: number | null) => v ?? '—' },
              col('c.unit', 'unitName'),
              { ...col('c.value', 'value'), align: 'right' as const, render: (v: string | null) => fx(v, ind.decimals) },
              { ...col('c.yoy', 'yoy'), align: 'right' as const, render: (v: string | null) => fx(v, 1) },
              { ...col('c.completion', 'completion'), align: 'right' as const, render: pct },
              { ...col('c.expected', 'expectedShare'), align: 'right' as const, render: pct },
              { ...col('c.gap', 'gap'), align: 'right' as const, render: gap },
            ]}
          />
        </Section>
      ))}
      <Section title={bt('projects')}>
        <Table<Content['projectsBehind'][number]>
          {...small}
          rowKey={(r) => r.project}
          dataSource={c.projectsBehind}
          columns={[col('c.project', 'project'), col('c.unit', 'unitName'), col('c.milestone', 'milestone'), col('c.due', 'due'), { ...col('c.daysLate', 'daysLate'), align: 'right' as const }]}
        />
      </Section>
      <Section title={bt('tasks')}>
        <Table<Content['overdueTasks'][number]>
          {...small}
          rowKey={(r) => `${r.title}-${r.deadline}`}
          dataSource={c.overdueTasks}
          columns={[col('c.task', 'title'), col('c.unit', 'unitName'), col('c.deadline', 'deadline'), { ...col('c.daysOverdue', 'daysOverdue'), align: 'right' as const }]}
        />
      </Section>
      {c.instructions && c.instructions.total > 0 && (
        <Section title={bt('instructions', { total: c.instructions.total, closed: c.instructions.closed, open: c.instructions.open, overdue: c.instructions.overdue })}>
          <Table<NonNullable<Content['instructions']>['items'][number]>
            {...small}
            rowKey={(r) => `${r.writtenOn}-${r.text}`}
            dataSource={c.instructions.items}
            data-testid="bu-instructions"
            columns={[
              col('c.instruction', 'text'),
              { ...col('c.leadUnit', 'leadUnitName'), width: 110 },
              { ...col('c.deadline', 'deadline'), width: 110 },
              {
                title: bt('col.state'),
                key: 'standing',
                width: 100,
                render: (_: unknown, r) => (r.standing === 'overdue' ? <Tag color="red">{bt('in.standing.overdue', { n: r.daysOverdue })}</Tag> : <Tag color={r.standing === 'closed' ? 'green' : 'blue'}>{bt(`in.standing.${r.standing}`)}</Tag>),
              },
            ]}
          />
        </Section>
      )}
      {c.hazards && (
        <Section title={bt('hazards')}>
          <div data-testid="bu-hazards">
            <p className="gj-bu-note">
              {[
                c.hazards.total.added ? bt('hz.added', { n: c.hazards.total.added }) : bt('hz.noneAdded'),
                c.hazards.total.rectified > 0 && bt('hz.rectified', { n: c.hazards.total.rectified }),
                c.hazards.total.remaining > 0 && bt('hz.remaining', { n: c.hazards.total.remaining }),
                c.hazards.total.majorRemaining > 0 && bt('hz.major', { n: c.hazards.total.majorRemaining }),
                c.hazards.total.overdue > 0 && bt('hz.overdue', { n: c.hazards.total.overdue }),
              ]
                .filter(Boolean)
                .join(lang === 'zh' ? '，' : ', ')}
            </p>
            {c.hazards.campaigns
              .filter((k) => k.clearance.status !== 'unregistered')
              .map((k) => (
                <Tag key={k.name} color={k.clearance.status === 'cleared' ? 'green' : 'orange'} style={{ marginBottom: 8 }}>
                  {k.name}：{bt(`hz.campaign.${k.clearance.status === 'cleared' ? 'cleared' : 'open'}`, { registered: k.clearance.registered, remaining: k.clearance.remaining })}
                </Tag>
              ))}
            {c.hazards.total.remaining === 0 ? (
              <Tag color="green">{bt('hz.cleared')}</Tag>
            ) : (
              <Table<NonNullable<Content['hazards']>['openUnits'][number]>
                {...small}
                rowKey="unitName"
                dataSource={c.hazards.openUnits}
                columns={[col('c.unit', 'unitName'), { ...col('c.remaining', 'remaining'), align: 'right' as const }, { ...col('c.overdue', 'overdue'), align: 'right' as const }]}
              />
            )}
          </div>
        </Section>
      )}
      {c.ranking && (
        <Section title={bt('ranking', { name: c.ranking.schemeName })}>
          <Table<NonNullable<Content['ranking']>['rows'][number]>
            {...small}
            rowKey="unitName"
            dataSource={c.ranking.rows}
            columns={[
              { ...col('c.rank', 'rank'), width: 60 },
              col('c.unit', 'unitName'),
              { ...col('c.total', 'total'), align: 'right' as const },
              { ...col('c.change', 'rankChange'), render: (n: number | null) => (n === null || n === 0 ? '—' : n > 0 ? `↑${n}` : `↓${-n}`) },
              { ...col('c.flag', 'redFlag'), render: (f: boolean) => (f ? <Tag color="red">★ {bt('c.flag')}</Tag> : '') },
            ]}
          />
        </Section>
      )}
      {charts.isLoading && <Spin />}
      {(charts.data ?? []).map((ch) => (
        <img key={ch.title} className="gj-bu-chart" alt={ch.title} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ch.svg)}`} data-testid="bu-chart" />
      ))}
    </div>
  );
}

export function BulletinDetail() {
  const { id = '' } = useParams();
  const bt = useBuT();
  const { can } = useSession();
  const message = useMessage();
  const navigate = useNavigate();
  const onError = useErrorMessage();
  const q = useBulletin(id);
  const [form] = Form.useForm<FormValues>();
  const save = useBuMutation((v: EditInput) => bulletinsApi.update(id, v));
  const publish = useBuMutation((version: number) => bulletinsApi.publish(id, version));
  const remove = useBuMutation(() => bulletinsApi.remove(id));
  const b = q.data;
  useEffect(() => {
    if (b) form.setFieldsValue({ title: b.title, issueNo: b.issueNo, lead: b.lead, closing: b.closing, copyTo: b.copyTo.join('，'), printOffice: b.printOffice, printDate: b.printDate ?? '' });
  }, [b, form]);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!b) return <Spin />;
  const editable = b.state === 'draft' && can('unitData.approve');

  const submit = (v: FormValues) =>
    save.mutate(
      {
        title: v.title,
        issueNo: v.issueNo ?? '',
        lead: v.lead,
        closing: v.closing ?? '',
        copyTo: splitList(v.copyTo ?? ''),
        printOffice: v.printOffice ?? '',
        printDate: v.printDate?.trim() ? v.printDate.trim() : null,
        version: b.version,
      },
      { onError, onSuccess: () => void message.success(bt('saved')) },
    );

  return (
    <div data-testid="bu-detail">
      <div className="gj-bu-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/bulletins')}>{bt('back')}</Button>
          <Tag color={b.state === 'published' ? 'green' : 'default'} data-testid="bu-state">{bt(`state.${b.state}`)}</Tag>
        </Space>
        <Space wrap>
          <Button icon={<FileWordOutlined />} href={bulletinsApi.downloadUrl(id, 'docx')} data-testid="bu-docx">{bt('docx')}</Button>
          <Button icon={<FileExcelOutlined />} href={bulletinsApi.downloadUrl(id, 'xlsx')} data-testid="bu-xlsx">{bt('xlsx')}</Button>
          {editable && (
            <>
              <Popconfirm title={bt('deleteConfirm')} onConfirm={() => remove.mutate(undefined, { onError, onSuccess: () => void navigate('/bulletins') })}>
                <Button danger icon={<DeleteOutlined />}>{bt('delete')}</Button>
              </Popconfirm>
              <Popconfirm title={bt('publishConfirm')} onConfirm={() => publish.mutate(b.version, { onError, onSuccess: () => void message.success(bt('publishedOk')) })}>
                <Button type="primary" icon={<CheckCircleOutlined />} loading={publish.isPending} data-testid="bu-publish">{bt('publish')}</Button>
              </Popconfirm>
            </>
          )}
        </Space>
      </div>
      <InstructionsBlock subjectType="bulletin" subjectId={id} subjectTitle={b.title} />
      <div className="gj-bu-layout">
        <Card title={bt('text')} variant="borderless">
          {b.state === 'published' && <Alert type="info" showIcon title={bt('frozen')} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" disabled={!editable} onFinish={submit} requiredMark={false}>
            <Form.Item name="title" label={bt('title')} rules={[{ required: true, min: 4 }]}>
              <Input maxLength={120} data-testid="bu-title" />
            </Form.Item>
            <Form.Item name="issueNo" label={bt('issueNo')}>
              <Input maxLength={40} data-testid="bu-issue" />
            </Form.Item>
            <Form.Item name="lead" label={bt('lead')} rules={[{ required: true }]} className="gj-bu-lead">
              <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={5000} data-testid="bu-lead" />
            </Form.Item>
            <Form.Item name="closing" label={bt('closing')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10000} data-testid="bu-closing" />
            </Form.Item>
            <h4>{bt('colophon')}</h4>
            <Form.Item name="copyTo" label={bt('copyTo')} extra={bt('copyToHelp')}>
              <Input maxLength={600} data-testid="bu-copy-to" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="printOffice" label={bt('printOffice')}>
                <Input maxLength={60} style={{ width: 280 }} data-testid="bu-print-office" />
              </Form.Item>
              <Form.Item name="printDate" label={bt('printDate')} extra={bt('printDateHelp')} rules={[{ pattern: /^(\d{4}-\d{2}-\d{2})?$/ }]}>
                <Input maxLength={10} style={{ width: 160 }} placeholder="YYYY-MM-DD" data-testid="bu-print-date" />
              </Form.Item>
            </Space>
            {editable && (
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="bu-save">{bt('save')}</Button>
            )}
          </Form>
        </Card>
        <Card title={bt('preview')} variant="borderless">
          <Preview id={id} c={b.content} />
        </Card>
      </div>
    </div>
  );
}
