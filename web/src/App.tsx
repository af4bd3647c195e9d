import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { HOME_PATH, liveModules } from './shell/modules';
import { LoginRoute, ModuleRoute, RequireSession, StartRedirect } from './shell/guards';
import LoginPage from './auth/LoginPage';

const HomePage = lazy(() => import('./shell/HomePage'));
const NotFound = lazy(() => import('./shell/NotFound'));

export function AppRoutes() {
  return (
    <Suspense fallback={<Spin className="gj-page-spin" />}>
      <Routes>
        <Route
          path="/login"
          element={
            <LoginRoute>
              <LoginPage />
            </LoginRoute>
          }
        />
        <Route element={<RequireSession bare />}>
          {liveModules.flatMap((m) => (m.fullScreen ? [<Route key={m.key} path={m.fullScreen.path} element={<ModuleRoute module={m} Page={m.fullScreen.Page} />} />] : []))}
        </Route>
        <Route element={<RequireSession />}>
          <Route index element={<StartRedirect />} />
          <Route path={HOME_PATH} element={<HomePage />} />
          {liveModules.map((m) => (
            <Route key={m.key} path={`${m.path}/*`} element={<ModuleRoute module={m} />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
