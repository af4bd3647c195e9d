import { describe, expect, it } from 'vitest';
import { CockpitCache } from './cache';

describe('CockpitCache', () => {
  it('answers only for the version an entry was computed under', () => {
    const c = new CockpitCache();
    c.set('z|2022-08|', '3', '{"a":1}');
    expect(c.get('z|2022-08|', '3')).toBe('{"a":1}');
    expect(c.get('z|2022-08|', '4')).toBeUndefined();
    // A stale entry is dropped on sight.
    expect(c.size).toBe(0);
  });

  it('evicts the least recently read entry beyond its capacity', () => {
    const c = new CockpitCache(2);
    c.set('a', '1', 'A');
    c.set('b', '1', 'B');
    expect(c.get('a', '1')).toBe('A');
    c.set('c', '1', 'C');
    expect(c.get('b', '1')).toBeUndefined();
    expect([c.get('a', '1'), c.get('c', '1')]).toEqual(['A', 'C']);
  });
});
