import { describe, expect, it } from 'vitest';
import { FEED_KEYS, isFeedKey } from './keys';
import { FEED_KEY_PATTERN, FEED_SOURCES } from './keyTypes';

describe('feed keys', () => {
  it('are unique, of the form the database checks, and named after their source', () => {
    expect(new Set(FEED_KEYS.map((k) => k.key)).size).toBe(FEED_KEYS.length);
    for (const k of FEED_KEYS) {
      expect(k.key).toMatch(FEED_KEY_PATTERN);
      expect(k.key.startsWith(`${k.source}.`)).toBe(true);
      expect(k.zh.length).toBeGreaterThan(0);
      expect(k.en.length).toBeGreaterThan(0);
    }
    for (const s of FEED_SOURCES) expect(FEED_KEYS.some((k) => k.source === s)).toBe(true);
  });

  it('include the projects’ 新开工 and 竣工投产 and the keys the migration bound', () => {
    for (const key of ['projects.started', 'projects.producing', 'enterprises.net_high_tech', 'enterprises.new_cloud_star', 'attraction.foreign_investment']) expect(isFeedKey(key)).toBe(true);
    expect(isFeedKey('projects.nothing')).toBe(false);
    expect(isFeedKey('toString')).toBe(false);
  });
});
