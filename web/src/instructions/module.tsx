// 领导批示 as a module of the web app: a leader's 我的批示, a unit's 批示待办, the office's list.
import { lazy } from 'react';
import { EditOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const instructionsModule: LiveModule = {
  key: 'instructions',
  labelKey: 'module.instructions',
  icon: <EditOutlined />,
  enabled: true,
  path: '/instructions',
  visible: (ctx) => ctx.can('zone.read') && ctx.me.user.role !== 'admin',
  entry: (ctx) => (ctx.me.user.role === 'reporter' ? '/instructions/todo' : '/instructions'),
  Page: lazy(() => import('./InstructionsPage')),
};
