import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rank, rankChange } from './ranking';

describe('rank', () => {
  it('competition ranking with ties (1,2,2,4), nulls last and unranked', () => {
    const out = rank([
      { key: 'a', value: '10' },
      { key: 'b', value: null },
      { key: 'c', value: '30' },
      { key: 'd', value: '20' },
      { key: 'e', value: '20.0' },
      { key: 'f', value: '5' },
    ]);
    expect(out.map((e) => [e.key, e.rank])).toEqual([
      ['c', 1],
      ['d', 2],
      ['e', 2],
      ['a', 4],
      ['f', 5],
      ['b', null],
    ]);
  });
  it('lower is better', () => {
    const out = rank([{ key: 'a', value: 3 }, { key: 'b', value: 1 }, { key: 'c', value: 1 }], false);
    expect(out.map((e) => [e.key, e.rank])).toEqual([['b', 1], ['c', 1], ['a', 3]]);
  });
  it('ties on the printed figure when decimals are given', () => {
    const entries = [{ key: 'a', value: '12.34' }, { key: 'b', value: '12.26' }];
    expect(rank(entries).map((e) => e.rank)).toEqual([1, 2]);
    expect(rank(entries, true, { decimals: 1 }).map((e) => e.rank)).toEqual([1, 1]);
  });
  it('keeps extra fields and handles empty input', () => {
    expect(rank([{ key: 'x', value: 1, name: '徐庄镇' }])[0]).toEqual({ key: 'x', value: 1, name: '徐庄镇', rank: 1 });
    expect(rank([])).toEqual([]);
  });
  it('property: permutation-consistent; rank = 1 + number strictly better', () => {
    const entries = fc
      .array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 12 })
      .map((values) => values.map((value, i) => ({ key: `u${i}`, value })));
    const withShuffle = entries.chain((es) =>
      fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length })),
    );
    fc.assert(
      fc.property(withShuffle, fc.boolean(), ([es, shuffled], hib) => {
        const byKey = (xs: ReturnType<typeof rank>) => Object.fromEntries(xs.map((x) => [x.key, x.rank]));
        const ranks = byKey(rank(es, hib));
        expect(byKey(rank(shuffled, hib))).toEqual(ranks);
        for (const e of es) {
          if (e.value === null) expect(ranks[e.key]).toBeNull();
          else {
            const v = e.value;
            const better = es.filter((o) => o.value !== null && (hib ? o.value > v : o.value < v));
            expect(ranks[e.key]).toBe(better.length + 1);
          }
        }
      }),
    );
  });
});

describe('rankChange', () => {
  it('+n moved up, -n moved down, 0 same, null new or unranked', () => {
    const previous = [
      { key: 'a', rank: 1 },
      { key: 'b', rank: 4 },
      { key: 'c', rank: 2 },
      { key: 'e', rank: null },
    ];
    const current = [
      { key: 'b', rank: 1 },
      { key: 'a', rank: 2 },
      { key: 'c', rank: 2 },
      { key: 'd', rank: 4 },
      { key: 'e', rank: 5 },
      { key: 'f', rank: null },
    ];
    expect(rankChange(current, previous)).toEqual({ b: 3, a: -1, c: 0, d: null, e: null, f: null });
  });
});
