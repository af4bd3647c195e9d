// 驾驶舱 as a module of the web app: the zone's month for those who lead and
// supervise (reporters open on their reporting form under 指标目标 instead).
import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const cockpitModule: LiveModule = {
  key: 'cockpit',
  labelKey: 'module.cockpit',
  icon: <DashboardOutlined />,
  enabled: true,
  path: '/cockpit',
  visible: (ctx) => ctx.can('zoneData.read') && ctx.me.user.role !== 'reporter',
  Page: lazy(() => import('./CockpitPage')),
  fullScreen: { path: '/cockpit/screen', Page: lazy(() => import('./BigScreen')) },
  // Leaders land here after signing in: their page's code loads while they type.
  preload: (path) => void (path.startsWith('/cockpit/screen') ? import('./BigScreen') : Promise.all([import('./CockpitPage'), import('./Dashboard')])),
};
