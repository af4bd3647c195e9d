// 梯度培育: the zone counts (净增"四上", 新增百亿元企业…) taken from the register's
// tag dates, and the pools with members, suggested candidates and who reached the next tier.
import { useNavigate } from 'react-router-dom';
import { useState } from 'react';
import { Card, Col, Row, Select, Space, Spin, Tag } from 'antd';
import { useI18n } from '../i18n';
import { ResyncButton } from '../feeds/ResyncButton';
import { QueryError } from '../system/QueryError';
import type { Pool, PoolGoal, PoolRules } from './api';
import { useEntT } from './i18n';
import { money } from './parts';
import { useCounts, usePools } from './queries';
import { useYearOptions } from '../shell/zone';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';

export function useRuleText() {
  const t = useEntT();
  const { lang } = useI18n();
  const wan = (v: string) => money(v, lang);
  return {
    rules: (r: PoolRules) => {
      const parts: string[] = [];
      if (r.minOutput) parts.push(t('pools.ruleMinOutput', { v: wan(r.minOutput) }));
      if (r.maxOutput) parts.push(t('pools.ruleMaxOutput', { v: wan(r.maxOutput) }));
      if (r.minTax) parts.push(t('pools.ruleMinTax', { v: wan(r.minTax) }));
      if (r.minEmployees !== undefined) parts.push(t('pools.ruleMinEmployees', { v: r.minEmployees }));
      if (r.allTags?.length) parts.push(t('pools.ruleAll', { v: r.allTags.map((g) => t(`tag.${g}`)).join('、') }));
      if (r.noneTags?.length) parts.push(t('pools.ruleNone', { v: r.noneTags.map((g) => t(`tag.${g}`)).join('、') }));
      return parts.join('；') || t('pools.noRules');
    },
    goal: (g: PoolGoal) => {
      const parts: string[] = [];
      if (g.output) parts.push(t('pools.goalOutput', { v: wan(g.output) }));
      if (g.tag) parts.push(t('pools.goalTag', { v: t(`tag.${g.tag}`) }));
      return parts.join('，') || '—';
    },
  };
}

export function ZoneCounts({ year, onYear }: { year?: number; onYear?(y: number): void }) {
  const t = useEntT();
  const { lang } = useI18n();
  const q = useCounts(year);
  const years = useYearOptions('enterprises', q.data?.year);
  if (!q.data) return null;
  return (
    <div data-testid="ent-counts">
      <div className="gj-ent-section-title" style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <span>{t('counts.title', { year: q.data.year, to: q.data.to })}</span>
        {onYear && <Select size="small" style={{ width: 100, marginLeft: 'auto', marginRight: 8 }} value={q.data.year} onChange={onYear} options={years} data-testid="ent-pools-year" />}
        <ResyncButton path="/api/enterprise-counts/sync" ability="enterprise.manage" year={q.data.year} testId="ent-resync" />
      </div>
      <div className="gj-ent-counts">
        {q.data.counts.map((c) => (
          <Card key={c.indicatorCode} size="small" className="gj-ent-count-card" data-testid={`ent-count-${c.indicatorCode}`}>
              <div className="gj-ent-count-label">{lang === 'zh' ? c.zh : c.en}</div>
              <div className="gj-ent-count-value">{c.value}</div>
              <div className="gj-ent-muted" style={{ fontSize: 12 }}>{t('counts.detail', c as unknown as Record<string, number>)}</div>
          </Card>
        ))}
      </div>
    </div>
  );
}

export default function PoolsPage() {
  const t = useEntT();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = usePools(year);
  const text = useRuleText();
  const emptyZone = useNextStep('enterprises') !== null;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="ent-pools">
      {emptyZone ? <ZoneEmpty page="enterprises" /> : <ZoneCounts year={year} onYear={setYear} />}
      {!q.data ? (
        <Spin />
      ) : (
        <Row gutter={[16, 16]}>
          {q.data.map((p: Pool) => (
            <Col key={p.id} xs={24} md={12} xl={8}>
              <Card className="gj-ent-pool-card" title={p.name} onClick={() => navigate(`/enterprises/pools/${p.id}`)} data-testid={`pool-${p.code}`}>
                <div className="gj-ent-pool-desc">{p.description}</div>
                <Space wrap size={4} style={{ marginBottom: 8 }}>
                  <Tag color="red">{t('pools.members', { n: p.members })}</Tag>
                  <Tag color="blue">{t('pools.candidates', { n: p.candidates })}</Tag>
                  {(p.goal.output || p.goal.tag) && <Tag color="green">{t('pools.reached', { n: p.reached })}</Tag>}
                </Space>
                <div className="gj-ent-muted">{t('pools.rules')}：{text.rules(p.rules)}</div>
                <div className="gj-ent-muted">{t('pools.goal')}：{text.goal(p.goal)}</div>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}
