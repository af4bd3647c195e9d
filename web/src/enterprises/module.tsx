// 企业 as a module of the web app: zone accounts see the register, pools, plans,
// visits and appeals; an enterprise user sees only its own enterprise and appeals.
import { lazy } from 'react';
import { BankOutlined } from '@ant-design/icons';
import type { LiveModule } from '../shell/moduleTypes';
import { has } from './abilities';

export const enterprisesModule: LiveModule = {
  key: 'enterprises',
  labelKey: 'module.enterprises',
  icon: <BankOutlined />,
  enabled: true,
  path: '/enterprises',
  visible: (ctx) => has(ctx.me, 'enterprise.read') || has(ctx.me, 'enterprise.self'),
  entry: (ctx) => (has(ctx.me, 'enterprise.self') ? '/enterprises/my' : '/enterprises/register'),
  Page: lazy(() => import('./EnterprisesPage')),
};
