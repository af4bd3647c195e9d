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

describe('divRound', () => {
  it('gives the BigInt quotient on both sides of the double fast path (2^50)', () => {
    const big = (num: bigint, den: bigint) => {
      const neg = num < 0n !== den < 0n;
      const a = num < 0n ? -num : num;
      const b = den < 0n ? -den : den;
      const q = (a * 2n + b) / (b * 2n);
      return neg ? -q : q;
    };
    const edge = fc.oneof(fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n }), fc.bigInt({ min: 2n ** 50n - 1000n, max: 2n ** 50n + 1000n }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }));
    const den = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 51n }), fc.bigInt({ min: 2n ** 50n - 1000n, max: 2n ** 50n }), fc.bigInt({ min: -(10n ** 20n), max: -1n }));
    fc.assert(
      fc.property(edge, den, (n, d) => {
        expect(divRound(n, d)).toBe(big(n, d));
        expect(divRound(n * 2n * d + d, 2n * d)).toBe(big(n * 2n * d + d, 2n * d)); // exact halves
      }),
      { numRuns: 5000 },
    );
  });
});
