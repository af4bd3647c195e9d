import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec } from '../../shared/decimal';
import { lead, rankScores, scoreScheme, totalSummary, type Scheme, type SchemeItem, type UnitInput } from './scoring';

const revenue: SchemeItem = { key: 'rev', name: '一般公共预算收入', kind: 'indicator_completion', weight: 10, expectedShare: 50 };

describe('indicator_completion', () => {
  it('explains a capped score exactly', () => {
    const [s] = scoreScheme({ items: [revenue] }, [{ unit: '金龙湖街道', inputs: { rev: { actual: '18.60', target: '30' } } }]);
    expect(s!.items[0]).toEqual({
      key: 'rev',
      name: '一般公共预算收入',
      kind: 'indicator_completion',
      raw: '62.0',
      rate: '1.2000',
      points: '12.00',
      explanation: '一般公共预算收入完成率62.0%，序时进度50.0%，得分率1.20（封顶），得12.00分',
    });
    expect(s!.total).toBe('12.00');
    expect(s!.summary).toBe('基础分12.00分，为1个考核项按权重得分之和（满分10分）；一般公共预算收入得分率1.20（封顶1.2），完成快于序时进度，得分超过权重，合计多得2.00分；总分12.00分');
  });
  it('uncapped, floored, overridden expected share, missing data', () => {
    const items: SchemeItem[] = [{ ...revenue, cap: '1.0', floor: '0.6' }];
    const out = scoreScheme({ items }, [
      { unit: 'a', inputs: { rev: { actual: '45', target: '100' } } },
      { unit: 'b', inputs: { rev: { actual: '10', target: '100' } } },
      { unit: 'c', inputs: { rev: { actual: '45', target: '100', expectedShare: '40' } } },
      { unit: 'd', inputs: {} },
    ]);
    expect(out.map((s) => s.items[0]!.explanation)).toEqual([
      '一般公共预算收入完成率45.0%，序时进度50.0%，得分率0.90，得9.00分',
      '一般公共预算收入完成率10.0%，序时进度50.0%，得分率0.60（保底），得6.00分',
      '一般公共预算收入完成率45.0%，序时进度40.0%，得分率1.00（封顶），得10.00分',
      '一般公共预算收入无目标或未报数，得0.00分',
    ]);
  });
  it('rate to 4 decimals so the sheet can be checked by hand', () => {
    const [s] = scoreScheme({ items: [{ ...revenue, expectedShare: '49.59' }] }, [{ unit: 'a', inputs: { rev: { actual: 55, target: 100 } } }]);
    // 55.0 / 49.6 = 1.10887… → 1.1089; 10 × 1.1089 = 11.089 → 11.09
    expect(s!.items[0]!.explanation).toBe('一般公共预算收入完成率55.0%，序时进度49.6%，得分率1.1089，得11.09分');
  });
  it('nothing expected yet gives full rate; lower-is-better judged against 100%', () => {
    const [early] = scoreScheme({ items: [{ ...revenue, expectedShare: 0 }] }, [{ unit: 'a', inputs: { rev: { actual: 0, target: 10 } } }]);
    expect(early!.items[0]!.points).toBe('10.00');
    const energy: SchemeItem = { key: 'en', name: '单位能耗', kind: 'indicator_completion', weight: 5, lowerIsBetter: true };
    const [e] = scoreScheme({ items: [energy] }, [{ unit: 'a', inputs: { en: { actual: '0.45', target: '0.5' } } }]);
    expect(e!.items[0]!.explanation).toBe('单位能耗完成率110.0%，序时进度100.0%，得分率1.10，得5.50分');
  });
  it('needs an expected share', () => {
    const { expectedShare: _omit, ...noExpected } = revenue as SchemeItem & { expectedShare?: number };
    expect(() => scoreScheme({ items: [noExpected as SchemeItem] }, [{ unit: 'a', inputs: { rev: { actual: 1, target: 2 } } }])).toThrow();
  });
});

