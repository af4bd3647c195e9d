/**
 * `round` of ./decimal (half away from zero, 四舍五入; never '-0.0') on a number's exact
 * decimal text with BigInt, without decimal.js: the wording of figures (./format) also
 * runs in the web app, whose first load (the cockpit, the big screen) should not carry
 * decimal.js (≈ 12 KB gzip) for it. Same results as `round` for every finite input
 * (property-tested in roundText.test.ts).
 */

const NUMERIC = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** What `round` takes: numeric text, a finite number or a decimal.js value (read through its exact `toFixed()`). */
export type Roundable = string | number | { toFixed(): string };

/** The value as sign, digits and scale (value = ±n / 10^scale). Throws where `dec` throws. */
function parse(x: Roundable): { neg: boolean; n: bigint; scale: number } {
  if (typeof x === 'number' && !Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const text = (typeof x === 'object' ? x.toFixed() : String(x)).trim();
  if (text === '') throw new RangeError('empty numeric string');
  const m = NUMERIC.exec(text);
  if (!m || !(m[2] || m[3])) throw new RangeError(`not a finite number: ${text}`);
  const frac = m[3] ?? '';
  const scale = frac.length - Number(m[4] ?? 0);
  const digits = (m[2] || '0') + frac + (scale < 0 ? '0'.repeat(-scale) : '');
  return { neg: m[1] === '-', n: BigInt(digits), scale: Math.max(scale, 0) };
}

/** Rounded half away from zero to `places` decimals, as fixed-point text ('18.56', '6.0', '0.00'). */
export function roundText(x: Roundable, places: number): string {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`bad decimal places: ${places}`);
  const { neg, n, scale } = parse(x);
  let q = n * 10n ** BigInt(Math.max(places - scale, 0));
  if (scale > places) {
    const div = 10n ** BigInt(scale - places);
    q = n / div + ((n % div) * 2n >= div ? 1n : 0n);
  }
  const s = q.toString().padStart(places + 1, '0');
  const body = places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  return neg && q !== 0n ? `-${body}` : body;
}

/** Rounded text without its sign: '-3.20' → '3.20'. */
export const absText = (fixed: string) => fixed.replace(/^-/, '');

/** Whether rounded text is zero ('0', '0.00'). */
export const isZeroText = (fixed: string) => /^0(\.0*)?$/.test(fixed);
