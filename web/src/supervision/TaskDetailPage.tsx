// One task: what it is and where it came from (its sentence in the source),
// progress by the lead and supporting units, delays, requests and decisions,
// supervision notices, the loop's history, and the actions open to this user.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Space, Spin, Tag, Timeline } from 'antd';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { supervisionApi, uploadFile, type FileInfo, type LoopAction, type RequestKind, type TaskDetail, type TaskRequest } from './api';
import { useSvT } from './i18n';
import { LightDot, progressText, StandingTag, StateTag } from './parts';
import { useSvMutation, useTask } from './queries';
import { usePhotoPicker } from '../shell/PhotoPicker';
import { usePhone } from '../shell/usePhone';
import { valuesOf } from '../forms';
import { LoopActionDialog } from '../shell/LoopActionDialog';
import { useMessage } from '../shell/feedback';

export default function TaskDetailPage() {
  const { id = '' } = useParams();
  const t = useSvT();
  const phone = usePhone();
  const q = useTask(id);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const d = q.data;
  const task = d.task;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="sv-task">
      <Link to="/supervision/tasks">← {t('detail.back')}</Link>
      <Card
        size="small"
        className="gj-sv-task-card"
        title={
          <Space align="start">
            <LightDot light={task.light} />
            <span data-testid="sv-task-title">{task.text}</span>
          </Space>
        }
        // On a phone the tags go under the title, which wraps rather than being cut short.
        extra={!phone && <Space><StateTag state={task.state} /><StandingTag standing={task.standing} /></Space>}
      >
        {phone && (
          <Space size={4} style={{ marginBottom: 8 }}>
            <StateTag state={task.state} />
            <StandingTag standing={task.standing} />
          </Space>
        )}
        <Descriptions size="small" bordered={!phone} column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('col.lead')}>{task.leadUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('detail.supporting')}>{d.supportingUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.leader')}>{task.leaderName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.deadline')}>{task.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('detail.target')}>{task.quantityTarget ? `${task.quantityLabel ?? ''} ${task.quantityTarget}${task.quantityUnit ?? ''}${task.atLeast ? t('review.atLeast') : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.progress')}><span data-testid="sv-task-progress">{progressText(task)}</span></Descriptions.Item>
          <Descriptions.Item label={t('detail.campaign')}>{task.campaign ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.priority')}>{t(`priority.${task.priority}`)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.cadence')}>
            {t(`cadence.${task.cadence}`)} {task.reportDue && <Tag color="blue">{t('reportDue')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('col.slips')}>{task.slipCount ? <Tag color="red">{t('slips', { n: task.slipCount })}</Tag> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.origin')}>{t(`origin.${task.origin}`)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.explained')}>{[task.explained && t('detail.explained'), task.longTerm && t('detail.longTerm')].filter(Boolean).join('、') || '—'}</Descriptions.Item>
        </Descriptions>
        {d.source && (
          <div style={{ marginTop: 12 }}>
            <div className="gj-sv-muted">{t('detail.source')}：《{d.source.title}》</div>
            <div className="gj-sv-quote" data-testid="sv-source">
              …{d.source.before.slice(-60)}
              <mark>{d.source.text}</mark>
              {d.source.after.slice(0, 60)}…
            </div>
          </div>
        )}
        <Actions d={d} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('detail.progress')}>
            {d.can.report && <ReportForm d={d} />}
            {d.progress.length === 0 ? (
              <Empty description={t('detail.noProgress')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                data-testid="sv-progress"
                dataSource={d.progress}
                renderItem={(p) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space wrap size={[8, 4]}>
                          <span>{p.unitName}</span>
                          <Tag>{p.role === 'lead' ? t('detail.lead') : t('detail.supportingRole')}</Tag>
                          <span className="gj-sv-muted">{p.period}</span>
                          {p.percent !== null && <Tag color="green">{Number(p.percent)}%</Tag>}
                          {p.reached !== null && <Tag color="green">{p.reached}{task.quantityUnit ?? ''}</Tag>}
                        </Space>
                      }
                      description={
                        <>
                          <div>{p.body}</div>
                          <FileLinks files={p.files} />
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <NoticesCard d={d} />
            <DelaysCard d={d} />
            <RequestsCard d={d} />
            <Card size="small" title={t('detail.history')}>
              <Timeline
                items={d.events.map((e) => ({
                  children: (
                    <>
                      <div>
                        {e.action === 'note' ? '📝' : t(`state.${e.toState ?? 'assigned'}`)} {e.unitName ?? e.actorName ?? ''}
                        <span className="gj-sv-muted"> {dayjs(e.at).format('YYYY-MM-DD HH:mm')}</span>
                      </div>
                      {(e.note || e.reason) && <div className="gj-sv-muted">{e.reason ?? e.note}</div>}
                    </>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function Actions({ d }: { d: TaskDetail }) {
  const t = useSvT();
  const message = useMessage();
  const onError = useErrorMessage();
  const act = useSvMutation((body: { action: LoopAction; reason?: string }) => supervisionApi.act(d.task.loopItemId, { ...body, version: d.task.version }));
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [returning, setReturning] = useState(false);
  const shown = d.allowedActions.filter((a) => ['accept', 'report_done', 'verify', 'return'].includes(a.action));
  // 退回 asks why in the shared loop dialog; the other steps need nothing more.
  const run = (action: LoopAction) => (action === 'return' ? setReturning(true) : act.mutate({ action }, { onSuccess: () => void message.success(t('action.done')), onError }));
  if (!shown.length && !d.can.issueNotice) return null;
  return (
    <Space style={{ marginTop: 12 }} wrap>
      {shown.map((a) => (
        <Button key={a.action} type={a.action === 'verify' || a.action === 'report_done' ? 'primary' : 'default'} danger={a.action === 'return'} loading={act.isPending} onClick={() => run(a.action)} data-testid={`sv-act-${a.action}`}>
          {t(`action.${a.action as 'accept'}`)}
        </Button>
      ))}
      {d.can.issueNotice && (
        <Button danger type="primary" onClick={() => setNoticeOpen(true)} data-testid="sv-issue-notice">
          {t('notice.issue')}
        </Button>
      )}
      <NoticeModal d={d} open={noticeOpen} onClose={() => setNoticeOpen(false)} />
      {returning && (
        <LoopActionDialog
          title={t('action.reasonPrompt')}
          fields={['reason']}
          required={[]}
          labels={{}}
          textArea={{ rows: undefined, maxLength: undefined, autoFocus: true }}
          version={d.task.version}
          onSubmit={(b) => act.mutateAsync({ action: 'return', reason: b.reason })}
          done={t('action.done')}
          onClose={() => setReturning(false)}
        />
      )}
    </Space>
  );
}

function NoticeModal({ d, open, onClose }: { d: TaskDetail; open: boolean; onClose(): void }) {
  const t = useSvT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [form] = Form.useForm<{ requirements: string; requiredBy: dayjs.Dayjs }>();
  const issue = useSvMutation((v: { requirements: string; requiredBy: string }) => supervisionApi.issueNotice(d.task.id, v));
  return (
    <Modal
      open={open}
      title={t('notice.issue')}
      onCancel={onClose}
      okButtonProps={{ loading: issue.isPending, id: 'sv-notice-ok' }}
      onOk={() =>
        valuesOf(form).then((v) =>
          v && issue.mutate(
            { requirements: v.requirements, requiredBy: v.requiredBy.format('YYYY-MM-DD') },
            { onSuccess: (n) => (message.success(t('notice.issued', { number: n.number })), onClose(), form.resetFields()), onError },
          ),
        )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="requirements" label={t('notice.requirements')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} data-testid="sv-notice-requirements" />
        </Form.Item>
        <Form.Item name="requiredBy" label={t('notice.requiredBy')} rules={[{ required: true }]}>
          <DatePicker data-testid="sv-notice-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A report's files: photos as thumbnails (they open full size), other files by name. */
function FileLinks({ files }: { files: FileInfo[] }) {
  if (files.length === 0) return null;
  return (
    <div className="gj-sv-files">
      {files.map((f) =>
        f.mime.startsWith('image/') ? (
          <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noreferrer" className="gj-sv-thumb" title={f.name}>
            <img src={`/api/files/${f.id}`} alt={f.name} loading="lazy" />
          </a>
        ) : (
          <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noreferrer">
            📎 {f.name}
          </a>
        ),
      )}
    </div>
  );
}

function ReportForm({ d }: { d: TaskDetail }) {
  const t = useSvT();
  const message = useMessage();
  const onError = useErrorMessage();
  const phone = usePhone();
  const [form] = Form.useForm<{ body: string; percent?: number; reached?: number }>();
  const [files, setFiles] = useState<FileInfo[]>([]);
  const report = useSvMutation((v: { body: string; percent?: number | null; reached?: string | null; fileIds: string[] }) => supervisionApi.progress(d.task.id, v));
  // The shared picker: on a phone 拍照或选照片 (camera or gallery), thumbnails of the chosen photos.
  const { uploader, chosen, uploading } = usePhotoPicker({
    files,
    setFiles,
    upload: uploadFile,
    labels: { photo: t('form.photo'), upload: t('form.upload'), remove: t('form.removePhoto') },
    testIds: { photo: 'sv-report-photo', chosen: 'sv-report-chosen' },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="sv-report-form"
      onFinish={(v) =>
        report.mutate(
          { body: v.body, percent: v.percent ?? null, reached: v.reached === undefined || v.reached === null ? null : String(v.reached), fileIds: files.map((f) => f.id) },
          { onSuccess: () => (message.success(t('form.reported')), form.resetFields(), setFiles([])), onError },
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Form.Item name="body" label={t('form.body')} rules={[{ required: true }]}>
        <Input.TextArea rows={phone ? 3 : 2} data-testid="sv-report-body" />
      </Form.Item>
      <Space wrap align="end">
        <Form.Item name="percent" label={t('form.percent')}>
          <InputNumber min={0} max={100} inputMode="decimal" data-testid="sv-report-percent" />
        </Form.Item>
        {d.task.quantityTarget && (
          <Form.Item name="reached" label={`${t('form.reached')}（${d.task.quantityUnit ?? ''}）`}>
            <InputNumber min={0} inputMode="decimal" data-testid="sv-report-reached" />
          </Form.Item>
        )}
        {!phone && <Form.Item label={t('form.files')}>{uploader}</Form.Item>}
        {!phone && (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={report.isPending} data-testid="sv-report-submit">
              {t('form.submit')}
            </Button>
          </Form.Item>
        )}
      </Space>
      {phone ? (
        <>
          {files.length > 0 && <div className="gj-sv-files gj-sv-chosen">{chosen}</div>}
          <div className="gj-sv-report-buttons">
            {uploader}
            <Button type="primary" block htmlType="submit" loading={report.isPending} disabled={uploading > 0} data-testid="sv-report-submit">
              {t('form.submit')}
            </Button>
          </div>
        </>
      ) : (
        chosen
      )}
    </Form>
  );
}

function NoticesCard({ d }: { d: TaskDetail }) {
  const t = useSvT();
  if (!d.notices.length) return null;
  return (
    <Card size="small" title={t('detail.notices')} data-testid="sv-notices">
      <List
        dataSource={d.notices}
        renderItem={(n) => (
          <List.Item actions={[<a key="dl" href={`/api/supervision/notices/${n.id}/docx`}>{t('detail.download')}</a>]}>
            <List.Item.Meta title={<Tag color="red">{n.number}</Tag>} description={`${n.issuedOn} · ${t('notice.requiredBy')} ${n.requiredBy}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}