describe('growth_rank', () => {
  const growth: SchemeItem = { key: 'g', name: '规上工业增加值增速', kind: 'growth_rank', weight: 5 };
  it('first gets the weight, each place below loses a step; printed ties share a place', () => {
    const out = scoreScheme({ items: [growth] }, [
      { unit: 'a', inputs: { g: { value: '12.34' } } },
      { unit: 'b', inputs: { g: { value: '15' } } },
      { unit: 'c', inputs: { g: { value: '12.26' } } },
      { unit: 'd', inputs: { g: { value: '-3' } } },
      { unit: 'e', inputs: { g: { value: null } } },
    ]);
    expect(out.map((s) => s.items[0]!.points)).toEqual(['4.00', '5.00', '4.00', '2.00', '0.00']);
    expect(out[0]!.items[0]!.explanation).toBe('规上工业增加值增速12.3%，列第2位，得4.00分');
    expect(out[4]!.items[0]!.explanation).toBe('规上工业增加值增速未报数，不参与排名，得0.00分');
  });
  it('configurable step and minimum', () => {
    const out = scoreScheme({ items: [{ ...growth, step: '2', minPoints: '1.5' }] }, [
      { unit: 'a', inputs: { g: { value: 3 } } },
      { unit: 'b', inputs: { g: { value: 2 } } },
      { unit: 'c', inputs: { g: { value: 1 } } },
    ]);
    expect(out.map((s) => s.items[0]!.points)).toEqual(['5.00', '3.00', '1.50']);
  });
});

describe('on-time kinds', () => {
  const scheme: Scheme = {
    items: [
      { key: 'm', name: '重大项目', kind: 'milestones_on_time', weight: 10 },
      { key: 't', name: '督办事项', kind: 'tasks_on_time', weight: 10 },
      { key: 'l', name: '安全隐患', kind: 'loops_closed', weight: 10, whenNone: '0.8' },
    ],
  };
  it('ratio × weight, with wording per kind', () => {
    const [s] = scoreScheme(scheme, [{ unit: 'a', inputs: { m: { done: 8, total: 10 }, t: { done: 2, total: 3 }, l: { done: 9, total: 12 } } }]);
    expect(s!.items.map((i) => i.explanation)).toEqual([
      '重大项目按时完成节点8个/共10个，按时率80.0%，得8.00分',
      '督办事项按时完成任务2项/共3项，按时率66.7%，得6.67分',
      '安全隐患闭环销号9个/共12个，销号率75.0%，得7.50分',
    ]);
    expect(s!.base).toBe('22.17');
  });
  it('no items: full points unless configured', () => {
    const [s] = scoreScheme(scheme, [{ unit: 'a', inputs: {} }]);
    expect(s!.items.map((i) => i.explanation)).toEqual([
      '重大项目无到期节点，得满分10.00分',
      '督办事项无到期任务，得满分10.00分',
      '安全隐患无待销号问题，得分率0.80，得8.00分',
    ]);
  });
  it('rejects impossible counts', () => {
    expect(() => scoreScheme(scheme, [{ unit: 'a', inputs: { m: { done: 3, total: 2 } } }])).toThrow();
    expect(() => scoreScheme(scheme, [{ unit: 'a', inputs: { m: { done: -1, total: 2 } } }])).toThrow();
  });
});

// The words the explanations are made of: each may appear once in a sentence (name included).
const TERMS = ['完成率', '序时进度', '得分率', '按时完成', '按时率', '闭环销号', '销号率', '列第', '未报数', '任务', '节点'];
// Names a supervisor might give an item, built from realistic pieces (some end as the phrase begins).
const PIECES = ['一般公共预算收入', '税收', '规上工业增加值', '重点', '督办', '任务', '节点', '问题', '按时完成', '按时完成任务', '按时完成率', '完成', '完成率', '闭环销号', '销号', '销号率', '增速', '指标12'];
const itemName = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
const once = (text: string, term: string) => text.split(term).length - 1 <= 1;
const stutter = /([\u4e00-\u9fff]{2,})\1/;

describe('explanations say no word twice', () => {
  it('the bug of the issue: 按时完成按时完成任务, 完成率完成率', () => {
    const [s] = scoreScheme(
      { items: [{ key: 't', name: '督办任务按时完成', kind: 'tasks_on_time', weight: 60 }, { key: 'r', name: '税收完成率', kind: 'indicator_completion', weight: 40, expectedShare: 50 }] },
      [{ unit: 'a', inputs: { t: { done: 2, total: 3 }, r: { actual: 36.05, target: 50 } } }],
    );
    expect(s!.items.map((i) => i.explanation)).toEqual(['督办任务按时完成2项/共3项，按时率66.7%，得40.00分', '税收完成率72.1%，序时进度50.0%，得分率1.20（封顶），得48.00分']);
  });

  it('joins a name and its phrase without saying the overlap twice, but never merges digits', () => {
    expect(lead('按时完成', ['按时完成任务', '3项'])).toBe('按时完成任务3项');
    expect(lead('收入完成', ['完成率', '62.0%'])).toBe('收入完成率62.0%');
    expect(lead('指标12', ['', '12.3%'])).toBe('指标1212.3%');
  });

  it('for any item name of any kind, in every outcome', () => {
    const kinds = ['indicator_completion', 'growth_rank', 'milestones_on_time', 'tasks_on_time', 'loops_closed'] as const;
    fc.assert(
      fc.property(itemName, fc.constantFrom(...kinds), fc.nat(5), fc.nat(5), fc.boolean(), (name, kind, done, more, missing) => {
        // (A name that would stutter with the term glued on, e.g. "X完成X" + "完成率", is no real item name.)
        fc.pre(!stutter.test(name) && !stutter.test(`${name}完成率`) && TERMS.every((t) => once(name, t)));
        const item = { key: 'k', name, kind, weight: 10, expectedShare: 50 } as SchemeItem;
        const input = missing ? {} : { actual: done * 10, target: 50, value: done, done, total: done + more };
        const [s] = scoreScheme({ items: [item] }, [{ unit: 'a', inputs: { k: input } }, { unit: 'b', inputs: { k: { value: 1 } } }]);
        const text = s!.items[0]!.explanation;
        expect(text.startsWith(name.slice(0, 2))).toBe(true);
        expect(text).not.toMatch(stutter);
        for (const t of TERMS) expect({ text, term: t, once: once(text, t) }).toEqual({ text, term: t, once: true });
      }),
      { numRuns: 400 },
    );
  });
});

