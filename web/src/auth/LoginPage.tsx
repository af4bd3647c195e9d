// 登录: username, password and, for accounts in several zones, the zone.
// Three fields and two "required" checks: plain state, not antd's Form (its store and
// validator are ≈ 21 KB gzip that every visitor would load before the first page).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Input } from 'antd';
import { EnvironmentOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import type { ZoneRef } from '../api/types';
import { useT } from '../i18n';
import { Brand } from '../shell/Brand';
import { startPath } from '../shell/modules';
import { authApi } from './api';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './session';

type Field = 'zone' | 'username' | 'password';

/** A labelled field with its hint or its error below, laid out like antd's vertical form item. */
function LoginField({ id, label, error, extra, children }: { id: string; label: string; error?: string; extra?: string; children: ReactNode }) {
  return (
    <div className="gj-login-field">
      <label htmlFor={id} className="gj-login-label">
        {label}
      </label>
      {children}
      {error ? (
        <div className="gj-login-field-error" role="alert">
          {error}
        </div>
      ) : (
        extra && <div className="gj-login-field-extra">{extra}</div>
      )}
    </div>
  );
}

const LAST_ZONE = 'gj_last_zone';

export default function LoginPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [zone, setZone] = useState<string | undefined>();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [zones, setZones] = useState<ZoneRef[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    authApi
      .zones()
      .then((list) => {
        setZones(list);
        const last = localStorage.getItem(LAST_ZONE);
        if (last && list.some((z) => z.code === last)) setZone((z) => z ?? last);
      })
      .catch(() => setZones([]));
  }, []);

  // The page asked for before signing in (kept by RequireSession), else the user's first module.
  // Both ways out use it: signing in re-renders this page signed in before `submit` navigates.
  const from = (location.state as { from?: string } | null)?.from;
  const target = (ctx: Parameters<typeof startPath>[0]) => (from && from !== '/' && from !== '/login' ? from : startPath(ctx));
  if (session.status === 'signedIn' && session.me) {
    return <Navigate to={target({ me: session.me, can: session.can })} replace />;
  }

  /** Any change clears the refusal shown and that field's own error. */
  const edited = (field: Field) => {
    setError(null);
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const missing = {
      username: username.trim() ? undefined : t('login.usernameRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setFieldErrors(missing);
    if (missing.username || missing.password) return;
    setBusy(true);
    setError(null);
    try {
      const me = await session.signIn({ username: username.trim(), password, zone: zone || undefined });
      if (zone) localStorage.setItem(LAST_ZONE, zone);
      const can = (a: keyof typeof me.abilities) => Boolean(me.abilities[a]);
      void navigate(target({ me, can }), { replace: true });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', e instanceof Error ? e.message : String(e));
      if (err.code === 'auth.zone_required' || err.code === 'auth.no_membership') {
        setFieldErrors({ zone: err.message });
      } else {
        setError(err);
        setPassword('');
      }
    } finally {
      setBusy(false);
    }
  };

  const locked = error?.code === 'auth.locked';
  return (
    <div className="gj-login">
      <div className="gj-login-lang">
        <LanguageSwitch />
      </div>
      <main className="gj-login-main">
        <Card className="gj-login-card" variant="borderless">
          <div className="gj-login-head">
            <Brand size="large" />
            <div className="gj-login-tagline">{t('app.tagline')}</div>
          </div>
          <h1 className="gj-login-title">{t('login.title')}</h1>
          {error && (
            <Alert
              className="gj-login-error"
              type={locked ? 'warning' : 'error'}
              showIcon
              title={locked ? t('login.locked') : error.message}
              description={locked ? error.message : undefined}
              data-testid="login-error"
            />
          )}
          <form className="gj-login-form" onSubmit={(e) => void submit(e)} noValidate>
            <LoginField id="login_zone" label={t('login.zone')} error={fieldErrors.zone} extra={zones.length > 1 ? t('login.zoneHint') : undefined}>
              {/* A native select: a handful of zones, the phone's own picker, and no antd Select
                  (≈ 21 KB gzip) in the first load of every page. The empty choice is "none". */}
              <div className={`gj-login-select${fieldErrors.zone ? ' gj-login-select-error' : ''}${zone ? '' : ' gj-login-select-empty'}`}>
                <select
                  id="login_zone"
                  value={zone ?? ''}
                  onChange={(e) => {
                    setZone(e.target.value || undefined);
                    edited('zone');
                  }}
                  aria-invalid={fieldErrors.zone ? true : undefined}
                  data-testid="login-zone"
                >
                  <option value="">{t('login.zonePlaceholder')}</option>
                  {zones.map((z) => (
                    <option key={z.code} value={z.code}>
                      {z.name}
                    </option>
                  ))}
                </select>
                <EnvironmentOutlined className="gj-login-select-icon" aria-hidden />
              </div>
            </LoginField>
            <LoginField id="login_username" label={t('login.username')} error={fieldErrors.username}>
              <Input
                id="login_username"
                size="large"
                value={username}
                onChange={(e) => {
                  setUsername(e.target.value);
                  edited('username');
                }}
                status={fieldErrors.username ? 'error' : undefined}
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
              />
            </LoginField>
            <LoginField id="login_password" label={t('login.password')} error={fieldErrors.password}>
              <Input.Password
                id="login_password"
                size="large"
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  edited('password');
                }}
                status={fieldErrors.password ? 'error' : undefined}
                prefix={<LockOutlined />}
                autoComplete="current-password"
              />
            </LoginField>
            <Button type="primary" size="large" htmlType="submit" block loading={busy} disabled={locked} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </form>
        </Card>
        <footer className="gj-login-footer">{t('login.footer')}</footer>
      </main>
    </div>
  );
}
