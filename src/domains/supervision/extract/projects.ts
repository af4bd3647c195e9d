/**
 * Named projects with their total investment. Only where the text states the investment:
 * - "总投资120亿元的弘元新材料光伏基地" → 弘元新材料光伏基地, 120 亿元 (rule project:investment-of)
 * - continuing a list: "总投资21亿元的朗慧总部经济、15亿元的奥莱新城" (project:investment-list)
 * - "鑫华半导体扩建项目总投资10亿元" / "XX项目，总投资10亿元" (project:name-then-investment)
 * The name ends at 、，；。 等 和 与 or a bracket; a trailing 项目 is dropped. Numbers inside a
 * project name ("中能4.6万吨颗粒硅") belong to the name and are not quantities.
 */
import { decimalValue, parseChineseInt } from './numerals';

export interface ProjectHit {
  name: string;
  investment: { value: number; unit: string };
  /** whole span: 总投资…name */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  rule: string;
}

const NUM = String.raw`(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)`;
const INV_UNIT = '(亿美元|万美元|亿元|万元|亿)';
// "总投资 50 亿元的…": web texts put spaces around numbers; "总投资150亿元海创磷酸铁锂项目" has no 的
const FORWARD = new RegExp(String.raw`(?:计划)?总投资(?:约|超过|超|近|达)?\s*${NUM}\s*${INV_UNIT}(?:人民币)?(的)?`, 'g');
const LIST_NEXT = new RegExp(String.raw`^、(?:总投资)?(?:约|超过|超|近|达)?\s*${NUM}\s*${INV_UNIT}(?:人民币)?的`);
const BACKWARD = new RegExp(String.raw`[，,]?(?:计划)?总投资(?:约|超过|超|近|达)?\s*${NUM}\s*${INV_UNIT}(?![的美元万亿])`, 'g');
/** A count of projects before the name: "等20余个项目，总投资117亿元" is a group, not one project. */
const GROUP_COUNT = /(?:\d+|[一二两三四五六七八九十]+)余?(?:个|项)/;
const NAME_STOP = new Set(['、', '，', ',', '；', ';', '。', '：', ':', '（', '(', '）', ')', '“', '”', '"', '等', '和', '与', ' ', '\n']);
const LEAD_VERBS = ['加快推进', '推进', '开工建设', '开工', '签约', '建设', '引进', '招引', '落地', '抓好', '紧盯', '加快', '推动', '实施', '包括', '其中', '重点', '新签约'];
const MAX_NAME = 40;

function value(s: string): number | null {
  return /^\d/.test(s) ? decimalValue(s) : parseChineseInt(s);
}

function unitOf(u: string): string {
  return u === '亿' ? '亿元' : u;
}

/** Verbs that end a name read forward ("…电池基地完成主体封顶" → 电池基地). */
const NAME_END_VERBS = [
  '完成', '开工', '投产', '建成', '竣工', '签约', '落地', '封顶', '实现', '启动', '开业', '投用', '达产', '达效', '加快',
  '力争', '确保', '年内', '年底', '全面', '顺利', '正式', '主体',
];
const TRAILING_COUNT = /(?:\d+|[一二两三四五六七八九十]+)(?:个|家|项|处)$/;

/** Length of the name within a raw run: cut at 项目 (keeping it), a verb, or a trailing count. */
function nameLength(raw: string): number {
  let n = raw.length;
  const pj = raw.indexOf('项目');
  if (pj >= 2) n = Math.min(n, pj + 2);
  for (const v of NAME_END_VERBS) {
    const k = raw.indexOf(v);
    if (k >= 2 && k < n) n = k;
  }
  const m = TRAILING_COUNT.exec(raw.slice(0, n));
  if (m && m.index >= 2) n = m.index;
  return n;
}

function cleanName(raw: string): string {
  let n = raw;
  if (n.endsWith('项目') && n.length > 4) n = n.slice(0, -2);
  return n;
}

function readName(norm: string, pos: number, limit: number): number {
  let e = pos;
  while (e < limit && e - pos < MAX_NAME && !NAME_STOP.has(norm[e]!)) e++;
  return e;
}

/** Projects in norm[start, end) (one clause); `blocked` marks quotations. */
export function findProjects(norm: string, blocked: Uint8Array, start: number, end: number): ProjectHit[] {
  const text = norm.slice(start, end);
  const hits: ProjectHit[] = [];
  FORWARD.lastIndex = 0;
  for (let m = FORWARD.exec(text); m !== null; m = FORWARD.exec(text)) {
    const s = start + m.index;
    if (blocked[s]) continue;
    if (!m[3]) {
      // without 的 the name must follow at once and end with 项目, and no name may precede
      const raw = norm.slice(s + m[0].length, readName(norm, s + m[0].length, end));
      if (!/^[\u4e00-\u9fa5A-Za-z]/.test(raw) || !raw.includes('项目') || norm.slice(Math.max(start, s - 2), s) === '项目') continue;
    }
    let v = value(m[1]!);
    let unit = unitOf(m[2]!);
    let spanStart = s;
    let nameStart = s + m[0].length;
    let rule = 'project:investment-of';
    for (;;) {
      const rawEnd = readName(norm, nameStart, end);
      const nameEnd = nameStart + nameLength(norm.slice(nameStart, rawEnd));
      const name = cleanName(norm.slice(nameStart, nameEnd));
      if (v === null || name.length < 2) break;
      hits.push({ name, investment: { value: v, unit }, start: spanStart, end: nameEnd, nameStart, nameEnd, rule });
      if (rawEnd !== nameEnd) break; // the list goes on only right after a whole name
      const rest = norm.slice(nameEnd, end);
      const n = LIST_NEXT.exec(rest);
      if (!n) break;
      v = value(n[1]!);
      unit = unitOf(n[2]!);
      spanStart = nameEnd + 1;
      nameStart = nameEnd + n[0].length;
      rule = 'project:investment-list';
    }
    const last = hits[hits.length - 1];
    if (last) FORWARD.lastIndex = Math.max(FORWARD.lastIndex, last.end - start);
  }
  BACKWARD.lastIndex = 0;
  for (let m = BACKWARD.exec(text); m !== null; m = BACKWARD.exec(text)) {
    const s = start + m.index;
    if (blocked[s] || hits.some((h) => s >= h.start && s < h.end)) continue;
    // the name must directly precede and end with 项目 (…项目总投资10亿元 / …项目，总投资10亿元)
    const before = norm.slice(start, s);
    if (!before.endsWith('项目')) continue;
    if (GROUP_COUNT.test(before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), 0)))) continue;
    let k = before.length;
    while (k > 0 && !NAME_STOP.has(before[k - 1]!)) k--;
    let raw = before.slice(k);
    let nameStart = start + k;
    for (const verb of LEAD_VERBS) {
      const j = raw.lastIndexOf(verb);
      if (j >= 0 && j + verb.length < raw.length - 3) {
        nameStart += j + verb.length;
        raw = raw.slice(j + verb.length);
      }
    }
    const name = cleanName(raw);
    const v = value(m[1]!);
    if (v === null || name.length < 2 || name === '项目') continue;
    hits.push({
      name,
      investment: { value: v, unit: unitOf(m[2]!) },
      start: nameStart,
      end: s + m[0].length,
      nameStart,
      nameEnd: nameStart + raw.length,
      rule: 'project:name-then-investment',
    });
  }
  hits.sort((a, b) => a.start - b.start);
  return hits;
}
