/**
 * The corpus's sources as a markdown table (one row per text, from its source line and labels), written between the
 * markers of docs/extraction.md's appendix.   npx tsx scripts/extract-sources.ts [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/domains/supervision/extract/corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cell = (s: string) => s.replace(/\|/g, '\\|').trim();
const rows = loadCorpus(join(root, 'test/fixtures/extract/corpus')).map((c) => {
  // "# 来源：URL ｜ title ｜ date"
  const [url = '', title = '', published = ''] = c.source.replace(/^# 来源：/, '').split(' ｜ ');
  const labels = c.expected as { province?: string; year?: number | null };
  const year = labels.year ?? c.expected.options?.year ?? '—';
  return `| ${c.name} | ${c.set} | ${cell(title)} | ${cell(published)} | ${labels.province ?? '—'} | ${year} | ${url} |`;
});
const table = ['| no. | set | title | published | province | year | source |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
const BEGIN = '<!-- sources:begin (npx tsx scripts/extract-sources.ts --write) -->';
const END = '<!-- sources:end -->';
if (process.argv.includes('--write')) {
  const file = join(root, 'docs/extraction.md');
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/extraction.md has no ${BEGIN} … ${END} block`);
  writeFileSync(file, `${doc.slice(0, a + BEGIN.length)}\n\n${table}\n\n${doc.slice(b)}`);
  console.log(`wrote ${rows.length} sources into ${file}`);
} else {
  console.log(table);
}
