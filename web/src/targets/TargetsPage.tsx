// 指标目标: 指标目录, 年度目标, 月度填报, 审核锁定, 未报单位, 攻坚行动 and 报送与通知, each at its
// own address, all on the month chosen at the top (?period=YYYY-MM).
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Card, Space, Spin, Tabs } from 'antd';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { useTgT, type TgKey } from './i18n';
import { usePeriod } from './period';
import { PeriodSelect } from '../shell/PeriodSelect';
import { ZoneEmpty } from '../shell/ZoneEmpty';
import './targets.css';

const CatalogueTab = lazy(() => import('./CatalogueTab'));
const TargetsTab = lazy(() => import('./TargetsTab'));
const ReportTab = lazy(() => import('./ReportTab'));
const ReviewTab = lazy(() => import('./ReviewTab'));
const MissingTab = lazy(() => import('./MissingTab'));
const CampaignsTab = lazy(() => import('./CampaignsTab'));
const SettingsTab = lazy(() => import('./SettingsTab'));

export default function TargetsPage() {
  const t = useT();
  const tt = useTgT();
  const { can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [period, setPeriod] = usePeriod();
  const mayReport = can('unitData.write') || can('unitData.approve');
  const tabs: { key: string; label: TgKey; show: boolean }[] = [
    { key: 'report', label: 'tab.report', show: mayReport },
    { key: 'review', label: 'tab.review', show: can('unitData.approve') },
    { key: 'missing', label: 'tab.missing', show: can('zoneData.read') },
    { key: 'targets', label: 'tab.targets', show: can('zoneData.read') },
    { key: 'catalogue', label: 'tab.catalogue', show: true },
    { key: 'campaigns', label: 'tab.campaigns', show: can('zoneData.read') },
    { key: 'settings', label: 'tab.settings', show: can('config.write') },
  ];
  const visible = tabs.filter((x) => x.show);
  const current = location.pathname.split('/')[2] ?? visible[0]?.key ?? 'catalogue';
  const go = (key: string) => navigate(`/targets/${key}${period ? `?period=${period}` : ''}`);
  return (
    <div className="gj-page">
      <div className="gj-page-head gj-tg-head">
        <h2 className="gj-page-title">{t('module.targets')}</h2>
        {current !== 'settings' && (
          <Space>
            <span className="gj-tg-muted">{tt('period')}</span>
            <PeriodSelect kind="month" value={period} onChange={setPeriod} id="tg-period" aria-label={tt('period')} />
          </Space>
        )}
      </div>
      <Card className="gj-page-card" variant="borderless">
        <ZoneEmpty page="targets" />
        <Tabs activeKey={current} onChange={go} items={visible.map((x) => ({ key: x.key, label: <span data-testid={`tg-tab-${x.key}`}>{tt(x.label)}</span> }))} />
        {!period ? (
          <Spin />
        ) : (
          <Suspense fallback={<Spin />}>
            <Routes>
              {mayReport && <Route path="report" element={<ReportTab period={period} />} />}
              {can('unitData.approve') && <Route path="review" element={<ReviewTab period={period} />} />}
              <Route path="missing" element={<MissingTab period={period} />} />
              <Route path="targets" element={<TargetsTab year={Number(period.slice(0, 4))} />} />
              <Route path="catalogue" element={<CatalogueTab />} />
              <Route path="campaigns" element={<CampaignsTab period={period} />} />
              {can('config.write') && <Route path="settings" element={<SettingsTab />} />}
              <Route path="*" element={<Navigate to={`/targets/${visible[0]?.key ?? 'catalogue'}`} replace />} />
            </Routes>
          </Suspense>
        )}
      </Card>
    </div>
  );
}
