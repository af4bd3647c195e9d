// 项目 as a module of the web app: everybody who reads the zone sees the battle map
// and the projects; what each may change comes with each project from the server.
import { lazy } from 'react';
import { ProjectOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';

export const projectsModule: LiveModule = {
  key: 'projects',
  labelKey: 'module.projects',
  icon: <ProjectOutlined />,
  enabled: true,
  path: '/projects',
  visible: (ctx) => ctx.can('zoneData.read'),
  entry: () => '/projects/map',
  Page: lazy(() => import('./ProjectsPage')),
};
