// 通报 as a module of the web app: everybody who reads the zone sees published
// bulletins; the supervisor drafts, edits and publishes them.
import { lazy } from 'react';
import { NotificationOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const bulletinsModule: LiveModule = {
  key: 'bulletins',
  labelKey: 'module.bulletins',
  icon: <NotificationOutlined />,
  enabled: true,
  path: '/bulletins',
  visible: (ctx) => ctx.can('zoneData.read'),
  Page: lazy(() => import('./BulletinsPage')),
};
