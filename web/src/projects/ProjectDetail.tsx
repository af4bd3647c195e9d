// One project: its register, stage dates and rules, the backward plan as a Gantt
// (baseline against forecast) with the milestones the task force records, its
// problems in the shared loop with their lights, monthly investment (submit →
// approve), visual progress with photos, and the history of every change.
import type { ButtonProps } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Image, Input, Modal, Select, Space, Spin, Steps, Table, Tabs, Tag, Timeline, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n';
import { actionLabel, entityLabel } from '../system/auditLabels';
import { useErrorMessage } from '../api/useErrorMessage';
import { InstructionsBlock } from '../instructions/parts';
import { projectsApi, STAGES, uploadFile, type FileInfo, type InvestmentInput, type LoopActInput, type Milestone, type ProblemInput, type ProblemItem, type ProjectDetail as Detail, type UpdateInput } from './api';
import { StatusTag } from './parts';
import { downloadPng, type ChartInstance } from './EChart';
import { LIGHT_COLORS, STATUS_COLORS, yi } from './format';
import { Gantt, milestoneRows } from './Gantt';
import { ProjectForm } from './ProjectForm';
import { usePT } from './i18n';
import { useHistory, useLoopItem, useOptions, usePMutation, useProject, useUnits } from './queries';
import { valuesOf } from '../forms';
import { LoopActionFields, loopBody, type LoopActValues } from '../shell/LoopActionDialog';
import { RulesAndService, TaskForceTab } from './People';
import { useMessage } from '../shell/feedback';

const CATEGORIES = ['eia', 'energy', 'water', 'power', 'gas', 'relocation', 'road', 'other'] as const;

export default function ProjectDetail() {
  const { id = '' } = useParams();
  const pt = usePT();
  const navigate = useNavigate();
  const q = useProject(id);
  const options = useOptions();
  if (q.error) return <Alert type="error" showIcon title={q.error.message} />;
  if (!q.data || !options.data) return <Spin />;
  const d = q.data;
  const p = d.project;
  return (
    <div data-testid="project-detail">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingLeft: 0 }}>
        {pt('detail.back')}
      </Button>
      <Header d={d} today={options.data.today} />
      <Tabs
        className="gj-pj-detail-tabs"
        items={[
          { key: 'plan', label: <span data-testid="tab-plan">{pt('detail.plan')}</span>, children: <Plan d={d} today={options.data.today} /> },
          { key: 'taskForce', label: <span data-testid="tab-task-force">{pt('tf.title')} <Tag>{p.taskForce.length}</Tag></span>, children: <TaskForceTab d={d} /> },
          { key: 'problems', label: <span data-testid="tab-problems">{pt('detail.problems')} {p.openProblems > 0 && <Tag color="orange">{p.openProblems}</Tag>}</span>, children: <Problems d={d} /> },
          { key: 'investment', label: <span data-testid="tab-investment">{pt('detail.investment')}</span>, children: <Investments d={d} today={options.data.today} /> },
          { key: 'photos', label: <span data-testid="tab-photos">{pt('detail.photos')}</span>, children: <Photos d={d} today={options.data.today} /> },
          { key: 'history', label: <span data-testid="tab-history">{pt('detail.history')}</span>, children: <History id={p.id} /> },
        ]}
      />
    </div>
  );
}

