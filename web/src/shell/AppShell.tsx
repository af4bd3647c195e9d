// The frame around every signed-in page: header (zone, user, role, language,
// sign-out) and the sider menu built from the module list. On a phone (narrower
// than antd's md, 768 px) the menu moves into a drawer opened from the header, and
// the header keeps icons only (styles.css), so nothing scrolls sideways.
import { lazy, Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Button, Dropdown, Layout, Menu, Spin, Tag, Tooltip } from 'antd';
import { DownOutlined, EnvironmentOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SwapOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../api/useErrorMessage';
import { LanguageSwitch } from '../auth/LanguageSwitch';
import { useMe, useSession } from '../auth/session';
import { Brand } from './Brand';
import { HOME_PATH, startPath, visibleModules } from './modules';
import { NotificationBell } from './NotificationBell';
import { ZoneDateBanner } from './ZoneDateBanner';
import { usePhone } from './usePhone';
import { useMessage } from './feedback';

const { Header, Sider, Content } = Layout;

// Not on the first screen: the password dialog (a Modal with a Form) loads when first
// opened, the menu's drawer only on a phone.
const ChangePasswordDialog = lazy(() => import('../auth/ChangePasswordDialog').then((m) => ({ default: m.ChangePasswordDialog })));
const Drawer = lazy(() => import('antd/es/drawer'));

export function AppShell() {
  const { t } = useI18n();
  const session = useSession();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const message = useMessage();
  const showError = useErrorMessage();
  const [pwOpen, setPwOpen] = useState(false);
  // Mounted from the first opening on, so closing it still animates.
  const [pwUsed, setPwUsed] = useState(false);
  if (pwOpen && !pwUsed) setPwUsed(true);
  const [collapsed, setCollapsed] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const phone = usePhone();

  const ctx = { me, can: session.can };
  const mods = visibleModules(ctx);
  const items = [
    ...(mods.length === 0 ? [{ key: 'home', icon: <HomeOutlined />, label: <Link to={HOME_PATH}>{t('module.home')}</Link> }] : []),
    ...mods.map((m) => ({ key: m.key, icon: m.icon, label: <Link to={m.entry?.(ctx) ?? m.path}>{t(m.labelKey)}</Link> })),
  ];
  const selected = mods.find((m) => location.pathname === m.path || location.pathname.startsWith(`${m.path}/`))?.key ?? 'home';

  const signOut = async () => {
    try {
      await session.signOut();
      message.success(t('auth.signedOut'));
      void navigate('/login', { replace: true });
    } catch (e) {
      showError(e);
    }
  };

  const switchZone = async (code: string) => {
    try {
      const next = await session.switchZone(code);
      message.success(t('auth.zoneSwitched', { zone: next.zone.name }));
      void navigate(startPath({ me: next, can: (a) => Boolean(next.abilities[a]) }), { replace: true });
    } catch (e) {
      showError(e);
    }
  };

  const zoneLabel = (
    <span className="gj-header-zone" data-testid="header-zone">
      <EnvironmentOutlined /> <span className="gj-header-zone-name">{me.zone.name}</span>
    </span>
  );

  const menu = <Menu mode="inline" selectedKeys={[selected]} items={items} className="gj-menu" data-testid="main-menu" onClick={() => setMenuOpen(false)} />;

  return (
    <Layout className={phone ? 'gj-shell gj-phone' : 'gj-shell'}>
      <Header className="gj-header">
        {phone && <Button type="text" className="gj-header-btn gj-menu-toggle" icon={<MenuOutlined />} aria-label={t('shell.menu')} onClick={() => setMenuOpen(true)} data-testid="menu-toggle" />}
        <Link to="/" className="gj-header-brand">
          <Brand />
        </Link>
        <div className="gj-header-right">
          {me.zones.length > 1 ? (
            <Dropdown
              trigger={['click']}
              menu={{
                selectable: true,
                selectedKeys: [me.zone.code],
                items: me.zones.map((z) => ({ key: z.code, label: z.name })),
                onClick: ({ key }) => key !== me.zone.code && void switchZone(key),
              }}
            >
              <Tooltip title={t('auth.switchZone')} placement="bottom">
                <Button type="text" className="gj-header-btn">
                  {zoneLabel} <SwapOutlined />
                </Button>
              </Tooltip>
            </Dropdown>
          ) : (
            <span className="gj-header-btn gj-header-static">{zoneLabel}</span>
          )}
          <NotificationBell className="gj-header-btn" />
          <LanguageSwitch className="gj-header-btn" />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
              ],
              onClick: ({ key }) => (key === 'password' ? setPwOpen(true) : void signOut()),
            }}
          >
            <Button type="text" className="gj-header-btn gj-header-user" data-testid="header-user">
              <Avatar size={26} className="gj-avatar">
                {me.user.displayName.slice(0, 1)}
              </Avatar>
              <span className="gj-header-username">{me.user.displayName}</span>
              <Tag className="gj-role-tag" variant="filled" data-testid="header-role">
                {t(`role.${me.user.role}`)}
              </Tag>
              <DownOutlined className="gj-header-caret" />
            </Button>
          </Dropdown>
          <Button type="text" className="gj-header-btn" icon={<LogoutOutlined />} aria-label={t('auth.logout')} onClick={() => void signOut()} data-testid="logout">
            {!phone && t('auth.logout')}
          </Button>
        </div>
      </Header>
      <Layout>
        {phone ? (
          <Suspense fallback={null}>
            <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="left" size={280} title={me.zone.name} className="gj-menu-drawer">
              {menu}
            </Drawer>
          </Suspense>
        ) : (
          <Sider className="gj-sider" theme="light" width={200} collapsedWidth={64} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg">
            {menu}
          </Sider>
        )}
        <Content className="gj-content">
          <ZoneDateBanner />
          <Suspense fallback={<Spin className="gj-page-spin" />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      {pwUsed && (
        <Suspense fallback={null}>
          <ChangePasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
