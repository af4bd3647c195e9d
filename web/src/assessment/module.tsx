// 考核 as a module of the web app: everybody who reads the zone sees published
// results; the supervisor drafts schemes, adds bonuses/deductions and publishes.
import { lazy } from 'react';
import { TrophyOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const assessmentModule: LiveModule = {
  key: 'assessment',
  labelKey: 'module.assessment',
  icon: <TrophyOutlined />,
  enabled: true,
  path: '/assessment',
  visible: (ctx) => ctx.can('zoneData.read'),
  Page: lazy(() => import('./AssessmentPage')),
};
