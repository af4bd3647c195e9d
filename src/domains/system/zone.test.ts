import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDataDate, periodDomains, yearChoices, type PeriodDomain } from './zone';

const none = () => Object.fromEntries(periodDomains.map((d) => [d, [] as number[]])) as Record<PeriodDomain, number[]>;

describe('year choices', () => {
  it('offer every year holding data and the current one, once each, newest first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2000, max: 2100 })), fc.integer({ min: 2000, max: 2100 }), (data, current) => {
        const out = yearChoices(data, current);
        expect(new Set(out)).toEqual(new Set([...data, current]));
        expect(out).toEqual([...out].sort((a, b) => b - a));
        expect(new Set(out).size).toBe(out.length);
      }),
    );
  });
});

describe("the zone's first data", () => {
  it('is none for a zone without data', () => {
    expect(firstDataDate({ years: none() })).toBeNull();
  });
  it('is 1 January of the earliest year holding data in any domain', () => {
    expect(firstDataDate({ years: { ...none(), figures: [2022], projects: [2022] } })).toBe('2022-01-01');
    expect(firstDataDate({ years: { ...none(), projects: [2023], plans: [2021] } })).toBe('2021-01-01');
  });
});
