// 系统管理: 单位, 用户 and 审计日志 as tabs, each at its own address (/system/units…).
import { lazy, Suspense } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Card, Spin, Tabs } from 'antd';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { systemTabsFor, type SystemTab } from './tabs';

const pages: Record<SystemTab['key'], React.LazyExoticComponent<React.ComponentType>> = {
  units: lazy(() => import('./UnitsPage')),
  users: lazy(() => import('./UsersPage')),
  audit: lazy(() => import('./AuditPage')),
  zone: lazy(() => import('./ZoneDatePage')),
};

export default function SystemPage() {
  const t = useT();
  const { can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = systemTabsFor({ can });
  const current = location.pathname.split('/')[2] ?? '';
  const active = tabs.find((tab) => tab.key === current);
  if (!active) return <Navigate to={`/system/${tabs[0]?.key ?? ''}`} replace />;

  return (
    <div className="gj-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{t('module.system')}</h2>
      </div>
      <Card className="gj-page-card" variant="borderless">
        <Tabs
          activeKey={active.key}
          onChange={(key) => navigate(`/system/${key}`)}
          destroyOnHidden
          items={tabs.map((tab) => {
            const Page = pages[tab.key];
            return {
              key: tab.key,
              label: <span data-testid={`tab-${tab.key}`}>{t(tab.labelKey)}</span>,
              children: (
                <Suspense fallback={<Spin className="gj-page-spin" />}>
                  <Page />
                </Suspense>
              ),
            };
          })}
        />
      </Card>
    </div>
  );
}
