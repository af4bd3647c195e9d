// Every feed key an indicator can be bound to (indicators.feed), as the source
// domains declare them. The catalogue validates against this list and the web
// app offers it (GET /api/feeds/keys).
import { ATTRACTION_FEED_KEYS } from '../attraction/feedKeys';
import { ENTERPRISE_FEED_KEYS } from '../enterprises/feedKeys';
import { PROJECT_FEED_KEYS } from '../projects/feedKeys';
import type { FeedKey } from './keyTypes';

export const FEED_KEYS: readonly FeedKey[] = [...ENTERPRISE_FEED_KEYS, ...ATTRACTION_FEED_KEYS, ...PROJECT_FEED_KEYS].map(({ key, source, zh, en, measure }) => ({ key, source, zh, en, measure }));

export const isFeedKey = (key: string): boolean => FEED_KEYS.some((k) => k.key === key);
