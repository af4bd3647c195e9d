// Input types that mean what they say: one rule per kind of value, used by every
// request schema, so that what the API accepts is what the database, the views
// and the exports can hold. Pure (zod only), unit-tested in input.test.ts.
import { z } from 'zod';
import { AppError } from './errors';
import { dec } from './decimal';

/** The longest string any request may carry (a speech pasted for extraction is the largest). */
export const MAX_STRING = 200_000;

/**
 * The first place in a request (body, query or params) holding a NUL character or a
 * string longer than MAX_STRING, or null. PostgreSQL text cannot store NUL, so without
 * this every write route answered 500; checked once for all routes by a hook.
 */
export function badString(value: unknown, path = ''): { path: string; reason: 'nul' | 'length' } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, reason: 'nul' };
    return value.length > MAX_STRING ? { path, reason: 'length' } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = badString(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return { path: path ? `${path}.<key>` : '<key>', reason: 'nul' };
      const bad = badString(v, path ? `${path}.${k}` : k);
      if (bad) return bad;
    }
  }
  return null;
}

/** Throws validation.failed when a request part carries NUL or an over-long string. */
export function refuseBadStrings(parts: Record<string, unknown>): void {
  for (const [part, value] of Object.entries(parts)) {
    const bad = badString(value);
    if (!bad) continue;
    const where = `${part}${bad.path ? `.${bad.path}` : ''}`;
    const why = bad.reason === 'nul' ? 'NUL (\\u0000) is not allowed' : `longer than ${MAX_STRING} characters`;
    throw new AppError('validation.failed', { fields: `${where}: ${why}` });
  }
}

/** The version the client read; required on every update so a stale edit is refused (409), never lost. */
export const version = z.number().int().min(1);
/** The body of an update that carries nothing but the version (approve, publish). */
export const versionBody = z.object({ version });

type Shape = Record<string, z.ZodType>;

/** A field without its default (and without prefault), so that absent stays absent. */
function withoutDefault(t: z.ZodType): z.ZodType {
  let inner: z.ZodType = t;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

type PatchShape<S extends Shape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer I> ? I : S[K] extends z.ZodPrefault<infer I> ? I : S[K]>;
};

/**
 * The PATCH schema of a create schema: every field optional and WITHOUT its default.
 * zod's `.partial()` keeps defaults, so `{"name": …}` came back with keyProject=false,
 * currency='CNY', an empty task force…, and the update overwrote them.
 * The result also requires `version` (see above) unless `{ versioned: false }` for
 * records that keep none.
 */
export function patchOf<S extends Shape>(schema: z.ZodObject<S>): z.ZodObject<PatchShape<S> & { version: typeof version }>;
export function patchOf<S extends Shape>(schema: z.ZodObject<S>, opts: { versioned: false }): z.ZodObject<PatchShape<S>>;
export function patchOf<S extends Shape>(schema: z.ZodObject<S>, opts: { versioned?: boolean } = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, t] of Object.entries(schema.shape)) shape[k] = withoutDefault(t).optional();
  if (opts.versioned !== false) shape.version = version;
  return z.object(shape);
}

/**
 * A decimal given as a string (or a JSON number), kept exact as its trimmed string:
 * finite, at most `places` decimals and `digits` integer digits, at least `min`.
 * "NaN", "", "1e999" and "Infinity" are refused with a 400 instead of a 500 later.
 */
export function decimalInput(opts: { places: number; digits?: number; min?: number | null; max?: number; message?: string }) {
  const digits = opts.digits ?? 14;
  const signed = opts.min === null || (opts.min !== undefined && opts.min < 0);
  const pattern = new RegExp(`^${signed ? '-?' : ''}\\d{1,${digits}}${opts.places > 0 ? `(\\.\\d{1,${opts.places}})?` : ''}$`);
  const message = opts.message ?? `a number with at most ${opts.places} decimals`;
  const inRange = (s: string) => (opts.min == null || dec(s).gte(opts.min)) && (opts.max === undefined || dec(s).lte(opts.max));
  const range = [opts.min != null ? `at least ${opts.min}` : '', opts.max !== undefined ? `at most ${opts.max}` : ''].filter(Boolean).join(', ');
  return z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(
      z.string().superRefine((s, ctx) => {
        // The pattern first: dec() must never see "NaN" or "" (it throws, which was a 500).
        if (!pattern.test(s)) ctx.addIssue({ code: 'custom', message });
        else if (!inRange(s)) ctx.addIssue({ code: 'custom', message: range });
      }),
    );
}

/**
 * The row a conditional update (`WHERE id = … AND version = <checked>`) returned: none means
 * another user saved between the check and the update, which is a stale version too.
 */
export function stillCurrent<T>(row: T | undefined): T {
  if (!row) throw new AppError('conflict.stale');
  return row;
}

/** Refuses an update made on a version other than the stored one (another user saved in between). */
export function checkVersion(given: number, stored: number): void {
  if (given !== stored) throw new AppError('conflict.stale');
}
