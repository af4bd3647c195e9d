// 企业: the register, pools, one-enterprise plans, visits, appeals and their
// statistics, each at its own address; an enterprise user gets 我的企业 only.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Card, Spin, Tabs } from 'antd';
import { useMe } from '../auth/session';
import { useT } from '../i18n';
import { useEntT, type EntKey } from './i18n';
import { has } from './parts';
import './enterprises.css';

const RegisterPage = lazy(() => import('./RegisterPage'));
const EnterpriseDetailPage = lazy(() => import('./EnterpriseDetailPage'));
const PoolsPage = lazy(() => import('./PoolsPage'));
const PoolDetailPage = lazy(() => import('./PoolDetailPage'));
const PlansPage = lazy(() => import('./PlansPage'));
const PlanDetailPage = lazy(() => import('./PlanDetailPage'));
const VisitsPage = lazy(() => import('./VisitsPage'));
const AppealsPage = lazy(() => import('./AppealsPage'));
const AppealDetailPage = lazy(() => import('./AppealDetailPage'));
const StatsPage = lazy(() => import('./StatsPage'));
const MyEnterprisePage = lazy(() => import('./MyEnterprisePage'));
const MyAppealPage = lazy(() => import('./MyAppealPage'));

const STAFF_TABS: { key: string; label: EntKey }[] = [
  { key: 'register', label: 'tab.register' },
  { key: 'pools', label: 'tab.pools' },
  { key: 'plans', label: 'tab.plans' },
  { key: 'visits', label: 'tab.visits' },
  { key: 'appeals', label: 'tab.appeals' },
  { key: 'stats', label: 'tab.stats' },
];

export default function EnterprisesPage() {
  const t = useT();
  const et = useEntT();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const self = has(me, 'enterprise.self');
  const current = location.pathname.split('/')[2] ?? (self ? 'my' : 'register');
  return (
    <div className="gj-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{self ? et('tab.my') : t('module.enterprises')}</h2>
      </div>
      <Card className="gj-page-card" variant="borderless">
        {!self && (
          <Tabs
            activeKey={current}
            onChange={(key) => navigate(`/enterprises/${key}`)}
            items={STAFF_TABS.map((tab) => ({ key: tab.key, label: <span data-testid={`ent-tab-${tab.key}`}>{et(tab.label)}</span> }))}
          />
        )}
        <Suspense fallback={<Spin />}>
          {self ? (
            <Routes>
              <Route path="my" element={<MyEnterprisePage />} />
              <Route path="my/appeals/:id" element={<MyAppealPage />} />
              <Route path="*" element={<Navigate to="/enterprises/my" replace />} />
            </Routes>
          ) : (
            <Routes>
              <Route path="register" element={<RegisterPage />} />
              <Route path="register/:id" element={<EnterpriseDetailPage />} />
              <Route path="pools" element={<PoolsPage />} />
              <Route path="pools/:id" element={<PoolDetailPage />} />
              <Route path="plans" element={<PlansPage />} />
              <Route path="plans/:id" element={<PlanDetailPage />} />
              <Route path="visits" element={<VisitsPage />} />
              <Route path="appeals" element={<AppealsPage />} />
              <Route path="appeals/:id" element={<AppealDetailPage />} />
              <Route path="stats" element={<StatsPage />} />
              <Route path="*" element={<Navigate to="/enterprises/register" replace />} />
            </Routes>
          )}
        </Suspense>
      </Card>
    </div>
  );
}
