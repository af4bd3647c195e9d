// One of the enterprise's own appeals: where it stands, the department's answer,
// the history; once closed, the enterprise rates it 满意 / 基本满意 / 不满意.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Input, Radio, Space, Spin } from 'antd';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { entApi, SATISFACTIONS, type Satisfaction } from './api';
import { AppealHistory, AppealInfo } from './AppealInfo';
import { useEntT } from './i18n';
import { useEntMutation, useMyAppeal } from './queries';
import { usePhone } from '../shell/usePhone';
import { useMessage } from '../shell/feedback';

function RateBox({ id, version }: { id: string; version: number }) {
  const t = useEntT();
  const [value, setValue] = useState<Satisfaction | null>(null);
  const [note, setNote] = useState('');
  const phone = usePhone();
  const message = useMessage();
  const onError = useErrorMessage();
  const rate = useEntMutation((v: { satisfaction: Satisfaction; note?: string }) => entApi.myRate(id, { ...v, version }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="appeal-rate">
      {/* Three buttons a finger can hit (44 px high with the phone theme), side by side. */}
      <Radio.Group
        className="gj-ent-rate"
        block
        value={value}
        onChange={(e) => setValue(e.target.value as Satisfaction)}
        optionType="button"
        buttonStyle="solid"
        options={SATISFACTIONS.map((s) => ({ value: s, label: t(`sat.${s}`) }))}
      />
      <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder={t('col.note')} />
      <Button
        type="primary"
        block={phone}
        disabled={!value}
        loading={rate.isPending}
        data-testid="appeal-rate-submit"
        onClick={() => value && rate.mutateAsync({ satisfaction: value, note: note.trim() || undefined }).then(() => message.success(t('saved')), onError)}
      >
        {t('save')}
      </Button>
    </Space>
  );
}

export default function MyAppealPage() {
  const { id = '' } = useParams();
  const t = useEntT();
  const q = useMyAppeal(id);
  const message = useMessage();
  const onError = useErrorMessage();
  const withdraw = useEntMutation((v: { reason: string; version: number }) => entApi.myWithdraw(id, v.reason, v.version));
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const d = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-appeal">
      <Link to="/enterprises/my">← {t('back')}</Link>
      <Card
        size="small"
        title={<span data-testid="appeal-title">{d.appeal.title}</span>}
        extra={d.canWithdraw && <Button onClick={() => withdraw.mutateAsync({ reason: t('appeals.withdraw'), version: d.appeal.version }).then(() => message.success(t('saved')), onError)}>{t('appeals.withdraw')}</Button>}
      >
        <AppealInfo a={d.appeal} />
      </Card>
      {d.canRate && (
        <Card size="small" title={t('appeals.rate')}>
          <RateBox id={d.appeal.id} version={d.appeal.version} />
        </Card>
      )}
      <Card size="small" title={t('appeals.history')}>
        <AppealHistory events={d.events} />
      </Card>
    </Space>
  );
}
