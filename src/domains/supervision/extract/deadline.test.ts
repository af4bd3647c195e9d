import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlinesOf, type DeadlineContext } from './deadline';
import { detectDocumentDate } from './dates';
import { extractRules } from './index';
import { normalize } from './sentences';

const ctx = { year: 2022, date: '2022-08-14' };
const one = (s: string, c: DeadlineContext = ctx) => {
  const d = deadlinesOf(s, c);
  return d.length > 0 ? { date: d[0]!.date, rule: d[0]!.rule, phrase: d[0]!.phrase } : null;
};

describe('deadline phrases', () => {
  it.each([
    ['积极搭建创新平台，8月底前完成江苏汇智高端工程机械创新中心建设', '2022-08-31', 'deadline:month-end', '8月底前'],
    ['8月底完成', '2022-08-31', 'deadline:month-end', '8月底'],
    ['10月底前将“e窗”平台应用范围拓展至450项', '2022-10-31', 'deadline:month-end', '10月底前'],
    ['二月底前完成', '2022-02-28', 'deadline:month-end', '二月底前'],
    ['十二月末前完成', '2022-12-31', 'deadline:month-end', '十二月末前'],
    ['9月30日前完成', '2022-09-30', 'deadline:date', '9月30日前'],
    ['9月中旬前完成', '2022-09-20', 'deadline:dekad', '9月中旬前'],
    ['年内创建国家制造业创新中心', '2022-12-31', 'deadline:year-end', '年内'],
    ['年底前徐矿能源上市', '2022-12-31', 'deadline:year-end', '年底前'],
    ['确保实现当年开工、当年投产', '2022-12-31', 'deadline:year-end', '当年'],
    ['全年力争招引亿元以上项目3个', '2022-12-31', 'deadline:year-end', '全年'],
    ['今年完成', '2022-12-31', 'deadline:year-end', '今年'],
    ['三季度完成', '2022-09-30', 'deadline:quarter', '三季度'],
    ['第三季度末前完成', '2022-09-30', 'deadline:quarter', '第三季度末前'],
    ['确保上半年建成', '2022-06-30', 'deadline:half', '上半年'], // ended at the date: only a commitment dates it (round 10)
    ['下半年投产', '2022-12-31', 'deadline:half', '下半年'],
    ['确保2023年全区固定资产投资增长10%以上', '2023-12-31', 'deadline:year', '2023年'],
    ['2023年底前建成', '2023-12-31', 'deadline:year', '2023年底前'],
    ['明年底前建成', '2023-12-31', 'deadline:next-year', '明年底前'],
    ['冲刺100天', '2022-11-22', 'deadline:campaign', '冲刺100天'],
    ['大干一百天', '2022-11-22', 'deadline:campaign', '大干一百天'],
    ['30日内整改到位', '2022-09-13', 'deadline:within-days', '30日内'],
    ['三个月内完成', '2022-11-14', 'deadline:within-months', '三个月内'],
    ['明年上半年建成', '2023-06-30', 'deadline:half', '明年上半年'],
  ])('%s → %s', (text, date, rule, phrase) => {
    expect(one(text)).toEqual({ date, rule, phrase });
  });

  it.each([
    '做好下半年工作',
    '锚定全年目标任务',
    '确保完成全年各项目标任务',
    '抢抓三季度黄金窗口期',
    '总结今年以来工作',
    '宣读了全区二季度“三百”劳动竞赛考核结果',
    '就上半年工业经济进行通报',
    '紧紧围绕“冲刺100天、奋力保全年”的工作要求',
    '半年来的奋斗实绩',
    '五年内完成',
    '确保2021年完成', // earlier than the document year
  ])('no deadline in %s', (text) => {
    expect(deadlinesOf(text, ctx)).toEqual([]);
  });

  it('gives null dates for relative phrases when the year is unknown', () => {
    const d = deadlinesOf('8月底前完成，年内创建，冲刺100天', { year: null, date: null });
    expect(d.map((x) => x.date)).toEqual([null, null, null]);
    expect(deadlinesOf('2024年底前完成', { year: null, date: null })[0]!.date).toBe('2024-12-31');
  });

  it('campaign needs the document date', () => {
    expect(one('冲刺100天', { year: 2022, date: null })!.date).toBeNull();
  });

  it('every deadline produced is a valid ISO date in the document year or later (property)', () => {
    const phrase = fc.oneof(
      fc.integer({ min: 1, max: 12 }).map((m) => `${m}月底前`),
      fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([m, d]) => `${m}月${d}日前`),
      fc.integer({ min: 1, max: 4 }).map((q) => `第${'一二三四'[q - 1]}季度`),
      fc.constantFrom('年内', '年底前', '当年', '上半年', '下半年', '明年', '今年'),
      fc.integer({ min: 1990, max: 2060 }).map((y) => `${y}年底前`),
      fc.integer({ min: 1, max: 999 }).map((n) => `冲刺${n}天`),
      fc.integer({ min: 1, max: 999 }).map((n) => `${n}日内`),
    );
    const filler = fc.constantFrom('完成', '建成', '新增企业5家', '，', '；', '全力推进', '“冲刺”', '的');
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2050 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.array(fc.oneof(phrase, filler), { minLength: 1, maxLength: 12 }),
        (year, m, d, parts) => {
          const date = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          for (const h of deadlinesOf(parts.join(''), { year, date })) {
            if (h.date === null) continue;
            const [y, mo, da] = h.date.split('-').map(Number) as [number, number, number];
            const t = new Date(Date.UTC(y, mo - 1, da));
            if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== da) return false;
            if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date) || y < year) return false;
          }
          return true;
        },
      ),
    );
  });
});

