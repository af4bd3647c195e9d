// Chinese and English names of the enterprise domain's codes: tags, appeal
// categories, satisfaction. One place, used by the import sheet, the API and the docs.
import type { AppealCategory, EnterpriseTag, Satisfaction } from '../../db/schema';

export interface Texts {
  zh: string;
  en: string;
}

export const TAG_LABELS: Record<EnterpriseTag, Texts> = {
  high_tech: { zh: '高企', en: 'High-tech' },
  above_size: { zh: '规上', en: 'Above designated size' },
  four_above: { zh: '四上', en: 'Four-above' },
  specialized: { zh: '专精特新', en: 'Specialised (SRDI)' },
  little_giant: { zh: '专精特新"小巨人"', en: 'Little giant' },
  single_champion: { zh: '单项冠军', en: 'Single champion' },
  listing_reserve: { zh: '上市后备', en: 'Listing candidate' },
  listed: { zh: '上市企业', en: 'Listed' },
  cloud_star: { zh: '星级上云', en: 'Star cloud user' },
  smart_workshop: { zh: '智能车间', en: 'Smart workshop' },
  hundred_billion: { zh: '百亿元企业', en: '10-billion-yuan enterprise' },
  ten_billion: { zh: '十亿级企业', en: '1-billion-yuan enterprise' },
};

/** Other names clerks write for a tag in a sheet. */
export const TAG_ALIASES: Record<string, EnterpriseTag> = {
  高新技术企业: 'high_tech',
  规上企业: 'above_size',
  规模以上: 'above_size',
  四上企业: 'four_above',
  小巨人: 'little_giant',
  '专精特新“小巨人”': 'little_giant',
  专精特新小巨人: 'little_giant',
  上市种子: 'listing_reserve',
  上市后备企业: 'listing_reserve',
  上市: 'listed',
  百亿级: 'hundred_billion',
  十亿级: 'ten_billion',
};

export function tagFromLabel(raw: string): EnterpriseTag | null {
  const s = raw.trim();
  for (const [tag, l] of Object.entries(TAG_LABELS) as [EnterpriseTag, Texts][]) {
    if (s === l.zh || s === tag || s.toLowerCase() === l.en.toLowerCase()) return tag;
  }
  return TAG_ALIASES[s] ?? null;
}

export const CATEGORY_LABELS: Record<AppealCategory, Texts> = {
  land: { zh: '用地', en: 'Land' },
  labour: { zh: '用工', en: 'Labour' },
  finance: { zh: '融资', en: 'Finance' },
  approval: { zh: '审批', en: 'Approvals' },
  utilities: { zh: '水电气', en: 'Water, power, gas' },
  logistics: { zh: '物流', en: 'Logistics' },
  other: { zh: '其他', en: 'Other' },
};

export const SATISFACTION_LABELS: Record<Satisfaction, Texts> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};
