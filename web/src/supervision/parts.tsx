// Small pieces shared by the pages: the warning light, state and standing tags.
import { Tag, Tooltip } from 'antd';
import type { Light, LoopState, Standing, Task } from './api';
import { useSvT } from './i18n';

const LIGHT_COLOR: Record<Light, string> = { green: '#52c41a', amber: '#faad14', red: '#f5222d', done: '#bfbfbf' };

export function LightDot({ light }: { light: Light }) {
  const t = useSvT();
  return (
    <Tooltip title={t(`light.${light}`)}>
      <span className="gj-sv-light" data-light={light} style={{ background: LIGHT_COLOR[light] }} aria-label={t(`light.${light}`)} />
    </Tooltip>
  );
}

const STATE_COLOR: Record<LoopState, string> = { found: 'default', assigned: 'blue', rectifying: 'processing', verifying: 'purple', closed: 'default', returned: 'warning' };
export function StateTag({ state }: { state: LoopState }) {
  const t = useSvT();
  return <Tag color={STATE_COLOR[state]}>{t(`state.${state}`)}</Tag>;
}

const STANDING_COLOR: Record<Standing, string> = { on_time: 'green', amber: 'gold', late: 'red', closed: 'default' };
export function StandingTag({ standing }: { standing: Standing }) {
  const t = useSvT();
  return <Tag color={STANDING_COLOR[standing]}>{t(`standing.${standing}`)}</Tag>;
}

/** "412 / 450项" or "70%" — what the lead unit last reported against the target. */
export function progressText(task: Pick<Task, 'percent' | 'reached' | 'quantityTarget' | 'quantityUnit' | 'atLeast'>): string {
  const parts: string[] = [];
  if (task.quantityTarget) parts.push(`${task.reached ?? 0} / ${task.quantityTarget}${task.quantityUnit ?? ''}${task.atLeast ? '+' : ''}`);
  if (task.percent !== null) parts.push(`${Number(task.percent)}%`);
  return parts.join(' · ') || '—';
}
