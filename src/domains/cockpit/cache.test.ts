import { describe, expect, it } from 'vitest';
import { CockpitCache } from './cache';

describe('CockpitCache', () => {
  it('answers only for the version an entry was computed under', () => {
    const c = new CockpitCache();
    c.set('z|2022-08|', '3', '{"a":1}');
    expect(c.get('z|2022-08|', '3')).toBe('{"a":1}');
    expect(c.get('z|2022-08|', '4')).toBeUndefined();
    // The old entry stays, as the previous answer, until one of the new version replaces it.
    expect(c.size).toBe(1);
    c.set('z|2022-08|', '4', '{"a":2}');
    expect([c.get('z|2022-08|', '3'), c.get('z|2022-08|', '4'), c.size]).toEqual([undefined, '{"a":2}', 1]);
  });

  it('reads give an older answer at once, marked, while the current one is computed; with none, they wait', async () => {
    const c = new CockpitCache();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let computed = 0;
    const compute = (body: string) => async () => {
      computed++;
      await gate;
      return body;
    };
    const none = c.read('k', '7', compute('A7'));
    let waited = false;
    void none.then(() => (waited = true));
    await Promise.resolve();
    expect(waited).toBe(false); // nothing older: the reader waits
    release();
    expect(await none).toEqual({ body: 'A7', version: '7', current: true });
    let release2!: () => void;
    const gate2 = new Promise<void>((r) => (release2 = r));
    const slow = (body: string) => async () => {
      computed++;
      await gate2;
      return body;
    };
    // Version 10 > 7 as numbers (not as text): the cached one is older.
    expect(await c.read('k', '10', slow('A10'))).toEqual({ body: 'A7', version: '7', current: false });
    expect(await c.read('k', '10', slow('never'))).toEqual({ body: 'A7', version: '7', current: false });
    release2();
    await c.idle();
    expect(await c.read('k', '10', slow('never'))).toEqual({ body: 'A10', version: '10', current: true });
    // An answer of a newer version than the reader's is current for it.
    expect(await c.read('k', '9', slow('never'))).toEqual({ body: 'A10', version: '10', current: true });
    expect(computed).toBe(2);
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

  it('computes a key and version once for every reader meanwhile, and again for a new version', async () => {
    const c = new CockpitCache();
    let computed = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = (body: string) => async () => {
      computed++;
      await gate;
      return body;
    };
    const first = c.load('k', '1', compute('A'));
    const second = c.load('k', '1', compute('B'));
    release();
    expect(await Promise.all([first, second])).toEqual(['A', 'A']);
    expect(computed).toBe(1);
    expect(await c.load('k', '1', compute('C'))).toBe('A'); // cached
    expect(await c.load('k', '2', compute('D'))).toBe('D'); // the data moved on
    expect(computed).toBe(2);
    expect(c.keys('k')).toEqual(['k']);
  });

  it('forgets a failed computation, so the next reader tries again', async () => {
    const c = new CockpitCache();
    await expect(c.load('k', '1', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await c.load('k', '1', async () => 'A')).toBe('A');
  });
});
