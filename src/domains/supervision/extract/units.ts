/**
 * Responsible units.
 * - A line that is only a unit name ("大庙街道") is a section heading: items under it are that
 *   unit's until the next such heading (rule unit:heading).
 * - A paragraph that opens with a speaker's unit and title ("区发展改革局局长…表示",
 *   "大村镇党委书记…") gives that unit to the paragraph's items (unit:speaker).
 * - Names from opts.units found in an item's text are added (unit:named); a short form
 *   (大庙 for 大庙街道) counts only when it is unambiguous among the known units.
 */

const UNIT_SUFFIXES = [
  '街道办事处', '管委会', '办事处', '街道', '镇', '乡', '局', '委员会', '办公室', '公司', '集团', '园区', '商务区',
  '功能区', '片区', '中心', '委', '办', '处', '院',
];
/** Suffixes strong enough to recognise a heading line without opts.units. */
const HEADING_SUFFIXES = ['街道', '镇', '乡', '局', '管委会', '办事处', '商务区', '集团', '公司', '园区', '功能区'];
const HEADING_RE = new RegExp(`^[\\u4e00-\\u9fa5]{1,14}(?:${HEADING_SUFFIXES.join('|')})$`);
const SPEAKER_RE =
  /^([\u4e00-\u9fa5]{2,16}?(?:街道|镇|乡|局|委|办|集团|公司|商务区|园区|管委会))(?:党委|党工委|党组|党总支)?(?:副)?(?:书记|局长|主任|董事长|总经理|负责人|部长|镇长|乡长|主席)/;

/** A name of two or three characters right after a title, before 表示/说/指出… */
const PERSON_RE =
  /(?:书记|局长|镇长|乡长|主任|负责人|主席|部长|董事长|总经理)([\u4e00-\u9fa5]{2,3}?)(?:同志)?(?:表示|说|指出|介绍|强调|坦言|谈道|称)/;

/** Common short form of a unit name: 大庙街道 → 大庙, 徐庄镇 → 徐庄. */
export function shortForm(name: string): string | null {
  for (const s of UNIT_SUFFIXES) {
    if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, -s.length);
  }
  return null;
}

export class UnitMatcher {
  private readonly names: string[];
  private readonly shorts: Array<{ short: string; name: string }>;

  constructor(units: readonly string[] = []) {
    this.names = [...new Set(units.filter((u) => u.trim().length > 0).map((u) => u.trim()))];
    const shorts: Array<{ short: string; name: string }> = [];
    for (const name of this.names) {
      const s = shortForm(name);
      if (!s) continue;
      // unambiguous: no other unit's name or short form contains it, and it contains no other's
      const clash = this.names.some((o) => o !== name && (o.includes(s) || s.includes(shortForm(o) ?? o)));
      if (!clash) shorts.push({ short: s, name });
    }
    this.shorts = shorts;
  }

  /** If the line is only a unit name, that unit. */
  heading(line: string): string | null {
    const t = line.trim();
    if (t.length === 0) return null;
    const exact = this.names.find((n) => n === t);
    if (exact) return exact;
    const short = this.shorts.find((s) => s.short === t);
    if (short) return short.name;
    if (HEADING_RE.test(t) && t.length <= 16) return t;
    return null;
  }

  /** The unit of a paragraph's speaker ("大村镇党委书记张金宝表示…"). */
  speaker(paragraph: string): string | null {
    const m = SPEAKER_RE.exec(paragraph);
    if (!m) return null;
    const name = m[1]!;
    const known = this.names.find((n) => n === name || shortForm(n) === name);
    return known ?? name;
  }

  /** The person speaking in a paragraph ("大村镇党委书记张金宝表示…" → 张金宝). */
  speakerPerson(paragraph: string): string | null {
    const m = SPEAKER_RE.exec(paragraph);
    if (!m) return null;
    const p = PERSON_RE.exec(paragraph.slice(m.index, m.index + m[0].length + 24));
    return p ? p[1]! : null;
  }

  /** Known units named in the text, in order, longest name first where two overlap. */
  mentions(text: string): Array<{ name: string; start: number; end: number }> {
    const found: Array<{ name: string; start: number; end: number }> = [];
    const forms = [...this.names.map((n) => ({ form: n, name: n })), ...this.shorts.map((s) => ({ form: s.short, name: s.name }))];
    forms.sort((a, b) => b.form.length - a.form.length);
    const taken = new Uint8Array(text.length);
    for (const { form, name } of forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        if (taken.subarray(at, at + form.length).some((x) => x === 1)) continue;
        taken.fill(1, at, at + form.length);
        found.push({ name, start: at, end: at + form.length });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** Known units named in the text. */
  named(text: string): string[] {
    const out: string[] = [];
    for (const n of this.names) if (text.includes(n)) out.push(n);
    for (const s of this.shorts) if (!out.includes(s.name) && text.includes(s.short)) out.push(s.name);
    return out;
  }
}
