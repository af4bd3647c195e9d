// 督查督办 as a module of the web app: everybody who reads the zone sees the
// tasks they may see (a unit's reporters their own unit's); the breakdown tab is
// the supervisor's (unitData.approve).
import { lazy } from 'react';
import { FileSearchOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const supervisionModule: LiveModule = {
  key: 'supervision',
  labelKey: 'module.supervision',
  icon: <FileSearchOutlined />,
  enabled: true,
  path: '/supervision',
  visible: (ctx) => ctx.can('zone.read'),
  entry: () => '/supervision/tasks',
  Page: lazy(() => import('./SupervisionPage')),
};
