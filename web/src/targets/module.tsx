// 指标目标 as a module of the web app: everyone who reads the zone sees the
// catalogue and targets; reporters open on their unit's monthly report.
import { lazy } from 'react';
import { AimOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const targetsModule: LiveModule = {
  key: 'targets',
  labelKey: 'module.targets',
  icon: <AimOutlined />,
  enabled: true,
  path: '/targets',
  visible: (ctx) => ctx.can('zone.read') && ctx.me.user.role !== 'enterprise',
  entry: (ctx) => (ctx.can('unitData.write') ? '/targets/report' : ctx.can('unitData.approve') ? '/targets/review' : '/targets/catalogue'),
  Page: lazy(() => import('./TargetsPage')),
};
