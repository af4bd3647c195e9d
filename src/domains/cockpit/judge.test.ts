import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, type Decimal } from '../../shared/decimal';
import { parseQOrNull } from '../../shared/exact';
import { assessParsed } from '../targets/assess';
import { rank } from '../targets/ranking';
import { assessExact, exactThresholds, expectedOf, rankExact, type Expected } from './judge';

/** A numeric as PostgreSQL prints it: sign, up to 18 integer digits, up to 10 decimals (trailing zeros kept). */
const numericText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), fc.nat({ max: 10 }), fc.bigInt({ min: 0n, max: 10n ** 10n - 1n }))
  .map(([neg, int, places, frac]) => `${neg ? '-' : ''}${int}${places ? `.${String(frac).padStart(10, '0').slice(0, places)}` : ''}`);
const maybe = fc.option(numericText, { nil: null, freq: 5 });
const threshold = fc.integer({ min: 0, max: 600 }).map((n) => n / 10);

describe('assessExact', () => {
  it('prints what assessParsed prints, on any figures (negatives, zeros, huge values, many places)', () => {
    fc.assert(
      fc.property(
        fc.record({ actual: maybe, target: maybe, prevYear: maybe, expected: maybe, lower: fc.boolean(), half: fc.boolean(), decimals: fc.nat({ max: 4 }), pct: fc.nat({ max: 2 }), lean: fc.boolean() }),
        fc.tuple(threshold, threshold),
        fc.constantFrom('0', '1', '-1', '100', '2'),
        (r, [x, y], special) => {
          // Zeros, ones and exact multiples happen too, not only random digits.
          const target = r.target === '1' ? special : r.target;
          const thresholds = { amber: Math.min(x, y), red: Math.max(x, y) };
          const e: Decimal | null = r.expected === null ? null : dec(r.expected);
          const old = assessParsed(
            { actual: r.actual === null ? null : dec(r.actual), target: target === null ? null : dec(target), prevYear: r.prevYear === null ? null : dec(r.prevYear), expectedShare: e, lowerIsBetter: r.lower, halfYearPassed: r.half, decimals: r.decimals, percentDecimals: r.pct, thresholds },
            r.lean,
          );
          const now = assessExact(
            { actual: parseQOrNull(r.actual), target: parseQOrNull(target), prevYear: parseQOrNull(r.prevYear), expected: e === null ? null : expectedOf(new Map<Decimal, Expected>(), e, r.pct), lowerIsBetter: r.lower, halfYearPassed: r.half, decimals: r.decimals, percentDecimals: r.pct },
            exactThresholds(thresholds),
            r.lean,
          );
          expect({ ...now, actualValue: undefined, completionValue: undefined }).toEqual({ ...old, target: undefined, actualValue: undefined, completionValue: undefined });
          expect(now.actualValue === null ? null : now.actualValue.toString()).toBe(old.actualValue === null ? null : old.actualValue.times(10 ** r.decimals).toFixed(0));
          expect(now.completionValue === null ? null : now.completionValue.toString()).toBe(old.completionValue === null ? null : old.completionValue.times(10 ** r.pct).toFixed(0));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('judges the edges as the decimal rule: exactly amber behind is amber, exactly red still amber', () => {
    const t = exactThresholds({ amber: 10, red: 30 });
    // Completion 50.0 (50 of 100) against an expected share making the gap `tenths` / 10 points.
    const at = (tenths: bigint) =>
      assessExact({ actual: parseQOrNull('50'), target: parseQOrNull('100'), prevYear: null, expected: { value: 500n - tenths, text: '' }, lowerIsBetter: false, halfYearPassed: false, decimals: 2, percentDecimals: 1 }, t).status;
    expect([at(1n), at(0n), at(-99n), at(-100n), at(-300n), at(-301n)]).toEqual(['ahead', 'on_track', 'on_track', 'slightly_behind', 'slightly_behind', 'far_behind']);
    expect(() => exactThresholds({ amber: 20, red: 10 })).toThrow(RangeError);
  });
});

describe('rankExact', () => {
  it('gives the competition ranks of targets/ranking.rank', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.bigInt({ min: -50n, max: 50n }), { nil: null }), { maxLength: 12 }), fc.boolean(), (values, higher) => {
        const entries = values.map((value, i) => ({ key: `k${i}`, value }));
        const expected = rank(entries.map((e) => ({ key: e.key, value: e.value === null ? null : e.value.toString() })), higher);
        const got = rankExact(entries, higher);
        for (const e of expected) expect(got.get(e.key)).toBe(e.rank);
      }),
    );
  });
});
