import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from './index';
import { listedAgain, loadCorpus, type SetName } from './corpus';
import { CATEGORIES, corpusBody, scoreSet, type Expected } from './score';
import type { ExtractResult } from './types';

const dir = fileURLToPath(new URL('../../../../test/fixtures/extract/corpus/', import.meta.url));
const corpus = loadCorpus(dir);

/**
 * Floors at the level measured on each half of each set (docs/extraction.md, "Corpus of real
 * texts"; the sets' numbers are in SETS, corpus.ts). A rule change that loses matches or adds false
 * ones on any of them fails here.
 */
const FLOOR = {
  // set a's 042 relabelled in round 8 (a clause-opening 投资约5亿元 of the named S1814号地块 is a project): not found
  // (stop 40: the learned pass retrained through aj dates 000's "2022年，全市实施高端化项目76项…年内计划完成投资257.2亿元", one extra)
  'dev a': { quantities: [0.99, 1], deadlines: [0.92, 1], projects: [1, 0.87] },
  'dev b': { quantities: [1, 1], deadlines: [1, 1], projects: [1, 1] },
  'heldout a': { quantities: [1, 1], deadlines: [1, 1], projects: [1, 1] },
  'heldout b': { quantities: [1, 1], deadlines: [1, 1], projects: [1, 1] },
  // set c: scored once after round 3 (0.931 / 0.967, 0.667 / 0.667, 0.600 / 0.600), then read: round 4's
  // rules were made from its misses, so this is fit, not generalisation
  // (sets c, e and f relabelled in round 7: a count inside a project's name without its investment is a quantity)
  // (round 35: the learned pass retrained through set ag dates one target more, "力争…研发经费投入强度2%以上")
  // (stop 41: retrained through am with add ≥ 0.15, it also dates a table row's targets, "5 | 实施创新主体培育工程…24家以上")
  'heldout c': { quantities: [0.99, 1], deadlines: [0.93, 1], projects: [1, 0.93] },
  // set d: labelled before round 4, scored before it (0.943 / 0.978, 0.464 / 0.591, 1.000 / 0.700) and
  // once after it (0.943 / 0.984, 0.481 / 0.591, 1.000 / 0.700); then read: round 5's rules were made
  // from its misses, so this is fit, not generalisation
  'heldout d': { quantities: [1, 1], deadlines: [1, 0.95], projects: [1, 1] },
  // set e: labelled and committed before round 5 (bcd6641), scored before it and once after it (the
  // same: 0.922 / 0.987, 0.667 / 0.667, 0.750 / 0.400); then read: round 6's rules were made from its
  // misses, so this is fit, not generalisation
  // (round 35: with the learned pass retrained through set ag one date is wrong: 0.913 / 0.875 → 0.870 / 0.833)
  // (round 40: 批次 a unit, so the ordinal "二批次交付" in 127 is read as a count, one extra)
  'heldout e': { quantities: [0.97, 1], deadlines: [0.86, 0.83], projects: [1, 0.86] },
  // set f: labelled and committed before round 6 (83a658a); scored before it with the round-5 rules
  // (0.919 / 0.935, 0.704 / 0.679, 0.524 / 0.611) and once after them (08a75c6: 0.930 / 0.935,
  // 0.731 / 0.679, 0.524 / 0.611); then read: round 7's rules were made from its misses, so this is fit
  // (round 8: 134's 预计2017年一期率先完工 found, its 三季度 now an extra dated 2016)
  'heldout f': { quantities: [0.98, 0.99], deadlines: [0.96, 0.92], projects: [1, 0.94] },
  // set g: labelled and committed before round 7 (6f3036b); scored before it with the round-6 rules
  // (0.946 / 0.981, 0.625 / 0.714, 0.563 / 0.450) and after them (the same); not read while round 7's rules were made
  // then read: round 8's rules were made from the misses of sets a–g, so from round 8 on this is fit
  'heldout g': { quantities: [0.96, 0.98], deadlines: [0.9, 0.95], projects: [0.83, 0.75] },
  // set h: labelled and committed before round 8 (f6e21d6); scored before it with the round-7 rules
  // (0.931 / 0.983, 0.667 / 0.480, 0.500 / 0.500); not read while round 8's rules were made
  // and once after them (0.935 / 0.983, 0.667 / 0.480, 0.500 / 0.500)
  // then read: round 9's rules were made from the misses of sets a–h, so from round 9 on this is fit
  // (round 12: 192 relabelled by the settled bracket convention)
  // (stop 41: the pass retrained through an dates three more of its plan's pushes)
  'heldout h': { quantities: [0.97, 0.98], deadlines: [0.86, 0.96], projects: [0.9, 0.9] },
  // set i: collected and labelled by two helper sessions (c70b52a) while round 9's rules were written, without the
  // extractor's output; scored once with the round-8 rules (0.938 / 0.994, 0.722 / 0.510, 0.861 / 0.674) and once
  // with round 9's (0.938 / 0.994, 0.800 / 0.784, 0.861 / 0.674); then read: round 10's rules were made from its misses,
  // so from round 10 on this is fit
  // (round 12: 212 and 214 relabelled by the settled bracket convention)
  'heldout i': { quantities: [0.97, 0.99], deadlines: [0.9, 0.9], projects: [1, 0.93] },
  // set j: collected and labelled by two helper sessions (a1bdae7) while round 10's rules were written, without the
  // extractor's output; scored once with the round-8, round-9 and round-10 rules (0.944 / 0.964 each; 0.508 / 0.596,
  // 0.525 / 0.615, 0.525 / 0.615; 0.688 / 0.550 each); then read: round 11's rules were made from its misses, so fit
  'heldout j': { quantities: [0.96, 0.98], deadlines: [0.59, 0.71], projects: [0.93, 0.75] },
  // set k: collected and labelled by two helper sessions (c214690) while round 11's rules were written, without the
  // extractor's output; scored once with the round-8 to round-11 rules (0.942 / 0.973, 0.793 / 0.767, 0.353 / 0.273 with
  // round 8; 0.945 / 0.970, 0.818 / 0.750, 0.375 / 0.273 with round 11); then read: round 12's rules were made from its misses
  // (and 255 relabelled by the settled bracket convention), so from round 12 on this is fit
  // (round 22's year pledge run on through ；-segments dates one more of k's segments than its labels: 0.839)
  'heldout k': { quantities: [0.97, 0.98], deadlines: [0.83, 0.85], projects: [0.95, 0.86] },
  // sets l, m and n: collected and labelled by helper sessions (33fa358, 4df6b84, e9ff13f) while rounds 12, 13 and 14 were
  // written; each scored once with every earlier extractor (docs/extraction.md: l 0.975 / 0.989, 0.787 / 0.771,
  // 0.905 / 0.826 with round 12; m 0.961 / 0.928, 0.795 / 0.861, 0.909 / 0.857 with round 13; n 0.945 / 0.960,
  // 0.857 / 0.538, 0.889 / 0.800 with round 14); then read, so fit from the next round on
  'heldout l': { quantities: [0.98, 0.98], deadlines: [0.83, 0.95], projects: [1, 1] },
  'heldout m': { quantities: [0.98, 0.98], deadlines: [0.87, 0.94], projects: [1, 1] },
  // (round 25's year pledge run on from a first ；-segment that pledges before its year dates one more of 324's segments
  // than its labels: 0.870)
  'heldout n': { quantities: [0.94, 0.95], deadlines: [0.86, 0.76], projects: [0.91, 0.8] },
  // set o: collected and labelled by three helper sessions (d14fd01) while round 15's rules were written, without the
  // extractor's output; scored once with the round-8 and round-11 to round-15 rules (0.957 / 0.949, 0.754 / 0.500,
  // 0.833 / 0.682 with round 8; 0.977 / 0.955, 0.774 / 0.522, 0.857 / 0.818 with round 15); then read: round 16's rules
  // were made from its misses, so fit from round 16 on
  // (round 21's report work-area frame dates 384's 安排城建投资256亿元, labelled a programme figure before the list-item convention)
  'heldout o': { quantities: [0.97, 0.95], deadlines: [0.79, 0.77], projects: [0.85, 0.81] },
  // set p: collected and labelled by three helper sessions (92bb00d) while round 16's rules were written, without the
  // extractor's output; scored once with the round-8 and round-11 to round-16 rules (0.930 / 0.966, 0.788 / 0.351,
  // 0.667 / 0.545 with round 8; 0.941 / 0.951, 0.818 / 0.365, 0.583 / 0.636 with round 16); then read, and one project
  // rule of round 12 narrowed (586b225), so fit
  // (rounds 17 and 18, written from sets n–q's list-shaped documents: i, l, n, o and p re-measured, a fit)
  'heldout p': { quantities: [0.94, 0.96], deadlines: [0.89, 0.78], projects: [0.84, 0.72] },
  // set q: collected and labelled by three helper sessions (c6208a0) under the list-item convention while round 17 was
  // written, without the extractor's output; scored once with the round-8 and round-11 to round-17 rules (0.974 / 0.929,
  // 0.755 / 0.165, 0.417 / 0.455 with round 8; 0.985 / 0.944, 0.774 / 0.337, 0.385 / 0.455 with round 17); then read:
  // round 18's rules were made from its misses, so fit
  // (round 20's project rules were written from q–s, read: fits)
  'heldout q': { quantities: [0.98, 0.94], deadlines: [0.83, 0.74], projects: [0.9, 0.81] },
  // set r: collected and labelled by three helper sessions (ae169c0) while round 18 was written, without the extractor's
  // output; scored once with the round-8 and round-11 to round-18 rules (0.921 / 0.971, 0.722 / 0.195, 0.750 / 0.618 with
  // round 8; 0.932 / 0.969, 0.778 / 0.421, 0.733 / 0.647 with round 18); then read: round 19's rules were made from its
  // misses, so fit
  'heldout r': { quantities: [0.94, 0.97], deadlines: [0.88, 0.74], projects: [0.96, 0.91] },
  // set s: collected and labelled by three helper sessions (5e518f9) while round 19 was written, without the extractor's
  // output; scored once with the round-8 and round-11 to round-19 rules (0.977 / 0.979, 0.841 / 0.322, 0.688 / 0.688 with
  // round 8; 0.745 / 0.567 deadlines with round 18; 0.979 / 0.981, 0.664 / 0.539, 0.647 / 0.688 with round 19, which cost it
  // 508's year); then read, and that year restored (a list taken up again keeps its year), so fit
  'heldout s': { quantities: [0.97, 0.98], deadlines: [0.77, 0.73], projects: [0.93, 0.87] },
  // set t: collected and labelled by three helper sessions (b938a1c) while round 20 was written, without the extractor's
  // output; scored once with the round-8, round-19 and round-20 rules (0.938 / 0.960, 0.732 / 0.667, 0.800 / 0.632 with round
  // 8; 0.946 / 0.960, 0.768 / 0.679, 0.804 / 0.719 with rounds 19 and 20 alike: round 20 moved nothing on it); then read:
  // round 21's rules were made from its misses, so fit
  'heldout t': { quantities: [0.95, 0.96], deadlines: [0.83, 0.83], projects: [0.9, 0.84] },
  // set u: collected and labelled by three helper sessions (4569770) while round 21 was written; scored once (0.929 / 0.945,
  // 0.818 / 0.292, 0.800 / 0.667 with round 8; 0.935 / 0.950, 0.696 / 0.312, 0.787 / 0.685 with rounds 20 and 21 alike);
  // then read: round 22's rules were made from its misses, so fit
  'heldout u': { quantities: [0.93, 0.95], deadlines: [0.84, 0.69], projects: [0.89, 0.75] },
  // set v: collected and labelled by three helper sessions (c21b634) while round 22 was written; scored once (0.937 / 0.861,
  // 0.845 / 0.285, 0.750 / 0.703 with round 8; 0.939 / 0.887, 0.917 / 0.448, 0.852 / 0.813 with round 22); then read:
  // round 23's rules were made from its misses, so fit
  'heldout v': { quantities: [0.94, 0.95], deadlines: [0.94, 0.74], projects: [0.95, 0.9] },
  // set w: collected and labelled by three helper sessions (0b80ee7) while round 23 was written; scored once (0.935 / 0.947,
  // 0.795 / 0.455, 0.659 / 0.537 with round 8; 0.949 / 0.947, 0.696 / 0.623, 0.750 / 0.667 with rounds 19 to 23 alike); then
  // read: round 24's rules were made from its misses, so fit
  'heldout w': { quantities: [0.95, 0.95], deadlines: [0.77, 0.7], projects: [0.82, 0.75] },
  // set x: collected and labelled by three helper sessions (2ba0b05) while round 25 was written from sets t–w; scored once
  // (0.954 / 0.954, 0.689 / 0.199, 0.783 / 0.750 with round 8; 0.958 / 0.960, 0.802 / 0.494, 0.840 / 0.875 with round 24;
  // 0.958 / 0.960, 0.812 / 0.526, 0.840 / 0.875 with round 25); then read: round 26's rules were made from its misses, so fit
  // (stop 41: the pass retrained through an dates one more report figure)
  'heldout x': { quantities: [0.96, 0.98], deadlines: [0.86, 0.78], projects: [0.87, 0.87] },
  // set y: collected and labelled by three helper sessions (e74be13) while round 26 was written; scored once (0.905 / 0.935,
  // 0.771 / 0.342, 0.500 / 0.387 with round 8; 0.917 / 0.980, 0.719 / 0.437, 0.750 / 0.581 with round 25; 0.917 / 0.980,
  // 0.795 / 0.665, 0.750 / 0.581 with round 26); then read: round 27's rules were made from its misses, so fit
  'heldout y': { quantities: [0.92, 0.98], deadlines: [0.85, 0.87], projects: [0.78, 0.70] },
  // set z: collected and labelled by three helper sessions (40cc342) while round 27 was written; scored once (0.948 / 0.957,
  // 0.680 / 0.321, 0.583 / 0.412 with round 8; 0.954 / 0.967, 0.711 / 0.557, 0.867 / 0.765 with round 24; 0.954 / 0.967,
  // 0.648 / 0.557, 0.867 / 0.765 with round 27); then read: four fits were made from it (e7d32bc)
  'heldout z': { quantities: [0.95, 0.96], deadlines: [0.85, 0.77], projects: [0.86, 0.76] },
  // set aa: collected and labelled by three helper sessions (c175777) after round 27 and the fits on z; scored once (0.954 /
  // 0.897, 0.667 / 0.178, 0.724 / 0.700 with round 8; 0.962 / 0.911, 0.675 / 0.200, 0.867 / 0.867 with round 24; 0.963 / 0.941,
  // 0.778 / 0.363, 0.867 / 0.867 with e7d32bc; 0.781 / 0.370 deadlines with round 28); then read: round 29 was made from
  // it, so fit
  'heldout aa': { quantities: [0.96, 0.95], deadlines: [0.87, 0.58], projects: [0.92, 0.86] },
  // set ab: collected and labelled by three helper sessions while round 28 was written (from x–z); scored once (0.914 / 0.866,
  // 0.594 / 0.383, 0.778 / 0.700 with round 24; 0.907 / 0.874, 0.600 / 0.393, 0.778 / 0.700 with rounds 27, 28 and 29);
  // then read: round 30 was made from it, so fit
  'heldout ab': { quantities: [0.92, 0.96], deadlines: [0.85, 0.64], projects: [0.77, 0.70] },
  // set ac: collected and labelled by three helper sessions while round 29 was written (from aa); scored once (0.938 / 0.974,
  // 0.813 / 0.465, 0.588 / 0.417 with round 27; 0.815 / 0.472 deadlines with round 29; 0.842 / 0.503 with round 30);
  // then read: round 31 was made from it, so fit
  'heldout ac': { quantities: [0.94, 0.97], deadlines: [0.88, 0.70], projects: [0.80, 0.66] },
  // set ad: collected and labelled by three helper sessions while rounds 30 and 31 were written (from ab and ac); scored once
  // (0.921 / 0.974, 0.757 / 0.500, 0.750 / 0.700 with round 27; 0.811 / 0.536 deadlines with round 30; 0.921 / 0.977, 0.824 /
  // 0.545, 0.750 / 0.700 with round 31); then read: round 32 was made from it, so fit
  // (round 40: 锭 a unit after a magnitude, so 910's "70万锭、600台布机项目", a count inside a project's name, is one extra more)
  'heldout ad': { quantities: [0.91, 0.97], deadlines: [0.86, 0.71], projects: [0.85, 0.80] },
  // set ae: collected and labelled by three helper sessions while round 32 was written (from ad); scored once (0.946 /
  // 0.937, 0.726 / 0.545, 0.852 / 0.719 with round 27; the same but 0.813 / 0.606 deadlines with rounds 31 and 32); then
  // read: round 33 was made from it, so fit
  'heldout ae': { quantities: [0.94, 0.93], deadlines: [0.84, 0.78], projects: [0.85, 0.71] },
  // set af: collected and labelled by three helper sessions while round 33 was written (from ae); scored once (0.964 /
  // 0.982, 0.791 / 0.604, 0.938 / 0.682 with round 27; 0.964 / 0.985, 0.838 / 0.646, 0.938 / 0.682 with round 32; the same
  // but 0.795 / 0.646 deadlines with round 33) and not read: these floors are its first run
  // (then read for round 35, so fit)
  'heldout af': { quantities: [0.96, 0.98], deadlines: [0.79, 0.64], projects: [0.93, 0.68] },
  // set ag: collected and labelled by three helper sessions while the learned pass was written (trained on a–ae); scored
  // once (0.934 / 0.943, 0.873 / 0.636, 0.864 / 0.792 with round 27; 0.931 / 0.943, 0.866 / 0.711, 0.905 / 0.792 with rounds
  // 32 and 33; the same but 0.878 / 0.705 deadlines with the learned pass) and not read: these floors are its first run
  // (then read for round 35, so fit)
  'heldout ag': { quantities: [0.93, 0.94], deadlines: [0.87, 0.70], projects: [0.9, 0.79] },
  // set ah: collected and labelled by three helper sessions while round 35 was written (from af and ag); scored once (0.921 /
  // 0.980, 0.838 / 0.713, 0.750 / 0.545 both before and after round 35, which changed nothing on it; the rules alone 0.797 /
  // 0.588 deadlines) and not read: these floors are its first run
  // (round 35: the learned pass retrained through ag, chosen over the one through ae by this set — 0.827 / 0.775 deadlines
  // against 0.838 / 0.713 — so ah no longer measures the learned pass cleanly)
  'heldout ah': { quantities: [0.92, 0.97], deadlines: [0.82, 0.77], projects: [0.75, 0.54] },
  // set ai: collected and labelled by three helper sessions while round 35's docs were written (21 texts); scored once with
  // round 35 and the pass retrained through ag (and 0.913 / 0.958, 0.758 / 0.595, 1.000 / 0.806 with the extractor before
  // round 35) and not read: these floors are its first run
  'heldout ai': { quantities: [0.91, 0.95], deadlines: [0.74, 0.67], projects: [1, 0.8] },
  // set aj: collected and labelled by three helper sessions at the start of stop 40 (17 texts); scored once with what was
  // shipped (the pass trained through ag: 0.980 / 0.974, 0.884 / 0.864, 0.714 / 0.714; the rules alone 0.864 / 0.864
  // deadlines; the pass retrained through ai gave the same) and not read: these floors are its first run
  'heldout aj': { quantities: [0.98, 0.97], deadlines: [0.88, 0.86], projects: [0.71, 0.71] },
  // set ak: collected and labelled by three helper sessions during stop 40 (13 texts); scored once with round 36 and the pass
  // retrained through aj (0.933 / 0.974, 0.943 / 0.660, 0.333 / 0.250; the rules alone 0.914 / 0.640 deadlines; the extractor
  // before stop 40, with the pass through ag, 0.944 / 0.680) and not read: these floors are its first run
  // (round 36, after reading it: 1121's "占总投资39.59亿元的77.04%" no longer names a project "77.04%", so 39.59亿元 is a figure,
  // which its labels read as the project's total: one extra quantity)
  'heldout ak': { quantities: [0.92, 0.97], deadlines: [0.94, 0.66], projects: [0.33, 0.25] },
  // set al: collected and labelled by three helper sessions during stop 40 (18 texts); scored once with round 36 (its ak part
  // included) and the pass retrained through aj (0.985 / 0.971, 0.747 / 0.689, 0.538 / 0.538; the rules alone 0.767 / 0.641
  // deadlines; the extractor before stop 40 0.773 / 0.660) and not read: these floors are its first run
  // (round 36, after reading it: 1133's nameless totals no longer take the name of the list item before them, five wrong
  // projects; they are figures now, which its labels read as projects of names the rules cannot read: five extra quantities)
  'heldout al': { quantities: [0.96, 0.97], deadlines: [0.74, 0.68], projects: [0.53, 0.53] },
  // set am (stop 41): scored once and not read, with round 37's first rules and the pass trained through al
  // (then read: round 37's second part was written from it and the pass retrained through it)
  'heldout am': { quantities: [0.95, 0.91], deadlines: [0.75, 0.76], projects: [0.7, 0.54] },
  // set an (stop 41): scored once and not read, with all of round 37 and the pass trained through am
  // (then read: round 38 was written from it and the pass retrained through it; 1171 converted to simplified)
  'heldout an': { quantities: [0.96, 0.98], deadlines: [0.81, 0.7], projects: [0.8, 0.61] },
  // set ao (stop 41): scored once and not read, with round 38 and the pass trained through an
  // (then read: round 39 was written from it and the pass retrained through it)
  'heldout ao': { quantities: [0.92, 0.97], deadlines: [0.76, 0.76], projects: [0.87, 0.66] },
  // set ap (stop 42): scored once and not read, with rounds 37–39 and the pass trained through ao
  // (then read: round 40 was written from it and the pass retrained through it)
  'heldout ap': { quantities: [0.96, 0.97], deadlines: [0.77, 0.57], projects: [1, 0.8] },
  // set aq (stop 42): scored once and not read, with round 40 and the pass trained through ap
  'heldout aq': { quantities: [0.98, 0.96], deadlines: [0.79, 0.52], projects: [0.33, 1] },
  // set ar (stop 42): scored once and not read, with round 40 and the pass trained through aq (round 41 scored the same)
  'heldout ar': { quantities: [0.92, 0.94], deadlines: [0.78, 0.58], projects: [0.66, 0.66] },
  // set as (stop 43): scored once and not read, with round 42 and the pass trained through ar (stop 42's extractor scored the
  // same; the rules alone 0.791 / 0.343 deadlines)
  'heldout as': { quantities: [0.94, 0.94], deadlines: [0.8, 0.49], projects: [0, 0] },
  // set at (stop 43): scored once and not read, with round 43 and the pass trained through as (the rules alone 0.833 / 0.341
  // deadlines; stop 42's extractor 0.850 / 0.386, one deadline fewer)
  'heldout at': { quantities: [0.97, 0.98], deadlines: [0.85, 0.39], projects: [0.88, 0.77] },
  // set au (stop 43): scored once and not read, with round 43 and the pass trained through at (the rules alone 0.813 / 0.279
  // deadlines; stop 42's extractor 0.738 / 0.421, the same matches and two wrong dates fewer)
  'heldout au': { quantities: [0.97, 0.97], deadlines: [0.71, 0.42], projects: [0.75, 0.75] },
  // set av (stop 43): scored once and not read, with round 43 and the pass trained through au without targets over several
  // years (the rules alone 0.923 / 0.480 deadlines; stop 42's extractor 0.809 / 0.550, one date fewer)
  'heldout av': { quantities: [0.96, 0.87], deadlines: [0.79, 0.55], projects: [0.85, 0.85] },
  // set aw (stop 44): scored once and not read, with round 44 and the pass trained through av on the settled labels (the rules
  // alone 0.839 / 0.675 deadlines; stop 43's extractor the same as this one)
  'heldout aw': { quantities: [0.94, 0.97], deadlines: [0.74, 0.68], projects: [0.4, 0.4] },
  // set ax (stop 44): scored once and not read, with all of round 44 and the pass trained through av (the rules alone
  // 0.882 / 0.542 deadlines; stop 43's extractor 0.800 / 0.819, five wrong dates more)
  'heldout ax': { quantities: [0.87, 0.93], deadlines: [0.84, 0.81], projects: [1, 0.59] },
} as const;

