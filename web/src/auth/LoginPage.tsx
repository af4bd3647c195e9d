// 登录: username, password and, for accounts in several zones, the zone.
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { EnvironmentOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import type { ZoneRef } from '../api/types';
import { useT } from '../i18n';
import { Brand } from '../shell/Brand';
import { startPath } from '../shell/modules';
import { authApi } from './api';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './session';

interface Values {
  zone?: string;
  username: string;
  password: string;
}

const LAST_ZONE = 'gj_last_zone';

export default function LoginPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<Values>();
  const [zones, setZones] = useState<ZoneRef[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    authApi
      .zones()
      .then((list) => {
        setZones(list);
        const last = localStorage.getItem(LAST_ZONE);
        if (last && list.some((z) => z.code === last) && !form.getFieldValue('zone')) form.setFieldValue('zone', last);
      })
      .catch(() => setZones([]));
  }, [form]);

  // The page asked for before signing in (kept by RequireSession), else the user's first module.
  // Both ways out use it: signing in re-renders this page signed in before `submit` navigates.
  const from = (location.state as { from?: string } | null)?.from;
  const target = (ctx: Parameters<typeof startPath>[0]) => (from && from !== '/' && from !== '/login' ? from : startPath(ctx));
  if (session.status === 'signedIn' && session.me) {
    return <Navigate to={target({ me: session.me, can: session.can })} replace />;
  }

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await session.signIn({ username: v.username.trim(), password: v.password, zone: v.zone || undefined });
      if (v.zone) localStorage.setItem(LAST_ZONE, v.zone);
      const can = (a: keyof typeof me.abilities) => Boolean(me.abilities[a]);
      void navigate(target({ me, can }), { replace: true });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', e instanceof Error ? e.message : String(e));
      if (err.code === 'auth.zone_required' || err.code === 'auth.no_membership') {
        form.setFields([{ name: 'zone', errors: [err.message] }]);
      } else {
        setError(err);
        form.setFieldValue('password', '');
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
          <Form<Values> name="login" form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit} onValuesChange={() => setError(null)}>
            <Form.Item name="zone" label={t('login.zone')} extra={zones.length > 1 ? t('login.zoneHint') : undefined}>
              <Select
                allowClear
                placeholder={t('login.zonePlaceholder')}
                suffixIcon={<EnvironmentOutlined />}
                options={zones.map((z) => ({ value: z.code, label: z.name }))}
                data-testid="login-zone"
              />
            </Form.Item>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} disabled={locked} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <footer className="gj-login-footer">{t('login.footer')}</footer>
      </main>
    </div>
  );
}
