// Small pieces of the hazard pages: light, state, level, category and 清零 tags,
// and the tiles of the counts (also on the cockpit).
import { Tag, Tooltip } from 'antd';
import type { Me } from '../api/types';
import type { ClearanceStatus, Counts, HazardCategory, HazardLevel, Light, LoopState } from './api';
import { useHzT } from './i18n';

export const canWrite = (me: Pick<Me, 'abilities'> | null | undefined) => me?.abilities['hazard.write'] === true;

const LIGHT_COLOR: Record<Light, string> = { green: '#52c41a', amber: '#faad14', red: '#f5222d', done: '#bfbfbf' };
export function LightDot({ light }: { light: Light }) {
  const t = useHzT();
  return (
    <Tooltip title={t(`light.${light}`)}>
      <span className="gj-hz-light" data-light={light} style={{ background: LIGHT_COLOR[light] }} aria-label={t(`light.${light}`)} />
    </Tooltip>
  );
}

const STATE_COLOR: Record<LoopState, string> = { found: 'orange', assigned: 'blue', rectifying: 'processing', verifying: 'purple', closed: 'default', returned: 'warning' };
export function StateTag({ state }: { state: LoopState }) {
  const t = useHzT();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="hz-state">
      {t(`state.${state}`)}
    </Tag>
  );
}

export function LevelTag({ level }: { level: HazardLevel }) {
  const t = useHzT();
  return <Tag color={level === 'major' ? 'red' : 'default'}>{t(`level.${level}`)}</Tag>;
}

const CATEGORY_COLOR: Record<HazardCategory, string> = { safety: 'volcano', petition: 'geekblue', environment: 'green' };
export function CategoryTag({ category }: { category: HazardCategory }) {
  const t = useHzT();
  return (
    <Tag color={CATEGORY_COLOR[category]} variant="outlined">
      {t(`cat.${category}`)}
    </Tag>
  );
}

const CLEAR_COLOR: Record<ClearanceStatus, string> = { cleared: 'success', open: 'error', unregistered: 'default' };
/** 清零 as the data supports it: 已清零, 未清零 (n remaining) or 未登记隐患. */
export function ClearanceTag({ c }: { c: { status: ClearanceStatus; registered: number; remaining: number } }) {
  const t = useHzT();
  return (
    <span data-testid="hz-clearance" data-status={c.status}>
      <Tag color={CLEAR_COLOR[c.status]}>{t(`clear.${c.status}`)}</Tag>
      {c.status !== 'unregistered' && <span className="gj-hz-muted">{t(c.status === 'cleared' ? 'clear.clearedDetail' : 'clear.openDetail', c)}</span>}
    </span>
  );
}

/** 剩余 / 重大剩余 / 逾期 / 新增 / 已整改 as tiles. */
export function CountTiles({ total, compact }: { total: Counts; compact?: boolean }) {
  const t = useHzT();
  const tiles = [
    { key: 'remaining', label: t('tile.remaining'), value: total.remaining, tone: total.remaining > 0 ? 'warn' : 'ok' },
    { key: 'major', label: t('tile.major'), value: total.majorRemaining, tone: total.majorRemaining > 0 ? 'bad' : 'ok' },
    { key: 'overdue', label: t('tile.overdue'), value: total.overdue, tone: total.overdue > 0 ? 'bad' : 'ok' },
    ...(compact
      ? []
      : [
          { key: 'added', label: t('tile.added'), value: total.added, tone: 'plain' },
          { key: 'rectified', label: t('tile.rectified'), value: total.rectified, tone: 'plain' },
        ]),
  ];
  return (
    <div className="gj-hz-tiles">
      {tiles.map((x) => (
        <div key={x.key} className={`gj-hz-tile gj-hz-tile-${x.tone}`} data-testid={`hz-tile-${x.key}`}>
          <div className="gj-hz-tile-value">{x.value}</div>
          <div className="gj-hz-tile-label">{x.label}</div>
        </div>
      ))}
    </div>
  );
}
