// What a feed key is: '<source>.<count>', declared by the domain that counts it
// (enterprises/feedKeys.ts, attraction/feedKeys.ts, projects/feedKeys.ts) and
// stored in indicators.feed (migrations/0020). A leaf: imports nothing.

export const FEED_SOURCES = ['enterprises', 'attraction', 'projects'] as const;
export type FeedSourceName = (typeof FEED_SOURCES)[number];

/** The database's check on indicators.feed. */
export const FEED_KEY_PATTERN = /^[a-z_]+\.[a-z_]+$/;

export interface FeedKey<S extends FeedSourceName = FeedSourceName> {
  /** '<source>.<count>', e.g. 'enterprises.net_high_tech'. */
  key: `${S}.${string}`;
  source: S;
  zh: string;
  en: string;
  /** The unit of measure the count comes in (an indicator kept in another may be converted, see the source). */
  measure: string;
}