describe('document date', () => {
  it('reads a full date', () => {
    expect(detectDocumentDate(normalize('成文日期: | 2021-08-24 | (2021年8月24日)'))).toMatchObject({ year: 2021, date: '2021-08-24' });
  });
  it('combines a month-day with the year found elsewhere', () => {
    const d = detectDocumentDate(normalize('7月15日下午，召开2023年上半年工作会议。2023-07-19 淮安日报'));
    expect(d).toMatchObject({ year: 2023, date: '2023-07-15' });
  });
  it('uses opts.year for a text with only a month-day', () => {
    expect(detectDocumentDate(normalize('8月14日上午，会议召开'), 2022)).toMatchObject({ year: 2022, date: '2022-08-14' });
    expect(detectDocumentDate(normalize('8月14日上午，会议召开'))).toMatchObject({ year: null, date: null });
  });
  it('falls back to the most frequent YYYY年', () => {
    expect(detectDocumentDate(normalize('确保2021年增长，2021年完成，2020年基础上')).year).toBe(2021);
  });
  it('does not take a deadline (9月30日前) as the document date', () => {
    expect(detectDocumentDate(normalize('9月30日前完成'), 2022).date).toBeNull();
  });
});

describe('governing deadline in extract', () => {
  it('splits a sentence into one task per own deadline', () => {
    const r = extractRules('积极搭建创新平台，8月底前完成江苏汇智高端工程机械创新中心建设，年内创建国家高端工程机械及核心零部件制造业创新中心；支持合作。', { year: 2022 });
    expect(r.items.map((i) => [i.text, i.deadline])).toEqual([
      ['积极搭建创新平台，8月底前完成江苏汇智高端工程机械创新中心建设', '2022-08-31'],
      ['年内创建国家高端工程机械及核心零部件制造业创新中心', '2022-12-31'],
    ]);
  });
  it('carries a deadline to later clauses of the same segment', () => {
    const r = extractRules('力争年内新增百亿元企业2家、十亿级企业8家，净增“四上”企业100家以上，形成一批标杆企业。', { year: 2022 });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.deadline).toBe('2022-12-31');
    expect(r.items[0]!.quantities.map((q) => q.value)).toEqual([2, 8, 100]);
  });
  it('picks the phrase nearest before the quantity', () => {
    const r = extractRules('确保一季度开门红、二季度快起势、三季度再提速、全年增长8%以上。', { year: 2021 });
    expect(r.items[0]!.deadline).toBe('2021-12-31');
  });
  it('does not carry a deadline across ；', () => {
    const r = extractRules('年内完成房屋征收130万平方米；力争新增总部企业20家。', { year: 2022 });
    expect(r.items.map((i) => i.deadline)).toEqual(['2022-12-31', null]);
  });
});
