// One lead: what it is, its stage (with the signing date), the contact log, and —
// once signed — the supervisor's one step that makes it a project without retyping.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Row, Select, Space, Spin, Steps, Tag, Timeline } from 'antd';
import { useSession } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { attractionApi, CONTACT_KINDS, LEAD_STAGES, type ContactKind, type LeadDetail, type LeadStage } from './api';
import { useAtT } from './i18n';
import { LeadForm } from './LeadForm';
import { StageTag, useAmount } from './parts';
import { useAtMutation, useLead, useUnits } from './queries';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

function MoveDialog({ d, stage, onClose }: { d: LeadDetail; stage: LeadStage; onClose(): void }) {
  const t = useAtT();
  const [form] = Form.useForm<{ signedOn?: Dayjs }>();
  const message = useMessage();
  const onError = useErrorMessage();
  const move = useAtMutation((v: { signedOn?: Dayjs }) => attractionApi.move(d.lead.id, { stage, signedOn: v.signedOn?.format('YYYY-MM-DD') ?? null, version: d.lead.version }));
  const needsDate = stage === 'signed' && !d.lead.signedOn;
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      await move.mutateAsync(v);
      message.success(t('saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Modal open title={`${t('detail.move')} ${t(`stage.${stage}`)}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={move.isPending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="lead-move-form">
        {(stage === 'signed' || stage === 'landed') && (
          <Form.Item name="signedOn" label={t('detail.signedOn')} initialValue={dayjs(d.lead.signedOn ?? d.today)} rules={[{ required: needsDate, message: t('form.required') }]}>
            <DatePicker data-testid="lead-signed-on" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ConvertDialog({ d, onClose }: { d: LeadDetail; onClose(): void }) {
  const t = useAtT();
  const units = useUnits();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ responsibleUnitId: string; targetDate?: Dayjs; keyProject?: boolean }>();
  const message = useMessage();
  const onError = useErrorMessage();
  const convert = useAtMutation((v: { responsibleUnitId: string; targetDate?: Dayjs; keyProject?: boolean }) =>
    attractionApi.convert(d.lead.id, { responsibleUnitId: v.responsibleUnitId, targetDate: v.targetDate?.format('YYYY-MM-DD') ?? null, keyProject: !!v.keyProject, version: d.lead.version }),
  );
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      const r = await convert.mutateAsync(v);
      message.success(t('detail.project', { name: r.project.name }));
      onClose();
      void navigate(`/projects/p/${r.project.id}`);
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Modal open title={t('detail.convert')} onCancel={onClose} onOk={() => void submit()} confirmLoading={convert.isPending} okText={t('detail.convert')} cancelText={t('cancel')} destroyOnHidden>
      <p className="gj-at-muted">{t('detail.convertHint')}</p>
      <Form form={form} layout="vertical" initialValues={{ responsibleUnitId: d.lead.unitId }} data-testid="lead-convert-form">
        <Form.Item name="responsibleUnitId" label={t('detail.respUnit')} rules={[{ required: true, message: t('form.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="lead-convert-unit" />
        </Form.Item>
        <Form.Item name="targetDate" label={t('detail.targetDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="keyProject" valuePropName="checked">
          <Checkbox>{t('detail.keyProject')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ContactForm({ id, today }: { id: string; today: string }) {
  const t = useAtT();
  const [form] = Form.useForm<{ onDate: Dayjs; kind: ContactKind; note: string }>();
  const message = useMessage();
  const onError = useErrorMessage();
  const add = useAtMutation((v: { onDate: Dayjs; kind: ContactKind; note: string }) => attractionApi.contact(id, { onDate: v.onDate.format('YYYY-MM-DD'), kind: v.kind, note: v.note }));
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      await add.mutateAsync(v);
      form.resetFields(['note']);
      message.success(t('saved'));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ onDate: dayjs(today), kind: 'visit' }} data-testid="lead-contact-form">
      <Space wrap align="start">
        <Form.Item name="onDate" label={t('contact.onDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="kind" label={t('contact.kind')}>
          <Select style={{ width: 100 }} options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('contact.note')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="lead-contact-note" />
      </Form.Item>
      <Button type="primary" loading={add.isPending} onClick={() => void submit()} data-testid="lead-contact-submit">{t('detail.addContact')}</Button>
    </Form>
  );
}

export default function LeadDetailPage() {
  const { id = '' } = useParams();
  const t = useAtT();
  const { can } = useSession();
  const amount = useAmount();
  const q = useLead(id);
  const [moving, setMoving] = useState<LeadStage | null>(null);
  const [converting, setConverting] = useState(false);
  const [editing, setEditing] = useState(false);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const d = q.data;
  const l = d.lead;
  const at = LEAD_STAGES.indexOf(l.stage);
  const next = LEAD_STAGES[at + 1];
  const canConvert = can('config.write') && l.stage === 'signed' && !l.projectId;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="lead-detail">
      <Link to="/attraction/board">← {t('back')}</Link>
      <Card
        size="small"
        title={<Space><span data-testid="lead-title">{l.name}</span><span data-testid="lead-stage"><StageTag stage={l.stage} /></span></Space>}
        extra={
          <Space wrap>
            {d.canWrite && !l.projectId && <Button onClick={() => setEditing(true)}>{t('edit')}</Button>}
            {d.canWrite && next && !l.projectId && (next !== 'landed' || !canConvert) && (
              <Button type="primary" onClick={() => setMoving(next)} data-testid={`lead-move-${next}`}>{t('detail.move')} {t(`stage.${next}`)}</Button>
            )}
            {canConvert && <Button type="primary" onClick={() => setConverting(true)} data-testid="lead-convert">{t('detail.convert')}</Button>}
          </Space>
        }
      >
        <Steps size="small" current={at} items={LEAD_STAGES.map((s) => ({ title: t(`stage.${s}`), content: s === 'signed' && l.signedOn ? l.signedOn : undefined }))} style={{ marginBottom: 16 }} />
        {l.projectId && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={<span>{t('detail.project', { name: l.name })} <Link to={`/projects/p/${l.projectId}`} data-testid="lead-project-link">{t('detail.openProject')}</Link></span>}
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('col.investor')}>{l.investor || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.source')}>{l.source || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.team')}>{l.team || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.chain')}>{l.chain || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.category')}>{t(`cat.${l.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('col.investment')}>
            {amount(l)} {l.foreignCapital && <Tag color="purple">{t('foreign')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('col.signedOn')}>{l.signedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {d.canWrite && (
          <Col xs={24} lg={10}>
            <Card size="small" title={t('detail.addContact')}>
              <ContactForm id={l.id} today={d.today} />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={d.canWrite ? 14 : 24}>
          <Card size="small" title={`${t('detail.contacts')}（${d.contacts.length}）`}>
            {d.contacts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.none')} />
            ) : (
              <Timeline
                data-testid="lead-contacts"
                items={d.contacts.map((c) => ({
                  key: c.id,
                  content: (
                    <div>
                      <strong>{c.onDate}</strong> <Tag>{t(`kind.${c.kind}`)}</Tag>
                      <span className="gj-at-muted">{c.by ?? ''}</span>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{c.note}</div>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {moving && <MoveDialog d={d} stage={moving} onClose={() => setMoving(null)} />}
      {converting && <ConvertDialog d={d} onClose={() => setConverting(false)} />}
      {editing && <LeadForm initial={l} onClose={() => setEditing(false)} />}
    </Space>
  );
}