describe('real-text corpus', () => {
  // the fewest texts each set was collected with (set a is checked by its halves)
  const MIN_TEXTS: Record<Exclude<SetName, 'a'>, number> = {
    b: 18, c: 16, d: 15, e: 15, f: 20, g: 20, h: 20, i: 20, j: 20, k: 20, l: 20, m: 20, n: 30, o: 30, p: 30, q: 30, r: 30, s: 30, t: 30, u: 30, v: 30, w: 30, x: 30, y: 30, z: 30, aa: 30, ab: 30, ac: 30, ad: 30, ae: 30, af: 30, ag: 30, ah: 30, ai: 21, aj: 17, ak: 13, al: 18, am: 23, an: 23, ao: 22, ap: 25, aq: 23, ar: 16, as: 31, at: 34, au: 28, av: 26, aw: 32, ax: 30,
  };

  it('has every set with its texts, sourced: sets a and b split into two halves, the later sets held out whole', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    for (const [set, min] of Object.entries(MIN_TEXTS)) expect(corpus.filter((c) => c.set === set).length, set).toBeGreaterThanOrEqual(min);
    for (const c of corpus.filter((c) => c.set !== 'a' && c.set !== 'b')) expect([c.half, c.expected.half], c.name).toEqual(['heldout', 'heldout']);
    for (const c of corpus) expect(c.source, c.name).toMatch(/^# 来源：https?:\/\/\S+ ｜ .+ ｜ /);
    const ab = corpus.filter((c) => c.set === 'a' || c.set === 'b');
    const dev = ab.filter((c) => c.half === 'dev').length;
    expect(Math.abs(ab.length - 2 * dev)).toBeLessThanOrEqual(1);
  });

  it('lists every source in docs/extraction.md (npx tsx scripts/extract-sources.ts --write)', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../../docs/extraction.md', import.meta.url)), 'utf8');
    const missing = corpus.filter((c) => !doc.includes(`| ${c.name} | ${c.set} |`) || !doc.includes(c.source.split(' ')[1]!.replace(/^来源：/, '')));
    expect(missing.map((c) => c.name)).toEqual([]);
  });

  it('labels a commitment sentence under one time as one deadline, however many targets it lists (round 44)', () => {
    const broken = corpus.flatMap((c) => listedAgain(c.text, c.expected.deadlines).map((d) => `${c.name} ${d.date} ${d.text}`));
    expect(broken).toEqual([]);
  });

  it('has no source twice', () => {
    const urls = corpus.map((c) => c.source.split(' ')[1]);
    expect(new Set(urls).size).toBe(urls.length);
  });

  for (const key of Object.keys(FLOOR) as Array<keyof typeof FLOOR>) {
    const [half, set] = key.split(' ') as ['dev' | 'heldout', SetName];
    it(`${half} half of set ${set} stays at the measured level`, () => {
      const { total } = scoreSet(corpus.filter((c) => c.half === half && c.set === set), extract);
      for (const c of CATEGORIES) {
        const [p, r] = FLOOR[key][c];
        expect(total[c].precision, `${half} ${set} ${c} extras: ${total[c].extras.join(' | ')}`).toBeGreaterThanOrEqual(p);
        expect(total[c].recall, `${half} ${set} ${c} misses: ${total[c].misses.join(' | ')}`).toBeGreaterThanOrEqual(r);
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

describe('listedAgain', () => {
  const d = (text: string, date = '2023-12-31') => ({ text, date });
  it('finds a later target of one sentence under the same time', () => {
    const body = '全年地区生产总值增长8%以上，财政收入增长8%以上，完成固定资产投资100亿元以上。';
    expect(listedAgain(body, [d('地区生产总值增长8%以上'), d('财政收入增长8%以上'), d('完成固定资产投资100亿元')])).toEqual([d('财政收入增长8%以上'), d('完成固定资产投资100亿元')]);
  });
  it('keeps a snippet with its own time, another date, or another segment', () => {
    const body = '一季度开工项目10个，年底前建成项目5个；新增就业1000人。6月底前完成拆迁，拆除厂房2处。';
    expect(listedAgain(body, [d('一季度开工项目10个', '2023-03-31'), d('年底前建成项目5个'), d('新增就业1000人'), d('6月底前完成拆迁', '2023-06-30'), d('拆除厂房2处')])).toEqual([]);
  });
  it('reads a snippet said twice as the one after the label before it', () => {
    const body = '新增碧道100公里、新增学位20万个等十件实事。十件实事如下：\n新增碧道100公里\n新增学位20万个';
    expect(listedAgain(body, [d('十件实事如下'), d('新增碧道100公里'), d('新增学位20万个')])).toEqual([]);
  });
});
