// 招商: the leads as a board by stage (线索 → 在谈 → 签约 → 落地) and as a list,
// one lead with its contact log, and the counts by month and year to date.
import { lazy, Suspense, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Button, Card, Spin, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../auth/session';
import { useT } from '../i18n';
import { useAtT } from './i18n';
import { LeadForm } from './LeadForm';
import './attraction.css';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';

const LeadBoard = lazy(() => import('./LeadBoard'));
const LeadList = lazy(() => import('./LeadList'));
const LeadDetailPage = lazy(() => import('./LeadDetailPage'));
const CountsPage = lazy(() => import('./CountsPage'));

export default function AttractionPage() {
  const t = useT();
  const at = useAtT();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const current = location.pathname.split('/')[2] ?? 'board';
  const emptyZone = useNextStep('attraction') !== null;
  const canWrite = me.user.role === 'supervisor' || (me.user.role === 'reporter' && !!me.user.unitId);
  return (
    <div className="gj-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{t('module.attraction')}</h2>
      </div>
      <Card className="gj-page-card" variant="borderless">
        <Tabs
          activeKey={current === 'leads' ? 'list' : current}
          onChange={(key) => navigate(`/attraction/${key}`)}
          tabBarExtraContent={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="lead-new">{at('new')}</Button>}
          items={(['board', 'list', 'counts'] as const).map((k) => ({ key: k, label: <span data-testid={`at-tab-${k}`}>{at(`tab.${k}`)}</span> }))}
        />
        {/* A zone without leads or signed projects yet: what to do first, not empty columns and zero counts. */}
        {emptyZone && current !== 'leads' ? (
          <ZoneEmpty page="attraction" onAction={canWrite ? () => setCreating(true) : undefined} />
        ) : (
        <Suspense fallback={<Spin />}>
          <Routes>
            <Route path="board" element={<LeadBoard />} />
            <Route path="list" element={<LeadList />} />
            <Route path="leads/:id" element={<LeadDetailPage />} />
            <Route path="counts" element={<CountsPage />} />
            <Route path="*" element={<Navigate to="/attraction/board" replace />} />
          </Routes>
        </Suspense>
        )}
      </Card>
      {creating && <LeadForm onClose={() => setCreating(false)} onSaved={(id) => navigate(`/attraction/leads/${id}`)} />}
    </div>
  );
}
