// Small pieces shared by the pages: amounts in 万元, tags, the warning light,
// state and judgement tags (the abilities this module looks at are in abilities.ts).
import Decimal from 'decimal.js';
import { Tag, Tooltip } from 'antd';
import type { AppealCategory, EnterpriseTag, Light, LoopState, ProgressStatus, Satisfaction } from './api';
import { useEntT } from './i18n';

export { has, type EntAction } from './abilities';

/** 12,345.60 — 万元 amounts with two decimals and thousands separators. */
export function wan(v: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const [int, frac] = new Decimal(v).toFixed(2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** A 万元 amount as people say it: 1500万元 or 100亿元; in English, m or bn yuan. */
export function money(v: string, lang: 'zh' | 'en'): string {
  const d = new Decimal(v);
  const n = (x: Decimal) => x.toDecimalPlaces(2).toString();
  if (lang === 'zh') return d.gte(10000) ? `${n(d.div(10000))}亿元` : `${n(d)}万元`;
  if (d.gte(100000)) return `${n(d.div(100000))} bn yuan`;
  return d.gte(100) ? `${n(d.div(100))} m yuan` : `${n(d.times(10000))} yuan`;
}

export const pct = (v: string | null | undefined) => (v === null || v === undefined ? '—' : `${new Decimal(v).toFixed(1)}%`);

const TAG_COLOR: Partial<Record<EnterpriseTag, string>> = {
  high_tech: 'blue',
  above_size: 'green',
  four_above: 'cyan',
  specialized: 'purple',
  little_giant: 'magenta',
  single_champion: 'gold',
  hundred_billion: 'red',
  ten_billion: 'volcano',
  listed: 'geekblue',
  listing_reserve: 'geekblue',
};
export function TagList({ tags }: { tags: readonly EnterpriseTag[] }) {
  const t = useEntT();
  return (
    <span className="gj-ent-tags">
      {tags.map((g) => (
        <Tag key={g} color={TAG_COLOR[g]} variant="outlined">
          {t(`tag.${g}`)}
        </Tag>
      ))}
    </span>
  );
}

const LIGHT_COLOR: Record<Light, string> = { green: '#52c41a', amber: '#faad14', red: '#f5222d', done: '#bfbfbf' };
export function LightDot({ light }: { light: Light }) {
  const t = useEntT();
  return (
    <Tooltip title={t(`light.${light}`)}>
      <span className="gj-ent-light" data-light={light} style={{ background: LIGHT_COLOR[light] }} aria-label={t(`light.${light}`)} />
    </Tooltip>
  );
}

const STATE_COLOR: Record<LoopState, string> = { found: 'orange', assigned: 'blue', rectifying: 'processing', verifying: 'purple', closed: 'default', returned: 'warning' };
export function StateTag({ state }: { state: LoopState }) {
  const t = useEntT();
  return <Tag color={STATE_COLOR[state]}>{t(`state.${state}`)}</Tag>;
}

const STATUS_COLOR: Record<ProgressStatus, string> = { ahead: 'green', on_track: 'blue', slightly_behind: 'gold', far_behind: 'red' };
export function StatusTag({ status }: { status: ProgressStatus | null | undefined }) {
  const t = useEntT();
  return status ? <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag> : <span>—</span>;
}

const SAT_COLOR: Record<Satisfaction, string> = { satisfied: 'green', basically_satisfied: 'blue', dissatisfied: 'red' };
export function SatTag({ value }: { value: Satisfaction | null }) {
  const t = useEntT();
  return value ? <Tag color={SAT_COLOR[value]}>{t(`sat.${value}`)}</Tag> : <span className="gj-ent-muted">{t('appeals.notRated')}</span>;
}

export function CategoryTag({ category }: { category: AppealCategory }) {
  const t = useEntT();
  return <Tag>{t(`cat.${category}`)}</Tag>;
}
