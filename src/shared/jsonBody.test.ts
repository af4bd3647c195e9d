import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, JsonBody } from './jsonBody';

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
  it('gzips to exactly its JSON, once', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const b = new JsonBody(JSON.stringify(v));
        expect(gunzipSync(b.gzip()).toString('utf8')).toBe(b.json);
        expect(b.gzip()).toBe(b.gzip());
      }),
      { numRuns: 50 },
    );
  });
});
