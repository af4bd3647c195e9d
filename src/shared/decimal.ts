/**
 * Thin helpers over decimal.js so that no binary floating-point artefact ever
 * reaches a published figure. PostgreSQL `numeric` arrives as strings; keep it
 * in Decimal until the moment it is shown, then round with `round`.
 */
import DecimalJs from 'decimal.js';

/**
 * Our own constructor: 40 significant digits (percentages of ratios of
 * numerics never lose digits a reader could see) and half-up rounding, the
 * 四舍五入 of Chinese statistics (applied to the absolute value: -2.45 → -2.5).
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export type DecimalLike = string | number | DecimalJs;

/** Parse a value into a Decimal. Throws on empty, non-numeric or non-finite input. */
export function dec(x: DecimalLike): Decimal {
  // decimal.js values are immutable: one of ours is returned as it is, not copied
  // (the cockpit's hot loops pass Decimals through here thousands of times).
  if (x instanceof Decimal && x.isFinite()) return x;
  if (typeof x === 'number' && !Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (typeof x === 'string' && x.trim() === '') throw new RangeError('empty numeric string');
  const d = new Decimal(typeof x === 'string' ? x.trim() : x);
  if (!d.isFinite()) throw new RangeError(`not a finite number: ${String(x)}`);
  return d;
}

/** Like `dec`, but null/undefined/'' (a missing figure) give null. */
export function decOrNull(x: DecimalLike | null | undefined): Decimal | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'string' && x.trim() === '') return null;
  return dec(x);
}

/**
 * Round half-up to `places` decimals and return the fixed-point string
 * ('18.56', '6.0'). Never returns '-0.00': a value that rounds to zero is zero.
 */
export function round(x: DecimalLike, places: number): string {
  return roundDecimal(dec(x), places).toFixed(places);
}

const ZERO = new Decimal(0); // decimal.js values are immutable: safe to share

/**
 * `round` without the string: the Decimal half-up rounded to `places` (a zero
 * is a positive zero), whose `toFixed(places)` is exactly what `round` returns.
 * For hot code that keeps computing with the rounded value instead of parsing
 * the printed string again.
 */
export function roundDecimal(x: Decimal, places: number): Decimal {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`bad decimal places: ${places}`);
  const r = x.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  return r.isZero() ? ZERO : r;
}

/** Rounded as in `round`, then as a JS number (for charts and JSON that need numbers). */
export function toNumber(x: DecimalLike, places: number): number {
  return Number(round(x, places));
}

/** Exact sum; an empty list sums to 0. */
export function sum(values: Iterable<DecimalLike>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(dec(v));
  return total;
}
