// Routing by session: signed-out users go to the sign-in page, `/` goes to the
// user's first module, and a module the user may not see sends them back to start.
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useSession } from '../auth/session';
import { liveModules, startPath } from './modules';
import type { LiveModule } from './moduleTypes';

// The menu and header: not loaded for a page drawn without them (a module's fullScreen).
const loadShell = () => import('./AppShell');
const AppShell = lazy(() => loadShell().then((m) => ({ default: m.AppShell })));
const fullScreen = (path: string) => liveModules.some((m) => m.fullScreen && path.startsWith(m.fullScreen.path));

function FullPageSpin() {
  return (
    <div className="gj-fullpage-spin">
      <Spin size="large" />
    </div>
  );
}

/** Signed-in pages, in the shell, or `bare` (a module's fullScreen page). */
export function RequireSession({ bare = false }: { bare?: boolean }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Suspense fallback={<FullPageSpin />}>{bare ? <Outlet /> : <AppShell />}</Suspense>;
}

export function StartRedirect() {
  const { me, can } = useSession();
  return me ? <Navigate to={startPath({ me, can })} replace /> : null;
}

export function ModuleRoute({ module, Page = module.Page }: { module: LiveModule; Page?: LiveModule['Page'] }) {
  const { me, can } = useSession();
  if (!me || !module.visible({ me, can })) return <Navigate to="/" replace />;
  return <Page />;
}

export function LoginRoute({ children }: { children: React.ReactNode }) {
  const { status } = useSession();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '';
  // While the form is open, fetch the code of the page most users land on next (and of
  // the shell around it, unless that page is drawn without).
  useEffect(() => {
    const id = setTimeout(() => {
      if (!fullScreen(from)) void loadShell();
      liveModules.forEach((m) => m.preload?.(from));
    }, 0);
    return () => clearTimeout(id);
  }, [from]);
  return status === 'loading' ? <FullPageSpin /> : <>{children}</>;
}
