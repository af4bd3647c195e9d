import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { round } from '../../shared/decimal';
import { completionText, figureClause, leadParagraph, type BulletinFigure } from './wording';

/** Seed 001's first paragraph, verbatim (half-width commas and semicolons, cut off with '……'). */
const SEED_001 =
  '今年上半年,完成一般公共预算收入18.56亿元、同比增长36.7%,税占比93.25%;新签约外资项目10个、计划总投资57.7亿元;预计完成进出口总额83.04亿元,其中出口57.6亿元、同比增长5.2%;新签约亿元以上项目49个、计划总投资280.63亿元……';

/** Official text uses full-width punctuation; the newspaper's copy did not, and was cut with '……'. */
const normalise = (s: string) => s.replace(/,/g, '，').replace(/;/g, '；').replace(/……$/, '。');

const seedFigures: BulletinFigure[] = [
  {
    verb: '完成',
    name: '一般公共预算收入',
    value: '18.56',
    unit: '亿元',
    kind: 'amount',
    yoy: '36.7',
    share: { name: '税占比', value: '93.25', decimals: 2 },
  },
  {
    verb: '新签约',
    name: '外资项目',
    value: 10,
    unit: '个',
    kind: 'count',
    related: [{ name: '计划总投资', value: '57.7', unit: '亿元', decimals: 1 }],
  },
  {
    verb: '预计完成',
    name: '进出口总额',
    value: '83.04',
    unit: '亿元',
    kind: 'amount',
    parts: [{ name: '出口', value: '57.6', unit: '亿元', decimals: 1, yoy: '5.2' }],
  },
  {
    verb: '新签约',
    name: '亿元以上项目',
    value: '49',
    unit: '个',
    kind: 'count',
    related: [{ name: '计划总投资', value: '280.63', unit: '亿元' }],
  },
];

describe('leadParagraph', () => {
  it('reproduces seed 001 exactly (after normalising its punctuation)', () => {
    expect(leadParagraph('上半年', seedFigures)).toBe(normalise(SEED_001));
    expect(leadParagraph('上半年', seedFigures)).toBe(
      '今年上半年，完成一般公共预算收入18.56亿元、同比增长36.7%，税占比93.25%；新签约外资项目10个、计划总投资57.7亿元；预计完成进出口总额83.04亿元，其中出口57.6亿元、同比增长5.2%；新签约亿元以上项目49个、计划总投资280.63亿元。',
    );
  });
  it('computes the printed figures from raw database values', () => {
    // revenue 18.5612, tax 17.3081 → 税占比 93.25%; growth from the raw values
    const raw: BulletinFigure = { ...seedFigures[0]!, value: '18.5612', yoy: '36.6602', share: { name: '税占比', value: '93.2489', decimals: 2 } };
    expect(figureClause(raw)).toBe('完成一般公共预算收入18.56亿元、同比增长36.7%，税占比93.25%');
  });
  it('period labels: bare ones get 今年 (or a year), dated ones stay', () => {
    const one = [seedFigures[1]!];
    expect(leadParagraph('1-10月', one)).toBe('今年1-10月，新签约外资项目10个、计划总投资57.7亿元。');
    expect(leadParagraph('一季度', one, { yearPrefix: '2023年' })).toMatch(/^2023年一季度，/);
    expect(leadParagraph('2023年上半年', one)).toMatch(/^2023年上半年，/);
    expect(leadParagraph('今年以来', one)).toMatch(/^今年以来，/);
    expect(leadParagraph('上半年', [])).toBe('');
  });
});

describe('figureClause', () => {
  it('completion against time progress', () => {
    const f: BulletinFigure = {
      verb: '完成',
      name: '一般公共预算收入',
      value: '18.56',
      unit: '亿元',
      kind: 'amount',
      yoy: '36.7',
      completion: '62.04',
      expectedShare: '50',
    };
    expect(figureClause(f)).toBe('完成一般公共预算收入18.56亿元、同比增长36.7%，完成全年目标的62.0%，快于序时进度12个百分点');
    expect(figureClause({ ...f, yoy: '-3.2', completion: '47.5' })).toBe(
      '完成一般公共预算收入18.56亿元、同比下降3.2%，完成全年目标的47.5%，慢于序时进度2.5个百分点',
    );
    expect(figureClause({ ...f, yoy: null, completion: '50', expectedShare: undefined })).toBe('完成一般公共预算收入18.56亿元，完成全年目标的50.0%');
  });
  it('ratios, several parts, no verb', () => {
    expect(figureClause({ name: '高新技术产业产值占比', value: '48.26', unit: '%', kind: 'ratio' })).toBe('高新技术产业产值占比48.3%');
    expect(
      figureClause({
        verb: '完成',
        name: '进出口总额',
        value: '83.04',
        unit: '亿元',
        kind: 'amount',
        parts: [
          { name: '出口', value: '57.6', unit: '亿元', decimals: 1, yoy: '5.2' },
          { name: '进口', value: '25.44', unit: '亿元', yoy: '-3' },
        ],
      }),
    ).toBe('完成进出口总额83.04亿元，其中出口57.6亿元、同比增长5.2%，进口25.44亿元、同比下降3.0%');
    expect(figureClause({ name: '实际使用外资', value: '4.7', unit: '亿美元', kind: 'amount', decimals: 1, yoy: 0 })).toBe('实际使用外资4.7亿美元、同比持平');
  });
});

describe('completionText', () => {
  it('property: the stated gap is the difference of the stated figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 10_000 }), (c, e) => {
        const s = completionText((c / 100).toFixed(2), (e / 100).toFixed(2));
        const m = /^完成全年目标的([\d.]+)%，(?:(快于|慢于)序时进度([\d.]+)个百分点|与序时进度持平)$/.exec(s);
        expect(m).not.toBeNull();
        const printedC = Number(m![1]);
        const printedE = Number(round((e / 100).toFixed(2), 1));
        const gap = m![2] ? (m![2] === '快于' ? 1 : -1) * Number(m![3]) : 0;
        expect(Math.abs(printedC - printedE - gap)).toBeLessThan(1e-9);
      }),
    );
  });
});