function DelaysCard({ d }: { d: TaskDetail }) {
  const t = useSvT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [reason, setReason] = useState('');
  // The version of the current deadline's delay, as read (none recorded yet: 1).
  const delayVersion = d.delays.find((x) => x.missedDeadline === d.task.deadline)?.version ?? 1;
  const explain = useSvMutation((r: string) => supervisionApi.delayReason(d.task.id, r, delayVersion));
  if (!d.delays.length && !d.can.explainDelay) return null;
  return (
    <Card size="small" title={t('detail.delays')} data-testid="sv-delays">
      <List
        size="small"
        dataSource={d.delays}
        renderItem={(x) => (
          <List.Item>
            <List.Item.Meta title={t('detail.missed', { date: x.missedDeadline })} description={x.reason ?? t('detail.noReason')} />
          </List.Item>
        )}
      />
      {d.can.explainDelay && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input placeholder={t('form.delay')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="sv-delay-reason" />
          <Button type="primary" disabled={!reason.trim()} loading={explain.isPending} onClick={() => explain.mutate(reason, { onSuccess: () => { setReason(''); void message.success(t('action.done')); }, onError })}>
            {t('form.submit')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

function RequestsCard({ d }: { d: TaskDetail }) {
  const t = useSvT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [form] = Form.useForm<{ kind: RequestKind; body: string; proposedText?: string }>();
  const kind = Form.useWatch('kind', form);
  const ask = useSvMutation((v: { kind: RequestKind; body: string; proposedText?: string }) => supervisionApi.request(d.task.id, v));
  if (!d.requests.length && !d.can.request) return null;
  return (
    <Card size="small" title={t('detail.requests')} data-testid="sv-requests">
      <List size="small" dataSource={d.requests} renderItem={(r) => <RequestRow r={r} canDecide={d.can.decide} />} />
      {d.can.request && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'explain' }}
          onFinish={(v) => ask.mutate(v, { onSuccess: () => { form.resetFields(); void message.success(t('action.done')); }, onError })}
          style={{ marginTop: 8 }}
        >
          <Form.Item name="kind" label={t('form.requestKind')}>
            <Select options={(['reword', 'explain', 'long_term'] as RequestKind[]).map((k) => ({ value: k, label: t(`request.${k}`) }))} />
          </Form.Item>
          {kind === 'reword' && (
            <Form.Item name="proposedText" label={t('form.proposed')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          <Form.Item name="body" label={t('form.requestBody')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" loading={ask.isPending}>
            {t('form.request')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export function RequestRow({ r, canDecide }: { r: TaskRequest; canDecide: boolean }) {
  const t = useSvT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [note, setNote] = useState('');
  const decide = useSvMutation((approve: boolean) => supervisionApi.decide(r.id, { approve, note, version: r.version }));
  const color = r.status === 'approved' ? 'green' : r.status === 'rejected' ? 'red' : 'gold';
  return (
    <List.Item>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Tag>{t(`request.${r.kind}`)}</Tag>
          <Tag color={color}>{t(`request.${r.status}`)}</Tag>
          {r.unitName && <span className="gj-sv-muted">{r.unitName}</span>}
        </Space>
        {r.taskText && <div className="gj-sv-muted">{r.taskText}</div>}
        <div>{r.body}</div>
        {r.proposedText && <div className="gj-sv-quote">{r.proposedText}</div>}
        {r.decisionNote && <div className="gj-sv-muted">{t('request.note')}：{r.decisionNote}</div>}
        {canDecide && r.status === 'pending' && (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={t('request.note')} value={note} onChange={(e) => setNote(e.target.value)} />
            <Button type="primary" disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate(true, { onSuccess: () => void message.success(t('request.decided')), onError })}>
              {t('request.approve')}
            </Button>
            <Button danger disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate(false, { onSuccess: () => void message.success(t('request.decided')), onError })}>
              {t('request.reject')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </List.Item>
  );
}