describe('the total explains itself', () => {
  it('says which items went past their weight and their cap when the base passes the full marks', () => {
    expect(
      totalSummary(
        [
          { name: '一般公共预算收入', rate: '1.2000', weight: '30', cap: '1.2' },
          { name: '规上工业增加值', rate: '1.1653', weight: '30', cap: '1.2' },
          { name: '督办任务', rate: '0.9000', weight: '40' },
        ],
        { base: '106.96', adjustment: '-2.00', total: '104.96' },
      ),
    ).toBe('基础分106.96分，为3个考核项按权重得分之和（满分100分）；一般公共预算收入得分率1.20（封顶1.2）、规上工业增加值得分率1.1653（封顶1.2），完成快于序时进度，得分超过权重，合计多得6.96分；加减分-2.00分；总分104.96分');
  });
});

describe('adjustments and totals', () => {
  it('bonus and deduction with reasons; total = sum of printed item points + adjustments', () => {
    const [s] = scoreScheme({ items: [revenue] }, [
      {
        unit: 'a',
        inputs: { rev: { actual: 50, target: 100 } },
        adjustments: [
          { points: 2, reason: '获省级表彰' },
          { points: '-1.5', reason: '发生一般安全生产事故' },
        ],
      },
    ]);
    expect(s!.adjustments.map((a) => a.explanation)).toEqual(['加分：获省级表彰，+2.00分', '扣分：发生一般安全生产事故，-1.50分']);
    expect([s!.base, s!.adjustment, s!.total]).toEqual(['10.00', '0.50', '10.50']);
    expect(s!.summary).toBe('基础分10.00分，为1个考核项按权重得分之和（满分10分）；加减分+0.50分；总分10.50分');
  });
  it('rejects duplicate keys, duplicate units and negative weights', () => {
    expect(() => scoreScheme({ items: [revenue, revenue] }, [])).toThrow();
    expect(() => scoreScheme({ items: [{ ...revenue, weight: -1 }] }, [])).toThrow();
    expect(() => scoreScheme({ items: [revenue] }, [{ unit: 'a', inputs: {} }, { unit: 'a', inputs: {} }])).toThrow();
  });
});

describe('rankScores and the red flag', () => {
  it('competition ranking; a unique top gets the flag', () => {
    const out = rankScores([
      { unit: 'a', total: '88.50' },
      { unit: 'b', total: '91.20' },
      { unit: 'c', total: '88.5' },
      { unit: 'd', total: null },
    ]);
    expect(out.map((r) => [r.unit, r.rank, r.redFlag])).toEqual([
      ['b', 1, true],
      ['a', 2, false],
      ['c', 2, false],
      ['d', null, false],
    ]);
  });
  it('tied tops all get the flag by default; none under unique_only', () => {
    const tied = [{ unit: 'a', total: '90.00' }, { unit: 'b', total: '90' }, { unit: 'c', total: '80' }];
    expect(rankScores(tied).map((r) => r.redFlag)).toEqual([true, true, false]);
    expect(rankScores(tied, { redFlag: 'unique_only' }).map((r) => r.redFlag)).toEqual([false, false, false]);
    expect(rankScores([])).toEqual([]);
  });
});

// ---------------------------------------------------------------- properties

const cents = fc.integer({ min: 0, max: 20_000 }).map((n) => (n / 100).toFixed(2));