function Header({ d, today }: { d: Detail; today: string }) {
  const pt = usePT();
  const { lang } = useI18n();
  const p = d.project;
  const reached = STAGES.indexOf(p.stage);
  const [editing, setEditing] = useState(false);
  return (
    <Card variant="borderless" className="gj-pj-head" data-testid="project-head">
      <div className="gj-pj-title">
        <h3 data-testid="project-name">{p.name}</h3>
        {p.keyProject && <Tag color="red">{pt('key')}</Tag>}
        <StatusTag status={p.status} />
        <Tag>{pt(`category.${p.category}`)}</Tag>
        {p.demo && <Tag className="gj-pj-demo-tag">{pt('demo')}</Tag>}
        {d.can.edit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-project" style={{ marginLeft: 'auto' }}>
            {pt('edit')}
          </Button>
        )}
      </div>
      {editing && <ProjectForm project={p} onClose={() => setEditing(false)} onCreated={() => undefined} />}
      <Descriptions size="small" column={4} className="gj-pj-desc">
        <Descriptions.Item label={pt('col.total')}>
          <span data-testid="project-total">
            {p.currency === 'USD' ? pt('yiUsd', { v: yi(p.totalInvestment) }) : pt('yi', { v: yi(p.totalInvestment) })}
            {p.currency === 'USD' && p.totalInvestmentYuan && <span className="gj-pj-muted">（{pt('detail.totalYuan', { v: yi(p.totalInvestmentYuan) })}）</span>}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={pt('col.chain')}>{p.chain || '—'}</Descriptions.Item>
        <Descriptions.Item label={pt('col.unit')}>{p.responsibleUnitName}</Descriptions.Item>
        <Descriptions.Item label={pt('col.leader')}>{p.leaderName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={pt('detail.taskForce')}>
          <span data-testid="project-task-force">{p.taskForce.map((m) => (m.role === 'lead' ? `${m.name}（${pt('tf.role.lead')}）` : m.name)).join('、') || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={pt('col.target')}>{p.targetDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={pt('col.forecast')}>
          {p.forecastCompletion ?? '—'}
          {p.slipDays > 0 && <span className="gj-pj-slip"> +{pt('workdays', { n: p.slipDays })}</span>}
        </Descriptions.Item>
        <Descriptions.Item label={pt('detail.investment')}>
          {pt('detail.annualShare', { plan: yi(p.annualPlan), done: yi(d.completedThisYear), share: d.planShare ?? '—' })}
        </Descriptions.Item>
      </Descriptions>
      <Steps
        size="small"
        className="gj-pj-stages"
        current={reached}
        items={STAGES.map((s) => {
          const dd = p.stageDates[s];
          return {
            title: pt(`stage.${s}`),
            content: dd?.actual ? `${pt('actual')} ${dd.actual}` : dd?.planned ? `${pt('ms.planned')} ${dd.planned}` : '—',
          };
        })}
      />
      {p.findings.filter((f) => f.status === 'behind').map((f, i) => (
        <Alert key={i} type="error" showIcon title={f.message[lang]} style={{ marginTop: 8 }} data-testid="rule-finding" />
      ))}
      <RulesAndService d={d} today={today} />
    </Card>
  );
}

function Plan({ d, today }: { d: Detail; today: string }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const p = d.project;
  const chart = useRef<ChartInstance | null>(null);
  const keep = useCallback((c: ChartInstance) => void (chart.current = c), []);
  const approve = usePMutation(() => projectsApi.approvePlan(p.id, p.version));
  const replan = usePMutation((date: string) => projectsApi.plan(p.id, date, p.version));
  const [editing, setEditing] = useState<Milestone | null>(null);
  const [target, setTarget] = useState<Dayjs | null>(null);
  return (
    <div>
      <div className="gj-pj-toolbar">
        <Space>
          <Tag color={p.planApprovedAt ? 'green' : 'default'}>{p.planApprovedAt ? pt('detail.planApproved') : pt('detail.planDraft')}</Tag>
          <span className="gj-pj-legend">
            <i style={{ background: '#bfbfbf' }} />
            {pt('baseline')}
            {(['on_time', 'at_risk', 'behind', 'done'] as const).map((s) => (
              <span key={s}>
                <i style={{ background: STATUS_COLORS[s] }} />
                {pt(`status.${s}`)}
              </span>
            ))}
          </span>
        </Space>
        <Space>
          {d.can.edit && (
            <>
              <DatePicker value={target} onChange={setTarget} placeholder={pt('col.target')} />
              <Button disabled={!target} onClick={() => target && replan.mutateAsync(target.format('YYYY-MM-DD')).then(() => message.success(pt('saved')), onError)}>
                {pt('detail.replan')}
              </Button>
            </>
          )}
          {d.can.approvePlan && p.milestones.length > 0 && (
            <Button type="primary" data-testid="approve-plan" onClick={() => approve.mutateAsync(undefined).then(() => message.success(pt('detail.planApproved')), onError)}>
              {pt('detail.approvePlan')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} data-testid="export-plan-png" onClick={() => downloadPng(chart.current, `${p.name}-${pt('detail.plan')}`)}>
            {pt('export.png')}
          </Button>
        </Space>
      </div>
      {p.milestones.length === 0 ? (
        <Empty />
      ) : (
        <Gantt rows={milestoneRows(p.milestones)} today={today} onReady={keep} testId="plan-gantt" />
      )}
      <Table<Milestone>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.milestones}
        data-testid="milestones"
        style={{ marginTop: 12 }}
        columns={[
          { title: pt('ms.name'), dataIndex: 'name', render: (v: string, m) => <span style={{ borderLeft: `3px solid ${STATUS_COLORS[m.status]}`, paddingLeft: 6 }}>{v}</span> },
          { title: pt('ms.department'), dataIndex: 'department', width: 130 },
          { title: pt('ms.duration'), dataIndex: 'durationWorkdays', width: 70, align: 'right' },
          { title: pt('ms.baseline'), width: 110, render: (_, m) => m.baselineEnd ?? '—' },
          { title: pt('ms.planned'), width: 110, dataIndex: 'plannedEnd', render: (v: string, m) => (m.needsConfirmation && !m.actualEnd ? <span>{v} <Tag data-testid={`to-confirm-${m.key}`}>{pt('ms.toConfirm')}</Tag></span> : v) },
          { title: pt('ms.forecast'), width: 150, render: (_, m) => (m.actualEnd ? '—' : <span>{m.forecastEnd}{m.slipDays > 0 && <span className="gj-pj-slip"> +{m.slipDays}</span>}</span>) },
          { title: pt('ms.actual'), width: 110, render: (_, m) => m.actualEnd ?? (m.actualStart ? `${m.actualStart} →` : '—') },
          { title: pt('col.status'), width: 80, render: (_, m) => <StatusTag status={m.status} /> },
          ...(d.can.progress
            ? [{ title: '', width: 70, render: (_: unknown, m: Milestone) => <Button size="small" data-testid={`record-${m.key}`} onClick={() => setEditing(m)}>{pt('ms.record')}</Button> }]
            : []),
        ]}
      />
      {editing && <MilestoneModal projectId={p.id} m={editing} today={today} onClose={() => setEditing(null)} />}
    </div>
  );
}

function MilestoneModal({ projectId, m, today, onClose }: { projectId: string; m: Milestone; today: string; onClose(): void }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [form] = Form.useForm<{ start?: Dayjs; end?: Dayjs; note?: string }>();
  const save = usePMutation((body: object) => projectsApi.milestone(projectId, m.id, { ...body, version: m.version }));
  const day = (x?: Dayjs | null) => (x ? x.format('YYYY-MM-DD') : null);
  return (
    <Modal
      open
      title={m.name}
      onCancel={onClose}
      okText={pt('ok')}
      cancelText={pt('cancel')}
      okButtonProps={{ 'data-testid': 'milestone-save' } as ButtonProps}
      onOk={async () => {
        const v = form.getFieldsValue();
        try {
          await save.mutateAsync({ actualStart: day(v.start), actualEnd: day(v.end), note: v.note ?? '' });
          message.success(pt('ms.saved'));
          onClose();
        } catch (err) {
          onError(err);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ start: m.actualStart ? dayjs(m.actualStart) : undefined, end: m.actualEnd ? dayjs(m.actualEnd) : undefined, note: m.note }}>
        <p className="gj-pj-muted">
          {m.department} · {pt('ms.planned')} {m.plannedStart} ~ {m.plannedEnd}
        </p>
        <Form.Item name="start" label={pt('ms.start')}>
          <DatePicker style={{ width: '100%' }} maxDate={dayjs(today)} />
        </Form.Item>
        <Form.Item name="end" label={pt('ms.end')}>
          <DatePicker style={{ width: '100%' }} maxDate={dayjs(today)} data-testid="milestone-end" />
        </Form.Item>
        <Form.Item name="note" label={pt('pb.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LightDot({ light }: { light: ProblemItem['light'] }) {
  const pt = usePT();
  return (
    <span className="gj-pj-light" data-testid={`light-${light}`}>
      <i style={{ background: LIGHT_COLORS[light] }} />
      {pt(`light.${light}`)}
    </span>
  );
}

function Problems({ d }: { d: Detail }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [raising, setRaising] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [form] = Form.useForm<{ title: string; category: ProblemInput['category']; detail?: string }>();
  const raise = usePMutation((body: ProblemInput) => projectsApi.raiseProblem(d.project.id, body));
  return (
    <div>
      {d.can.progress && (
        <div className="gj-pj-toolbar">
          <span />
          <Button icon={<PlusOutlined />} type="primary" onClick={() => setRaising(true)} data-testid="raise-problem">
            {pt('pb.raise')}
          </Button>
        </div>
      )}
      <Table<ProblemItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.problems}
        locale={{ emptyText: pt('pb.empty') }}
        data-testid="problems"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '',
            width: 90,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <LightDot light={r.light} />
                {r.escalation >= 2 && r.state !== 'closed' && (
                  <Tag color="red" data-testid="problem-escalation">
                    {pt('pb.escalation', { n: r.escalation })}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: pt('pb.title'), dataIndex: 'title' },
          { title: pt('pb.category'), width: 100, render: (_, r) => (r.category ? pt(`cat.${r.category}`) : '—') },
          { title: pt('pb.assignee'), dataIndex: 'assigneeName', width: 110, render: (v: string | null) => v ?? '—' },
          { title: pt('pb.deadline'), dataIndex: 'deadline', width: 110, render: (v: string | null) => v ?? '—' },
          { title: pt('pb.state'), width: 90, render: (_, r) => <span data-testid="problem-state">{pt(`loop.${r.state}`)}</span> },
        ]}
      />
      <Modal
        open={raising}
        title={pt('pb.raise')}
        onCancel={() => setRaising(false)}
        okText={pt('ok')}
        cancelText={pt('cancel')}
        okButtonProps={{ 'data-testid': 'problem-save' } as ButtonProps}
        onOk={async () => {
          const v = await valuesOf(form);
          if (!v) return;
          try {
            await raise.mutateAsync(v);
            message.success(pt('pb.raised'));
            form.resetFields();
            setRaising(false);
          } catch (err) {
            onError(err);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ category: 'other' }}>
          <Form.Item name="title" label={pt('pb.title')} rules={[{ required: true, message: pt('form.required') }]}>
            <Input maxLength={200} data-testid="problem-title" />
          </Form.Item>
          <Form.Item name="category" label={pt('pb.category')}>
            <Select data-testid="problem-category" options={CATEGORIES.map((c) => ({ value: c, label: pt(`cat.${c}`) }))} />
          </Form.Item>
          <Form.Item name="detail" label={pt('pb.detail')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
      <ProblemDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}

/** The loop's actions open to this user, with the fields each needs; the loop itself decides. */
function ProblemDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const q = useLoopItem(id);
  const units = useUnits();
  const [form] = Form.useForm<LoopActValues>();
  const act = usePMutation((body: LoopActInput) => projectsApi.loopAct(id!, body));
  const it = q.data;
  const needs = new Set(it?.allowedActions.flatMap((a) => a.requires) ?? []);
  return (
    <Drawer open={!!id} onClose={onClose} size={520} title={it?.item.title} destroyOnHidden data-testid="problem-drawer">
      {!it ? (
        <Spin />
      ) : (
        <>
          <Space style={{ marginBottom: 12 }}>
            <LightDot light={it.item.light} />
            <Tag>{pt(`loop.${it.item.state}`)}</Tag>
            {it.item.escalation >= 2 && it.item.state !== 'closed' && <Tag color="red">{pt('pb.escalation', { n: it.item.escalation })}</Tag>}
            {it.item.deadline && <span>{pt('pb.deadline')} {it.item.deadline}</span>}
          </Space>
          {it.allowedActions.length > 0 && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <Form form={form} layout="vertical">
                <LoopActionFields
                  fields={[...(['assignee', 'deadline'] as const).filter((f) => needs.has(f)), 'reason']}
                  required={[]}
                  labels={{ assignee: pt('pb.assignee'), deadline: pt('pb.deadline'), reason: pt('pb.reason') }}
                  units={units.data?.items}
                  testIds={{ assignee: 'act-assignee', deadline: 'act-deadline' }}
                  deadlinePicker={{ style: { width: '100%' } }}
                  textArea={{ rows: 2, maxLength: 1000 }}
                />
              </Form>
              <Space wrap>
                {it.allowedActions.map((a) => (
                  <Button
                    key={a.action}
                    type={['assign', 'verify', 'report_done', 'accept'].includes(a.action) ? 'primary' : 'default'}
                    data-testid={`act-${a.action}`}
                    // One action at a time: a second click would carry the version the first one spends.
                    disabled={act.isPending}
                    onClick={async () => {
                      const v = form.getFieldsValue();
                      try {
                        await act.mutateAsync({ ...loopBody(v, it.item.version), action: a.action });
                        message.success(pt('pb.done'));
                        form.resetFields();
                        await q.refetch();
                      } catch (err) {
                        onError(err);
                      }
                    }}
                  >
                    {pt(`act.${a.action}`)}
                  </Button>
                ))}
              </Space>
            </Card>
          )}
          <InstructionsBlock subjectType="problem" subjectId={it.item.id} subjectTitle={it.item.title} />
          <h4>{pt('pb.history')}</h4>
          <Timeline
            items={it.events.map((e) => ({
              content: (
                <div>
                  <b>{e.action === 'raise' && !e.fromState ? pt('act.raised') : pt(`act.${e.action}`)}</b> · {e.actorName ?? ''} {e.unitName ? `（${e.unitName}）` : ''}
                  <div className="gj-pj-muted">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</div>
                  {(e.reason || e.note) && <div>{e.reason ?? e.note}</div>}
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}

function Investments({ d, today }: { d: Detail; today: string }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [form] = Form.useForm<{ period: Dayjs; amount: string }>();
  const save = usePMutation((body: InvestmentInput) => projectsApi.saveInvestment(d.project.id, body));
  const review = usePMutation((x: { id: string; action: 'approve' | 'return'; reason?: string; version: number }) => projectsApi.reviewInvestment(x.id, { action: x.action, reason: x.reason, version: x.version }));
  const submit = async (send: boolean) => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      await save.mutateAsync({ period: v.period.format('YYYY-MM'), amount: v.amount, submit: send });
      message.success(pt('saved'));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <div>
      {d.can.report && (
        <Form form={form} layout="inline" style={{ marginBottom: 12 }} initialValues={{ period: dayjs(today) }}>
          <Form.Item name="period" label={pt('inv.period')} rules={[{ required: true }]}>
            <DatePicker picker="month" maxDate={dayjs(today)} />
          </Form.Item>
          <Form.Item name="amount" label={pt('inv.amount')} rules={[{ required: true, pattern: /^\d{1,10}(\.\d{1,4})?$/, message: '0.0001' }]}>
            <Input style={{ width: 120 }} data-testid="inv-amount" />
          </Form.Item>
          <Button onClick={() => submit(false)}>{pt('inv.save')}</Button>
          <Button type="primary" onClick={() => submit(true)} style={{ marginLeft: 8 }} data-testid="inv-submit">
            {pt('inv.submit')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.investments}
        locale={{ emptyText: pt('inv.empty') }}
        columns={[
          { title: pt('inv.period'), dataIndex: 'period', width: 120 },
          { title: pt('inv.amount'), dataIndex: 'amount', align: 'right', width: 160, render: (v: string) => yi(v) },
          { title: pt('inv.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={s === 'approved' ? 'green' : s === 'submitted' ? 'blue' : s === 'returned' ? 'red' : 'default'}>{pt(`inv.${s}` as 'inv.draft')}</Tag> },
          { title: '', render: (_, r) => (r.demo ? <Tag className="gj-pj-demo-tag">{pt('demo')}</Tag> : r.returnReason) },
          ...(d.can.approveInvestment
            ? [
                {
                  title: '',
                  width: 190,
                  render: (_: unknown, r: Detail['investments'][number]) =>
                    r.status === 'submitted' && (
                      <Space>
                        <Button size="small" type="primary" onClick={() => review.mutateAsync({ id: r.id, action: 'approve', version: r.version }).catch(onError)}>
                          {pt('inv.approve')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => {
                            const reason = window.prompt(pt('pb.reason'));
                            if (reason) review.mutateAsync({ id: r.id, action: 'return', reason, version: r.version }).catch(onError);
                          }}
                        >
                          {pt('inv.return')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function Photos({ d, today }: { d: Detail; today: string }) {
  const pt = usePT();
  const me = useMe();
  const { lang } = useI18n();
  const message = useMessage();
  const onError = useErrorMessage();
  const [files, setFiles] = useState<FileInfo[]>([]);
  const [form] = Form.useForm<{ onDate: Dayjs; text: string }>();
  const add = usePMutation((body: UpdateInput) => projectsApi.addUpdate(d.project.id, body));
  return (
    <div>
      {d.can.progress && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form form={form} layout="inline" initialValues={{ onDate: dayjs(today) }}>
            <Form.Item name="onDate" label={pt('photo.date')} rules={[{ required: true }]}>
              <DatePicker maxDate={dayjs(today)} />
            </Form.Item>
            <Form.Item name="text" label={pt('photo.text')} rules={[{ required: true, message: pt('form.required') }]} style={{ flex: 1 }}>
              <Input maxLength={2000} />
            </Form.Item>
            <Upload
              accept=".jpg,.jpeg,.png,.webp"
              showUploadList={false}
              beforeUpload={(file) => {
                uploadFile<FileInfo>('/api/files', file, me.csrfToken, lang).then((f) => setFiles((xs) => [...xs, f]), onError);
                return false;
              }}
            >
              <Button>{pt('photo.files')}</Button>
            </Upload>
            <Button
              type="primary"
              style={{ marginLeft: 8 }}
              onClick={async () => {
                const v = await valuesOf(form);
                if (!v) return;
                try {
                  await add.mutateAsync({ onDate: v.onDate.format('YYYY-MM-DD'), text: v.text, fileIds: files.map((f) => f.id) });
                  setFiles([]);
                  form.resetFields();
                  message.success(pt('saved'));
                } catch (err) {
                  onError(err);
                }
              }}
            >
              {pt('photo.add')}
            </Button>
          </Form>
          {files.length > 0 && <div className="gj-pj-muted" style={{ marginTop: 6 }}>{files.map((f) => f.name).join('、')}</div>}
        </Card>
      )}
      {d.updates.length === 0 ? (
        <Empty description={pt('photo.empty')} />
      ) : (
        <Timeline
          items={d.updates.map((u) => ({
            content: (
              <div>
                <b>{u.onDate}</b> {u.text}
                <div className="gj-pj-photos">
                  {u.files.map((f) => (
                    <Image key={f.id} src={`/api/files/${f.id}`} width={120} height={90} style={{ objectFit: 'cover' }} alt={f.name} />
                  ))}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}

function History({ id }: { id: string }) {
  const i18n = useI18n();
  const q = useHistory(id);
  return (
    <Table
      rowKey="id"
      size="small"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={false}
      columns={[
        { title: '', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        { title: '', dataIndex: 'entity', width: 120, render: (v: string) => entityLabel(i18n, v) },
        { title: '', dataIndex: 'action', width: 140, render: (v: string) => actionLabel(i18n, v) },
        { title: '', dataIndex: 'actorName', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
