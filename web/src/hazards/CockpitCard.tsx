// 隐患动态清零 on the cockpit: open hazards, 重大 open and overdue as of the zone's
// date, and 清零 of each campaign as the data supports it.
import { Link } from 'react-router-dom';
import { Card, Space } from 'antd';
import { useHzT } from './i18n';
import { ClearanceTag, CountTiles } from './parts';
import { useHazardSummary } from './queries';
import './hazards.css';

export function HazardCard() {
  const t = useHzT();
  const q = useHazardSummary();
  const d = q.data;
  return (
    <Card size="small" variant="borderless" title={t('cockpit.title')} extra={<Link to="/hazards">{t('cockpit.more')}</Link>} loading={q.isLoading} data-testid="ck-hazards">
      {d && (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <CountTiles total={d.total} compact />
          {d.campaigns.map((c) => (
            <div key={c.campaignId} className="gj-hz-campaign">
              <span className="gj-hz-campaign-name">{c.name}</span>
              <ClearanceTag c={c} />
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