/** Integer weights summing to 100 over 1–6 items of any kind. */
const schemeArb = (cap: string) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 5 })
    .chain((cuts) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b), 100];
      const weights = points.slice(1).map((p, i) => p - points[i]!);
      return fc.tuple(...weights.map((w, i) => itemArb(`i${i}`, w, cap)));
    })
    .map((items): Scheme => ({ items }));

const itemArb = (key: string, weight: number, cap: string): fc.Arbitrary<SchemeItem> =>
  fc.oneof(
    fc.record({ floor: fc.constantFrom('0', '0.5'), expectedShare: fc.integer({ min: 0, max: 100 }) }).map(
      (c): SchemeItem => ({ key, name: key, weight, kind: 'indicator_completion', cap, floor: c.floor, expectedShare: c.expectedShare }),
    ),
    fc.constant<SchemeItem>({ key, name: key, weight, kind: 'growth_rank', step: '3' }),
    fc.constantFrom('milestones_on_time' as const, 'tasks_on_time' as const, 'loops_closed' as const).map(
      (kind): SchemeItem => ({ key, name: key, weight, kind }),
    ),
  );

const unitInputsArb = (scheme: Scheme, n: number) =>
  fc.array(
    fc.tuple(...scheme.items.map(() => fc.record({ actual: cents, target: cents, value: cents, total: fc.nat(20), frac: fc.double({ min: 0, max: 1, noNaN: true }) }))),
    { minLength: n, maxLength: n },
  ).map((rows) =>
    rows.map(
      (row, u): UnitInput => ({
        unit: `u${u}`,
        inputs: Object.fromEntries(
          scheme.items.map((item, k) => {
            const r = row[k]!;
            return [item.key, { actual: r.actual, target: r.target, value: r.value, total: r.total, done: Math.floor(r.frac * r.total) }];
          }),
        ),
      }),
    ),
  );

describe('properties', () => {
  it('weights summing to 100 with cap 1.0 give a base within 0..100', () => {
    const arb = schemeArb('1.0').chain((s) => fc.tuple(fc.constant(s), unitInputsArb(s, 4)));
    fc.assert(
      fc.property(arb, ([scheme, units]) => {
        for (const s of scoreScheme(scheme, units)) {
          expect(dec(s.base).gte(0) && dec(s.base).lte(100)).toBe(true);
        }
      }),
    );
  });
  it('with cap 1.2 the base stays within 0..120', () => {
    const arb = schemeArb('1.2').chain((s) => fc.tuple(fc.constant(s), unitInputsArb(s, 3)));
    fc.assert(
      fc.property(arb, ([scheme, units]) => {
        for (const s of scoreScheme(scheme, units)) expect(dec(s.base).gte(0) && dec(s.base).lte(120)).toBe(true);
      }),
    );
  });
  it('raising a unit’s actual (and growth value) never lowers its score', () => {
    const arb = schemeArb('1.2').chain((s) =>
      fc.tuple(fc.constant(s), unitInputsArb(s, 4), fc.nat(3), fc.integer({ min: 0, max: 10_000 })),
    );
    fc.assert(
      fc.property(arb, ([scheme, units, who, raise]) => {
        const before = scoreScheme(scheme, units)[who]!;
        const raised = units.map((u, i) =>
          i !== who
            ? u
            : {
                ...u,
                inputs: Object.fromEntries(
                  Object.entries(u.inputs).map(([k, v]) => [
                    k,
                    { ...v, actual: dec(v!.actual!).plus(raise / 100).toFixed(2), value: dec(v!.value!).plus(raise / 100).toFixed(2) },
                  ]),
                ),
              },
        );
        const after = scoreScheme(scheme, raised)[who]!;
        expect(dec(after.total).gte(before.total)).toBe(true);
      }),
    );
  });
  it('ranking is permutation-consistent and flags exactly the rank-1 units', () => {
    const scores = fc
      .array(fc.option(fc.integer({ min: 0, max: 50 }).map((n) => (n * 2.5).toFixed(2)), { nil: null }), { maxLength: 10 })
      .map((ts) => ts.map((total, i) => ({ unit: `u${i}`, total })));
    const arb = scores.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })));
    fc.assert(
      fc.property(arb, ([s, shuffled]) => {
        const byUnit = (xs: ReturnType<typeof rankScores>) => Object.fromEntries(xs.map((x) => [x.unit, [x.rank, x.redFlag]]));
        const a = rankScores(s);
        expect(byUnit(rankScores(shuffled))).toEqual(byUnit(a));
        for (const r of a) expect(r.redFlag).toBe(r.rank === 1);
        const ranks = a.map((r) => r.rank).filter((r): r is number => r !== null);
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      }),
    );
  });
});
