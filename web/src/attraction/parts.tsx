// Small pieces of 招商: amounts in 亿元/亿美元, the stage tag.
import Decimal from 'decimal.js';
import { Tag } from 'antd';
import type { Lead, LeadStage } from './api';
import { useAtT } from './i18n';

export const STAGE_COLOR: Record<LeadStage, string> = { clue: 'default', negotiating: 'gold', signed: 'blue', landed: 'green' };

export function StageTag({ stage }: { stage: LeadStage }) {
  const t = useAtT();
  return <Tag color={STAGE_COLOR[stage]}>{t(`stage.${stage}`)}</Tag>;
}

export const yi = (v: string | null | undefined) => (v === null || v === undefined ? '—' : new Decimal(v).toFixed(2));

export function useAmount() {
  const t = useAtT();
  return (l: Pick<Lead, 'currency' | 'expectedInvestment'>) => t(l.currency === 'USD' ? 'yiUsd' : 'yi', { v: yi(l.expectedInvestment) });
}
