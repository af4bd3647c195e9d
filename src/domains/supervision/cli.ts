// `npx gongjian extract <file>`: the extractor from the command line, for
// scripting and checking. Reads .txt or .docx; prints JSON or a readable list.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { extract, type ExtractedItem } from './extract';
import { readSourceText, UnreadableText } from './sourceText';

export interface ExtractCommandOptions {
  year?: number;
  /** the document's date, 'YYYY-MM-DD' */
  date?: string;
  units?: string[];
  json: boolean;
  /** add the character offsets and the rules that fired */
  explain: boolean;
}

function publicItem(it: ExtractedItem, explain: boolean) {
  const out: Record<string, unknown> = {
    kind: it.kind,
    text: it.text,
    units: it.units,
    deadline: it.deadline,
    quantities: it.quantities.map((q) => ({ value: q.value, unit: q.unit, label: q.label, atLeast: q.atLeast, ...(q.upTo !== undefined ? { upTo: q.upTo } : {}), ...(q.aspirational ? { aspirational: true } : {}) })),
    project: it.project,
  };
  if (it.indicator !== undefined) out.indicator = it.indicator;
  if (it.yoy !== undefined) out.yoy = it.yoy;
  if (it.period !== undefined) out.period = it.period;
  if (explain) Object.assign(out, { start: it.start, end: it.end, deadlinePhrase: it.deadlinePhrase ?? null, rules: it.rules });
  return out;
}

export async function extractCommand(file: string, opts: ExtractCommandOptions): Promise<string> {
  let text: string;
  try {
    text = await readSourceText(file, readFileSync(file));
  } catch (e) {
    if (e instanceof UnreadableText) throw new AppError('supervision.unreadable', { name: basename(file) });
    throw e;
  }
  const result = extract(text, { year: opts.year, date: opts.date, units: opts.units?.map((u) => u.trim()).filter(Boolean) });
  if (opts.json) return JSON.stringify({ items: result.items.map((it) => publicItem(it, opts.explain)) });
  const lines = [`${basename(file)}: ${result.items.length} items, year ${result.year ?? '?'}`];
  for (const [i, it] of result.items.entries()) {
    const q = it.quantities.map((x) => `${x.value}${x.unit}${x.atLeast ? '以上' : ''}`).join(' ');
    const p = it.project ? ` 项目:${it.project.name}(${it.project.investment.value}${it.project.investment.unit})` : '';
    const u = it.units.length ? ` [${it.units.join('、')}]` : '';
    lines.push(`${String(i + 1).padStart(3)}. ${it.kind === 'result' ? '实绩' : '任务'} ${it.deadline ?? '—'.padEnd(10)} ${it.text}${u}${q ? ` {${q}}` : ''}${p}`);
    if (opts.explain) lines.push(`       rules: ${it.rules.join(', ')}`);
  }
  return lines.join('\n');
}
