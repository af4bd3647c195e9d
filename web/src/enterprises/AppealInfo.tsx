// What an appeal is and where it stands against the service standard: shown to
// staff and, without internal details, to the enterprise that raised it.
import { Descriptions, Space, Tag, Timeline } from 'antd';
import { formatDateTime } from '../i18n/format';
import type { Appeal, LoopEvent } from './api';
import { useEntT, type EntKey } from './i18n';
import { CategoryTag, LightDot, SatTag, StateTag } from './parts';
import { usePhone } from '../shell/usePhone';

/** "2022-08-22 10:05" in time, or late: the day it was due against when it happened. */
function Due({ by, at }: { by: string; at: string | null }) {
  const t = useEntT();
  const done = at ? formatDateTime(at) : null;
  const late = at ? at.slice(0, 10) > by && formatDateTime(at).slice(0, 10) > by : false;
  return (
    <span>
      {by}
      {done && <span className="gj-ent-muted">（{done}）</span>}
      {late && <Tag color="red" style={{ marginInlineStart: 4 }}>{t('appeals.late')}</Tag>}
    </span>
  );
}

export function AppealInfo({ a }: { a: Appeal }) {
  const t = useEntT();
  // On a phone: "label value" lines, not a two-column grid whose labels wrap letter by letter.
  const phone = usePhone();
  return (
    <Descriptions size="small" bordered={!phone} column={{ xs: 1, md: 3 }} data-testid="appeal-info">
      <Descriptions.Item label={t('col.enterprise')}>{a.enterpriseName}</Descriptions.Item>
      <Descriptions.Item label={t('col.category')}>
        <CategoryTag category={a.category} />
        {a.hard && <Tag color="orange">{t('appeals.hardTag')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('col.state')}>
        <Space size={6}>
          <LightDot light={a.light} />
          <span data-testid="appeal-state"><StateTag state={a.state} /></span>
          {a.escalation > 0 && <Tag color="red">{t('appeals.escalation', { n: a.escalation })}</Tag>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.raisedAt')}>{formatDateTime(a.raisedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('col.assignee')}>{a.assigneeName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('col.satisfaction')}>
        <span data-testid="appeal-satisfaction">{a.state === 'closed' ? <SatTag value={a.satisfaction} /> : '—'}</span>
        {a.ratingNote && <span className="gj-ent-muted">（{a.ratingNote}）</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.respondBy')}><Due by={a.respondBy} at={a.respondedAt} /></Descriptions.Item>
      <Descriptions.Item label={t('appeals.answerBy')}><Due by={a.answerBy} at={a.answeredAt} /></Descriptions.Item>
      <Descriptions.Item label={t('appeals.solveBy')}><Due by={a.deadline ?? a.solveBy} at={a.closedAt} /></Descriptions.Item>
      <Descriptions.Item label={t('appeals.detail')} span={3}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{a.detail || '—'}</div>
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.answer')} span={3}>
        {a.answer ? <div className="gj-ent-quote" data-testid="appeal-answer">{a.answer}</div> : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

const ACTION_KEYS = new Set(['raise', 'assign', 'accept', 'report_done', 'verify', 'return', 'close', 'reopen', 'note']);

export function AppealHistory({ events }: { events: LoopEvent[] }) {
  const t = useEntT();
  return (
    <Timeline
      data-testid="appeal-history"
      items={events.map((e, i) => ({
        key: e.id ?? i,
        color: e.action === 'return' ? 'red' : e.action === 'verify' || e.action === 'close' ? 'green' : 'blue',
        content: (
          <div>
            <strong>{ACTION_KEYS.has(e.action) ? t(`action.${e.action}` as EntKey) : e.action}</strong>
            <span className="gj-ent-muted" style={{ marginInlineStart: 8 }}>
              {formatDateTime(e.at)} {e.unitName ?? ''} {e.actorName ?? ''}
            </span>
            {e.reason && <div>{t('appeals.reason')}：{e.reason}</div>}
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
