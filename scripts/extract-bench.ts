/**
 * Times the extractor on a ~100 KB document (the seeds and the corpus repeated), interleaved with
 * a second copy of the extractor given on the command line, so both see the same machine load:
 *   npx tsx scripts/extract-bench.ts [path/to/other/extract/index.ts]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extract } from '../src/domains/supervision/extract/index';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/extract');
const texts = [
  ...readdirSync(dir).filter((x) => /^\d{3}\.txt$/.test(x)).map((x) => readFileSync(join(dir, x), 'utf8')),
  ...readdirSync(join(dir, 'corpus')).filter((x) => x.endsWith('.txt')).map((x) => readFileSync(join(dir, 'corpus', x), 'utf8')),
];
// (text by text until 100 KB: the corpus alone is eight times that)
let big = '';
for (let i = 0; Buffer.byteLength(big, 'utf8') < 100 * 1024; i++) big += texts[i % texts.length]! + '\n\n';
const other = process.argv[2] ? ((await import(pathToFileURL(resolve(process.argv[2])).href)) as { extract: typeof extract }).extract : null;
const runs = 7;
const time = (f: typeof extract) => {
  const t0 = performance.now();
  f(big, { year: 2022 });
  return performance.now() - t0;
};
time(extract);
if (other) time(other);
const ours: number[] = [];
const theirs: number[] = [];
for (let i = 0; i < runs; i++) {
  ours.push(time(extract));
  if (other) theirs.push(time(other));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${(Buffer.byteLength(big, 'utf8') / 1024).toFixed(0)} KB: median ${median(ours).toFixed(0)} ms${other ? `, other ${median(theirs).toFixed(0)} ms` : ''} (${runs} runs)`);
