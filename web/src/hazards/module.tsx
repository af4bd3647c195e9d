// 隐患清零 as a module of the web app: every zone account sees the register (a
// unit's accounts their unit's hazards); supervisors and unit reporters write.
import { lazy } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const hazardsModule: LiveModule = {
  key: 'hazards',
  labelKey: 'module.hazards',
  icon: <SafetyCertificateOutlined />,
  enabled: true,
  path: '/hazards',
  visible: (ctx) => ctx.can('zoneData.read'),
  Page: lazy(() => import('./HazardsPage')),
};
