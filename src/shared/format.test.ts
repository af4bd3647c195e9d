import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatAmount,
  formatCount,
  formatGapToTimeProgress,
  formatPercent,
  formatYoy,
  MISSING,
  trimZeros,
} from './format';

describe('formatAmount', () => {
  it('writes 亿元/亿美元 with two decimals by default', () => {
    expect(formatAmount('18.56', '亿元')).toBe('18.56亿元');
    expect(formatAmount('18.555', '亿元')).toBe('18.56亿元');
    expect(formatAmount(4.7, '亿美元')).toBe('4.70亿美元');
    expect(formatAmount('12345.678', '万元')).toBe('12345.68万元');
  });
  it('keeps per-figure decimals', () => {
    expect(formatAmount('57.7', '亿元', { decimals: 1 })).toBe('57.7亿元');
    expect(formatAmount('120', '亿元', { decimals: 0 })).toBe('120亿元');
  });
  it('English shifts the rounded figure, not the raw one', () => {
    expect(formatAmount('18.56', '亿元', { lang: 'en' })).toBe('1.856 billion yuan');
    expect(formatAmount('18.555', '亿元', { lang: 'en' })).toBe('1.856 billion yuan');
    expect(formatAmount('4.7', '亿美元', { lang: 'en', decimals: 1 })).toBe('0.47 billion USD');
    expect(formatAmount('12345.6', '万元', { lang: 'en', decimals: 1 })).toBe('123.456 million yuan');
    expect(formatAmount('1234567.5', '吨', { lang: 'en', decimals: 1 })).toBe('1,234,567.5 吨');
  });
  it('missing → —', () => {
    expect(formatAmount(null, '亿元')).toBe(MISSING);
  });
});

describe('formatYoy', () => {
  it('growth, decline, flat with one decimal', () => {
    expect(formatYoy('36.66')).toBe('同比增长36.7%');
    expect(formatYoy(5.2)).toBe('同比增长5.2%');
    expect(formatYoy('-3.2')).toBe('同比下降3.2%');
    expect(formatYoy(0)).toBe('同比持平');
    expect(formatYoy('10')).toBe('同比增长10.0%');
  });
  it('decides by the rounded figure (never "增长0.0%")', () => {
    expect(formatYoy('0.04')).toBe('同比持平');
    expect(formatYoy('-0.049')).toBe('同比持平');
    expect(formatYoy('0.05')).toBe('同比增长0.1%');
  });
  it('English and missing', () => {
    expect(formatYoy(36.7, { lang: 'en' })).toBe('up 36.7% year on year');
    expect(formatYoy(-3.2, { lang: 'en' })).toBe('down 3.2% year on year');
    expect(formatYoy(0, { lang: 'en' })).toBe('flat year on year');
    expect(formatYoy(null)).toBe(MISSING);
  });
});

describe('formatPercent', () => {
  it('rounds to the given places', () => {
    expect(formatPercent('93.2459', 2)).toBe('93.25%');
    expect(formatPercent(62)).toBe('62.0%');
    expect(formatPercent(undefined)).toBe(MISSING);
  });
});

describe('formatGapToTimeProgress', () => {
  it('drops trailing zeros', () => {
    expect(formatGapToTimeProgress(6)).toBe('快于序时进度6个百分点');
    expect(formatGapToTimeProgress('6.0')).toBe('快于序时进度6个百分点');
    expect(formatGapToTimeProgress(-2.5)).toBe('慢于序时进度2.5个百分点');
    expect(formatGapToTimeProgress('-2.54')).toBe('慢于序时进度2.5个百分点');
    expect(formatGapToTimeProgress('12.04')).toBe('快于序时进度12个百分点');
    expect(formatGapToTimeProgress(0)).toBe('与序时进度持平');
    expect(formatGapToTimeProgress('0.04')).toBe('与序时进度持平');
    expect(formatGapToTimeProgress('2.345', { decimals: 2 })).toBe('快于序时进度2.35个百分点');
  });
  it('English', () => {
    expect(formatGapToTimeProgress(6, { lang: 'en' })).toBe('6 percentage points ahead of time progress');
    expect(formatGapToTimeProgress(-1, { lang: 'en' })).toBe('1 percentage point behind time progress');
    expect(formatGapToTimeProgress(0, { lang: 'en' })).toBe('on par with time progress');
  });
  it('property: the wording direction follows the sign of the rounded gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (n) => {
        const s = formatGapToTimeProgress(n / 1000);
        const r = Math.round(Math.abs(n) / 100) * Math.sign(n); // tenths, half away from zero
        if (r > 0) expect(s.startsWith('快于')).toBe(true);
        else if (r < 0) expect(s.startsWith('慢于')).toBe(true);
        else expect(s).toBe('与序时进度持平');
        expect(s).not.toMatch(/\.\d*0个/);
      }),
    );
  });
});

describe('formatCount', () => {
  it('integers with a measure word', () => {
    expect(formatCount(10, '个')).toBe('10个');
    expect(formatCount('49')).toBe('49个');
    expect(formatCount(79, '件')).toBe('79件');
    expect(formatCount(1200, '个', { lang: 'en', noun: 'projects' })).toBe('1,200 projects');
    expect(formatCount(12, '家', { lang: 'en' })).toBe('12');
  });
});

describe('trimZeros', () => {
  it('only trims fractional zeros', () => {
    expect(trimZeros('10')).toBe('10');
    expect(trimZeros('10.0')).toBe('10');
    expect(trimZeros('10.50')).toBe('10.5');
    expect(trimZeros('100')).toBe('100');
  });
});
