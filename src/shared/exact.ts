/**
 * Exact rationals over BigInt for hot loops that would otherwise run decimal.js at 40
 * digits (the cockpit judges 60 indicators × 30 units per month). A stored numeric is
 * n / 10^scale; a share of two of them is any n / d. Every result is rounded once,
 * half away from zero (四舍五入, as ./decimal), from the exact value, so it equals
 * the 40-digit decimal.js result whenever that one is exact to the printed place —
 * for figures of ≤ 14 integer digits and ≤ 6 decimals (the input limit,
 * targets/catalogue.ts) by a margin of some 15 digits. Property-tested against
 * the decimal code in exact.test.ts and cockpit/compute.test.ts.
 */
import { Decimal } from './decimal';

/** n / d, d > 0. Not reduced: a stored numeric keeps d = 10^scale. */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const POW10: bigint[] = Array.from({ length: 48 }, (_, i) => 10n ** BigInt(i));
export const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);

const PLAIN = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;

/** A numeric as text ('-12.3400', '7', '.5') exactly; other forms through decimal.js. Throws where `dec` throws. */
export function parseQ(text: string): Q {
  const m = PLAIN.exec(text);
  if (m && (m[2] || m[3])) {
    const frac = m[3] ?? '';
    const n = BigInt((m[2] || '0') + frac);
    return { n: m[1] === '-' ? -n : n, d: pow10(frac.length) };
  }
  if (text.trim() === '') throw new RangeError('empty numeric string');
  const d = new Decimal(text.trim());
  if (!d.isFinite()) throw new RangeError(`not a finite number: ${text}`);
  return parseQ(d.toFixed());
}

export const parseQOrNull = (text: string | null | undefined): Q | null =>
  text === null || text === undefined || text.trim() === '' ? null : parseQ(text);

/** A Decimal exactly (its plain digits). */
export const qOfDecimal = (d: Decimal): Q => parseQ(d.toFixed());

export function addQ(a: Q, b: Q): Q {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** a / b × 100 (a share in percent); null when b is 0. */
export function percentQ(a: Q, b: Q): Q | null {
  if (b.n === 0n) return null;
  const n = a.n * b.d * 100n;
  const d = a.d * b.n;
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** num / den rounded to an integer, halves away from zero; den ≠ 0. */
export function divRound(num: bigint, den: bigint): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const abs = neg ? -num : num;
  if (abs <= SMALL && den <= SMALL) {
    // Both below 2^50: the same floor((2·abs + den) / 2·den) in doubles, every operand and
    // product an exact integer below 2^53, the quotient corrected where division rounded.
    // BigInt division allocates, and was the cockpit's largest cost after the decimals.
    const x = 2 * Number(abs) + Number(den);
    const y = 2 * Number(den);
    let q = Math.floor(x / y);
    if (q * y > x) q--;
    else if ((q + 1) * y <= x) q++;
    return BigInt(neg ? -q : q);
  }
  const q = (abs * 2n + den) / (den * 2n);
  return neg ? -q : q;
}
const SMALL = 2n ** 50n;

/** `q` rounded to `places` decimals, as the integer q × 10^places. */
export function roundQ(q: Q, places: number): bigint {
  // A stored numeric at its own scale (the usual case) needs no division.
  if (q.d === pow10(places)) return q.n;
  return divRound(q.n * pow10(places), q.d);
}

/** The integer `n` read as n / 10^places, printed as `toFixed(places)` prints it ('-0.50', '12'); never '-0'. */
export function fixedText(n: bigint, places: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(places + 1, '0');
  const sign = neg ? '-' : '';
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** Sign of a − b. */
export function cmpQ(a: Q, b: Q): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
