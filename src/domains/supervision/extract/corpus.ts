/**
 * The extraction corpus on disk (test/fixtures/extract/corpus): NNN.txt (a source line, then the
 * text) beside NNN.json (its labels, an `Expected`). Even numbers are the development half, odd
 * numbers the held-out half, except in sets c–p, which are held out whole.
 * Texts 000–047 are set 'a', 048–065 set 'b' (SECOND_SET_FROM), 066–085 set 'c' (THIRD_SET_FROM),
 * 086–106 set 'd' (FOURTH_SET_FROM), 107–129 set 'e' (FIFTH_SET_FROM), 130–152 set 'f' (SIXTH_SET_FROM),
 * 153–173 set 'g' (SEVENTH_SET_FROM), 174–203 set 'h' (EIGHTH_SET_FROM), 204–227 set 'i' (NINTH_SET_FROM), 228–251 set 'j' (TENTH_SET_FROM),
 * 252–275 set 'k' (ELEVENTH_SET_FROM), 276–299 set 'l' (TWELFTH_SET_FROM), 300–323 set 'm' (THIRTEENTH_SET_FROM),
 * 324–359 set 'n' (FOURTEENTH_SET_FROM), 360–395 set 'o' (FIFTEENTH_SET_FROM), 396 onwards set 'p' (SIXTEENTH_SET_FROM).
 * Shared by the corpus test and scripts/extract-score.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusBody, type Expected } from './score';

/** the first text of the second set (issue #12, deadlines and projects) */
export const SECOND_SET_FROM = 48;
/** the first text of the third set (labelled before any rule change for it; all of it held out) */
export const THIRD_SET_FROM = 66;
/** the first text of the fourth set (labelled and committed before round 4's rules; all of it held out) */
export const FOURTH_SET_FROM = 86;
/** the first text of the fifth set (labelled and committed before round 5's rules; all of it held out) */
export const FIFTH_SET_FROM = 107;
/** the first text of the sixth set (labelled and committed before round 6's rules; all of it held out) */
export const SIXTH_SET_FROM = 130;
/** the first text of the seventh set (labelled and committed before round 7's rules; all of it held out) */
export const SEVENTH_SET_FROM = 153;
/** the first text of the eighth set (labelled and committed before round 8's rules; all of it held out) */
export const EIGHTH_SET_FROM = 174;
/** the first text of the ninth set (collected and labelled by others while round 9's rules were written, without
 * the extractor's output; all of it held out) */
export const NINTH_SET_FROM = 204;
/** the first text of the tenth set (collected and labelled by others while round 10's rules were written, without
 * the extractor's output; all of it held out) */
export const TENTH_SET_FROM = 228;
/** the first text of the eleventh set (collected and labelled by others while round 11's rules were written, without
 * the extractor's output; all of it held out) */
export const ELEVENTH_SET_FROM = 252;
/** the first text of the twelfth set (collected and labelled by others while round 12's rules were written, without
 * the extractor's output; all of it held out) */
export const TWELFTH_SET_FROM = 276;
/** the first text of the thirteenth set (collected and labelled by others while round 13's rules were written, without
 * the extractor's output; all of it held out) */
export const THIRTEENTH_SET_FROM = 300;
/** the first text of the fourteenth set (collected and labelled by others while round 14's rules were written, without
 * the extractor's output; all of it held out) */
export const FOURTEENTH_SET_FROM = 324;
/** the first text of the fifteenth set (collected and labelled by others while round 15's rules were written, without
 * the extractor's output; all of it held out) */
export const FIFTEENTH_SET_FROM = 360;
/** the first text of the sixteenth set (collected and labelled by others while round 16's rules were written, without
 * the extractor's output; all of it held out) */
export const SIXTEENTH_SET_FROM = 396;

export interface CorpusText {
  name: string;
  half: 'dev' | 'heldout';
  /** which collection the text came in: 'a' = 000–047 (first set), 'b' = 048–065 (second set, richer in deadlines and
   * projects), 'c' = 066–085 (third set), 'd' = 086–106 (fourth set), 'e' = 107–129 (fifth set), 'f' = 130–152 (sixth set), 'g' = 153–173 (seventh set), 'h' = 174–203 (eighth set), 'i' = 204–227 (ninth set), 'j' = 228–251 (tenth set), 'k' = 252–275 (eleventh set), 'l' = 276–299 (twelfth set), 'm' = 300–323 (thirteenth set), 'n' = 324–359 (fourteenth set), 'o' = 360–395 (fifteenth set), 'p' = 396 onwards (sixteenth set; c–p held out whole) */
  set: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p';
  source: string;
  text: string;
  expected: Expected;
}

function setOf(n: number): CorpusText['set'] {
  if (n < SECOND_SET_FROM) return 'a';
  if (n < THIRD_SET_FROM) return 'b';
  if (n < FOURTH_SET_FROM) return 'c';
  if (n < FIFTH_SET_FROM) return 'd';
  if (n < SIXTH_SET_FROM) return 'e';
  if (n < SEVENTH_SET_FROM) return 'f';
  if (n < EIGHTH_SET_FROM) return 'g';
  if (n < NINTH_SET_FROM) return 'h';
  if (n < TENTH_SET_FROM) return 'i';
  if (n < ELEVENTH_SET_FROM) return 'j';
  if (n < TWELFTH_SET_FROM) return 'k';
  if (n < THIRTEENTH_SET_FROM) return 'l';
  if (n < FOURTEENTH_SET_FROM) return 'm';
  if (n < FIFTEENTH_SET_FROM) return 'n';
  return n < SIXTEENTH_SET_FROM ? 'o' : 'p';
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
        half: Number(name) >= THIRD_SET_FROM || Number(name) % 2 === 1 ? 'heldout' : 'dev',
        set: setOf(Number(name)),
        source: raw.slice(0, raw.indexOf('\n')),
        text: corpusBody(raw),
        expected,
      };
    });
}
