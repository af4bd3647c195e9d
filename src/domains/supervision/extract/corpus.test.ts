import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { extract } from './index';
import { loadCorpus } from './corpus';
import { CATEGORIES, corpusBody, scoreSet, type Expected } from './score';
import type { ExtractResult } from './types';

const dir = fileURLToPath(new URL('../../../../test/fixtures/extract/corpus/', import.meta.url));
const corpus = loadCorpus(dir);

/**
 * Floors at the level measured on each half (docs/extraction.md, "Corpus of real texts"): a rule
 * change that loses matches or adds false ones on either half fails here.
 */
const FLOOR = {
  dev: { quantities: [1, 1], deadlines: [1, 0.83], projects: [1, 1] },
  heldout: { quantities: [0.98, 0.97], deadlines: [0.37, 0.42], projects: [0.8, 0.66] },
} as const;

describe('real-text corpus', () => {
  it('has at least 40 sourced texts split into two halves', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const c of corpus) expect(c.source, c.name).toMatch(/^# 来源：https?:\/\/\S+ ｜ .+ ｜ /);
    const dev = corpus.filter((c) => c.half === 'dev').length;
    expect(Math.abs(corpus.length - 2 * dev)).toBeLessThanOrEqual(1);
  });

  for (const half of ['dev', 'heldout'] as const) {
    it(`${half} half stays at the measured level`, () => {
      const { total } = scoreSet(corpus.filter((c) => c.half === half), extract);
      for (const c of CATEGORIES) {
        const [p, r] = FLOOR[half][c];
        expect(total[c].precision, `${half} ${c} extras: ${total[c].extras.join(' | ')}`).toBeGreaterThanOrEqual(p);
        expect(total[c].recall, `${half} ${c} misses: ${total[c].misses.join(' | ')}`).toBeGreaterThanOrEqual(r);
      }
    });
  }
});

describe('scoreSet', () => {
  const expected: Expected = { seed: 'x', deadlines: [], quantities: [{ value: 2, unit: '家' }], projects: [] };
  const result = (n: number): ExtractResult => ({
    year: 2022,
    items: [{ kind: 'result', text: 'x', start: 0, end: 1, units: [], deadline: null, quantities: Array.from({ length: n }, () => ({ value: 2, unit: '家', label: '', atLeast: false })), project: null, rules: [] }],
  });

  it('micro-averages over the documents of a set', () => {
    const docs = [
      { name: 'a', text: 'one', expected },
      { name: 'b', text: 'two', expected: { ...expected, quantities: [...expected.quantities, { value: 3, unit: '个' }] } },
    ];
    const { docs: scored, total } = scoreSet(docs, (text) => result(text === 'one' ? 2 : 1));
    expect(scored.map((d) => d.scores.quantities.precision)).toEqual([0.5, 1]);
    expect(total.quantities).toMatchObject({ expected: 3, extracted: 3, matched: 2 });
    expect(total.quantities.precision).toBeCloseTo(2 / 3);
    expect(total.quantities.recall).toBeCloseTo(2 / 3);
  });

  it('passes each document its own options', () => {
    const seen: unknown[] = [];
    scoreSet([{ name: 'a', text: 't', expected: { ...expected, options: { date: '2024-10-26' } } }], (_t, o) => (seen.push(o), result(1)));
    expect(seen).toEqual([{ date: '2024-10-26' }]);
  });

  it('drops the source line of a corpus text', () => {
    expect(corpusBody('# 来源：http://x ｜ t ｜ 2020\n正文')).toBe('正文');
    expect(corpusBody('正文')).toBe('正文');
  });
});
