import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec, decOrNull, round, sum, toNumber } from './decimal';

describe('dec', () => {
  it('parses numeric strings from PostgreSQL and numbers without float artefacts', () => {
    expect(dec('18.56').toString()).toBe('18.56');
    expect(dec(0.1).plus(0.2).toString()).toBe('0.3');
    expect(dec(' 7 ').toString()).toBe('7');
    expect(dec(dec('1.5')).toString()).toBe('1.5');
  });
  it('rejects garbage', () => {
    expect(() => dec('')).toThrow();
    expect(() => dec('abc')).toThrow();
    expect(() => dec(Number.NaN)).toThrow();
    expect(() => dec(Infinity)).toThrow();
    expect(() => dec('Infinity')).toThrow();
  });
  it('decOrNull treats missing as null', () => {
    expect(decOrNull(null)).toBeNull();
    expect(decOrNull(undefined)).toBeNull();
    expect(decOrNull('  ')).toBeNull();
    expect(decOrNull('0')?.toString()).toBe('0');
  });
});

describe('round', () => {
  it('rounds half-up like Chinese statistics (四舍五入)', () => {
    expect(round('2.345', 2)).toBe('2.35');
    expect(round('2.344', 2)).toBe('2.34');
    expect(round('36.65', 1)).toBe('36.7');
    expect(round(1.005, 2)).toBe('1.01'); // as a float 1.005 is 1.00499…; the decimal literal wins
    expect(round('-2.45', 1)).toBe('-2.5');
    expect(round('6', 1)).toBe('6.0');
    expect(round('93.2459', 2)).toBe('93.25');
  });
  it('never returns negative zero', () => {
    expect(round('-0.001', 2)).toBe('0.00');
    expect(round('-0.4', 0)).toBe('0');
  });
  it('rejects bad places', () => {
    expect(() => round('1', -1)).toThrow();
    expect(() => round('1', 1.5)).toThrow();
  });
  it('toNumber rounds first', () => {
    expect(toNumber('0.1', 2) + 0).toBe(0.1);
    expect(toNumber(dec('0.1').plus('0.2'), 2)).toBe(0.3);
    expect(toNumber('-0.0001', 2)).toBe(0);
    expect(Object.is(toNumber('-0.0001', 2), -0)).toBe(false);
  });
  it('property: the rounded string differs from the value by at most half a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (n, scale, places) => {
        const x = new Decimal(n).div(new Decimal(10).pow(scale));
        const r = dec(round(x, places));
        expect(r.minus(x).abs().lte(new Decimal('0.5').div(new Decimal(10).pow(places)))).toBe(true);
        expect(round(x, places).split('.')[1]?.length ?? 0).toBe(places);
      }),
    );
  });
});

describe('sum', () => {
  it('adds exactly', () => {
    expect(sum(['0.1', 0.2, dec('0.3')]).toString()).toBe('0.6');
    expect(sum([]).toString()).toBe('0');
  });
});
