/**
 * Chinese and Arabic numerals.
 *
 * - `parseChineseInt('一百')` → 100, `'两'` → 2, `'十亿'` → 1e9, `'二十一'` → 21, `'一万零五'` → 10005
 * - `parseNumber('4.6万')` → 46000, `'1,200'` → 1200, `'十五'` → 15
 * - `toChineseNumeral(110)` → '一百一十' (inverse of parseChineseInt for 0 ≤ n < 1e8)
 */
import Decimal from 'decimal.js';

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/** Characters a Chinese numeral may start with in running text (a bare 百/千/万/亿 is a word, not a number). */
export const CN_NUMERAL_START = '零〇一二两三四五六七八九十';

export function isCnDigit(ch: string): boolean {
  return ch in DIGITS;
}

/** Strict parse of a Chinese integer numeral; null when the string is not a well-formed numeral. */
export function parseChineseInt(s: string): number | null {
  if (s.length === 0) return null;
  let total = 0; // accumulated 亿 part
  let wan = 0; // accumulated 万 part
  let section = 0; // below 万
  let digit: number | null = null; // pending digit
  let lastSmall = Infinity; // smallest small unit used in this section (must decrease)
  let lastUnit = 0; // value of the unit just before a pending trailing digit
  let zeroSeen = false;
  let any = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      const d = DIGITS[ch]!;
      if (digit !== null && digit !== 0) return null; // two digits in a row: 三四
      if (d === 0) {
        zeroSeen = true;
        digit = 0;
      } else {
        digit = d;
      }
      any = true;
      continue;
    }
    if (ch in SMALL) {
      const u = SMALL[ch]!;
      if (u >= lastSmall) return null; // 十百, 百百
      let d = digit;
      if (d === null) {
        // 十五 = 15, but 百五 is not a numeral
        if (u === 10 && section === 0 && !any) d = 1;
        else if (u === 10 && zeroSeen) d = 1; // 一百零十? tolerate as 一百一十
        else return null;
      }
      if (d === 0) return null;
      section += d * u;
      lastSmall = u;
      lastUnit = u;
      digit = null;
      zeroSeen = false;
      any = true;
      continue;
    }
    if (ch in BIG) {
      const u = BIG[ch]!;
      const v = section + (digit ?? 0);
      if (u === 1e4) {
        if (v === 0 || wan !== 0) return null;
        wan = v * 1e4;
      } else {
        const w = wan + v;
        if (w === 0 && total === 0) return null;
        total = (total + w) * 1e8;
        wan = 0;
      }
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastUnit = u;
      zeroSeen = false;
      any = true;
      continue;
    }
    return null;
  }
  if (!any) return null;
  let tail = digit ?? 0;
  // colloquial abbreviation: 三百五 = 350, 一万五 = 15000 (digit right after a unit, no 零)
  if (digit !== null && digit !== 0 && !zeroSeen && lastUnit >= 100 && s.length >= 3) {
    const prevCh = s[s.length - 2]!;
    if (prevCh in SMALL || prevCh in BIG) tail = digit * (lastUnit / 10);
  }
  return total + wan + section + tail;
}

const CN_DIGIT_OUT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function sectionToChinese(n: number, leadingTen: boolean): string {
  // n in 0..9999
  const units = ['千', '百', '十', ''];
  const vals = [1000, 100, 10, 1];
  let out = '';
  let pendingZero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / vals[i]!) % 10;
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    if (!(leadingTen && !started && vals[i] === 10 && d === 1)) out += CN_DIGIT_OUT[d];
    out += units[i];
    started = true;
  }
  return out;
}

/** Chinese numeral for a non-negative integer below 1e12 (十五, 一百一十, 一万零五, 三亿零五万). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`unsupported: ${n}`);
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let out = '';
  let started = false;
  let needZero = false;
  if (yi > 0) {
    out += sectionToChinese(yi, true) + '亿';
    started = true;
  }
  if (wan > 0) {
    if (started && wan < 1000) out += '零';
    out += sectionToChinese(wan, !started) + '万';
    started = true;
  } else if (started) {
    needZero = true;
  }
  if (rest > 0) {
    if (started && (rest < 1000 || needZero)) out += '零';
    out += sectionToChinese(rest, !started);
  }
  return out;
}

/** Arabic number with optional thousands separators: 1,200.5 */
export const ARABIC_NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;

/**
 * Parse a number as written in text: Arabic (with , separators and decimals), Chinese,
 * or Arabic followed by 万/亿 (4.6万 → 46000). Exact decimal arithmetic (no 4.6*1e4 artefacts).
 */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (t.length === 0) return null;
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)(万|亿|万亿)?$/.exec(t);
  if (m) {
    const base = new Decimal(m[1]!.replace(/,/g, ''));
    const mult = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : m[2] === '万亿' ? 1e12 : 1;
    return base.times(mult).toNumber();
  }
  return parseChineseInt(t);
}

/** Exact decimal string → number (avoids float artefacts when a value is computed). */
export function decimalValue(s: string): number {
  return new Decimal(s.replace(/,/g, '')).toNumber();
}
