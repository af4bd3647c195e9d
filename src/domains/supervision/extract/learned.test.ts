import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { applyModel, bucket, candidates, probability, type Candidate, type Model } from './learned';
import { extract, extractWith } from './index';
import { normalize, quoteMask, segment } from './sentences';
import { loadCorpus } from './corpus';
import { MODEL } from './model';
import type { ExtractedItem } from './types';

/** A model whose every bucket weighs `w` (bits 2: four buckets). */
function flat(w: number, thresholds = { keep: 0.5, add: 0.5 }): Model {
  const bytes = btoa(String.fromCharCode(...new Uint8Array(Int8Array.from([w, w, w, w]).buffer)));
  return { bits: 2, scale: 1, thresholds, weights: { keep: bytes, add: bytes } };
}

function task(source: string, text: string, deadline: string | null, rules: string[] = []): ExtractedItem {
  const start = source.indexOf(text);
  return { kind: 'task', text, start, end: start + text.length, units: [], deadline, quantities: [], project: null, rules };
}

describe('the learned pass', () => {
  it('hashes a feature to the same bucket every time, inside the table', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 20 }), (f, bits) => {
      const b = bucket(f, bits);
      return b === bucket(f, bits) && b >= 0 && b < 2 ** bits;
    }));
  });

  it('reads a probability off the summed weights of the features', () => {
    const c: Candidate = { head: 'add', features: ['a', 'b', 'c'], item: null, start: 0, end: 1, date: '2022-12-31' };
    expect(probability(flat(1), c)).toBeCloseTo(1 / (1 + Math.exp(-3)));
    expect(probability(flat(-1), c)).toBeCloseTo(1 / (1 + Math.exp(3)));
  });

  it('drops a doubtful date but keeps the item and its figures; a pledged date stays', () => {
    const source = '新增企业5家。确保新增企业8家。';
    const doubtful = { ...task(source, '新增企业5家', '2022-12-31', ['deadline:year']), quantities: [{ value: 5, unit: '家', label: '企业', atLeast: false }], deadlinePhrase: '今年' };
    const pledged = task(source, '确保新增企业8家', '2022-12-31', ['deadline:year']);
    const items = [doubtful, pledged];
    const keep = (it: ExtractedItem): Candidate => ({ head: 'keep', features: ['x'], item: it, start: it.start, end: it.end, date: it.deadline! });
    applyModel(flat(-3), [keep(doubtful), keep(pledged)], items, source, () => []);
    expect(doubtful).toMatchObject({ deadline: null, rules: ['deadline:learned-drop'] });
    expect(doubtful.quantities).toHaveLength(1);
    expect(doubtful.deadlinePhrase).toBeUndefined();
    expect(pledged.deadline).toBe('2022-12-31');
  });

  it('dates a segment: its undated task, widened to the segment, or a new task in text order', () => {
    const source = '一、新建公办幼儿园3所；\n二、清理中心城区路名牌。\n三、新增停车位800个。';
    const first = task(source, '新建公办幼儿园3所', null);
    const third = task(source, '新增停车位800个', '2022-12-31');
    const items = [first, third];
    const seg = (text: string, item: ExtractedItem | null): Candidate => {
      const start = source.indexOf(text);
      return { head: 'add', features: ['x'], item, start, end: start + text.length, date: '2022-12-31' };
    };
    applyModel(flat(3), [seg('一、新建公办幼儿园3所；', first), seg('\n二、清理中心城区路名牌。', null)], items, source, () => ['某局']);
    expect(items.map((i) => [i.text, i.deadline, i.rules])).toEqual([
      ['一、新建公办幼儿园3所', '2022-12-31', ['deadline:learned']],
      ['二、清理中心城区路名牌', '2022-12-31', ['deadline:learned']],
      ['新增停车位800个', '2022-12-31', []],
    ]);
    expect(items[1]).toMatchObject({ kind: 'task', units: ['某局'], lead: '某局', quantities: [], project: null });
    for (const it of items) expect(source.slice(it.start, it.end)).toBe(it.text);
  });

  it('asks nothing without a year, and never dates a segment at a year already ended', () => {
    const text = '2021年主要目标：\n新建公办幼儿园3所。';
    const norm = normalize(text);
    const paras = segment(norm, quoteMask(norm));
    expect(candidates(norm, paras, [], null, null)).toEqual([]);
    expect(candidates(norm, paras, [], 2021, '2022-03-01').filter((c) => c.head === 'add')).toEqual([]);
    expect(candidates(norm, paras, [], 2021, '2021-03-01').filter((c) => c.head === 'add').length).toBeGreaterThan(0);
  });

  it('never asks about a segment without words (an item number standing alone, "2。")', () => {
    const text = '2024年重点任务\n1。开通地铁线路。\n2。\n新开公交线路80条。';
    const norm = normalize(text);
    const paras = segment(norm, quoteMask(norm));
    const asked = candidates(norm, paras, [], 2024, '2024-02-01').filter((c) => c.head === 'add').map((c) => norm.slice(c.start, c.end).replace(/[；。\n]/g, ''));
    expect(asked).toEqual(['开通地铁线路', '新开公交线路80条']);
  });

  it('never asks about a report of an earlier year, a short heading or the title line', () => {
    const text = '2022年开发区重点工作及责任清单（第一批）\n2022年目标任务\n2021年，全区生产总值实现95.6亿元；新建公办幼儿园3所。';
    const norm = normalize(text);
    const paras = segment(norm, quoteMask(norm));
    const asked = candidates(norm, paras, [], 2022, '2022-02-01').filter((c) => c.head === 'add').map((c) => norm.slice(c.start, c.end).replace(/[；。\n]/g, ''));
    expect(asked).toEqual(['新建公办幼儿园3所']);
  });

  it('never asks about a target over several years (年均, 今后五年, 三年内): it is not due at one year\'s end', () => {
    const text = '2017年主要目标：\n地区生产总值年均增长7.5%以上；今后五年建成地铁3条；三年内完成棚改10万户；新建公办幼儿园3所。';
    const norm = normalize(text);
    const paras = segment(norm, quoteMask(norm));
    const asked = candidates(norm, paras, [], 2017, '2017-02-01').filter((c) => c.head === 'add').map((c) => norm.slice(c.start, c.end).replace(/[；。\n]/g, ''));
    expect(asked).toEqual(['新建公办幼儿园3所']);
  });

  it('is the rules alone when no model is given', () => {
    const text = '今年将办好十件实事。\n1.新建公办幼儿园3所。';
    expect(extractWith(text, { year: 2022 }, null).result.items.some((i) => i.rules.some((r) => r.includes('learned')))).toBe(false);
  });

  it('on every corpus text, dates only at a plan year’s end not before the document’s date, with the text in the source', () => {
    expect(MODEL).not.toBeNull();
    const corpus = loadCorpus(join(__dirname, '../../../../test/fixtures/extract/corpus'));
    let learned = 0;
    for (const c of corpus) {
      const r = extract(c.text, c.expected.options ?? {});
      for (const it of r.items) {
        expect(c.text.slice(it.start, it.end), c.name).toBe(it.text);
        if (!it.rules.includes('deadline:learned')) continue;
        learned++;
        expect(it.deadline, c.name).toMatch(/-12-31$/);
        if (c.expected.options?.date) expect(it.deadline! >= c.expected.options.date, `${c.name} ${it.text}`).toBe(true);
      }
    }
    expect(learned).toBeGreaterThan(0);
  });
});
