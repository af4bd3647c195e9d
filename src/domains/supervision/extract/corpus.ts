/**
 * The extraction corpus on disk (test/fixtures/extract/corpus): NNN.txt (a source line, then the
 * text) beside NNN.json (its labels, an `Expected`), in the sets of SETS.
 * Shared by the corpus test and scripts/extract-score.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusBody, type Expected } from './score';

/**
 * The sets in the order they were collected, each from the number of its first text. Sets a and b are split in two
 * halves (even numbers for development, odd held out); every later set is held out whole: c–h were labelled and
 * committed before the round that followed them, i onwards collected and labelled by others, without the extractor's
 * output, while the round before them was written. docs/extraction.md tells each set's sources and scores.
 */
export const SETS = [
  { set: 'a', from: 0 },
  { set: 'b', from: 48 },
  { set: 'c', from: 66 },
  { set: 'd', from: 86 },
  { set: 'e', from: 107 },
  { set: 'f', from: 130 },
  { set: 'g', from: 153 },
  { set: 'h', from: 174 },
  { set: 'i', from: 204 },
  { set: 'j', from: 228 },
  { set: 'k', from: 252 },
  { set: 'l', from: 276 },
  { set: 'm', from: 300 },
  { set: 'n', from: 324 },
  { set: 'o', from: 360 },
  { set: 'p', from: 396 },
  { set: 'q', from: 432 },
  { set: 'r', from: 468 },
  { set: 's', from: 504 },
  { set: 't', from: 540 },
  { set: 'u', from: 576 },
  { set: 'v', from: 612 },
  { set: 'w', from: 648 },
  { set: 'x', from: 684 },
  { set: 'y', from: 720 },
  { set: 'z', from: 756 },
  { set: 'aa', from: 792 },
  { set: 'ab', from: 828 },
  { set: 'ac', from: 864 },
  { set: 'ad', from: 900 },
  { set: 'ae', from: 936 },
  { set: 'af', from: 972 },
  { set: 'ag', from: 1008 },
  { set: 'ah', from: 1044 },
  { set: 'ai', from: 1074 },
  { set: 'aj', from: 1095 },
  { set: 'ak', from: 1112 },
  { set: 'al', from: 1125 },
  { set: 'am', from: 1143 },
  { set: 'an', from: 1166 },
  { set: 'ao', from: 1189 },
  { set: 'ap', from: 1211 },
  { set: 'aq', from: 1236 },
  { set: 'ar', from: 1259 },
  { set: 'as', from: 1275 },
  { set: 'at', from: 1306 },
  { set: 'au', from: 1340 },
  { set: 'av', from: 1368 },
  { set: 'aw', from: 1394 },
  { set: 'ax', from: 1426 },
] as const;

export type SetName = (typeof SETS)[number]['set'];

/** The first text of set c, from which every set is held out whole. */
const HELD_OUT_WHOLE_FROM = SETS[2].from;

export interface CorpusText {
  name: string;
  half: 'dev' | 'heldout';
  /** which collection the text came in (SETS) */
  set: SetName;
  source: string;
  text: string;
  expected: Expected;
}

export function setOf(n: number): SetName {
  let found: SetName = 'a';
  for (const s of SETS) if (n >= s.from) found = s.set;
  return found;
}

/** A set's numbers as docs/extraction.md writes them: "066–085", the newest open-ended: "432–". */
export function setRange(set: SetName): string {
  const k = SETS.findIndex((s) => s.set === set);
  const pad = (n: number) => String(n).padStart(3, '0');
  const next = SETS[k + 1];
  return `${pad(SETS[k]!.from)}–${next ? pad(next.from - 1) : ''}`;
}

export function loadCorpus(dir: string): CorpusText[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3,4}\.json$/.test(f))
    .map((f) => f.slice(0, -'.json'.length))
    // numbers, not strings: '1000' comes after '999'
    .sort((a, b) => Number(a) - Number(b))
    .map((name) => {
      const f = `${name}.json`;
      const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected;
      const raw = readFileSync(join(dir, `${name}.txt`), 'utf8');
      return {
        name,
        half: Number(name) >= HELD_OUT_WHOLE_FROM || Number(name) % 2 === 1 ? 'heldout' : 'dev',
        set: setOf(Number(name)),
        source: raw.slice(0, raw.indexOf('\n')),
        text: corpusBody(raw),
        expected,
      };
    });
}

/** Where a labelled deadline's segment ends: a sentence, a `；`-segment, a bullet, a line, or an item numbered after a comma. */
const SEGMENT_BREAK = /[。；;！？!?\n·●■◆▲]|(?<=[，,：:])(?:[一二三四五六七八九十]是|（[一二三四五六七八九十\d]+）|[①②③④⑤⑥⑦⑧⑨⑩])/g;
/** A time phrase of a snippet's own: such a snippet is its own deadline even beside another of the same date. */
const OWN_TIME =
  /(?:19|20)\d{2}年|\d{1,2}月|[一二三四五六七八九十]{1,2}月|年底|年末|年内|年前|全年|当年|今年|明年|后年|[上下]半年|[一二三四1-4]季度|本季度|春节|国庆|十一|元旦|五一|中秋|端午|清明|\d{1,2}日|[上中下]旬|开学|工作日|天内|月内|周内|月底|日前|近期|即日/;

/**
 * Deadline labels that break the granularity convention (docs/extraction.md, "Labelling rules", settled in round 44): a
 * commitment sentence under one time is one deadline, however many targets it lists, so a later label in the same segment
 * with the same date and no time phrase of its own belongs to the first one. Snippets are located in document order.
 */
export function listedAgain(body: string, deadlines: Expected['deadlines']): Expected['deadlines'] {
  const cuts = [0, ...[...body.matchAll(SEGMENT_BREAK)].map((m) => m.index), body.length];
  const segmentAt = (i: number) => cuts.findIndex((c, k) => c <= i && i < (cuts[k + 1] ?? Infinity));
  const seen = new Set<string>();
  const out: Expected['deadlines'] = [];
  let cursor = 0;
  for (const d of deadlines) {
    let at = body.indexOf(d.text, cursor);
    if (at < 0) at = body.indexOf(d.text);
    if (at < 0) continue;
    cursor = at;
    const key = `${segmentAt(at)} ${d.date}`;
    if (seen.has(key) && !OWN_TIME.test(d.text)) out.push(d);
    seen.add(key);
  }
  return out;
}
