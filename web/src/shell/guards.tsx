// Routing by session: signed-out users go to the sign-in page, `/` goes to the
// user's first module, and a module the user may not see sends them back to start.
import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useSession } from '../auth/session';
import { AppShell } from './AppShell';
import { liveModules, startPath } from './modules';
import type { LiveModule } from './moduleTypes';

function FullPageSpin() {
  return (
    <div className="gj-fullpage-spin">
      <Spin size="large" />
    </div>
  );
}

export function RequireSession() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <AppShell />;
}

export function StartRedirect() {
  const { me, can } = useSession();
  return me ? <Navigate to={startPath({ me, can })} replace /> : null;
}

export function ModuleRoute({ module }: { module: LiveModule }) {
  const { me, can } = useSession();
  if (!me || !module.visible({ me, can })) return <Navigate to="/" replace />;
  const { Page } = module;
  return <Page />;
}

export function LoginRoute({ children }: { children: React.ReactNode }) {
  const { status } = useSession();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '';
  // While the form is open, fetch the code of the page most users land on next.
  useEffect(() => {
    const id = setTimeout(() => liveModules.forEach((m) => m.preload?.(from)), 0);
    return () => clearTimeout(id);
  }, [from]);
  return status === 'loading' ? <FullPageSpin /> : <>{children}</>;
}
