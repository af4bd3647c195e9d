import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, round } from './decimal';
import { roundText } from './roundText';

const numericText = fc
  .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,16}$/), fc.stringMatching(/^\d{0,12}$/), fc.option(fc.integer({ min: -30, max: 30 })))
  .filter(([, int, frac]) => int !== '' || frac !== '')
  .map(([sign, int, frac, exp]) => `${sign}${int}${frac ? `.${frac}` : ''}${exp === null ? '' : `e${exp}`}`);

describe('roundText', () => {
  it('rounds half away from zero, as round', () => {
    expect(roundText('18.555', 2)).toBe('18.56');
    expect(roundText('-2.45', 1)).toBe('-2.5');
    expect(roundText('-0.004', 2)).toBe('0.00');
    expect(roundText(4.7, 2)).toBe('4.70');
    expect(roundText('18.56e-1', 3)).toBe('1.856');
    expect(roundText(new Decimal('1e-9'), 0)).toBe('0');
  });
  it('equals round of ./decimal on text, numbers and decimal.js values', () => {
    fc.assert(
      fc.property(fc.oneof(numericText, fc.double({ noNaN: true, noDefaultInfinity: true }), numericText.map((t) => new Decimal(t))), fc.integer({ min: 0, max: 8 }), (x, places) => {
        expect(roundText(x, places)).toBe(round(x, places));
      }),
      { numRuns: 3000 },
    );
  });
  it('throws where round throws', () => {
    for (const bad of ['', ' ', 'abc', '1.2.3', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => round(bad, 1)).toThrow();
      expect(() => roundText(bad, 1)).toThrow();
    }
    expect(() => roundText('1', -1)).toThrow();
  });
});
