// 系统管理 as a module of the web app: who sees it and which tab opens first.
import { lazy } from 'react';
import { SettingOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';
import { systemTabsFor, systemVisible } from './tabs';

export const systemModule: LiveModule = {
  key: 'system',
  labelKey: 'module.system',
  icon: <SettingOutlined />,
  enabled: true,
  path: '/system',
  visible: systemVisible,
  entry: (ctx) => `/system/${systemTabsFor(ctx)[0]?.key ?? 'units'}`,
  Page: lazy(() => import('./SystemPage')),
};
