// Small pieces shared by the project pages and the cockpit's 我的包挂项目 card.
import { Tag } from 'antd';
import type { Status } from './api';
import { STATUS_COLORS } from './format';
import { usePT } from './i18n';

/** A project's light as the battle map judges it (done / on time / at risk / behind). */
export function StatusTag({ status }: { status: Status }) {
  const pt = usePT();
  return <Tag color={STATUS_COLORS[status]} data-testid="status-tag">{pt(`status.${status}`)}</Tag>;
}
