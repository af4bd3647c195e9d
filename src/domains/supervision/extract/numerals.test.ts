import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseChineseInt, parseNumber, toChineseNumeral } from './numerals';

describe('parseChineseInt', () => {
  it.each([
    ['零', 0], ['一', 1], ['两', 2], ['十', 10], ['十五', 15], ['二十一', 21], ['一百', 100], ['一百零五', 105],
    ['一百一十', 110], ['三百五', 350], ['一千零一十', 1010], ['一万零五', 10005], ['一万五', 15000],
    ['四万六千', 46000], ['十万', 100000], ['三千五百万', 35000000], ['十亿', 1e9], ['一亿零一', 100000001],
    ['两百', 200], ['九万九千九百九十九', 99999],
  ])('%s → %d', (s, n) => {
    expect(parseChineseInt(s)).toBe(n);
  });

  it.each(['', '百', '亿', '三四', '十四五', '二十大', '百五', '十百', '万万', 'abc'])('rejects %s', (s) => {
    expect(parseChineseInt(s)).toBeNull();
  });
});

describe('toChineseNumeral', () => {
  it.each([
    [0, '零'], [10, '十'], [15, '十五'], [21, '二十一'], [101, '一百零一'], [110, '一百一十'], [1005, '一千零五'],
    [10010, '一万零一十'], [100000, '十万'], [100000001, '一亿零一'],
  ])('%d → %s', (n, s) => {
    expect(toChineseNumeral(n)).toBe(s);
  });

  it('round-trips every integer 0..99999 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99999 }), (n) => parseChineseInt(toChineseNumeral(n)) === n), {
      numRuns: 5000,
    });
  });

  it('round-trips 0..99999 exhaustively', () => {
    for (let n = 0; n <= 99999; n++) if (parseChineseInt(toChineseNumeral(n)) !== n) throw new Error(String(n));
  });

  it('round-trips large integers (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => parseChineseInt(toChineseNumeral(n)) === n));
  });
});

describe('parseNumber', () => {
  it.each([
    ['4.6万', 46000], ['1,200', 1200], ['18.56', 18.56], ['1.2亿', 120000000], ['0.07万', 700], ['十五', 15],
    ['一百', 100], ['６', null],
  ])('%s → %s', (s, n) => {
    expect(parseNumber(s)).toBe(n);
  });

  it('has no binary floating-point artefacts for x.y万 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), (a, b) => {
        const s = `${a}.${String(b).padStart(2, '0')}万`;
        return parseNumber(s) === a * 10000 + b * 100;
      }),
    );
  });
});
