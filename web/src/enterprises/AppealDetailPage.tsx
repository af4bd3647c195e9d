// One appeal for staff: where it stands against the service standard, the
// department's answer, and the loop's next steps open to this user (交办 with a
// deadline, 签收, 报结, 复核办结, 退回, 重新交办), with its history.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { Button, Card, Col, Input, Row, Space, Spin } from 'antd';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { entApi, type ActInput, type AppealDetail } from './api';
import { AppealHistory, AppealInfo } from './AppealInfo';
import { InstructionsBlock } from '../instructions/parts';
import { useEntT, type EntKey } from './i18n';
import { useAppeal, useEntMutation, useUnits } from './queries';
import { LoopActionDialog, stepFields, type LoopActBody } from '../shell/LoopActionDialog';
import { useMessage } from '../shell/feedback';

/** A step of the loop in the shared dialog. */
function ActDialog({ d, action, requires, onClose }: { d: AppealDetail; action: string; requires: string[]; onClose(): void }) {
  const t = useEntT();
  const units = useUnits();
  const act = useEntMutation((body: LoopActBody) => entApi.act(d.appeal.id, { ...body, action: action as ActInput['action'] }));
  return (
    <LoopActionDialog
      title={t(`action.${action}` as EntKey)}
      fields={stepFields(requires)}
      labels={{ assignee: t('appeals.assignee'), deadline: t('appeals.deadline'), reason: t('appeals.reason'), note: t('appeals.note'), required: t('form.required') }}
      units={units.data?.items}
      testIds={{ assignee: 'appeal-assignee', note: 'appeal-act-note' }}
      initialValues={{ assigneeUnitId: d.appeal.assigneeUnitId ?? undefined, deadline: dayjs(d.appeal.deadline ?? d.appeal.solveBy) }}
      version={d.appeal.version}
      onSubmit={act.mutateAsync}
      done={t('saved')}
      onClose={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      formTestId="appeal-act-form"
    />
  );
}

function AnswerBox({ id, version }: { id: string; version: number }) {
  const t = useEntT();
  const [text, setText] = useState('');
  const message = useMessage();
  const onError = useErrorMessage();
  const answer = useEntMutation((s: string) => entApi.answer(id, s, version));
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('appeals.answerPlaceholder')} maxLength={4000} data-testid="appeal-answer-input" />
      <Button
        type="primary"
        style={{ height: 'auto' }}
        loading={answer.isPending}
        disabled={text.trim().length < 2}
        data-testid="appeal-answer-submit"
        onClick={() => answer.mutateAsync(text.trim()).then(() => { setText(''); message.success(t('saved')); }, onError)}
      >
        {t('action.answer')}
      </Button>
    </Space.Compact>
  );
}

export default function AppealDetailPage() {
  const { id = '' } = useParams();
  const t = useEntT();
  const q = useAppeal(id);
  const [acting, setActing] = useState<{ action: string; requires: string[] } | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const d = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="appeal-detail">
      <Link to="/enterprises/appeals">← {t('back')}</Link>
      <Card
        size="small"
        title={<span data-testid="appeal-title">{d.appeal.title}</span>}
        extra={
          <Space wrap>
            {d.allowedActions.map((a) => (
              <Button key={a.action} type={a.action === 'return' || a.action === 'close' ? 'default' : 'primary'} danger={a.action === 'return'} onClick={() => setActing(a)} data-testid={`appeal-act-${a.action}`}>
                {t(`action.${a.action}` as EntKey)}
              </Button>
            ))}
          </Space>
        }
      >
        <AppealInfo a={d.appeal} />
      </Card>
      <InstructionsBlock subjectType="appeal" subjectId={d.appeal.id} subjectTitle={d.appeal.title} />
      <Row gutter={[16, 16]}>
        {d.canAnswer && d.appeal.state !== 'closed' && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('appeals.giveAnswer')}>
              <AnswerBox id={d.appeal.id} version={d.appeal.version} />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={d.canAnswer && d.appeal.state !== 'closed' ? 12 : 24}>
          <Card size="small" title={t('appeals.history')}>
            <AppealHistory events={d.events} />
          </Card>
        </Col>
      </Row>
      {acting && <ActDialog d={d} action={acting.action} requires={acting.requires} onClose={() => setActing(null)} />}
    </Space>
  );
}
