// 项目: 挂图作战 (Gantt, map, board), 项目清单 and 项目设置, each at its own address; a project at /projects/p/:id.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Card, Spin, Tabs } from 'antd';
import { useT } from '../i18n';
import { usePT } from './i18n';
import './projects.css';

const BattleMap = lazy(() => import('./BattleMap'));
const ProjectList = lazy(() => import('./ProjectList'));
const ProjectDetail = lazy(() => import('./ProjectDetail'));
const SettingsPage = lazy(() => import('./SettingsPage'));

export default function ProjectsPage() {
  const t = useT();
  const pt = usePT();
  const location = useLocation();
  const navigate = useNavigate();
  const current = location.pathname.split('/')[2] ?? 'map';
  return (
    <div className="gj-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{t('module.projects')}</h2>
      </div>
      <Card className="gj-page-card" variant="borderless">
        {current !== 'p' && (
          <Tabs
            activeKey={current}
            onChange={(key) => navigate(`/projects/${key}`)}
            items={[
              { key: 'map', label: <span data-testid="pj-tab-map">{pt('tab.map')}</span> },
              { key: 'list', label: <span data-testid="pj-tab-list">{pt('tab.list')}</span> },
              { key: 'settings', label: <span data-testid="pj-tab-settings">{pt('tab.settings')}</span> },
            ]}
          />
        )}
        <Suspense fallback={<Spin />}>
          <Routes>
            <Route path="map" element={<BattleMap />} />
            <Route path="list" element={<ProjectList />} />
            <Route path="p/:id" element={<ProjectDetail />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="*" element={<Navigate to="/projects/map" replace />} />
          </Routes>
        </Suspense>
      </Card>
    </div>
  );
}
