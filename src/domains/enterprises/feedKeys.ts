// The counts of the enterprise register that an indicator can be bound to
// (indicators.feed, see ../feeds/keys.ts): one per zone count of rules.ts.
import type { FeedKey } from '../feeds/keyTypes';
import { ZONE_COUNTS } from './rules';

export type EnterpriseCount = (typeof ZONE_COUNTS)[number]['indicatorCode'];

export const ENTERPRISE_FEED_KEYS: readonly (FeedKey<'enterprises'> & { count: EnterpriseCount })[] = ZONE_COUNTS.map((c) => ({
  key: `enterprises.${c.indicatorCode}` as const,
  source: 'enterprises' as const,
  count: c.indicatorCode,
  zh: c.zh,
  en: c.en,
  measure: '家',
}));
