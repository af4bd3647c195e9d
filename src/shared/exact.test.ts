import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, round } from './decimal';
import { addQ, cmpQ, divRound, fixedText, parseQ, percentQ, roundQ } from './exact';

/** A numeric as PostgreSQL prints it: sign, up to 18 integer digits, up to 10 decimals (trailing zeros kept). */
const numericText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), fc.nat({ max: 10 }), fc.bigInt({ min: 0n, max: 10n ** 10n - 1n }))
  .map(([neg, int, places, frac]) => `${neg ? '-' : ''}${int}${places ? `.${String(frac).padStart(10, '0').slice(0, places)}` : ''}`);
const places = fc.nat({ max: 6 });

describe('exact rationals', () => {
  it('parse and print exactly as decimal.js rounds half away from zero', () => {
    fc.assert(fc.property(numericText, places, (t, p) => {
      expect(fixedText(roundQ(parseQ(t), p), p)).toBe(round(t, p));
    }), { numRuns: 2000 });
  });

  it('sums and shares round as the 40-digit decimals do', () => {
    fc.assert(
      fc.property(numericText, numericText, places, (a, b, p) => {
        expect(fixedText(roundQ(addQ(parseQ(a), parseQ(b)), p), p)).toBe(round(dec(a).plus(b), p));
        const s = percentQ(parseQ(a), parseQ(b));
        expect(s === null ? null : fixedText(roundQ(s, p), p)).toBe(dec(b).isZero() ? null : round(dec(a).div(b).times(100), p));
        expect(cmpQ(parseQ(a), parseQ(b))).toBe(dec(a).cmp(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds halves away from zero and never prints -0', () => {
    expect([divRound(5n, 2n), divRound(-5n, 2n), divRound(-1n, 3n), divRound(1n, -2n)]).toEqual([3n, -3n, 0n, -1n]);
    expect(fixedText(roundQ(parseQ('-0.004'), 2), 2)).toBe('0.00');
    expect(fixedText(-5n, 2)).toBe('-0.05');
    expect(fixedText(12n, 0)).toBe('12');
    expect(parseQ('1e3')).toEqual({ n: 1000n, d: 1n });
    expect(() => parseQ('NaN')).toThrow(RangeError);
    expect(() => parseQ(' ')).toThrow(RangeError);
  });
});
