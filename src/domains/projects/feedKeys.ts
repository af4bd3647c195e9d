// The project counts that an indicator can be bound to (indicators.feed, see
// ../feeds/keys.ts): projects by their actual stage dates, 1 January to each
// month's end (stageCounts.ts).
import type { FeedKey } from '../feeds/keyTypes';

export const PROJECT_FEED_KEYS = [
  { key: 'projects.started', source: 'projects', zh: '新开工项目数', en: 'Projects started', measure: '个' },
  // The model has one date for 竣工投产: the 投产 (producing) stage's actual date.
  { key: 'projects.producing', source: 'projects', zh: '竣工投产项目数', en: 'Projects completed and in production', measure: '个' },
] as const satisfies readonly FeedKey<'projects'>[];

export type ProjectFeedKey = (typeof PROJECT_FEED_KEYS)[number]['key'];
