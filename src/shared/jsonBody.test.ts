import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, JsonBody, matchesEtag } from './jsonBody';

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['*;q=0', false],
    ['identity', false],
    ['br', false],
    ['', false],
  ])('%s → %s', (header, takes) => expect(acceptsGzip(header)).toBe(takes));

  it('takes no header as no gzip, and reads repeated headers together', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip(['br', 'gzip'])).toBe(true);
  });
});

describe('JsonBody', () => {
  it('gzips to exactly its JSON bytes, once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => {
        const b = new JsonBody(JSON.stringify(v));
        expect(b.json.toString('utf8')).toBe(JSON.stringify(v));
        expect(gunzipSync(await b.gzip()).equals(b.json)).toBe(true);
        expect(await b.gzip()).toBe(await b.gzip());
      }),
      { numRuns: 50 },
    );
  });

  it('matches an If-None-Match weakly, in a list or as *', () => {
    const tag = 'W/"abc"';
    expect(['W/"abc"', '"abc"', 'W/"x", W/"abc"', '*'].map((h) => matchesEtag(h, tag))).toEqual([true, true, true, true]);
    expect([undefined, '', 'W/"abd"', '"ab"'].map((h) => matchesEtag(h, tag))).toEqual([false, false, false, false]);
  });
});
