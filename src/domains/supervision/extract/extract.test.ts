import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentYear, extractRules, type ExtractedItem } from './index';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/extract/', import.meta.url));
const seed = (id: string) => readFileSync(`${fixtures}${id}.txt`, 'utf8');
const find = (items: ExtractedItem[], s: string) => items.find((i) => i.text.includes(s));

describe('extract: API and invariants', () => {
  const texts = ['000', '001', '002', '003', '004'].map(seed);

  it('keeps offsets: text === source.slice(start, end) for every item', () => {
    for (const t of texts) {
      for (const i of extractRules(t, { year: 2022 }).items) {
        expect(t.slice(i.start, i.end)).toBe(i.text);
        expect(i.rules.length).toBeGreaterThan(0);
      }
    }
  });

  it('is deterministic', () => {
    for (const t of texts) expect(extractRules(t)).toEqual(extractRules(t));
  });

  it('documentYear is the year extraction reads, given or not', () => {
    const plain = ['', '同志们，要团结奋斗、勇毅前行。', '2019年12月26日，区委经济工作会议召开。明年要新开工项目20个。'];
    for (const t of [...texts, ...plain]) {
      for (const opts of [{}, { year: 2022 }, { date: '2018-12-26' }, { year: 2019, date: '2018-12-26' }]) {
        expect(documentYear(t, opts)).toBe(extractRules(t, opts).year);
      }
    }
  });

  it('handles empty and plain text', () => {
    expect(extractRules('')).toEqual({ year: null, items: [] });
    expect(extractRules('同志们，要团结奋斗、勇毅前行。').items).toEqual([]);
  });

  it('produces a result for a ~100 KB document', () => {
    let big = '';
    while (big.length < 40_000) big += texts.join('\n\n'); // ≥ 100 KB in UTF-8
    expect(Buffer.byteLength(big, 'utf8')).toBeGreaterThan(100_000);
    const r = extractRules(big, { year: 2022 });
    // the seeds repeated: a project named again is counted once, so not every copy adds items
    expect(r.items.length).toBeGreaterThan(90);
  });
});

describe('extract: seed 003 (2022, meeting 8月14日)', () => {
  const r = extractRules(seed('003'), { year: 2022 });

  it('dated tasks', () => {
    expect(find(r.items, '积极搭建创新平台，8月底前完成江苏汇智高端工程机械创新中心建设')).toMatchObject({
      kind: 'task', deadline: '2022-08-31', deadlinePhrase: '8月底前',
    });
    const e = find(r.items, '“e窗”平台应用范围拓展至450项')!;
    expect(e.deadline).toBe('2022-10-31');
    expect(e.quantities).toEqual([{ value: 450, unit: '项', label: expect.stringContaining('应用范围'), atLeast: false }]);
    expect(e.rules).toEqual(expect.arrayContaining(['deadline:month-end', 'quantity:measure-word']));
    expect(find(r.items, '年内创建国家高端工程机械')!.deadline).toBe('2022-12-31');
    // rallying calls name the campaign and a generic object: not tasks
    expect(find(r.items, '决战冲刺100天')).toBeUndefined();
    expect(find(r.items, '冲刺100天、奋力保全年')).toBeUndefined();
  });

  it('projects with investment', () => {
    const projects = r.items.flatMap((i) => (i.project ? [i.project] : []));
    expect(projects).toEqual([
      { name: '弘元新材料光伏基地', investment: { value: 120, unit: '亿元' } },
      { name: '中能4.6万吨颗粒硅', investment: { value: 4.7, unit: '亿美元' } },
      { name: '金阳硅业异质结基体材料', investment: { value: 6, unit: '亿美元' } },
    ]);
  });

  it('counts', () => {
    const it1 = find(r.items, '新增百亿元企业2家')!;
    expect(it1.quantities).toEqual([
      { value: 2, unit: '家', label: '新增百亿元企业', atLeast: false, aspirational: true },
      { value: 8, unit: '家', label: '十亿级企业', atLeast: false, aspirational: true },
      { value: 100, unit: '家', label: '净增“四上”企业', atLeast: true, aspirational: true },
    ]);
    const ms = find(r.items, '79件民生实事')!;
    expect(ms.quantities.map((q) => [q.value, q.unit])).toEqual([[6.7, '亿元'], [79, '件']]);
    expect(find(r.items, '130万平方米房屋征收')!.quantities[0]).toMatchObject({ value: 130, unit: '万平方米' });
  });
});

