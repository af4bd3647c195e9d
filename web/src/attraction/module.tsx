// 招商 as a module of the web app: zone-wide roles see every lead, a unit's
// reporters and viewers their own unit's; supervisors turn signed leads into projects.
import { lazy } from 'react';
import { ShopOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const attractionModule: LiveModule = {
  key: 'attraction',
  labelKey: 'module.attraction',
  icon: <ShopOutlined />,
  enabled: true,
  path: '/attraction',
  visible: (ctx) => ctx.can('zone.read'),
  entry: () => '/attraction/board',
  Page: lazy(() => import('./AttractionPage')),
};
