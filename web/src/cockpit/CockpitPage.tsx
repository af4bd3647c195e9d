// 驾驶舱 at /cockpit (a month of the zone) and 数据大屏 at /cockpit/screen.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import './cockpit.css';

const Dashboard = lazy(() => import('./Dashboard'));
const BigScreen = lazy(() => import('./BigScreen'));

export default function CockpitPage() {
  return (
    <Suspense fallback={<Spin />}>
      <Routes>
        <Route index element={<Dashboard />} />
        <Route path="screen" element={<BigScreen />} />
        <Route path="*" element={<Navigate to="/cockpit" replace />} />
      </Routes>
    </Suspense>
  );
}
