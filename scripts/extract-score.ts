/**
 * Scores the supervision extractor against the hand-checked fixtures and prints a markdown table
 * (and the time taken on a ~100 KB document).   npx tsx scripts/extract-score.ts [--verbose [--heldout] [--set-X …]]
 * (--set-X: the misses and extras of set X, c onwards; --heldout: of the held-out half of sets a and b)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/domains/supervision/extract/index';
import { CATEGORIES, combineScores, scoreExtraction, scoreSet, scoreTable, type Expected, type Scores } from '../src/domains/supervision/extract/score';
import { loadCorpus, SETS, setRange, type CorpusText } from '../src/domains/supervision/extract/corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test/fixtures/extract');
const verbose = process.argv.includes('--verbose');

const rows: Array<{ name: string; scores: Scores }> = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.expected.json')).sort()) {
  const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected;
  const text = readFileSync(join(dir, `${expected.seed}.txt`), 'utf8');
  const result = extract(text, expected.options ?? {});
  const scores = scoreExtraction(result, expected);
  rows.push({ name: `seed ${expected.seed}`, scores });
  if (verbose) {
    for (const [c, s] of Object.entries(scores)) {
      for (const m of s.misses) console.log(`MISS  ${expected.seed} ${c}: ${m}`);
      for (const x of s.extras) console.log(`EXTRA ${expected.seed} ${c}: ${x}`);
    }
  }
}
const total = combineScores(rows.map((r) => r.scores));
console.log(scoreTable([...rows, { name: '**all**', scores: total }]));

// the real-text corpus, per half: P / R per class over the half (micro-average)
const corpus = loadCorpus(join(dir, 'corpus'));
const fmt = (x: number) => x.toFixed(3);
console.log('\n| half | set | texts | class | expected | extracted | matched | precision | recall |\n|---|---|---:|---|---:|---:|---:|---:|---:|');
// sets a and b are split in halves and shown together too; every later set is held out whole and shown on its own
const sets = [
  ...SETS.slice(0, 2).map(({ set }) => ({ name: set as string, label: `${set} (${setRange(set)})`, pick: (c: CorpusText) => c.set === set })),
  { name: 'a+b', label: 'a+b', pick: (c: CorpusText) => c.set === 'a' || c.set === 'b' },
  ...SETS.slice(2).map(({ set }) => ({ name: set as string, label: `${set} (${setRange(set)})`, pick: (c: CorpusText) => c.set === set })),
];
for (const half of ['dev', 'heldout'] as const) {
  for (const set of sets) {
    const docs = corpus.filter((c) => c.half === half && set.pick(c));
    if (docs.length === 0) continue;
    const { docs: scored, total: t } = scoreSet(docs, extract);
    for (const c of CATEGORIES) {
      console.log(`| ${half} | ${set.label} | ${docs.length} | ${c} | ${t[c].expected} | ${t[c].extracted} | ${t[c].matched} | ${fmt(t[c].precision)} | ${fmt(t[c].recall)} |`);
    }
    const show =
      set.label === 'a+b'
        ? half === 'dev' || process.argv.includes('--heldout')
        : process.argv.includes(`--set-${set.name}`);
    if (verbose && show) {
      for (const d of scored) {
        for (const [c, s] of Object.entries(d.scores)) {
          for (const m of s.misses) console.log(`MISS  ${half} ${d.name} ${c}: ${m}`);
          for (const x of s.extras) console.log(`EXTRA ${half} ${d.name} ${c}: ${x}`);
        }
      }
    }
  }
}

// timing on a ~100 KB document built by repeating the seeds
const seeds = readdirSync(dir).filter((x) => /^\d{3}\.txt$/.test(x)).map((x) => readFileSync(join(dir, x), 'utf8'));
let big = '';
while (big.length < 100_000 / 3) big += seeds.join('\n\n'); // ~3 bytes per CJK char in UTF-8
const bytes = Buffer.byteLength(big, 'utf8');
extract(big, { year: 2022 }); // warm-up
const runs = 5;
const t0 = performance.now();
let items = 0;
for (let i = 0; i < runs; i++) items = extract(big, { year: 2022 }).items.length;
const ms = (performance.now() - t0) / runs;
console.log(`\n${(bytes / 1024).toFixed(0)} KB (${big.length} chars) → ${items} items in ${ms.toFixed(1)} ms (mean of ${runs} runs)`);
