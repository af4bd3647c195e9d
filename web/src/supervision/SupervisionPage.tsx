// 督查督办: 任务清单 (views, counts, lights), 任务分解 (the supervisor's drafts
// from speeches and pledges) and 待决定申请, each at its own address.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Card, Spin, Tabs } from 'antd';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { useSvT } from './i18n';
import './supervision.css';

const TasksPage = lazy(() => import('./TasksPage'));
const TaskDetailPage = lazy(() => import('./TaskDetailPage'));
const DocumentsPage = lazy(() => import('./DocumentsPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));
const RequestsPage = lazy(() => import('./RequestsPage'));
const SettingsPage = lazy(() => import('./SettingsPage'));

export default function SupervisionPage() {
  const t = useT();
  const st = useSvT();
  const { can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = [
    { key: 'tasks', label: st('tab.tasks') },
    ...(can('unitData.approve') ? [{ key: 'breakdown', label: st('tab.breakdown') }] : []),
    { key: 'requests', label: st('tab.requests') },
    ...(can('config.write') ? [{ key: 'settings', label: st('tab.settings') }] : []),
  ];
  const current = location.pathname.split('/')[2] ?? 'tasks';
  return (
    <div className="gj-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{t('module.supervision')}</h2>
      </div>
      <Card className="gj-page-card" variant="borderless">
        <Tabs
          activeKey={current}
          onChange={(key) => navigate(`/supervision/${key}`)}
          items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`sv-tab-${tab.key}`}>{tab.label}</span> }))}
        />
        <Suspense fallback={<Spin />}>
          <Routes>
            <Route path="tasks" element={<TasksPage />} />
            <Route path="tasks/:id" element={<TaskDetailPage />} />
            {can('unitData.approve') && <Route path="breakdown" element={<DocumentsPage />} />}
            {can('unitData.approve') && <Route path="breakdown/:id" element={<ReviewPage />} />}
            <Route path="requests" element={<RequestsPage />} />
            {can('config.write') && <Route path="settings" element={<SettingsPage />} />}
            <Route path="*" element={<Navigate to="/supervision/tasks" replace />} />
          </Routes>
        </Suspense>
      </Card>
    </div>
  );
}
