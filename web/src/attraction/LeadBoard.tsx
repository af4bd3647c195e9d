// The board: one column per stage, each a server page of that stage's leads (newest change first).
import { useNavigate } from 'react-router-dom';
import { Card, Empty, Tag } from 'antd';
import { LEAD_STAGES, type Lead, type LeadStage } from './api';
import { useAtT } from './i18n';
import { StageTag, useAmount } from './parts';
import { useLeads } from './queries';

function Column({ stage }: { stage: LeadStage }) {
  const t = useAtT();
  const navigate = useNavigate();
  const amount = useAmount();
  const q = useLeads({ stage, page: 1, pageSize: 50 });
  const items = q.data?.items ?? [];
  return (
    <div className="gj-at-col" data-testid={`at-col-${stage}`}>
      <div className="gj-at-col-head">
        <StageTag stage={stage} />
        <span className="gj-at-muted">{q.data?.total ?? 0}</span>
      </div>
      {items.length === 0 && !q.isFetching && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
      {items.map((l: Lead) => (
        <Card key={l.id} size="small" className="gj-at-card" onClick={() => navigate(`/attraction/leads/${l.id}`)} hoverable>
          <div className="gj-at-card-name">{l.name}</div>
          <div>
            {amount(l)}
            {l.foreignCapital && <Tag color="purple" style={{ marginInlineStart: 6 }}>{t('foreign')}</Tag>}
            {l.demo && <Tag>{t('demo')}</Tag>}
          </div>
          <div className="gj-at-muted">
            {[l.unitName, l.chain, l.team].filter(Boolean).join(' · ')}
            {l.signedOn && ` · ${t('col.signedOn')} ${l.signedOn}`}
          </div>
        </Card>
      ))}
    </div>
  );
}

export default function LeadBoard() {
  return (
    <div className="gj-at-board" data-testid="at-board">
      {LEAD_STAGES.map((s) => <Column key={s} stage={s} />)}
    </div>
  );
}
