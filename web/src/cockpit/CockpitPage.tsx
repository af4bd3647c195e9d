// 驾驶舱 at /cockpit (a month of the zone); 数据大屏 at /cockpit/screen is drawn without the
// shell (module.tsx, fullScreen).
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import './cockpit.css';

const Dashboard = lazy(() => import('./Dashboard'));

export default function CockpitPage() {
  return (
    <Suspense fallback={<Spin />}>
      <Routes>
        <Route index element={<Dashboard />} />
        <Route path="*" element={<Navigate to="/cockpit" replace />} />
      </Routes>
    </Suspense>
  );
}
