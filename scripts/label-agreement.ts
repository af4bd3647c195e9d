/**
 * Agreement between two labellings of the same texts (inter-annotator agreement): the second read as if it were an
 * extractor's output against the first, per class, with the matching of score.ts made symmetric for deadlines (one
 * snippet inside the other, same date: two people copy snippets of different length from one clause).
 *   npx tsx scripts/label-agreement.ts DIR_A DIR_B      (NNN.json in both; only numbers present in both are compared)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, match, quantityFits, type Category, type Expected } from '../src/domains/supervision/extract/score';

const [dirA, dirB] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: npx tsx scripts/label-agreement.ts DIR_A DIR_B');
  process.exit(2);
}
const names = (d: string) => new Set(readdirSync(d).filter((f) => /^\d{3,4}\.json$/.test(f)));
const inB = names(dirB);
const both = [...names(dirA)].filter((f) => inB.has(f)).sort();
const read = (d: string, f: string) => JSON.parse(readFileSync(join(d, f), 'utf8')) as Expected;

/** One-to-one in order, as score.ts matches: the first labelling as expected, the second as extracted. */
function matched<T>(a: T[], b: T[], fits: (x: T, y: T) => boolean, show: (x: T) => string): { n: number; onlyA: string[]; onlyB: string[] } {
  const s = match(a, b, fits, show, show);
  return { n: s.matched, onlyA: s.misses, onlyB: s.extras };
}

const total = Object.fromEntries(CATEGORIES.map((c) => [c, { a: 0, b: 0, both: 0 }])) as Record<Category, { a: number; b: number; both: number }>;
const verbose = process.argv.includes('--verbose');
for (const f of both) {
  const A = read(dirA, f);
  const B = read(dirB, f);
  const r = {
    deadlines: matched(A.deadlines, B.deadlines, (x, y) => x.date === y.date && (x.text.includes(y.text) || y.text.includes(x.text)), (x) => `${x.date} ${x.text}`),
    quantities: matched(A.quantities, B.quantities, (x, y) => quantityFits(x, { ...y, label: '', atLeast: y.atLeast ?? false }) && quantityFits(y, { ...x, label: '', atLeast: x.atLeast ?? false }), (x) => `${x.value}${x.unit}${x.atLeast ? '+' : ''}`),
    projects: matched(A.projects, B.projects, (x, y) => x.name === y.name && x.value === y.value && x.unit === y.unit, (x) => `${x.name} ${x.value}${x.unit}`),
  };
  for (const c of CATEGORIES) {
    total[c].a += A[c].length;
    total[c].b += B[c].length;
    total[c].both += r[c].n;
    if (verbose) {
      for (const m of r[c].onlyA) console.log(`A only ${f.slice(0, 3)} ${c}: ${m}`);
      for (const m of r[c].onlyB) console.log(`B only ${f.slice(0, 3)} ${c}: ${m}`);
    }
  }
}
const fmt = (x: number) => x.toFixed(3);
console.log(`${both.length} texts labelled twice\n\n| class | A | B | agreed | B against A: P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|`);
for (const c of CATEGORIES) {
  const { a, b, both: m } = total[c];
  const p = b === 0 ? 1 : m / b;
  const r = a === 0 ? 1 : m / a;
  console.log(`| ${c} | ${a} | ${b} | ${m} | ${fmt(p)} | ${fmt(r)} | ${fmt(p + r === 0 ? 0 : (2 * p * r) / (p + r))} |`);
}
