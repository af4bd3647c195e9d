// 隐患动态清零: the counts on top (剩余, 重大剩余, 逾期, 新增, 已整改), then the list
// and the counts by unit and campaign (清零), each at its own address; one hazard
// at /hazards/:id.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Card, Space, Spin, Tabs } from 'antd';
import { useHzT } from './i18n';
import { RECTIFY_WORKDAYS } from './api';
import { CountTiles } from './parts';
import { useHazardSummary } from './queries';
import './hazards.css';

const ListPage = lazy(() => import('./ListPage'));
const CountsPage = lazy(() => import('./CountsPage'));
const DetailPage = lazy(() => import('./DetailPage'));

function Overview() {
  const t = useHzT();
  const q = useHazardSummary();
  if (!q.data) return null;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
      <span className="gj-hz-muted">{t('period.asOf', { date: q.data.to })}</span>
      <CountTiles total={q.data.total} />
    </Space>
  );
}

export default function HazardsPage() {
  const t = useHzT();
  const location = useLocation();
  const navigate = useNavigate();
  const seg = location.pathname.split('/')[2] ?? 'list';
  const tab = seg === 'counts' ? 'counts' : 'list';
  const detail = seg !== 'list' && seg !== 'counts' && seg !== '';
  return (
    <div className="gj-page" data-testid="hz-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{t('page.title')}</h2>
      </div>
      <p className="gj-hz-intro">{t('page.intro', { general: RECTIFY_WORKDAYS.general, major: RECTIFY_WORKDAYS.major })}</p>
      <Card className="gj-page-card" variant="borderless">
        {!detail && (
          <>
            <Overview />
            <Tabs
              activeKey={tab}
              onChange={(key) => navigate(key === 'list' ? '/hazards' : `/hazards/${key}`)}
              items={[
                { key: 'list', label: <span data-testid="hz-tab-list">{t('tab.list')}</span> },
                { key: 'counts', label: <span data-testid="hz-tab-counts">{t('tab.counts')}</span> },
              ]}
            />
          </>
        )}
        <Suspense fallback={<Spin />}>
          <Routes>
            <Route index element={<ListPage />} />
            <Route path="counts" element={<CountsPage />} />
            <Route path=":id" element={<DetailPage />} />
            <Route path="*" element={<Navigate to="/hazards" replace />} />
          </Routes>
        </Suspense>
      </Card>
    </div>
  );
}
