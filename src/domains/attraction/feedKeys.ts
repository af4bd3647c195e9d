// The 招商 counts that an indicator can be bound to (indicators.feed, see
// ../feeds/keys.ts): signings from 1 January to each month's end.
import type { FeedKey } from '../feeds/keyTypes';

export const ATTRACTION_FEED_KEYS = [
  { key: 'attraction.signed_projects', source: 'attraction', zh: '新签约亿元以上项目数', en: 'Signed projects of 100 million yuan and more', measure: '个' },
  { key: 'attraction.signed_investment', source: 'attraction', zh: '新签约亿元以上项目计划总投资', en: 'Planned investment of signed projects of 100 million yuan and more', measure: '亿元' },
  { key: 'attraction.foreign_projects', source: 'attraction', zh: '新签约外资项目数', en: 'Signed foreign-capital projects', measure: '个' },
  // 亿元 at the zone's rate of the year, or 亿美元 when the indicator is kept in 亿美元.
  { key: 'attraction.foreign_investment', source: 'attraction', zh: '新签约外资项目计划总投资', en: 'Planned investment of signed foreign-capital projects', measure: '亿元' },
] as const satisfies readonly FeedKey<'attraction'>[];

export type AttractionFeedKey = (typeof ATTRACTION_FEED_KEYS)[number]['key'];
