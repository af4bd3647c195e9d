// Which domain's writes set off which feed: the one place a writer and the domain
// that counts it meet (see feeds/triggers.ts). Called by the server and the demo build.
import { registerFeedTrigger } from './feeds/triggers';
import { feedAttractionCounts } from './attraction/feedIndicators';
import { feedProjectCounts } from './projects/feedIndicators';

export function registerFeeds(): void {
  // Project stage dates, amounts and units change the 招商 signing counts.
  registerFeedTrigger('attraction', feedAttractionCounts);
  // Their 开工 and 投产 dates and units change the 新开工 / 竣工投产 counts.
  registerFeedTrigger('projects', feedProjectCounts);
}