describe('extract: results (seed 001)', () => {
  const r = extractRules(seed('001'));

  it('reads the year and the bulletin figures', () => {
    expect(r.year).toBe(2023);
    const rev = r.items.find((i) => i.indicator === '一般公共预算收入')!;
    expect(rev).toMatchObject({ kind: 'result', yoy: 36.7, period: 'H1', deadline: null });
    expect(rev.quantities).toEqual([{ value: 18.56, unit: '亿元', label: '一般公共预算收入', atLeast: false }]);
    expect(r.items.find((i) => i.indicator === '税占比')!.quantities[0]).toMatchObject({ value: 93.25, unit: '%' });
    expect(r.items.find((i) => i.indicator === '出口')).toMatchObject({ yoy: 5.2 });
    expect(r.items.filter((i) => i.kind === 'result')).toHaveLength(8);
  });

  it('gives a negative yoy for 同比下降', () => {
    const x = extractRules('1-6月，完成规上工业增加值120.5亿元、同比下降3.2%。');
    expect(x.items[0]).toMatchObject({ kind: 'result', indicator: '规上工业增加值', yoy: -3.2, period: '1-6月' });
  });
});

describe('extract: units', () => {
  it('takes a heading line as the unit of the items under it (seed 000)', () => {
    const r = extractRules(seed('000'), { year: 2022 });
    expect(find(r.items, '45个重大产业项目')!.units).toEqual(['大庙街道']);
    expect(find(r.items, '力争新增总部企业20家')!.units).toEqual(['金山桥街道']);
    expect(find(r.items, '22个城建重点工程')!.units).toEqual(['徐庄镇']);
  });

  it('takes the speaker of a paragraph (seed 002)', () => {
    const r = extractRules(seed('002'));
    expect(find(r.items, '13个在建续建项目')!.units).toEqual(['大村镇']);
  });

  it('adds opts.units named in the text, by full or unambiguous short name', () => {
    const units = ['大庙街道', '金山桥街道', '经发局', '东环街道', '东环路社区'];
    const r = extractRules('年内大庙、经发局共同完成金山桥片区房屋征收30万平方米，东环完成5处。', { year: 2022, units });
    const [a, b] = r.items;
    expect(a!.units).toEqual(['经发局', '大庙街道', '金山桥街道']);
    // 东环 is ambiguous (东环街道 / 东环路社区): not matched
    expect(b?.units ?? []).toEqual([]);
  });

  it('matches a heading by a known unit name', () => {
    const r = extractRules('徐庄镇\n\n力争新增总部企业20家。', { units: ['徐庄镇'] });
    expect(r.items[0]!.units).toEqual(['徐庄镇']);
  });
});

describe('extract: year handling', () => {
  it('reads the year from the text, or leaves relative deadlines null', () => {
    expect(extractRules(seed('004')).year).toBe(2021);
    const r = extractRules(seed('003'));
    expect(r.year).toBeNull();
    const t = find(r.items, '8月底前完成江苏汇智')!;
    expect(t.deadline).toBeNull();
    expect(t.deadlinePhrase).toBe('8月底前');
    expect(t.rules).toContain('deadline:year-unknown');
  });

  it('uses an explicit year in the phrase even when the document year is unknown', () => {
    const r = extractRules('确保2025年底前建成投产。');
    expect(r.items[0]!.deadline).toBe('2025-12-31');
  });
});

describe('extract: further rules', () => {
  it('attaches a milestone deadline to the project before it', () => {
    const r = extractRules('全力推进总投资35亿元的华润电力二期项目，力争10月底前开工建设；年底前完成投资8亿元。', { year: 2024 });
    expect(r.items[0]).toMatchObject({
      deadline: '2024-10-31',
      project: { name: '华润电力二期', investment: { value: 35, unit: '亿元' } },
      quantities: [],
    });
    expect(r.items[1]!.quantities).toEqual([{ value: 8, unit: '亿元', label: '投资', atLeast: false }]);
  });

  it('does not count thresholds or time limits', () => {
    const r = extractRules('力争全年招引亿元以上项目不少于30个，其中10亿元以上项目5个。各街道要在30日内完成隐患整改。', { year: 2024 });
    expect(r.items.flatMap((i) => i.quantities.map((q) => `${q.value}${q.unit}`))).toEqual(['30个', '5个']);
  });

  it('does not count a project investment stated after the name', () => {
    const r = extractRules('经发局将牵头推进智能制造产业园项目，总投资18亿元，力争11月中旬前签约。', { year: 2024 });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ quantities: [], deadline: '2024-11-20', project: { name: '智能制造产业园' } });
  });
});
