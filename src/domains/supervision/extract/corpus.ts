/**
 * The extraction corpus on disk (test/fixtures/extract/corpus): NNN.txt (a source line, then the
 * text) beside NNN.json (its labels, an `Expected`). Even numbers are the development half, odd
 * numbers the held-out half. Shared by the corpus test and scripts/extract-score.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusBody, type Expected } from './score';

export interface CorpusText {
  name: string;
  half: 'dev' | 'heldout';
  source: string;
  text: string;
  expected: Expected;
}

export function loadCorpus(dir: string): CorpusText[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}\.json$/.test(f))
    .sort()
    .map((f) => {
      const name = f.slice(0, 3);
      const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected;
      const raw = readFileSync(join(dir, `${name}.txt`), 'utf8');
      return {
        name,
        half: Number(name) % 2 === 0 ? 'dev' : 'heldout',
        source: raw.slice(0, raw.indexOf('\n')),
        text: corpusBody(raw),
        expected,
      };
    });
}
