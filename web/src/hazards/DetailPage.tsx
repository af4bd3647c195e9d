// One hazard: what, where, whose, its deadline by level and light; the loop's next
// steps open to this user (交办, 签收整改, 整改报结 with photos or documents, 复核销号,
// 退回…) and 补充整改材料 while it is open; the evidence as thumbnails; the history.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { Button, Card, Descriptions, Space, Spin, Timeline } from 'antd';
import { QueryError } from '../system/QueryError';
import { hazardApi, uploadFile, type ActInput, type HazardDetail } from './api';
import { useHzT, type HzKey } from './i18n';
import { CategoryTag, LevelTag, LightDot, StateTag } from './parts';
import { useHazard, useHzMutation, useHzUnits } from './queries';
import { LoopActionDialog, stepFields, type LoopActBody } from '../shell/LoopActionDialog';
import { usePhone } from '../shell/usePhone';

/** What the dialog does: a step of the loop, or 补充整改材料 (evidence while the state stays). */
type Step = { action: string; requires: string[] } | 'evidence';

/**
 * A step of the loop in the shared dialog, or evidence on its own; 报结 and evidence carry
 * files through the shared picker (on a phone 拍照或选照片).
 */
function StepDialog({ d, step, onClose }: { d: HazardDetail; step: Step; onClose(): void }) {
  const t = useHzT();
  const units = useHzUnits();
  const id = d.hazard.id;
  const save = useHzMutation((body: LoopActBody) =>
    step === 'evidence' ? hazardApi.evidence(id, { note: body.note ?? '', fileIds: body.fileIds ?? [] }) : hazardApi.act(id, { ...body, action: step.action as ActInput['action'] }),
  );
  const withFiles = step === 'evidence' || step.action === 'report_done';
  return (
    <LoopActionDialog
      title={step === 'evidence' ? t('detail.addEvidence') : t(`act.${step.action}` as HzKey)}
      fields={step === 'evidence' ? ['note'] : stepFields(step.requires)}
      required={step === 'evidence' ? ['note'] : undefined}
      labels={{ assignee: t('form.assignee'), deadline: t('form.deadline'), reason: t('form.reason'), note: t('form.note'), required: t('form.required') }}
      units={units.data?.items}
      testIds={{ note: 'hz-act-note' }}
      deadlinePicker={{ allowClear: false }}
      initialValues={{ assigneeUnitId: d.hazard.unitId, deadline: dayjs(d.hazard.deadline) }}
      evidence={
        withFiles
          ? {
              label: t('form.evidence'),
              hint: <span className="gj-hz-muted">{t(step === 'evidence' ? 'form.addEvidenceHint' : 'form.evidenceHint')}</span>,
              thumbsClassName: 'gj-hz-thumbs',
              picker: {
                upload: uploadFile,
                accept: 'image/*,.pdf,.docx',
                multiple: true,
                labels: { photo: t('form.photo'), upload: t('form.upload'), remove: t('form.removePhoto') },
                testIds: { photo: 'hz-photo', upload: 'hz-upload', chosen: 'hz-chosen' },
              },
            }
          : undefined
      }
      version={d.hazard.version}
      onSubmit={save.mutateAsync}
      done={t('saved')}
      onClose={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      formTestId="hz-act-form"
    />
  );
}

function History({ d }: { d: HazardDetail }) {
  const t = useHzT();
  const byId = new Map(d.files.map((f) => [f.id, f]));
  return (
    <Timeline
      data-testid="hz-history"
      items={d.events.map((e) => ({
        key: e.id,
        color: e.action === 'verify' ? 'green' : e.action === 'return' ? 'red' : 'blue',
        content: (
          <div>
            <strong>{t(`act.${e.action}` as HzKey)}</strong>
            <span className="gj-hz-muted">
              {' '}
              {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.unitName ?? e.actorName ?? '—'}
              {e.deadline ? ` · ${t('form.deadline')} ${e.deadline}` : ''}
            </span>
            {(e.note || e.reason) && <div>{e.reason ?? e.note}</div>}
            {e.fileIds.length > 0 && (
              <div className="gj-hz-thumbs">
                {e.fileIds.map((id) => {
                  const f = byId.get(id);
                  if (!f) return null;
                  return f.mime.startsWith('image/') ? (
                    <a key={id} href={`/api/files/${id}`} target="_blank" rel="noreferrer">
                      <img className="gj-hz-thumb" src={`/api/files/${id}`} alt={f.name} data-testid="hz-evidence" />
                    </a>
                  ) : (
                    <a key={id} href={`/api/files/${id}`} data-testid="hz-evidence">
                      {f.name}
                    </a>
                  );
                })}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

export default function DetailPage() {
  const { id = '' } = useParams();
  const t = useHzT();
  const q = useHazard(id);
  const [acting, setActing] = useState<Step | null>(null);
  const phone = usePhone();
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const d = q.data;
  const h = d.hazard;
  // On a phone the steps leave the card's header (too narrow) for full-width buttons under the facts.
  const actions = (
    <div className={phone ? 'gj-hz-actions-phone' : undefined}>
      <Space wrap orientation={phone ? 'vertical' : 'horizontal'} style={phone ? { width: '100%' } : undefined}>
        {d.allowedActions.map((a) => (
          <Button key={a.action} block={phone} type={a.action === 'return' || a.action === 'close' ? 'default' : 'primary'} danger={a.action === 'return'} onClick={() => setActing(a)} data-testid={`hz-act-${a.action}`}>
            {t(`act.${a.action}` as HzKey)}
          </Button>
        ))}
        {d.canAddEvidence && (
          <Button block={phone} onClick={() => setActing('evidence')} data-testid="hz-add-evidence">
            {t('detail.addEvidence')}
          </Button>
        )}
      </Space>
    </div>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="hz-detail">
      <Link to="/hazards">← {t('back')}</Link>
      <Card
        size="small"
        title={
          <Space>
            <LightDot light={h.light} />
            <span data-testid="hz-title">{h.title}</span>
            <LevelTag level={h.level} />
          </Space>
        }
        extra={!phone && actions}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('col.state')}>
            <StateTag state={h.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('col.category')}>
            <CategoryTag category={h.category} />
          </Descriptions.Item>
          <Descriptions.Item label={t('col.unit')}>{h.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('col.foundOn')}>{h.foundOn}</Descriptions.Item>
          <Descriptions.Item label={t('col.deadline')}>
            <span data-testid="hz-deadline">{h.deadline}</span>
            {h.deadline !== h.dueOn && <span className="gj-hz-muted"> · {t('detail.due', { due: h.dueOn })}</span>}
          </Descriptions.Item>
          <Descriptions.Item label={t('form.location')}>{h.location || '—'}</Descriptions.Item>
          {h.campaignName && <Descriptions.Item label={t('col.campaign')}>{h.campaignName}</Descriptions.Item>}
          {h.closedOn && <Descriptions.Item label={t('detail.closedOn')}>{h.closedOn}</Descriptions.Item>}
        </Descriptions>
        {h.detail && <p style={{ marginTop: 8, marginBottom: 0 }}>{h.detail}</p>}
        {phone && (d.allowedActions.length > 0 || d.canAddEvidence) && actions}
      </Card>
      <Card size="small" title={t('detail.history')}>
        <History d={d} />
      </Card>
      {acting && <StepDialog d={d} step={acting} onClose={() => setActing(null)} />}
    </Space>
  );
}
